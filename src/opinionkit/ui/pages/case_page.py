"""The case page: the question in the header, and a tab per capability of the case."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from opinionkit.core.domain import Case, CaseStatus, Person
from opinionkit.core.services import cases
from opinionkit.ui.labels import days_left_label, friendly_date, status_label
from opinionkit.ui.pages.sectioned_page import SectionedPage
from opinionkit.ui.sections import CASE_SECTIONS, SectionHost

#: Fewer days than this before the deadline and the deadline chip asks for attention.
SOON_DAYS = 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("case_page", text)


class CasePage(SectionedPage):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(CASE_SECTIONS, host, _tr("Edit case…"), _tr("Delete case…"), parent)
        self.setAccessibleName(_tr("Case"))
        self.case: Case | None = None

    def show_case(self, case: Case, person: Person) -> None:
        self.case = case
        self.header.title.setText(case.title)
        self.header.subtitle.setText(_tr("Second opinion for {name}").format(name=person.name))
        chips = [(status_label(case.status), "")]
        days = cases.days_to_deadline(case)
        if case.status == CaseStatus.DECIDED:
            if case.decided_on:
                chips.append((_tr("Decided on {date}").format(date=friendly_date(case.decided_on)), "quiet"))
        elif days is None:
            chips.append((days_left_label(None), "quiet"))
        else:
            tone = "warning" if days < SOON_DAYS else "quiet"
            chips.append((_tr("Decide by {date} · {left}").format(
                date=friendly_date(case.decision_deadline), left=days_left_label(days)), tone))
        self.header.set_chips(chips)
        self.show_in_sections("show_case", case)
