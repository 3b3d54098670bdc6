"""A case's opinions as a table model: who gave each, when and how, and what it recommends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlite_utils import Database

from opinionkit.core.domain import Opinion
from opinionkit.core.services import opinions, providers
from opinionkit.ui.labels import friendly_date
from opinionkit.ui.opinions.labels import doctor_name, how_given_label

DOCTOR, SPECIALTY, DATE, HOW_GIVEN, TREATMENT = range(5)
COLUMN_COUNT = 5
#: The opinion's id, for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: "Not recorded" in the style sheet's colour for empty values.
EMPTY_COLOUR = QColor("#97a3ae")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def _header(column: int) -> str:
    return [_tr("Doctor"), _tr("Specialty"), _tr("Date"), _tr("How given"), _tr("Recommends")][column]


def one_line(text: str) -> str:
    """A long field as one line for a table cell; the view elides what does not fit."""
    return " ".join(text.split())


class OpinionTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._rows: list[Opinion] = []
        self.provider_names: dict[int, str] = {}

    def load(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [] if self._case_id is None else opinions.list_for_case(self._db, self._case_id)
        self.provider_names = {p.id: p.name for p in providers.list_all(self._db) if p.id is not None}
        self.endResetModel()

    @property
    def rows(self) -> list[Opinion]:
        return list(self._rows)

    def row_of(self, opinion_id: int | None) -> int | None:
        return next((number for number, o in enumerate(self._rows) if o.id == opinion_id), None)

    def opinion_at(self, row: int) -> Opinion:
        return self._rows[row]

    def name_of(self, opinion: Opinion) -> str:
        return doctor_name(opinion, self.provider_names)

    # The model -------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return _header(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        opinion, column = self._rows[index.row()], index.column()
        if role == ROW_ID_ROLE:
            return opinion.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(opinion, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TREATMENT:
            return opinion.recommended_treatment or None
        if role == Qt.ItemDataRole.ForegroundRole and not self._text(opinion, column, empty=""):
            return EMPTY_COLOUR
        return None

    def _text(self, opinion: Opinion, column: int, empty: str | None = None) -> str:
        if column == DOCTOR:
            return self.name_of(opinion)
        if column == SPECIALTY:
            text = opinion.specialty
        elif column == DATE:
            text = friendly_date(opinion.given_on)
        elif column == HOW_GIVEN:
            return how_given_label(opinion.how_given)
        else:
            text = one_line(opinion.recommended_treatment)
        return text or (_tr("Not recorded") if empty is None else empty)
