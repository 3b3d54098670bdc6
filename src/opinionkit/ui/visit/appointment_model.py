"""A case's appointments as a table: when, with whom and what kind, where, records due, and flags.

Each cell has a main line and a quieter one under it (SECONDARY_ROLE, drawn by the
tracker's two-line delegate): the time under the day, the kind under the doctor.

Past appointments and appointments that overlap another one (of any of the
person's cases) are allowed, and flagged in words with a sign and an icon.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Provider
from opinionkit.core.domain.appointments import Appointment
from opinionkit.core.services import appointments, providers
from opinionkit.ui.records.labels import short_date
from opinionkit.ui.records.tracker_model import SECONDARY_ROLE
from opinionkit.ui.visit.labels import appointment_kind_label, day_text, in_days_text

WHEN, DOCTOR, PLACE, DUE, FLAGS = range(5)
COLUMN_COUNT = 5
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The flags of a row, as a set of "past", "today", "overlap".
FLAGS_ROLE = Qt.ItemDataRole.UserRole + 2
OVERLAP_TINT = QColor("#fff3dc")
MUTED = QColor("#5f6f7f")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def flags_text(flags: set[str]) -> str:
    parts = []
    if "overlap" in flags:
        parts.append(_tr("⚠ Overlaps"))
    if "today" in flags:
        parts.append(_tr("● Today"))
    if "past" in flags:
        parts.append(_tr("✓ Past"))
    return " · ".join(parts)


def _place_lines(visit: Appointment) -> tuple[str, str]:
    """The place over two lines (the building, then the street), or the link."""
    building, _comma, rest = visit.place.partition(", ")
    if not visit.place:
        return visit.link, ""
    return building, " · ".join(part for part in (rest, visit.link) if part)


class AppointmentTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._rows: list[Appointment] = []
        self._doctors: dict[int, Provider] = {}
        self._today = dates.today()
        self._flags: list[set[str]] = []
        self._warning: QIcon | None = None

    def load(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        today = dates.today()
        if self._case_id is None:
            self._rows, overlapping = [], set()
        else:
            self._rows = appointments.list_for_case(self._db, self._case_id)
            overlapping = {a.id for pair in appointments.overlaps(self._db, self._case_id) for a in pair}
        self._today = today
        self._doctors = {ident: providers.get(self._db, ident)
                         for ident in {a.provider_id for a in self._rows if a.provider_id is not None}}
        self._flags = [
            ({"overlap"} if a.id in overlapping else set())
            | ({"past"} if a.day < today else {"today"} if a.day == today else set())
            for a in self._rows
        ]
        self.endResetModel()

    @property
    def rows(self) -> list[Appointment]:
        return list(self._rows)

    def appointment_at(self, row: int) -> Appointment:
        return self._rows[row]

    def row_of(self, appointment_id: int | None) -> int | None:
        return next((n for n, a in enumerate(self._rows) if a.id == appointment_id), None)

    def flags_at(self, row: int) -> set[str]:
        return set(self._flags[row])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return [_tr("When"), _tr("Doctor and kind"), _tr("Place or link"), _tr("Records due by"),
                    _tr("Flags")][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        visit, column, flags = self._rows[index.row()], index.column(), self._flags[index.row()]
        if role == ROW_ID_ROLE:
            return visit.id
        if role == FLAGS_ROLE:
            return set(flags)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(visit, column, flags)
        if role == SECONDARY_ROLE:
            return self._secondary(visit, column, flags)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(p for p in (self._text(visit, column, flags), self._secondary(visit, column, flags)) if p)
        if role == Qt.ItemDataRole.DecorationRole and column == FLAGS and "overlap" in flags:
            return self._warning_icon()
        if role == Qt.ItemDataRole.BackgroundRole and "overlap" in flags:
            return OVERLAP_TINT
        if role == Qt.ItemDataRole.ForegroundRole and "past" in flags:
            return MUTED
        return None

    def _text(self, visit: Appointment, column: int, flags: set[str]) -> str:
        if column == WHEN:
            return day_text(visit.day)
        if column == DOCTOR:
            return self._doctors[visit.provider_id].name if visit.provider_id in self._doctors else _tr("Not chosen yet")
        if column == PLACE:
            return _place_lines(visit)[0]
        if column == DUE:
            return short_date(visit.records_due_by)
        return flags_text(flags)

    def _secondary(self, visit: Appointment, column: int, flags: set[str]) -> str:
        """The quieter line under each cell: time and length, the doctor's specialty, how far off, the link."""
        if column == WHEN:
            return _tr("{time} · {minutes} min").format(time=f"{visit.start:%H:%M}", minutes=visit.duration_minutes)
        if column == DOCTOR:
            return f"{appointment_kind_label(visit.kind)} · {in_days_text((visit.day - self._today).days)}"
        if column == PLACE:
            return _place_lines(visit)[1]
        if column == DUE and visit.records_due_by:
            return _tr("3 working days before") if visit.records_due_by == appointments.default_records_due_by(
                visit.starts_at) else _tr("chosen by you")
        if column == FLAGS and "past" in flags:
            return _tr("notes written") if visit.notes_after else _tr("no notes yet")
        return ""

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            self._warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning
