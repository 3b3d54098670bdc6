"""Record items of a case: what is needed, from whom, how it travels, and the calls chasing it."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.records import (
    MAX_EXTENSION_DAYS,
    FollowUp,
    RecordForm,
    RecordItem,
    RecordKind,
    RequestMethod,
    Route,
    Step,
)
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import timeline, trash, validation
from opinionkit.core.storage import rows

TABLE = "record_items"
KIND = "record item"
FOLLOWUPS = "record_followups"
_TEXT_FIELDS = (
    "description", "period_text", "request_reference", "extension_reason", "carrier",
    "tracking_number", "confirmed_by", "notes",
)


def validate(db: Database, item: RecordItem) -> RecordItem:
    """Check and tidy every field; raises InvalidInput naming the first field that is wrong."""
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [item.case_id]).fetchone():
        raise NotFound("case", item.case_id)
    validation.one_of(item, "kind", "The kind of record", RecordKind)
    validation.one_of(item, "original_or_report", "Original or report", RecordForm)
    validation.one_of(item, "route", "The route", Route)
    if item.request_method in ("", None):
        item.request_method = None
    else:
        validation.one_of(item, "request_method", "The request method", RequestMethod)
    validation.strip_texts(item, *_TEXT_FIELDS)
    if item.holder_id is not None and not db.execute(
        "SELECT 1 FROM providers WHERE id = ?", [item.holder_id]
    ).fetchone():
        raise InvalidInput("holder_id", f"No provider with id {item.holder_id} is in the directory.")
    item.period_from = dates.clean_date(item.period_from, "period_from", "The start of the period")
    item.period_to = dates.clean_date(item.period_to, "period_to", "The end of the period")
    if item.period_from and item.period_to and item.period_to < item.period_from:
        raise InvalidInput("period_to", "The period ends before it starts: please check the two dates.")
    item.due_date = dates.clean_date(item.due_date, "due_date", "The due date")
    item.shipped_on = dates.clean_date(item.shipped_on, "shipped_on", "The shipment date")
    item.confirmed_on = dates.clean_date(item.confirmed_on, "confirmed_on", "The date receipt was confirmed")
    if item.shipped_on and item.confirmed_on and item.confirmed_on < item.shipped_on:
        raise InvalidInput("confirmed_on", "Receipt was confirmed before the item was shipped: please check the dates.")
    _check_extension(item)
    if item.id is not None:
        _check_against_timeline(db, item)
    return item


def create(db: Database, item: RecordItem, needed_on: dt.date | str | None = None, note: str = "") -> RecordItem:
    """Add an item to its case; its timeline starts with "needed" on ``needed_on`` (today by default)."""
    item.id = None
    validate(db, item)
    with db.atomic():
        item.id = rows.insert(db, TABLE, item)
        timeline.add_first_step(db, item.id, needed_on, note.strip())
    return item


def update(db: Database, item: RecordItem) -> RecordItem:
    """Save edits to an item. The extension is changed only by ``extend_due_date``/``cancel_extension``."""
    stored = get(db, item.id) if item.id is not None else None
    if stored is None:
        raise NotFound(KIND, item.id)
    if item.case_id != stored.case_id:
        raise InvalidInput("case_id", "A record item stays in its case: add a new item to the other case instead.")
    item.extension_days, item.extension_reason = stored.extension_days, stored.extension_reason
    validate(db, item)
    with db.atomic():
        rows.update(db, TABLE, item, KIND)
    return item


def get(db: Database, item_id: int) -> RecordItem:
    return rows.get(db, TABLE, RecordItem, item_id, KIND)


def list_for_case(db: Database, case_id: int) -> list[RecordItem]:
    return rows.select(db, TABLE, RecordItem, "case_id = ?", [case_id])


def move_to_trash(db: Database, item_id: int) -> int:
    """Delete an item with its timeline and follow-ups, restorable from the trash; returns the entry id."""
    item = get(db, item_id)
    return trash.move_to_trash(db, TABLE, item_id, KIND, item.label)


def extend_due_date(db: Database, item_id: int, days: int, reason: str) -> RecordItem:
    """Take the holder's one extension: move the due date ``days`` (1 to 30) later, with its reason."""
    item = get(db, item_id)
    if item.due_date is None:
        raise InvalidInput("due_date", "This item has no due date yet: record its request or set a due date first.")
    if item.extension_days:
        raise InvalidInput(
            "extension_days",
            f"The due date was already extended once (by {item.extension_days} days). "
            "Only one extension is allowed: follow up with the holder instead.",
        )
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_EXTENSION_DAYS:
        raise InvalidInput("extension_days", f"An extension is 1 to {MAX_EXTENSION_DAYS} days.")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("extension_reason", "Write the reason the holder gave for the extension.")
    due = dt.date.fromisoformat(item.due_date) + dt.timedelta(days=days)
    with db.atomic():
        db[TABLE].update(item_id, {
            "due_date": due.isoformat(), "extension_days": days, "extension_reason": reason,
            "updated_at": dates.now_stamp(),
        })
    return get(db, item_id)


