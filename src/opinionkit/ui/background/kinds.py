"""Each kind of health background record as its screen shows it: tab title, columns, form and words.

Built by a function, not at import, so every text goes through tr() once the
application (and its translator) exists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.background import (
    Allergy,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Medication,
    MedicationStatus,
    Procedure,
)
from opinionkit.core.services.background import Background
from opinionkit.ui.background.labels import (
    allergy_kind_label,
    category_label,
    condition_status_label,
    partial_date_text,
    procedure_kind_label,
    relative_label,
    severity_label,
    vital_status_label,
)
from opinionkit.ui.background.medication_dialog import MedicationDialog
from opinionkit.ui.background.record_dialogs import (
    AllergyDialog,
    ConditionDialog,
    FamilyHistoryDialog,
    ImmunisationDialog,
    ProcedureDialog,
)
from opinionkit.ui.background.record_form import RecordDialog
from opinionkit.ui.background.table_model import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("background_kinds", text)


@dataclass(frozen=True)
class RecordKind:
    key: str  # also the attribute of Background that lists these records
    record_type: type
    title: str
    what: str  # one record in words, for questions such as "Delete the allergy …?"
    add_text: str
    empty_text: str
    columns: list[Column]
    dialog: Callable[[Database, Any, QWidget], RecordDialog]
    details: Callable[[Any, Background], list[str]]  # shown under the table for the chosen row
    is_history: Callable[[Any], bool] | None = None


def blank_record(record_type: type, person_id: int) -> Any:
    """A new, empty record of ``record_type`` for the person: its required texts empty, for the form to fill."""
    required = {f.name: "" for f in dataclasses.fields(record_type) if f.metadata.get("required")}
    return record_type(person_id=person_id, **required)


def _date(field: str) -> Callable[[Any, Any], str]:
    return lambda record, _found: partial_date_text(getattr(record, field))


def _raw(field: str) -> Callable[[Any, Any], Any]:
    return lambda record, _found: getattr(record, field)


def _notes(record: Any) -> list[str]:
    return [_tr("Notes: {notes}").format(notes=" ".join(record.notes.split()))] if record.notes else []


def _how_taken(m: Medication, _found: Background) -> str:
    parts = [m.dose, m.route, m.frequency]
    if m.as_needed:
        parts.append(_tr("as needed"))
    return ", ".join(part for part in parts if part)


def _medication_status(m: Medication, _found: Background) -> str:
    if m.is_active(today().isoformat()):
        return _tr("Taking, until {date}").format(date=partial_date_text(m.stop)) if m.stop else _tr("Taking")
    return _tr("Stopped {date}").format(date=partial_date_text(m.stop)) if m.stop else _tr("Stopped")


def _medication_details(m: Medication, _found: Background) -> list[str]:
    facts = [category_label(m.category), m.form, _how_taken(m, _found)]
    if m.status == MedicationStatus.STOPPED and not m.stop:
        facts.append(_tr("stop date not known"))
    return [*facts, *_notes(m)]


def record_kinds() -> list[RecordKind]:
    return [
        RecordKind(
            "medications", Medication, _tr("Medications"), _tr("medication"), _tr("&Add medication…"),
            _tr("No medications recorded yet. Add each medicine, over-the-counter product and supplement taken."),
            [
                Column(_tr("Medication"), lambda m, _f: m.label),
                Column(_tr("How taken"), _how_taken),
                Column(_tr("Reason"), _raw("reason"), width=20),
                Column(_tr("Prescriber"), lambda m, found: found.prescriber(m), width=17),
                Column(_tr("Started"), _date("start"), _raw("start"), width=11),
                Column(_tr("Status"), _medication_status, lambda m, _f: m.stop or "", width=18),
            ],
            MedicationDialog, _medication_details,
            is_history=lambda m: not m.is_active(today().isoformat()),
        ),
        RecordKind(
            "allergies", Allergy, _tr("Allergies"), _tr("allergy"), _tr("&Add allergy…"),
            _tr("No allergies or intolerances recorded yet."),
            [
                Column(_tr("Substance"), _raw("substance")),
                Column(_tr("Kind"), lambda a, _f: allergy_kind_label(a.kind), width=12),
                Column(_tr("Reaction"), _raw("reaction")),
                Column(_tr("Severity"), lambda a, _f: severity_label(a.severity),
                       lambda a, _f: ["mild", "moderate", "severe", "unknown"].index(a.severity), width=11),
                Column(_tr("Notes"), lambda a, _f: " ".join(a.notes.split())),
            ],
            AllergyDialog, lambda a, _found: _notes(a),
        ),
        RecordKind(
            "conditions", Condition, _tr("Conditions"), _tr("condition"), _tr("&Add condition…"),
            _tr("No conditions recorded yet. Add current health problems and past ones that matter."),
            [
                Column(_tr("Condition"), _raw("name")),
                Column(_tr("Since"), _date("since"), _raw("since"), width=11),
                Column(_tr("Status"), lambda c, _f: condition_status_label(c.status), width=10),
                Column(_tr("Notes"), lambda c, _f: " ".join(c.notes.split())),
            ],
            ConditionDialog, lambda c, _found: _notes(c),
            is_history=lambda c: c.status == ConditionStatus.RESOLVED,
        ),
        RecordKind(
            "procedures", Procedure, _tr("Procedures"), _tr("procedure"), _tr("&Add procedure…"),
            _tr("No surgeries, procedures or hospital stays recorded yet."),
            [
                Column(_tr("Surgery, procedure or stay"), _raw("name")),
                Column(_tr("When"), _date("performed_on"), _raw("performed_on"), width=11),
                Column(_tr("Kind"), lambda p, _f: procedure_kind_label(p.kind), width=12),
                Column(_tr("Where"), _raw("location"), width=26),
                Column(_tr("By whom"), lambda p, found: found.performer(p), width=18),
            ],
            ProcedureDialog, lambda p, _found: _notes(p),
        ),
        RecordKind(
            "immunisations", Immunisation, _tr("Immunisations"), _tr("immunisation"), _tr("&Add immunisation…"),
            _tr("No immunisations recorded yet."),
            [
                Column(_tr("Vaccine"), _raw("vaccine")),
                Column(_tr("Date"), _date("given_on"), _raw("given_on"), width=11),
                Column(_tr("Notes"), lambda i, _f: " ".join(i.notes.split())),
            ],
            ImmunisationDialog, lambda i, _found: _notes(i),
        ),
        RecordKind(
            "family_history", FamilyHistory, _tr("Family history"), _tr("family history entry"),
            _tr("&Add relative’s condition…"),
            _tr("No family history recorded yet. Add conditions of parents, brothers and sisters, and others."),
            [
                Column(_tr("Relative"), lambda f, _f: relative_label(f.relative), width=16),
                Column(_tr("Condition"), _raw("condition")),
                Column(_tr("Age at onset"), lambda f, _f: "" if f.age_at_onset is None else str(f.age_at_onset),
                       _raw("age_at_onset"), width=11),
                Column(_tr("Living or deceased"), lambda f, _f: vital_status_label(f.vital_status), width=15),
                Column(_tr("Notes"), lambda f, _f: " ".join(f.notes.split())),
            ],
            FamilyHistoryDialog, lambda f, _found: _notes(f),
        ),
    ]
