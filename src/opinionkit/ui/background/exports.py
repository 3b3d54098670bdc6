"""Saving a person's health summary as a PDF, or as a FHIR patient summary (JSON), where the user chooses.

The file is written beside its destination under a temporary name and then
moved into place (core.storage.files), so a full disk or a crash never leaves
half a file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import fhir_export, health_summary
from opinionkit.core.storage.files import write_atomic

_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def _tr(text: str) -> str:
    return QCoreApplication.translate("background_exports", text)


def save_summary_pdf(parent: QWidget, db: Database, person: Person) -> Path | None:
    """Ask where, then write the health summary PDF there; returns the path, or None if cancelled."""
    path = _choose(parent, _tr("Save health summary"),
                   _tr("Health summary - {name} - {date}.pdf").format(name=person.name, date=today().isoformat()),
                   _tr("PDF files (*.pdf)"), ".pdf")
    if path is None:
        return None
    from opinionkit import render  # the PDF machinery loads only when a PDF is wanted

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pdf = render.html_to_pdf(
            health_summary.build_html(db, person.id or 0), title=health_summary.title(person),
            footer=render.page_footer(health_summary.footer_label(person)),
        )
    finally:
        QApplication.restoreOverrideCursor()
    _write(path, pdf)
    return path


def export_fhir(parent: QWidget, db: Database, person: Person) -> Path | None:
    """Ask where, then write the FHIR R4 patient summary (a JSON Bundle) there."""
    path = _choose(parent, _tr("Export FHIR patient summary"),
                   _tr("Patient summary - {name} - {date}.json").format(name=person.name, date=today().isoformat()),
                   _tr("FHIR JSON files (*.json)"), ".json")
    if path is None:
        return None
    bundle = fhir_export.build_bundle(db, person.id or 0)
    _write(path, (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path


def _write(path: Path, data: bytes) -> None:
    """The whole file or nothing; the save dialog has already asked before replacing a file."""
    try:
        write_atomic(path, data, overwrite=True)
    except OSError as error:
        raise _unwritable(path, error) from error


def _unwritable(path: Path, error: OSError) -> OpinionKitError:
    return OpinionKitError(_tr("{path} could not be written ({reason}). Nothing was saved there: choose "
                               "another folder, or free some space, and try again.").format(
        path=path, reason=error.strerror or error))


def _choose(parent: QWidget, caption: str, file_name: str, file_filter: str, suffix: str) -> Path | None:
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
