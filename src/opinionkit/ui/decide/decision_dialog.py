"""Recording the decision: what was decided, why, and when."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.decide import guide as guides
from opinionkit.core.errors import OpinionKitError
from opinionkit.ui.details import label
from opinionkit.ui.errors import show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


class DecisionDialog(QDialog):
    """Writes the decision on the case with ``record_decision``; the case becomes "decided"."""

    def __init__(self, db: Database, case_id: int, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.case_id = db, case_id
        self.setWindowTitle(_tr("Record the decision"))
        self.setAccessibleName(_tr("Record the decision"))
        self.setMinimumWidth(520)
        self.decision = QLineEdit(suggestion)
        self.decision.setAccessibleName(_tr("What you decided"))
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(_tr("Why"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(100)
        self.on_date = QDateEdit(QDate.currentDate())
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.on_date.setMaximumDate(QDate.currentDate())
        self.on_date.setAccessibleName(_tr("Date of the decision"))
        form = QFormLayout()
        form.addRow(_tr("What you &decided"), self.decision)
        form.addRow(_tr("&Why"), self.reason)
        form.addRow(_tr("D&ate"), self.on_date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = buttons.addButton(_tr("&Record decision"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_tr("The case's status becomes “decided”. You can revisit the decision later."),
                               "muted"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            guides.record_decision(self.db, self.case_id, self.decision.text(), self.reason.toPlainText(),
                                   self.on_date.date().toString("yyyy-MM-dd"))
        except OpinionKitError as error:
            show_error(self, error)
            return
        super().accept()
