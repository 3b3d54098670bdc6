"""Logging a call with the insurer: when, with whom, the call's reference number and what was said."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QWidget
from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.coverage import InsurerCall
from opinionkit.core.services import coverage
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class CallDialog(FormDialog):
    def __init__(self, db: Database, case_id: int, call: InsurerCall | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(_tr("Call with the insurer") if call else _tr("New call with the insurer"), parent)
        self.setObjectName("callDialog")
        self._db = db
        self._call = call or InsurerCall(case_id=case_id, on_date=dates.today().isoformat(), said="")
        self.on_date = QDateEdit()
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("d MMMM yyyy")
        self.on_date.setMaximumDate(QDate(dates.today()))  # a call is logged once it has happened
        self.on_date.setDate(QDate.fromString(self._call.on_date, "yyyy-MM-dd"))
        self.on_date.setMinimumWidth(170)
        self.add_row(_tr("&Date"), self.on_date, "on_date")
        self.representative = QLineEdit(self._call.representative)
        self.representative.setPlaceholderText(_tr("Their name, and the department"))
        self.add_row(_tr("&Representative"), self.representative, "representative")
        self.reference = QLineEdit(self._call.reference_number)
        self.reference.setPlaceholderText(_tr("The call's reference number, if they gave one"))
        self.add_row(_tr("Re&ference number"), self.reference, "reference_number")
        self.said = text_area(6, _tr("What they said is covered, what is needed, and any deadline"))
        self.said.setPlainText(self._call.said)
        self.add_row(_tr("&What was said"), self.said, "said")
        self.resize(620, 420)

    def save(self) -> InsurerCall:
        changed = replace(self._call, on_date=self.on_date.date().toString("yyyy-MM-dd"),
                          representative=self.representative.text(), reference_number=self.reference.text(),
                          said=self.said.toPlainText())
        if changed.id is None:
            return coverage.add_call(self._db, changed.case_id, changed.said, changed.representative,
                                     changed.reference_number, changed.on_date)
        return coverage.update_call(self._db, changed)
