"""The provider directory as a table model over the core's provider list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from sqlite_utils import Database

from opinionkit.core.domain import Provider
from opinionkit.core.services import providers
from opinionkit.ui.labels import kind_label

NAME, KIND, SPECIALTY, INSTITUTION, PHONE, FAX, EMAIL = range(7)
COLUMN_COUNT = 7
#: Returns the provider's id for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def _header(column: int) -> str:
    tr = QCoreApplication.translate
    return [
        tr("providers", "Name"), tr("providers", "Kind"), tr("providers", "Specialty"),
        tr("providers", "Institution"), tr("providers", "Phone"), tr("providers", "Fax"),
        tr("providers", "Email"),
    ][column]


class ProviderTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[Provider] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = providers.list_all(self._db)
        self.endResetModel()

    def provider_at(self, row: int) -> Provider:
        return self._rows[row]

    def row_of(self, provider_id: int) -> int | None:
        return next((row for row, p in enumerate(self._rows) if p.id == provider_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        provider = self._rows[index.row()]
        if role == ROW_ID_ROLE:
            return provider.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(provider, index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return _header(section)
        return None

    @staticmethod
    def _text(provider: Provider, column: int) -> str:
        if column == KIND:
            return kind_label(provider.kind)
        return [
            provider.name, "", provider.specialty, provider.institution,
            provider.phone, provider.fax, provider.email,
        ][column]