def cancel_extension(db: Database, item_id: int) -> RecordItem:
    """Take back an extension entered by mistake: the due date moves back by its days."""
    item = get(db, item_id)
    if not item.extension_days:
        raise InvalidInput("extension_days", "This item's due date has not been extended.")
    due = dt.date.fromisoformat(item.due_date or "") - dt.timedelta(days=item.extension_days)
    with db.atomic():
        db[TABLE].update(item_id, {
            "due_date": due.isoformat(), "extension_days": 0, "extension_reason": "",
            "updated_at": dates.now_stamp(),
        })
    return get(db, item_id)


def add_followup(
    db: Database, item_id: int, said: str, who: str = "", on_date: dt.date | str | None = None
) -> FollowUp:
    """Log a call or message about an item: what was said, with whom, and when (today by default)."""
    get(db, item_id)
    day = dates.parse_date(on_date, "on_date", "The date of the follow-up") or dates.today()
    if day > dates.today():
        raise InvalidInput("on_date", "The date of the follow-up is in the future: log it once it has happened.")
    followup = FollowUp(item_id=item_id, on_date=day.isoformat(), who=(who or "").strip(), said=(said or "").strip())
    if not followup.said:
        raise InvalidInput("said", "Write what was said or agreed, for example “promised by Friday”.")
    with db.atomic():
        followup.id = int(db[FOLLOWUPS].insert({**rows.to_row(followup), "created_at": dates.now_stamp()}).last_pk)
    return followup


def followups(db: Database, item_id: int) -> list[FollowUp]:
    """The item's follow-up log, oldest first."""
    return rows.select(db, FOLLOWUPS, FollowUp, "item_id = ?", [item_id], order_by="on_date, id")


def _check_extension(item: RecordItem) -> None:
    days = item.extension_days or 0
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_EXTENSION_DAYS:
        raise InvalidInput("extension_days", f"An extension is 1 to {MAX_EXTENSION_DAYS} days.")
    item.extension_days = days
    if days and not item.extension_reason:
        raise InvalidInput("extension_reason", "Write the reason the holder gave for the extension.")
    if days and not item.due_date:
        raise InvalidInput("due_date", "An extended item needs a due date.")
    if not days:
        item.extension_reason = ""


def _check_against_timeline(db: Database, item: RecordItem) -> None:
    reached = timeline.active_dates(db, item.id or 0)
    requested = reached.get(Step.REQUESTED)
    if item.due_date and requested and item.due_date < requested:
        raise InvalidInput(
            "due_date", f"The due date is before the request date ({requested}): please check it."
        )
    if item.route is Route.DIRECT and Step.RECEIVED in reached:
        raise InvalidInput(
            "route",
            "You have already received this item, so it cannot go straight from its holder. "
            "Undo the “received” step first if that was a mistake.",
        )
