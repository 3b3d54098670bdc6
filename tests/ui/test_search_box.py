"""The window's search box: hits as they type, marked words in bold, and opening a hit at its page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

import sample_files
from opinionkit.core.domain import Case, Person
from opinionkit.core.domain.records import RecordItem, RecordKind
from opinionkit.core.services import cases, library, people, record_items, search
from opinionkit.ui.library.hit_model import HIT_ROLE, HTML_ROLE, HitListModel
from opinionkit.ui.library.search_box import DEBOUNCE_MS
from opinionkit.ui.library.viewer import DocumentViewer
from window_helpers import press, type_text, visible

PAGES = [
    "Clinic visit. Low back pain, physiotherapy for six weeks.",
    "Medication list: naproxen, gabapentin.",
    "Imaging reviewed with the patient.",
    "Plan: consider vertebroplasty of T12 after the bone density scan <results> & review.",
    "Follow-up in three months.",
]


@pytest.fixture
def person_with_documents(database, data_dir, tmp_path):
    person = people.save(database, Person(name="Ines Carvalho"))
    case = cases.save(database, Case(person_id=person.id, title="Back pain: which treatment?"))
    path = tmp_path / "clinic letter.pdf"
    path.write_bytes(sample_files.text_pdf(PAGES))
    document = library.add_document(database, data_dir, path, person_id=person.id, case_id=case.id,
                                    title="Clinic letter, Dr. Reyes")
    item = record_items.create(database, RecordItem(case_id=case.id, kind=RecordKind.OPERATIVE_REPORT,
                                                    description="Vertebroplasty consent and operative note"))
    other = people.save(database, Person(name="Rui Carvalho"))
    library.add_bytes(database, data_dir, sample_files.text_pdf(["vertebroplasty of someone else"]), "rui.pdf",
                      person_id=other.id)
    return person, case, document, item


def search_for(qtbot, window, text: str) -> None:
    box = window.library.search.edit
    press(qtbot, window, Qt.Key.Key_F)
    assert box.hasFocus()
    type_text(box, text)
    panel_shown = lambda: window.library.search.showing() and window.library.search.panel.query == text  # noqa: E731
    assert not panel_shown()  # not after every key: a moment after the last one
    qtbot.waitUntil(panel_shown, timeout=DEBOUNCE_MS * 10)


def test_typing_lists_ranked_hits_with_the_words_in_bold(qtbot, database, person_with_documents, open_window):
    person, case, document, item = person_with_documents
    window = open_window(database)
    window.show_case(case.id)
    search_for(qtbot, window, "vertebro")
    panel = window.library.search.panel
    hits = panel.model.hits
    assert {(h.kind.value, h.document_id, h.page, h.item_id) for h in hits} == {
        ("page", document.id, 4, None), ("record item", None, None, item.id)}  # never the other person's
    assert "4 places" not in panel.count.text() and "2 places found in Ines Carvalho's" in panel.count.text()
    page_hit = next(r for r, h in enumerate(hits) if h.page == 4)
    shown = panel.model.index(page_hit, 0)
    assert "<b>vertebroplasty</b>" in shown.data(HTML_ROLE)
    assert "&lt;results&gt; &amp; review" in shown.data(HTML_ROLE)  # the page's own text stays text
    plain = shown.data(Qt.ItemDataRole.DisplayRole)
    assert "<b>" not in plain and "Page 4" in plain and "vertebroplasty of T12" in plain
    rendered = QTextDocument()
    rendered.setHtml(shown.data(HTML_ROLE))
    assert "<b>" not in rendered.toPlainText() and "<results> & review" in rendered.toPlainText()


def test_enter_opens_a_page_hit_in_the_viewer_at_its_page(qtbot, database, person_with_documents, open_window):
    _person, case, document, _item = person_with_documents
    window = open_window(database)
    window.show_case(case.id)
    search_for(qtbot, window, "bone density")
    panel = window.library.search.panel
    assert [h.page for h in panel.model.hits] == [4]
    qtbot.keyClick(window.library.search.edit, Qt.Key.Key_Return)
    viewer = visible(window, DocumentViewer)
    assert viewer.document.id == document.id and viewer.pdf.pageCount() == 5
    assert viewer.current_page() == 4
    qtbot.wait(100)  # and it stays there once painted
    assert viewer.current_page() == 4 and viewer.position.text() == "Page 4 of 5"


def test_double_clicking_a_record_item_hit_opens_it_in_the_tracker(
        qtbot, database, person_with_documents, open_window):
    person, case, _document, item = person_with_documents
    window = open_window(database)
    window.show_person(person.id)
    search_for(qtbot, window, "consent")
    panel = window.library.search.panel
    assert [h.item_id for h in panel.model.hits] == [item.id]
    rect = panel.list.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a double
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # click begins
    assert window.page == "case" and window.case_id == case.id
    assert window.stack.currentWidget() is window.case_page
    assert window.case_page.current_section() == "records"
    assert window.case_page.section("records").selected_item_id() == item.id


def test_arrows_choose_and_escape_goes_back(qtbot, database, person_with_documents, open_window):
    _person, case, _document, _item = person_with_documents
    window = open_window(database)
    window.show_case(case.id, section="documents")
    search_for(qtbot, window, "vertebroplasty")
    panel = window.library.search.panel
    box = window.library.search.edit
    first = panel.current_hit()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert panel.current_hit() is not first and panel.current_hit() is not None
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert panel.current_hit() is first
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and window.stack.currentWidget() is window.case_page
    assert window.case_page.current_section() == "documents"


@pytest.mark.parametrize("query", ['L4-L5', '3+4=7', '"unbalanced', 'NEAR(', "*", "AND OR NOT", "ü ñ 日本"])
def test_any_typed_text_is_a_search(qtbot, database, person_with_documents, open_window, query):
    _person, case, _document, _item = person_with_documents
    window = open_window(database)
    window.show_case(case.id)
    window.library.search.edit.setText(query)
    window.library.search.run()
    panel = window.library.search.panel
    assert window.library.search.showing()
    if not panel.model.hits:
        assert panel.nothing.isVisible() and "Nothing found" in panel.nothing.title.text()


def test_the_hit_model_passes_the_model_tester(qtmodeltester, database, person_with_documents):
    person, *_ = person_with_documents
    model = HitListModel()
    model.set_hits(search.search(database, "vertebroplasty", person.id))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    assert model.index(0, 0).data(HIT_ROLE) is model.hits[0]
