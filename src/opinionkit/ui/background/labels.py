"""Words the health background screens show for stored values: kinds, statuses and partial dates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt

from opinionkit.core.domain.background import (
    AllergyKind,
    AllergySeverity,
    ConditionStatus,
    MedicationCategory,
    ProcedureKind,
    VitalStatus,
)
from opinionkit.core.services.changelog import ChangeAction


def _tr(text: str) -> str:
    return QCoreApplication.translate("background_labels", text)


def category_label(value: MedicationCategory | str) -> str:
    return {
        MedicationCategory.PRESCRIPTION: _tr("Prescription"),
        MedicationCategory.OVER_THE_COUNTER: _tr("Over the counter"),
        MedicationCategory.SUPPLEMENT: _tr("Supplement"),
    }[MedicationCategory(value)]


def allergy_kind_label(value: AllergyKind | str) -> str:
    return {
        AllergyKind.DRUG: _tr("Drug"),
        AllergyKind.FOOD: _tr("Food"),
        AllergyKind.ENVIRONMENT: _tr("Environment"),
        AllergyKind.OTHER: _tr("Other"),
    }[AllergyKind(value)]


def severity_label(value: AllergySeverity | str) -> str:
    return {
        AllergySeverity.MILD: _tr("Mild"),
        AllergySeverity.MODERATE: _tr("Moderate"),
        AllergySeverity.SEVERE: _tr("Severe"),
        AllergySeverity.UNKNOWN: _tr("Not known"),
    }[AllergySeverity(value)]


def condition_status_label(value: ConditionStatus | str) -> str:
    return {ConditionStatus.ACTIVE: _tr("Active"), ConditionStatus.RESOLVED: _tr("Resolved")}[ConditionStatus(value)]


def procedure_kind_label(value: ProcedureKind | str) -> str:
    return {
        ProcedureKind.SURGERY: _tr("Surgery"),
        ProcedureKind.PROCEDURE: _tr("Procedure"),
        ProcedureKind.HOSPITAL_STAY: _tr("Hospital stay"),
    }[ProcedureKind(value)]


def vital_status_label(value: VitalStatus | str) -> str:
    return {
        VitalStatus.LIVING: _tr("Living"),
        VitalStatus.DECEASED: _tr("Deceased"),
        VitalStatus.UNKNOWN: _tr("Not known"),
    }[VitalStatus(value)]


def action_label(value: ChangeAction | str) -> str:
    return {
        ChangeAction.ADDED: _tr("Added"),
        ChangeAction.CHANGED: _tr("Changed"),
        ChangeAction.STOPPED: _tr("Stopped"),
        ChangeAction.DELETED: _tr("Deleted"),
        ChangeAction.RESTORED: _tr("Restored"),
    }[ChangeAction(value)]


def record_kind_label(table: str) -> str:
    """A record's kind in words, from the table it is kept in (as the change log names it)."""
    return {
        "medications": _tr("Medication"),
        "allergies": _tr("Allergy"),
        "conditions": _tr("Condition"),
        "procedures": _tr("Procedure"),
        "immunisations": _tr("Immunisation"),
        "family_history": _tr("Family history"),
        "social_history": _tr("Social history"),
    }.get(table, table.replace("_", " ").capitalize())


def record_kinds_label(table: str) -> str:
    """The records of one table, in the plural: "Medications", "Family history"."""
    return {
        "medications": _tr("Medications"),
        "allergies": _tr("Allergies"),
        "conditions": _tr("Conditions"),
        "procedures": _tr("Procedures"),
        "immunisations": _tr("Immunisations"),
        "family_history": _tr("Family history"),
        "social_history": _tr("Social history"),
    }.get(table, table.replace("_", " ").capitalize())


def relative_label(relative: str) -> str:
    """A relative as stored ("maternal grandmother"), translated when it is one of the usual ones, capitalised."""
    shown = QCoreApplication.translate("relatives", relative)
    return shown[:1].upper() + shown[1:]


def partial_date_text(iso: str | None, *, long: bool = False) -> str:
    """``2019-03-14`` as "14 Mar 2019", ``2019-03`` as "Mar 2019", ``2019`` as "2019" (long: "March")."""
    if not iso:
        return ""
    month = "MMMM" if long else "MMM"
    parts = iso.split("-")
    if len(parts) == 1:
        return iso
    date = QDate.fromString(iso if len(parts) == 3 else f"{iso}-01", "yyyy-MM-dd")
    if not date.isValid():
        return iso
    return QLocale().toString(date, f"d {month} yyyy" if len(parts) == 3 else f"{month} yyyy")


def stamp_text(stamp: str) -> str:
    """A stored UTC time stamp in local time, as "23 Nov 2026, 16:39"."""
    moment = QDateTime.fromString(stamp, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    return QLocale().toString(moment.toLocalTime(), "d MMM yyyy, HH:mm")
