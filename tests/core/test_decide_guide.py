"""The decision guide: goals and options weighed, the SURE checks, the decision recorded, a late opinion."""

from __future__ import annotations

import datetime as dt

import pytest

from opinionkit.core.decide import guide
from opinionkit.core.domain import (
    Case, CaseStatus, Consideration, GuideOption, Opinion, OtherPerson, Person, Provider, SureCheck,
)
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, demo, opinions, people, providers


@pytest.fixture
def case(db) -> Case:
    person = people.save(db, Person(name="Imogen Tarrant"))
    return cases.save(db, Case(person_id=person.id or 0, title="Atrial fibrillation: ablation or drugs?",
                               goals=["Keep running", "Avoid a procedure"], decision_deadline="2030-01-31"))


def _opinion(db, case, name, treatment) -> Opinion:
    doctor = providers.save(db, Provider(name=name))
    return opinions.save(db, Opinion(case_id=case.id, provider_id=doctor.id, recommended_treatment=treatment,
                                     benefits="Fewer episodes", given_on="2026-01-10"))


def test_a_fresh_guide_has_the_goals_and_one_option_per_opinion(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", "Flecainide")
    found = guide.load(db, case.id)
    assert found.decision == case.title and found.deadline == "2030-01-31"
    assert [(g.goal, g.weight) for g in found.goals] == [("Keep running", None), ("Avoid a procedure", None)]
    assert [(o.opinion_id, o.label) for o in found.options] == [(a.id, "Flecainide, as Dr. Kwame Asante recommends")]
    assert found.options[0].benefits == [Consideration("Fewer episodes")]
    assert set(found.sure) == set(SureCheck) and guide.sure_notes(found) == []
    assert "Ottawa Personal Decision Guide" in guide.CITATION and "O'Connor" in (guide.__doc__ or "")


def test_the_guide_is_kept_as_filled_in(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", "Flecainide")
    filled = guide.load(db, case.id)
    filled.timing = "Before the spring season"
    filled.goals[0].weight = 5
    filled.options[0].risks.append(Consideration("Dizziness", 2))
    filled.options.append(GuideOption("Wait and see", benefits=[Consideration("No side effects", 3)]))
    filled.others = [OtherPerson("Jonas (brother)", "Ablation", presses=True)]
    filled.sure[SureCheck.ENCOURAGEMENT] = False
    filled.sure[SureCheck.SURE] = True
    guide.save(db, filled)
    _opinion(db, case, "Dr. Lena Moritz", "Ablation")  # a new opinion joins as an option
    found = guide.load(db, case.id)
    assert found.timing == "Before the spring season" and found.goals[0].weight == 5
    assert [o.label.split(",")[0] for o in found.options] == ["Flecainide", "Ablation", "Wait and see"]
    assert found.options[0].opinion_id == a.id and found.options[0].risks == [Consideration("Dizziness", 2)]
    assert found.others == [OtherPerson("Jonas (brother)", "Ablation", True)]
    notes = guide.sure_notes(found)
    assert len(notes) == 1 and notes[0].startswith("Get support")


def test_weights_and_names_are_checked(db, case):
    _opinion(db, case, "Dr. Kwame Asante", "Flecainide")
    for change, message in (
        (lambda g: setattr(g.goals[0], "weight", 6), "0 .not at all. to 5"),
        (lambda g: g.options[0].benefits.append(Consideration("Cost", True)), "whole number"),
        (lambda g: g.options.append(GuideOption("  ")), "no name"),
        (lambda g: g.others.append(OtherPerson("")), "Say who"),
        (lambda g: setattr(g, "timing", "x" * 5000), "very long"),
    ):
        filled = guide.load(db, case.id)
        change(filled)
        with pytest.raises(InvalidInput, match=message):
            guide.save(db, filled)
    assert db["decision_guides"].count == 0  # nothing half-written


def test_recording_the_decision_sets_the_case(db, case):
    _opinion(db, case, "Dr. Kwame Asante", "Flecainide")
    recorded = guide.record_decision(db, case.id, " Flecainide first ", "Fits my running", "2026-02-01")
    stored = cases.get(db, case.id)
    assert (stored.decision, stored.decision_reason, stored.decided_on, stored.status) == (
        "Flecainide first", "Fits my running", "2026-02-01", CaseStatus.DECIDED) == (
        recorded.decision, recorded.decision_reason, recorded.decided_on, recorded.status)
    found = guide.load(db, case.id)
    assert found.decided and found.new_opinion_ids == [] and guide.revisit_message(db, found) == ""
    guide.record_decision(db, case.id, "Ablation")
    assert cases.get(db, case.id).decided_on == dt.date.today().isoformat()


def test_a_decision_needs_words_and_a_past_date(db, case):
    with pytest.raises(InvalidInput, match="Write what you decided"):
        guide.record_decision(db, case.id, "  ", "", None)
    with pytest.raises(InvalidInput, match="future"):
        guide.record_decision(db, case.id, "Ablation", "", dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        guide.record_decision(db, case.id, "Ablation", "", "soon")
    assert cases.get(db, case.id).status is not CaseStatus.DECIDED


def test_a_third_opinion_after_the_decision_asks_whether_to_revisit(db, case):
    _opinion(db, case, "Dr. Kwame Asante", "Flecainide")
    _opinion(db, case, "Dr. Lena Moritz", "Ablation")
    guide.record_decision(db, case.id, "Flecainide", "", "2026-02-01")
    late = _opinion(db, case, "Dr. Ruth Okafor", "Ablation")
    found = guide.load(db, case.id)
    assert found.new_opinion_ids == [late.id]
    assert "Dr. Ruth Okafor" in guide.revisit_message(db, found) and "revisit" in guide.revisit_message(db, found)
    guide.keep_decision(db, case.id)
    assert guide.load(db, case.id).new_opinion_ids == []
    _opinion(db, case, "Dr. Ines Varga", "Rest")
    assert guide.revisit(db, case.id).status is CaseStatus.COMPARING
    again = guide.load(db, case.id)
    assert not again.decided and again.decided_decision == "Flecainide" and guide.revisit_message(db, again) == ""


def test_the_demo_guide_is_half_filled_and_undecided(db):
    loaded = demo.load(db)
    demo.load(db)  # again: nothing changes
    found = guide.load(db, loaded.case_id)
    assert all(g.weight is not None for g in found.goals) and len(found.options) == 3
    assert found.sure[SureCheck.UNDERSTAND] is False and None in found.sure.values()
    assert len(guide.sure_notes(found)) == 1 and not found.decided
    assert db["decision_guides"].count == 1
