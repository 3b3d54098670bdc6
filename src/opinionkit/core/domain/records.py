"""Record items: each record, scan or slide the second doctor needs, and its dated timeline."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RecordKind(StrEnum):
    CLINICAL_NOTES = "clinical notes"
    CLINICAL_SUMMARY = "clinical summary"
    TREATMENT_PLAN = "treatment plan"
    LAB_RESULTS = "lab results"
    PATHOLOGY_REPORT = "pathology report"
    PATHOLOGY_SLIDES = "pathology slides or blocks"
    RADIOLOGY_REPORT = "radiology report"
    IMAGING_DISC = "imaging on disc"
    IMAGING_SHARE = "imaging via image share"
    IMAGING_FILM = "imaging film"
    OPERATIVE_REPORT = "operative report"
    DISCHARGE_SUMMARY = "discharge summary"
    MEDICATION_LIST = "medication list"
    REFERRAL = "referral or authorisation"
    OTHER = "other"


class Step(StrEnum):
    """The steps of an item's timeline, in the order an item moves through them."""

    NEEDED = "needed"
    REQUESTED = "requested"
    RECEIVED = "received"
    SENT = "sent"
    CONFIRMED = "confirmed"

    @property
    def rank(self) -> int:
        return list(Step).index(self)


class RecordForm(StrEnum):
    """Whether the second doctor needs the original (images, slides) or a written report."""

    ORIGINAL = "original"
    REPORT = "report"


class Route(StrEnum):
    """How an item travels: through the person, or straight from its holder to the second office."""

    VIA_ME = "via me"
    DIRECT = "direct to second office"


class RequestMethod(StrEnum):
    PORTAL = "portal"
    FAX = "fax"
    PHONE = "phone"
    FORM = "form"
    MAIL = "mail"
    IN_PERSON = "in person"


#: The steps an item goes through on each route: a direct shipment is never received by the person.
ROUTE_STEPS: dict[Route, tuple[Step, ...]] = {
    Route.VIA_ME: (Step.NEEDED, Step.REQUESTED, Step.RECEIVED, Step.SENT, Step.CONFIRMED),
    Route.DIRECT: (Step.NEEDED, Step.REQUESTED, Step.SENT, Step.CONFIRMED),
}

#: How long a holder has to answer an access request, and the one extension it may take.
ANSWER_DAYS = 30
MAX_EXTENSION_DAYS = 30


@dataclass
class RecordItem:
    """One thing the second doctor needs from one holder.

    ``due_date`` is the date that applies now: an extension moves it forward and
    keeps how many days it added in ``extension_days``.
    """

    case_id: int
    kind: RecordKind = RecordKind.OTHER
    description: str = ""
    holder_id: int | None = None
    period_text: str = ""
    period_from: str | None = None
    period_to: str | None = None
    original_or_report: RecordForm = RecordForm.REPORT
    route: Route = Route.VIA_ME
    request_method: RequestMethod | None = None
    request_reference: str = ""
    due_date: str | None = None
    extension_days: int = 0
    extension_reason: str = ""
    carrier: str = ""
    tracking_number: str = ""
    shipped_on: str | None = None
    confirmed_by: str = ""
    confirmed_on: str | None = None
    notes: str = ""
    id: int | None = None

    @property
    def label(self) -> str:
        return item_label(self.description, self.kind)

    @property
    def period(self) -> str:
        return describe_period(self.period_text, self.period_from, self.period_to)


def item_label(description: str, kind: RecordKind | str) -> str:
    """A short name for lists, the trash and letters: the description, else the kind."""
    return description or str(kind).capitalize()


def describe_period(text: str, start: str | None, end: str | None) -> str:
    """The period wanted, as written or as a from-to range."""
    if text:
        return text
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"from {start}"
    if end:
        return f"up to {end}"
    return ""


@dataclass
class RecordStep:
    """One dated row of an item's timeline; undoing marks it, nothing is deleted."""

    item_id: int
    step: Step
    on_date: str
    note: str = ""
    created_at: str = ""
    undone_at: str | None = None
    id: int | None = None


@dataclass
class FollowUp:
    """A call or message chasing an item: when, with whom, and what was said."""

    item_id: int
    on_date: str
    who: str = ""
    said: str = ""
    id: int | None = None


@dataclass(slots=True)
class TrackerRow:
    """One line of a case's tracker: the item, its holder's numbers, its status and flags.

    A snapshot read in one query; change an item through the services, then read its row again.
    """

    id: int
    case_id: int
    kind: RecordKind
    description: str
    label: str
    holder_id: int | None
    holder_name: str
    holder_institution: str
    holder_phone: str
    holder_fax: str
    period: str
    original_or_report: RecordForm
    route: Route
    request_method: RequestMethod | None
    request_reference: str
    due_date: str | None
    extension_days: int
    carrier: str
    tracking_number: str
    shipped_on: str | None
    confirmed_by: str
    confirmed_on: str | None
    status: Step
    next_step: Step | None
    #: The date of each step the item has reached (undone steps left out).
    step_dates: dict[Step, str]
    overdue: bool
    shipment_unconfirmed: bool
    followup_count: int
    last_followup_on: str | None


@dataclass(frozen=True)
class RecordSummary:
    """Counts behind a case's summary line."""

    total: int
    by_status: dict[Step, int]
    overdue: int
    shipments_unconfirmed: int

    @property
    def confirmed(self) -> int:
        return self.by_status.get(Step.CONFIRMED, 0)
