"""What a case's first page shows: counts, days left, warnings and the next steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from opinionkit.core.domain.records import RecordSummary

#: Where a step is done, for the window to jump there: ("records", item_id), ("appointments", id),
#: ("packet",), ("opinions",), ("compare",), ("decision",), ("coverage",), ("questions",), ("case",).
Target = tuple[str | int, ...]


class Urgency(StrEnum):
    """How pressing a step is, most pressing first."""

    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"
    LATER = "later"

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)


@dataclass(frozen=True)
class NextStep:
    """One thing to do now, in a plain sentence, with where it is done and whom to contact.

    ``key`` identifies the step across refreshes (the same step keeps its key).
    ``contact`` is the number to use; ``missing`` says what is lacking to do it
    (for example no phone or fax for the holder) and what to add where.
    """

    key: str
    text: str
    target: Target
    urgency: Urgency
    due: dt.date | None = None
    contact: str = ""
    missing: str = ""


@dataclass(frozen=True)
class Overview:
    case_id: int
    today: dt.date
    days_to_deadline: int | None
    next_appointment_id: int | None
    days_to_next_appointment: int | None
    records: RecordSummary
    #: "9 of 14 confirmed · 2 overdue · 1 shipment unconfirmed"
    records_line: str
    warnings: list[str] = field(default_factory=list)
    steps: list[NextStep] = field(default_factory=list)


@dataclass(frozen=True)
class Reminder:
    """A line of the Today list: something due today or overdue, for one person's case."""

    person_id: int
    person_name: str
    case_id: int
    case_title: str
    kind: str
    text: str
    on: dt.date
    target: Target
