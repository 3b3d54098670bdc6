"""`opinionkit compare A B`: JSON, the readable summary, the page, and one clear line for a bad file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sample_files as samples

from opinionkit.cli import main as cli_main
from opinionkit.cli.main import main
from opinionkit.core.services.demo_opinions import BRENNAN_LETTER, NANDAKUMAR_LETTER


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("opinionkit")


@pytest.fixture
def two_letters(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "brennan.txt", tmp_path / "nandakumar.txt"
    a.write_text(BRENNAN_LETTER, encoding="utf-8")
    b.write_text(NANDAKUMAR_LETTER, encoding="utf-8")
    return a, b


def test_compare_is_a_registered_command():
    assert "opinionkit.cli.compare" in cli_main.COMMAND_MODULES


def test_json_has_the_pairs_and_the_terms(capsys, two_letters):
    code, out, err = run(capsys, "compare", *map(str, two_letters), "--json")
    assert code == 0, err
    printed = json.loads(out)
    assert set(printed) == {"pairs", "terms"}
    assert {"a": "Dear Dr. Iwu,", "b": "Dear Dr. Iwu,", "similarity": 1.0} in printed["pairs"]
    assert any(p["a"] is None for p in printed["pairs"]) and any(p["b"] is None for p in printed["pairs"])
    terms = {t["term"].casefold(): t for t in printed["terms"]}
    assert terms["gabapentin"] == {
        "term": "Gabapentin", "kind": "medication", "in_a": True, "in_b": True,
        "a_value": "300 mg three times daily", "b_value": "600 mg three times daily",
        "stance_a": "recommended", "stance_b": "recommended"}
    assert (terms["fusion"]["stance_a"], terms["fusion"]["stance_b"]) == ("recommended", "advised against")


def test_without_json_a_readable_summary(capsys, two_letters):
    code, out, err = run(capsys, "compare", *map(str, two_letters))
    assert code == 0, err
    assert out.startswith("Letter A: brennan.txt") and "Key terms" in out
    assert "{+Increase+} gabapentin [-300-]{+to 600+}" in out
    assert "Only in letter B" in out and "Fusion is not indicated at this time." in out


def test_the_page_is_written_once_unless_forced(capsys, two_letters, tmp_path):
    page = tmp_path / "compared.html"
    code, out, err = run(capsys, "compare", *map(str, two_letters), "--html", str(page))
    assert code == 0, err
    assert str(page) in out
    html = page.read_text(encoding="utf-8")
    assert "<del>" in html and "<ins>" in html and "brennan.txt" in html and "Key terms" in html
    page.write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "compare", *map(str, two_letters), "--html", str(page), "--json")
    assert code == 1 and one_clear_line(err) and "--force" in err
    assert page.read_text(encoding="utf-8") == "mine"
    code, out, err = run(capsys, "compare", *map(str, two_letters), "--html", str(page), "--force", "--json")
    assert code == 0 and json.loads(out)["terms"] and page.read_text(encoding="utf-8").startswith("<!DOCTYPE")


def test_identical_letters_say_so(capsys, two_letters):
    a, _ = two_letters
    code, out, err = run(capsys, "compare", str(a), str(a))
    assert code == 0 and "No differences" in out


def test_pdf_letters_are_read_like_the_library_reads_them(capsys, tmp_path, two_letters):
    pdf = tmp_path / "nandakumar.pdf"
    pdf.write_bytes(samples.text_pdf([" ".join(NANDAKUMAR_LETTER.split()[:120]),
                                      " ".join(NANDAKUMAR_LETTER.split()[120:])]))
    code, out, err = run(capsys, "compare", str(two_letters[0]), str(pdf), "--json")
    assert code == 0, err
    terms = {t["term"].casefold(): t for t in json.loads(out)["terms"]}
    assert terms["gabapentin"]["b_value"] == "600 mg three times daily"
    assert terms["fusion"]["stance_b"] == "advised against"


@pytest.mark.parametrize("make, says", [
    (None, "no such file"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(samples.scanned_pdf()), "type or paste the text"),
    (lambda p: p.write_bytes(samples.PNG), "PNG image"),
    (lambda p: p.write_bytes(b"\x00\x01\x02binary\x00" * 50), "not a text file"),
    (lambda p: p.mkdir(), "folder"),
])
def test_an_unreadable_letter_gives_one_clear_line(capsys, tmp_path, two_letters, make, says):
    bad = tmp_path / "letter.pdf"
    if make is not None:
        make(bad)
    code, out, err = run(capsys, "compare", str(bad), str(two_letters[1]))
    assert code == 1 and out == "" and one_clear_line(err)
    assert says.casefold() in err.casefold()


def test_a_letter_in_an_old_windows_encoding_is_read(capsys, tmp_path, two_letters):
    old = tmp_path / "old.txt"
    old.write_bytes("Dear Dr. Iwu,\nI recommend physiotherapy \u2013 12 weeks, caf\u00e9 breaks.\n".encode("cp1252"))
    code, out, err = run(capsys, "compare", str(old), str(two_letters[1]), "--json")
    assert code == 0, err
    assert any(p["a"] and "\u2013 12 weeks" in p["a"] for p in json.loads(out)["pairs"])
