"""The "Records tracker" section: every item of the case, filtered, sorted and moved along.

The table shows the case's items with their holder's numbers; the row of a
late request or an unconfirmed shipment is tinted, marked with an icon and says
so in words. Ctrl+Right moves the selected item to its next step dated today,
Ctrl+Left takes its latest step back; both go on the window's undo stack.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case
from opinionkit.core.domain.records import Step, TrackerRow
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import record_items
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.records.filter_bar import FilterBar
from opinionkit.ui.records.labels import advance_label, step_label, summary_text
from opinionkit.ui.records.row_delegate import TwoLineDelegate
from opinionkit.ui.records.step_commands import AdvanceCommand, UndoStepCommand
from opinionkit.ui.records.tracker_filter import TrackerFilter
from opinionkit.ui.records.tracker_model import DUE, HOLDER, ITEM, NEXT, ROW_ID_ROLE, STATUS, TrackerTableModel
from opinionkit.ui.style import repolish, set_role
from opinionkit.ui.undo import TrashCommand

if TYPE_CHECKING:
    from sqlite_utils import Database

    from opinionkit.ui.sections import SectionHost

ROW_HEIGHT = 44


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def _shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class RecordsTracker(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.model = TrackerTableModel(host.db, self)
        self.proxy = TrackerFilter(self)
        self.proxy.setSourceModel(self.model)

        self._build_actions()
        header = self._build_header()
        self.filters = FilterBar()
        self.filters.changed.connect(self._apply_filters)
        self.table = self._build_table()
        self.empty_card = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_card)
        self.item_bar = self._build_item_buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.item_bar)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self._host.db

    # Building --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.advance_action = QAction(_tr("Next step"), self)
        self.advance_action.setObjectName("advanceItem")
        self.advance_action.setShortcut(QKeySequence("Ctrl+Right"))
        self.undo_step_action = QAction(_tr("Undo step"), self)
        self.undo_step_action.setObjectName("undoItemStep")
        self.undo_step_action.setShortcut(QKeySequence("Ctrl+Left"))
        for action, slot in ((self.advance_action, self.advance), (self.undo_step_action, self.undo_step)):
            # Only while the tracker has the keyboard: elsewhere these keys move the text cursor.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _build_header(self) -> QHBoxLayout:
        self.summary = label("", "card-title", wrap=False)
        self.summary.setObjectName("trackerSummary")
        self.summary.setAccessibleName(_tr("Records summary"))
        self.add_button = QPushButton(_tr("Add item…"))
        self.add_button.setToolTip(_tr("Add a record, scan or slide the second doctor needs"))
        self.usual_button = QPushButton(_tr("Add usual items…"))
        self.usual_button.setToolTip(_tr("Choose from the records a second doctor usually asks for in this kind of case"))
        self.letter_button = QPushButton(_tr("Request letter…"))
        self.letter_button.setToolTip(_tr("Write a letter asking one holder for their records, as a PDF to print"))
        self.add_button.clicked.connect(self.add_item)
        self.usual_button.clicked.connect(self.add_usual_items)
        self.letter_button.clicked.connect(self.write_letter)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.summary)
        row.addStretch(1)
        for button in (self.add_button, self.usual_button, self.letter_button):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("trackerTable")
        table.setAccessibleName(_tr("Record items"))
        table.setAccessibleDescription(_tr(
            "Enter opens the selected item, Ctrl+Right moves it to its next step, Ctrl+Left undoes its "
            "latest step, Delete moves it to the trash."))
        table.setModel(self.proxy)
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
        header.setSortIndicatorClearable(True)  # a third click goes back to the order they were added
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        # Fixed widths from the font, not from the rows: a case with thousands of items opens at once.
        small = metrics.horizontalAdvance  # the second lines are drawn a tenth smaller
        for column, width in ((HOLDER, small("☎ (555) 000-0000  Fax (555) 000-0000") * 0.9),
                              (STATUS, small("Not confirmed") * 0.9 + 14 + 24), (DUE, small("30 Sep 2026")),
                              (NEXT, max(small("Holder sends it"), small("2 follow-ups · 30 Sep") * 0.9))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(width) + 26)
        table.activated.connect(lambda _index: self.edit_item())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.delete_item)
        return table

    def _build_empty_state(self) -> QWidget:
        card = Card(_tr("What the second doctor needs"))
        card.body.addWidget(label(_tr(
            "List every record the second doctor needs: notes, reports, scans on disc, slides. "
            "Start from the usual items for this kind of case, or add them one by one."), "field-value"))
        start = set_role(QPushButton(_tr("Add the usual items…")), "primary")
        start.clicked.connect(self.add_usual_items)
        card.body.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(640)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(card)
        box.addStretch(1)
        return holder

    def _build_item_buttons(self) -> QWidget:
        self.advance_button = set_role(QPushButton(_tr("Next step")), "primary")
        self.advance_button.setObjectName("advanceButton")
        self.advance_button.clicked.connect(self.advance_action.trigger)
        self.undo_step_button = QPushButton(_tr("Undo step"))
        self.undo_step_button.setObjectName("undoStepButton")
        self.undo_step_button.clicked.connect(self.undo_step_action.trigger)
        self.edit_button = QPushButton(_tr("Open…"))
        self.edit_button.setToolTip(_tr("See and change every detail, the timeline and the follow-ups (Enter)"))
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button = set_role(QPushButton(_tr("Delete")), "danger")
        self.delete_button.setToolTip(_tr("Move the item to the trash; Ctrl+Z brings it back (Delete)"))
        self.delete_button.clicked.connect(self.delete_item)
        self.shown_count = label("", "field-value", wrap=False)
        self.shown_count.setObjectName("shownCount")
        hint = label(_tr("{advance} next step · {undo} undo step · Enter opens").format(
            advance=_shortcut_text(self.advance_action), undo=_shortcut_text(self.undo_step_action)), "muted", wrap=False)
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for button in (self.advance_button, self.undo_step_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.shown_count)
        row.addSpacing(12)
        row.addWidget(hint)
        return bar

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        self.case = case
        self.model.load(self.db, case.id)
        self._after_reload(None)

    def reload(self, select: int | None = None) -> None:
        """Read the case's items again, keeping the selection (or selecting ``select``)."""
        keep = select if select is not None else self.selected_item_id()
        self.model.reload()
        self._after_reload(keep)

    def _after_reload(self, select: int | None) -> None:
        self.filters.offer(self.model.rows)
        self._apply_filters()
        listed = self.model.rowCount() > 0
        self.pages.setCurrentWidget(self.table if listed else self.empty_card)
        self.filters.setVisible(listed)  # nothing to filter or act on until the list has items
        self.item_bar.setVisible(listed)
        self._show_counts()
        self.select_item(select)
        self._update_buttons()

    def _apply_filters(self) -> None:
        self.filters.apply_to(self.proxy)
        self._show_counts()
        self._update_buttons()

    def _show_counts(self) -> None:
        self.summary.setText(summary_text(self.model.summary()))
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.shown_count.setText(_tr("Showing {shown} of {total}").format(shown=shown, total=total)
                                 if self.proxy.active else "")

    # Selection -------------------------------------------------------------------------------

    def selected_item_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(ROW_ID_ROLE)

    def selected_row(self) -> TrackerRow | None:
        number = self.model.row_of(self.selected_item_id())
        return None if number is None else self.model.row_at(number)

    def select_item(self, item_id: int | None) -> None:
        row = self.model.row_of(item_id)
        index = self.proxy.mapFromSource(self.model.index(row, ITEM)) if row is not None else None
        if index is not None and index.isValid():  # a filtered-out item stays unselected
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def _update_buttons(self, *_: object) -> None:
        row = self.selected_row()
        can_advance = row is not None and row.next_step is not None
        self.advance_action.setEnabled(can_advance)
        self.advance_button.setEnabled(can_advance)
        self.advance_button.setText(advance_label(row.next_step) if row is not None else _tr("Next step"))
        if self.advance_button.property("role") != ("primary" if can_advance else ""):
            set_role(self.advance_button, "primary" if can_advance else "")  # a disabled button looks it
            repolish(self.advance_button)
        self.advance_button.setAccessibleName(self.advance_button.text())
        self.advance_button.setToolTip(_tr("Move the selected item to its next step, dated today ({key})").format(
            key=_shortcut_text(self.advance_action)))
        can_undo = row is not None and row.status is not Step.NEEDED
        self.undo_step_action.setEnabled(can_undo)
        self.undo_step_button.setEnabled(can_undo)
        self.undo_step_button.setToolTip(_tr(
            "Take back the selected item's latest step; it stays in the timeline, marked undone ({key})").format(
            key=_shortcut_text(self.undo_step_action)))
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.letter_button.setEnabled(self.model.rowCount() > 0)

    # Moving items along ----------------------------------------------------------------------

    def advance(self) -> None:
        row = self.selected_row()
        if row is None or row.next_step is None:
            return
        self._host.undo_stack.push(AdvanceCommand(self.db, row.id, row.label, self._step_changed, self._report))

    def undo_step(self) -> None:
        row = self.selected_row()
        if row is None or row.status is Step.NEEDED:
            return
        self._host.undo_stack.push(UndoStepCommand(self.db, row.id, row.label, self._step_changed, self._report))

    def _step_changed(self, item_id: int) -> None:
        self._follow(item_id)
        number = self.model.row_of(item_id)
        if number is not None:
            row = self.model.row_at(number)
            self._say(_tr("“{item}”: now {status}. Ctrl+Z takes it back.").format(
                item=row.label, status=step_label(row.status)))

    def _follow(self, item_id: int | None) -> None:
        """Show the changed item: here, or in its own case when undo reached back to another case."""
        self.reload(select=item_id)
        if item_id is None or self.model.row_of(item_id) is not None:
            return
        try:
            case_id = record_items.get(self.db, item_id).case_id
        except OpinionKitError:
            return  # it is in the trash: nothing to show
        show_case = getattr(self._host.window, "show_case", None)
        if callable(show_case):
            show_case(case_id, section="records")
            self.select_item(item_id)

    # Items -----------------------------------------------------------------------------------

    def add_item(self) -> None:
        if self.case is not None:
            self._open_item(None)

    def edit_item(self) -> None:
        item_id = self.selected_item_id()
        if item_id is not None:
            self._open_item(item_id)

    def _open_item(self, item_id: int | None) -> None:
        from opinionkit.ui.records.item_dialog import ItemDialog

        assert self.case is not None
        try:
            dialog = ItemDialog(self.db, self.case.id or 0, item_id, parent=self.window())
        except OpinionKitError as error:
            show_error(self.window(), error)
            self.reload()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select=dialog.saved.id if dialog.saved else item_id))
        dialog.rejected.connect(lambda: self.reload(select=item_id))  # follow-ups are kept as they are added
        dialog.open()

    def delete_item(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        self._host.undo_stack.push(TrashCommand(
            self.db, "record_items", row.id, "record item", row.label,
            lambda _table, item_id, present: self._follow(item_id if present else None),
            self._report,
        ))
        self._say(_tr("Moved “{item}” to the trash. Ctrl+Z brings it back.").format(item=row.label))

    def add_usual_items(self) -> None:
        from opinionkit.ui.records.checklist_dialog import ChecklistDialog

        if self.case is None:
            return
        dialog = ChecklistDialog(self.db, self.case.id or 0, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select=dialog.added[0].id if dialog.added else None))
        dialog.open()

    def write_letter(self) -> None:
        from opinionkit.ui.records.letter_dialog import LetterDialog

        if self.case is None:
            return
        row = self.selected_row()
        dialog = LetterDialog(self.db, self._host.data_dir, self.case.id or 0,
                              holder_id=row.holder_id if row else None, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.kept.connect(self._letter_kept)
        dialog.open()

    def _letter_kept(self) -> None:
        refresh = getattr(self._host.window, "refresh", None)
        if callable(refresh):
            refresh()  # the Documents section lists the new letter
        else:
            self.reload()

    # Keys and messages -----------------------------------------------------------------------


    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr(
                "This could not be done because the item changed in the meantime. Nothing was changed."))
        show_error(self.window(), error)
        self.reload()
