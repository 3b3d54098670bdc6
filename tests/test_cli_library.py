"""`opinionkit import`, `search` and `documents`: one line per file, plain failures, JSON for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sample_files as samples

from opinionkit.cli.main import main
from opinionkit.core.domain import Case, Person
from opinionkit.core.services import cases, people
from opinionkit.core.storage.database import open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ids(data_dir: Path) -> tuple[int, int]:
    db = open_database(data_dir)
    try:
        person = people.save(db, Person(name="Ada Test"))
        case = cases.save(db, Case(person_id=person.id, title="Back"))
        return person.id, case.id
    finally:
        db.close()


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_import_prints_a_line_per_file_and_fails_plainly_for_bad_ones(capsys, tmp_path, ids):
    person, case = ids
    good = write(tmp_path, "MRI отчёт.pdf", samples.text_pdf(["Stenosis at L4-L5", "Page two"]))
    photo = write(tmp_path, "photo.jpg", samples.JPEG)
    text = write(tmp_path, "notes.pdf", b"just some typed notes\n")
    empty = write(tmp_path, "empty.png", b"")
    code, out, err = run(capsys, "import", good, photo, text, empty, "--person", str(person), "--case", str(case),
                         "--kind", "radiology report")
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"imported: {good} -> document ") and "2 pages, text indexed" in lines[0]
    assert lines[1].startswith(f"imported: {photo}") and "image: no text" in lines[1]
    errors = err.splitlines()
    assert len(errors) == 2 and "Traceback" not in err
    assert errors[0].startswith(f"opinionkit: cannot import {text}: ") and "plain text" in errors[0]
    assert errors[1].startswith(f"opinionkit: cannot import {empty}: ") and "empty" in errors[1]


def test_import_of_good_files_exits_zero_and_again_says_already_there(capsys, tmp_path, ids):
    person, _ = ids
    good = write(tmp_path, "labs.pdf", samples.text_pdf(["Haemoglobin 12.9"]))
    assert run(capsys, "import", good, "--person", str(person), "--title", "July labs")[0] == 0
    code, out, err = run(capsys, "import", good, "--person", str(person))
    assert code == 0 and out.startswith(f"already in the library: {good}") and err == ""


def test_a_protected_pdf_asks_for_the_password_or_comes_in_without_text(capsys, tmp_path, ids):
    person, _ = ids
    locked = write(tmp_path, "locked.pdf", samples.text_pdf(["Pathology report"], password="pw"))
    code, out, err = run(capsys, "import", locked, "--person", str(person))
    assert code == 1 and out == ""
    assert "password" in err and "--password" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "import", locked, "--person", str(person), "--password", "wrong")
    assert code == 1 and "does not open it" in err
    code, out, _ = run(capsys, "import", locked, "--person", str(person), "--without-text")
    assert code == 0 and "locked with a password" in out
    code, out, _ = run(capsys, "import", locked, "--person", str(person), "--password", "pw")
    assert code == 0 and "text indexed" in out


def test_search_json_lists_hits_with_document_title_page_and_snippet(capsys, tmp_path, ids):
    person, _ = ids
    pdf = write(tmp_path, "mri.pdf", samples.text_pdf(["Cover page", "Moderate stenosis at L4-L5"]))
    run(capsys, "import", pdf, "--person", str(person), "--title", "MRI report")
    code, out, _ = run(capsys, "search", "L4-L5", "--person", str(person), "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit["title"] == "MRI report" and hit["page"] == 2 and isinstance(hit["document_id"], int)
    assert hit["snippet"] == "Moderate stenosis at <b>L4-L5</b>" and hit["kind"] == "page"
    code, out, _ = run(capsys, "search", "moderate", "sten")
    assert code == 0 and out.startswith("MRI report (document") and "[Moderate] [stenosis]" in out


@pytest.mark.parametrize("query", ['"', "3+4=7", "NEAR(", "-", "AND OR"])
def test_search_takes_any_text(capsys, ids, query):
    code, out, err = run(capsys, "search", "--json", "--", query)
    assert code == 0 and json.loads(out) == [] and err == ""


def test_documents_lists_a_person_or_a_case(capsys, tmp_path, ids):
    person, case = ids
    first = write(tmp_path, "a.pdf", samples.text_pdf(["a"]))
    second = write(tmp_path, "b.png", samples.PNG)
    run(capsys, "import", first, "--person", str(person), "--case", str(case))
    run(capsys, "import", second, "--person", str(person))
    code, out, _ = run(capsys, "documents", "--person", str(person), "--json")
    listed = json.loads(out)
    assert code == 0 and {d["filename"] for d in listed} == {"a.pdf", "b.png"}
    assert all("password" not in d and Path(d["path"]).is_file() for d in listed)
    code, out, _ = run(capsys, "documents", "--case", str(case), "--json")
    assert [d["filename"] for d in json.loads(out)] == ["a.pdf"]
    code, out, _ = run(capsys, "documents", "--person", str(person))
    assert code == 0 and "a" in out and "TITLE" in out


def test_mistakes_are_one_line_without_a_traceback(capsys, tmp_path, ids):
    person, _ = ids
    pdf = write(tmp_path, "a.pdf", samples.text_pdf(["a"]))
    for argv, expected in [
        (["import", pdf, "--person", "abc"], 2),
        (["import", pdf], 2),
        (["import", pdf, "--person", "999"], 1),
        (["import", pdf, "--person", str(person), "--case", "999"], 1),
        (["documents"], 1),
        (["documents", "--case", "999"], 1),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == expected, argv
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
