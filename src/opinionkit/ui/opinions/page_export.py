"""Saving two letters side by side as one web page, where the person chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from opinionkit.core.compare import Comparison
from opinionkit.core.compare.page import comparison_html
from opinionkit.core.dates import today
from opinionkit.ui.save_file import choose_save_path, write_file


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def choose_page_path(parent: QWidget, a_label: str, b_label: str) -> Path | None:
    """Ask where to save the page (the documents folder at first); None if the person cancels."""
    name = _tr("Letters compared - {a} and {b} - {date}.html").format(a=a_label, b=b_label, date=today().isoformat())
    return choose_save_path(parent, _tr("Save side-by-side page"), name, _tr("Web pages (*.html)"), ".html")


def write_page(path: Path, comparison: Comparison, a_label: str, b_label: str) -> None:
    """The whole page or nothing; the save dialog has already asked before replacing a file."""
    page = comparison_html(comparison, a_label=a_label, b_label=b_label,
                           title=_tr("The letters of {a} and {b} compared").format(a=a_label, b=b_label))
    write_file(path, page.encode("utf-8"))
