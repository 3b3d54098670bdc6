"""The document viewer: PDFs through QtPdf's QPdfView, pictures in a zoomable view.

One window, opened beside the main one (it does not block it): search hits
open here at their page. A PDF kept with its password opens with it; one
imported without it shows what to do instead of an empty page.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from opinionkit.core.domain.documents import Document
from opinionkit.core.services import library
from opinionkit.ui.details import Card, label
from opinionkit.ui.library.image_view import ZOOM_STEP, ImageView
from opinionkit.ui.style import set_role

DEFAULT_SIZE = (900, 760)


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


def _shortcut_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


class DocumentViewer(QDialog):
    unlock_requested = Signal(int)  # a document id

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("documentViewer")
        self._data_dir = data_dir
        self.document: Document | None = None
        self._pending_page: int | None = None
        self.resize(*DEFAULT_SIZE)

        self.pdf = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("pdfView")
        self.pdf_view.setAccessibleName(_tr("Pages"))
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setPageSpacing(12)
        self.pdf_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A bound slot, not a lambda: Qt drops the connection when this dialog is destroyed.
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._on_page_changed)
        self.image_view = ImageView()
        self.image_view.page_changed.connect(lambda _page, _count: self._show_position())
        self.message = Card("")
        self.message_text = label("", "field-value")
        self.message.body.addWidget(self.message_text)
        self.unlock_button = set_role(QPushButton(_tr("Unlock…")), "primary")
        self.unlock_button.clicked.connect(self._unlock)
        self.message.body.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message.setFixedWidth(520)  # a fixed width gives the wrapped text the height it needs
        message_page = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.message)
        row.addStretch(1)
        box = QVBoxLayout(message_page)
        box.setContentsMargins(24, 32, 24, 24)
        box.addLayout(row)
        box.addStretch(1)
        self.pages = QStackedWidget()
        for widget in (self.pdf_view, self.image_view, message_page):
            self.pages.addWidget(widget)
        self._message_page = message_page

        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_bar())
        layout.addWidget(self.pages, 1)

    # Building --------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, *shortcuts: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.previous_action = self._action(_tr("Previous page"), lambda: self.go_to_page(self.current_page() - 1),
                                            "Ctrl+PgUp")
        self.next_action = self._action(_tr("Next page"), lambda: self.go_to_page(self.current_page() + 1),
                                        "Ctrl+PgDown")
        self.zoom_in_action = self._action(_tr("Zoom in"), self.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out_action = self._action(_tr("Zoom out"), self.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.fit_action = self._action(_tr("Fit to window"), self.fit, "Ctrl+0")

    def _build_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("viewerBar")
        bar.setStyleSheet("QWidget#viewerBar { background: #ffffff; border-bottom: 1px solid #dbe2ea; }")
        self.title = label("", "card-title", wrap=False)
        self.title.setAccessibleName(_tr("Document title"))
        self.title.setMinimumWidth(120)
        self.position = label("", "muted", wrap=False)
        self.position.setAccessibleName(_tr("Page"))
        row = QHBoxLayout(bar)
        row.setContentsMargins(16, 10, 12, 10)
        row.setSpacing(6)
        row.addWidget(self.title, 1)
        row.addWidget(self.position)
        row.addSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, action in (
            ("previous", "‹", self.previous_action), ("next", "›", self.next_action),
            ("zoom_out", "−", self.zoom_out_action), ("zoom_in", "+", self.zoom_in_action),
            ("fit", _tr("Fit"), self.fit_action),
        ):
            button = QPushButton(text)
            button.setAccessibleName(action.text())
            button.setToolTip(f"{action.text()} ({_shortcut_text(action)})")
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            if key in ("zoom_out", "previous"):
                row.addSpacing(6)
            row.addWidget(button)
            self.buttons[key] = button
        close = QPushButton(_tr("Close"))
        close.setToolTip(_tr("Close the viewer (Esc)"))
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        row.addSpacing(10)
        row.addWidget(close)
        return bar

    # Showing ---------------------------------------------------------------------------------

    def show_document(self, document: Document, page: int = 1) -> None:
        """Show ``document`` at ``page`` (counted from 1)."""
        self.document = document
        self.setWindowTitle(_tr("{title} — OpinionKit").format(title=document.title))
        self.setAccessibleName(document.title)
        self.title.setText(document.title)
        self.title.setToolTip(document.filename)
        path = library.file_path(self._data_dir, document)
        self.pdf.close()
        if document.locked:
            self._say(_tr("This PDF is locked with a password"), _tr(
                "It was imported without its password, so it cannot be shown and its words cannot be "
                "searched. Unlock it with the password to see it."), unlock=True)
        elif not path.is_file():
            self._say(_tr("The file is missing"), _tr(
                "The copy kept in the data folder is not there any more: {path}. Import the file again "
                "to see it.").format(path=path))
        elif document.media_type.is_image:
            if self.image_view.load(path, page):
                self.pages.setCurrentWidget(self.image_view)
            else:
                self._say(_tr("This picture cannot be shown"), _tr(
                    "The file could not be read as a picture. Import a new copy of it."))
        else:
            self.pdf.setPassword(document.password or "")
            self.pdf.load(str(path))
            if self.pdf.status() == QPdfDocument.Status.Ready:
                self.pages.setCurrentWidget(self.pdf_view)
                self.go_to_page(page)
                if not self.isVisible():
                    self._pending_page = page  # jumped again once shown at its final size
            else:
                self._say(_tr("This PDF cannot be shown"), _tr(
                    "The viewer could not open the file. Try importing a new copy of it."))
        self._show_position()
        self.pages.currentWidget().setFocus()

    def current_page(self) -> int:
        """The page shown, counted from 1 (0 when nothing is shown)."""
        if self.pages.currentWidget() is self.pdf_view:
            return self.pdf_view.pageNavigator().currentPage() + 1
        if self.pages.currentWidget() is self.image_view:
            return self.image_view.page + 1
        return 0

    def page_count(self) -> int:
        if self.pages.currentWidget() is self.pdf_view:
            return self.pdf.pageCount()
        if self.pages.currentWidget() is self.image_view:
            return self.image_view.page_count
        return 0

    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if not count:
            return
        page = min(max(1, page), count)
        if self.pages.currentWidget() is self.pdf_view:
            self.pdf_view.pageNavigator().jump(page - 1, QPointF(), 0)
        else:
            self.image_view.show_page(page - 1)
        self._show_position()

    def zoom_in(self) -> None:
        if self.pages.currentWidget() is self.pdf_view:
            self._set_pdf_zoom(self.pdf_view.zoomFactor() * ZOOM_STEP)
        else:
            self.image_view.zoom_in()

    def zoom_out(self) -> None:
        if self.pages.currentWidget() is self.pdf_view:
            self._set_pdf_zoom(self.pdf_view.zoomFactor() / ZOOM_STEP)
        else:
            self.image_view.zoom_out()

    def fit(self) -> None:
        if self.pages.currentWidget() is self.pdf_view:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.image_view.fit()

    def _set_pdf_zoom(self, factor: float) -> None:
        if self.pdf_view.zoomMode() != QPdfView.ZoomMode.Custom:
            factor = self._fitted_zoom() * factor / self.pdf_view.zoomFactor()
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf_view.setZoomFactor(min(8.0, max(0.1, factor)))

    def _fitted_zoom(self) -> float:
        """The zoom factor that fitting to the width amounts to, so zooming starts from what is seen."""
        page_width = self.pdf.pagePointSize(self.pdf_view.pageNavigator().currentPage()).width()
        if page_width <= 0:
            return 1.0
        dpi = self.pdf_view.logicalDpiX() / 72
        margins = self.pdf_view.documentMargins()
        usable = self.pdf_view.viewport().width() - margins.left() - margins.right()
        return max(0.1, usable / (page_width * dpi))

    @Slot(int)
    def _on_page_changed(self, _page: int) -> None:
        if shiboken6.isValid(self.pdf):  # the view may still signal while the dialog is torn down
            self._show_position()

    def _show_position(self) -> None:
        count, page = self.page_count(), self.current_page()
        self.position.setText(_tr("Page {page} of {count}").format(page=page, count=count) if count else "")
        self.position.setVisible(bool(count))
        showing = self.pages.currentWidget() is not self._message_page
        self.buttons["previous"].setEnabled(showing and page > 1)
        self.buttons["next"].setEnabled(showing and page < count)
        self.buttons["previous"].setVisible(count > 1)
        self.buttons["next"].setVisible(count > 1)
        for key in ("zoom_out", "zoom_in", "fit"):
            self.buttons[key].setEnabled(showing)
        for action in (self.previous_action, self.next_action, self.zoom_in_action, self.zoom_out_action,
                       self.fit_action):
            action.setEnabled(showing)

    def _say(self, heading: str, text: str, unlock: bool = False) -> None:
        self.message.title.setText(heading)
        self.message.setAccessibleName(heading)
        self.message_text.setText(text)
        self.unlock_button.setVisible(unlock)
        self.pages.setCurrentWidget(self._message_page)

    def _unlock(self) -> None:
        if self.document is not None and self.document.id is not None:
            self.unlock_requested.emit(self.document.id)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_page is not None:
            # Showing lays the pages out at their final size and scrolls back to the top: jump again.
            page, self._pending_page = self._pending_page, None
            self.go_to_page(page)
