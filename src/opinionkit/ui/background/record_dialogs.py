"""The forms for allergies, conditions, procedures, immunisations, family and social history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from opinionkit.core.domain.background import (
    RELATIVES,
    Allergy,
    AllergyKind,
    AllergySeverity,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Procedure,
    ProcedureKind,
    SocialHistory,
    VitalStatus,
)
from opinionkit.ui.background.labels import (
    allergy_kind_label,
    condition_status_label,
    procedure_kind_label,
    relative_label,
    severity_label,
    vital_status_label,
)
from opinionkit.ui.background.name_suggestions import NameSuggestions
from opinionkit.ui.background.record_form import RecordDialog


#: "Not known" first: it is where a new allergy starts, and the others then read mildest to worst.
_SEVERITIES = (AllergySeverity.UNKNOWN, AllergySeverity.MILD, AllergySeverity.MODERATE, AllergySeverity.SEVERE)


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_dialogs", text)


def _title(record: object, new: str, edit: str) -> str:
    return edit if getattr(record, "id", None) else new


class AllergyDialog(RecordDialog):
    def __init__(self, db: Database, record: Allergy, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _title(record, _tr("New allergy"), _tr("Edit allergy")), parent)
        self.setObjectName("allergyDialog")
        self.substance = self.text_row(_tr("&Substance"), "substance",
                                       _tr("Required: a medicine, food or anything else"))
        self.suggestions = NameSuggestions(self.substance)  # a medicine named as the dictionary does is checked
        self.kind = self.choice_row(_tr("&Kind"), "kind", [(k.value, allergy_kind_label(k)) for k in AllergyKind])
        self.reaction = self.text_row(_tr("&Reaction"), "reaction", _tr("for example hives, swelling"))
        self.severity = self.choice_row(_tr("Se&verity"), "severity",
                                        [(s.value, severity_label(s)) for s in _SEVERITIES])
        self.notes = self.notes_row(_tr("N&otes"))
        self.finish()
        self.fit(600)


class ConditionDialog(RecordDialog):
    def __init__(self, db: Database, record: Condition, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _title(record, _tr("New condition"), _tr("Edit condition")), parent)
        self.setObjectName("conditionDialog")
        self.name = self.text_row(_tr("&Condition"), "name", _tr("Required, for example high blood pressure"))
        self.since = self.date_row(_tr("&Since"), "since")
        self.status = self.choice_row(_tr("St&atus"), "status",
                                      [(s.value, condition_status_label(s)) for s in ConditionStatus])
        self.notes = self.notes_row(_tr("N&otes"), lines=4)
        self.finish()
        self.fit(600)


class ProcedureDialog(RecordDialog):
    def __init__(self, db: Database, record: Procedure, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _title(record, _tr("New procedure or hospital stay"),
                                            _tr("Edit procedure or hospital stay")), parent)
        self.setObjectName("procedureDialog")
        self.name = self.text_row(_tr("&What"), "name", _tr("Required, for example knee arthroscopy"))
        self.kind = self.choice_row(_tr("&Kind"), "kind", [(k.value, procedure_kind_label(k)) for k in ProcedureKind])
        self.performed_on = self.date_row(_tr("W&hen"), "performed_on")
        self.location = self.text_row(_tr("Whe&re"), "location", _tr("Hospital or clinic"))
        self.performed_by = self.provider_row(_tr("&By whom"), "performed_by", "performed_by_id",
                                              _tr("Choose from the directory, or type a name"))
        self.notes = self.notes_row(_tr("N&otes"))
        self.finish()
        self.fit(640)


class ImmunisationDialog(RecordDialog):
    def __init__(self, db: Database, record: Immunisation, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _title(record, _tr("New immunisation"), _tr("Edit immunisation")), parent)
        self.setObjectName("immunisationDialog")
        self.vaccine = self.text_row(_tr("&Vaccine"), "vaccine", _tr("Required, for example influenza (seasonal)"))
        self.given_on = self.date_row(_tr("&Date"), "given_on")
        self.notes = self.notes_row(_tr("N&otes"))
        self.finish()
        self.fit(600)


class FamilyHistoryDialog(RecordDialog):
    def __init__(self, db: Database, record: FamilyHistory, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _title(record, _tr("New family history entry"),
                                            _tr("Edit family history entry")), parent)
        self.setObjectName("familyHistoryDialog")
        relatives = [(r, relative_label(r)) for r in RELATIVES]
        self.relative = self.suggested_row(_tr("&Relative"), "relative", relatives,
                                           _tr("Required, for example mother"))
        self.condition = self.text_row(_tr("&Condition"), "condition", _tr("Required, for example colon cancer"))
        self.age_at_onset = self.text_row(_tr("&Age at onset"), "age_at_onset", _tr("Years, if known"))
        self.age_at_onset.setMaximumWidth(160)
        self.vital_status = self.choice_row(_tr("&Living or deceased"), "vital_status",
                                            [(v.value, vital_status_label(v)) for v in VitalStatus])
        self.notes = self.notes_row(_tr("N&otes"))
        self.finish()
        self.fit(600)


class SocialHistoryDialog(RecordDialog):
    def __init__(self, db: Database, record: SocialHistory, parent: QWidget | None = None) -> None:
        super().__init__(db, record, _tr("Social history"), parent)
        self.setObjectName("socialHistoryDialog")
        self.tobacco = self.suggested_row(_tr("&Tobacco"), "tobacco", [(v, v) for v in (
            _tr("Never smoked"), _tr("Former smoker"), _tr("Smokes now"))],
            _tr("for example former smoker, stopped 2010"))
        self.alcohol = self.suggested_row(_tr("&Alcohol"), "alcohol", [(v, v) for v in (
            _tr("None"), _tr("Occasionally"), _tr("A few drinks a week"), _tr("Most days"))],
            _tr("How much, how often"))
        self.occupation = self.text_row(_tr("O&ccupation"), "occupation", _tr("Work now or before retiring"))
        self.notes = self.notes_row(_tr("N&otes"), lines=4)
        self.finish()
        self.fit(620)
