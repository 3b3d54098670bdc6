"""A small dialog to choose documents of the person to add to the packet."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from opinionkit.core.domain.documents import Document
from opinionkit.core.packet.plan import document_date
from opinionkit.ui.details import label
from opinionkit.ui.labels import friendly_date
from opinionkit.ui.packet.documents_model import pages_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("packet", text)


class DocumentPicker(QDialog):
    def __init__(self, documents: Sequence[Document], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _tr("Add documents to the packet")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("packetDocumentPicker")
        self.list = QListWidget()
        self.list.setAccessibleName(_tr("Documents not in the packet"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for document in documents:
            item = QListWidgetItem(_tr("{title}   ·   {date}   ·   {pages}").format(
                title=document.title, date=friendly_date(document_date(document)), pages=pages_label(document)))
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        hint = (_tr("Choose one or more (Ctrl or Shift to choose several). They go in at the end.")
                if self.list.count() else _tr("Every document of this person is already in the packet."))
        layout.addWidget(label(hint, "muted"))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(620, 420)

    def chosen_ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
