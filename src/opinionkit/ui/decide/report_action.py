"""Printing the comparison: ask where, render the landscape PDF, write it whole."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from opinionkit.core.decide import report
from opinionkit.core.errors import OpinionKitError
from opinionkit.ui.errors import show_error
from opinionkit.ui.save_file import choose_save_path, write_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


def print_comparison(parent: QWidget, db: Database, case_id: int, opinion_ids: Sequence[int] | None) -> Path | None:
    """Ask where to save the comparison, then write it; returns the path written, or None."""
    path = choose_save_path(parent, _tr("Print comparison"), _tr("{title}.pdf").format(
        title=report.title(db, case_id)), _tr("PDF files (*.pdf)"), ".pdf")
    if path is None:
        return None
    from opinionkit.render import PageSetup, html_to_pdf, page_footer  # Qt's printing loads only when printing

    try:
        html = report.comparison_report_html(db, case_id, opinion_ids)
        pdf = html_to_pdf(html, title=report.title(db, case_id), setup=PageSetup(landscape=True),
                          footer=page_footer(report.footer_text(db, case_id)))
        write_file(path, pdf)
    except OpinionKitError as error:
        show_error(parent, error)
        return None
    return path
