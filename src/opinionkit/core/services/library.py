"""The document library: importing PDFs and images, their details, links to record items, deleting.

Importing copies the file into the data folder (stored once per content, see
document_store), extracts the text of every page and writes the rows in one
transaction. Any failure or a cancel removes the copy and writes no row.
Importing the same file again for the same person returns the document
already there, filling in details it lacked (a case, kind, holder, date) and
unlocking it when a password now comes with it.

The long work (``add_document``, ``import_files``, ``unlock``) takes
``progress(done, total)`` and ``cancelled() -> bool`` so the window can run it
on a worker thread with its own Database opened from the data folder.
Deleting goes through the trash; stored files stay until ``orphan_files``
finds them unreferenced (after the trash entry is emptied).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core.dates import clean_date, now_stamp
from opinionkit.core.domain.documents import Document, MediaType
from opinionkit.core.domain.records import RecordKind
from opinionkit.core.errors import Cancelled, InvalidInput, OpinionKitError, PasswordRequired, UnreadableFile
from opinionkit.core.services import cases, document_store, extraction, filetypes, people, trash
from opinionkit.core.services.extraction import CancelCheck, Extracted, Progress
from opinionkit.core.storage import rows

TABLE = "documents"
PAGES = "document_pages"
LINKS = "document_items"
KIND = "document"
_NEWEST_FIRST = "coalesce(service_date, substr(imported_at, 1, 10)) DESC, id DESC"


@dataclass
class Details:
    """What the person says about a document; None leaves a detail empty."""

    case_id: int | None = None
    kind: str | None = None
    title: str | None = None
    holder_id: int | None = None
    service_date: str | None = None


@dataclass
class ImportedFile:
    path: Path
    document: Document
    already_there: bool


@dataclass
class ImportFailure:
    path: Path
    reason: str
    needs_password: bool = False


@dataclass
class ImportReport:
    """A batch: what went in, what did not and why, and whether it was stopped part way."""

    imported: list[ImportedFile] = field(default_factory=list)
    failed: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


def add_document(
    db: Database, data_dir: Path, path: str | os.PathLike[str], *, person_id: int,
    case_id: int | None = None, kind: str | None = None, title: str | None = None,
    password: str | None = None, holder_id: int | None = None, service_date: str | None = None,
    allow_without_text: bool = False, progress: Progress | None = None, cancelled: CancelCheck | None = None,
) -> Document:
    """Import one file for a person; raises UnreadableFile (PasswordRequired for a locked PDF) or Cancelled."""
    details = _checked(db, person_id, Details(case_id, kind, title, holder_id, service_date))
    document, _ = _add_path(db, data_dir, Path(path), person_id, details, password,
                            allow_without_text, progress, cancelled)
    return document


def add_bytes(
    db: Database, data_dir: Path, content: bytes, filename: str, *, person_id: int,
    case_id: int | None = None, kind: str | None = None, title: str | None = None,
    holder_id: int | None = None, service_date: str | None = None,
) -> Document:
    """Keep a PDF or image made by the app (a request letter, say) as a document named ``filename``."""
    details = _checked(db, person_id, Details(case_id, kind, title, holder_id, service_date))
    label = Path(filename)
    media_type = filetypes.check_type(label, content[:filetypes.HEAD_SIZE], len(content))
    incoming = document_store.bytes_in(data_dir, content)
    document, _ = _store(db, data_dir, incoming, media_type, label, person_id, details, None, False, None, None)
    return document


def import_files(
    db: Database, data_dir: Path, paths: Iterable[str | os.PathLike[str]], *, person_id: int,
    case_id: int | None = None, kind: str | None = None, title: str | None = None,
    password: str | None = None, holder_id: int | None = None, service_date: str | None = None,
    allow_without_text: bool = False, progress: Progress | None = None,
    page_progress: Progress | None = None, cancelled: CancelCheck | None = None,
) -> ImportReport:
    """Import several files: the good ones go in, each bad one is named with its reason.

    ``progress`` counts files, ``page_progress`` the pages of the file being read.
    Wrong details (an unknown person or case) raise before any file is touched;
    a cancel keeps the files already imported and sets ``report.cancelled``.
    """
    details = _checked(db, person_id, Details(case_id, kind, title, holder_id, service_date))
    paths = [Path(p) for p in paths]
    report = ImportReport()
    for index, path in enumerate(paths):
        try:
            document, new = _add_path(db, data_dir, path, person_id, details, password,
                                      allow_without_text, page_progress, cancelled)
        except Cancelled:
            report.cancelled = True
            break
        except OpinionKitError as error:
            report.failed.append(ImportFailure(path, getattr(error, "reason", str(error)),
                                               needs_password=isinstance(error, PasswordRequired)))
        else:
            report.imported.append(ImportedFile(path, document, already_there=not new))
        if progress is not None:
            progress(index + 1, len(paths))
    return report


def unlock(
    db: Database, data_dir: Path, document_id: int, password: str, *,
    progress: Progress | None = None, cancelled: CancelCheck | None = None,
) -> Document:
    """Give a document imported without its password the password, and index its text."""
    document = get(db, document_id)
    if not document.locked:
        return document
    extracted = extraction.extract(file_path(data_dir, document), document.media_type, password=password,
                                   progress=progress, cancelled=cancelled, label=document.filename)
    _finish_extraction(document, extracted, password)
    with db.atomic():
        db[PAGES].delete_where("document_id = ?", [document_id])
        _insert_pages(db, document, extracted.texts)
        db[TABLE].update(document_id, {
            "page_count": document.page_count, "has_text": document.has_text, "locked": False,
            "password": document.password, "updated_at": now_stamp(),
        })
    return document


def get(db: Database, document_id: int) -> Document:
    return rows.get(db, TABLE, Document, document_id, KIND)


def list_for_person(db: Database, person_id: int) -> list[Document]:
    """A person's documents, newest service date (else import date) first."""
    people.get(db, person_id)
    return rows.select(db, TABLE, Document, "person_id = ?", [person_id], order_by=_NEWEST_FIRST)


