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
from opinionkit.core.domain.appointments import Appointment, AppointmentKind, Recording
from opinionkit.core.domain.cases import Case, CaseStatus, ChecklistKind
from opinionkit.core.domain.coverage import Coverage, InsurerCall, PlanType, YesNo
from opinionkit.core.domain.decisions import (
    Consideration,
    DecisionGuide,
    GoalWeight,
    GuideOption,
    OtherPerson,
    RowVerdict,
    SureCheck,
    Verdict,
)
from opinionkit.core.domain.opinions import Basis, HowGiven, Opinion
from opinionkit.core.domain.overview import NextStep, Overview, Reminder, Target, Urgency
from opinionkit.core.domain.people import Person
from opinionkit.core.domain.providers import Provider, ProviderKind
from opinionkit.core.domain.questions import AnswerState, Question, QuestionAnswer, QuestionRow, QuestionSource
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
    # preparing the visit
    "AnswerState", "Appointment", "AppointmentKind", "Coverage", "InsurerCall", "NextStep", "Overview",
    "PlanType", "Question", "QuestionAnswer", "QuestionRow", "QuestionSource", "Recording", "Reminder",
    "Target", "Urgency", "YesNo",
    # opinions
    "Basis", "HowGiven", "Opinion",
    # comparing and deciding
    "Consideration", "DecisionGuide", "GoalWeight", "GuideOption", "OtherPerson", "RowVerdict", "SureCheck",
    "Verdict",
]
