"""The comparing screens for ui/screenshots.py: the grid with the demo's verdicts, and the decision guide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from opinionkit.ui.decide.decide_section import CompareAndDecide


def _section(window: Any, ids: Any) -> CompareAndDecide:
    window.show_case(ids.case_id, section="compare")
    section: CompareAndDecide = window.case_page.section("compare")
    QThreadPool.globalInstance().waitForDone(30_000)  # the grid is built on a worker
    QApplication.processEvents()
    return section


def show_compare(window: Any, ids: Any) -> None:
    section = _section(window, ids)
    section.show_part("grid")
    QApplication.processEvents()
    section.grid.table.setFocus()


def show_guide(window: Any, ids: Any) -> None:
    section = _section(window, ids)
    section.show_part("guide")
    QApplication.processEvents()