def list_for_case(db: Database, case_id: int) -> list[Document]:
    """Documents of a case: imported for it, or linked to one of its record items."""
    cases.get(db, case_id)  # NotFound for an unknown case
    where = (
        "case_id = ? OR id IN (SELECT l.document_id FROM document_items l "
        "JOIN record_items i ON i.id = l.item_id WHERE i.case_id = ?)"
    )
    return rows.select(db, TABLE, Document, where, [case_id, case_id], order_by=_NEWEST_FIRST)


def update_metadata(db: Database, document: Document) -> Document:
    """Save the details a person can edit (title, kind, date of service, holder, case); nothing else."""
    stored = get(db, document.id or 0)
    details = _checked(db, stored.person_id, Details(
        document.case_id, document.kind, document.title, document.holder_id, document.service_date,
    ))
    if not details.title:
        raise InvalidInput("title", "The title is required: please fill it in.")
    values = {"title": details.title, "kind": details.kind or "", "service_date": details.service_date,
              "holder_id": details.holder_id, "case_id": details.case_id}
    db[TABLE].update(stored.id, {**values, "updated_at": now_stamp()})
    return get(db, stored.id or 0)


def link_items(db: Database, document_id: int, item_ids: Iterable[int]) -> None:
    """Link a document to record items of its person (linking twice is harmless)."""
    document = get(db, document_id)
    wanted = sorted(set(item_ids))
    if not wanted:
        return
    marks = ",".join("?" * len(wanted))
    found = {r[0] for r in db.execute(
        f"SELECT i.id FROM record_items i JOIN cases c ON c.id = i.case_id "
        f"WHERE i.id IN ({marks}) AND c.person_id = ?", [*wanted, document.person_id],
    )}
    missing = [i for i in wanted if i not in found]
    if missing:
        raise InvalidInput("item_ids", f"Record item {missing[0]} is not one of this person's record items.")
    with db.atomic():
        for item_id in wanted:
            db.execute(f"INSERT OR IGNORE INTO {LINKS} (document_id, item_id) VALUES (?, ?)", [document_id, item_id])


