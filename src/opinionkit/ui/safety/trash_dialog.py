"""Edit ▸ Trash…: what was deleted, to put back or to forget for good."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import trash
from opinionkit.ui.errors import show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("safety", text)


class TrashDialog(QDialog):
    changed = Signal()  # something came back or went for good: the window shows its data again

    def __init__(self, parent: QWidget | None, db: Database, data_dir: Path) -> None:
        super().__init__(parent)
        self.db = db
        self.data_dir = data_dir
        self.setWindowTitle(_tr("Trash"))
        self.setAccessibleName(_tr("Trash"))
        self.resize(620, 380)
        self.list = QTreeWidget()
        self.list.setAccessibleName(_tr("Deleted items"))
        self.list.setHeaderLabels([_tr("Kind"), _tr("What"), _tr("Deleted")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.restore_button = QPushButton(_tr("&Restore selected"))
        self.restore_button.setObjectName("restoreSelected")
        self.empty_button = QPushButton(_tr("&Empty trash…"))
        self.empty_button.setObjectName("emptyTrash")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for entry in trash.list_entries(self.db):
            item = QTreeWidgetItem([entry.kind, entry.label, entry.deleted_at.replace("T", " ")[:16]])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.id)
            self.list.addTopLevelItem(item)
        for column in range(2):
            self.list.resizeColumnToContents(column)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))
        self.empty_button.setEnabled(self.list.topLevelItemCount() > 0)

    def restore_selected(self) -> None:
        try:
            for item in self.list.selectedItems():
                trash.restore(self.db, int(item.data(0, Qt.ItemDataRole.UserRole)))
        except OpinionKitError as error:
            show_error(self, error)
        self.reload()
        self.changed.emit()

    def empty_trash(self) -> None:
        if QMessageBox.question(
            self, _tr("Empty trash"),
            _tr("Delete everything in the trash for good? This cannot be undone."),
        ) != QMessageBox.StandardButton.Yes:
            return
        trash.empty(self.db, data_dir=self.data_dir)
        self.reload()
        self.changed.emit()
