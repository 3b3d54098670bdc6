"""HTML to PDF with QtGui alone (QTextDocument on a QPdfWriter), for the window and the CLI.

Core services that produce PDFs build HTML and receive bytes back from here,
so the core stays Qt-free. This module never imports QtWidgets.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

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


# --- The records packet: footers in any script, and the renderer the core's packet builder takes.

_T = TypeVar("_T")
_increment = ctypes.pythonapi.Py_IncRef
_increment.argtypes, _increment.restype = [ctypes.py_object], None


def keeping_none(function: Callable[..., _T], /, *args: object, **kwargs: object) -> _T:
    """Call ``function``, giving back the references to None that PySide6 6.12 loses on Python 3.11.

    Each call of a Qt method returning void drops one reference to None (most
    likely the wheels count on Python 3.12+, where None is immortal); after a
    few thousand such calls the interpreter aborts with "deallocating None". The references lost during the call are added back for good, never
    to be released, not even when the interpreter shuts down. The count is taken
    in this frame: a context manager's own exit holds references to None while
    it counts. On a worker thread it also sees what other threads take or give
    meanwhile, a few references either way.
    """
    if sys.version_info >= (3, 12):
        return function(*args, **kwargs)
    before = sys.getrefcount(None)
    try:
        return function(*args, **kwargs)
    finally:
        for _ in range(before - sys.getrefcount(None)):
            _increment(None)


_FOOTER_POINTS = 7.5
_FOOTER_MARGIN = 36.0  # points from the left and right edges
_FOOTER_BASELINE = 14.0  # points above the bottom edge


def footer_overlay(lines: Sequence[tuple[str, str]], sizes: Sequence[tuple[float, float]]) -> bytes:
    """A PDF with one page per footer: ``lines[i]`` (left, right) at the foot of a ``sizes[i]`` page (points).

    Qt embeds the font (DejaVu Sans, with fallbacks), so a name in any script the
    system has fonts for prints as it is written.
    """
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("OpinionKit")
    writer.setResolution(72)  # one unit is one point
    page_sizes: dict[tuple[float, float], QPageSize] = {}

    def page_size(size: tuple[float, float]) -> QPageSize:
        if size not in page_sizes:
            page_sizes[size] = QPageSize(QSizeF(*size), QPageSize.Unit.Point, "",
                                         QPageSize.SizeMatchPolicy.ExactMatch)
        return page_sizes[size]

    writer.setPageLayout(QPageLayout(page_size(sizes[0] if sizes else (612, 792)), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    font = QFont("DejaVu Sans")
    font.setPointSizeF(_FOOTER_POINTS)
    metrics = QFontMetricsF(font, writer)
    painter = QPainter(writer)
    try:
        painter.setFont(font)
        painter.setPen(QColor(70, 70, 70))
        for index, ((left, right), (width, height)) in enumerate(zip(lines, sizes, strict=True)):
            if index:
                writer.setPageSize(page_size((width, height)))
                writer.newPage()
            margin = min(_FOOTER_MARGIN, width / 10)
            box = QRectF(margin, height - _FOOTER_BASELINE - metrics.ascent(), width - 2 * margin, metrics.height())
            right_width = metrics.horizontalAdvance(right)
            left = metrics.elidedText(left, Qt.TextElideMode.ElideRight, max(0.0, box.width() - right_width - 12))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, left)
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, right)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


class PacketRenderer:
    """The Qt side of ``opinionkit.core.packet.renderer.Renderer``: Letter pages from HTML, and footers.

    Safe on a worker thread once the application object exists (QPainter on a
    QPdfWriter and QTextDocument are not widgets); it must not be the thread
    that creates the application.
    """

    def html_to_pdf(self, html: str, title: str) -> bytes:
        return keeping_none(html_to_pdf, html, title=title)

    def footer_overlay(self, lines: Sequence[tuple[str, str]], sizes: Sequence[tuple[float, float]]) -> bytes:
        return keeping_none(footer_overlay, lines, sizes)