def unlink_items(db: Database, document_id: int, item_ids: Iterable[int]) -> None:
    with db.atomic():
        for item_id in set(item_ids):
            db.execute(f"DELETE FROM {LINKS} WHERE document_id = ? AND item_id = ?", [document_id, item_id])


def linked_item_ids(db: Database, document_id: int) -> list[int]:
    return [r[0] for r in db.execute(f"SELECT item_id FROM {LINKS} WHERE document_id = ? ORDER BY item_id",
                                     [document_id])]


def page_texts(db: Database, document_id: int) -> list[str]:
    """The indexed text of each page, page 1 first (empty strings for pages without text)."""
    return [r[0] for r in db.execute(f"SELECT text FROM {PAGES} WHERE document_id = ? ORDER BY page",
                                     [document_id])]


def file_path(data_dir: Path, document: Document) -> Path:
    return document_store.absolute_path(data_dir, document.stored_path)


def delete(db: Database, document_id: int) -> int:
    """Move a document (its pages and links too) to the trash; returns the trash entry id.

    The stored file stays, so restoring works; once the entry is emptied the
    file is an orphan that ``orphan_files`` lists.
    """
    document = get(db, document_id)
    return trash.move_to_trash(db, TABLE, document_id, KIND, document.title)


def orphan_files(db: Database, data_dir: Path) -> list[Path]:
    return document_store.orphans(db, data_dir)


def _add_path(
    db: Database, data_dir: Path, path: Path, person_id: int, details: Details, password: str | None,
    allow_without_text: bool, progress: Progress | None, cancelled: CancelCheck | None,
) -> tuple[Document, bool]:
    try:
        with path.open("rb") as source:
            head = source.read(filetypes.HEAD_SIZE)
            size = os.fstat(source.fileno()).st_size
    except IsADirectoryError:
        raise UnreadableFile(path, "it is a folder, not a file. Choose the files inside it.") from None
    except FileNotFoundError:
        raise UnreadableFile(path, "there is no such file. Check the name and the folder.") from None
    except OSError as error:
        raise UnreadableFile(path, f"it cannot be opened ({error.strerror or error}).") from None
    media_type = filetypes.check_type(path, head, size)
    incoming = document_store.copy_in(data_dir, path, cancelled)
    return _store(db, data_dir, incoming, media_type, path, person_id, details, password,
                  allow_without_text, progress, cancelled)


def _store(
    db: Database, data_dir: Path, incoming: document_store.Incoming, media_type: MediaType, label: Path,
    person_id: int, details: Details, password: str | None, allow_without_text: bool,
    progress: Progress | None, cancelled: CancelCheck | None,
) -> tuple[Document, bool]:
    """Index the copy and keep it with its rows, or leave nothing behind; (document, newly added)."""
    stored_path = document_store.relative_path(incoming.sha256, media_type)
    placed = False
    try:
        existing = _find(db, person_id, incoming.sha256)
        if existing is not None:
            # Drops the copy, or puts it back if the stored file has gone missing.
            document_store.place(data_dir, incoming, existing.stored_path)
            return _already_there(db, data_dir, existing, details, password, progress, cancelled), False
        extracted = extraction.extract(incoming.temp_path, media_type, password=password,
                                       allow_locked=allow_without_text, progress=progress,
                                       cancelled=cancelled, label=label)
        if cancelled is not None and cancelled():
            raise Cancelled("The import")
        document = Document(
            person_id=person_id, sha256=incoming.sha256, filename=label.name, stored_path=stored_path,
            media_type=media_type, title=details.title or _default_title(label), size_bytes=incoming.size,
            case_id=details.case_id, service_date=details.service_date, holder_id=details.holder_id,
            kind=details.kind or "", encrypted=extracted.encrypted, imported_at=now_stamp(),
        )
        _finish_extraction(document, extracted, password)
        placed = document_store.place(data_dir, incoming, stored_path)
        try:
            with db.atomic():
                document.id = rows.insert(db, TABLE, document)
                _insert_pages(db, document, extracted.texts)
        except sqlite3.IntegrityError:
            # The same file was imported for this person at the same moment elsewhere: that one stands.
            existing = _find(db, person_id, incoming.sha256)
            if existing is None:
                raise
            return existing, False
        return document, True
    except BaseException:
        document_store.discard(incoming.temp_path)
        if placed and not db.execute(f"SELECT 1 FROM {TABLE} WHERE stored_path = ?", [stored_path]).fetchone():
            document_store.discard(document_store.absolute_path(data_dir, stored_path))
        raise


