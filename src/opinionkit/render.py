"""HTML to PDF with QtGui alone (QTextDocument on a QPdfWriter), for the window and the CLI.

Core services that produce PDFs build HTML and receive bytes back from here,
so the core stays Qt-free. This module never imports QtWidgets.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

_app: QGuiApplication | None = None

#: Given (page number from 1, page count), the text printed at the foot of that page.
Footer = Callable[[int, int], str]

_FOOTER_HEIGHT = 28  # pixels at 96 dpi, about 7 mm
_DPI = 96


@dataclass(frozen=True)
class PageSetup:
    landscape: bool = False
    page_size: QPageSize.PageSizeId = QPageSize.PageSizeId.Letter
    margin_mm: float = 16.0


def ensure_gui_app() -> QGuiApplication:
    """Return the running Qt application, starting an offscreen one when there is none.

    The command line renders PDFs without a display, so it must not need one.
    """
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])
    return _app


def page_footer(left: str) -> Footer:
    """A footer with ``left`` on the left and "Page X of N" on the right."""
    return lambda page, count: f"{left}\t{page}\t{count}"


def html_to_pdf(
    html: str,
    *,
    title: str = "",
    author: str = "OpinionKit",
    setup: PageSetup = PageSetup(),
    footer: Footer | None = None,
    page_label: str = "Page {page} of {count}",
) -> bytes:
    """Lay out ``html`` on pages and return the PDF file as bytes.

    With ``footer`` every page gets a footer line; a tab in its text splits it
    into a left part and the page/count pair, which ``page_label`` formats.
    """
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator(author)
    writer.setResolution(_DPI)
    orientation = QPageLayout.Orientation.Landscape if setup.landscape else QPageLayout.Orientation.Portrait
    margins = QMarginsF(setup.margin_mm, setup.margin_mm, setup.margin_mm, setup.margin_mm)
    writer.setPageLayout(QPageLayout(QPageSize(setup.page_size), orientation, margins, QPageLayout.Unit.Millimeter))

    area = writer.pageLayout().paintRectPixels(_DPI)
    body_height = area.height() - (_FOOTER_HEIGHT if footer else 0)
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setDocumentMargin(0)
    document.setHtml(html)
    # Setting the page size ourselves stops Qt adding its own numbers and margins.
    document.setPageSize(QSizeF(area.width(), body_height))
    count = max(1, document.pageCount())

    painter = QPainter(writer)
    try:
        for index in range(count):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * body_height)
            document.drawContents(painter, QRectF(0, index * body_height, area.width(), body_height))
            painter.restore()
            if footer:
                _draw_footer(painter, footer(index + 1, count), page_label, area.width(), body_height)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _draw_footer(painter: QPainter, text: str, page_label: str, width: float, top: float) -> None:
    left, _, numbers = text.partition("\t")
    painter.save()
    painter.setFont(QFont("DejaVu Sans", 8))
    painter.setPen(Qt.GlobalColor.darkGray)
    box = QRectF(0, top + 8, width, _FOOTER_HEIGHT - 8)
    painter.drawLine(0, int(top + 4), int(width), int(top + 4))
    painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    if numbers:
        page, _, count = numbers.partition("\t")
        label = page_label.format(page=page, count=count)
        painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
    painter.restore()
