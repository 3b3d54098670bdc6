"""Key terms across two letters: one entry per concept, each letter's value and stance."""

from __future__ import annotations

import pytest
import sample_letters as letters

from opinionkit.core.compare import KeyTerm, Stance, TermKind, compare_letters
from opinionkit.core.compare.mentions import find
from opinionkit.core.services.demo_opinions import BRENNAN_LETTER, NANDAKUMAR_LETTER

REC, AGAINST, MENTIONED = Stance.RECOMMENDED, Stance.ADVISED_AGAINST, Stance.MENTIONED


def _terms(a: str, b: str) -> dict[str, KeyTerm]:
    return {t.term.casefold(): t for t in compare_letters(a, b).terms}


def _said(term: KeyTerm) -> tuple:
    return (term.stance_a, term.a_value, term.stance_b, term.b_value)


def test_cardiology_ablation_against_antiarrhythmic_drugs():
    terms = _terms(letters.CARDIOLOGY_A, letters.CARDIOLOGY_B)
    assert _said(terms["catheter ablation"]) == (REC, None, AGAINST, None)
    assert terms["catheter ablation"].kind is TermKind.PROCEDURE
    assert _said(terms["flecainide"]) == (AGAINST, None, REC, "50 mg twice daily")
    assert _said(terms["apixaban"]) == (REC, "5 mg twice daily", REC, "5 mg twice daily")
    assert terms["apixaban"].agrees and terms["apixaban"].kind is TermKind.MEDICATION
    assert _said(terms["bisoprolol"]) == (MENTIONED, "5 mg daily", REC, "10 mg daily")
    assert (terms["holter monitor"].kind, terms["holter monitor"].stance_a) == (TermKind.TEST, REC)
    assert _said(terms["ejection fraction"])[1::2] == ("60%", "60%")
    assert terms["cha2ds2-vasc score"].kind is TermKind.QUANTITY
    assert terms["atrial fibrillation"].kind is TermKind.DIAGNOSIS


def test_oncology_surgery_against_active_surveillance():
    terms = _terms(letters.ONCOLOGY_A, letters.ONCOLOGY_B)
    prostatectomy = terms["radical prostatectomy"]  # "robotic-assisted radical prostatectomy" in A: one term
    assert _said(prostatectomy) == (REC, None, AGAINST, None)
    assert prostatectomy.a_forms == ["robotic-assisted radical prostatectomy"]
    assert _said(terms["active surveillance"]) == (AGAINST, None, REC, None)
    assert (terms["gleason"].kind, terms["gleason"].a_value, terms["gleason"].b_value) == (
        TermKind.QUANTITY, "3+4=7", "3+4=7")
    assert terms["psa"].a_value == "6.2 ng/mL" and terms["psa"].kind is TermKind.TEST
    assert _said(terms["hormone therapy"])[::2] == (REC, AGAINST) or _said(terms["hormone therapy"])[::2] == (
        MENTIONED, AGAINST)
    assert _said(terms["aspirin"])[::2] == (AGAINST, REC)
    assert terms["prostate cancer"].in_a and terms["prostate cancer"].in_b


def test_neurology_dose_difference_of_a_shared_medicine():
    terms = _terms(letters.NEUROLOGY_A, letters.NEUROLOGY_B)
    assert _said(terms["levetiracetam"]) == (REC, "1000 mg b.i.d", REC, "500 mg twice daily")
    assert not terms["levetiracetam"].agrees
    assert _said(terms["lamotrigine"]) == (MENTIONED, None, REC, "25 mg daily")
    assert terms["epilepsy surgery"].stance_a is AGAINST
    assert terms["focal epilepsy"].kind is TermKind.DIAGNOSIS and terms["focal epilepsy"].agrees


def test_ophthalmology_laser_against_drops():
    terms = _terms(letters.OPHTHALMOLOGY_A, letters.OPHTHALMOLOGY_B)
    assert _said(terms["laser trabeculoplasty"])[::2] == (REC, MENTIONED)
    assert _said(terms["latanoprost"]) == (None, None, REC, "0.005%")
    assert (terms["intraocular pressure"].a_value, terms["intraocular pressure"].b_value) == ("26 mmHg", "26 mmHg")


