"""The questions of a case: the ordered list with each doctor's asked and answered marks, and the sheet to print.

Ctrl+Up and Ctrl+Down move the selected question (or drag it); Delete moves it
to the trash. Both go on the window's undo stack. Enter opens the question, or
the answer when the cursor is in a doctor's column.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case
from opinionkit.core.domain.questions import QuestionRow
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import questions
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.style import set_role
from opinionkit.ui.undo import TrashCommand
from opinionkit.ui.visit.question_commands import ReorderCommand
from opinionkit.ui.visit.question_model import FIRST_DOCTOR, FOR, NUMBER, QUESTION, ROW_ID_ROLE, QuestionTableModel

if TYPE_CHECKING:
    from sqlite_utils import Database

    from opinionkit.ui.sections import SectionHost

ROW_HEIGHT = 44  # two lines of a long question


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def _keys(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class QuestionsPage(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.model = QuestionTableModel(host.db, self)
        self.model.reorder_requested.connect(self._reorder_to)

        self._build_actions()
        header = self._build_header()
        self.table = self._build_table()
        self.empty_card = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_card)
        self.item_bar = self._build_item_buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.item_bar)
        self._update_buttons()

    @property
    def db(self) -> Database:
        return self._host.db

    # Building --------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.up_action = QAction(_tr("Move up"), self)
        self.up_action.setObjectName("moveQuestionUp")
        self.up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.down_action = QAction(_tr("Move down"), self)
        self.down_action.setObjectName("moveQuestionDown")
        self.down_action.setShortcut(QKeySequence("Ctrl+Down"))
        for action, offset in ((self.up_action, -1), (self.down_action, 1)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only while the list has the keys
            action.triggered.connect(lambda _checked=False, by=offset: self.move_selected(by))
            self.addAction(action)

    def _build_header(self) -> QHBoxLayout:
        self.summary = label("", "card-title", wrap=False)
        self.summary.setObjectName("questionsSummary")
        self.summary.setAccessibleName(_tr("Questions summary"))
        self.add_button = QPushButton(_tr("Add question…"))
        self.add_button.setToolTip(_tr("Add a question of your own"))
        self.add_button.clicked.connect(self.add_question)
        self.starter_button = QPushButton(_tr("Add starter questions"))
        self.starter_button.setToolTip(_tr("Add the suggested questions this list does not have yet"))
        self.starter_button.clicked.connect(self.add_starter_questions)
        self.print_button = QPushButton(_tr("Print question sheet…"))
        self.print_button.setToolTip(_tr("Save a PDF to print: a checklist for each doctor with room for the answers"))
        self.print_button.clicked.connect(self.print_sheet)
        self.answered = label("", "muted")  # wraps: one count per doctor
        self.answered.setObjectName("answeredCounts")
        self.answered.setAccessibleName(_tr("Answers by doctor"))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.summary)
        text.addWidget(self.answered)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addLayout(text, 1)
        for button in (self.add_button, self.starter_button, self.print_button):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("questionsTable")
        table.setAccessibleName(_tr("Questions"))
        table.setAccessibleDescription(_tr(
            "Enter opens the question, or the answer in a doctor's column; Ctrl+Up and Ctrl+Down move it; "
            "Delete moves it to the trash."))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDragDropOverwriteMode(False)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(36)
        table.activated.connect(self._activated)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.remove_selected)
        self.model.modelReset.connect(self._size_columns)
        return table

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(NUMBER, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(NUMBER, metrics.horizontalAdvance("99") + 26)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        names = [metrics.horizontalAdvance(d.name) for d in self.model.doctors]
        header.setSectionResizeMode(FOR, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FOR, metrics.horizontalAdvance(_tr("Every doctor")) + 30)  # a long name wraps
        for column in range(FIRST_DOCTOR, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width = max(names[column - FIRST_DOCTOR] * 1.1, metrics.horizontalAdvance(_tr("✓ Answered 30 Sep")))
            header.resizeSection(column, int(width) + 26)

    def _build_empty_state(self) -> QWidget:
        card = Card(_tr("Questions for the doctors"))
        card.body.addWidget(label(_tr(
            "Write down what you want to ask before each visit: the appointments are short. Start from the "
            "suggested questions about the diagnosis, the options, the benefits and downsides, and what the "
            "doctor would do in your place, then add your own."), "field-value"))
        start = set_role(QPushButton(_tr("Add the starter questions")), "primary")
        start.clicked.connect(self.add_starter_questions)
        own = QPushButton(_tr("Add your own…"))
        own.clicked.connect(self.add_question)
        buttons = QHBoxLayout()
        buttons.addWidget(start)
        buttons.addWidget(own)
        buttons.addStretch(1)
        card.body.addLayout(buttons)
        card.setMaximumWidth(640)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(card)
        box.addStretch(1)
        return holder

    def _build_item_buttons(self) -> QWidget:
        self.answer_button = set_role(QPushButton(_tr("Answer…")), "primary")
        self.answer_button.setObjectName("answerButton")
        self.answer_button.clicked.connect(lambda: self.answer())
        self.edit_button = QPushButton(_tr("Edit…"))
        self.edit_button.setToolTip(_tr("Change the question or whom it is for (Enter)"))
        self.edit_button.clicked.connect(self.edit_question)
        self.up_button = QPushButton(_tr("Move up"))
        self.up_button.setToolTip(_tr("Ask it earlier ({keys})").format(keys=_keys(self.up_action)))
        self.up_button.clicked.connect(self.up_action.trigger)
        self.down_button = QPushButton(_tr("Move down"))
        self.down_button.setToolTip(_tr("Ask it later ({keys})").format(keys=_keys(self.down_action)))
        self.down_button.clicked.connect(self.down_action.trigger)
        self.remove_button = set_role(QPushButton(_tr("Remove")), "danger")
        self.remove_button.setToolTip(_tr("Move the question to the trash; Ctrl+Z brings it back (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        hint = label(_tr("{up} / {down} or drag to reorder · Enter opens").format(
            up=_keys(self.up_action), down=_keys(self.down_action)), "muted", wrap=False)
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for button in (self.answer_button, self.edit_button, self.up_button, self.down_button, self.remove_button):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(hint)
        return bar

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        self.case = case
        self.model.load(case.id)
        self._after_reload(None)

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_question_id()
        column = self.table.currentIndex().column()
        self.model.reload()
        self._after_reload(keep, column)

    def _after_reload(self, select: int | None, column: int = QUESTION) -> None:
        listed = self.model.rowCount() > 0
        self.pages.setCurrentWidget(self.table if listed else self.empty_card)
        self.item_bar.setVisible(listed)
        count = self.model.rowCount()
        self.summary.setText(_tr("No questions yet") if not count else _tr("1 question") if count == 1
                             else _tr("{count} questions").format(count=count))
        self.answered.setText(" · ".join(
            _tr("{count} answered by {name}").format(count=self.model.answered_count(d.id or 0),
                                                     name=d.name.replace(" ", "\u00a0"))  # wrapped between doctors
            for d in self.model.doctors) if count else "")
        self.answered.setVisible(bool(self.answered.text()))
        self.select_question(select, column)
        self._update_buttons()

    # Selection -------------------------------------------------------------------------------

    def selected_question_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.data(ROW_ID_ROLE)

    def selected_row(self) -> QuestionRow | None:
        number = self.model.row_of(self.selected_question_id())
        return None if number is None else self.model.row_at(number)

    def select_question(self, question_id: int | None, column: int = QUESTION) -> None:
        row = self.model.row_of(question_id)
        if row is None:
            return
        index = self.model.index(row, column if 0 <= column < self.model.columnCount() else QUESTION)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_buttons(self, *_: object) -> None:
        row = self.selected_row()
        has_row = row is not None
        number = self.model.row_of(row.question.id) if row else None
        self.edit_button.setEnabled(has_row)
        self.remove_button.setEnabled(has_row)
        self.up_action.setEnabled(has_row and number != 0)
        self.down_action.setEnabled(has_row and number != self.model.rowCount() - 1)
        self.up_button.setEnabled(self.up_action.isEnabled())
        self.down_button.setEnabled(self.down_action.isEnabled())
        can_answer = has_row and bool(self.model.doctors)
        self.answer_button.setEnabled(can_answer)
        self.answer_button.setToolTip(
            _tr("Mark the question asked, or write down a doctor's answer (Enter in a doctor's column)")
            if self.model.doctors else _tr("Choose the doctors in the case details first"))
        self.print_button.setEnabled(self.case is not None)

    # Questions -------------------------------------------------------------------------------

    def add_question(self) -> None:
        if self.case is not None:
            self._open_question(None)

    def edit_question(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._open_question(row)

    def _open_question(self, row: QuestionRow | None) -> None:
        from opinionkit.ui.visit.question_dialogs import QuestionDialog

        assert self.case is not None
        dialog = QuestionDialog(self.db, self.case.id or 0, self.model.doctors,
                                row.question if row else None, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select=dialog.saved.id))
        dialog.open()

    def add_starter_questions(self) -> None:
        if self.case is None:
            return
        try:
            added = questions.add_starter_questions(self.db, self.case.id or 0)
        except OpinionKitError as error:
            show_error(self.window(), error)
            return
        self.reload(select=added[0].id if added else None)
        self._say(_tr("Added {count} suggested questions.").format(count=len(added)) if added
                  else _tr("Every suggested question is already on the list."))

    def answer(self, column: int | None = None) -> None:
        from opinionkit.ui.visit.question_dialogs import AnswerDialog

        row = self.selected_row()
        if row is None or not self.model.doctors:
            return
        doctor = self.model.doctor_at(self.table.currentIndex().column() if column is None else column)
        dialog = AnswerDialog(self.db, row, self.model.doctors, doctor.id if doctor else None, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        question_id = row.question.id
        dialog.accepted.connect(lambda: self.reload(select=question_id))
        dialog.open()

    def _activated(self, index: QModelIndex) -> None:
        if self.model.doctor_at(index.column()) is not None:
            self.answer(index.column())
        else:
            self.edit_question()

    # Order and removal (undoable) ---------------------------------------------------------------

    def move_selected(self, offset: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        order = [r.question.id or 0 for r in self.model.rows]
        index = order.index(row.question.id or 0)
        target = max(0, min(len(order) - 1, index + offset))
        if target != index:
            order.insert(target, order.pop(index))
            self._push_order(order, row.question.id or 0)

    def _reorder_to(self, order: list[int]) -> None:
        current = [r.question.id or 0 for r in self.model.rows]
        moved = next((a for a, b in zip(order, current, strict=True) if a != b), order[0])
        self._push_order(order, moved)

    def _push_order(self, order: list[int], moved: int) -> None:
        assert self.case is not None
        before = [r.question.id or 0 for r in self.model.rows]
        self._host.undo_stack.push(ReorderCommand(
            self.db, self.case.id or 0, before, order, moved, lambda ident: self.reload(select=ident), self._report))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        text = row.question.text
        short = text if len(text) <= 60 else text[:59] + "…"
        self._host.undo_stack.push(TrashCommand(
            self.db, questions.TABLE, row.question.id or 0, questions.KIND, short,
            lambda _table, ident, present: self.reload(select=ident if present else None), self._report))
        self._say(_tr("Moved “{question}” to the trash. Ctrl+Z brings it back.").format(question=short))

    # The printed sheet -------------------------------------------------------------------------

    def print_sheet(self) -> None:
        from opinionkit.ui.visit.question_sheet_pdf import save_question_sheet

        if self.case is None:
            return
        try:
            path = save_question_sheet(self.window(), self.db, self.case)
        except OpinionKitError as error:
            show_error(self.window(), error)
            return
        if path is not None:
            self._say(_tr("Saved the question sheet as {path}.").format(path=path))

    # Keys and messages -----------------------------------------------------------------------


    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr("This could not be done because the list changed in the meantime. "
                                        "Nothing was changed."))
        show_error(self.window(), error)
        self.reload()
