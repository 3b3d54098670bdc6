"""The case overview, its next steps (which follow the data as it changes), the Today list and the demo."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from opinionkit.core import dates
from opinionkit.core.domain import (
    Appointment,
    AppointmentKind,
    Case,
    CaseStatus,
    Coverage,
    Person,
    Provider,
    ProviderKind,
    Urgency,
    YesNo,
)
from opinionkit.core.domain.records import RecordItem, RecordKind, Route, Step
from opinionkit.core.services import (
    appointments,
    cases,
    coverage,
    demo,
    next_steps,
    overview,
    people,
    providers,
    questions,
    record_items,
    reminders,
    timeline,
    tracker,
)

TODAY = dt.date(2026, 3, 18)  # a Wednesday
KNOWN = dict(second_opinion_covered=YesNo.YES, referral_needed=YesNo.NO, prior_auth_needed=YesNo.NO,
             in_network=YesNo.YES, expected_cost="$40")


@pytest.fixture
def setup(db, monkeypatch):
    """A case with an overdue request, a shipment not confirmed, and its coverage all known."""
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    person = people.save(db, Person(name="Ines Test", insurer_phone="555-0199"))
    lab = providers.save(db, Provider(name="Lab One", kind=ProviderKind.LAB, phone="555-0101", fax="555-0102"))
    quiet = providers.save(db, Provider(name="Quiet Imaging", kind=ProviderKind.IMAGING_CENTRE))
    first = providers.save(db, Provider(name="Dr. First", institution="North Clinic", phone="555-0301"))
    second = providers.save(db, Provider(name="Dr. Second", institution="South Hospital", phone="555-0401"))
    case = cases.save(db, Case(person_id=person.id, title="Knee surgery?", recommending_doctor_id=first.id,
                               second_opinion_doctor_id=second.id, decision_deadline="2026-04-30",
                               status=CaseStatus.GATHERING_RECORDS))
    coverage.save(db, Coverage(case_id=case.id, **KNOWN))

    def item(holder, steps, route=Route.VIA_ME, description=""):
        made = record_items.create(db, RecordItem(case_id=case.id, kind=RecordKind.LAB_RESULTS, holder_id=holder.id,
                                                  route=route, description=description), needed_on="2026-01-10")
        for step, day in steps:
            timeline.record_step(db, made.id, step, day)
        return made.id

    ids = SimpleNamespace(
        overdue=item(lab, [(Step.REQUESTED, "2026-02-01")], description="Blood tests"),  # due 2026-03-03
        shipped=item(lab, [(Step.REQUESTED, "2026-02-01"), (Step.SENT, "2026-03-10")], route=Route.DIRECT,
                     description="Slides"),
    )
    return SimpleNamespace(db=db, person=person, lab=lab, quiet=quiet, first=first, second=second, case=case,
                           ids=ids)


def steps(setup, day=TODAY):
    return next_steps.next_steps(setup.db, setup.case.id, day)


def keys(setup, day=TODAY):
    return [s.key for s in steps(setup, day)]


def step(setup, key, day=TODAY):
    (found,) = [s for s in steps(setup, day) if s.key == key]
    return found


def test_an_overdue_request_has_a_follow_up_with_the_holders_numbers(setup):
    follow = step(setup, f"follow_up:{setup.ids.overdue}")
    assert follow.urgency is Urgency.OVERDUE and follow.target == ("records", setup.ids.overdue)
    assert "Lab One" in follow.text and "“Blood tests”" in follow.text and "15 days ago" in follow.text
    assert follow.contact == "Phone 555-0101 · fax 555-0102" and follow.missing == ""


def test_an_item_received_removes_its_follow_up(setup):
    key = f"follow_up:{setup.ids.overdue}"
    assert key in keys(setup)
    timeline.record_step(setup.db, setup.ids.overdue, Step.RECEIVED, "2026-03-17")
    assert key not in keys(setup)
    assert "send_records" in keys(setup)  # now in hand: it is to be sent


def test_a_holder_without_phone_or_fax_is_named_as_missing(setup):
    made = record_items.create(setup.db, RecordItem(case_id=setup.case.id, kind=RecordKind.IMAGING_DISC,
                                                    holder_id=setup.quiet.id), needed_on="2026-01-10")
    timeline.record_step(setup.db, made.id, Step.REQUESTED, "2026-02-01")
    follow = step(setup, f"follow_up:{made.id}")
    assert follow.contact == ""
    assert follow.missing == "No phone or fax recorded for Quiet Imaging: add one in the provider directory."


def test_an_unconfirmed_shipment_asks_the_second_office_until_confirmed(setup):
    key = f"confirm_receipt:{setup.ids.shipped}"
    ask = step(setup, key)
    assert "the office of Dr. Second" in ask.text and "sent 2026-03-10" in ask.text
    assert ask.contact == "Phone 555-0401" and ask.target == ("records", setup.ids.shipped)
    timeline.record_step(setup.db, setup.ids.shipped, Step.CONFIRMED, "2026-03-17")
    assert key not in keys(setup)


def test_an_appointment_tomorrow_adds_the_confirmation_call(setup):
    made = appointments.save(setup.db, Appointment(case_id=setup.case.id, provider_id=setup.second.id,
                                                   starts_at="2026-03-28 10:30"))
    key = f"confirm_call:{made.id}"
    assert key not in keys(setup)  # ten days away
    made.starts_at = "2026-03-19 10:30"
    appointments.save(setup.db, made)
    call = step(setup, key)
    assert call.urgency is Urgency.TODAY and call.due == TODAY and "tomorrow" in call.text
    assert call.contact == "Phone 555-0401" and call.target == ("appointments", made.id)
    assert key not in keys(setup, dt.date(2026, 3, 20))  # once the visit is over


def test_the_confirmation_call_says_what_is_missing(setup):
    silent = providers.save(setup.db, Provider(name="Dr. Silent", fax="555-0900"))
    made = appointments.save(setup.db, Appointment(case_id=setup.case.id, provider_id=silent.id,
                                                   starts_at="2026-03-19 10:30"))
    call = step(setup, f"confirm_call:{made.id}")
    assert call.missing == "No phone number recorded for Dr. Silent: add one in the provider directory."
    nobody = appointments.save(setup.db, Appointment(case_id=setup.case.id, starts_at="2026-03-20 08:00"))
    assert "No doctor is chosen" in step(setup, f"confirm_call:{nobody.id}").missing
    assert f"choose_provider:{nobody.id}" in keys(setup)


def test_records_to_request_and_to_send_before_records_due_by(setup):
    db = setup.db
    needed = record_items.create(db, RecordItem(case_id=setup.case.id, kind=RecordKind.CLINICAL_NOTES,
                                                holder_id=setup.first.id))
    appointments.save(db, Appointment(case_id=setup.case.id, provider_id=setup.second.id,
                                      starts_at="2026-03-30 09:00"))  # records due by 2026-03-25
    request = step(setup, "request_needed")
    assert request.target == ("records", needed.id) and request.due == dt.date(2026, 3, 25)
    timeline.record_step(db, needed.id, Step.REQUESTED, TODAY)
    timeline.record_step(db, needed.id, Step.RECEIVED, TODAY)
    send = step(setup, "send_records")
    assert send.target == ("packet",) and "by 2026-03-25" in send.text and send.urgency is Urgency.SOON
    timeline.record_step(db, needed.id, Step.SENT, TODAY)
    assert "send_records" not in keys(setup) and "request_needed" not in keys(setup)


OPINIONS_SQL = ("CREATE TABLE opinions (id INTEGER PRIMARY KEY, case_id INTEGER, provider_id INTEGER, "
                "letter_text TEXT NOT NULL DEFAULT '', letter_document_id INTEGER, created_at TEXT, updated_at TEXT)")


def add_opinion(db, case_id, provider_id, letter=""):
    """An opinion row as the opinions capability keeps them (its table is made here if not there yet)."""
    if "opinions" not in db.table_names():
        db.execute(OPINIONS_SQL)
    stamp = dates.now_stamp()
    db["opinions"].insert({"case_id": case_id, "provider_id": provider_id, "letter_text": letter,
                           "created_at": stamp, "updated_at": stamp})


@pytest.fixture
def visited(setup):
    """The second-opinion visit took place two days ago."""
    return appointments.save(setup.db, Appointment(case_id=setup.case.id, provider_id=setup.second.id,
                                                   starts_at="2026-03-16 09:00", notes_after="Suggests physio."))


def test_ask_for_the_opinion_in_writing_until_the_letter_is_recorded(setup, visited):
    key = f"ask_in_writing:{visited.id}"
    ask = step(setup, key)
    assert ask.target == ("opinions",) and "Dr. Second" in ask.text and ask.contact == "Phone 555-0401"
    add_opinion(setup.db, setup.case.id, setup.second.id)  # noted from the visit, nothing in writing yet
    assert key in keys(setup)
    add_opinion(setup.db, setup.case.id, setup.second.id, letter="I recommend physiotherapy for 12 weeks.")
    assert key not in keys(setup)


def test_without_an_opinions_table_the_case_status_tells(setup, visited, monkeypatch):
    monkeypatch.setattr(next_steps, "written_opinions", lambda db, case_id: None)
    assert f"ask_in_writing:{visited.id}" in keys(setup)
    setup.case.status = CaseStatus.COMPARING
    cases.save(setup.db, setup.case)
    assert f"ask_in_writing:{visited.id}" not in keys(setup)
    assert {"compare", "record_decision"} <= set(keys(setup))


def test_two_opinions_bring_compare_and_decide(setup):
    db = setup.db
    add_opinion(db, setup.case.id, setup.second.id, letter="Physiotherapy first.")
    assert "compare" not in keys(setup)
    add_opinion(db, setup.case.id, setup.first.id, letter="Surgery.")
    assert step(setup, "compare").target == ("compare",)
    assert step(setup, "record_decision").target == ("decision",)
    assert next_steps.written_opinions(db, setup.case.id).in_writing == {setup.first.id, setup.second.id}


def test_comparing_asks_for_the_opinions_then_the_decision(setup):
    setup.case.status = CaseStatus.COMPARING
    cases.save(setup.db, setup.case)
    if next_steps.written_opinions(setup.db, setup.case.id) is not None:
        assert step(setup, "record_opinions").target == ("opinions",)
    assert "record_decision" in keys(setup)
    setup.case.decision = "Physiotherapy for three months first"
    cases.save(setup.db, setup.case)
    assert "record_decision" not in keys(setup)


def test_coverage_steps_follow_the_coverage(setup):
    db = setup.db
    assert not [k for k in keys(setup) if k.startswith("coverage:")]
    coverage.save(db, Coverage(case_id=setup.case.id, **{**KNOWN, "referral_needed": YesNo.YES}))
    referral = step(setup, "coverage:referral")
    assert referral.target == ("coverage",) and referral.contact == "Insurer phone 555-0199"
    coverage.save(db, Coverage(case_id=setup.case.id, **{**KNOWN, "referral_needed": YesNo.YES,
                                                          "referral_obtained": YesNo.YES}))
    assert "coverage:referral" not in keys(setup)


def test_deadline_steps_and_order(setup):
    assert "deadline_soon" not in keys(setup)
    assert step(setup, "deadline_soon", dt.date(2026, 4, 27)).text.startswith("The decision is due in 3 days")
    late = steps(setup, dt.date(2026, 5, 2))
    assert late[0].key in {"deadline_passed", f"follow_up:{setup.ids.overdue}"}
    assert all(s.urgency is Urgency.OVERDUE for s in late[:2])
    ranks = [s.urgency.rank for s in late]
    assert ranks == sorted(ranks)


def test_questions_are_suggested_before_a_visit(setup):
    appointments.save(setup.db, Appointment(case_id=setup.case.id, provider_id=setup.second.id,
                                            starts_at="2026-03-25 09:00"))
    assert step(setup, "prepare_questions").target == ("questions",)
    questions.add_starter_questions(setup.db, setup.case.id)
    assert "prepare_questions" not in keys(setup)


def test_a_decided_case_has_no_next_steps(setup):
    setup.case.status, setup.case.decision = CaseStatus.DECIDED, "Surgery in May"
    cases.save(setup.db, setup.case)
    assert steps(setup) == []


def test_a_case_with_no_second_doctor_asks_to_choose_one(setup):
    setup.case.second_opinion_doctor_id = None
    cases.save(setup.db, setup.case)
    assert step(setup, "choose_second_doctor").target == ("case",)


def test_overview_counts_come_from_the_tracker(setup):
    appointments.save(setup.db, Appointment(case_id=setup.case.id, provider_id=setup.second.id,
                                            starts_at="2026-03-27 09:00"))
    found = overview.overview(setup.db, setup.case.id)
    assert found.records == tracker.summary(setup.db, setup.case.id, on=TODAY)
    assert found.records_line == "0 of 2 confirmed · 1 overdue · 1 shipment unconfirmed"
    assert (found.days_to_deadline, found.days_to_next_appointment) == (43, 9)
    assert found.steps == steps(setup) and found.warnings == []


def test_today_list_across_people_and_cases(setup):
    db = setup.db
    other = people.save(db, Person(name="Abel Other"))
    soon = cases.save(db, Case(person_id=other.id, title="Heart valve?", decision_deadline="2026-03-22"))
    done = cases.save(db, Case(person_id=other.id, title="Decided", decision_deadline="2026-03-19",
                               status=CaseStatus.DECIDED))
    appointments.save(db, Appointment(case_id=soon.id, starts_at="2026-03-19 08:15", place="Room 4",
                                      kind=AppointmentKind.SECOND_OPINION, provider_id=setup.first.id))
    appointments.save(db, Appointment(case_id=done.id, starts_at="2026-03-18 08:15"))
    appointments.save(db, Appointment(case_id=setup.case.id, starts_at="2026-03-23 09:00",
                                      provider_id=setup.second.id))  # records due 2026-03-18
    found = reminders.today_list(db)
    assert [(r.on.isoformat(), r.kind) for r in found] == [
        ("2026-03-03", "record"), ("2026-03-18", "records due"), ("2026-03-19", "appointment"),
        ("2026-03-22", "deadline"),
    ]
    record, due, visit, deadline = found
    assert record.person_name == "Ines Test" and record.target == ("records", setup.ids.overdue)
    assert "follow up" in record.text
    assert "due today" in due.text and "1 not sent yet" in due.text
    assert visit.text.startswith("Second opinion appointment tomorrow at 08:15 with Dr. First, Room 4.")
    assert "confirm your records arrived" in visit.text
    assert deadline.text == "The decision is due in 4 days, on 2026-03-22." and deadline.target == ("decision",)


def test_the_demo_prepares_the_visit_and_loading_again_changes_nothing(db):
    loaded = demo.load(db)
    counts = {t: db[t].count for t in db.table_names()}
    demo.load(db)
    assert {t: db[t].count for t in db.table_names()} == counts
    case_id = loaded.case_id
    cover = coverage.get(db, case_id)
    assert (cover.plan_type, cover.second_opinion_covered, cover.referral_needed, cover.referral_obtained,
            cover.in_network) == ("PPO", YesNo.YES, YesNo.YES, YesNo.YES, YesNo.YES)
    assert cover.expected_cost == "$40 specialist copay"
    (call,) = coverage.calls(db, case_id)
    assert call.reference_number
    first, second = appointments.list_for_case(db, case_id)
    assert first.kind is AppointmentKind.FIRST_OPINION and first.day < dates.today() and first.notes_after
    assert second.kind is AppointmentKind.SECOND_OPINION and (second.day - dates.today()).days == 9
    assert second.records_due_by == appointments.default_records_due_by(second.starts_at)
    assert second.provider_id == loaded.provider_ids["Dr. Priya Nandakumar"] and second.what_to_bring
    brennan = loaded.provider_ids["Dr. Harold Brennan"]
    rows = questions.question_rows(db, case_id)
    assert len(rows) > len(questions.STARTER_QUESTIONS)
    assert 0 < sum(r.answered_by(brennan) for r in rows) < len(rows)
    found = overview.overview(db, case_id)
    assert found.days_to_next_appointment == 9 and found.warnings == []
    assert {"send_records", "coverage:prior_auth"} <= {s.key for s in found.steps}
