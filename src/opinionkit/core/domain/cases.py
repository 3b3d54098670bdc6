from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CaseStatus(StrEnum):
    """Where a second-opinion question stands, in the order a case moves through them."""

    FRAMING = "framing"
    GATHERING_RECORDS = "gathering records"
    AWAITING_OPINION = "awaiting opinion"
    COMPARING = "comparing"
    DECIDED = "decided"


class ChecklistKind(StrEnum):
    """The kind of case, which decides the starter checklist of records it is offered."""

    GENERAL = "general"
    SURGERY = "surgery recommended"
    CANCER = "cancer"
    IMAGING = "imaging-heavy"


@dataclass
class Case:
    """One second-opinion question of one person."""

    person_id: int
    title: str
    diagnosis: str = ""
    treatment_recommended: str = ""
    recommending_doctor_id: int | None = None
    second_opinion_doctor_id: int | None = None
    reason: str = ""
    goals: list[str] = field(default_factory=list)
    decision_deadline: str | None = None
    status: CaseStatus = CaseStatus.FRAMING
    decision: str = ""
    decision_reason: str = ""
    decided_on: str | None = None
    checklist_kind: ChecklistKind = ChecklistKind.GENERAL
    id: int | None = None
