"""A doctor's opinion on a case: what they diagnose and recommend, why, and the letter that says so."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class HowGiven(StrEnum):
    VISIT = "visit"
    REMOTE_REVIEW = "remote record review"
    LETTER = "letter"


class Basis(StrEnum):
    """What the recommendation rests on, as the doctor said it."""

    GUIDELINES = "guidelines or trials"
    EXPERIENCE = "personal experience"
    BOTH = "both"
    NOT_STATED = "not stated"


@dataclass
class Opinion:
    """One doctor's opinion on one case.

    ``basis_detail`` says how much experience or which evidence ("about 200
    patients a year", "the 2024 guideline"). ``letter_text`` is the doctor's
    written recommendation in full, typed, pasted or taken from
    ``letter_document_id``, a document of the library.
    """

    case_id: int
    provider_id: int | None = None
    specialty: str = ""
    given_on: str | None = None
    how_given: HowGiven = HowGiven.VISIT
    diagnosis: str = ""
    recommended_treatment: str = ""
    alternatives: str = ""
    reasoning: str = ""
    basis: Basis = Basis.NOT_STATED
    basis_detail: str = ""
    benefits: str = ""
    risks: str = ""
    urgency: str = ""
    further_tests: str = ""
    cost_coverage: str = ""
    financial_interest: str = ""
    letter_text: str = ""
    letter_document_id: int | None = None
    id: int | None = None
