"""Adding or editing a medication, with names suggested while typing and a second look before saving;
and stopping one, which keeps it in the history with its stop date."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.background import Medication, MedicationCategory, MedicationStatus
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import background
from opinionkit.ui.background.labels import category_label, partial_date_text
from opinionkit.ui.background.name_suggestions import NameSuggestions
from opinionkit.ui.background.record_form import RecordDialog
from opinionkit.ui.details import label


def _tr(text: str) -> str:
    return QCoreApplication.translate("medication_dialog", text)


def _forms() -> list[tuple[str, str]]:
    return [(v, v) for v in (
        _tr("tablet"), _tr("capsule"), _tr("softgel"), _tr("liquid"), _tr("drops"), _tr("inhaler"),
        _tr("spray"), _tr("cream"), _tr("patch"), _tr("injection"),
    )]


def _routes() -> list[tuple[str, str]]:
    return [(v, v) for v in (
        _tr("by mouth"), _tr("under the tongue"), _tr("on the skin"), _tr("inhaled"), _tr("in the eye"),
        _tr("in the nose"), _tr("injection under the skin"), _tr("injection into a muscle"),
    )]


class MedicationDialog(RecordDialog):
    def __init__(self, db: Database, record: Medication, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _tr("Edit medication") if record.id else _tr("New medication"), parent,
                         columns=2)
        self.setObjectName("medicationDialog")
        self.warning_box: QMessageBox | None = None
        self._warnings_seen = False

        self.add_heading(_tr("The medicine"))
        self.name = self.text_row(_tr("&Name"), "name", _tr("Required; start typing for suggestions"))
        self.suggestions = NameSuggestions(self.name)
        self.strength = self.text_row(_tr("S&trength"), "strength", _tr("for example 300 mg"))
        self.form = self.suggested_row(_tr("&Form"), "form", _forms(), _tr("tablet, capsule, liquid…"))
        self.category = self.choice_row(_tr("&Kind"), "category",
                                        [(c.value, category_label(c)) for c in MedicationCategory])
        self.reason = self.text_row(_tr("&Reason"), "reason", _tr("What it is for"))
        self.prescriber = self.provider_row(_tr("&Prescriber"), "prescriber", "prescriber_id",
                                            _tr("Choose from the directory, or type a name"))

        self.add_heading(_tr("How and when"), column=1)
        self.dose = self.text_row(_tr("&Dose"), "dose", _tr("for example 1 tablet"), column=1)
        self.route = self.suggested_row(_tr("Rout&e"), "route", _routes(), _tr("by mouth, on the skin…"), column=1)
        self.frequency = self.text_row(_tr("&How often"), "frequency", _tr("for example twice a day"), column=1)
        self.as_needed = self.check_row(_tr("Only &when needed"), "as_needed", column=1)
        self.start = self.date_row(_tr("St&art"), "start", column=1)
        self.status = self.choice_row(_tr("Stat&us"), "status", [
            (MedicationStatus.ACTIVE.value, _tr("Taking it")), (MedicationStatus.STOPPED.value, _tr("Stopped")),
        ], column=1)
        self.stop = self.date_row(_tr("&Stop"), "stop", column=1)
        self.stop.setPlaceholderText(_tr("Empty while taking it"))
        self.notes = self.notes_row(_tr("N&otes"), column=1)

        self.finish()
        self.fit(940)

    def accept(self) -> None:
        """Save, unless the core has something worth a second look: then ask first."""
        warnings = [] if self._warnings_seen else self._warnings()
        if not warnings:
            super().accept()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _tr("Before you save"),
                          _tr("Please have a second look at this medication."), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("medicationWarnings")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n\n".join(warnings))
        save_anyway = box.addButton(_tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        save_anyway.setObjectName("saveAnyway")
        go_back = box.addButton(_tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        go_back.setObjectName("goBack")
        box.setDefaultButton(go_back)
        box.setEscapeButton(go_back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._answered(button, save_anyway))
        self.warning_box = box
        box.open()

    def _answered(self, button: QAbstractButton, save_anyway: QAbstractButton) -> None:
        self.warning_box = None
        if button is save_anyway:
            self._warnings_seen = True
            super().accept()
            self._warnings_seen = False  # a refused save asks again after the next change

    def _warnings(self) -> list[str]:
        """The core's warnings for what the form holds, once it would pass the checks; a form the
        core refuses has none here, and saving shows why it was refused."""
        medication = self.edited_record()
        try:
            background.validate(self._db, copy.copy(medication))
        except OpinionKitError:
            return []
        return background.medication_warnings(self._db, medication.person_id, medication)


class StopDialog(RecordDialog):
    """Asks when a medication was stopped; it stays listed, as history, with that date."""

    def __init__(self, db: Database, record: Medication, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _tr("Stop medication"), parent)
        self.setObjectName("stopDialog")
        started = partial_date_text(record.start, long=True)
        intro = _tr("It stays in the list as history, greyed, with this date.")
        if started:
            intro += " " + _tr("It was started {date}.").format(date=started)
        self.add_heading(record.label)
        self.forms[0].addRow(label(intro, "muted"))
        self.stop = self.date_row(_tr("&Stopped on"), "stop")
        self.save_button.setText(_tr("Stop medication"))
        self.finish()
        self.stop.setText(today().isoformat())
        self.stop.selectAll()
        self.fit(540)

    def save(self) -> Medication:
        return background.stop_medication(self._db, self.record.id or 0, self.stop.text())
