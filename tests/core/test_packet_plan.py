"""The packet plan: who it is for, which documents in which order, which sections; kept per case."""

from __future__ import annotations

import pytest

import sample_files
from opinionkit.core.domain import Person
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.packet import plan as plans
from opinionkit.core.services import cases, library, people, trash
from packet_cases import add_pdf, make_case


@pytest.fixture
def sample(db, data_dir):
    data_dir.mkdir(parents=True)
    made = make_case(db, data_dir)
    add_pdf(db, data_dir, made, "March", date="2026-03-01")
    add_pdf(db, data_dir, made, "January", date="2026-01-15")
    linked = add_pdf(db, data_dir, made, "Linked", date="2025-06-30", case=False)
    library.link_items(db, linked.id or 0, [made.ids["report item"]])
    add_pdf(db, data_dir, made, "Elsewhere", date="2025-01-01", case=False)  # the person's, not the case's
    return made


def titles(db, plan) -> list[str]:
    return [d.title for d in plans.documents(db, plan)]


def test_default_is_every_document_of_the_case_oldest_first_for_the_second_doctor(db, sample):
    plan = plans.default(db, sample.case_id)
    assert plan.recipient_id == sample.second_doctor_id
    assert titles(db, plan) == ["Linked report", "January report", "March report"]
    assert plan.include_summary and plan.include_questions and plan.include_index
    assert plans.load(db, sample.case_id) == plan  # nothing saved yet: the default


def test_since_keeps_documents_dated_on_or_after_it(db, sample):
    assert titles(db, plans.default(db, sample.case_id, since="2026-01-15")) == ["January report", "March report"]
    with pytest.raises(InvalidInput) as error:
        plans.default(db, sample.case_id, since="15/01/2026")
    assert error.value.field == "since"


def test_add_remove_and_reorder(db, sample):
    plan = plans.default(db, sample.case_id)
    plan = plans.add(db, plan, [sample.ids["Elsewhere"]])
    assert titles(db, plan)[-1] == "Elsewhere report"
    plan = plans.remove(db, plan, [sample.ids["January"]])
    assert titles(db, plan) == ["Linked report", "March report", "Elsewhere report"]
    order = [sample.ids["March"], sample.ids["Elsewhere"], sample.ids["Linked"]]
    plan = plans.reorder(db, plan, order)
    assert [d.id for d in plans.documents(db, plan)] == order
    with pytest.raises(InvalidInput):
        plans.reorder(db, plan, order[:2])
    with pytest.raises(InvalidInput):
        plans.add(db, plan, [999])


def test_a_saved_plan_comes_back_and_takes_new_documents_unless_taken_out(db, data_dir, sample):
    plan = plans.remove(db, plans.default(db, sample.case_id), [sample.ids["January"]])
    plan.sender = "  Tom   Test, son "
    plan.include_questions = False
    saved = plans.save(db, plan)
    assert saved.id and saved.sender == "Tom Test, son"
    loaded = plans.load(db, sample.case_id)
    assert loaded == saved and loaded.include_questions is False
    add_pdf(db, data_dir, sample, "Newer", date="2024-01-01")
    assert titles(db, plans.load(db, sample.case_id)) == ["Linked report", "March report", "Newer report"]
    # Saving again replaces the case's plan.
    plans.save(db, plans.reorder(db, loaded, [sample.ids[k] for k in ("Newer", "March", "Linked")]))
    assert db["packet_plans"].count == 1
    plans.forget(db, sample.case_id)
    assert titles(db, plans.load(db, sample.case_id))[0] == "Newer report"


def test_unknown_recipient_or_case_is_refused(db, sample):
    plan = plans.default(db, sample.case_id)
    plan.recipient_id = 999
    with pytest.raises(InvalidInput) as error:
        plans.save(db, plan)
    assert error.value.field == "recipient_id"
    with pytest.raises(NotFound):
        plans.default(db, 999)


def test_another_persons_document_cannot_be_added(db, data_dir, sample):
    other = people.save(db, Person(name="Someone Else"))
    other_case = cases.get(db, sample.case_id)
    other_case.id, other_case.person_id = None, other.id or 0
    cases.save(db, other_case)
    theirs = library.add_bytes(db, data_dir, sample_files.text_pdf(["theirs"]), "theirs.pdf", person_id=other.id or 0)
    with pytest.raises(InvalidInput) as error:
        plans.add(db, plans.default(db, sample.case_id), [theirs.id or 0])
    assert "another person" in str(error.value)


def test_the_plan_goes_with_its_case(db, sample):
    plans.save(db, plans.default(db, sample.case_id))
    trash.move_to_trash(db, "cases", sample.case_id, "case", "test")
    assert db["packet_plans"].count == 0
