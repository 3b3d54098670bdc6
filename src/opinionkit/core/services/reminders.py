"""The Today list: what is due today or overdue, across every person and every open case.

Records due or overdue, records owed to an office by its due day, appointments
today and tomorrow, and decision deadlines that are close or passed. Decided
cases are left out: nothing is due on them.
"""

from __future__ import annotations

import datetime as dt

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Case, CaseStatus, Person
from opinionkit.core.domain.appointments import OPINION_KINDS, Appointment
from opinionkit.core.domain.overview import Reminder, Target
from opinionkit.core.domain.records import Step, TrackerRow
from opinionkit.core.services import appointments, cases, people, providers, tracker

#: Decision deadlines this close (or passed) are on the list.
DEADLINE_DAYS = 7
_WAITING = (Step.NEEDED, Step.REQUESTED)
_NOT_SENT = (Step.NEEDED, Step.REQUESTED, Step.RECEIVED)


def today_list(db: Database, today: dt.date | None = None, deadline_days: int = DEADLINE_DAYS) -> list[Reminder]:
    """Everything due on ``today`` (the current date by default) or before, soonest first."""
    day = today or dates.today()
    names = {p.id: p for p in people.list_all(db)}
    found: list[Reminder] = []
    for case in cases.list_all(db):
        if case.status is CaseStatus.DECIDED:
            continue
        person = names[case.person_id]
        rows = tracker.tracker_rows(db, case.id or 0, on=day)
        found += _records(person, case, rows, day)
        found += _appointments(db, person, case, rows, day)
        found += _deadline(person, case, day, deadline_days)
    return sorted(found, key=lambda r: (r.on, r.person_name.casefold(), r.case_id, r.kind))


def _reminder(person: Person, case: Case, kind: str, text: str, on: dt.date, target: Target) -> Reminder:
    return Reminder(person_id=person.id or 0, person_name=person.name, case_id=case.id or 0, case_title=case.title,
                    kind=kind, text=text, on=on, target=target)


def _records(person: Person, case: Case, rows: list[TrackerRow], day: dt.date) -> list[Reminder]:
    found = []
    for row in rows:
        if not row.due_date or row.status not in _WAITING or row.due_date > day.isoformat():
            continue
        holder = row.holder_name or "its holder"
        due = dt.date.fromisoformat(row.due_date)
        text = (f"“{row.label}” from {holder} is due today." if due == day
                else f"“{row.label}” from {holder} was due on {row.due_date}: follow up.")
        found.append(_reminder(person, case, "record", text, due, ("records", row.id)))
    return found


def _appointments(
    db: Database, person: Person, case: Case, rows: list[TrackerRow], day: dt.date,
) -> list[Reminder]:
    found = []
    unsent = sum(row.status in _NOT_SENT for row in rows)
    for visit in appointments.upcoming(db, case.id or 0, day):
        who = _doctor(db, visit)
        target = ("appointments", visit.id or 0)
        days = (visit.day - day).days
        if days <= 1:
            when = "today" if days == 0 else "tomorrow"
            text = f"{visit.kind.value.capitalize()} appointment {when} at {visit.start:%H:%M}{who}"
            text += f", {visit.place or visit.link}." if visit.place or visit.link else "."
            if days == 1 and visit.kind in OPINION_KINDS:
                text += " Call the office today to confirm your records arrived."
            found.append(_reminder(person, case, "appointment", text, visit.day, target))
        if visit.records_due_by and visit.records_due_by <= day.isoformat() and unsent:
            due = dt.date.fromisoformat(visit.records_due_by)
            when = "today" if due == day else f"on {visit.records_due_by}"
            found.append(_reminder(
                person, case, "records due",
                f"Records for the appointment on {visit.day.isoformat()}{who} are due {when}: "
                f"{unsent} not sent yet.", due, ("records",),
            ))
    return found


def _deadline(person: Person, case: Case, day: dt.date, within: int) -> list[Reminder]:
    due = dates.parse_date(case.decision_deadline, "decision_deadline", "The decision deadline")
    if due is None or (due - day).days > within:
        return []
    days = (due - day).days
    if days < 0:
        text = f"The decision deadline passed on {due.isoformat()}: decide, or set a new deadline."
    elif days == 0:
        text = "The decision is due today."
    else:
        text = f"The decision is due in {days} day{'s' if days != 1 else ''}, on {due.isoformat()}."
    return [_reminder(person, case, "deadline", text, due, ("decision",))]


def _doctor(db: Database, visit: Appointment) -> str:
    if visit.provider_id is None:
        return ""
    return f" with {providers.get(db, visit.provider_id).name}"
