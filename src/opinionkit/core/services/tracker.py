"""The tracker of a case: every item with its holder's numbers, status, step dates and flags.

One SQL statement reads a whole case: each item's live steps and follow-ups
are gathered inside it (by index, per item), so a case with thousands of items
opens at once and nothing is read item by item afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.records import (
    RecordForm,
    RecordItem,
    RecordKind,
    RecordSummary,
    RequestMethod,
    Route,
    Step,
    TrackerRow,
    describe_period,
    item_label,
)
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services.timeline import next_step

_SELECT = """
    SELECT i.id, i.case_id, i.kind, i.description, i.holder_id, i.period_text, i.period_from, i.period_to,
        i.original_or_report, i.route, i.request_method, i.request_reference, i.due_date, i.extension_days,
        i.carrier, i.tracking_number, i.shipped_on, i.confirmed_by, i.confirmed_on,
        COALESCE(p.name, ''), COALESCE(p.institution, ''), COALESCE(p.phone, ''), COALESCE(p.fax, ''),
        (SELECT group_concat(s.step || '=' || s.on_date) FROM record_steps s
            WHERE s.item_id = i.id AND s.undone_at IS NULL),
        (SELECT COUNT(*) FROM record_followups f WHERE f.item_id = i.id),
        (SELECT MAX(f.on_date) FROM record_followups f WHERE f.item_id = i.id)
    FROM record_items i LEFT JOIN providers p ON p.id = i.holder_id
"""

# Lookups made once, so turning 5,000 rows into objects costs dictionary reads only.
_STEPS = {s.value: s for s in Step}
_KINDS = {k.value: k for k in RecordKind}
_FORMS = {f.value: f for f in RecordForm}
_ROUTES = {r.value: r for r in Route}
_METHODS: dict[str | None, RequestMethod | None] = {m.value: m for m in RequestMethod}
_NEXT = {(route, step): next_step(route, step) for route in Route for step in Step}
_WAITING = frozenset({Step.NEEDED, Step.REQUESTED})  # still waiting on the holder
_rank = {step: step.rank for step in Step}.__getitem__


def tracker_rows(
    db: Database,
    case_id: int,
    *,
    statuses: Iterable[Step | str] | None = None,
    kinds: Iterable[RecordKind | str] | None = None,
    holder_id: int | None = None,
    overdue_only: bool = False,
    unconfirmed_only: bool = False,
    on: dt.date | None = None,
) -> list[TrackerRow]:
    """The case's items for the tracker, in the order they were added, filtered as asked.

    ``on`` is the day overdue is judged against (today by default).
    """
    _check_case(db, case_id)
    where, params = ["i.case_id = ?"], [case_id]
    if kinds is not None:
        names = [_choice(RecordKind, k, "kind").value for k in kinds]
        where.append(f"i.kind IN ({', '.join('?' * len(names)) or 'NULL'})")
        params += names
    if holder_id is not None:
        where.append("i.holder_id = ?")
        params.append(holder_id)
    found = _rows(db.execute(f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY i.id", params), on)
    if statuses is not None:
        wanted = {_choice(Step, s, "status") for s in statuses}
        found = [r for r in found if r.status in wanted]
    if overdue_only:
        found = [r for r in found if r.overdue]
    if unconfirmed_only:
        found = [r for r in found if r.shipment_unconfirmed]
    return found


def tracker_row(db: Database, item_id: int, on: dt.date | None = None) -> TrackerRow:
    """One item's tracker row, to refresh a single line after it changed."""
    found = _rows(db.execute(f"{_SELECT} WHERE i.id = ?", [item_id]), on)
    if not found:
        raise NotFound("record item", item_id)
    return found[0]


def summary(db: Database, case_id: int, on: dt.date | None = None) -> RecordSummary:
    """Counts for the case's summary line (a window that has the rows uses ``summarize``)."""
    return summarize(tracker_rows(db, case_id, on=on))


def summarize(rows: Sequence[TrackerRow]) -> RecordSummary:
    """The summary counts of rows already loaded (no query)."""
    by_status: dict[Step, int] = {}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    return RecordSummary(
        total=len(rows), by_status=by_status,
        overdue=sum(r.overdue for r in rows), shipments_unconfirmed=sum(r.shipment_unconfirmed for r in rows),
    )


def format_summary(counts: RecordSummary) -> str:
    """"9 of 14 confirmed · 2 overdue · 1 shipment unconfirmed" (parts that are zero left out)."""
    if not counts.total:
        return "No records listed yet"
    parts = [f"{counts.confirmed} of {counts.total} confirmed"]
    if counts.overdue:
        parts.append(f"{counts.overdue} overdue")
    if counts.shipments_unconfirmed:
        noun = "shipment" if counts.shipments_unconfirmed == 1 else "shipments"
        parts.append(f"{counts.shipments_unconfirmed} {noun} unconfirmed")
    return " · ".join(parts)


def is_overdue(item: RecordItem, status: Step, on: dt.date | None = None) -> bool:
    """The due date has passed and the holder has not yet delivered (still needed or requested)."""
    day = (on or dates.today()).isoformat()
    return bool(item.due_date) and item.due_date < day and Step(status) in _WAITING


def shipment_unconfirmed(status: Step) -> bool:
    """Sent to the second office, but nobody there has confirmed receipt yet."""
    return Step(status) is Step.SENT


def _choice(allowed: Any, value: Any, field: str) -> Any:
    try:
        return allowed(value)
    except ValueError:
        raise InvalidInput(field, f"The {field} filter must be one of: {', '.join(allowed)}.") from None


def _check_case(db: Database, case_id: int) -> None:
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone():
        raise NotFound("case", case_id)


def _rows(cursor: Any, on: dt.date | None) -> list[TrackerRow]:
    today = (on or dates.today()).isoformat()
    found = []
    for (ident, case_id, kind, description, holder_id, period_text, period_from, period_to, form, route,
         method, reference, due_date, extension_days, carrier, tracking, shipped_on, confirmed_by,
         confirmed_on, holder_name, institution, phone, fax, reached, followups, last_followup) in cursor:
        step_dates: dict[Step, str] = {}
        for pair in (reached or "").split(","):
            name, _, day = pair.partition("=")
            if name:
                step_dates[_STEPS[name]] = day
        status = max(step_dates, key=_rank) if step_dates else Step.NEEDED
        route = _ROUTES[route]
        kind = _KINDS[kind]
        found.append(TrackerRow(
            id=ident, case_id=case_id, kind=kind, description=description,
            label=item_label(description, kind), holder_id=holder_id, holder_name=holder_name,
            holder_institution=institution, holder_phone=phone, holder_fax=fax,
            period=describe_period(period_text, period_from, period_to), original_or_report=_FORMS[form],
            route=route, request_method=_METHODS.get(method), request_reference=reference, due_date=due_date,
            extension_days=extension_days, carrier=carrier, tracking_number=tracking, shipped_on=shipped_on,
            confirmed_by=confirmed_by, confirmed_on=confirmed_on, status=status, next_step=_NEXT[route, status],
            step_dates=step_dates,
            overdue=due_date is not None and due_date < today and status in _WAITING,
            shipment_unconfirmed=status is Step.SENT,
            followup_count=followups, last_followup_on=last_followup,
        ))
    return found