def _finish_extraction(document: Document, extracted: Extracted, password: str | None) -> None:
    document.page_count = extracted.page_count
    document.has_text = extracted.has_text
    document.encrypted = extracted.encrypted
    document.locked = extracted.locked
    # Keep the password only where one was needed, so the packet can open the file later.
    document.password = password if extracted.encrypted and not extracted.locked and password else None


def _already_there(
    db: Database, data_dir: Path, document: Document, details: Details, password: str | None,
    progress: Progress | None, cancelled: CancelCheck | None,
) -> Document:
    """The same file again: fill in details the document lacks, never overwrite what is there."""
    filled = {name: getattr(details, name) for name in ("case_id", "kind", "holder_id", "service_date")
              if getattr(details, name) and not getattr(document, name)}
    if filled:
        db[TABLE].update(document.id, {**filled, "updated_at": now_stamp()})
    if document.locked and password:
        return unlock(db, data_dir, document.id or 0, password, progress=progress, cancelled=cancelled)
    if progress is not None:
        progress(document.page_count or 1, document.page_count or 1)
    return get(db, document.id or 0)


def _find(db: Database, person_id: int, sha256: str) -> Document | None:
    found = rows.select(db, TABLE, Document, "person_id = ? AND sha256 = ?", [person_id, sha256])
    return found[0] if found else None


def _insert_pages(db: Database, document: Document, texts: list[str]) -> None:
    db[PAGES].insert_all(
        ({"document_id": document.id, "page": number, "text": text, "person_id": document.person_id}
         for number, text in enumerate(texts, 1)),
        batch_size=500,
    )


def _default_title(label: Path) -> str:
    return extraction.normalise(label.stem or label.name)


def _checked(db: Database, person_id: int, details: Details) -> Details:
    """Validate the details against the database; returns them cleaned."""
    people.get(db, person_id)  # NotFound for an unknown person
    if details.case_id is not None:
        row = db.execute("SELECT person_id FROM cases WHERE id = ?", [details.case_id]).fetchone()
        if row is None:
            raise InvalidInput("case_id", f"No case with id {details.case_id} was found. Check the id and try again.")
        if row[0] != person_id:
            raise InvalidInput("case_id", f"Case {details.case_id} belongs to another person: "
                                          "choose one of this person's cases.")
    if details.holder_id is not None and not db.execute(
        "SELECT 1 FROM providers WHERE id = ?", [details.holder_id]
    ).fetchone():
        raise InvalidInput("holder_id", f"No provider with id {details.holder_id} is in the directory.")
    kind = extraction.normalise(details.kind or "")
    known = {k.value.casefold(): k.value for k in RecordKind}
    title = extraction.normalise(details.title or "")
    return Details(
        case_id=details.case_id, kind=known.get(kind.casefold(), kind), title=title,
        holder_id=details.holder_id,
        service_date=clean_date(details.service_date, "service_date", "The date of service"),
    )
