"""The window's search box: searches the person's documents and record items as they type.

A search takes a few milliseconds (bench/library.py: p95 well under 50 ms over
100,000 pages), so it runs on the GUI thread, 200 ms after the last key.
The results take the page area; Esc, an empty box, or a page chosen in the
side bar bring the window back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from opinionkit.core.errors import NotFound
from opinionkit.core.services import people, search
from opinionkit.core.services.search import Hit, HitKind

if TYPE_CHECKING:
    from opinionkit.ui.library.search_panel import SearchPanel
    from opinionkit.ui.library.window_library import WindowLibrary
    from opinionkit.ui.main_window import MainWindow

#: Milliseconds after the last key before searching.
DEBOUNCE_MS = 200
HITS_SHOWN = 50


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class SearchBox(QObject):
    def __init__(self, window: MainWindow, library: WindowLibrary) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self.edit = QLineEdit()
        self.edit.setObjectName("searchBox")
        self.edit.setAccessibleName(_tr("Search documents and records"))
        self.edit.setPlaceholderText(_tr("Search documents and records (Ctrl+F)"))
        self.edit.setToolTip(_tr("Find words in every page of this person's documents and in their record items"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(300)
        self.edit.setMaximumWidth(360)
        self.edit.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _text: self.timer.start())
        self._panel: SearchPanel | None = None

    @property
    def panel(self) -> SearchPanel:
        if self._panel is None:
            from opinionkit.ui.library.search_panel import SearchPanel

            self._panel = SearchPanel()
            self._panel.open_requested.connect(self.open_hit)
            self._window.stack.addWidget(self._panel)
        return self._panel

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def run(self) -> None:
        """Search now for what the box holds, and show the results (or leave them when it is empty)."""
        self.timer.stop()
        query = self.edit.text()
        person_id = self._window.person_id
        if not query.strip() or person_id is None:
            self.leave()
            return
        try:
            person = people.get(self._window.db, person_id)
        except NotFound:
            self._window.refresh()
            return
        hits = search.search(self._window.db, query, person_id=person_id, limit=HITS_SHOWN)
        self.panel.show_hits(query, hits, _tr("{name}'s").format(name=person.name))
        self._window.stack.setCurrentWidget(self.panel)

    def showing(self) -> bool:
        return self._panel is not None and self._window.stack.currentWidget() is self._panel

    def leave(self) -> None:
        """Back to the page the results covered."""
        if self.showing():
            self._window.refresh()

    def open_hit(self, hit: Hit) -> None:
        if hit.kind is HitKind.RECORD_ITEM:
            if hit.case_id is None:
                return
            self._window.show_case(hit.case_id, section="records")
            tracker = self._window.case_page.section("records")
            select_item = getattr(tracker, "select_item", None)
            if callable(select_item):
                select_item(hit.item_id)
            focus = getattr(tracker, "table", tracker)
            focus.setFocus()
        elif hit.document_id is not None:
            self._library.open_document(hit.document_id, hit.page or 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self.timer.isActive():
                    self.run()
                if self.showing():
                    self.panel.step({Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5,
                                     Qt.Key.Key_PageUp: -5}[key])
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive() or not self.showing():
                    self.run()
                if self.showing():
                    self.panel.open_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.timer.stop()
                self.edit.clear()
                self.leave()
                return True
        return super().eventFilter(watched, event)
