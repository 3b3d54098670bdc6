"""Importing files into the library: storage, dedupe, every kind of bad input, passwords, cancel."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest
import sample_files as samples

from opinionkit.core.domain import Case, Person
from opinionkit.core.domain.documents import MediaType
from opinionkit.core.errors import Cancelled, InvalidInput, NotFound, PasswordRequired, UnreadableFile, WrongPassword
from opinionkit.core.services import cases, library, people
from opinionkit.core.storage import rows
from opinionkit.core.storage.database import open_database

THREE_PAGES = ["MRI of the lumbar spine: stenosis at L4-L5.", "Second page about the L5 nerve root.",
               "Third page: impression and signature."]


@pytest.fixture
def person(db):
    return people.save(db, Person(name="Ada Test"))


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def stored_files(data_dir: Path) -> list[Path]:
    root = data_dir / "documents"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def assert_nothing_stored(db, data_dir: Path) -> None:
    assert db["documents"].count == 0
    assert db["document_pages"].count == 0
    assert stored_files(data_dir) == []


def test_a_pdf_is_copied_privately_under_its_hash_and_every_page_indexed(db, data_dir, tmp_path, person):
    source = write(tmp_path, "MRI report.pdf", samples.text_pdf(THREE_PAGES))
    document = library.add_document(db, data_dir, source, person_id=person.id)

    assert document.id and document.media_type is MediaType.PDF
    assert document.title == "MRI report" and document.filename == "MRI report.pdf"
    assert document.page_count == 3 and document.has_text and not document.encrypted
    assert document.stored_path == f"documents/{document.sha256[:2]}/{document.sha256}.pdf"
    stored = library.file_path(data_dir, document)
    assert stored.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    for folder in (stored.parent, stored.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert library.page_texts(db, document.id) == THREE_PAGES
    pages = [r["page"] for r in db["document_pages"].rows_where("document_id = ?", [document.id], order_by="page")]
    assert pages == [1, 2, 3]
    assert library.get(db, document.id) == document


def test_progress_counts_pages_from_zero_to_all(db, data_dir, tmp_path, person):
    seen = []
    source = write(tmp_path, "a.pdf", samples.text_pdf(THREE_PAGES))
    library.add_document(db, data_dir, source, person_id=person.id, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_same_file_twice_for_one_person_returns_the_first_and_fills_what_it_lacked(
    db, data_dir, tmp_path, person,
):
    case = cases.save(db, Case(person_id=person.id, title="Back"))
    first = library.add_document(db, data_dir, write(tmp_path, "a.pdf", samples.text_pdf(["x"])),
                                 person_id=person.id, kind="lab results")
    again = library.add_document(db, data_dir, write(tmp_path, "copy of a.pdf", samples.text_pdf(["x"])),
                                 person_id=person.id, kind="radiology report", case_id=case.id, title="Other")
    assert again.id == first.id
    assert again.kind == "lab results"  # never overwritten
    assert again.case_id == case.id  # was empty: filled in
    assert again.title == "a"
    assert db["documents"].count == 1 and len(stored_files(data_dir)) == 1


def test_the_same_file_for_two_people_is_stored_once_with_a_row_each(db, data_dir, tmp_path, person):
    other = people.save(db, Person(name="Ben Test"))
    source = write(tmp_path, "a.pdf", samples.text_pdf(["shared letter"]))
    mine = library.add_document(db, data_dir, source, person_id=person.id)
    theirs = library.add_document(db, data_dir, source, person_id=other.id)
    assert mine.id != theirs.id and mine.stored_path == theirs.stored_path
    assert len(stored_files(data_dir)) == 1
    assert library.page_texts(db, theirs.id) == ["shared letter"]


@pytest.mark.parametrize(("name", "data", "media_type", "pages"), [
    ("photo.jpg", samples.JPEG, MediaType.JPEG, 1),
    ("scan.png", samples.PNG, MediaType.PNG, 1),
    ("fax.tif", samples.tiff(1), MediaType.TIFF, 1),
    ("fax of three pages.tiff", samples.tiff(3), MediaType.TIFF, 3),
    ("named wrongly.jpg", samples.PNG, MediaType.PNG, 1),  # among images the content decides
    ("no extension", samples.JPEG, MediaType.JPEG, 1),
])
def test_images_import_with_pages_and_no_text(db, data_dir, tmp_path, person, name, data, media_type, pages):
    document = library.add_document(db, data_dir, write(tmp_path, name, data), person_id=person.id)
    assert document.media_type is media_type and document.page_count == pages
    assert not document.has_text and document.text_note == "image: no text"
    assert library.file_path(data_dir, document).suffix == media_type.extension


BAD_FILES = [
    ("empty.pdf", b"", "empty"),
    ("random.pdf", os.urandom(2048), "PDF"),
    ("random.bin", bytes(range(256)) * 8, "unknown type"),
    ("notes.pdf", "Blood pressure 120/80, feeling better.\n".encode() * 20, "plain text"),
    ("notes.txt", "Blood pressure 120/80\n".encode(), "plain text"),
    ("photo.pdf", samples.PNG, "PNG image"),
    ("photo of page.pdf", samples.JPEG, "JPEG image"),
    ("report.png", samples.text_pdf(["x"]), "holds a PDF"),
    ("cut.pdf", samples.truncated(samples.text_pdf(THREE_PAGES)), "damaged or incomplete"),
    ("half.pdf", samples.text_pdf(THREE_PAGES * 20)[:600], "damaged or incomplete"),
    ("archive.pdf", b"PK\x03\x04" + bytes(200), "ZIP"),
    ("page.html", b"<!DOCTYPE html><html><body>Results</body></html>", "web page"),
    ("cut.png", samples.PNG[:60], "damaged or incomplete"),
    ("broken.jpg", b"\xff\xd8\xff\xe0" + bytes(40), "damaged or incomplete"),
    ("image.gif", b"GIF89a" + bytes(40), "GIF"),
    ("study.dcm", bytes(128) + b"DICM" + bytes(100), "DICOM"),
]


@pytest.mark.parametrize(("name", "data", "says"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_refused_by_name_with_the_reason_and_nothing_is_kept(
    db, data_dir, tmp_path, person, name, data, says,
):
    path = write(tmp_path, name, data)
    with pytest.raises(UnreadableFile) as caught:
        library.add_document(db, data_dir, path, person_id=person.id)
    assert caught.value.path == path and str(path) in str(caught.value)
    assert says in caught.value.reason
    assert_nothing_stored(db, data_dir)


def test_a_folder_or_a_missing_file_is_refused_plainly(db, data_dir, tmp_path, person):
    with pytest.raises(UnreadableFile, match="folder"):
        library.add_document(db, data_dir, tmp_path, person_id=person.id)
    with pytest.raises(UnreadableFile, match="no such file"):
        library.add_document(db, data_dir, tmp_path / "gone.pdf", person_id=person.id)
    assert_nothing_stored(db, data_dir)


@pytest.mark.parametrize(("name", "data", "pages", "text"), [
    ("form with attachment.pdf", samples.text_pdf(["Intake form"], form=True, attachment=True), 1, "Intake form"),
    ("rotated.pdf", samples.text_pdf(["Sideways page", "Another"], rotate=90), 2, "Sideways page"),
    ("odd font.pdf", samples.text_pdf(["Unusual typeface"], odd_font=True), 1, "Unusual typeface"),
    ("repairable.pdf", samples.broken_xref(samples.text_pdf(["Repaired on opening"])), 1, "Repaired on opening"),
    ("leading junk.pdf", b"\r\n\r\n" + samples.text_pdf(["After junk"]), 1, "After junk"),
])
def test_real_world_quirks_import_with_their_text(db, data_dir, tmp_path, person, name, data, pages, text):
    document = library.add_document(db, data_dir, write(tmp_path, name, data), person_id=person.id)
    assert document.page_count == pages and document.has_text
    assert library.page_texts(db, document.id)[0] == text


def test_a_scanned_pdf_imports_marked_as_having_no_text(db, data_dir, tmp_path, person):
    document = library.add_document(db, data_dir, write(tmp_path, "scan.pdf", samples.scanned_pdf(2)),
                                    person_id=person.id)
    assert document.page_count == 2 and not document.has_text
    assert "no text" in document.text_note
    assert library.page_texts(db, document.id) == ["", ""]


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128", "RC4-40"])
def test_a_protected_pdf_needs_its_password(db, data_dir, tmp_path, person, algorithm):
    path = write(tmp_path, "locked.pdf", samples.text_pdf(["Pathology: benign"], password="s3cret", algorithm=algorithm))
    with pytest.raises(PasswordRequired) as caught:
        library.add_document(db, data_dir, path, person_id=person.id)
    assert not isinstance(caught.value, WrongPassword) and caught.value.path == path
    with pytest.raises(WrongPassword):
        library.add_document(db, data_dir, path, person_id=person.id, password="guess")
    assert_nothing_stored(db, data_dir)

    document = library.add_document(db, data_dir, path, person_id=person.id, password="s3cret")
    assert document.encrypted and not document.locked and document.password == "s3cret"
    assert library.page_texts(db, document.id) == ["Pathology: benign"]
    assert library.get(db, document.id).password == "s3cret"  # kept for opening the file later


def test_a_protected_pdf_can_come_in_without_text_and_be_unlocked_later(db, data_dir, tmp_path, person):
    path = write(tmp_path, "locked.pdf", samples.text_pdf(["Operative report", "Page two"], password="pw"))
    document = library.add_document(db, data_dir, path, person_id=person.id, allow_without_text=True)
    assert document.locked and document.encrypted and not document.has_text
    assert document.page_count is None and document.password is None
    assert "password" in document.text_note
    assert library.page_texts(db, document.id) == []
    assert library.file_path(data_dir, document).is_file()

    with pytest.raises(WrongPassword):
        library.unlock(db, data_dir, document.id, "nope")
    assert library.get(db, document.id).locked

    unlocked = library.unlock(db, data_dir, document.id, "pw")
    assert not unlocked.locked and unlocked.has_text and unlocked.page_count == 2
    assert library.get(db, document.id) == unlocked
    assert library.page_texts(db, document.id) == ["Operative report", "Page two"]


def test_importing_a_locked_document_again_with_the_password_unlocks_it(db, data_dir, tmp_path, person):
    path = write(tmp_path, "locked.pdf", samples.text_pdf(["Discharge summary"], password="pw"))
    first = library.add_document(db, data_dir, path, person_id=person.id, allow_without_text=True)
    again = library.add_document(db, data_dir, path, person_id=person.id, password="pw")
    assert again.id == first.id and again.has_text and not again.locked


def test_a_pdf_with_only_an_owner_password_opens_without_asking(db, data_dir, tmp_path, person):
    path = write(tmp_path, "restricted.pdf", samples.text_pdf(["Printing not allowed"], password=""))
    document = library.add_document(db, data_dir, path, person_id=person.id)
    assert document.encrypted and not document.locked and document.password is None
    assert library.page_texts(db, document.id) == ["Printing not allowed"]


@pytest.mark.parametrize("name", [
    "МРТ поясничного отдела.pdf", "腰椎MRI報告書.pdf", "تقرير الأشعة.pdf", "Zoë’s résumé (copy) #2.pdf",
    "रिपोर्ट.pdf", "🩻 x-ray.pdf", "ﾃｽﾄ.pdf", "e\u0301cho.pdf",
])
def test_file_names_in_any_script(db, data_dir, tmp_path, person, name):
    path = write(tmp_path, name, samples.text_pdf(["Any script"]))
    document = library.add_document(db, data_dir, path, person_id=person.id)
    assert document.filename == name
    assert document.title == library.extraction.normalise(Path(name).stem)
    assert library.get(db, document.id).filename == name
    assert library.file_path(data_dir, document).is_file()


@pytest.mark.parametrize("stop_after", [0, 1, 3])
def test_cancel_part_way_leaves_no_file_and_no_row(db, data_dir, tmp_path, person, stop_after):
    pages_done = []
    path = write(tmp_path, "long.pdf", samples.text_pdf([f"Page {n}" for n in range(1, 6)]))
    with pytest.raises(Cancelled):
        library.add_document(
            db, data_dir, path, person_id=person.id,
            progress=lambda done, total: pages_done.append(done),
            cancelled=lambda: len(pages_done) > stop_after,
        )
    assert_nothing_stored(db, data_dir)


def test_cancel_while_copying_leaves_nothing(db, data_dir, tmp_path, person):
    path = write(tmp_path, "a.pdf", samples.text_pdf(["x"]))
    with pytest.raises(Cancelled):
        library.add_document(db, data_dir, path, person_id=person.id, cancelled=lambda: True)
    assert_nothing_stored(db, data_dir)


def test_a_failure_while_writing_rows_removes_the_copy(db, data_dir, tmp_path, person, monkeypatch):
    def broken_insert(*args, **kwargs):
        raise OSError("disk went away")

    monkeypatch.setattr(rows, "insert", broken_insert)
    with pytest.raises(OSError):
        library.add_document(db, data_dir, write(tmp_path, "a.pdf", samples.text_pdf(["x"])), person_id=person.id)
    assert_nothing_stored(db, data_dir)


def test_a_crash_after_the_copy_leaves_an_orphan_file_never_a_row(db, data_dir, tmp_path, person, monkeypatch):
    def crash(*args, **kwargs):
        raise SystemExit("power cut")

    # A crash skips every clean-up: simulate it by making the clean-up itself unable to run.
    monkeypatch.setattr(rows, "insert", crash)
    monkeypatch.setattr(library.document_store, "discard", lambda path: None)
    with pytest.raises(SystemExit):
        library.add_document(db, data_dir, write(tmp_path, "a.pdf", samples.text_pdf(["x"])), person_id=person.id)
    assert db["documents"].count == 0
    orphans = library.orphan_files(db, data_dir)
    assert orphans and orphans == stored_files(data_dir)


def test_a_batch_imports_the_good_files_and_names_each_bad_one(db, data_dir, tmp_path, person):
    good = write(tmp_path, "good.pdf", samples.text_pdf(["fine"]))
    photo = write(tmp_path, "photo.png", samples.PNG)
    empty = write(tmp_path, "empty.pdf", b"")
    locked = write(tmp_path, "locked.pdf", samples.text_pdf(["x"], password="pw"))
    counted = []
    report = library.import_files(db, data_dir, [good, empty, photo, locked, good], person_id=person.id,
                                  progress=lambda d, t: counted.append((d, t)))
    assert [(i.path, i.already_there) for i in report.imported] == [(good, False), (photo, False), (good, True)]
    assert [(f.path, f.needs_password) for f in report.failed] == [(empty, False), (locked, True)]
    assert "empty" in report.failed[0].reason and not report.ok
    assert counted[-1] == (5, 5)
    assert db["documents"].count == 2


def test_a_cancelled_batch_keeps_what_was_done(db, data_dir, tmp_path, person):
    files = [write(tmp_path, f"{n}.pdf", samples.text_pdf([f"doc {n}"])) for n in range(3)]
    done = []
    report = library.import_files(db, data_dir, files, person_id=person.id,
                                  progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 1)
    assert report.cancelled and len(report.imported) == 1 and not report.ok
    assert db["documents"].count == 1 and len(stored_files(data_dir)) == 1


def test_wrong_details_are_refused_before_any_file_is_touched(db, data_dir, tmp_path, person):
    other = people.save(db, Person(name="Ben Test"))
    their_case = cases.save(db, Case(person_id=other.id, title="Theirs"))
    path = write(tmp_path, "a.pdf", samples.text_pdf(["x"]))
    with pytest.raises(NotFound):
        library.import_files(db, data_dir, [path], person_id=999)
    with pytest.raises(InvalidInput) as caught:
        library.add_document(db, data_dir, path, person_id=person.id, case_id=their_case.id)
    assert caught.value.field == "case_id"
    with pytest.raises(InvalidInput) as caught:
        library.add_document(db, data_dir, path, person_id=person.id, holder_id=42)
    assert caught.value.field == "holder_id"
    with pytest.raises(InvalidInput) as caught:
        library.add_document(db, data_dir, path, person_id=person.id, service_date="12/09/2026")
    assert caught.value.field == "service_date"
    assert_nothing_stored(db, data_dir)


def test_generated_bytes_become_a_document(db, data_dir, person):
    letter = samples.text_pdf(["Request for records"])
    document = library.add_bytes(db, data_dir, letter, "Request to Cedar Valley Imaging.pdf",
                                 person_id=person.id, kind="Referral or authorisation")
    assert document.title == "Request to Cedar Valley Imaging" and document.kind == "referral or authorisation"
    assert library.file_path(data_dir, document).read_bytes() == letter
    with pytest.raises(UnreadableFile):
        library.add_bytes(db, data_dir, b"not a pdf", "letter.pdf", person_id=person.id)


def test_importing_again_restores_a_stored_file_that_went_missing(db, data_dir, tmp_path, person):
    path = write(tmp_path, "a.pdf", samples.text_pdf(["x"]))
    document = library.add_document(db, data_dir, path, person_id=person.id)
    library.file_path(data_dir, document).unlink()
    assert library.add_document(db, data_dir, path, person_id=person.id).id == document.id
    assert library.file_path(data_dir, document).read_bytes() == path.read_bytes()
    assert stored_files(data_dir) == [library.file_path(data_dir, document)]


def test_a_500_page_pdf_imported_on_a_worker_thread_never_holds_up_the_main_one(data_dir, tmp_path):
    path = write(tmp_path, "long.pdf", samples.text_pdf([f"Page {n}: stenosis at L4-L5. " * 30 for n in range(500)]))
    with open_database(data_dir) as setup:
        person_id = people.save(setup, Person(name="Ada Test")).id
    finished, imported = threading.Event(), []

    def work() -> None:  # a worker opens its own database, as the window's tasks do
        worker_db = open_database(data_dir)
        try:
            imported.append(library.add_document(worker_db, data_dir, path, person_id=person_id))
        finally:
            worker_db.close()
            finished.set()

    worker = threading.Thread(target=work)
    worker.start()
    longest, last = 0.0, time.perf_counter()
    while not finished.is_set():
        time.sleep(0.005)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    worker.join()
    assert imported and imported[0].page_count == 500
    assert longest < 0.1
