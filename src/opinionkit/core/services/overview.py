"""A case's first page: days left, the records line, warnings and the next steps, read in one go."""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Provider
from opinionkit.core.domain.appointments import OPINION_KINDS
from opinionkit.core.domain.overview import Overview
from opinionkit.core.errors import NotFound
from opinionkit.core.services import appointments, cases, next_steps, providers, tracker


def overview(db: Database, case_id: int, today: dt.date | None = None) -> Overview:
    """Everything the overview shows; the record counts come from the same rows as the tracker's."""
    day = today or dates.today()
    case = cases.get(db, case_id)
    rows = tracker.tracker_rows(db, case_id, on=day)
    counts = tracker.summarize(rows)
    upcoming = appointments.next_appointment(db, case_id, day)
    deadline = dates.parse_date(case.decision_deadline, "decision_deadline", "The decision deadline")
    return Overview(
        case_id=case_id, today=day,
        days_to_deadline=None if deadline is None else (deadline - day).days,
        next_appointment_id=upcoming.id if upcoming else None,
        days_to_next_appointment=(upcoming.day - day).days if upcoming else None,
        records=counts, records_line=tracker.format_summary(counts),
        warnings=independence_warnings(db, case_id),
        steps=next_steps.next_steps(db, case_id, day, rows=rows),
    )


def independence_warnings(db: Database, case_id: int) -> list[str]:
    """A warning for each second-opinion doctor who is the first doctor, or at the same institution.

    The second-opinion doctors are the case's, and those of its second-opinion visits and remote reviews.
    """
    case = cases.get(db, case_id)
    first = _provider(db, case.recommending_doctor_id)
    if first is None:
        return []
    idents = [case.second_opinion_doctor_id] + [
        a.provider_id for a in appointments.list_for_case(db, case_id) if a.kind in OPINION_KINDS
    ]
    found = []
    for ident in dict.fromkeys(i for i in idents if i is not None):
        second = _provider(db, ident)
        if second is None:
            continue
        if second.id == first.id:
            found.append(f"{first.name} made the first recommendation: a second opinion needs another doctor.")
        elif providers.same_institution(first, second):
            found.append(
                f"{second.name} works at the same institution as {first.name} ({second.institution}). "
                "A second opinion is most independent from a doctor at another institution who is not a close "
                "colleague of the first."
            )
    return found


def _provider(db: Database, ident: int | None) -> Provider | None:
    if ident is None:
        return None
    try:
        return providers.get(db, ident)
    except NotFound:
        return None
