"""The data check: a sound folder passes; each kind of damage is named with where it is and what to do."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sample_files as samples
from sqlite_utils import Database

from opinionkit.core.domain import Person
from opinionkit.core.safety import check
from opinionkit.core.safety.error_log import describe
from opinionkit.core.services import demo, document_store, library, people, trash
from opinionkit.core.storage.database import open_database


@pytest.fixture
def folder(data_dir: Path) -> Path:
    db = open_database(data_dir)
    try:
        demo.load(db)
    finally:
        db.close()
    return data_dir


def stored_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in (data_dir / document_store.FOLDER).rglob("*") if p.is_file())


def opened(data_dir: Path) -> Database:
    return open_database(data_dir)


def test_the_demo_folder_is_in_order(folder):
    report = check.run(folder)
    assert report.ok, report.problems
    assert report.people == 1 and report.documents >= 4
    assert report.summary() == f"Everything is in order: 1 person, {report.documents} documents checked."


def test_an_empty_or_missing_folder_is_in_order(data_dir):
    report = check.run(data_dir)
    assert report.ok and report.summary() == "Everything is in order: 0 people, 0 documents checked."


def test_a_missing_and_a_changed_document_are_named(folder):
    first, second = stored_files(folder)[:2]
    first.unlink()
    second.write_bytes(b"%PDF-1.4 something else")
    report = check.run(folder)
    whats = {p.where: p.what for p in report.problems}
    assert "is missing" in whats[first.relative_to(folder).as_posix()]
    assert "has changed" in whats[second.relative_to(folder).as_posix()]
    assert all("backup" in p.todo for p in report.problems)
    assert not report.ok


def test_documents_in_the_trash_are_checked_too(folder):
    db = opened(folder)
    try:
        document = db.execute("SELECT id, stored_path FROM documents LIMIT 1").fetchone()
        library.delete(db, document[0])
    finally:
        db.close()
    assert check.run(folder).ok  # the file stays while the entry can be restored
    document_store.absolute_path(folder, document[1]).unlink()
    (problem,) = check.run(folder).problems
    assert problem.where == document[1] and "trash entry" in problem.what


def test_orphan_files_and_leftover_temporary_files_are_listed(folder):
    stray = folder / "documents" / "ab" / ("ab" * 32 + ".pdf")
    stray.parent.mkdir(mode=0o700, exist_ok=True)
    stray.write_bytes(b"%PDF-1.4")
    part = folder / ".summary.pdf.x1.part"
    part.write_bytes(b"half")
    for path in (stray, part):
        path.chmod(0o600)
    report = check.run(folder)
    assert {p.where for p in report.problems} == {stray.relative_to(folder).as_posix(), part.name}
    assert all("delete it" in p.todo for p in report.problems)


def test_rows_pointing_nowhere_are_named(folder):
    db = opened(folder)
    try:
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("DELETE FROM documents WHERE id = (SELECT min(id) FROM documents)")
        db.conn.commit()
    finally:
        db.close()
    report = check.run(folder)
    tables = " ".join(p.what for p in report.problems)
    assert "of document_pages points to a row of documents" in tables
    assert all(p.where == "opinionkit.db" for p in report.problems if "points to" in p.what)


def test_a_damaged_database_is_a_problem_not_a_crash(data_dir):
    data_dir.mkdir(mode=0o700)
    (data_dir / "opinionkit.db").write_bytes(b"not a database at all" * 100)
    (problem,) = check.run(data_dir).problems
    assert problem.where == "opinionkit.db" and "cannot be opened" in problem.what


def test_an_unreadable_trash_entry_is_named(folder):
    db = opened(folder)
    try:
        entry = trash.move_to_trash(db, "people", people.save(db, Person(name="Zed Test")).id, "person", "Zed")
        db.execute("UPDATE trash SET payload = '{broken' WHERE id = ?", [entry])
        db.conn.commit()
    finally:
        db.close()
    (problem,) = check.run(folder).problems
    assert f"Trash entry {entry}" in problem.what and "trash --empty" in problem.todo


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_files_others_can_read_are_named(folder):
    stored = stored_files(folder)[0]
    os.chmod(stored, 0o644)
    (problem,) = check.run(folder).problems
    assert problem.where == stored.relative_to(folder).as_posix() and "chmod 600" in problem.todo


def test_emptying_the_trash_deletes_files_no_one_needs_any_more(folder):
    db = opened(folder)
    try:
        content = samples.text_pdf(["A letter for Ada"])
        person = people.save(db, Person(name="Ada Test"))
        document = library.add_bytes(db, folder, content, "letter.pdf", person_id=person.id)
        path = library.file_path(folder, document)
        library.delete(db, document.id)
        trash.empty(db, data_dir=folder)
        assert not path.exists()
        assert check.run(folder).ok
        # A file another row still uses stays.
        kept = db.execute("SELECT stored_path FROM documents LIMIT 1").fetchone()[0]
        trash.empty(db, data_dir=folder)
        assert document_store.absolute_path(folder, kept).exists()
    finally:
        db.close()


def test_the_log_text_of_an_error_holds_its_type_and_code_lines_but_no_message():
    try:
        try:
            raise KeyError("Marguerite Okonkwo-Lindqvist")
        except KeyError as inner:
            raise RuntimeError(json.dumps({"text": "Stenosis at L4-L5"})) from inner
    except RuntimeError as error:
        text = describe(error)
    assert "RuntimeError" in text and "KeyError" in text and "test_check.py" in text
    assert "Marguerite" not in text and "Stenosis" not in text
