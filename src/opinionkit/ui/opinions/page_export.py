"""Saving two letters side by side as one web page, where the person chooses.

The page is written under a temporary name beside its destination and moved
into place (core.storage.files), so a full disk never leaves half a page.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from opinionkit.core.compare import Comparison
from opinionkit.core.compare.page import comparison_html
from opinionkit.core.dates import today
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.storage.files import write_atomic

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
SUFFIX = ".html"


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def suggested_name(a_label: str, b_label: str) -> str:
    name = _tr("Letters compared - {a} and {b} - {date}{suffix}").format(
        a=a_label, b=b_label, date=today().isoformat(), suffix=SUFFIX)
    return _NOT_IN_FILE_NAMES.sub("-", name)


def choose_page_path(parent: QWidget, a_label: str, b_label: str) -> Path | None:
    """Ask where to save the page (the documents folder at first); None if the person cancels."""
    caption = _tr("Save side-by-side page")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder) / suggested_name(a_label, b_label)), _tr("Web pages (*.html)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".html", ".htm"):
        path = path.with_name(path.name + SUFFIX)
        # The dialog asked about the name as typed; this one it has not seen.
        if path.exists() and QMessageBox.question(
            parent, caption, _tr("{name} already exists. Replace it?").format(name=path.name),
        ) != QMessageBox.StandardButton.Yes:
            return None
    return path


def write_page(path: Path, comparison: Comparison, a_label: str, b_label: str) -> None:
    """The whole page or nothing; the save dialog has already asked before replacing a file."""
    page = comparison_html(comparison, a_label=a_label, b_label=b_label,
                           title=_tr("The letters of {a} and {b} compared").format(a=a_label, b=b_label))
    try:
        write_atomic(path, page.encode("utf-8"), overwrite=True)
    except OSError as error:
        raise OpinionKitError(_tr(
            "{path} could not be written ({reason}). Nothing was saved there: choose another folder, "
            "or free some space, and try again.").format(path=path, reason=error.strerror or error)) from error
