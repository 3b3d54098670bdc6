"""One kind of record on screen: Add / Edit / (Stop) / Delete, a sortable table, and the chosen row's notes.

Keys while the pane has focus: Insert adds, Enter or F2 or Ctrl+E edits,
Delete deletes. Ctrl+E and Delete belong to the window too (the person):
the pane claims them first, so they act on the row in front of the user.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from opinionkit.core.services.background import Background
from opinionkit.ui.background.kinds import RecordKind
from opinionkit.ui.background.record_table import RecordTable
from opinionkit.ui.background.table_model import ROW_ID_ROLE, RecordTableModel
from opinionkit.ui.details import label
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_pane", text)


class RecordPane(QWidget):
    add_requested = Signal()
    edit_requested = Signal(int)
    stop_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, kind: RecordKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"pane_{kind.key}")
        self.setAccessibleName(kind.title)
        self.model = RecordTableModel(kind.columns, kind.is_history, self)
        self._found: Background | None = None

        self.add_button = QPushButton(kind.add_text)
        self.add_button.setToolTip(_tr("Add (Insert)"))
        self.edit_button = QPushButton(_tr("Edit…"))
        self.edit_button.setToolTip(_tr("Edit the chosen row (Enter)"))
        self.stop_button: QPushButton | None = None
        self.delete_button = set_role(QPushButton(_tr("&Delete…")), "danger")
        self.delete_button.setToolTip(_tr("Delete the chosen row (Delete); Ctrl+Z brings it back"))
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(lambda: self._with_selected(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._with_selected(self.delete_requested))

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.edit_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)
        self.note = label("", "muted", wrap=False)
        self.buttons.addWidget(self.note)

        self.table = RecordTable(self.model, f"table_{kind.key}")
        self.proxy = self.table.proxy
        self.table.setAccessibleName(kind.title)
        self.table.activated.connect(lambda _index: self._with_selected(self.edit_requested))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.model.modelReset.connect(self._show_selected)
        self.details = label("", "muted")
        self.details.setTextFormat(Qt.TextFormat.RichText)  # the record's name in bold, escaped
        self.details.setAccessibleName(_tr("Chosen row"))
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 2)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 12, 0, 8)
        self.layout_.setSpacing(10)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.details)
        self._show_selected()

    def add_stop_button(self, text: str) -> QPushButton:
        """Medications: a Stop button between Edit and Delete."""
        button = QPushButton(text)
        button.setToolTip(_tr("Mark the chosen medication stopped; it stays in the list as history"))
        button.clicked.connect(lambda: self._with_selected(self.stop_requested))
        self.buttons.insertWidget(2, button)
        self.stop_button = button
        self._show_selected()
        return button

    def add_banner(self, widget: QWidget) -> None:
        """Something to keep in view above the table (the allergies, beside the medications)."""
        self.layout_.insertWidget(1, widget)

    # Rows ----------------------------------------------------------------------------------------

    def set_records(self, found: Background) -> None:
        keep = self.selected_id()
        self._found = found
        self.model.set_records(getattr(found, self.kind.key), found)
        count = self.model.rowCount()
        self.note.setText(self.kind.empty_text if count == 0 else "")
        if keep is not None:
            self.select(keep)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def select(self, record_id: int | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ID_ROLE) == record_id:
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return

    def _with_selected(self, signal: Signal) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            signal.emit(record_id)

    def _show_selected(self, *_: object) -> None:
        record_id = self.selected_id()
        row = None if record_id is None else self.model.row_of(record_id)
        for button in (self.edit_button, self.delete_button, self.stop_button):
            if button is not None:
                button.setEnabled(row is not None)
        if self.stop_button is not None and row is not None:
            self.stop_button.setEnabled(not self.model.is_history(row))
        if row is None or self._found is None:
            self.details.setText(_tr("Choose a row to see its notes. Keys: Insert adds, Enter edits, Delete deletes.")
                                 if self.model.rowCount() else "")
            return
        record = self.model.record_at(row)
        facts = [html.escape(fact) for fact in self.kind.details(record, self._found) if fact]
        self.details.setText(" · ".join([f"<b>{html.escape(record.label)}</b>", *facts]))

    # Keys ----------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # A key the focused child leaves alone comes here as an override request first: claiming
        # Delete and Ctrl+E keeps the window's shortcuts (which act on the person) from taking them.
        if event.type() == QEvent.Type.ShortcutOverride and self._action_for(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._action_for(event)
        if action == "add":
            self.add_requested.emit()
        elif action == "edit":
            self._with_selected(self.edit_requested)
        elif action == "delete":
            self._with_selected(self.delete_requested)
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _action_for(event: QEvent) -> str | None:
        if not isinstance(event, QKeyEvent):
            return None
        if event.key() == Qt.Key.Key_Insert and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            return "add"
        control_e = event.key() == Qt.Key.Key_E and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        if event.key() == Qt.Key.Key_F2 or control_e:
            return "edit"
        if event.matches(QKeySequence.StandardKey.Delete):
            return "delete"
        return None
