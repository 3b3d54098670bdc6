"""Asking where to save a file the app makes (summaries, letters, sheets, calendars, reports), then writing it whole.

The save dialog asks before replacing a file; a name typed without the
extension gets it, and is asked about again if that name is taken. The file is
written under a temporary name and moved into place, so a full disk never
leaves half a file.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.storage.files import write_atomic

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _tr(text: str) -> str:
    return QCoreApplication.translate("save_file", text)


def choose_save_path(parent: QWidget, caption: str, file_name: str, file_filter: str, suffix: str) -> Path | None:
    """The path the person chose for ``file_name`` (in their documents folder at first), or None."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    suggested = Path(folder) / _NOT_IN_FILE_NAMES.sub("-", file_name)
    chosen, _filter = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
        # The dialog asked about the name as typed; this one it has not seen.
        if path.exists() and QMessageBox.question(
            parent, caption, _tr("{name} already exists. Replace it?").format(name=path.name),
        ) != QMessageBox.StandardButton.Yes:
            return None
    return path


def write_file(path: Path, data: bytes) -> None:
    """The whole file or nothing; the save dialog has already asked before replacing a file."""
    try:
        write_atomic(path, data, overwrite=True)
    except OSError as error:
        raise OpinionKitError(_tr(
            "{path} could not be written ({reason}). Nothing was saved there: choose another folder, "
            "or free some space, and try again.").format(path=path, reason=error.strerror or error)) from error
