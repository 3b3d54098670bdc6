"""The "Case details" section: the question, the doctors, the goals and the decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from opinionkit.core.domain import Case, Provider
from opinionkit.core.errors import NotFound
from opinionkit.core.services import cases, providers
from opinionkit.ui.details import Card, CardColumns, FieldGrid, clear_layout, label
from opinionkit.ui.labels import days_left_label, friendly_date

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("case_details", text)


class CaseDetails(CardColumns):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = host.db

        self.question = FieldGrid()
        question_card = Card(_tr("The question"))
        question_card.body.addWidget(self.question)

        self.decision = FieldGrid()
        decision_card = Card(_tr("Deadline and decision"))
        decision_card.body.addWidget(self.decision)

        self.doctors = QVBoxLayout()
        self.doctors.setSpacing(14)
        doctors_card = Card(_tr("Doctors"))
        doctors_card.body.addLayout(self.doctors)

        self.goals = QVBoxLayout()
        self.goals.setSpacing(8)
        goals_card = Card(_tr("Goals"))
        goals_card.body.addLayout(self.goals)

        self.set_columns([question_card, decision_card], [doctors_card, goals_card], stretch=(3, 2))

    def show_case(self, case: Case) -> None:
        self.question.set_rows([
            (_tr("Diagnosis as given"), case.diagnosis),
            (_tr("Treatment recommended"), case.treatment_recommended),
            (_tr("Why a second opinion"), case.reason),
        ])
        deadline = ""
        if case.decision_deadline:
            deadline = f"{friendly_date(case.decision_deadline)} · {days_left_label(cases.days_to_deadline(case))}"
        rows = [
            (_tr("Decide by"), deadline, _tr("No deadline set")),
            (_tr("Decision"), case.decision, _tr("Not decided yet")),
        ]
        if case.decision or case.decision_reason or case.decided_on:
            rows += [(_tr("Why this decision"), case.decision_reason), (_tr("Decided on"), friendly_date(case.decided_on))]
        self.decision.set_rows(rows)
        clear_layout(self.doctors)
        self._add_doctor(_tr("Recommending doctor"), case.recommending_doctor_id)
        self._add_doctor(_tr("Second-opinion doctor"), case.second_opinion_doctor_id)
        clear_layout(self.goals)
        for goal in case.goals:
            self.goals.addLayout(_bullet(goal))
        if not case.goals:
            self.goals.addWidget(label(_tr("No goals written down yet. Edit the case to add them."), "empty-value"))

    def _add_doctor(self, role: str, provider_id: int | None) -> None:
        block = QVBoxLayout()
        block.setSpacing(3)
        block.addWidget(label(role, "field-label"))
        provider = self._provider(provider_id)
        if provider is None:
            block.addWidget(label(_tr("Not chosen yet"), "empty-value"))
        else:
            name = label(provider.name, "card-title", selectable=True)
            name.setAccessibleName(role)
            block.addWidget(name)
            for line in (provider.specialty, provider.institution, provider.phone and _tr("Phone {number}").format(number=provider.phone)):
                if line:
                    block.addWidget(label(line, "field-value", selectable=True))
        self.doctors.addLayout(block)

    def _provider(self, provider_id: int | None) -> Provider | None:
        if provider_id is None:
            return None
        try:
            return providers.get(self._db, provider_id)
        except NotFound:
            return None


def _bullet(text: str) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(8)
    row.addWidget(label("•", "field-value", wrap=False), 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label(text, "field-value", selectable=True), 1)
    return row
