"""Draws a tracker cell as two lines: the main text, and a quieter line (or a flag badge) under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from opinionkit.ui.records.tracker_model import FLAG_ROLE, ITEM, OVERDUE, SECONDARY_ROLE, STATUS

_PAD_X, _PAD_Y, _GAP, _ICON = 10, 7, 3, 16
_MUTED = QColor("#5f6f7f")
#: Badge colours (text, background), the same tones as the page's warning and info chips.
_BADGES = {OVERDUE: (QColor("#6b4600"), QColor("#fbe2ad")), "unconfirmed": (QColor("#3f3577"), QColor("#dfdaf3"))}

AnyIndex = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        main, icon = opt.text, QIcon(opt.icon)  # copies: the option's own fields are cleared below
        secondary = index.data(SECONDARY_ROLE) or ""
        flag = index.data(FLAG_ROLE) if index.column() == STATUS else ""
        # The style draws the background, the tint and the selection; the texts are drawn here.
        opt.text, opt.icon = "", QIcon()
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        area = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        painter.save()
        if not icon.isNull():
            top = area.top() + (area.height() - _ICON) // 2
            icon.paint(painter, QRect(area.left(), top, _ICON, _ICON))
            area.setLeft(area.left() + _ICON + 8)

        main_font = QFont(opt.font)
        if index.column() == ITEM:
            main_font.setWeight(QFont.Weight.DemiBold)
        small_font = _small(opt.font)
        main_metrics, small_metrics = QFontMetrics(main_font), QFontMetrics(small_font)
        lines_height = main_metrics.height() + (_GAP + small_metrics.height() + 2 if secondary else 0)
        top = area.top() + max(0, (area.height() - lines_height) // 2)

        painter.setFont(main_font)
        painter.setPen(text_colour)
        main_rect = QRect(area.left(), top, area.width(), main_metrics.height())
        painter.drawText(main_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         main_metrics.elidedText(main, Qt.TextElideMode.ElideRight, area.width()))
        if secondary:
            painter.setFont(small_font)
            line = QRect(area.left(), main_rect.bottom() + 1 + _GAP, area.width(), small_metrics.height() + 2)
            shown = small_metrics.elidedText(secondary, Qt.TextElideMode.ElideRight, area.width() - 12)
            if flag in _BADGES:
                foreground, background = _BADGES[flag]
                badge = QRect(line.left(), line.top(), small_metrics.horizontalAdvance(shown) + 14, line.height())
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(background)
                painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
                bold = QFont(small_font)
                bold.setWeight(QFont.Weight.DemiBold)
                painter.setFont(bold)
                painter.setPen(foreground)
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, shown)
            else:
                painter.setPen(text_colour if selected else _MUTED)
                painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 small_metrics.elidedText(secondary, Qt.TextElideMode.ElideRight, area.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        main_metrics, small_metrics = QFontMetrics(opt.font), QFontMetrics(_small(opt.font))
        secondary = index.data(SECONDARY_ROLE) or ""
        width = max(main_metrics.horizontalAdvance(opt.text) + 8, small_metrics.horizontalAdvance(secondary) + 16)
        if not opt.icon.isNull():
            width += _ICON + 8
        height = main_metrics.height() + _GAP + small_metrics.height() + 2
        return QSize(width + 2 * _PAD_X, height + 2 * _PAD_Y)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    return small
