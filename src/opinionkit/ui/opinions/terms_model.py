"""The key terms of two letters as a table: what each letter says of each, and whether they agree.

Agreement is said in words and with an icon (a tick, an unequal sign, the
letter's initial), so colour is never the only cue.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSortFilterProxyModel, Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from opinionkit.core.compare import KeyTerm
from opinionkit.ui.opinions.labels import (
    DIFFERENT_AMOUNT, DIFFERENT_STANCE, ONLY_A, ONLY_B, SAME, agreement, agreement_label, kind_label, said,
)

TERM, KIND, IN_A, IN_B, AGREEMENT = range(5)
COLUMN_COUNT = 5
#: The KeyTerm of a row.
TERM_ROLE = Qt.ItemDataRole.UserRole + 1
#: SAME, DIFFERENT_STANCE, DIFFERENT_AMOUNT, ONLY_A or ONLY_B.
AGREEMENT_ROLE = Qt.ItemDataRole.UserRole + 2

MUTED = QColor("#8a96a1")
DIFFERS = QColor("#fff4d9")
#: (circle colour, glyph) of each agreement's icon.
_ICONS = {SAME: ("#4f8f69", "✓"), DIFFERENT_STANCE: ("#c7851a", "≠"), DIFFERENT_AMOUNT: ("#c7851a", "≠"),
          ONLY_A: ("#b4642a", "A"), ONLY_B: ("#2f6f96", "B")}

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def _header(column: int) -> str:
    return [_tr("Term"), _tr("Kind"), _tr("Letter A says"), _tr("Letter B says"), _tr("Between them")][column]


def agreement_icon(key: str, size: int = 16) -> QIcon:
    colour, glyph = _ICONS[key]
    icon = QIcon()
    for scale in (1, 2):  # sharp on high-density screens too
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
        font = QFont()
        font.setPixelSize(int(size * 0.68))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), glyph)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class TermTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[KeyTerm] = []
        self._agreements: list[str] = []
        self._icons: dict[str, QIcon] = {}

    def set_terms(self, terms: list[KeyTerm]) -> None:
        self.beginResetModel()
        self._terms = list(terms)
        self._agreements = [agreement(term) for term in self._terms]
        self.endResetModel()

    def term_at(self, row: int) -> KeyTerm:
        return self._terms[row]

    def row_of(self, name: str) -> int | None:
        return next((row for row, term in enumerate(self._terms) if term.term == name), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return _header(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        term, key, column = self._terms[index.row()], self._agreements[index.row()], index.column()
        if role == TERM_ROLE:
            return term
        if role == AGREEMENT_ROLE:
            return key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(term, key, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(term, column)
        if role == Qt.ItemDataRole.DecorationRole and column == AGREEMENT:
            if key not in self._icons:
                self._icons[key] = agreement_icon(key)
            return self._icons[key]
        if role == Qt.ItemDataRole.ForegroundRole and column in (IN_A, IN_B):
            present = term.in_a if column == IN_A else term.in_b
            return None if present else MUTED
        if role == Qt.ItemDataRole.BackgroundRole and column in (IN_A, IN_B) and key in (
                DIFFERENT_STANCE, DIFFERENT_AMOUNT):
            return DIFFERS
        if role == Qt.ItemDataRole.FontRole and column == TERM:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    @staticmethod
    def _text(term: KeyTerm, key: str, column: int) -> str:
        if column == TERM:
            return term.term
        if column == KIND:
            return kind_label(term.kind)
        if column == IN_A:
            return said(term, "a")
        if column == IN_B:
            return said(term, "b")
        return agreement_label(key)

    @staticmethod
    def _tooltip(term: KeyTerm, column: int) -> str | None:
        """The whole cell (a narrow column cuts it short) and how the letter writes the term."""
        if column == TERM:
            forms = list(dict.fromkeys(term.a_forms + term.b_forms))
            shown = term.term
        elif column in (IN_A, IN_B):
            forms = term.a_forms if column == IN_A else term.b_forms
            shown = said(term, "a" if column == IN_A else "b")
        else:
            return None
        if not forms:
            return shown
        return "\n".join([shown, _tr("Written as: {forms}").format(forms=", ".join(forms))])


class TermFilter(QSortFilterProxyModel):
    """Every term, or with ``only_differences`` those the letters do not say alike."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._only_differences = False

    def set_only_differences(self, on: bool) -> None:
        if on != self._only_differences:
            self.beginFilterChange()
            self._only_differences = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._only_differences:
            return True
        return self.sourceModel().index(source_row, 0, source_parent).data(AGREEMENT_ROLE) != SAME
