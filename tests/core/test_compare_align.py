"""Pairing sentences by meaning, wherever they stand, and the word differences inside each pair."""

from __future__ import annotations

import sample_letters as letters

from opinionkit.core.compare import Change, compare_letters
from opinionkit.core.compare.align import align
from opinionkit.core.compare.worddiff import side, word_diff


def _paired(a: list[str], b: list[str]) -> dict[str, str | None]:
    return {a[p.a]: (b[p.b] if p.b is not None else None) for p in align(a, b) if p.a is not None}


def test_sentences_in_another_order_find_their_counterparts():
    a = ["I recommend catheter ablation.", "Continue apixaban 5 mg twice daily.", "His CHA2DS2-VASc score is 1."]
    b = ["His CHA2DS2-VASc score is 1.", "Continue apixaban 5 mg twice daily.", "I recommend catheter ablation."]
    assert _paired(a, b) == {s: s for s in a}
    assert all(p.similarity == 1.0 for p in align(a, b))


def test_reworded_but_equal_sentences_pair_up():
    a = ["The MRI shows moderate stenosis at L4-L5.", "She should have twelve weeks of physiotherapy."]
    b = ["She should have 12 weeks of physical therapy.",
         "Magnetic resonance imaging showed moderate stenoses at L4-L5."]
    paired = _paired(a, b)
    assert paired == {a[0]: b[1], a[1]: b[0]}
    assert all(p.similarity >= 0.9 for p in align(a, b))


def test_unrelated_sentences_face_a_gap_in_reading_order():
    a = ["Dear Dr. Patel,", "I recommend catheter ablation.", "Yours sincerely,"]
    b = ["Dear Dr. Patel,", "His daughter drove him to the clinic today.", "Kind regards,"]
    pairs = align(a, b)
    assert [(p.a, p.b) for p in pairs] == [(0, 0), (None, 1), (None, 2), (1, None), (2, None)]
    assert sorted(p.b for p in pairs if p.b is not None) == [0, 1, 2]  # every sentence exactly once


def test_a_dose_change_pairs_with_its_counterpart_not_with_the_history():
    a, b = letters.NEUROLOGY_A, letters.NEUROLOGY_B
    comparison = compare_letters(a, b)
    by_a = {p.a: p.b for p in comparison.pairs if p.a}
    assert by_a["I recommend increasing levetiracetam to 1000 mg b.i.d."] == (
        "I would keep levetiracetam at 500 mg twice daily because of her low mood.")
    assert by_a["She takes levetiracetam 500 mg b.i.d. and has missed few doses."] == (
        "She is on levetiracetam 500 mg twice daily.")
    assert by_a["Her EEG showed left temporal sharp waves and the MRI was normal."] == (
        "Her MRI was normal and the EEG showed left temporal sharp waves.")


def test_each_specialty_pair_keeps_every_sentence_once():
    for a, b in letters.PAIRS.values():
        comparison = compare_letters(a, b)
        assert sorted(p.a_index for p in comparison.pairs if p.a_index is not None) == list(
            range(len(comparison.a_sentences)))
        assert sorted(p.b_index for p in comparison.pairs if p.b_index is not None) == list(
            range(len(comparison.b_sentences)))
        assert all(0.0 <= p.similarity <= 1.0 for p in comparison.pairs)


def test_word_differences_are_whole_words_and_numbers():
    spans = word_diff("Continue gabapentin 300 mg three times daily until surgery.",
                      "Increase gabapentin to 600 mg three times daily.")
    assert [(s.change.value, s.text) for s in spans] == [
        ("delete", "Continue"), ("insert", "Increase"), ("equal", " gabapentin "), ("delete", "300"),
        ("insert", "to 600"), ("equal", " mg three times daily"), ("delete", " until surgery"), ("equal", "."),
    ]
    assert [s.text for s in word_diff("PSA 6.2 ng/mL", "PSA 7.1 ng/mL") if s.change is not Change.EQUAL] == [
        "6.2", "7.1"]


def test_each_pane_shows_its_own_sentence_back():
    a, b = "I recommend fusion at L4-L5.", "Fusion at L4-L5 is not indicated."
    spans = word_diff(a, b)
    assert "".join(s.text for s in side(spans, "a")) == a
    assert "".join(s.text for s in side(spans, "b")) == b
    assert word_diff(a, a) == [type(spans[0])(Change.EQUAL, a)]


def test_text_in_any_script_aligns_identical_sentences():
    a = "История болезни. Операция не показана. 手術を推奨します。経過観察も可能です。Η επέμβαση δεν συνιστάται."
    b = "经过观察。 Операция не показана. 手術を推奨します。 Η επέμβαση δεν συνιστάται."
    comparison = compare_letters(a, b)
    same = [p.a for p in comparison.pairs if p.state == "same"]
    assert same == ["Операция не показана.", "手術を推奨します。", "Η επέμβαση δεν συνιστάται."]
    assert word_diff("手術を推奨します。", "手術を推奨しません。")[0].text == "手術を推奨しま"
