"""The library's screens for ui/screenshots.py: the demo case's documents, a search, and the viewer."""

from __future__ import annotations

from typing import Any

#: The demo document shown selected in the list and opened in the viewer.
MRI_REPORT = "MRI lumbar spine report (L4-L5 stenosis)"
#: What the search screen looks for.
QUERY = "L4-L5"


def show_documents(window: Any, ids: Any) -> Any:
    window.library.search.edit.clear()  # a search left in the box from an earlier screen
    window.library.search.timer.stop()
    window.show_case(ids.case_id, section="documents")
    section = window.case_page.section("documents")
    section.select_document(_document_id(section, MRI_REPORT))
    section.table.setFocus()
    return section


def show_search(window: Any, ids: Any) -> None:
    window.show_case(ids.case_id, section="documents")
    box = window.library.search
    box.edit.setText(QUERY)
    box.run()
    box.edit.setFocus()
    box.edit.deselect()


def show_viewer(window: Any, ids: Any) -> None:
    from PySide6.QtWidgets import QApplication

    section = show_documents(window, ids)
    section.open_selected()
    viewer = window.library.viewer
    viewer.resize(min(860, window.width() - 120), window.height() - 40)
    viewer.move(window.geometry().center() - viewer.rect().center())  # centred, as a desktop places it
    for _ in range(5):  # QPdfView renders its pages as the events come in
        QApplication.processEvents()


def _document_id(section: Any, title: str) -> int | None:
    return next((d.id for d in section.model.documents if d.title == title), None)
