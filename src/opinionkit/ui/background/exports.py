"""Saving a person's health summary as a PDF, or as a FHIR patient summary (JSON), where the user chooses.

The file is written beside its destination under a temporary name and then
moved into place (core.storage.files), so a full disk or a crash never leaves
half a file.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.services import fhir_export, health_summary
from opinionkit.ui.save_file import choose_save_path, write_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("background_exports", text)


def save_summary_pdf(parent: QWidget, db: Database, person: Person) -> Path | None:
    """Ask where, then write the health summary PDF there; returns the path, or None if cancelled."""
    path = choose_save_path(parent, _tr("Save health summary"),
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
    write_file(path, pdf)
    return path


def export_fhir(parent: QWidget, db: Database, person: Person) -> Path | None:
    """Ask where, then write the FHIR R4 patient summary (a JSON Bundle) there."""
    path = choose_save_path(parent, _tr("Export FHIR patient summary"),
                   _tr("Patient summary - {name} - {date}.json").format(name=person.name, date=today().isoformat()),
                   _tr("FHIR JSON files (*.json)"), ".json")
    if path is None:
        return None
    bundle = fhir_export.build_bundle(db, person.id or 0)
    write_file(path, (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path
