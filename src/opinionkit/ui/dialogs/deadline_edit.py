"""A date that may be left unset: a "Decide by" tick box beside a calendar date field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from opinionkit.core.dates import today


def _tr(text: str) -> str:
    return QCoreApplication.translate("deadline_edit", text)


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, check_text: str, default_days_ahead: int = 30, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(check_text)
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setMinimumWidth(170)
        self.date.setDate(QDate(today()).addDays(default_days_ahead))
        self.date.setEnabled(False)
        self.enabled.toggled.connect(self.date.setEnabled)
        self.enabled.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.enabled)
        layout.addWidget(self.date)
        layout.addStretch(1)

    def set_value(self, iso: str | None) -> None:
        if iso:
            self.date.setDate(QDate.fromString(iso, "yyyy-MM-dd"))
        self.enabled.setChecked(bool(iso))

    def value(self) -> str | None:
        return self.date.date().toString("yyyy-MM-dd") if self.enabled.isChecked() else None
