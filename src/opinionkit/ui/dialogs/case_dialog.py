"""Starting or editing a case: the question, the doctors, the goals, the deadline and the decision."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Case, CaseStatus
from opinionkit.core.services import cases
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.deadline_edit import OptionalDateEdit
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.dialogs.goals_editor import GoalsEditor
from opinionkit.ui.dialogs.provider_choice import ProviderChoice
from opinionkit.ui.labels import status_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("case_dialog", text)


class CaseDialog(FormDialog):
    def __init__(self, db: Database, person_id: int, case: Case | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Edit case") if case else _tr("New case"), parent, columns=2)
        self.setObjectName("caseDialog")
        self._db = db
        self._case = case or Case(person_id=person_id, title="")

        self.add_heading(_tr("The question"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_tr("Required, for example “Knee replacement: now or later?”"))
        self.add_row(_tr("&Title"), self.title, "title")
        self.status = QComboBox()
        for value in CaseStatus:
            self.status.addItem(status_label(value), value.value)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.add_row(_tr("Stat&us"), self.status, "status")
        self.diagnosis = self.add_row(
            _tr("&Diagnosis as given"), text_area(3, _tr("In the doctor's words")), "diagnosis")
        self.treatment = self.add_row(_tr("T&reatment recommended"), text_area(3), "treatment_recommended")
        self.reason = self.add_row(_tr("&Why a second opinion"), text_area(4), "reason")

        self.add_heading(_tr("Doctors"))
        self.recommending = ProviderChoice(db)
        self.add_row(_tr("Re&commending doctor"), self.recommending, "recommending_doctor_id",
                     focus_widget=self.recommending.combo)
        self.second = ProviderChoice(db)
        self.add_row(_tr("Second-o&pinion doctor"), self.second, "second_opinion_doctor_id",
                     focus_widget=self.second.combo)
        self.recommending.added.connect(lambda _id: self.second.reload(self.second.value()))
        self.second.added.connect(lambda _id: self.recommending.reload(self.recommending.value()))

        self.add_heading(_tr("Goals"), column=1)
        self.goals = GoalsEditor()
        self.add_row(_tr("&Goals"), self.goals, "goals", column=1, focus_widget=self.goals.new_goal)

        self.add_heading(_tr("Deadline and decision"), column=1)
        self.deadline = OptionalDateEdit(_tr("Decide by"))
        self.add_row(_tr("Decision dead&line"), self.deadline, "decision_deadline", column=1,
                     focus_widget=self.deadline.enabled)
        self.deadline_warning = label("", "warning")
        self.deadline_warning.setAccessibleName(_tr("Deadline warning"))
        self.deadline_warning.hide()
        self.forms[1].addRow("", self.deadline_warning)
        self.deadline.changed.connect(self._update_warning)
        self.decision = self.add_row(_tr("Decisi&on"), text_area(2), "decision", column=1)
        self.decision_reason = self.add_row(_tr("Wh&y this decision"), text_area(2), "decision_reason", column=1)
        self.decided_on = QLineEdit()
        self.decided_on.setPlaceholderText(_tr("YYYY-MM-DD"))
        self.add_row(_tr("Decided o&n"), self.decided_on, "decided_on", column=1)

        self._fill(self._case)
        self.resize(1100, 660)

    def _fill(self, case: Case) -> None:
        self.title.setText(case.title)
        self.status.setCurrentIndex(max(0, self.status.findData(CaseStatus(case.status).value)))
        self.diagnosis.setPlainText(case.diagnosis)
        self.treatment.setPlainText(case.treatment_recommended)
        self.reason.setPlainText(case.reason)
        self.recommending.reload(case.recommending_doctor_id)
        self.second.reload(case.second_opinion_doctor_id)
        self.goals.set_goals(case.goals)
        self.deadline.set_value(case.decision_deadline)
        self.decision.setPlainText(case.decision)
        self.decision_reason.setPlainText(case.decision_reason)
        self.decided_on.setText(case.decided_on or "")
        self._update_warning()

    def _draft(self) -> Case:
        # replace() keeps fields this form does not show (later capabilities add some).
        return replace(
            self._case,
            title=self.title.text(),
            status=CaseStatus(self.status.currentData()),
            diagnosis=self.diagnosis.toPlainText(),
            treatment_recommended=self.treatment.toPlainText(),
            reason=self.reason.toPlainText(),
            recommending_doctor_id=self.recommending.value(),
            second_opinion_doctor_id=self.second.value(),
            goals=self.goals.goals(),
            decision_deadline=self.deadline.value(),
            decision=self.decision.toPlainText(),
            decision_reason=self.decision_reason.toPlainText(),
            decided_on=self.decided_on.text().strip() or None,
        )

    def save(self) -> Case:
        return cases.save(self._db, self._draft())

    def _update_warning(self) -> None:
        # A past deadline is allowed (it may be real); say so before saving, without blocking.
        found = cases.warnings(self._draft())
        self.deadline_warning.setText(" ".join(found))
        self.deadline_warning.setVisible(bool(found))

    def _status_changed(self) -> None:
        if self.status.currentData() == CaseStatus.DECIDED.value and not self.decided_on.text().strip():
            self.decided_on.setText(today().isoformat())
        self._update_warning()
