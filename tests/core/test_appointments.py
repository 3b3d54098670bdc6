"""Appointments: dates and times, records due by, flags, attachments, and the independence check."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from opinionkit.core import dates
from opinionkit.core.dates import now_stamp
from opinionkit.core.domain import Appointment, AppointmentKind, Case, Person, Provider
from opinionkit.core.errors import InvalidInput, NotFound, OpinionKitError
from opinionkit.core.services import appointments, cases, overview, people, providers, trash

TODAY = dt.date(2026, 3, 18)  # a Wednesday


@pytest.fixture
def setup(db, monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    person = people.save(db, Person(name="Ines Test"))
    other = people.save(db, Person(name="Otto Other"))
    first = providers.save(db, Provider(name="Dr. First", institution="North Clinic"))
    second = providers.save(db, Provider(name="Dr. Second", institution="South Hospital"))
    case = cases.save(db, Case(person_id=person.id, title="Knee surgery?", recommending_doctor_id=first.id))
    sibling = cases.save(db, Case(person_id=person.id, title="Another question"))
    strangers = cases.save(db, Case(person_id=other.id, title="Someone else's"))
    return SimpleNamespace(db=db, person=person, other=other, first=first, second=second, case=case,
                           sibling=sibling, strangers=strangers)


def visit(db, case_id, starts_at, **fields):
    return appointments.save(db, Appointment(case_id=case_id, starts_at=starts_at, **fields))


@pytest.mark.parametrize(("day", "due"), [
    ("2026-03-23", "2026-03-18"),  # Monday -> the Wednesday before
    ("2026-03-20", "2026-03-17"),  # Friday -> Tuesday
    ("2026-03-25", "2026-03-20"),  # Wednesday -> the Friday before
    ("2026-03-22", "2026-03-18"),  # Sunday -> Wednesday
])
def test_records_are_due_three_working_days_before(day, due):
    assert appointments.default_records_due_by(f"{day}T09:00") == due


def test_saving_fills_records_due_by_and_moves_it_with_the_appointment(setup):
    db = setup.db
    made = visit(db, setup.case.id, "2026-03-23 09:30", provider_id=setup.second.id)
    assert (made.starts_at, made.records_due_by) == ("2026-03-23T09:30", "2026-03-18")
    made.starts_at = "2026-03-30T09:30"
    appointments.save(db, made)
    assert appointments.get(db, made.id).records_due_by == "2026-03-25"  # still the default: it moved
    made.starts_at = "2026-03-19 09:30"  # earlier than the old due day
    appointments.save(db, made)
    assert appointments.get(db, made.id).records_due_by == "2026-03-16"
    made.starts_at, made.records_due_by = "2026-04-06 09:30", "2026-03-20"
    appointments.save(db, made)
    made.starts_at = "2026-04-13 09:30"
    appointments.save(db, made)
    assert appointments.get(db, made.id).records_due_by == "2026-03-20"  # chosen by the person: it stays


@pytest.mark.parametrize(("fields", "field"), [
    ({"starts_at": ""}, "starts_at"),
    ({"starts_at": "2026-03-23"}, "starts_at"),  # a time is needed
    ({"starts_at": "next Tuesday"}, "starts_at"),
    ({"starts_at": "2026-03-23T09:00+02:00"}, "starts_at"),
    ({"starts_at": "2026-03-23 09:00", "kind": "consultation"}, "kind"),
    ({"starts_at": "2026-03-23 09:00", "duration_minutes": 0}, "duration_minutes"),
    ({"starts_at": "2026-03-23 09:00", "provider_id": 999}, "provider_id"),
    ({"starts_at": "2026-03-23 09:00", "link": "meet.example/abc"}, "link"),
    ({"starts_at": "2026-03-23 09:00", "records_due_by": "2026-03-24"}, "records_due_by"),
    ({"starts_at": "2026-03-23 09:00", "records_due_by": "soon"}, "records_due_by"),
])
def test_bad_appointments_are_refused_naming_the_field(setup, fields, field):
    with pytest.raises(InvalidInput) as error:
        appointments.save(setup.db, Appointment(case_id=setup.case.id, **fields))
    assert error.value.field == field
    assert setup.db["appointments"].count == 0


def test_an_appointment_stays_in_its_case(setup):
    made = visit(setup.db, setup.case.id, "2026-03-23 09:30")
    made.case_id = setup.sibling.id
    with pytest.raises(InvalidInput):
        appointments.save(setup.db, made)
    with pytest.raises(NotFound):
        appointments.save(setup.db, Appointment(case_id=999, starts_at="2026-03-23 09:30"))


def test_past_appointments_are_allowed_and_flagged(setup):
    past = visit(setup.db, setup.case.id, "2026-03-02 09:00", kind=AppointmentKind.FIRST_OPINION)
    (flag,) = appointments.warnings(setup.db, past)
    assert "in the past" in flag
    late = visit(setup.db, setup.case.id, "2026-03-19 11:00")  # records were due last week
    assert any("records were due" in w for w in appointments.warnings(setup.db, late))


def test_overlapping_appointments_are_allowed_and_flagged_across_the_persons_cases(setup):
    db = setup.db
    a = visit(db, setup.case.id, "2026-03-25 09:00", duration_minutes=90)
    b = visit(db, setup.sibling.id, "2026-03-25 10:00", kind=AppointmentKind.FOLLOW_UP)
    visit(db, setup.case.id, "2026-03-25 10:30")  # starts when a ends, overlaps b
    visit(db, setup.strangers.id, "2026-03-25 09:00")  # someone else's: never an overlap
    assert [x.id for x in appointments.overlapping(db, a.id)] == [b.id]
    pairs = [(x.starts_at, y.starts_at) for x, y in appointments.overlaps(db, setup.case.id)]
    assert pairs == [("2026-03-25T09:00", "2026-03-25T10:00"), ("2026-03-25T10:00", "2026-03-25T10:30")]
    assert any("overlaps" in w for w in appointments.warnings(db, a))


def test_upcoming_and_next_opinion_appointment(setup):
    db = setup.db
    visit(db, setup.case.id, "2026-03-02 09:00", kind=AppointmentKind.FIRST_OPINION)
    follow = visit(db, setup.case.id, "2026-03-18 16:00", kind=AppointmentKind.FOLLOW_UP)
    review = visit(db, setup.case.id, "2026-03-30 09:00", kind=AppointmentKind.REMOTE_REVIEW)
    assert [a.id for a in appointments.upcoming(db, setup.case.id)] == [follow.id, review.id]
    assert appointments.next_appointment(db, setup.case.id).id == follow.id
    assert appointments.next_opinion_appointment(db, setup.case.id).id == review.id


def _document(db, person_id, sha="a" * 64):
    stamp = now_stamp()
    return int(db["documents"].insert(dict(
        person_id=person_id, sha256=sha, filename="scan.pdf", stored_path=f"documents/{sha[:2]}/{sha}.pdf",
        media_type="application/pdf", title="Scan", size_bytes=10, imported_at=stamp, created_at=stamp,
        updated_at=stamp,
    )).last_pk)


def test_documents_attach_detach_and_follow_the_trash(setup):
    db = setup.db
    made = visit(db, setup.case.id, "2026-03-23 09:30")
    mine, theirs = _document(db, setup.person.id), _document(db, setup.other.id, "b" * 64)
    appointments.attach_document(db, made.id, mine)
    appointments.attach_document(db, made.id, mine)  # twice is harmless
    assert [d.id for d in appointments.documents(db, made.id)] == [mine]
    with pytest.raises(InvalidInput) as error:
        appointments.attach_document(db, made.id, theirs)
    assert error.value.field == "document_id"
    with pytest.raises(InvalidInput):
        appointments.attach_document(db, made.id, 999)
    entry = trash.move_to_trash(db, "documents", mine, "document", "Scan")
    assert appointments.documents(db, made.id) == []
    trash.restore(db, entry)
    assert [d.id for d in appointments.documents(db, made.id)] == [mine]
    entry = appointments.move_to_trash(db, made.id)
    assert db["appointment_documents"].count == 0
    trash.restore(db, entry)
    assert [d.id for d in appointments.documents(db, made.id)] == [mine]
    appointments.detach_document(db, made.id, mine)
    assert appointments.documents(db, made.id) == []


def test_a_restore_whose_document_is_gone_stays_in_the_trash(setup):
    db = setup.db
    made = visit(db, setup.case.id, "2026-03-23 09:30")
    document = _document(db, setup.person.id)
    appointments.attach_document(db, made.id, document)
    entry = appointments.move_to_trash(db, made.id)
    db.execute("DELETE FROM documents WHERE id = ?", [document])
    with pytest.raises(OpinionKitError):
        trash.restore(db, entry)
    assert db["appointments"].count == 0


def test_recordings_are_kept_where_they_are(setup, tmp_path):
    db = setup.db
    made = visit(db, setup.case.id, "2026-03-02 09:00")
    audio = tmp_path / "visit.m4a"
    audio.write_bytes(b"\x00" * 16)
    recording = appointments.add_recording(db, made.id, audio)
    assert recording.path == str(audio.resolve()) and recording.title == "visit.m4a"
    with pytest.raises(InvalidInput) as error:
        appointments.add_recording(db, made.id, tmp_path / "missing.m4a")
    assert error.value.field == "path"
    appointments.remove_recording(db, recording.id)
    assert appointments.recordings(db, made.id) == [] and audio.exists()
    with pytest.raises(NotFound):
        appointments.remove_recording(db, recording.id)


def test_independence_warns_when_the_second_doctor_shares_the_first_ones_institution(setup):
    db, case = setup.db, setup.case
    assert overview.independence_warnings(db, case.id) == []
    colleague = providers.save(db, Provider(name="Dr. Colleague", institution="  north   CLINIC "))
    case.second_opinion_doctor_id = colleague.id
    cases.save(db, case)
    (warning,) = overview.independence_warnings(db, case.id)
    assert "Dr. Colleague" in warning and "Dr. First" in warning and "same institution" in warning
    case.second_opinion_doctor_id = setup.second.id
    cases.save(db, case)
    assert overview.independence_warnings(db, case.id) == []
    # the doctor of a second-opinion visit counts too, and the first doctor again is no second opinion
    visit(db, case.id, "2026-03-25 09:00", provider_id=setup.first.id, kind=AppointmentKind.SECOND_OPINION)
    (again,) = overview.independence_warnings(db, case.id)
    assert "needs another doctor" in again
    visit(db, case.id, "2026-03-26 09:00", provider_id=colleague.id, kind=AppointmentKind.FOLLOW_UP)
    assert len(overview.independence_warnings(db, case.id)) == 1  # a follow-up is not an opinion


def test_restoring_a_person_brings_back_their_attached_documents(setup):
    db = setup.db
    made = visit(db, setup.case.id, "2026-03-23 09:30")
    document = _document(db, setup.person.id)
    appointments.attach_document(db, made.id, document)
    entry = trash.move_to_trash(db, "people", setup.person.id, "person", setup.person.name)
    trash.restore(db, entry)
    assert [d.id for d in appointments.documents(db, made.id)] == [document]
