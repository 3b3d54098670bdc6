"""The chosen opinion at a glance, under the list: what the doctor advises, why, and at what cost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from opinionkit.core.domain import Basis, Opinion
from opinionkit.ui.details import Card, FieldGrid
from opinionkit.ui.opinions.labels import basis_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("opinions", text)


def basis_text(opinion: Opinion) -> str:
    if Basis(opinion.basis) is Basis.NOT_STATED and not opinion.basis_detail:
        return ""
    shown = basis_label(opinion.basis)
    return f"{shown}: {opinion.basis_detail}" if opinion.basis_detail else shown


def letter_text(opinion: Opinion) -> str:
    words = len(opinion.letter_text.split())
    if not words:
        return ""
    return _tr("1 word") if words == 1 else _tr("{count} words").format(count=words)


class OpinionSummary(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("The opinion"), parent)
        self.setObjectName("opinionSummary")
        self.advice = FieldGrid()
        self.weighing = FieldGrid()
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addWidget(self.advice, 1)
        columns.addWidget(self.weighing, 1)
        self.body.addLayout(columns)

    def show_opinion(self, opinion: Opinion, doctor: str) -> None:
        self.title.setText(_tr("The opinion of {doctor}").format(doctor=doctor))
        self.setAccessibleName(self.title.text())
        self.advice.set_rows([
            (_tr("Diagnosis"), opinion.diagnosis),
            (_tr("Recommends"), opinion.recommended_treatment),
            (_tr("Alternatives"), opinion.alternatives),
            (_tr("Reasoning"), opinion.reasoning),
            (_tr("Based on"), basis_text(opinion), _tr("Not stated")),
        ])
        self.weighing.set_rows([
            (_tr("Benefits"), opinion.benefits),
            (_tr("Risks"), opinion.risks),
            (_tr("Urgency"), opinion.urgency),
            (_tr("Further tests"), opinion.further_tests),
            (_tr("Cost, coverage"), opinion.cost_coverage),
            (_tr("Financial interest"), opinion.financial_interest, _tr("Not stated")),
            (_tr("Letter"), letter_text(opinion), _tr("Not added yet")),
        ])
