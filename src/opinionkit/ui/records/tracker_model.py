"""A case's tracker as a table model over the core's tracker rows.

Each cell has a main line (DisplayRole) and a quieter second line
(SECONDARY_ROLE) that the row delegate draws under it: the kind and period
under the item, the phone and fax under the holder, a flag under the status.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.records import RecordSummary, Step, TrackerRow
from opinionkit.core.services import tracker
from opinionkit.ui.records.labels import day_month, days_between, kind_label, next_step_label, short_date, step_label

ITEM, HOLDER, STATUS, DUE, NEXT = range(5)
COLUMN_COUNT = 5
#: The item's id, for any cell of its row.
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the proxy sorts by: step order for the status, ISO dates for the due date.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The quieter second line of a cell.
SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 3
#: "overdue", "unconfirmed" or "": how the row stands out (the status cell draws it as a badge).
FLAG_ROLE = Qt.ItemDataRole.UserRole + 4

OVERDUE = "overdue"
UNCONFIRMED = "unconfirmed"
#: Row tints: warm for a late request, lavender (unlike the blue selection) for an unconfirmed parcel.
TINTS = {OVERDUE: QColor("#fff3dc"), UNCONFIRMED: QColor("#f1eff9")}

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_DATE = "9999-12-31"  # items without a due date sort after every dated one
_RANKS = {step: step.rank for step in Step}


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def _header(column: int) -> str:
    return [_tr("Record"), _tr("Held by"), _tr("Status"), _tr("Due"), _tr("Next step")][column]


def flag_of(row: TrackerRow) -> str:
    if row.overdue:
        return OVERDUE
    if row.shipment_unconfirmed:
        return UNCONFIRMED
    return ""


def flag_text(flag: str) -> str:
    return {OVERDUE: _tr("Overdue"), UNCONFIRMED: _tr("Not confirmed")}.get(flag, "")


class TrackerTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._case_id: int | None = None
        self._rows: list[TrackerRow] = []
        self._sort_keys: list[tuple[Any, ...]] = []  # per row, per column: computed once per reload
        self._today = dates.today()
        self._icons: dict[str, QIcon] = {}

    # Loading ---------------------------------------------------------------------------------

    def load(self, db: Database, case_id: int | None) -> None:
        """Show ``case_id``'s items (none for None), read afresh from ``db``."""
        self._db = db
        self._case_id = case_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._today = dates.today()
        self._rows = [] if self._case_id is None else tracker.tracker_rows(self._db, self._case_id, on=self._today)
        self._sort_keys = [tuple(_sort_key(row, column) for column in range(COLUMN_COUNT)) for row in self._rows]
        self.endResetModel()

    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def rows(self) -> list[TrackerRow]:
        return list(self._rows)

    def summary(self) -> RecordSummary:
        return tracker.summarize(self._rows)

    def row_at(self, row: int) -> TrackerRow:
        return self._rows[row]

    def sort_key(self, row: int, column: int) -> Any:
        """What SORT_ROLE returns, without a trip through data(): the proxy compares thousands."""
        return self._sort_keys[row][column]

    def row_of(self, item_id: int | None) -> int | None:
        return next((number for number, r in enumerate(self._rows) if r.id == item_id), None)

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
        row, column = self._rows[index.row()], index.column()
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._main(row, column)
        if role == SECONDARY_ROLE:
            return self._secondary(row, column)
        if role == FLAG_ROLE:
            return flag_of(row)
        if role == SORT_ROLE:
            return self._sort_keys[index.row()][column]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return "\n".join(part for part in (self._main(row, column), self._secondary(row, column)) if part)
        if role == Qt.ItemDataRole.BackgroundRole:
            flag = flag_of(row)
            return TINTS[flag] if flag else None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            flag = flag_of(row)
            return self._icon(flag) if flag else None
        return None

    # Cell texts ------------------------------------------------------------------------------

    def _main(self, row: TrackerRow, column: int) -> str:
        if column == ITEM:
            return row.description or kind_label(row.kind)
        if column == HOLDER:
            return row.holder_name or _tr("No holder chosen")
        if column == STATUS:
            return step_label(row.status)
        if column == DUE:
            return short_date(row.due_date) or _tr("No due date")
        return next_step_label(row.next_step, row.route)

    def _secondary(self, row: TrackerRow, column: int) -> str:
        if column == ITEM:
            parts = [kind_label(row.kind)] if row.description else []
            return " · ".join([*parts, row.period] if row.period else parts)
        if column == HOLDER:
            numbers = [_tr("☎ {number}").format(number=row.holder_phone) if row.holder_phone else "",
                       _tr("Fax {number}").format(number=row.holder_fax) if row.holder_fax else ""]
            return "  ".join(n for n in numbers if n)
        if column == STATUS:
            flag = flag_of(row)
            if flag:
                return flag_text(flag)
            since = row.step_dates.get(row.status)
            return _tr("on {date}").format(date=short_date(since)) if since else ""
        if column == DUE:
            return self._due_note(row)
        if row.followup_count:
            last = day_month(row.last_followup_on)
            if row.followup_count == 1:
                return _tr("1 follow-up · {date}").format(date=last)
            return _tr("{count} follow-ups · {date}").format(count=row.followup_count, date=last)
        return ""

    def _due_note(self, row: TrackerRow) -> str:
        extended = _tr("extended {days} days").format(days=row.extension_days) if row.extension_days else ""
        if not row.due_date or row.status not in (Step.NEEDED, Step.REQUESTED):
            return extended  # delivered: the due date no longer matters
        late = days_between(row.due_date, self._today)
        if late > 0:
            note = _tr("1 day late") if late == 1 else _tr("{days} days late").format(days=late)
        elif late == 0:
            note = _tr("due today")
        else:
            note = _tr("in 1 day") if late == -1 else _tr("in {days} days").format(days=-late)
        return f"{note} · {extended}" if extended else note

    def _icon(self, flag: str) -> QIcon:
        if flag not in self._icons:
            pixmap = (QStyle.StandardPixmap.SP_MessageBoxWarning if flag == OVERDUE
                      else QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._icons[flag] = QApplication.style().standardIcon(pixmap)
        return self._icons[flag]


def _sort_key(row: TrackerRow, column: int) -> Any:
    if column == ITEM:
        return (row.description or row.kind.value).casefold()
    if column == HOLDER:
        return row.holder_name.casefold() or "\uffff"  # items without a holder last
    if column == STATUS:
        return _RANKS[row.status]
    if column == DUE:
        return row.due_date or _NO_DATE
    return _RANKS[row.next_step] if row.next_step else len(Step)
