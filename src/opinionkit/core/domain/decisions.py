"""Weighing the opinions and deciding: verdicts on the comparison grid, and the decision guide."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """What the person concludes about one row of the comparison grid."""

    AGREE = "agree"
    DIFFER = "differ"
    ONLY_ONE = "only one addresses it"


@dataclass
class RowVerdict:
    """The verdict and note on one row, for one set of opinions compared (ids sorted)."""

    case_id: int
    first_opinion_id: int
    second_opinion_id: int
    row_key: str
    third_opinion_id: int | None = None
    verdict: Verdict | None = None
    note: str = ""
    id: int | None = None


class SureCheck(StrEnum):
    """The four yes/no checks of the decision guide, after the SURE test."""

    SURE = "sure"
    UNDERSTAND = "understand"
    RISK_BENEFIT = "risk_benefit"
    ENCOURAGEMENT = "encouragement"


@dataclass
class Consideration:
    """A benefit or a risk of an option; ``weight`` 0 (does not matter) to 5 (matters a great deal)."""

    text: str
    weight: int | None = None


@dataclass
class GuideOption:
    """One option: an opinion's recommendation (``opinion_id`` set) or one the person added."""

    label: str
    opinion_id: int | None = None
    benefits: list[Consideration] = field(default_factory=list)
    risks: list[Consideration] = field(default_factory=list)


@dataclass
class GoalWeight:
    """One of the case's goals and how much it matters, 0 to 5 (None: not weighed yet)."""

    goal: str
    weight: int | None = None


@dataclass
class OtherPerson:
    """Someone else involved in the choice: what they would prefer, and whether they press for it."""

    name: str
    prefers: str = ""
    presses: bool = False


@dataclass
class DecisionGuide:
    """The decision guide of one case, as filled in so far.

    ``decision`` and ``timing`` say what is being decided and by when; goals
    come from the case; ``sure`` holds yes (True), no (False) or unanswered
    (None) per check. The recorded decision itself lives on the case.
    ``new_opinion_ids`` are opinions added after the decision was recorded.
    """

    case_id: int
    decision: str = ""
    timing: str = ""
    deadline: str | None = None
    goals: list[GoalWeight] = field(default_factory=list)
    options: list[GuideOption] = field(default_factory=list)
    others: list[OtherPerson] = field(default_factory=list)
    sure: dict[SureCheck, bool | None] = field(default_factory=dict)
    leaning: str = ""
    decided: bool = False
    decided_decision: str = ""
    decided_reason: str = ""
    decided_on: str | None = None
    new_opinion_ids: list[int] = field(default_factory=list)
