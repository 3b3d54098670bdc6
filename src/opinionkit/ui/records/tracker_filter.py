"""Which tracker rows are shown: by status, kind and holder, and only the late or unconfirmed ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from opinionkit.core.domain.records import RecordKind, Step
from opinionkit.ui.records.tracker_model import SORT_ROLE, TrackerTableModel

#: The holder filter's value for items that have no holder yet.
NO_HOLDER = -1


class TrackerFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.status: Step | None = None
        self.kind: RecordKind | None = None
        self.holder_id: int | None = None
        self.overdue_only = False
        self.unconfirmed_only = False

    def set_filters(self, *, status: Step | None = None, kind: RecordKind | None = None,
                    holder_id: int | None = None, overdue_only: bool = False,
                    unconfirmed_only: bool = False) -> None:
        self.beginFilterChange()
        self.status, self.kind, self.holder_id = status, kind, holder_id
        self.overdue_only, self.unconfirmed_only = overdue_only, unconfirmed_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if isinstance(model, TrackerTableModel):  # the model's keys directly: one call per comparison
            return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())
        return super().lessThan(left, right)

    @property
    def active(self) -> bool:
        return any((self.status, self.kind, self.holder_id is not None, self.overdue_only, self.unconfirmed_only))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TrackerTableModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if self.status is not None and row.status is not self.status:
            return False
        if self.kind is not None and row.kind is not self.kind:
            return False
        if self.holder_id is not None and (row.holder_id or NO_HOLDER) != self.holder_id:
            return False
        if self.overdue_only and not row.overdue:
            return False
        return not (self.unconfirmed_only and not row.shipment_unconfirmed)
