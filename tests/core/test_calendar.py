"""The iCalendar export: parsed back with icalendar, stable UIDs, updates that replace rather than duplicate."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from opinionkit.core import dates
from opinionkit.core.domain import Appointment, AppointmentKind, Case, CaseStatus, Person, Provider
from opinionkit.core.domain.records import RecordItem, RecordKind, Step
from opinionkit.core.services import appointments, calendar_export, cases, people, providers, record_items, timeline
from opinionkit.core.storage.database import open_memory

TODAY = dt.date(2026, 3, 18)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)


def build(db):
    person = people.save(db, Person(name="Ines Test"))
    doctor = providers.save(db, Provider(name="Dr. Second", institution="South Hospital", phone="555-0401",
                                         address="1 South Road"))
    lab = providers.save(db, Provider(name="Lab One", fax="555-0102"))
    case = cases.save(db, Case(person_id=person.id, title="Knee surgery?", decision_deadline="2026-04-30"))
    visit = appointments.save(db, Appointment(
        case_id=case.id, provider_id=doctor.id, starts_at="2026-03-30 10:30", duration_minutes=90,
        place="South Hospital, Building C", what_to_bring="Insurance card; the MRI disc",
    ))
    remote = appointments.save(db, Appointment(
        case_id=case.id, kind=AppointmentKind.TELEHEALTH, starts_at="2026-04-02 16:00",
        link="https://visit.example/room/42",
    ))
    waiting = record_items.create(db, RecordItem(case_id=case.id, kind=RecordKind.LAB_RESULTS, holder_id=lab.id,
                                                 description="Blood tests"), needed_on="2026-03-01")
    timeline.record_step(db, waiting.id, Step.REQUESTED, "2026-03-02")  # due 2026-04-01
    arrived = record_items.create(db, RecordItem(case_id=case.id, kind=RecordKind.PATHOLOGY_REPORT,
                                                 holder_id=lab.id, due_date="2026-03-25"), needed_on="2026-03-01")
    timeline.record_step(db, arrived.id, Step.REQUESTED, "2026-03-02")
    timeline.record_step(db, arrived.id, Step.RECEIVED, "2026-03-10")
    return case, visit, remote, waiting


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_export_parses_back_with_every_event(db):
    case, visit, remote, waiting = build(db)
    data = calendar_export.calendar_ics(db, case.id)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and "OpinionKit" in str(calendar["PRODID"])
    found = events(data)
    domain = calendar_export.uid_domain(db)
    assert set(found) == {
        f"opinionkit-appointment-{visit.id}@{domain}", f"opinionkit-appointment-{remote.id}@{domain}",
        f"opinionkit-record-{waiting.id}@{domain}", f"opinionkit-decision-{case.id}@{domain}",
    }  # the record already received has no due-date event
    appointment = found[f"opinionkit-appointment-{visit.id}@{domain}"]
    assert appointment.decoded("DTSTART") == dt.datetime(2026, 3, 30, 10, 30)
    assert appointment.decoded("DTEND") == dt.datetime(2026, 3, 30, 12, 0)
    assert str(appointment["SUMMARY"]) == "Second opinion: Dr. Second"
    assert str(appointment["LOCATION"]) == "South Hospital, Building C"
    description = str(appointment["DESCRIPTION"])
    assert "What to bring: Insurance card; the MRI disc" in description
    assert "Records due at the office by 2026-03-25." in description and "555-0401" in description
    for event in found.values():
        assert {"DTSTAMP", "SEQUENCE", "LAST-MODIFIED"} <= set(event)
    telehealth = found[f"opinionkit-appointment-{remote.id}@{domain}"]
    assert str(telehealth["URL"]) == "https://visit.example/room/42"
    assert str(telehealth["LOCATION"]) == "https://visit.example/room/42"
    record = found[f"opinionkit-record-{waiting.id}@{domain}"]
    assert record.decoded("DTSTART") == dt.date(2026, 4, 1) and record.decoded("DTEND") == dt.date(2026, 4, 2)
    assert str(record["SUMMARY"]) == "Records due: Blood tests from Lab One"
    deadline = found[f"opinionkit-decision-{case.id}@{domain}"]
    assert deadline.decoded("DTSTART") == dt.date(2026, 4, 30)
    assert str(deadline["SUMMARY"]) == "Decision due: Knee surgery?"


def test_uids_are_stable_across_exports_and_differ_between_databases(db):
    case, *_ = build(db)
    first, second = events(calendar_export.calendar_ics(db, case.id)), events(calendar_export.calendar_ics(db, case.id))
    assert set(first) == set(second)
    other = open_memory()
    try:
        other_case, *_ = build(other)
        assert not set(first) & set(events(calendar_export.calendar_ics(other, other_case.id)))
    finally:
        other.close()


def test_a_changed_appointment_keeps_its_uid_with_a_higher_sequence(db):
    case, visit, *_ = build(db)
    uid = f"opinionkit-appointment-{visit.id}@{calendar_export.uid_domain(db)}"
    db["appointments"].update(visit.id, {"updated_at": "2026-03-18T09:00:00+00:00"})
    before = events(calendar_export.calendar_ics(db, case.id))[uid]
    visit.starts_at = "2026-03-31 11:00"
    appointments.save(db, visit)
    after = events(calendar_export.calendar_ics(db, case.id))[uid]
    assert after.decoded("DTSTART") == dt.datetime(2026, 3, 31, 11, 0)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED") == dt.datetime(
        2026, 3, 18, 9, 0, tzinfo=dt.timezone.utc)
    assert after.decoded("DTSTAMP") == after.decoded("LAST-MODIFIED")


def test_a_decided_case_exports_no_deadline(db):
    case, *_ = build(db)
    case.status, case.decision = CaseStatus.DECIDED, "Physiotherapy first"
    cases.save(db, case)
    assert not [uid for uid in events(calendar_export.calendar_ics(db, case.id)) if "-decision-" in uid]
