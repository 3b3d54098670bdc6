"""Draws the aligned pairs: each sentence as wrapped rich text, a gap as a hatched cell, and a meter.

Row heights come from ``sizeHint`` at the column's width, so a pair of
sentences of different lengths still shares one row and the letters stay level.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QTextDocument, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from opinionkit.ui.opinions.pair_model import ALIKE, HTML_ROLE, SAME, SIMILARITY_ROLE, STATE_ROLE, TERM_ROW_ROLE

PAD_X, PAD_Y = 10, 8
METER_WIDTH, METER_HEIGHT = 38, 4
TEXT = QColor("#1d2935")
SAME_TEXT = QColor("#4b5a68")  # sentences both letters share recede a little; differences stand out
MUTED = QColor("#8a96a1")
SELECTED = QColor("#d5e5ee")
TERM_ROW = QColor("#fff8dc")
GAP_BACKGROUND = QColor("#f5f7f9")
GAP_HATCH = QColor("#e1e6eb")
METER_BACK = QColor("#e3e8ed")
METER_FILL = {SAME: QColor("#5f9a78"), "changed": QColor("#2b6a8a")}
_CACHE_LIMIT = 20_000

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def gap_text() -> str:
    return _tr("— not in this letter —")


class PairDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._heights: dict[tuple[str, int, str], int] = {}  # (html, text width, font) -> text height

    # Sizes -----------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.height()
        if index.column() == ALIKE:
            return QSize(METER_WIDTH + 2 * PAD_X + 12, self.meter_height(option.fontMetrics))
        html = index.data(HTML_ROLE) or ""
        if not html:
            return QSize(option.rect.width(), line + 2 * PAD_Y)
        return QSize(option.rect.width(), self.text_height(html, option.rect.width(), option.font) + 2 * PAD_Y)

    @staticmethod
    def meter_height(metrics: QFontMetrics) -> int:
        return metrics.height() + METER_HEIGHT + 2 * PAD_Y + 4

    def text_height(self, html: str, cell_width: int, font: QFont, font_key: str | None = None) -> int:
        """The height of ``html`` wrapped in a cell ``cell_width`` wide, without the padding."""
        width = max(120, cell_width) - 2 * PAD_X
        key = (html, width, font_key or font.key())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > _CACHE_LIMIT:
                self._heights.clear()
            height = self._heights[key] = int(self._document(html, width, font).size().height() + 0.999)
        return height

    @staticmethod
    def _document(html: str, width: int, font: QFont) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a long web address still wraps
        document.setDefaultTextOption(wrap)
        document.setHtml(html)
        document.setTextWidth(width)
        return document

    # Painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        painter.save()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        html = (index.data(HTML_ROLE) or "") if index.column() != ALIKE else None
        if html == "":
            self._paint_gap(painter, rect, option, selected)
        else:
            background = SELECTED if selected else TERM_ROW if index.data(TERM_ROW_ROLE) else None
            if background is not None:
                painter.fillRect(rect, background)
            if index.column() == ALIKE:
                self._paint_meter(painter, rect, option, index)
            else:
                self._paint_text(painter, rect, option, index, html or "")
        if option.state & QStyle.StateFlag.State_HasFocus and index.column() != ALIKE:
            painter.setPen(QColor("#2b6a8a"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_gap(self, painter: QPainter, rect: QRect, option: QStyleOptionViewItem, selected: bool) -> None:
        painter.fillRect(rect, SELECTED if selected else GAP_BACKGROUND)
        painter.fillRect(rect, QBrush(GAP_HATCH, Qt.BrushStyle.BDiagPattern))
        font = QFont(option.font)
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(MUTED)
        area = rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), gap_text())

    def _paint_text(self, painter: QPainter, rect: QRect, option: QStyleOptionViewItem, index: AnyIndex,
                    html: str) -> None:
        width = max(120, rect.width()) - 2 * PAD_X  # as text_height measured it
        document = self._document(html, width, option.font)
        painter.translate(rect.left() + PAD_X, rect.top() + PAD_Y)
        painter.setPen(SAME_TEXT if index.data(STATE_ROLE) == SAME else TEXT)  # the document's text colour
        document.drawContents(painter, QRectF(0, 0, width, rect.height() - 2 * PAD_Y))

    def _paint_meter(self, painter: QPainter, rect: QRect, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        state = index.data(STATE_ROLE)
        area = rect.adjusted(4, PAD_Y, -4, -PAD_Y)
        line = option.fontMetrics.height()
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(SAME_TEXT if text else MUTED)
        painter.drawText(QRect(area.left(), area.top(), area.width(), line),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text or "–")
        if not text:
            return
        meter = QRect(area.left() + (area.width() - METER_WIDTH) // 2, area.top() + line + 3, METER_WIDTH, METER_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(METER_BACK)
        painter.drawRoundedRect(meter, 2, 2)
        share = 1.0 if state == SAME else max(0.0, min(1.0, float(index.data(SIMILARITY_ROLE) or 0)))
        if share > 0:
            painter.setBrush(METER_FILL.get(state, METER_FILL["changed"]))
            painter.drawRoundedRect(QRect(meter.left(), meter.top(), max(3, round(METER_WIDTH * share)),
                                          METER_HEIGHT), 2, 2)
