"""The appointments of a case: a table with past and overlapping ones flagged, the form, and deletion.

Deleting goes through the trash on the window's undo stack (Delete on the table).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from opinionkit.core import dates
from opinionkit.core.domain import Case
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import appointments
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.records.row_delegate import TwoLineDelegate
from opinionkit.ui.style import set_role
from opinionkit.ui.undo import TrashCommand
from opinionkit.ui.visit.appointment_model import (
    DOCTOR, DUE, FLAGS, PLACE, ROW_ID_ROLE, WHEN, AppointmentTableModel,
)
from opinionkit.ui.visit.labels import appointment_kind_label, in_days_text

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost

ROW_HEIGHT = 46  # two lines


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class AppointmentsPage(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.model = AppointmentTableModel(host.db, self)

        self.summary = label("", "card-title", wrap=False)
        self.summary.setObjectName("appointmentsSummary")
        self.summary.setAccessibleName(_tr("Appointments summary"))
        self.add_button = set_role(QPushButton(_tr("Add appointment…")), "primary")
        self.add_button.setAccessibleName(_tr("Add appointment"))
        self.add_button.clicked.connect(self.add_appointment)
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.add_button)

        self.table = self._build_table()
        self.empty_card = Card(_tr("Appointments"))
        self.empty_card.body.addWidget(label(_tr(
            "Add the second-opinion visit (or remote review) when it is booked, and the first doctor's visits too. "
            "OpinionKit then says when the records are due at the office and reminds you to call the day before."),
            "field-value"))
        self.empty_card.setMaximumWidth(640)
        empty = QWidget()
        box = QVBoxLayout(empty)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(self.empty_card)
        box.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(empty)

        self.open_button = QPushButton(_tr("Open…"))
        self.open_button.setToolTip(_tr("See and change the appointment, write notes after the visit, attach "
                                        "documents and recordings (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button = set_role(QPushButton(_tr("Delete")), "danger")
        self.delete_button.setToolTip(_tr("Move the appointment to the trash; Ctrl+Z brings it back (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.item_bar = QWidget()
        row = QHBoxLayout(self.item_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for button in (self.open_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(label(_tr("Past and overlapping appointments are kept, and flagged"), "muted", wrap=False))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.item_bar)
        self._update_buttons()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("appointmentsTable")
        table.setAccessibleName(_tr("Appointments"))
        table.setAccessibleDescription(_tr("Enter opens the appointment; Delete moves it to the trash."))
        table.setModel(self.model)
        table.setItemDelegate(TwoLineDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = table.fontMetrics()
        # Fixed widths from the font; the place takes the rest. Second lines are drawn a tenth smaller.
        for column, width in ((WHEN, metrics.horizontalAdvance("Wed 30 Sep 2026") * 1.1),
                              (DOCTOR, metrics.horizontalAdvance("Second opinion · in 10 days") * 0.9),
                              (DUE, metrics.horizontalAdvance("3 working days before") * 0.9),
                              (FLAGS, metrics.horizontalAdvance("⚠ Overlaps · ✓ Past") * 0.9)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(width) + 28)
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.delete_selected)
        return table

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        self.case = case
        self.model.load(case.id)
        self._after_reload(None)

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_appointment_id()
        self.model.reload()
        self._after_reload(keep)

    def _after_reload(self, select: int | None) -> None:
        listed = self.model.rowCount() > 0
        self.pages.setCurrentIndex(0 if listed else 1)
        self.item_bar.setVisible(listed)
        self.summary.setText(self._summary_text())
        self.select_appointment(select)
        self._update_buttons()

    def _summary_text(self) -> str:
        rows = self.model.rows
        if not rows:
            return _tr("No appointments yet")
        count = _tr("1 appointment") if len(rows) == 1 else _tr("{count} appointments").format(count=len(rows))
        today = dates.today()
        upcoming = next((a for a in rows if a.day >= today), None)
        if upcoming is None:
            return count
        return _tr("{count} · next: {kind}, {when}").format(
            count=count, kind=appointment_kind_label(upcoming.kind).lower(),
            when=in_days_text((upcoming.day - today).days))

    # Selection -------------------------------------------------------------------------------

    def selected_appointment_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.data(ROW_ID_ROLE)

    def select_appointment(self, appointment_id: int | None) -> None:
        row = self.model.row_of(appointment_id)
        if row is None:
            return
        index = self.model.index(row, WHEN)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_appointment_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.add_button.setEnabled(self.case is not None)

    # Appointments ----------------------------------------------------------------------------

    def add_appointment(self) -> None:
        self._open(None)

    def open_selected(self) -> None:
        ident = self.selected_appointment_id()
        if ident is not None:
            self._open(ident)

    def _open(self, appointment_id: int | None) -> None:
        from opinionkit.ui.visit.appointment_dialog import AppointmentDialog

        if self.case is None:
            return
        try:
            dialog = AppointmentDialog(self._host.db, self.case.id or 0, appointment_id, parent=self.window())
        except OpinionKitError as error:
            show_error(self.window(), error)
            self.reload()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved.id))
        dialog.open()

    def _saved(self, appointment_id: int) -> None:
        refresh = getattr(self._host.window, "refresh", None)
        if callable(refresh):
            refresh()  # the questions' doctors and the case page may follow the new appointment
        self.reload(select=appointment_id)

    def delete_selected(self) -> None:
        ident = self.selected_appointment_id()
        if ident is None:
            return
        visit = self.model.appointment_at(self.model.row_of(ident) or 0)
        text = _tr("{kind} appointment on {when}").format(kind=appointment_kind_label(visit.kind),
                                                          when=visit.starts_at.replace("T", " "))
        self._host.undo_stack.push(TrashCommand(
            self._host.db, appointments.TABLE, ident, appointments.KIND, text,
            lambda _table, row_id, present: self.reload(select=row_id if present else None), self._report))
        self._say(_tr("Moved the {what} to the trash. Ctrl+Z brings it back.").format(what=text.lower()))

    # Keys and messages -----------------------------------------------------------------------


    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr("This could not be done because the appointments changed in the meantime. "
                                        "Nothing was changed."))
        show_error(self.window(), error)
        self.reload()
