"""The "Questions & visits" section: the questions, the appointments and the coverage, each a quiet tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from opinionkit.core.domain import Case
from opinionkit.ui.visit.appointments_page import AppointmentsPage
from opinionkit.ui.visit.coverage_page import CoveragePage
from opinionkit.ui.visit.look import PART_TABS, VISIT_STYLE
from opinionkit.ui.visit.questions_page import QuestionsPage

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class QuestionsAndVisits(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(VISIT_STYLE)
        self.questions = QuestionsPage(host)
        self.appointments = AppointmentsPage(host)
        self.coverage = CoveragePage(host)
        self.parts: dict[str, QWidget] = {
            "questions": self.questions, "appointments": self.appointments, "coverage": self.coverage,
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("visitTabs")
        self.tabs.setAccessibleName(_tr("Part of the visit"))
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet(PART_TABS)
        self.tabs.tabBar().setDrawBase(False)
        for widget, title in ((self.questions, _tr("Questions")), (self.appointments, _tr("Appointments")),
                              (self.coverage, _tr("Coverage"))):
            widget.setAccessibleName(title)
            self.tabs.addTab(widget, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.addWidget(self.tabs)

    def show_case(self, case: Case) -> None:
        for part in self.parts.values():
            part.show_case(case)  # type: ignore[attr-defined]

    def show_part(self, key: str, ident: int | None = None) -> None:
        """Show the questions, appointments or coverage; ``ident`` selects that appointment."""
        part = self.parts.get(key, self.questions)
        self.tabs.setCurrentWidget(part)
        if key == "appointments":
            self.appointments.select_appointment(ident)
            self.appointments.table.setFocus()
        elif key == "questions":
            self.questions.table.setFocus()
        else:
            self.coverage.form.plan.setFocus()

    def current_part(self) -> str:
        return next(key for key, widget in self.parts.items() if widget is self.tabs.currentWidget())
