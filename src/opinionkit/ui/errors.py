"""Telling the user: a core error as a message box that says what to do, or a passing status line."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from opinionkit.core.errors import InvalidInput, NotFound, OpinionKitError, StorageError, UnreadableFile


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def error_box(parent: QWidget | None, error: OpinionKitError) -> QMessageBox:
    """A ready message box for ``error``; the core's message already says what to do."""
    if isinstance(error, InvalidInput):
        title = _tr("Please check what you entered")
    elif isinstance(error, NotFound):
        title = _tr("This item is no longer there")
    elif isinstance(error, UnreadableFile):
        title = _tr("This file cannot be read")
    elif isinstance(error, StorageError):
        title = _tr("Your OpinionKit data cannot be opened")
    else:
        title = _tr("This could not be done")
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("OpinionKit"), title, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(str(error))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName(title)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def show_error(parent: QWidget | None, error: OpinionKitError) -> QMessageBox:
    """Show ``error`` window-modally without blocking; returns the box (tests close it)."""
    return open_box(error_box(parent, error))


_open_boxes: set[QMessageBox] = set()


def open_box(box: QMessageBox) -> QMessageBox:
    """Open ``box`` without blocking; one without a parent is kept alive until it closes."""
    if box.parent() is None:
        _open_boxes.add(box)
        box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def show_status(window: object, message: str) -> None:
    """A passing message in the window's status bar (after a change that Ctrl+Z can take back)."""
    status_bar = getattr(window, "statusBar", None)
    if callable(status_bar):
        status_bar().showMessage(message, 8000)
