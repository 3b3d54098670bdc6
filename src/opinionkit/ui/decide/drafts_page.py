"""Questions for each doctor, drafted from where the opinions differ: edit them, tick those to keep, add them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.decide import question_drafts
from opinionkit.core.decide.question_drafts import Draft
from opinionkit.core.domain import Case
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import providers
from opinionkit.core.storage.database import open_database
from opinionkit.ui.details import label
from opinionkit.ui.errors import show_error
from opinionkit.ui.style import set_role
from opinionkit.ui.tasks import Task

QUESTION, FOR, WHY = range(3)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("decide", text, disambiguation, n)


def draft_questions(data_dir: Path, case_id: int, opinion_ids: Sequence[int] | None, *,
                    progress: Callable[[int, int], None], cancel: threading.Event) -> list[Draft]:
    db = open_database(data_dir)
    try:
        return question_drafts.draft(db, case_id, opinion_ids)
    finally:
        db.close()


class DraftsPage(QWidget):
    """The drafts in a table: the question (editable, ticked to keep), who it is for, and why."""

    drafted = Signal(int)  # how many drafts are shown

    def __init__(self, db: Database, data_dir: Path, opinion_ids: Callable[[], list[int] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.data_dir, self._opinion_ids = db, data_dir, opinion_ids
        self.case: Case | None = None
        self.drafts: list[Draft] = []
        self.task: Task | None = None

        self.intro = label(_tr("Draft questions from where the opinions differ. Change the wording as you like, "
                               "untick those you do not want, then add them to the case's questions; each is "
                               "marked with the doctor it is for."), "muted")
        self.draft_button = QPushButton(_tr("&Draft questions"))
        self.draft_button.setAccessibleName(_tr("Draft questions from the differences"))
        self.draft_button.clicked.connect(self.draft)
        self.add_button = QPushButton(_tr("&Add to the case's questions"))
        self.add_button.setAccessibleName(_tr("Add the ticked questions to the case's questions"))
        set_role(self.add_button, "primary")
        self.add_button.clicked.connect(self.add_kept)
        self.add_button.setEnabled(False)
        self.status = label("", "muted")

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("draftsTable")
        self.table.setAccessibleName(_tr("Drafted questions"))
        self.table.setHorizontalHeaderLabels([_tr("Question (tick to keep)"), _tr("For"), _tr("Why")])
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FOR, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FOR, 190)
        header.resizeSection(WHY, 320)
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())
        self.table.itemChanged.connect(lambda _item: self.table.resizeRowsToContents())

        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def show_case(self, case: Case) -> None:
        if self.case is None or self.case.id != case.id:
            self._show([])
        self.case = case

    def draft(self) -> Task | None:
        if self.case is None:
            return None
        self.status.setText(_tr("Drafting…"))
        self.draft_button.setEnabled(False)
        task = Task(draft_questions, self.data_dir, self.case.id, self._opinion_ids())
        task.finished.connect(self._drafted)
        task.failed.connect(self._failed)
        self.task = task
        return task.start()

    def kept(self) -> list[Draft]:
        """The ticked drafts, with the text as edited."""
        found = []
        for row, item in enumerate(self.drafts):
            cell = self.table.item(row, QUESTION)
            if cell.checkState() == Qt.CheckState.Checked:
                found.append(Draft(cell.text(), item.opinion_id, item.for_provider_id, item.row_key, item.reason))
        return found

    def add_kept(self) -> None:
        if self.case is None:
            return
        try:
            added = question_drafts.add_drafts(self.db, self.case.id, self.kept())
        except OpinionKitError as error:
            show_error(self, error)
            return
        self.status.setText(_tr("Added %n question(s) to the case's questions.", "", len(added))
                            if added else _tr("Those questions are on the case's list already."))

    def _drafted(self, drafts: list[Draft]) -> None:
        self.task = None
        self.draft_button.setEnabled(True)
        self._show(drafts)
        self.status.setText(_tr("%n question(s) drafted.", "", len(drafts)) if drafts else _tr(
            "No questions to draft: the opinions do not differ where a question would help, or there are "
            "fewer than two."))
        self.drafted.emit(len(drafts))

    def _failed(self, error: Exception) -> None:
        self.task = None
        self.draft_button.setEnabled(True)
        self.status.setText("")
        if isinstance(error, OpinionKitError):
            show_error(self, error)
        else:
            raise error

    def _show(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.table.blockSignals(True)
        self.table.setRowCount(len(drafts))
        for row, item in enumerate(drafts):
            question = QTableWidgetItem(item.text)
            question.setFlags(question.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            question.setCheckState(Qt.CheckState.Checked)
            who = (providers.get(self.db, item.for_provider_id).name if item.for_provider_id is not None
                   else _tr("Every doctor"))
            self.table.setItem(row, QUESTION, question)
            for column, text in ((FOR, who), (WHY, item.reason)):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        self.add_button.setEnabled(bool(drafts))
