"""Saving the printable question sheet: asked where, rendered through opinionkit.render, written whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import Case
from opinionkit.core.services import question_sheet
from opinionkit.ui.save_file import choose_save_path, write_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def save_question_sheet(parent: QWidget, db: Database, case: Case) -> Path | None:
    """Ask where, then write the case's question sheet (a checklist per doctor) there; None if cancelled.

    Raises OpinionKitError when the file cannot be written.
    """
    path = choose_save_path(parent, _tr("Print question sheet"),
                            _tr("Questions - {title}.pdf").format(title=case.title[:60]),
                            _tr("PDF files (*.pdf)"), ".pdf")
    if path is None:
        return None
    from opinionkit import render  # the PDF machinery loads only when a PDF is wanted

    case_id = case.id or 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pdf = render.html_to_pdf(
            question_sheet.questions_html(db, case_id), title=question_sheet.title(db, case_id),
            footer=render.page_footer(question_sheet.footer_text(db, case_id)))
    finally:
        QApplication.restoreOverrideCursor()
    write_file(path, pdf)
    return path
