"""Splitting letters into sentences: doses, decimals, abbreviations and initials stay whole."""

from __future__ import annotations

import pytest

from opinionkit.core.compare.sentences import MAX_WORDS, in_plan, signature_start, split_sentences


@pytest.mark.parametrize("sentence", [
    "Dr. Brennan saw her on Tuesday.",
    "Her PSA was 6.2 ng/mL vs. 4.1 ng/mL a year ago.",
    "Take levetiracetam 500 mg b.i.d. and review in clinic.",
    "Use a short course, e.g. approx. 2 weeks of physiotherapy.",
    "He lives on St. Mary's Road, Room No. 3 on the ward.",
    "I saw Mr. J. R. Smith with his daughter.",
    "Gleason 3+4=7 cancer was found in 3 of 12 cores.",
    "The ejection fraction is 35.5% on the echocardiogram.",
])
def test_doses_decimals_abbreviations_and_initials_stay_in_one_sentence(sentence):
    assert split_sentences(sentence + " The plan follows.") == [sentence, "The plan follows."]


def test_a_sentence_may_end_on_an_abbreviation_or_a_number():
    text = "Continue gabapentin 300 mg b.i.d. Review in 4 weeks. She weighs 70 kg. Follow-up in 2026. Thanks."
    assert split_sentences(text) == [
        "Continue gabapentin 300 mg b.i.d.", "Review in 4 weeks.", "She weighs 70 kg.", "Follow-up in 2026.",
        "Thanks.",
    ]


def test_a_single_capital_ends_a_sentence_when_the_next_word_starts_one():
    assert split_sentences("She takes vitamin D. Repeat the level. Hepatitis B. The rest is normal.") == [
        "She takes vitamin D.", "Repeat the level.", "Hepatitis B.", "The rest is normal.",
    ]


def test_headed_and_bulleted_letters_split_at_their_lines_and_lose_their_markers():
    letter = """Riverside Orthopaedic Group
Dear Dr. Iwu,
Assessment
Neurogenic claudication from stenosis at L4-
L5, not better after six weeks of physiotherapy and a line that wraps
in the middle of the sentence.
Plan
1. Start apixaban 5 mg twice daily.
2) Echocardiogram in 3 months; we will call.
- Avoid NSAIDs.
• Review in clinic
Yours sincerely,
Harold Brennan, MD"""
    assert split_sentences(letter) == [
        "Riverside Orthopaedic Group", "Dear Dr. Iwu,", "Assessment",
        "Neurogenic claudication from stenosis at L4-L5, not better after six weeks of physiotherapy and a line "
        "that wraps in the middle of the sentence.",
        "Plan", "Start apixaban 5 mg twice daily.", "Echocardiogram in 3 months; we will call.", "Avoid NSAIDs.",
        "Review in clinic", "Yours sincerely,", "Harold Brennan, MD",
    ]


def test_a_letter_all_on_one_line_finds_its_headings_and_numbered_items():
    text = ("Assessment Neurogenic claudication at L4-L5. Plan: 1. I recommend fusion. 2. Risks discussed: "
            "infection. Imaging MRI of 2026-09-12 reviewed with the patient.")
    assert split_sentences(text) == [
        "Assessment", "Neurogenic claudication at L4-L5.", "Plan:", "I recommend fusion.",
        "Risks discussed: infection.", "Imaging", "MRI of 2026-09-12 reviewed with the patient.",
    ]


def test_other_scripts_split_at_their_own_marks():
    assert split_sentences("История болезни. Операция не показана.") == ["История болезни.", "Операция не показана."]
    assert split_sentences("手術を推奨します。経過観察も可能です。") == ["手術を推奨します。", "経過観察も可能です。"]


def test_a_sentence_without_an_end_is_cut_into_pieces_a_reader_can_follow():
    text = " ".join(f"word{n}" for n in range(500))
    pieces = split_sentences(text)
    assert len(pieces) > 1 and all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert " ".join(pieces) == text


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences("  \n\n \t") == []


def test_items_under_a_recommendations_heading_and_the_signature_are_found():
    found = split_sentences("History\nShe has pain.\nRecommendations\n1. Physiotherapy.\n2. Review.\n"
                            "Imaging\nMRI normal.\nKind regards,\nDr. A. Lee\nNeurology")
    assert [s for s, inside in zip(found, in_plan(found)) if inside] == ["Recommendations", "Physiotherapy.", "Review."]
    assert found[signature_start(found):] == ["Kind regards,", "Dr. A. Lee", "Neurology"]
