"""The case's coverage: plain hints first, the coverage form, then the log of calls with the insurer.

Deleting a call goes through the trash on the window's undo stack.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case
from opinionkit.core.errors import NotFound, OpinionKitError
from opinionkit.core.services import coverage
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, clear_layout, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.style import set_role
from opinionkit.ui.undo import TrashCommand
from opinionkit.ui.visit.call_model import DATE, REFERENCE, REPRESENTATIVE, ROW_ID_ROLE, SAID, CallTableModel
from opinionkit.ui.visit.coverage_form import CoverageForm

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost

CALL_ROW_HEIGHT = 44
CALL_ROWS_SHOWN = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class CoveragePage(QScrollArea):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.hints = QVBoxLayout()
        self.hints.setSpacing(6)
        self.hints_card = Card(_tr("What to check with the insurer"))
        self.hints_card.body.addLayout(self.hints)
        self.form = CoverageForm(host.db)
        self.form.saved.connect(self._coverage_saved)
        form_card = Card(_tr("Insurance for this case"))
        form_card.body.addWidget(self.form)
        calls_card = self._build_calls()

        content = QWidget()
        content.setObjectName("scrollContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 12, 14, 12)
        layout.setSpacing(14)
        layout.addWidget(self.hints_card)
        layout.addWidget(form_card)
        layout.addWidget(calls_card)
        layout.addStretch(1)
        self.setWidget(content)

    def _build_calls(self) -> Card:
        card = Card(_tr("Calls with the insurer"))
        self.calls = CallTableModel(self._host.db, self)
        table = QTableView()
        table.setObjectName("callsTable")
        table.setAccessibleName(_tr("Calls with the insurer"))
        table.setAccessibleDescription(_tr("Enter opens the call; Delete moves it to the trash."))
        table.setModel(self.calls)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        # Each call as tall as what was said: a log holds a handful of calls, read in full.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setMinimumSectionSize(CALL_ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        for column, sample in ((DATE, "30 Sep 2026"), (REPRESENTATIVE, "Janelle, member services"),
                               (REFERENCE, "HHP-CALL-000000")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 30)
        header.setSectionResizeMode(SAID, QHeaderView.ResizeMode.Stretch)
        table.setFixedHeight(header.sizeHint().height() + CALL_ROW_HEIGHT * CALL_ROWS_SHOWN + 4)
        table.activated.connect(lambda _index: self.edit_call())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.delete_call)
        self.calls_table = table

        self.add_call_button = set_role(QPushButton(_tr("Log a call…")), "primary")
        self.add_call_button.setToolTip(_tr("Write down a call with the insurer while you remember it"))
        self.add_call_button.clicked.connect(self.add_call)
        self.edit_call_button = QPushButton(_tr("Open…"))
        self.edit_call_button.clicked.connect(self.edit_call)
        self.delete_call_button = set_role(QPushButton(_tr("Delete")), "danger")
        self.delete_call_button.setToolTip(_tr("Move the call to the trash; Ctrl+Z brings it back (Delete)"))
        self.delete_call_button.clicked.connect(self.delete_call)
        self.no_calls = label(_tr("No calls logged yet. Note each call: the date, whom you spoke to, the "
                                  "reference number and what they said."), "empty-value")
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (self.add_call_button, self.edit_call_button, self.delete_call_button):
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        card.body.addWidget(self.no_calls)
        card.body.addWidget(table)
        card.body.addLayout(buttons)
        return card

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        same = self.case is not None and self.case.id == case.id
        self.case = case
        if not (same and self.form.changed):  # a refresh of the window keeps this case's unsaved edits
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_hints()  # an appointment changed elsewhere can change the prior-authorisation hint

    def reload(self, select_call: int | None = None) -> None:
        if self.case is None or self.case.id is None:
            return
        try:
            self.form.show_coverage(coverage.get(self._host.db, self.case.id))
        except NotFound:
            return
        self.calls.load(self.case.id)
        self._show_hints()
        self._after_calls(select_call)

    def _show_hints(self) -> None:
        if self.case is None or self.case.id is None:
            return
        clear_layout(self.hints)
        try:
            found = coverage.hints(self._host.db, self.case.id)
        except NotFound:
            return
        for hint in found:
            line = label(f"⚠ {_tr('To do:')} {hint.text}" if hint.todo else f"ℹ {hint.text}",
                         "missing" if hint.todo else "field-value", selectable=True)
            line.setAccessibleName(_tr("To do") if hint.todo else _tr("Hint"))
            self.hints.addWidget(line)
            line.show()  # now, not on the layout's next pass: the page's height counts it at once
        self.hints_card.setVisible(bool(found))

    def _coverage_saved(self, _saved: object) -> None:
        self._show_hints()
        self._say(_tr("Saved the coverage."))

    # Calls -----------------------------------------------------------------------------------

    def _after_calls(self, select: int | None) -> None:
        listed = self.calls.rowCount() > 0
        self.calls_table.setVisible(listed)
        self.no_calls.setVisible(not listed)
        row = self.calls.row_of(select)
        if row is not None:
            self.calls_table.selectionModel().setCurrentIndex(
                self.calls.index(row, DATE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()

    def selected_call_id(self) -> int | None:
        index = self.calls_table.currentIndex()
        if not index.isValid() or not self.calls_table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.data(ROW_ID_ROLE)

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_call_id() is not None
        self.edit_call_button.setEnabled(chosen)
        self.delete_call_button.setEnabled(chosen)
        self.edit_call_button.setVisible(self.calls.rowCount() > 0)
        self.delete_call_button.setVisible(self.calls.rowCount() > 0)

    def add_call(self) -> None:
        self._open_call(None)

    def edit_call(self) -> None:
        ident = self.selected_call_id()
        if ident is not None:
            self._open_call(ident)

    def _open_call(self, call_id: int | None) -> None:
        from opinionkit.ui.visit.call_dialog import CallDialog

        if self.case is None:
            return
        try:
            call = coverage.get_call(self._host.db, call_id) if call_id is not None else None
        except OpinionKitError as error:
            show_error(self.window(), error)
            self._reload_calls(None)
            return
        dialog = CallDialog(self._host.db, self.case.id or 0, call, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._reload_calls(dialog.saved.id))
        dialog.open()

    def delete_call(self) -> None:
        ident = self.selected_call_id()
        if ident is None:
            return
        row = self.calls.call_at(self.calls.row_of(ident) or 0)
        text = _tr("Call with the insurer on {date}").format(date=row.on_date)
        self._host.undo_stack.push(TrashCommand(
            self._host.db, coverage.CALLS, ident, coverage.CALL_KIND, text,
            lambda _table, call_id, present: self._reload_calls(call_id if present else None), self._report))
        self._say(_tr("Moved the call of {date} to the trash. Ctrl+Z brings it back.").format(date=row.on_date))

    def _reload_calls(self, select: int | None) -> None:
        self.calls.reload()
        self._after_calls(select)

    # Keys and messages -----------------------------------------------------------------------


    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr("This could not be done because the log changed in the meantime. "
                                        "Nothing was changed."))
        show_error(self.window(), error)
        self._reload_calls(None)
