"""The case's coverage as a form in the page: the plan, what it covers, referral, prior authorisation, cost.

Nothing is saved until Save; the core checks the values, and a field it refuses
is outlined with the reason above the form, as the dialogs do.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.domain.coverage import Coverage, PlanType, YesNo
from opinionkit.core.errors import InvalidInput, OpinionKitError
from opinionkit.core.services import coverage
from opinionkit.ui.details import label
from opinionkit.ui.dialogs.form_dialog import text_area
from opinionkit.ui.style import repolish, set_role
from opinionkit.ui.visit.labels import plan_label, yes_no_label

#: The yes/no questions, by field, in the order they are asked; the left column takes the first four.
YES_NO_FIELDS = (
    ("second_opinion_covered", QT_TRANSLATE_NOOP("visit", "Second opinion &covered")),
    ("third_opinion_covered", QT_TRANSLATE_NOOP("visit", "&Third opinion covered")),
    ("in_network", QT_TRANSLATE_NOOP("visit", "Doctor in &network")),
    ("referral_needed", QT_TRANSLATE_NOOP("visit", "&Referral needed")),
    ("referral_obtained", QT_TRANSLATE_NOOP("visit", "Referral o&btained")),
    ("prior_auth_needed", QT_TRANSLATE_NOOP("visit", "A&uthorisation needed")),
)
DATE_HINT = "YYYY-MM-DD"


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(9)
    return form


class CoverageForm(QWidget):
    saved = Signal(object)  # the Coverage as stored

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._stored: Coverage | None = None
        self._fields: dict[str, QWidget] = {}
        self._filling = False

        self.problem = label("", "problem")
        self.problem.setAccessibleName(_tr("Problem"))
        self.problem.hide()
        left, right = _form(), _form()
        self.plan = QComboBox()
        for plan in (PlanType.UNKNOWN, PlanType.HMO, PlanType.PPO, PlanType.MEDICARE, PlanType.MEDICARE_ADVANTAGE,
                     PlanType.FEE_FOR_SERVICE, PlanType.NONE, PlanType.OTHER):
            self.plan.addItem(plan_label(plan), plan.value)
        self._add(left, _tr("&Plan"), self.plan, "plan_type")
        self.answers: dict[str, QComboBox] = {}
        for number, (field, text) in enumerate(YES_NO_FIELDS):
            combo = QComboBox()
            for answer in (YesNo.UNKNOWN, YesNo.YES, YesNo.NO):
                combo.addItem(yes_no_label(answer), answer.value)
            self.answers[field] = combo
            if field == "prior_auth_needed":
                combo.setToolTip(_tr("Whether the plan must approve the visit beforehand (prior authorisation)"))
            self._add(left if number < 3 else right, QCoreApplication.translate("visit", text), combo, field)
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(_tr("For example “$40 copay” or “cash price $350”"))
        self._add(left, _tr("Expected co&st"), self.cost, "expected_cost")
        self.auth_number = QLineEdit()
        self._add(right, _tr("Authorisation nu&mber"), self.auth_number, "prior_auth_number")
        self.auth_from, self.auth_to = QLineEdit(), QLineEdit()
        dates_row = QHBoxLayout()
        dates_row.setSpacing(8)
        for field, widget, name in (("prior_auth_from", self.auth_from, _tr("Authorisation valid from")),
                                    ("prior_auth_to", self.auth_to, _tr("Authorisation valid to"))):
            widget.setPlaceholderText(DATE_HINT)
            widget.setMaxLength(10)
            widget.setMinimumWidth(widget.fontMetrics().horizontalAdvance(DATE_HINT) + 26)
            widget.setAccessibleName(name)
            self._fields[field] = widget
        dates_row.addWidget(self.auth_from, 1)
        dates_row.addWidget(label(_tr("to"), "muted", wrap=False))
        dates_row.addWidget(self.auth_to, 1)
        valid = QLabel(_tr("&Valid from"))
        valid.setBuddy(self.auth_from)
        right.addRow(valid, dates_row)
        self.notes = text_area(3, _tr("Anything else the plan said"))
        self._add(left, _tr("N&otes"), self.notes, "notes")

        self.save_button = set_role(QPushButton(_tr("Save coverage")), "primary")
        self.save_button.setObjectName("saveCoverage")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(_tr("Undo changes"))
        self.revert_button.setToolTip(_tr("Go back to the coverage as it was saved"))
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        columns = QHBoxLayout()
        columns.setSpacing(28)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.problem)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        self._show_changed(False)

    def _add(self, form: QFormLayout, text: str, widget: QWidget, field: str) -> None:
        row_label = QLabel(text)
        row_label.setBuddy(widget)
        widget.setAccessibleName(text.replace("&", ""))
        form.addRow(row_label, widget)
        self._fields[field] = widget

    def _watch(self) -> None:
        for widget in self._fields.values():
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(lambda *_: self._edited())
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(lambda *_, w=widget: self._edited(w))

    # Filling and reading ------------------------------------------------------------------------

    def show_coverage(self, shown: Coverage) -> None:
        if self._stored is None:
            self._watch()  # connected once the fields hold their first values
        self._stored = shown
        self._filling = True
        try:
            self.plan.setCurrentIndex(max(0, self.plan.findData(PlanType(shown.plan_type).value)))
            for field, combo in self.answers.items():
                combo.setCurrentIndex(max(0, combo.findData(YesNo(getattr(shown, field)).value)))
            self.cost.setText(shown.expected_cost)
            self.auth_number.setText(shown.prior_auth_number)
            self.auth_from.setText(shown.prior_auth_from or "")
            self.auth_to.setText(shown.prior_auth_to or "")
            self.notes.setPlainText(shown.notes)
            for line in (self.cost, self.auth_number, self.auth_from, self.auth_to):
                line.setCursorPosition(0)
        finally:
            self._filling = False
        self._clear_problem()
        self._show_changed(False)

    def value(self) -> Coverage:
        assert self._stored is not None
        answers = {field: YesNo(combo.currentData()) for field, combo in self.answers.items()}
        return replace(
            self._stored, plan_type=PlanType(self.plan.currentData()), expected_cost=self.cost.text(),
            prior_auth_number=self.auth_number.text(), prior_auth_from=self.auth_from.text().strip() or None,
            prior_auth_to=self.auth_to.text().strip() or None, notes=self.notes.toPlainText(), **answers,
        )

    @property
    def changed(self) -> bool:
        return self.save_button.isEnabled()

    # Saving ----------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the form; on a refused value, outline its field, say why, and keep the form as it is."""
        if self._stored is None:
            return False
        self._clear_problem()
        try:
            stored = coverage.save(self._db, self.value())
        except InvalidInput as error:
            self.point_at(error.field, str(error))
            return False
        except OpinionKitError as error:
            self._show_problem(str(error))
            return False
        self.show_coverage(stored)
        self.saved.emit(stored)
        return True

    def revert(self) -> None:
        if self._stored is not None:
            self.show_coverage(self._stored)

    def point_at(self, field: str, message: str) -> None:
        self._show_problem(message)
        widget = self._fields.get(field)
        if widget is None:
            return
        widget.setProperty("invalid", True)
        widget.setAccessibleDescription(message)
        repolish(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def invalid_fields(self) -> list[str]:
        return [name for name, widget in self._fields.items() if widget.property("invalid")]

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.hide()
        for widget in self._fields.values():
            self._unmark(widget)

    def _unmark(self, widget: QWidget) -> None:
        if widget.property("invalid"):
            widget.setProperty("invalid", False)
            widget.setAccessibleDescription("")
            repolish(widget)

    def _edited(self, widget: QWidget | None = None) -> None:
        if self._filling:
            return
        if widget is not None:
            self._unmark(widget)
        self._show_changed(True)

    def _show_changed(self, changed: bool) -> None:
        self.save_button.setEnabled(changed)
        self.revert_button.setEnabled(changed)
