"""compare_letters as the window and the command line use it: flags, bad input, speed, the page."""

from __future__ import annotations

import json
import time

import pytest
import sample_letters as letters

from opinionkit.core.compare import compare_letters
from opinionkit.core.compare.page import comparison_html
from opinionkit.core.errors import Cancelled


def test_identical_letters_say_there_are_no_differences():
    comparison = compare_letters(letters.ONCOLOGY_A, letters.ONCOLOGY_A)
    assert comparison.identical and comparison.message.startswith("No differences")
    assert all(p.state == "same" and p.similarity == 1.0 for p in comparison.pairs)
    assert all(t.agrees for t in comparison.terms)


@pytest.mark.parametrize("a, b, says", [
    ("", letters.NEUROLOGY_B, "Letter A is empty"),
    (letters.NEUROLOGY_A, "   \n\n", "Letter B is empty"),
    ("", "", "Both letters are empty"),
])
def test_an_empty_letter_is_named_with_what_to_do(a, b, says):
    comparison = compare_letters(a, b)
    assert comparison.empty and comparison.message.startswith(says) and "type or paste" in comparison.message
    assert all(p.a is None or p.b is None for p in comparison.pairs)


def test_a_letter_all_on_one_line_compares_like_its_laid_out_twin():
    one_line = " ".join(letters.CARDIOLOGY_A.split())
    laid_out = compare_letters(letters.CARDIOLOGY_A, letters.CARDIOLOGY_B)
    flat = compare_letters(one_line, letters.CARDIOLOGY_B)
    assert len(flat.a_sentences) >= len(laid_out.a_sentences) - 3
    assert {t.term for t in flat.terms if t.kind.value != "quantity"} == {
        t.term for t in laid_out.terms if t.kind.value != "quantity"}
    assert sum(p.state == "same" for p in flat.pairs) >= 1


def test_a_twenty_page_letter_is_compared_in_good_time():
    paragraph = " ".join(letters.NEUROLOGY_A.split("\n")[2:10])
    long_letter = "\n\n".join(f"Page {page}. {paragraph}" for page in range(1, 121))  # ~20 pages of text
    start = time.perf_counter()
    comparison = compare_letters(long_letter, letters.NEUROLOGY_B)
    assert time.perf_counter() - start < 10
    assert len(comparison.a_sentences) > 900
    assert {"levetiracetam", "lamotrigine"} <= {t.term.casefold() for t in comparison.terms}


def test_the_comparison_is_plain_json():
    comparison = compare_letters(letters.CARDIOLOGY_A, letters.CARDIOLOGY_B)
    printed = json.loads(json.dumps(comparison.to_json()))
    assert set(printed) == {"pairs", "terms"}
    assert set(printed["pairs"][0]) == {"a", "b", "similarity"}
    assert set(printed["terms"][0]) == {"term", "kind", "in_a", "in_b", "a_value", "b_value", "stance_a", "stance_b"}
    assert {t["kind"] for t in printed["terms"]} <= {"medication", "procedure", "test", "diagnosis", "quantity"}
    assert {t["stance_a"] for t in printed["terms"]} <= {"recommended", "advised against", "mentioned", None}
    everything = json.loads(json.dumps(comparison.as_dict()))
    assert everything["pairs"][1]["diff"] and everything["summary"] == comparison.summary()


def test_progress_is_reported_and_a_cancel_stops_it():
    seen: list[tuple[int, int]] = []
    compare_letters(letters.NEUROLOGY_A, letters.NEUROLOGY_B, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    with pytest.raises(Cancelled):
        compare_letters(letters.NEUROLOGY_A, letters.NEUROLOGY_B, cancelled=lambda: True)


def test_the_page_shows_both_letters_escaped_with_differences_marked():
    a = letters.NEUROLOGY_A + "\nShe asked whether <script>alert(1)</script> & co. matter.\n"
    page = comparison_html(compare_letters(a, letters.NEUROLOGY_B), a_label="haddad <A>.txt", b_label="price.txt")
    assert page.startswith("<!DOCTYPE html>") and "<script>" not in page and "&lt;script&gt;" in page
    assert "haddad &lt;A&gt;.txt" in page
    assert "levetiracetam <del>to 1000</del>" in page and "<ins>at 500</ins>" in page
    assert "<ins>" in page and "levetiracetam" in page and "not in this letter" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing loaded from anywhere
