"""The comparison grid as a table: a topic column, one column per doctor, the key terms, the verdict and a note.

Rows that differ say so in words (and with a mark) as well as in colour.
Verdict and note are kept with ``set_verdict`` as soon as they are edited.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from sqlite_utils import Database

from opinionkit.core.decide import grid as grids
from opinionkit.core.decide.grid import Grid, GridRow, GridTerm
from opinionkit.core.domain import Verdict

ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_DIFFERS_BACKGROUND = QColor("#fff4dc")
_VERDICT_TEXTS = {
    Verdict.AGREE: "They agree",
    Verdict.DIFFER: "They differ",
    Verdict.ONLY_ONE: "Only one addresses it",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


def verdict_text(verdict: Verdict | None) -> str:
    return _tr(_VERDICT_TEXTS[verdict]) if verdict is not None else ""


def term_text(term: GridTerm, letters: str) -> str:
    """"gabapentin: recommended: 300 mg (A) vs recommended: 600 mg (B)"."""
    said = [f"{term.said(n)} ({letters[n]})" for n in range(len(term.stances))]
    return f"{term.term}: " + _tr(" vs ").join(said)


class GridModel(QAbstractTableModel):
    """One grid of a case; ``load`` takes a Grid built elsewhere (off the GUI thread)."""

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.grid: Grid | None = None

    # Columns: 0 topic, 1..n doctors, then key terms, verdict, note.
    @property
    def doctor_count(self) -> int:
        return len(self.grid.columns) if self.grid and self.grid.comparable else 0

    @property
    def terms_column(self) -> int:
        return 1 + self.doctor_count

    @property
    def verdict_column(self) -> int:
        return self.terms_column + 1

    @property
    def note_column(self) -> int:
        return self.terms_column + 2

    def load(self, found: Grid | None) -> None:
        self.beginResetModel()
        self.grid = found
        self.endResetModel()

    def rows(self) -> list[GridRow]:
        return self.grid.rows if self.grid and self.grid.comparable else []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.doctor_count else self.note_column + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section == 0:
            return _tr("Topic")
        if section <= self.doctor_count:
            return f"{self.grid.columns[section - 1]}\n({self._letters()[section - 1]})"  # type: ignore[union-attr]
        return {self.terms_column: _tr("Key terms"), self.verdict_column: _tr("Your verdict"),
                self.note_column: _tr("Your note")}.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows()) or index.column() >= self.columnCount():
            return None
        row, column = self.rows()[index.row()], index.column()
        if role == ROW_KEY_ROLE:
            return row.key
        if role == DIFFERS_ROLE:
            return row.differs
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_DIFFERS_BACKGROUND) if row.differs and column <= self.doctor_count else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return self._state(row)
        if role == Qt.ItemDataRole.EditRole:
            if column == self.verdict_column:
                return row.verdict.value if row.verdict else ""
            if column == self.note_column:
                return row.note
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.verdict_column, self.note_column):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Keep the verdict or note at once; a core error (a note too long) propagates to the caller."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.grid is None:
            return False
        row = self.rows()[index.row()]
        verdict, note = row.verdict, row.note
        if index.column() == self.verdict_column:
            verdict = Verdict(value) if value else None
        elif index.column() == self.note_column:
            note = str(value or "").strip()
        else:
            return False
        if (verdict, note) == (row.verdict, row.note):
            return False
        grids.set_verdict(self.db, self.grid.case_id, self.grid.opinion_ids, row.key, verdict, note)
        row.verdict, row.note = verdict, note
        self.dataChanged.emit(index, index)
        return True

    def row_of(self, key: str) -> int:
        return next((n for n, row in enumerate(self.rows()) if row.key == key), -1)

    def _display(self, row: GridRow, column: int) -> str:
        if column == 0:
            return f"{_tr(row.label)}\n{self._state(row)}"
        if column <= self.doctor_count:
            return row.texts[column - 1] or _tr("(not addressed)")
        if column == self.terms_column:
            # Terms all letters name alike say nothing about a difference; they would bury those that do.
            return "\n".join("• " + term_text(t, self._letters()) for t in row.terms if not t.agrees)
        if column == self.verdict_column:
            return verdict_text(row.verdict) or _tr("Choose…")
        return row.note

    def _state(self, row: GridRow) -> str:
        mark = "≠ " if row.differs else "= " if row.state is grids.RowState.SAME else ""
        return mark + _tr(row.state_text(self.grid.columns))  # type: ignore[union-attr]

    def _letters(self) -> str:
        return "ABC"
