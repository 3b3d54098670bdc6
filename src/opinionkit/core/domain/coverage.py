"""What the person's insurance covers for this case, and the calls made to find out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PlanType(StrEnum):
    HMO = "HMO"
    PPO = "PPO"
    MEDICARE = "Medicare"
    MEDICARE_ADVANTAGE = "Medicare Advantage"
    FEE_FOR_SERVICE = "fee for service"
    NONE = "none"
    OTHER = "other"
    UNKNOWN = "unknown"


class YesNo(StrEnum):
    """An answer the insurer gives; "unknown" until someone has asked."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


@dataclass
class Coverage:
    """One case's coverage; a case without a saved row reads as all "unknown"."""

    case_id: int
    plan_type: PlanType = PlanType.UNKNOWN
    second_opinion_covered: YesNo = YesNo.UNKNOWN
    third_opinion_covered: YesNo = YesNo.UNKNOWN
    referral_needed: YesNo = YesNo.UNKNOWN
    referral_obtained: YesNo = YesNo.UNKNOWN
    prior_auth_needed: YesNo = YesNo.UNKNOWN
    prior_auth_number: str = ""
    prior_auth_from: str | None = None
    prior_auth_to: str | None = None
    in_network: YesNo = YesNo.UNKNOWN
    #: Free text, as the insurer or the office said it: "$40 copay", "cash price $350".
    expected_cost: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class InsurerCall:
    """A call with the insurer: when, with whom, the call's reference number and what was said."""

    case_id: int
    on_date: str
    said: str
    representative: str = ""
    reference_number: str = ""
    id: int | None = None
