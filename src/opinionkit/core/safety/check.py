"""Checking the data folder: the database is sound, every stored document is there and unchanged.

Nothing is repaired here: each problem is named with where it is and what to do,
so a person can decide (restore a backup, empty the trash, delete a leftover).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core.errors import StorageError
from opinionkit.core.services import document_store, library
from opinionkit.core.storage import datafolder
from opinionkit.core.storage.database import open_database

_RESTORE = "Restore your latest backup (opinionkit restore), or keep the data folder as it is for whoever helps you."
_CHUNK = 1 << 20
#: Search indexes SQLite can verify against the tables they index.
_SEARCH_INDEXES = ("document_pages_fts", "documents_fts")


@dataclass(frozen=True)
class Problem:
    """One thing wrong: what it is, where (relative to the data folder), and what to do about it."""

    what: str
    where: str
    todo: str

    def __str__(self) -> str:
        return f"{self.what} ({self.where}). {self.todo}"


@dataclass
class CheckReport:
    people: int = 0
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return (f"Everything is in order: {self.people} {_plural(self.people, 'person', 'people')}, "
                    f"{self.documents} {_plural(self.documents, 'document', 'documents')} checked.")
        return f"{len(self.problems)} {_plural(len(self.problems), 'problem', 'problems')} found:"


def run(data_dir: Path) -> CheckReport:
    """Check the data folder at ``data_dir``; opens its own connection (safe from any thread)."""
    report = CheckReport()
    try:
        db = open_database(data_dir)
    except StorageError as error:
        report.problems.append(Problem(f"The database cannot be opened: {error}", datafolder.DATABASE_NAME,
                                       _RESTORE))
        return report
    try:
        report.people = db.execute("SELECT count(*) FROM people").fetchone()[0]
        report.problems += _database_problems(db)
        stored = _stored_files(db, report)
        report.documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        report.problems += _document_problems(data_dir, stored)
        report.problems += _leftover_files(db, data_dir)
        report.problems += _privacy_problems(data_dir)
    finally:
        db.close()
    return report


def _database_problems(db: Database) -> list[Problem]:
    problems = []
    where = datafolder.DATABASE_NAME
    for (message,) in db.execute("PRAGMA integrity_check").fetchall():
        if message != "ok":
            problems.append(Problem(f"The database is damaged: {message}", where, _RESTORE))
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(Problem(
            f"Row {rowid} of {table} points to a row of {parent} that does not exist", where, _RESTORE))
    for index in _SEARCH_INDEXES:
        try:
            db.execute(f"INSERT INTO [{index}]([{index}]) VALUES ('integrity-check')")
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                continue
            problems.append(Problem(
                f"The search index {index} does not match the documents ({error})", where,
                "Searching may miss or show wrong pages; " + _RESTORE))
    return problems


def _stored_files(db: Database, report: CheckReport) -> dict[str, tuple[str, str]]:
    """stored_path -> (sha256, who refers to it) for document rows and documents in the trash."""
    stored: dict[str, tuple[str, str]] = {}
    for doc_id, path, sha256 in db.execute("SELECT id, stored_path, sha256 FROM documents ORDER BY id"):
        stored.setdefault(path, (sha256, f"document {doc_id}"))
    for entry_id, payload in db.execute("SELECT id, payload FROM trash ORDER BY id"):
        try:
            rows = json.loads(payload)["rows"]
        except (ValueError, KeyError, TypeError):
            report.problems.append(Problem(
                f"Trash entry {entry_id} cannot be read, so it cannot be restored", datafolder.DATABASE_NAME,
                "Empty the trash (opinionkit trash --empty), or restore your latest backup."))
            continue
        for row in rows.get("documents", []):
            stored.setdefault(row["stored_path"], (row["sha256"], f"trash entry {entry_id}"))
    return stored


def _document_problems(data_dir: Path, stored: dict[str, tuple[str, str]]) -> list[Problem]:
    problems = []
    for path, (sha256, owner) in sorted(stored.items()):
        file = document_store.absolute_path(data_dir, path)
        try:
            actual = _sha256(file)
        except FileNotFoundError:
            problems.append(Problem(f"The file of {owner} is missing", path, _RESTORE))
            continue
        except OSError as error:
            problems.append(Problem(f"The file of {owner} cannot be read ({error.strerror})", path,
                                    "Check the file's permissions, then run the check again."))
            continue
        if actual != sha256:
            problems.append(Problem(f"The file of {owner} has changed since it was imported", path, _RESTORE))
    return problems


def _leftover_files(db: Database, data_dir: Path) -> list[Problem]:
    problems = [
        Problem("A stored file no document refers to", _relative(data_dir, path),
                "Nothing needs it: delete it, or import it again if you miss a document.")
        for path in library.orphan_files(db, data_dir)
    ]
    problems += [
        Problem("A temporary file left by an interrupted save", _relative(data_dir, path),
                "Nothing needs it: delete it.")
        for path in sorted(data_dir.rglob("*.part"))
    ]
    return problems


def _privacy_problems(data_dir: Path) -> list[Problem]:
    if os.name != "posix":
        return []
    problems = []
    for path in [data_dir, *_walk(data_dir)]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            problems.append(Problem(
                f"Other users of this computer can {'open' if path.is_dir() else 'read'} it "
                f"(permissions {mode:o})", _relative(data_dir, path) or ".",
                f"Run: chmod {'700' if path.is_dir() else '600'} {path}"))
    return problems


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if not path.is_symlink():
            yield path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _relative(data_dir: Path, path: Path) -> str:
    return path.relative_to(data_dir).as_posix() if path != data_dir else ""


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many
