"""An item's timeline: needed, requested, received, sent, confirmed, each a dated row.

Steps only move forward along the item's route; a mistaken step is undone
(marked, never deleted), so the whole history stays readable. The current
status is the latest step that is not undone.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.records import ANSWER_DAYS, ROUTE_STEPS, RecordItem, RecordStep, Route, Step
from opinionkit.core.errors import InvalidInput
from opinionkit.core.storage import rows

TABLE = "record_steps"
ITEMS = "record_items"


def steps(db: Database, item_id: int, include_undone: bool = True) -> list[RecordStep]:
    """The item's timeline, oldest first; undone steps are kept unless asked otherwise."""
    where = "item_id = ?" if include_undone else "item_id = ? AND undone_at IS NULL"
    return rows.select(db, TABLE, RecordStep, where, [item_id], order_by="id")


def active_dates(db: Database, item_id: int) -> dict[Step, str]:
    """The date of each step the item has reached (undone steps left out)."""
    return {s.step: s.on_date for s in steps(db, item_id, include_undone=False)}


def current_step(db: Database, item_id: int) -> Step:
    reached = active_dates(db, item_id)
    return max(reached, key=lambda s: s.rank) if reached else Step.NEEDED


def next_step(route: Route, current: Step) -> Step | None:
    """The step after ``current`` on ``route``; None once the item is confirmed."""
    sequence = ROUTE_STEPS[Route(route)]
    if current not in sequence:  # received, then switched to direct: carry on from sent
        sequence = ROUTE_STEPS[Route.VIA_ME]
    position = sequence.index(current)
    return sequence[position + 1] if position + 1 < len(sequence) else None


def add_first_step(db: Database, item_id: int, on_date: dt.date | str | None = None, note: str = "") -> None:
    """Start a new item's timeline with its "needed" step (called when the item is created)."""
    day = dates.parse_date(on_date, "on_date", "The date the item was needed") or dates.today()
    _check_day(day, None)
    _insert(db, item_id, Step.NEEDED, day, note)


def advance(db: Database, item_id: int, on_date: dt.date | str | None = None, note: str = "") -> RecordStep:
    """Move the item to its next step, dated ``on_date`` (today by default)."""
    item = _item(db, item_id)
    following = next_step(item.route, current_step(db, item_id))
    if following is None:
        raise InvalidInput("step", f"“{item.label}” is already confirmed received: there is no further step.")
    return record_step(db, item_id, following, on_date, note)


def record_step(
    db: Database, item_id: int, step: Step | str, on_date: dt.date | str | None = None, note: str = ""
) -> RecordStep:
    """Record that the item reached ``step`` on ``on_date``; later steps than the current one only.

    Recording "requested" sets the due date to 30 days later unless one was chosen.
    """
    item = _item(db, item_id)
    try:
        step = Step(step)
    except ValueError:
        raise InvalidInput("step", f"The step must be one of: {', '.join(Step)}.") from None
    day = dates.parse_date(on_date, "on_date", "The date of the step") or dates.today()
    reached = active_dates(db, item_id)
    current = max(reached, key=lambda s: s.rank) if reached else Step.NEEDED
    _check_step(item, step, current)
    _check_day(day, reached.get(current))
    with db.atomic():
        if step is Step.REQUESTED:
            _set_default_due_date(db, item, day)
        _fill_shipment_dates(db, item, step, day)
        return _insert(db, item_id, step, day, note.strip())


def undo_last_step(db: Database, item_id: int) -> RecordStep:
    """Mark the latest step undone and return it; the first step ("needed") stays."""
    item = _item(db, item_id)
    active = steps(db, item_id, include_undone=False)
    if len(active) <= 1:
        raise InvalidInput("step", f"“{item.label}” has no step to undo. To remove the item, move it to the trash.")
    last = active[-1]
    last.undone_at = dates.now_stamp()
    with db.atomic():
        db[TABLE].update(last.id, {"undone_at": last.undone_at})
        _unset_what_the_step_set(db, item, last)
    return last


def _check_step(item: RecordItem, step: Step, current: Step) -> None:
    if step not in ROUTE_STEPS[item.route]:
        raise InvalidInput(
            "step",
            f"“{item.label}” goes straight from its holder to the second office, so it is never "
            "received by you: after requested, its next step is sent.",
        )
    if step.rank <= current.rank:
        raise InvalidInput(
            "step", f"“{item.label}” is already at “{current}”. Undo the later steps first to go back."
        )


def _check_day(day: dt.date, previous: str | None) -> None:
    if day > dates.today():
        raise InvalidInput("on_date", "The date of the step is in the future: record a step once it has happened.")
    if previous and day.isoformat() < previous:
        raise InvalidInput(
            "on_date", f"The date of the step is before the item's previous step ({previous}): please check it."
        )


def _set_default_due_date(db: Database, item: RecordItem, requested: dt.date) -> None:
    if item.due_date is None:
        due = (requested + dt.timedelta(days=ANSWER_DAYS)).isoformat()
        db[ITEMS].update(item.id, {"due_date": due, "updated_at": dates.now_stamp()})
    elif item.due_date < requested.isoformat():
        raise InvalidInput(
            "due_date",
            f"The due date ({item.due_date}) is before the request date ({requested.isoformat()}). "
            "Change or clear the due date first.",
        )


def _fill_shipment_dates(db: Database, item: RecordItem, step: Step, day: dt.date) -> None:
    # The shipment and confirmation dates follow their steps unless the person typed their own.
    column = {Step.SENT: "shipped_on", Step.CONFIRMED: "confirmed_on"}.get(step)
    if column and getattr(item, column) is None:
        db[ITEMS].update(item.id, {column: day.isoformat(), "updated_at": dates.now_stamp()})


def _unset_what_the_step_set(db: Database, item: RecordItem, undone: RecordStep) -> None:
    """Clear dates the undone step filled in, so doing the step again fills them afresh."""
    changes: dict[str, object] = {}
    if undone.step is Step.REQUESTED and item.due_date:
        requested = dt.date.fromisoformat(undone.on_date)
        default = (requested + dt.timedelta(days=ANSWER_DAYS + item.extension_days)).isoformat()
        if item.due_date == default:
            changes.update(due_date=None, extension_days=0, extension_reason="")
    column = {Step.SENT: "shipped_on", Step.CONFIRMED: "confirmed_on"}.get(undone.step)
    if column and getattr(item, column) == undone.on_date:
        changes[column] = None
    if changes:
        changes["updated_at"] = dates.now_stamp()
        db[ITEMS].update(item.id, changes)


def _insert(db: Database, item_id: int, step: Step, day: dt.date, note: str) -> RecordStep:
    made = RecordStep(item_id=item_id, step=step, on_date=day.isoformat(), note=note, created_at=dates.now_stamp())
    made.id = int(db[TABLE].insert(rows.to_row(made)).last_pk)
    return made


def _item(db: Database, item_id: int) -> RecordItem:
    return rows.get(db, ITEMS, RecordItem, item_id, "record item")
