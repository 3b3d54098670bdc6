"""Unexpected errors: written with their traceback to the log in the data folder, shown once."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.safety.error_log import describe
from opinionkit.core.storage.datafolder import FILE_MODE, log_path, make_private
from opinionkit.ui.errors import open_box, show_error

LOGGER_NAME = "opinionkit.window"


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


class CrashReporter:
    """An excepthook: logs every uncaught exception; shows the first unexpected one in a dialog.

    Typed core errors that escape a slot are shown as the error they are; anything
    else gets one calm message pointing at the log file, never the traceback itself.
    """

    def __init__(self, data_dir: Path, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self.log_file = log_path(data_dir)
        self._parent = parent
        self._shown = False
        self._previous_hook = sys.excepthook
        self.logger = logging.getLogger(LOGGER_NAME)
        self.logger.setLevel(logging.INFO)
        self._handler = _private_file_handler(self.log_file)
        self.logger.addHandler(self._handler)

    def install(self) -> CrashReporter:
        sys.excepthook = self
        return self

    def close(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous_hook
        self.logger.removeHandler(self._handler)
        self._handler.close()

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        if isinstance(error, OpinionKitError):
            self.logger.warning("%s", kind.__name__)  # never the message: it may name a person
            show_error(self._parent(), error)
            return
        self.logger.error("Unexpected error\n%s", describe(error))
        if not self._shown:
            self._shown = True
            self._show_once()

    def _show_once(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, _tr("OpinionKit"),
            _tr("Something unexpected went wrong."),
            QMessageBox.StandardButton.Ok, self._parent(),
        )
        box.setInformativeText(_tr(
            "Everything you saved before this is safe. If something on screen looks wrong, "
            "close OpinionKit and open it again.\n\n"
            "The details were written to this file, which stays on your computer:\n{path}\n"
            "If the problem comes back, keep that file for whoever helps you with it."
        ).format(path=self.log_file))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("crashMessage")
        open_box(box)


def _private_file_handler(path: Path) -> logging.FileHandler:
    # Create the log owner-only before logging opens it.
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, FILE_MODE))
    make_private(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    return handler
