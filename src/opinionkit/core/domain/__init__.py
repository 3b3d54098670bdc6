"""Domain types: plain dataclasses the services read and write."""

from opinionkit.core.domain.background import (
    Allergy,
    AllergyKind,
    AllergySeverity,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Medication,
    MedicationCategory,
    MedicationStatus,
    Procedure,
    ProcedureKind,
    SocialHistory,
    VitalStatus,
)
from opinionkit.core.domain.cases import Case, CaseStatus, ChecklistKind
from opinionkit.core.domain.people import Person
from opinionkit.core.domain.providers import Provider, ProviderKind
from opinionkit.core.domain.records import (
    FollowUp,
    RecordForm,
    RecordItem,
    RecordKind,
    RecordStep,
    RecordSummary,
    RequestMethod,
    Route,
    Step,
    TrackerRow,
)

__all__ = [
    "Case", "CaseStatus", "ChecklistKind", "FollowUp", "Person", "Provider", "ProviderKind",
    "RecordForm", "RecordItem", "RecordKind", "RecordStep", "RecordSummary", "RequestMethod",
    "Route", "Step", "TrackerRow",
    # health background
    "Allergy", "AllergyKind", "AllergySeverity", "Condition", "ConditionStatus", "FamilyHistory",
    "Immunisation", "Medication", "MedicationCategory", "MedicationStatus", "Procedure", "ProcedureKind",
    "SocialHistory", "VitalStatus",
]
