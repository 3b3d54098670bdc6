"""The demo's documents: shipped inside the package, imported for the demo case, once."""

from __future__ import annotations

from opinionkit.core.services import demo, demo_documents, library, search
from opinionkit.core.storage.database import open_database


def test_the_demo_documents_ship_inside_the_package():
    folder = demo_documents.demo_folder()
    for entry in demo_documents._DOCUMENTS:
        assert folder.joinpath(entry.filename).is_file(), entry.filename


def test_the_demo_imports_its_documents_once_and_links_them(data_dir):
    db = open_database(data_dir)
    try:
        loaded = demo.load(db)
        demo.load(db)
        documents = library.list_for_case(db, loaded.case_id)
        assert len(documents) == len(demo_documents._DOCUMENTS) == db["documents"].count
        assert all(library.file_path(data_dir, d).is_file() for d in documents)
        by_kind = {d.kind: d for d in documents}
        mri = by_kind["radiology report"]
        assert mri.has_text and mri.service_date == "2026-09-12" and library.linked_item_ids(db, mri.id)
        assert not by_kind["referral or authorisation"].has_text  # the photo of a letter
        hits = search.search(db, "L4-L5 stenosis", person_id=loaded.person_id)
        assert hits[0].document_id == mri.id and hits[0].page == 1
        assert any(h.title.startswith("Spine clinic note") for h in search.search(db, "fusion Brennan"))
    finally:
        db.close()


def test_an_in_memory_database_gets_no_documents(db):
    demo.load(db)
    assert db["documents"].count == 0
