"""The "Compare & decide" section: the grid, the questions to ask, and the decision guide, each a quiet tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from opinionkit.core.domain import Case
from opinionkit.ui.decide.drafts_page import DraftsPage
from opinionkit.ui.decide.grid_view import GridPanel
from opinionkit.ui.decide.guide_page import GuidePage
from opinionkit.ui.decide.report_action import print_comparison
from opinionkit.ui.visit.look import PART_TABS

if TYPE_CHECKING:
    from pathlib import Path

    from opinionkit.ui.sections import SectionHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


class CompareAndDecide(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.case: Case | None = None
        self.grid = GridPanel(host.db, host.data_dir)
        self.grid.go_to_opinions.connect(self._go_to_opinions)
        self.drafts = DraftsPage(host.db, host.data_dir, self.grid.selected_ids)
        self.guide = GuidePage(host.db)
        self.guide.decided.connect(self._refresh_window)
        self.parts: dict[str, QWidget] = {"grid": self.grid, "questions": self.drafts, "guide": self.guide}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("decideTabs")
        self.tabs.setAccessibleName(_tr("Part of comparing and deciding"))
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet(PART_TABS)
        self.tabs.tabBar().setDrawBase(False)
        for widget, title in ((self.grid, _tr("Grid")), (self.drafts, _tr("Questions to ask")),
                              (self.guide, _tr("Decision guide"))):
            widget.setAccessibleName(title)
            self.tabs.addTab(widget, title)
        self.print_button = QPushButton(_tr("&Print comparison…"))
        self.print_button.setAccessibleName(_tr("Print the comparison as a PDF"))
        self.print_button.clicked.connect(self.print_comparison)
        self.tabs.setCornerWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.tabs)

    def show_case(self, case: Case) -> None:
        self.case = case
        for part in self.parts.values():
            part.show_case(case)  # type: ignore[attr-defined]

    def show_part(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.parts.get(key, self.grid))

    def print_comparison(self) -> Path | None:
        if self.case is None or self.case.id is None:
            return None
        ids = self.grid.model.grid.opinion_ids if self.grid.model.grid and self.grid.model.grid.comparable else None
        return print_comparison(self, self.host.db, self.case.id, ids)

    def _go_to_opinions(self) -> None:
        if self.case is not None and self.case.id is not None and hasattr(self.host.window, "show_case"):
            self.host.window.show_case(self.case.id, section="opinions")

    def _refresh_window(self) -> None:
        refresh = getattr(self.host.window, "refresh", None)
        if callable(refresh):
            refresh()  # the header shows the case's new status
