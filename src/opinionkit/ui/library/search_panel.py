"""The search results page: what was looked for, and the hits, best first, each opened with Enter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QStackedWidget, QVBoxLayout, QWidget

from opinionkit.core.services.search import Hit
from opinionkit.ui.details import Card, label
from opinionkit.ui.library.hit_model import HIT_ROLE, HitListModel, RichTextDelegate


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class SearchPanel(QWidget):
    open_requested = Signal(object)  # a Hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName(_tr("Search results"))
        self.query = ""
        self.heading = label("", "heading")
        self.heading.setAccessibleName(_tr("Searched for"))
        self.count = label("", "subheading")
        self.model = HitListModel(self)
        self.list = QListView()
        self.list.setObjectName("searchResults")
        self.list.setAccessibleName(_tr("Search results"))
        self.list.setAccessibleDescription(_tr("Enter opens the document at its page, or the record item."))
        self.list.setModel(self.model)
        self.list.setItemDelegate(RichTextDelegate(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setStyleSheet(
            "QListView#searchResults { background: #ffffff; border: 1px solid #dbe2ea; border-radius: 8px; "
            "selection-background-color: #cfe0ea; selection-color: #123547; outline: 0; }"
            "QListView#searchResults::item { border-bottom: 1px solid #eef1f4; }"
            "QListView#searchResults::item:selected { background: #cfe0ea; }"
        )
        self.list.activated.connect(lambda index: self.open_requested.emit(index.data(HIT_ROLE)))

        self.nothing = Card(_tr("Nothing found"))
        self.nothing_text = label("", "field-value")
        self.nothing.body.addWidget(self.nothing_text)
        self.nothing.setMaximumWidth(640)
        nothing_page = QWidget()
        box = QVBoxLayout(nothing_page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.nothing)
        box.addStretch(1)
        self.results = QStackedWidget()
        self.results.addWidget(self.list)
        self.results.addWidget(nothing_page)

        hint = label(_tr("↑ ↓ choose · Enter opens · Esc goes back"), "muted", wrap=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 26, 32, 16)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addSpacing(10)
        layout.addWidget(self.results, 1)
        layout.addWidget(hint)

    def show_hits(self, query: str, hits: list[Hit], whose: str) -> None:
        self.query = query
        self.heading.setText(_tr("“{query}”").format(query=query.strip()))
        self.model.set_hits(hits)
        if hits:
            self.count.setText((_tr("1 place found in {whose} documents and record items") if len(hits) == 1 else
                                _tr("{count} places found in {whose} documents and record items")).format(
                count=len(hits), whose=whose))
            self.results.setCurrentWidget(self.list)
            self.move_current(0)
        else:
            self.count.setText(_tr("Searched {whose} documents and record items").format(whose=whose))
            self.nothing_text.setText(_tr(
                "No page, title or record item holds these words. Words match by their beginning, and every "
                "word must be found: try fewer or shorter words."))
            self.results.setCurrentWidget(self.results.widget(1))

    def current_hit(self) -> Hit | None:
        index = self.list.currentIndex()
        return index.data(HIT_ROLE) if index.isValid() else None

    def move_current(self, row: int) -> None:
        if not self.model.hits:
            return
        row = min(max(0, row), len(self.model.hits) - 1)
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)

    def step(self, rows: int) -> None:
        self.move_current(self.list.currentIndex().row() + rows if self.list.currentIndex().isValid() else 0)

    def open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.open_requested.emit(hit)
