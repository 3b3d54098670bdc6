"""Search hits as a list model, and a delegate that shows each with its marked words in bold."""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from opinionkit.core.services.search import Hit, HitKind

#: The Hit itself.
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The hit as rich text: the snippet's own <b> marks, everything else escaped.
HTML_ROLE = Qt.ItemDataRole.UserRole + 2

_PAD_X, _PAD_Y = 12, 8
_MUTED = "#5f6f7f"
_TAGS = re.compile(r"</?b>")

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


def where(hit: Hit) -> str:
    if hit.kind is HitKind.RECORD_ITEM:
        return _tr("Record item")
    if hit.kind is HitKind.DOCUMENT:
        return _tr("Document title")
    return _tr("Page {page}").format(page=hit.page)


def plain_snippet(hit: Hit) -> str:
    """The snippet as a person reads it: no tags, no entities."""
    return html.unescape(_TAGS.sub("", hit.snippet))


def hit_html(hit: Hit) -> str:
    return (f"<div><span style='font-weight:600'>{html.escape(hit.title)}</span>"
            f"<span style='color:{_MUTED}'>&nbsp;&nbsp;·&nbsp;&nbsp;{html.escape(where(hit))}</span></div>"
            f"<div style='margin-top:4px'>{hit.snippet}</div>")


class HitListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.title}, {where(hit)}: {plain_snippet(hit)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_snippet(hit)
        if role == HIT_ROLE:
            return hit
        if role == HTML_ROLE:
            return hit_html(hit)
        return None


class RichTextDelegate(QStyledItemDelegate):
    """Draws HTML_ROLE with QTextDocument: the style paints the row, the document its text."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(index.data(HTML_ROLE) or "")
        document.setTextWidth(max(40.0, width - 2 * _PAD_X))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        document = self._document(opt, index, opt.rect.width())
        painter.save()
        painter.translate(opt.rect.left() + _PAD_X, opt.rect.top() + _PAD_Y)
        painter.setClipRect(QRectF(0, 0, opt.rect.width() - 2 * _PAD_X, opt.rect.height() - 2 * _PAD_Y))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.Text))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        viewport = getattr(self._view, "viewport", None)
        width = viewport().width() if callable(viewport) else option.rect.width()
        document = self._document(option, index, width)
        return QSize(int(width), int(document.size().height()) + 2 * _PAD_Y + 2)
