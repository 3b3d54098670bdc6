"""A case's dates as an iCalendar file: appointments, record due dates and the decision deadline.

Each event has a UID made from what it is, its id and this database's own random
id, so exporting again and importing the file updates the events already in the
calendar instead of adding copies; another database never makes the same UIDs.
SEQUENCE and LAST-MODIFIED follow the row's last change, so calendars take the
newer version. Times are local "floating" times, as they were entered.
"""

from __future__ import annotations

import datetime as dt
import uuid

import icalendar
from sqlite_utils import Database

from opinionkit import __version__
from opinionkit.core.domain import Case, CaseStatus, Provider
from opinionkit.core.domain.appointments import Appointment
from opinionkit.core.domain.records import Step, TrackerRow
from opinionkit.core.services import appointments, cases, people, providers, settings, tracker

#: Fixed namespace under which each database's random id becomes its UID domain.
_NAMESPACE = uuid.UUID("6f0d3f5e-1b7a-4c36-9a59-3c1d2f7e8b40")
#: SEQUENCE counts seconds since this moment (it fits 32 bits until 2088), so it grows with each change.
_SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc)
_WAITING = (Step.NEEDED, Step.REQUESTED)


def calendar_ics(db: Database, case_id: int) -> bytes:
    """The case's appointments, outstanding record due dates and decision deadline, as iCalendar bytes."""
    case = cases.get(db, case_id)
    person = people.get(db, case.person_id)
    domain = uid_domain(db)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//OpinionKit//OpinionKit {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"OpinionKit: {person.name}")
    for visit in appointments.list_for_case(db, case_id):
        calendar.add_component(_appointment_event(db, case, visit, domain))
    for row in tracker.tracker_rows(db, case_id):
        if row.due_date and row.status in _WAITING:
            calendar.add_component(_record_event(db, case, row, domain))
    if case.decision_deadline and case.status is not CaseStatus.DECIDED:
        calendar.add_component(_deadline_event(db, case, domain))
    return calendar.to_ical()


def uid_domain(db: Database) -> str:
    """The right-hand side of every UID this database makes: stable for it, different for any other."""
    return f"{uuid.uuid5(_NAMESPACE, settings.install_id(db))}.opinionkit"


def event_uid(kind: str, ident: int, domain: str) -> str:
    return f"opinionkit-{kind}-{ident}@{domain}"


def _appointment_event(db: Database, case: Case, visit: Appointment, domain: str) -> icalendar.Event:
    doctor = providers.get(db, visit.provider_id) if visit.provider_id is not None else None
    event = _event(db, "appointments", visit.id or 0, event_uid("appointment", visit.id or 0, domain))
    title = visit.kind.value.capitalize()
    event.add("summary", f"{title}: {doctor.name}" if doctor else title)
    event.add("dtstart", visit.start)
    event.add("dtend", visit.end)
    location = visit.place or visit.link or (doctor.address if doctor else "")
    if location:
        event.add("location", location)
    if visit.link:
        event.add("url", visit.link)
    event.add("description", "\n".join(_appointment_lines(case, visit, doctor)))
    return event


def _appointment_lines(case: Case, visit: Appointment, doctor: Provider | None) -> list[str]:
    lines = [f"Case: {case.title}"]
    if doctor:
        where = ", ".join(p for p in (doctor.specialty, doctor.institution) if p)
        lines += [f"{doctor.name}{' (' + where + ')' if where else ''}"]
        lines += [f"Phone: {doctor.phone}"] if doctor.phone else []
    if visit.records_due_by:
        lines.append(f"Records due at the office by {visit.records_due_by}.")
    if visit.what_to_bring:
        lines.append(f"What to bring: {visit.what_to_bring}")
    if visit.link:
        lines.append(f"Link: {visit.link}")
    return lines


def _record_event(db: Database, case: Case, row: TrackerRow, domain: str) -> icalendar.Event:
    event = _event(db, "record_items", row.id, event_uid("record", row.id, domain))
    due = dt.date.fromisoformat(row.due_date or "")
    holder = f" from {row.holder_name}" if row.holder_name else ""
    follow_up = f"follow up with {row.holder_name}" if row.holder_name else "follow up with its holder"
    event.add("summary", f"Records due: {row.label}{holder}")
    event.add("dtstart", due)
    event.add("dtend", due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    numbers = ", ".join(p for p in (f"phone {row.holder_phone}" if row.holder_phone else "",
                                    f"fax {row.holder_fax}" if row.holder_fax else "") if p)
    lines = [f"Case: {case.title}", f"If it has not arrived, {follow_up}" + (f" ({numbers})." if numbers else ".")]
    event.add("description", "\n".join(lines))
    return event


def _deadline_event(db: Database, case: Case, domain: str) -> icalendar.Event:
    event = _event(db, "cases", case.id or 0, event_uid("decision", case.id or 0, domain))
    due = dt.date.fromisoformat(case.decision_deadline or "")
    event.add("summary", f"Decision due: {case.title}")
    event.add("dtstart", due)
    event.add("dtend", due + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("description", "The deadline set for deciding on the treatment.")
    return event


def _event(db: Database, table: str, ident: int, uid: str) -> icalendar.Event:
    changed = _changed_at(db, table, ident)
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", changed)
    event.add("last-modified", changed)
    event.add("sequence", int((changed - _SEQUENCE_EPOCH).total_seconds()))
    return event


def _changed_at(db: Database, table: str, ident: int) -> dt.datetime:
    stamp = db.execute(f"SELECT updated_at FROM [{table}] WHERE id = ?", [ident]).fetchone()[0]
    changed = dt.datetime.fromisoformat(stamp)
    if changed.tzinfo is None:
        changed = changed.replace(tzinfo=dt.timezone.utc)
    return max(changed.astimezone(dt.timezone.utc).replace(microsecond=0), _SEQUENCE_EPOCH)
