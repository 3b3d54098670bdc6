"""The comparison grid: rows that differ, key terms beside their rows, verdicts kept, too few opinions."""

from __future__ import annotations

import pytest

from opinionkit.core.compare import Stance
from opinionkit.core.decide import grid
from opinionkit.core.decide.grid import RowState
from opinionkit.core.domain import Case, Opinion, Person, Provider, Verdict
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import cases, demo, opinions, people, providers, trash


@pytest.fixture
def case(db) -> Case:
    person = people.save(db, Person(name="Imogen Tarrant"))
    return cases.save(db, Case(person_id=person.id or 0, title="Atrial fibrillation: ablation or drugs?",
                               goals=["Keep running"]))


def _opinion(db, case, name, **fields) -> Opinion:
    doctor = providers.save(db, Provider(name=name, specialty="Cardiology"))
    return opinions.save(db, Opinion(case_id=case.id, provider_id=doctor.id, **fields))


def test_rows_say_same_differs_and_who_alone_addresses_it(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", diagnosis="Paroxysmal atrial fibrillation.",
                 recommended_treatment="Flecainide", further_tests="Holter monitor for 7 days")
    b = _opinion(db, case, "Dr. Lena Moritz", diagnosis="paroxysmal  atrial FIBRILLATION",
                 recommended_treatment="Catheter ablation")
    found = grid.grid(db, case.id)
    assert found.columns == ["Dr. Kwame Asante", "Dr. Lena Moritz"] and found.message == ""
    assert found.row("diagnosis").state is RowState.SAME and not found.row("diagnosis").differs
    assert found.row("recommended_treatment").state is RowState.DIFFERS
    tests = found.row("further_tests")
    assert tests.state is RowState.NOT_ALL and tests.differs
    assert tests.state_text(found.columns) == "Only Dr. Kwame Asante addresses it"
    assert found.row("risks").state is RowState.NONE
    assert [o.id for o in found.opinions] == [a.id, b.id]


def test_the_demo_key_terms_sit_beside_their_rows_with_stances(db):
    loaded = demo.load(db)
    found = grid.grid(db, loaded.case_id)
    treatment = {t.term: t for t in found.row("recommended_treatment").terms}
    assert treatment["fusion"].stances == [Stance.RECOMMENDED, Stance.ADVISED_AGAINST]
    assert "600 mg" in (treatment["Gabapentin"].values[1] or "")
    assert "flexion-extension X-rays" in [t.term for t in found.row("further_tests").terms]
    assert "infection" in [t.term for t in found.row("risks").terms]
    assert found.row("diagnosis").verdict is Verdict.AGREE  # the demo's verdicts


def test_verdicts_are_kept_per_set_of_opinions_and_cleared(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", recommended_treatment="Flecainide")
    b = _opinion(db, case, "Dr. Lena Moritz", recommended_treatment="Ablation")
    c = _opinion(db, case, "Dr. Ruth Okafor", recommended_treatment="Ablation")
    grid.set_verdict(db, case.id, [b.id, a.id], "recommended_treatment", "differ", " Drugs or ablation ")
    grid.set_verdict(db, case.id, [a.id, b.id, c.id], "recommended_treatment", Verdict.AGREE)
    two = grid.grid(db, case.id, [a.id, b.id]).row("recommended_treatment")
    assert (two.verdict, two.note) == (Verdict.DIFFER, "Drugs or ablation")
    assert grid.grid(db, case.id).row("recommended_treatment").verdict is Verdict.AGREE  # all three
    grid.set_verdict(db, case.id, [a.id, b.id], "recommended_treatment", Verdict.ONLY_ONE, "changed")
    assert grid.verdicts(db, case.id, [a.id, b.id])["recommended_treatment"].note == "changed"
    assert grid.set_verdict(db, case.id, [a.id, b.id], "recommended_treatment", None, "") is None
    assert grid.verdicts(db, case.id, [a.id, b.id]) == {}


def test_a_verdict_goes_to_the_trash_with_its_opinion_and_comes_back(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", recommended_treatment="Flecainide")
    b = _opinion(db, case, "Dr. Lena Moritz", recommended_treatment="Ablation")
    grid.set_verdict(db, case.id, [a.id, b.id], "risks", "differ", "note")
    entry = opinions.delete(db, b.id)
    assert db["grid_verdicts"].count == 0
    trash.restore(db, entry)
    assert grid.verdicts(db, case.id, [a.id, b.id])["risks"].note == "note"


def test_one_opinion_says_what_is_missing_and_refuses_a_verdict(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", recommended_treatment="Flecainide")
    found = grid.grid(db, case.id)
    assert not found.comparable and "Add opinion" in found.message and "second" in found.message
    assert found.row("recommended_treatment").texts == ["Flecainide"]
    assert "No opinions" in grid.grid(db, cases.save(db, Case(person_id=case.person_id, title="Other")).id).message
    with pytest.raises(InvalidInput, match="Only one opinion"):
        grid.set_verdict(db, case.id, [a.id], "risks", "agree")


def test_bad_choices_and_values_are_refused(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante", recommended_treatment="Flecainide")
    b = _opinion(db, case, "Dr. Lena Moritz", recommended_treatment="Ablation")
    other = cases.save(db, Case(person_id=case.person_id, title="Knee"))
    stranger = _opinion(db, other, "Dr. Ines Varga", recommended_treatment="Rest")
    for ids, message in (([a.id, a.id], "same one twice"), ([a.id, stranger.id], "not one of this case"),
                         ([a.id], "two or three")):
        with pytest.raises(InvalidInput, match=message):
            grid.grid(db, case.id, ids)
    with pytest.raises(InvalidInput, match="no row"):
        grid.set_verdict(db, case.id, [a.id, b.id], "colour", "agree")
    with pytest.raises(InvalidInput, match="must be one of"):
        grid.set_verdict(db, case.id, [a.id, b.id], "risks", "maybe")
    with pytest.raises(InvalidInput, match="very long"):
        grid.set_verdict(db, case.id, [a.id, b.id], "risks", "agree", "x" * 5000)


def test_empty_fields_and_very_long_text_are_kept_whole(db, case):
    long_text = "A long reasoning sentence. " * 400
    _opinion(db, case, "Dr. Kwame Asante", reasoning=long_text, recommended_treatment="Flecainide")
    _opinion(db, case, "Dr. Lena Moritz", specialty="Cardiology")
    found = grid.grid(db, case.id)
    assert found.row("reasoning").texts == [long_text.strip(), ""]
    assert found.terms == []  # no letters: no key terms, and no error
