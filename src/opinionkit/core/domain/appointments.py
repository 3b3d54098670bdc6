"""Appointments of a case: visits, telehealth calls and remote reviews of the records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class AppointmentKind(StrEnum):
    FIRST_OPINION = "first opinion"
    SECOND_OPINION = "second opinion"
    FOLLOW_UP = "follow-up"
    REMOTE_REVIEW = "remote review"
    TELEHEALTH = "telehealth"


#: Kinds after which a doctor owes a written opinion.
OPINION_KINDS = frozenset({AppointmentKind.SECOND_OPINION, AppointmentKind.REMOTE_REVIEW})
#: Records are due at the office this many working days before the appointment, unless chosen.
RECORDS_DUE_WORKING_DAYS = 3


@dataclass
class Appointment:
    """One appointment; ``starts_at`` is local time written ``YYYY-MM-DDTHH:MM``."""

    case_id: int
    starts_at: str
    kind: AppointmentKind = AppointmentKind.SECOND_OPINION
    provider_id: int | None = None
    duration_minutes: int = 60
    place: str = ""
    link: str = ""
    records_due_by: str | None = None
    what_to_bring: str = ""
    notes_after: str = ""
    id: int | None = None

    @property
    def start(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.starts_at)

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_minutes)

    @property
    def day(self) -> dt.date:
        return self.start.date()


@dataclass
class Recording:
    """A recording of a visit, kept where the person saved it; OpinionKit remembers the path."""

    appointment_id: int
    path: str
    title: str = ""
    id: int | None = None
