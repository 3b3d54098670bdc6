"""One table model for every kind of health background record, shaped by column specs.

A kind's screen gives the model its columns (a header and how to show a
record in that column) and, optionally, which records are past history
(stopped medications, resolved conditions): those are greyed and, through
``HistorySortProxy``, always listed after the current ones, whichever column
the table is sorted by.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QColor

#: Returns the record's id for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: True for a record kept as history (a stopped medication, a resolved condition).
HISTORY_ROLE = Qt.ItemDataRole.UserRole + 2

HISTORY_COLOUR = QColor("#8a96a1")

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """How one column shows a record: ``text(record, context)``; ``sort_key`` when text would sort badly
    (dates are shown as words but sorted as ISO strings). ``width`` is in average characters; None
    shares out the width left."""

    title: str
    text: Callable[[Any, Any], str]
    sort_key: Callable[[Any, Any], Any] | None = None
    width: int | None = None


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], is_history: Callable[[Any], bool] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._is_history = is_history or (lambda _record: False)
        self._records: list[Any] = []
        self._context: Any = None

    def set_records(self, records: Sequence[Any], context: Any = None) -> None:
        """Show ``records``; ``context`` is handed to each column (the provider names, for instance)."""
        self.beginResetModel()
        self._records = list(records)
        self._context = context
        self.endResetModel()

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return next((row for row, record in enumerate(self._records) if record.id == record_id), None)

    def is_history(self, row: int) -> bool:
        return bool(self._is_history(self._records[row]))

    def sort_key(self, row: int, column: int) -> tuple[int, Any]:
        """What ``column`` sorts ``row`` by: empty values last, text without regard to case."""
        spec, record = self.columns[column], self._records[row]
        value = (spec.sort_key or spec.text)(record, self._context)
        if value is None or value == "":
            return (1, "")
        return (0, value.casefold() if isinstance(value, str) else value)

    # Qt's model interface ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == ROW_ID_ROLE:
            return record.id
        if role == HISTORY_ROLE:
            return self.is_history(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()].text(record, self._context)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[index.column()].text(record, self._context) or None  # the whole of elided text
        if role == Qt.ItemDataRole.ForegroundRole and self.is_history(index.row()):
            return HISTORY_COLOUR
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None


class HistorySortProxy(QSortFilterProxyModel):
    """Sorts by the model's sort keys, keeping current records above history in either order."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        left_history, right_history = model.is_history(left.row()), model.is_history(right.row())
        if left_history != right_history:
            # Descending order asks lessThan(right, left): answer so that history still comes last.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return left_history < right_history if ascending else left_history > right_history
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())
