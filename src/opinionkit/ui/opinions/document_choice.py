"""Choosing which PDF of the case holds a doctor's letter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from opinionkit.core.domain.documents import Document, MediaType
from opinionkit.ui.details import label
from opinionkit.ui.labels import friendly_date
from opinionkit.ui.style import set_role


# Roomier rows than a bare list: the titles are long and read one by one.
_LIST = """
QListWidget { background: #ffffff; border: 1px solid #c3ccd6; border-radius: 6px; outline: 0; }
QListWidget::item { padding: 6px 8px; }
QListWidget::item:selected { background: #cfe0ea; color: #123547; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def letter_candidates(documents: list[Document]) -> list[Document]:
    """The documents a letter can be read from: PDFs (pictures have no text to take)."""
    return [d for d in documents if MediaType(d.media_type) is MediaType.PDF]


def document_line(document: Document) -> str:
    parts = [document.title]
    if document.service_date:
        parts.append(friendly_date(document.service_date))
    if document.page_count:
        parts.append(_tr("1 page") if document.page_count == 1
                     else _tr("{count} pages").format(count=document.page_count))
    if document.locked:
        parts.append(_tr("locked"))
    elif not document.has_text:
        parts.append(_tr("no text: a scan"))
    return " · ".join(parts)


class DocumentChoice(QDialog):
    """A list of the case's PDFs; Enter or a double click takes the one chosen."""

    def __init__(self, documents: list[Document], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _tr("Take the letter from a document")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("letterDocumentChoice")
        heading = label(_tr("Which document holds the letter?"), "card-title")
        intro = label(_tr("Its text replaces what the letter box holds now; Ctrl+Z in the box brings that "
                          "back."), "muted")
        self.list = QListWidget()
        self.list.setObjectName("letterDocuments")
        self.list.setStyleSheet(_LIST)
        self.list.setAccessibleName(_tr("PDF documents of this case"))
        for document in documents:
            item = QListWidgetItem(document_line(document))
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            item.setToolTip(document.filename)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("Take its text"))
        set_role(self.ok_button, "primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(600, 380)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
