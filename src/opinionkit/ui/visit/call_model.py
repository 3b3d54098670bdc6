"""The calls with the insurer as a table: date, representative, reference number and what was said."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from sqlite_utils import Database

from opinionkit.core.domain.coverage import InsurerCall
from opinionkit.core.services import coverage
from opinionkit.ui.records.labels import short_date

DATE, REPRESENTATIVE, REFERENCE, SAID = range(4)
COLUMN_COUNT = 4
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class CallTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._calls: list[InsurerCall] = []

    def load(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        # Newest first: the latest call is the one people look for.
        self._calls = [] if self._case_id is None else coverage.calls(self._db, self._case_id)[::-1]
        self.endResetModel()

    def call_at(self, row: int) -> InsurerCall:
        return self._calls[row]

    def row_of(self, call_id: int | None) -> int | None:
        return next((n for n, c in enumerate(self._calls) if c.id == call_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._calls)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return [_tr("Date"), _tr("Representative"), _tr("Reference"), _tr("What was said")][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._calls):
            return None
        call = self._calls[index.row()]
        if role == ROW_ID_ROLE:
            return call.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return [short_date(call.on_date), call.representative, call.reference_number, call.said][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # a call's lines read from its top
        return None
