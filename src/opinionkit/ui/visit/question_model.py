"""A case's questions as a table: number, question, whom it is for, then one column per doctor.

A doctor's cell says whether they were asked or answered, in words with a sign;
its tooltip holds the answer. Rows are dragged to reorder them: the model does
not move anything itself, it asks for the new order with ``reorder_requested``
and is reloaded once the order is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QByteArray, QCoreApplication, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QColor
from sqlite_utils import Database

from opinionkit.core.domain import Provider
from opinionkit.core.domain.questions import AnswerState, QuestionRow
from opinionkit.core.services import questions
from opinionkit.ui.records.labels import day_month

NUMBER, QUESTION, FOR = range(3)
#: The first doctor's column; the others follow in the order of ``questions.doctors``.
FIRST_DOCTOR = 3
#: The question's id, for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: A doctor column's provider id (cells and header).
PROVIDER_ROLE = Qt.ItemDataRole.UserRole + 2
#: "answered", "asked", "" (not yet) or "other" (the question is for another doctor).
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-opinionkit-question-ids"
MUTED = QColor("#5f6f7f")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def state_of(row: QuestionRow, provider_id: int) -> str:
    if row.question.for_provider_id not in (None, provider_id):
        return "other"
    answer = row.answers.get(provider_id)
    if answer is None:
        return ""
    return "answered" if answer.state is AnswerState.ANSWERED else "asked"


class QuestionTableModel(QAbstractTableModel):
    reorder_requested = Signal(list)  # every question id, in the order asked for

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._rows: list[QuestionRow] = []
        self._doctors: list[Provider] = []
        self._names: dict[int, str] = {}

    # Loading ---------------------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self._case_id is None:
            self._rows, self._doctors = [], []
        else:
            self._rows = questions.question_rows(self._db, self._case_id)
            self._doctors = questions.doctors(self._db, self._case_id)
        self._names = {d.id or 0: d.name for d in self._doctors}
        self.endResetModel()

    @property
    def rows(self) -> list[QuestionRow]:
        return list(self._rows)

    @property
    def doctors(self) -> list[Provider]:
        return list(self._doctors)

    def row_at(self, row: int) -> QuestionRow:
        return self._rows[row]

    def row_of(self, question_id: int | None) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.question.id == question_id), None)

    def doctor_at(self, column: int) -> Provider | None:
        index = column - FIRST_DOCTOR
        return self._doctors[index] if 0 <= index < len(self._doctors) else None

    def column_of(self, provider_id: int | None) -> int | None:
        return next((FIRST_DOCTOR + n for n, d in enumerate(self._doctors) if d.id == provider_id), None)

    def answered_count(self, provider_id: int) -> int:
        return sum(state_of(row, provider_id) == "answered" for row in self._rows)

    # The model -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_DOCTOR + len(self._doctors)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        doctor = self.doctor_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return doctor.name if doctor else [_tr("#"), _tr("Question"), _tr("For")][section]
        if role == Qt.ItemDataRole.ToolTipRole and doctor is not None:
            return ", ".join(p for p in (doctor.name, doctor.specialty, doctor.institution) if p)
        if role == PROVIDER_ROLE and doctor is not None:
            return doctor.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # between rows: where a dragged question lands
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        doctor = self.doctor_at(column)
        if role == ROW_ID_ROLE:
            return row.question.id
        if role == PROVIDER_ROLE:
            return doctor.id if doctor else None
        if role == STATE_ROLE:
            return state_of(row, doctor.id or 0) if doctor else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), row, column, doctor)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(row, column, doctor)
        if role == Qt.ItemDataRole.ForegroundRole and (column == NUMBER or (
                doctor is not None and state_of(row, doctor.id or 0) in ("other", "asked"))):
            return MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole and column == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, number: int, row: QuestionRow, column: int, doctor: Provider | None) -> str:
        if column == NUMBER:
            return str(number + 1)
        if column == QUESTION:
            return row.question.text
        if column == FOR:
            ident = row.question.for_provider_id
            return _tr("Every doctor") if ident is None else self._names.get(ident, "")
        assert doctor is not None
        state = state_of(row, doctor.id or 0)
        answer = row.answers.get(doctor.id or 0)
        when = day_month(answer.on_date) if answer else ""
        if state == "answered":
            return _tr("✓ Answered {date}").format(date=when).strip()
        if state == "asked":
            return _tr("◐ Asked {date}").format(date=when).strip()
        if state == "other":
            return "—"
        return ""

    def _tooltip(self, row: QuestionRow, column: int, doctor: Provider | None) -> str:
        if doctor is None:
            return self._text(0, row, column, None) if column != NUMBER else ""
        state = state_of(row, doctor.id or 0)
        if state == "other":
            return _tr("This question is for {name} only.").format(
                name=self._names.get(row.question.for_provider_id or 0, ""))
        if state == "answered":
            return _tr("{name} answered: {answer}").format(name=doctor.name,
                                                            answer=row.answers[doctor.id or 0].answer)
        if state == "asked":
            return _tr("Asked {name}; no answer written down yet.").format(name=doctor.name)
        return _tr("Not asked {name} yet.").format(name=doctor.name)

    # Dragging rows -------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        idents = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        text = ",".join(str(self._rows[r].question.id) for r in idents)
        data.setData(MIME_TYPE, QByteArray(text.encode("ascii")))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        return action == Qt.DropAction.MoveAction and data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex) -> bool:
        """Ask for the order with the dragged questions before ``row``; returns False, as nothing moved here.

        (Returning True for a move would have the view remove the dragged rows itself.)
        """
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        moved = [int(part) for part in bytes(data.data(MIME_TYPE).data()).decode("ascii").split(",") if part]
        current = [r.question.id or 0 for r in self._rows]
        if not moved or not set(moved) <= set(current):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(current)
        before = [ident for ident in current[:row] if ident not in moved]
        after = [ident for ident in current[row:] if ident not in moved]
        order = before + moved + after
        if order != current:
            self.reorder_requested.emit(order)
        return False
