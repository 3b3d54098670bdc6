"""The Documents section, its table model, editing a document's details, deleting with undo, and the viewer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QMessageBox

import sample_files
from opinionkit.core.domain import Case, Person
from opinionkit.core.services import cases, demo, library, people, record_items
from opinionkit.core.domain.records import RecordItem, RecordKind
from opinionkit.ui.library.document_dialog import DocumentDialog
from opinionkit.ui.library.document_model import (
    HOLDER, KIND, PAGES, ROW_ID_ROLE, SERVICE_DATE, SORT_ROLE, TEXT, TITLE, DocumentTableModel,
)
from opinionkit.ui.library.viewer import DocumentViewer
from window_helpers import press, type_text, visible

MRI = "MRI lumbar spine report (L4-L5 stenosis)"
PHOTO = "Prior authorisation letter (phone photo)"


@pytest.fixture
def demo_ids(database):
    return demo.load(database)


def row_of_title(model, title: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, TITLE).data() == title)


def test_the_model_passes_the_model_tester_and_shows_each_column(qtmodeltester, database, demo_ids):
    model = DocumentTableModel(database)
    model.load_case(demo_ids.case_id)
    assert model.rowCount() == 4
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(SERVICE_DATE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    assert proxy.index(0, TITLE).data() == "Blood tests of July (own copy)"  # 14 July, the earliest

    mri = row_of_title(model, MRI)
    assert [model.index(mri, c).data() for c in (KIND, SERVICE_DATE, HOLDER, PAGES, TEXT)] == [
        "Radiology report", "12 September 2026", "Cedar Valley Imaging", "1", "Searchable"]
    assert model.index(mri, TEXT).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(mri, TITLE).data(ROW_ID_ROLE) == model.document_at(mri).id
    photo = row_of_title(model, PHOTO)
    assert model.index(photo, TEXT).data() == "No text (image)"
    assert model.index(photo, TEXT).data(Qt.ItemDataRole.DecorationRole) is not None  # words and an icon
    assert "no text" in model.index(photo, TEXT).data(Qt.ItemDataRole.ToolTipRole).lower()


def test_the_person_scope_lists_documents_of_every_case(database, demo_ids, data_dir):
    other = cases.save(database, Case(person_id=demo_ids.person_id, title="Hearing loss"))
    library.add_bytes(database, data_dir, sample_files.PNG, "audiogram.png", person_id=demo_ids.person_id,
                      case_id=other.id)
    model = DocumentTableModel(database)
    model.load_case(demo_ids.case_id)
    assert model.rowCount() == 4
    model.load_person(demo_ids.person_id)
    assert model.rowCount() == 5


def test_the_section_lists_the_case_and_switches_to_all_of_the_persons_documents(
        qtbot, database, demo_ids, data_dir, open_window):
    other = cases.save(database, Case(person_id=demo_ids.person_id, title="Hearing loss"))
    library.add_bytes(database, data_dir, sample_files.PNG, "audiogram.png", person_id=demo_ids.person_id,
                      case_id=other.id)
    window = open_window(database)
    window.show_case(demo_ids.case_id, section="documents")
    section = window.case_page.section("documents")
    assert section.summary.text() == "4 documents · 1 without searchable text"
    assert section.table.isVisible() and not section.empty_card.isVisible()
    section.scope.setCurrentIndex(section.scope.findData("person"))
    assert section.model.rowCount() == 5
    assert "audiogram" in {d.title for d in section.model.documents}

    window.show_person(demo_ids.person_id, section="documents")
    person_section = window.person_page.section("documents")
    assert person_section.model.rowCount() == 5 and not person_section.scope.isVisible()


def test_an_empty_case_offers_to_import(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    case = cases.save(database, Case(person_id=person.id, title="Knee"))
    window = open_window(database)
    window.show_case(case.id, section="documents")
    section = window.case_page.section("documents")
    assert section.empty_card.isVisible() and section.summary.text() == "0 documents"
    assert not section.open_button.isEnabled() and not section.delete_button.isEnabled()


def test_editing_the_details_saves_them_and_links_record_items(qtbot, database, demo_ids, open_window):
    window = open_window(database)
    window.show_case(demo_ids.case_id, section="documents")
    section = window.case_page.section("documents")
    photo = next(d for d in section.model.documents if d.title == PHOTO)
    item = record_items.create(database, RecordItem(case_id=demo_ids.case_id, kind=RecordKind.REFERRAL,
                                                    description="Referral letter to the spine centre"))
    section.select_document(photo.id)
    qtbot.mouseClick(section.edit_button, Qt.MouseButton.LeftButton)
    dialog = visible(window, DocumentDialog)
    dialog.title.selectAll()
    type_text(dialog.title, "Authorisation letter, Harborline")
    dialog.service_date.setText("not a date")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.invalid_fields() == ["service_date"]  # said inline, nothing saved

    dialog.service_date.setText("2026-11-20")
    dialog.kind.setEditText("Insurer letter")  # a kind of one's own
    entry = next(dialog.items.item(r) for r in range(dialog.items.count())
                 if dialog.items.item(r).data(Qt.ItemDataRole.UserRole) == item.id)
    entry.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    saved = library.get(database, photo.id)
    assert (saved.title, saved.service_date, saved.kind) == ("Authorisation letter, Harborline", "2026-11-20",
                                                              "Insurer letter")
    assert item.id in library.linked_item_ids(database, photo.id)
    row = section.model.row_of(photo.id)
    assert section.model.index(row, KIND).data() == "Insurer letter"
    assert section.selected_document_id() == photo.id


def test_delete_goes_through_the_trash_and_undo_brings_it_back(qtbot, database, demo_ids, open_window):
    window = open_window(database)
    window.show_case(demo_ids.case_id, section="documents")
    section = window.case_page.section("documents")
    mri = next(d for d in section.model.documents if d.title == MRI)
    section.select_document(mri.id)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    box = visible(window, QMessageBox)
    assert box.objectName() == "confirmDeleteDocument" and MRI in box.text()
    qtbot.mouseClick(box.findChild(type(section.delete_button), "deleteButton"), Qt.MouseButton.LeftButton)
    assert section.model.row_of(mri.id) is None
    assert mri.id not in {d.id for d in library.list_for_case(database, demo_ids.case_id)}
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    press(qtbot, window, Qt.Key.Key_Z)
    assert section.model.row_of(mri.id) is not None
    assert section.selected_document_id() == mri.id
    assert library.page_texts(database, mri.id)  # its pages are back in the search


def test_enter_opens_the_viewer_and_escape_closes_it(qtbot, database, demo_ids, open_window):
    window = open_window(database)
    window.show_case(demo_ids.case_id, section="documents")
    section = window.case_page.section("documents")
    mri = next(d for d in section.model.documents if d.title == MRI)
    section.select_document(mri.id)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    viewer = visible(window, DocumentViewer)
    assert viewer.pages.currentWidget() is viewer.pdf_view
    assert viewer.title.text() == MRI and viewer.position.text() == "Page 1 of 1"
    assert viewer.pdf.pageCount() == 1
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_a_picture_opens_zoomable(qtbot, database, demo_ids, open_window):
    window = open_window(database)
    window.show_case(demo_ids.case_id, section="documents")
    section = window.case_page.section("documents")
    photo = next(d for d in section.model.documents if d.title == PHOTO)
    viewer = window.library.open_document(photo.id)
    qtbot.waitExposed(viewer)
    assert viewer.pages.currentWidget() is viewer.image_view
    fitted = viewer.image_view.scale_factor()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow)
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.image_view.scale_factor() == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.image_view.scale_factor() == pytest.approx(fitted / 1.25)
    qtbot.mouseClick(viewer.buttons["fit"], Qt.MouseButton.LeftButton)
    assert viewer.image_view.scale_factor() == pytest.approx(fitted)


def test_a_multi_page_tiff_pages_through(qtbot, database, data_dir, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    document = library.add_bytes(database, data_dir, sample_files.tiff(3), "scan.tif", person_id=person.id)
    window = open_window(database)
    viewer = window.library.open_document(document.id, page=2)
    assert viewer.current_page() == 2 and viewer.position.text() == "Page 2 of 3"
    qtbot.mouseClick(viewer.buttons["next"], Qt.MouseButton.LeftButton)
    assert viewer.current_page() == 3 and not viewer.buttons["next"].isEnabled()


def test_a_locked_pdf_says_how_to_see_it(qtbot, database, data_dir, tmp_path, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    path = tmp_path / "locked.pdf"
    path.write_bytes(sample_files.text_pdf(["Secret words"], password="tulip"))
    document = library.add_document(database, data_dir, path, person_id=person.id, allow_without_text=True)
    window = open_window(database)
    viewer = window.library.open_document(document.id)
    assert viewer.message.isVisible() and "locked" in viewer.message.title.text()
    assert viewer.unlock_button.isVisible()
    assert not viewer.buttons["zoom_in"].isEnabled()


def test_a_pdf_kept_with_its_password_opens_with_it(qtbot, database, data_dir, tmp_path, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    path = tmp_path / "protected.pdf"
    path.write_bytes(sample_files.text_pdf(["one", "two"], password="tulip"))
    document = library.add_document(database, data_dir, path, person_id=person.id, password="tulip")
    window = open_window(database)
    viewer = window.library.open_document(document.id, page=2)
    assert viewer.pages.currentWidget() is viewer.pdf_view and viewer.pdf.pageCount() == 2
    assert viewer.current_page() == 2
