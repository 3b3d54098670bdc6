"""A document's details, its links to record items, the lists the window shows, and the trash."""

from __future__ import annotations

from pathlib import Path

import pytest
import sample_files as samples

from opinionkit.core.domain import Case, Person, Provider, RecordItem, RecordKind
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import cases, library, people, providers, record_items, search, trash


@pytest.fixture
def person(db):
    return people.save(db, Person(name="Ada Test"))


@pytest.fixture
def case(db, person):
    return cases.save(db, Case(person_id=person.id, title="Back"))


def add(db, data_dir: Path, tmp_path: Path, person_id: int, text: str, **details):
    path = tmp_path / f"{text}.pdf"
    path.write_bytes(samples.text_pdf([text]))
    return library.add_document(db, data_dir, path, person_id=person_id, **details)


def test_details_are_edited_and_checked(db, data_dir, tmp_path, person, case):
    lab = providers.save(db, Provider(name="Northgate Labs"))
    document = add(db, data_dir, tmp_path, person.id, "labs")
    document.title = "  Blood tests  "
    document.kind = "LAB RESULTS"
    document.service_date = "2026-07-14"
    document.holder_id = lab.id
    document.case_id = case.id
    document.page_count = 99  # not editable: ignored
    saved = library.update_metadata(db, document)
    assert (saved.title, saved.kind, saved.service_date, saved.holder_id, saved.case_id, saved.page_count) == (
        "Blood tests", "lab results", "2026-07-14", lab.id, case.id, 1,
    )
    document.title = " "
    with pytest.raises(InvalidInput) as caught:
        library.update_metadata(db, document)
    assert caught.value.field == "title"
    document.title, document.service_date = "ok", "yesterday"
    with pytest.raises(InvalidInput) as caught:
        library.update_metadata(db, document)
    assert caught.value.field == "service_date"


def test_a_persons_documents_come_newest_first(db, data_dir, tmp_path, person):
    old = add(db, data_dir, tmp_path, person.id, "old", service_date="2025-01-02")
    new = add(db, data_dir, tmp_path, person.id, "new", service_date="2026-03-04")
    undated = add(db, data_dir, tmp_path, person.id, "undated")  # counts as imported today
    other = people.save(db, Person(name="Ben Test"))
    add(db, data_dir, tmp_path, other.id, "theirs")
    assert [d.id for d in library.list_for_person(db, person.id)] == [undated.id, new.id, old.id]
    with pytest.raises(NotFound):
        library.list_for_person(db, 999)


def test_a_cases_documents_include_those_linked_to_its_record_items(db, data_dir, tmp_path, person, case):
    other_case = cases.save(db, Case(person_id=person.id, title="Knee"))
    imported_for_case = add(db, data_dir, tmp_path, person.id, "for case", case_id=case.id)
    linked = add(db, data_dir, tmp_path, person.id, "linked")
    unrelated = add(db, data_dir, tmp_path, person.id, "unrelated", case_id=other_case.id)
    item = record_items.create(db, RecordItem(case_id=case.id, kind=RecordKind.RADIOLOGY_REPORT))
    library.link_items(db, linked.id, [item.id, item.id])
    library.link_items(db, linked.id, [item.id])  # twice is harmless
    assert library.linked_item_ids(db, linked.id) == [item.id]
    assert {d.id for d in library.list_for_case(db, case.id)} == {imported_for_case.id, linked.id}
    assert [d.id for d in library.list_for_case(db, other_case.id)] == [unrelated.id]
    library.unlink_items(db, linked.id, [item.id])
    assert library.linked_item_ids(db, linked.id) == []
    with pytest.raises(NotFound):
        library.list_for_case(db, 999)


def test_only_the_persons_own_record_items_can_be_linked(db, data_dir, tmp_path, person):
    other = people.save(db, Person(name="Ben Test"))
    their_case = cases.save(db, Case(person_id=other.id, title="Theirs"))
    their_item = record_items.create(db, RecordItem(case_id=their_case.id))
    document = add(db, data_dir, tmp_path, person.id, "mine")
    with pytest.raises(InvalidInput) as caught:
        library.link_items(db, document.id, [their_item.id])
    assert caught.value.field == "item_ids"
    with pytest.raises(InvalidInput):
        library.link_items(db, document.id, [12345])
    assert library.linked_item_ids(db, document.id) == []


def test_deleting_goes_to_the_trash_and_restoring_brings_back_pages_links_and_search(
    db, data_dir, tmp_path, person, case,
):
    item = record_items.create(db, RecordItem(case_id=case.id, kind=RecordKind.LAB_RESULTS))
    document = add(db, data_dir, tmp_path, person.id, "haemoglobin", case_id=case.id)
    library.link_items(db, document.id, [item.id])
    entry = library.delete(db, document.id)
    assert db["documents"].count == 0 and db["document_pages"].count == 0 and db["document_items"].count == 0
    assert search.search(db, "haemoglobin") == []
    assert library.file_path(data_dir, document).is_file()  # kept while the trash holds it
    assert library.orphan_files(db, data_dir) == []

    trash.restore(db, entry)
    assert library.get(db, document.id) == document
    assert library.linked_item_ids(db, document.id) == [item.id]
    assert [h.document_id for h in search.search(db, "haemoglobin")] == [document.id]

    entry = library.delete(db, document.id)
    trash.empty(db, entry)
    assert library.orphan_files(db, data_dir) == [library.file_path(data_dir, document)]


def test_deleting_a_case_or_holder_keeps_the_document_unlinked(db, data_dir, tmp_path, person, case):
    holder = providers.save(db, Provider(name="Cedar Valley Imaging"))
    document = add(db, data_dir, tmp_path, person.id, "mri", case_id=case.id, holder_id=holder.id)
    trash.move_to_trash(db, "cases", case.id, "case", case.title)
    trash.move_to_trash(db, "providers", holder.id, "provider", holder.name)
    kept = library.get(db, document.id)
    assert kept.case_id is None and kept.holder_id is None


def test_deleting_a_person_takes_their_documents(db, data_dir, tmp_path, person):
    add(db, data_dir, tmp_path, person.id, "mine")
    trash.move_to_trash(db, "people", person.id, "person", person.name)
    assert db["documents"].count == 0 and db["document_pages"].count == 0
