"""Coverage of a case, the insurer call log, and the plain hints drawn from them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from opinionkit.core import dates
from opinionkit.core.domain import Appointment, Case, Coverage, Person, PlanType, YesNo
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import appointments, cases, coverage, people, trash

TODAY = dt.date(2026, 3, 20)


@pytest.fixture
def case(db, monkeypatch):
    monkeypatch.setattr(dates, "today", lambda: TODAY)
    person = people.save(db, Person(name="Ines Test", insurer_phone="555-0199"))
    return cases.save(db, Case(person_id=person.id, title="Hip replacement?"))


def keys(db, case_id):
    return {h.key for h in coverage.hints(db, case_id)}


def test_a_case_without_coverage_reads_as_unknown_and_saving_keeps_one_row(db, case):
    blank = coverage.get(db, case.id)
    assert blank.id is None and blank.plan_type is PlanType.UNKNOWN and blank.in_network is YesNo.UNKNOWN
    saved = coverage.save(db, Coverage(case_id=case.id, plan_type="PPO", second_opinion_covered="yes",
                                       expected_cost="  $40 copay "))
    assert saved.plan_type is PlanType.PPO and saved.second_opinion_covered is YesNo.YES
    assert saved.expected_cost == "$40 copay"
    again = coverage.save(db, Coverage(case_id=case.id, plan_type=PlanType.HMO))  # no id: same row
    assert again.id == saved.id and db["case_coverage"].count == 1
    assert coverage.get(db, case.id).plan_type is PlanType.HMO


@pytest.mark.parametrize(("change", "field"), [
    ({"plan_type": "Gold"}, "plan_type"),
    ({"referral_needed": "maybe"}, "referral_needed"),
    ({"in_network": "perhaps"}, "in_network"),
    ({"prior_auth_from": "2026-13-01"}, "prior_auth_from"),
    ({"prior_auth_from": "2026-04-10", "prior_auth_to": "2026-04-01"}, "prior_auth_to"),
])
def test_bad_coverage_is_refused_naming_the_field(db, case, change, field):
    with pytest.raises(InvalidInput) as error:
        coverage.save(db, dataclasses.replace(Coverage(case_id=case.id), **change))
    assert error.value.field == field
    assert db["case_coverage"].count == 0


def test_coverage_of_an_unknown_case(db):
    with pytest.raises(NotFound):
        coverage.save(db, Coverage(case_id=999))


def test_insurer_calls_are_logged_edited_and_trashed(db, case):
    first = coverage.add_call(db, case.id, "Covered at the specialist copay.", "Sam", "REF-1", "2026-03-02")
    second = coverage.add_call(db, case.id, "Referral is on file.")
    assert second.on_date == TODAY.isoformat()
    assert [c.reference_number for c in coverage.calls(db, case.id)] == ["REF-1", ""]
    first.said = "Covered at a $40 copay."
    coverage.update_call(db, first)
    assert coverage.get_call(db, first.id).said == "Covered at a $40 copay."
    entry = coverage.delete_call(db, second.id)
    assert [c.id for c in coverage.calls(db, case.id)] == [first.id]
    trash.restore(db, entry)
    assert len(coverage.calls(db, case.id)) == 2


def test_bad_calls_are_refused(db, case):
    with pytest.raises(InvalidInput) as empty:
        coverage.add_call(db, case.id, "  ")
    assert empty.value.field == "said"
    with pytest.raises(InvalidInput) as future:
        coverage.add_call(db, case.id, "Later", on_date=TODAY + dt.timedelta(days=1))
    assert future.value.field == "on_date"
    assert coverage.calls(db, case.id) == []


def test_hints_say_what_is_still_unknown_and_what_to_do(db, case):
    assert "ask_insurer" in keys(db, case.id)
    (ask,) = [h for h in coverage.hints(db, case.id) if h.key == "ask_insurer"]
    assert ask.todo and "whether the second opinion is covered" in ask.text and "in network" in ask.text
    coverage.save(db, Coverage(case_id=case.id, plan_type=PlanType.PPO, second_opinion_covered=YesNo.YES,
                               referral_needed=YesNo.YES, referral_obtained=YesNo.NO, prior_auth_needed=YesNo.YES,
                               in_network=YesNo.YES, expected_cost="$40"))
    hints = coverage.hints(db, case.id)
    assert {h.key for h in hints if h.todo} == {"referral", "prior_auth"}
    assert hints[0].todo and not hints[-1].todo  # things to do come first


def test_prior_authorisation_dates_must_cover_the_visit(db, case):
    appointments.save(db, Appointment(case_id=case.id, starts_at="2026-04-15 09:00"))
    saved = coverage.save(db, Coverage(
        case_id=case.id, second_opinion_covered=YesNo.YES, referral_needed=YesNo.NO, in_network=YesNo.YES,
        prior_auth_needed=YesNo.YES, prior_auth_number="AUTH-1", prior_auth_from="2026-03-01",
        prior_auth_to="2026-03-31",
    ))
    (late,) = [h for h in coverage.hints(db, case.id) if h.key == "prior_auth_dates"]
    assert "2026-04-15" in late.text and "2026-03-31" in late.text
    saved.prior_auth_to = "2026-04-30"
    coverage.save(db, saved)
    assert "prior_auth_dates" not in keys(db, case.id)


@pytest.mark.parametrize(("plan", "words"), [
    (PlanType.MEDICARE, ["Part B", "second opinion before surgery", "third opinion if the first two disagree"]),
    (PlanType.MEDICARE_ADVANTAGE, ["at least what Part B covers"]),
    (PlanType.HMO, ["referral"]),
    (PlanType.NONE, ["cash price"]),
])
def test_plan_notes(db, case, plan, words):
    coverage.save(db, Coverage(case_id=case.id, plan_type=plan))
    (note,) = [h for h in coverage.hints(db, case.id) if h.key == "plan"]
    assert not note.todo and all(w in note.text for w in words)


def test_not_covered_asks_for_the_cash_price(db, case):
    coverage.save(db, Coverage(case_id=case.id, second_opinion_covered=YesNo.NO))
    assert "cash_price" in keys(db, case.id)
    coverage.save(db, Coverage(case_id=case.id, second_opinion_covered=YesNo.NO, expected_cost="$350 cash"))
    assert "cash_price" not in keys(db, case.id)
