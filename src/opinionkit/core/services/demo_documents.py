"""The demo person's documents: an MRI report, a spine clinic note, lab results and a photo of a letter.

The files ship in opinionkit.resources/demo (made by scripts/make_demo_documents.py).
They are stored in the data folder of the database's own file; an in-memory
database has no data folder, so it gets no documents. Importing the same file
again returns the document already there, so loading twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core.domain.records import RecordKind
from opinionkit.core.services import library


@dataclass(frozen=True)
class _DemoDocument:
    filename: str
    title: str
    kind: RecordKind
    holder: str
    service_date: str
    item_descriptions: tuple[str, ...] = ()  # demo record items the document answers


_DOCUMENTS = [
    _DemoDocument("mri-lumbar-spine-report-2026-09-12.pdf", "MRI lumbar spine report (L4-L5 stenosis)",
                  RecordKind.RADIOLOGY_REPORT, "Cedar Valley Imaging", "2026-09-12",
                  ("Report of the lumbar MRI",)),
    _DemoDocument("spine-clinic-note-dr-brennan-2026-10-02.pdf", "Spine clinic note: fusion recommended",
                  RecordKind.CLINICAL_NOTES, "Dr. Harold Brennan", "2026-10-02",
                  ("Spine clinic visit notes, Dr. Brennan",
                   "Surgical recommendation: PLIF at L4-L5 with decompression")),
    _DemoDocument("northgate-lab-results-2026-07-14.pdf", "Blood tests of July (own copy)",
                  RecordKind.LAB_RESULTS, "Northgate Clinical Laboratories", "2026-07-14"),
    _DemoDocument("harborline-authorisation-photo.png", "Prior authorisation letter (phone photo)",
                  RecordKind.REFERRAL, "Harborline Health Plan", "2026-11-18",
                  ("Prior authorisation for the second-opinion visit",)),
]


def load(db: Database, person_id: int, case_id: int, provider_ids: dict[str, int]) -> None:
    """Import the demo documents for the demo case, unless the database has no data folder."""
    data_dir = data_dir_of(db)
    if data_dir is None:
        return
    folder = demo_folder()
    for entry in _DOCUMENTS:
        content = folder.joinpath(entry.filename).read_bytes()
        document = library.add_bytes(
            db, data_dir, content, entry.filename, person_id=person_id, case_id=case_id,
            kind=entry.kind.value, title=entry.title, holder_id=provider_ids.get(entry.holder),
            service_date=entry.service_date,
        )
        item_ids = [row[0] for row in db.execute(
            f"SELECT id FROM record_items WHERE case_id = ? AND description IN "
            f"({','.join('?' * len(entry.item_descriptions))})",
            [case_id, *entry.item_descriptions],
        )] if entry.item_descriptions else []
        library.link_items(db, document.id or 0, item_ids)


def demo_folder() -> Traversable:
    return resources.files("opinionkit.resources").joinpath("demo")


def data_dir_of(db: Database) -> Path | None:
    """The folder holding the database file (the data folder), or None for an in-memory database."""
    for _, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(filename).parent if filename else None
    return None
