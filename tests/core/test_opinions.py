"""Opinions of a case: saving, checking, listing, the trash, letters from the library, the demo."""

from __future__ import annotations

import pytest
import sample_files as samples

from opinionkit.core.domain import Basis, Case, HowGiven, Opinion, Person, Provider
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import cases, demo, library, opinions, people, providers, trash
from opinionkit.core.storage.database import open_database


@pytest.fixture
def case(db) -> Case:
    person = people.save(db, Person(name="Imogen Tarrant"))
    return cases.save(db, Case(person_id=person.id or 0, title="Atrial fibrillation: ablation or drugs?"))


@pytest.fixture
def doctor(db) -> Provider:
    return providers.save(db, Provider(name="Dr. Kwame Asante", specialty="Cardiology"))


def test_an_opinion_is_saved_with_every_detail_and_read_back(db, case, doctor):
    saved = opinions.save(db, Opinion(
        case_id=case.id, provider_id=doctor.id, specialty=" Cardiology ", given_on="2026-03-04",
        how_given="remote record review", diagnosis="Paroxysmal atrial fibrillation",
        recommended_treatment="Flecainide 50 mg twice daily", alternatives="Catheter ablation",
        reasoning="Young heart, few episodes", basis="both", basis_detail="about 200 patients a year",
        benefits="Fewer episodes", risks="Dizziness", urgency="Within 3 months", further_tests="Holter",
        cost_coverage="Covered", financial_interest="None", letter_text="  Dear Dr. Patel, ...  ",
    ))
    got = opinions.get(db, saved.id)
    assert got == saved
    assert (got.how_given, got.basis, got.specialty, got.letter_text) == (
        HowGiven.REMOTE_REVIEW, Basis.BOTH, "Cardiology", "Dear Dr. Patel, ...")
    got.recommended_treatment = "Catheter ablation"
    opinions.save(db, got)
    assert opinions.get(db, saved.id).recommended_treatment == "Catheter ablation"
    assert opinions.label(db, got) == "Opinion of Dr. Kwame Asante (2026-03-04)"


@pytest.mark.parametrize("change, field", [
    ({"how_given": "by pigeon"}, "how_given"),
    ({"basis": "a hunch"}, "basis"),
    ({"given_on": "4 March"}, "given_on"),
    ({"provider_id": 999}, "provider_id"),
    ({"provider_id": None, "letter_text": ""}, "provider_id"),
])
def test_wrong_details_are_refused_naming_the_field(db, case, doctor, change, field):
    opinion = Opinion(case_id=case.id, **{"provider_id": doctor.id, "letter_text": "x", **change})
    with pytest.raises(InvalidInput) as refused:
        opinions.save(db, opinion)
    assert refused.value.field == field
    assert db["opinions"].count == 0


def test_an_opinion_needs_a_real_case(db):
    with pytest.raises(NotFound):
        opinions.save(db, Opinion(case_id=404, specialty="Neurology"))


def test_listed_by_date_deleted_to_the_trash_and_restored(db, case, doctor):
    later = opinions.save(db, Opinion(case_id=case.id, provider_id=doctor.id, given_on="2026-05-01"))
    earlier = opinions.save(db, Opinion(case_id=case.id, specialty="Electrophysiology", given_on="2026-02-01"))
    undated = opinions.save(db, Opinion(case_id=case.id, specialty="Cardiac surgery"))
    assert [o.id for o in opinions.list_for_case(db, case.id)] == [earlier.id, later.id, undated.id]
    entry = opinions.delete(db, later.id)
    assert [o.id for o in opinions.list_for_case(db, case.id)] == [earlier.id, undated.id]
    trash.restore(db, entry)
    assert opinions.get(db, later.id).provider_id == doctor.id


def test_deleting_the_doctor_keeps_the_opinion_and_deleting_the_case_takes_it(db, case, doctor):
    opinion = opinions.save(db, Opinion(case_id=case.id, provider_id=doctor.id))
    db.execute("DELETE FROM providers WHERE id = ?", [doctor.id])
    assert opinions.get(db, opinion.id).provider_id is None
    entry = trash.move_to_trash(db, "cases", case.id, "case", case.title)
    assert db["opinions"].count == 0
    trash.restore(db, entry)
    assert opinions.get(db, opinion.id).case_id == case.id


def test_a_letter_is_taken_from_a_pdf_in_the_library(data_dir):
    db = open_database(data_dir)
    try:
        person = people.save(db, Person(name="Imogen Tarrant"))
        case = cases.save(db, Case(person_id=person.id or 0, title="AF"))
        pdf = library.add_bytes(db, data_dir, samples.text_pdf(["Dear Dr. Patel, I recommend catheter ablation.",
                                                                "Continue apixaban 5 mg twice daily."]),
                                "asante.pdf", person_id=person.id or 0)
        text = opinions.letter_from_document(db, pdf.id)
        assert "catheter ablation" in text and text.index("ablation") < text.index("apixaban")
        opinion = opinions.save(db, Opinion(case_id=case.id, specialty="Cardiology", letter_text=text,
                                            letter_document_id=pdf.id))
        library.delete(db, pdf.id)
        assert opinions.get(db, opinion.id).letter_document_id is None

        scan = library.add_bytes(db, data_dir, samples.scanned_pdf(), "scan.pdf", person_id=person.id or 0)
        with pytest.raises(InvalidInput, match="Type or paste the text"):
            opinions.letter_from_document(db, scan.id)
        stranger = people.save(db, Person(name="Someone Else"))
        theirs = library.add_bytes(db, data_dir, samples.text_pdf(["Hello."]), "theirs.pdf",
                                   person_id=stranger.id or 0)
        with pytest.raises(InvalidInput):
            opinions.save(db, Opinion(case_id=case.id, specialty="Cardiology", letter_document_id=theirs.id))
    finally:
        db.close()


def test_the_demo_case_has_two_opinions_whose_letters_differ_once(db):
    loaded = demo.load(db)
    demo.load(db)
    found = opinions.list_for_case(db, loaded.case_id)
    assert [opinions.label(db, o).split(" (")[0] for o in found] == [
        "Opinion of Dr. Harold Brennan", "Opinion of Dr. Priya Nandakumar"]
    assert all(250 <= len(o.letter_text.split()) <= 400 for o in found)
    comparison = opinions.compare(db, found[0].id, found[1].id)
    terms = {t.term.casefold(): t for t in comparison.terms}
    assert (terms["fusion"].stance_a.value, terms["fusion"].stance_b.value) == ("recommended", "advised against")
    assert (terms["gabapentin"].a_value, terms["gabapentin"].b_value) == (
        "300 mg three times daily", "600 mg three times daily")
    assert comparison.counts()["same"] >= 3 and comparison.counts()["changed"] >= 3
