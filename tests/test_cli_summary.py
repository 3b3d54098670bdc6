"""`opinionkit summary`: the PDF and the FHIR export from the command line, and every refusal in one line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader

from opinionkit.cli.main import main
from opinionkit.core.services import health_summary


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*argv: str) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would, in its own process: the PDF is made with no display
    and no Qt application in the test process."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "opinionkit", *argv], capture_output=True, text=True, env=env, timeout=120,
    )


def assert_one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("opinionkit")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder of its own for the files written (the data folder sits beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def person_id(capsys) -> str:
    assert run(capsys, "demo")[0] == 0
    return "1"


def _pages(path: Path) -> list[str]:
    # Qt-made PDFs put tabs between words: normalise the spacing before looking.
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_summary_pdf_has_the_headings_and_page_numbers(out_dir, person_id):
    target = out_dir / "summary.pdf"
    done = run_process("summary", "--person", person_id, "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert str(target) in done.stdout
    reader = PdfReader(target)
    assert reader.metadata.title == "Health summary: Marguerite Okonkwo-Lindqvist"
    pages = _pages(target)
    text = " ".join(pages)
    positions = [text.find(heading) for heading in health_summary.HEADINGS]
    assert -1 not in positions, [h for h, p in zip(health_summary.HEADINGS, positions) if p == -1]
    assert positions == sorted(positions)
    assert re.search(r"printed \d{4}-\d{2}-\d{2}", text)
    assert "Gabapentin 300 mg" in text and "Penicillin" in text
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Marguerite Okonkwo-Lindqvist · born 1961-04-17" in page
    assert [p.name for p in out_dir.iterdir()] == ["summary.pdf"], "no temporary file left behind"


def test_summary_fhir_json_validates(capsys, out_dir, person_id):
    target = out_dir / "ips.json"
    code, out, err = run(capsys, "summary", "--person", person_id, "--fhir", str(target))
    assert code == 0, err
    bundle = json.loads(target.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    assert bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    assert "Okonkwo-Lindqvist" in target.read_text(encoding="utf-8")  # UTF-8 as is, not escaped


def test_pdf_and_fhir_in_one_go(out_dir, person_id):
    pdf, fhir = out_dir / "s.pdf", out_dir / "s.json"
    done = run_process("summary", "--person", person_id, "-o", str(pdf), "--fhir", str(fhir))
    assert done.returncode == 0, done.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and json.loads(fhir.read_text(encoding="utf-8"))


def test_an_existing_file_is_kept_unless_forced(capsys, out_dir, person_id):
    target = out_dir / "summary.pdf"
    target.write_bytes(b"my own file")
    code, _, err = run(capsys, "summary", "--person", person_id, "-o", str(target))
    assert code != 0
    assert_one_clear_line(err)
    assert "--force" in err and "already exists" in err
    assert target.read_bytes() == b"my own file"

    done = run_process("summary", "--person", person_id, "-o", str(target), "--force")
    assert done.returncode == 0, done.stderr
    assert PdfReader(target).pages


def test_an_existing_json_is_checked_before_the_pdf_is_written(capsys, out_dir, person_id):
    pdf, fhir = out_dir / "s.pdf", out_dir / "s.json"
    fhir.write_text("keep", encoding="utf-8")
    code, _, err = run(capsys, "summary", "--person", person_id, "-o", str(pdf), "--fhir", str(fhir))
    assert code != 0
    assert_one_clear_line(err)
    assert not pdf.exists() and fhir.read_text(encoding="utf-8") == "keep"


def test_unknown_person_is_one_line_and_writes_nothing(capsys, out_dir, person_id):
    target = out_dir / "nobody.pdf"
    code, _, err = run(capsys, "summary", "--person", "999", "-o", str(target), "--fhir", str(out_dir / "n.json"))
    assert code != 0
    assert_one_clear_line(err)
    assert "999" in err
    assert list(out_dir.iterdir()) == []


def test_nothing_asked_for_is_one_line(capsys, person_id):
    code, _, err = run(capsys, "summary", "--person", person_id)
    assert code != 0
    assert_one_clear_line(err)
    assert "-o FILE.pdf" in err


def test_a_missing_folder_is_one_line(capsys, out_dir, person_id):
    code, _, err = run(capsys, "summary", "--person", person_id, "--fhir", str(out_dir / "no" / "such" / "x.json"))
    assert code != 0
    assert_one_clear_line(err)


def test_a_person_id_that_is_not_a_number_is_a_usage_error(capsys):
    code, _, err = run(capsys, "summary", "--person", "ada", "-o", "x.pdf")
    assert code == 2
    assert_one_clear_line(err)
