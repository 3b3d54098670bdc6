"""Questions drafted from the differences, for each doctor, and added to the case's list."""

from __future__ import annotations

import pytest

from opinionkit.core.decide import grid, question_drafts
from opinionkit.core.domain import Case, Opinion, Person, Provider, QuestionSource
from opinionkit.core.services import cases, opinions, people, providers, questions


@pytest.fixture
def case(db) -> Case:
    person = people.save(db, Person(name="Imogen Tarrant"))
    return cases.save(db, Case(person_id=person.id or 0, title="Atrial fibrillation: ablation or drugs?"))


def _opinion(db, case, name, letter, **fields) -> Opinion:
    doctor = providers.save(db, Provider(name=name, specialty="Cardiology"))
    return opinions.save(db, Opinion(case_id=case.id, provider_id=doctor.id, letter_text=letter, **fields))


@pytest.fixture
def pair(db, case):
    a = _opinion(db, case, "Dr. Kwame Asante",
                 "I recommend catheter ablation. Continue flecainide 50 mg twice daily. "
                 "An echocardiogram should be obtained.",
                 diagnosis="Paroxysmal atrial fibrillation", urgency="Within three months")
    b = _opinion(db, case, "Dr. Lena Moritz",
                 "Catheter ablation is not indicated at this time. Increase flecainide to 100 mg twice daily.",
                 diagnosis="Atrial flutter", urgency="No hurry")
    return a, b


def test_a_clash_asks_each_doctor_about_the_others_reasons(db, case, pair):
    a, b = pair
    drafts = question_drafts.draft(db, case.id)
    ablation = [d for d in drafts if "ablation" in d.text and "advise" in d.text]
    assert {d.for_provider_id for d in ablation} == {a.provider_id, b.provider_id}
    for_a = next(d for d in ablation if d.for_provider_id == a.provider_id)
    assert "Dr. Lena Moritz advises against" in for_a.text and "Dr. Lena Moritz's reasons" in for_a.text


def test_different_amounts_a_lone_test_and_a_different_diagnosis_are_asked(db, case, pair):
    a, b = pair
    texts = {(d.for_provider_id, d.text) for d in question_drafts.draft(db, case.id)}
    assert any(who == b.provider_id and "100 mg twice daily" in t and "Why this amount" in t for who, t in texts)
    assert any(who == a.provider_id and "Why this amount" in t for who, t in texts)
    assert any(who == b.provider_id and "echocardiogram" in t.casefold() and "help" in t for who, t in texts)
    assert any(who == a.provider_id and "“Atrial flutter”" in t for who, t in texts)
    assert any(who == b.provider_id and "safely take to decide" in t for who, t in texts)


def test_agreed_rows_are_not_asked_about_and_marked_ones_are(db, case, pair):
    a, b = pair
    grid.set_verdict(db, case.id, [a.id, b.id], "diagnosis", "agree")
    grid.set_verdict(db, case.id, [a.id, b.id], "cost_coverage", "differ")
    texts = [d.text for d in question_drafts.draft(db, case.id)]
    assert not any("describes my condition" in t for t in texts)
    assert not any("cost and coverage" in t for t in texts)  # marked, but neither says anything on it
    a.cost_coverage, b.cost_coverage = "Covered", "Not covered"
    opinions.save(db, a), opinions.save(db, b)
    assert any("On the cost and coverage, Dr. Kwame Asante says “Covered”" in d.text
               for d in question_drafts.draft(db, case.id))


def test_edited_drafts_are_added_for_their_doctor_once(db, case, pair):
    a, _ = pair
    drafts = question_drafts.draft(db, case.id)
    drafts[0].text = "My own wording of the first question?"
    drafts[1].text = "   "  # cleared: left out
    added = question_drafts.add_drafts(db, case.id, drafts)
    assert len(added) == len(drafts) - 1
    assert added[0].text == "My own wording of the first question?"
    assert all(q.source is QuestionSource.COMPARISON for q in questions.list_for_case(db, case.id))
    assert {q.for_provider_id for q in added} == {d.for_provider_id for d in drafts if d.text.strip()}
    assert question_drafts.add_drafts(db, case.id, drafts) == []  # nothing twice


def test_one_opinion_drafts_nothing(db, case):
    _opinion(db, case, "Dr. Kwame Asante", "I recommend catheter ablation.")
    assert question_drafts.draft(db, case.id) == []
