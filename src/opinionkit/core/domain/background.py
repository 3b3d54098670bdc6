"""A person's health background: medications, allergies, conditions, procedures,
immunisations, family and social history.

Each field carries its label in its metadata (the change log names fields with
it) and says whether it may hold several lines (``multiline``), is the record's
identifying text (``required``) or a date (``date``; ``past`` when a date in
the future cannot be right). The services validate generically from these.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


def _text(label: str, *, required: bool = False, multiline: bool = False) -> Any:
    meta = {"label": label, "required": required, "multiline": multiline}
    return dataclasses.field(metadata=meta) if required else dataclasses.field(default="", metadata=meta)


def _date(label: str, *, past: bool = True) -> Any:
    return dataclasses.field(default=None, metadata={"label": label, "date": True, "past": past})


def _value(label: str, default: Any) -> Any:
    return dataclasses.field(default=default, metadata={"label": label})


class MedicationCategory(StrEnum):
    PRESCRIPTION = "prescription"
    OVER_THE_COUNTER = "over the counter"
    SUPPLEMENT = "supplement"


class MedicationStatus(StrEnum):
    ACTIVE = "active"
    STOPPED = "stopped"


class AllergySeverity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    UNKNOWN = "unknown"


class AllergyKind(StrEnum):
    DRUG = "drug"
    FOOD = "food"
    ENVIRONMENT = "environment"
    OTHER = "other"


class ConditionStatus(StrEnum):
    ACTIVE = "active"
    RESOLVED = "resolved"


class ProcedureKind(StrEnum):
    SURGERY = "surgery"
    PROCEDURE = "procedure"
    HOSPITAL_STAY = "hospital stay"


class VitalStatus(StrEnum):
    LIVING = "living"
    DECEASED = "deceased"
    UNKNOWN = "unknown"


#: Relatives offered when typing family history; any other wording is accepted too.
RELATIVES = (
    "mother", "father", "sister", "brother", "daughter", "son", "half-sister", "half-brother",
    "maternal grandmother", "maternal grandfather", "paternal grandmother", "paternal grandfather",
    "aunt", "uncle", "niece", "nephew", "cousin",
)


@dataclass
class Medication:
    """A medicine, over-the-counter product or supplement the person takes or took."""

    person_id: int
    name: str = _text("Name", required=True)
    strength: str = _text("Strength")
    form: str = _text("Form")
    dose: str = _text("Dose")
    route: str = _text("Route")
    frequency: str = _text("How often")
    as_needed: bool = _value("As needed", False)
    category: MedicationCategory = _value("Kind", MedicationCategory.PRESCRIPTION)
    prescriber: str = _text("Prescriber")
    prescriber_id: int | None = _value("Prescriber in the directory", None)
    reason: str = _text("Reason")
    start: str | None = _date("Start", past=False)
    stop: str | None = _date("Stop", past=False)
    status: MedicationStatus = _value("Status", MedicationStatus.ACTIVE)
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    def __post_init__(self) -> None:
        self.as_needed = bool(self.as_needed)  # SQLite hands booleans back as 0/1

    @property
    def label(self) -> str:
        return " ".join(part for part in (self.name, self.strength) if part)

    def is_active(self, on: str) -> bool:
        """Taken on the ISO date ``on``: not stopped, and any planned stop date not reached."""
        return self.status == MedicationStatus.ACTIVE and not (self.stop and self.stop <= on)


@dataclass
class Allergy:
    """An allergy or intolerance, and what it does."""

    person_id: int
    substance: str = _text("Substance", required=True)
    reaction: str = _text("Reaction")
    severity: AllergySeverity = _value("Severity", AllergySeverity.UNKNOWN)
    kind: AllergyKind = _value("Kind", AllergyKind.DRUG)
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return self.substance


@dataclass
class Condition:
    """A diagnosis or health problem, current or past."""

    person_id: int
    name: str = _text("Name", required=True)
    since: str | None = _date("Since")
    status: ConditionStatus = _value("Status", ConditionStatus.ACTIVE)
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return self.name


@dataclass
class Procedure:
    """A surgery, another procedure or a hospital stay."""

    person_id: int
    name: str = _text("What", required=True)
    performed_on: str | None = _date("When")
    location: str = _text("Where")
    performed_by: str = _text("By whom")
    performed_by_id: int | None = _value("By whom in the directory", None)
    kind: ProcedureKind = _value("Kind", ProcedureKind.SURGERY)
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return self.name


@dataclass
class Immunisation:
    """A vaccine dose."""

    person_id: int
    vaccine: str = _text("Vaccine", required=True)
    given_on: str | None = _date("Date")
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return self.vaccine


@dataclass
class FamilyHistory:
    """A condition in a blood relative."""

    person_id: int
    relative: str = _text("Relative", required=True)
    condition: str = _text("Condition", required=True)
    age_at_onset: int | None = _value("Age at onset", None)
    vital_status: VitalStatus = _value("Living or deceased", VitalStatus.UNKNOWN)
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.relative}: {self.condition}"


@dataclass
class SocialHistory:
    """Tobacco, alcohol and occupation: one per person."""

    person_id: int
    tobacco: str = _text("Tobacco")
    alcohol: str = _text("Alcohol")
    occupation: str = _text("Occupation")
    notes: str = _text("Notes", multiline=True)
    id: int | None = None

    @property
    def label(self) -> str:
        return "Social history"

    def is_empty(self) -> bool:
        return not (self.tobacco or self.alcohol or self.occupation or self.notes)


#: Every kind of background record, in the order the summary lists them.
BackgroundRecord = Medication | Allergy | Condition | Procedure | Immunisation | FamilyHistory | SocialHistory