def test_the_demo_letters_differ_on_the_operation_and_the_dose():
    terms = _terms(BRENNAN_LETTER, NANDAKUMAR_LETTER)
    assert _said(terms["fusion"])[::2] == (REC, AGAINST)
    assert set(terms["fusion"].a_forms) >= {"posterior lumbar interbody fusion", "PLIF"}
    assert _said(terms["gabapentin"]) == (REC, "300 mg three times daily", REC, "600 mg three times daily")
    assert _said(terms["physical therapy"])[2:] == (REC, "12 weeks, twice weekly")
    assert _said(terms["epidural steroid injection"])[::2] == (MENTIONED, REC)
    assert terms["flexion-extension x-rays"].stance_b is REC
    assert terms["mri"].in_a and terms["mri"].in_b


@pytest.mark.parametrize("sentence, term, stance", [
    ("I would not recommend surgery at this time.", "surgery", AGAINST),
    ("Surgery is not indicated.", "surgery", AGAINST),
    ("Rather than fusion, I suggest physiotherapy.", "fusion", AGAINST),
    ("Rather than fusion, I suggest physiotherapy.", "physiotherapy", REC),
    ("I recommend physical therapy and an epidural steroid injection.", "epidural steroid injection", REC),
    ("I recommend physiotherapy instead of an operation.", "operation", AGAINST),
    ("I advise against chemotherapy.", "chemotherapy", AGAINST),
    ("There is no need for a repeat biopsy.", "repeat biopsy", AGAINST),
    ("Please stop naproxen before the operation.", "naproxen", AGAINST),
    ("Please stop naproxen before the operation.", "operation", MENTIONED),
    ("Do not stop apixaban.", "apixaban", REC),
    ("She was started on apixaban in May.", "apixaban", MENTIONED),
    ("She has been taking metformin 500 mg twice daily.", "metformin", MENTIONED),
    ("If there is no improvement, I would recommend surgery.", "surgery", MENTIONED),
    ("We can revisit surgery in three months.", "surgery", MENTIONED),
    ("Options include radiotherapy and surgery.", "radiotherapy", MENTIONED),
    ("The risks of the operation include infection.", "operation", MENTIONED),
    ("A stress test should be arranged.", "stress test", REC),
    ("Catheter ablation would be reasonable.", "catheter ablation", REC),
    ("No further surgery is planned.", "surgery", AGAINST),
    ("I would order a CT scan of the chest.", "CT scan", REC),
    ("Physiotherapy is not needed.", "physiotherapy", AGAINST),
    ("Hold off on the knee replacement for now.", "knee replacement", AGAINST),
])
def test_stance_and_its_negation_within_the_sentence(sentence, term, stance):
    found = {m.text.casefold(): m.stance for m in find(sentence, 0)}
    assert found[term.casefold()] is stance, found


@pytest.mark.parametrize("sentence, term, value", [
    ("Continue gabapentin 300 mg three times daily.", "gabapentin", "300 mg three times daily"),
    ("Increase levetiracetam from 500 mg b.i.d. to 1000 mg b.i.d.", "levetiracetam", "1000 mg b.i.d"),
    ("Take 200 mg of celecoxib.", "celecoxib", "200 mg"),
    ("Twelve weeks of physical therapy are advised.", "physical therapy", "Twelve weeks"),
    ("Six cycles of chemotherapy are planned.", "chemotherapy", "Six cycles"),
    ("Radiotherapy 60 Gy in 20 fractions is an option.", "radiotherapy", "60 Gy in 20 fractions"),
    ("His HbA1c is 7.2% this month.", "HbA1c", "7.2%"),
    ("A repeat MRI in 6 months.", "MRI", "6 months"),
])
def test_values_go_with_their_term(sentence, term, value):
    found = {m.text.casefold(): m.value for m in find(sentence, 0)}
    assert found[term.casefold()] == value, found


def test_brand_and_generic_names_are_one_medicine():
    terms = compare_letters("Continue Tylenol 500 mg as needed.", "Continue acetaminophen 1 g as needed.").terms
    (medicine,) = [t for t in terms if t.kind is TermKind.MEDICATION]
    assert (medicine.term, medicine.a_value, medicine.b_value) == ("Acetaminophen", "500 mg as needed", "1 g as needed")


def test_abbreviations_and_long_forms_are_one_term():
    terms = _terms("An MRI of the spine was normal.", "Magnetic resonance imaging of the spine was normal.")
    assert terms["mri"].in_a and terms["mri"].in_b and terms["mri"].kind is TermKind.TEST


def test_terms_link_to_their_sentences():
    comparison = compare_letters(letters.CARDIOLOGY_A, letters.CARDIOLOGY_B)
    for term in comparison.terms:
        for index in term.a_sentences:
            assert any(form.casefold() in comparison.a_sentences[index].casefold() for form in term.a_forms)
        for index in term.b_sentences:
            assert any(form.casefold() in comparison.b_sentences[index].casefold() for form in term.b_forms)
