"""Coverage of a case: what the plan pays for, referral and prior authorisation, and the insurer call log.

``hints`` turns the coverage into plain advice; the ones marked ``todo`` are also
next steps of the case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.appointments import Appointment
from opinionkit.core.domain.coverage import Coverage, InsurerCall, PlanType, YesNo
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import appointments, trash, validation
from opinionkit.core.storage import rows

TABLE = "case_coverage"
CALLS = "insurer_calls"
KIND = "coverage"
CALL_KIND = "insurer call"
_ANSWERS = (
    ("second_opinion_covered", "Whether a second opinion is covered"),
    ("third_opinion_covered", "Whether a third opinion is covered"),
    ("referral_needed", "Whether a referral is needed"),
    ("referral_obtained", "Whether the referral was obtained"),
    ("prior_auth_needed", "Whether prior authorisation is needed"),
    ("in_network", "Whether the doctor is in network"),
)


@dataclass(frozen=True)
class CoverageHint:
    """One piece of advice; ``todo`` ones ask the person to do something."""

    key: str
    text: str
    todo: bool = False


def get(db: Database, case_id: int) -> Coverage:
    """The case's coverage, or a blank one (all "unknown", no id) when none was saved."""
    _check_case(db, case_id)
    found = rows.select(db, TABLE, Coverage, "case_id = ?", [case_id])
    return found[0] if found else Coverage(case_id=case_id)


def save(db: Database, coverage: Coverage) -> Coverage:
    """Save the case's one coverage row, creating it the first time."""
    _validate(db, coverage)
    with db.atomic():
        existing = db.execute(f"SELECT id FROM {TABLE} WHERE case_id = ?", [coverage.case_id]).fetchone()
        if coverage.id is not None and (existing is None or existing[0] != coverage.id):
            raise InvalidInput("case_id", "This coverage belongs to another case. Reload the case and try again.")
        if existing is None:
            coverage.id = rows.insert(db, TABLE, coverage)
        else:
            coverage.id = existing[0]
            rows.update(db, TABLE, coverage, KIND)
    return coverage


def add_call(
    db: Database, case_id: int, said: str, representative: str = "", reference_number: str = "",
    on_date: dt.date | str | None = None,
) -> InsurerCall:
    """Log a call with the insurer (today unless ``on_date``)."""
    call = InsurerCall(case_id=case_id, on_date=on_date or "", said=said,  # type: ignore[arg-type]
                       representative=representative, reference_number=reference_number)
    _validate_call(db, call)
    with db.atomic():
        call.id = rows.insert(db, CALLS, call)
    return call


def update_call(db: Database, call: InsurerCall) -> InsurerCall:
    stored = get_call(db, call.id or 0)
    if call.case_id != stored.case_id:
        raise InvalidInput("case_id", "A call stays in its case: log it again in the other case.")
    _validate_call(db, call)
    with db.atomic():
        rows.update(db, CALLS, call, CALL_KIND)
    return call


def get_call(db: Database, call_id: int) -> InsurerCall:
    return rows.get(db, CALLS, InsurerCall, call_id, CALL_KIND)


def calls(db: Database, case_id: int) -> list[InsurerCall]:
    """The case's insurer calls, oldest first."""
    return rows.select(db, CALLS, InsurerCall, "case_id = ?", [case_id], order_by="on_date, id")


def delete_call(db: Database, call_id: int) -> int:
    """Move a logged call to the trash; returns the entry id."""
    call = get_call(db, call_id)
    return trash.move_to_trash(db, CALLS, call_id, CALL_KIND, f"Call with the insurer on {call.on_date}")


def hints(db: Database, case_id: int, on: dt.date | None = None) -> list[CoverageHint]:
    """Plain advice from the case's coverage, things to do first."""
    coverage = get(db, case_id)
    upcoming = appointments.next_opinion_appointment(db, case_id, on)
    found = _todo(coverage, upcoming) + _notes(coverage)
    return sorted(found, key=lambda h: not h.todo)


def _todo(coverage: Coverage, upcoming: Appointment | None) -> list[CoverageHint]:
    found = []
    unknown = [label for field, label in (
        ("second_opinion_covered", "whether the second opinion is covered"),
        ("referral_needed", "whether a referral is needed"),
        ("prior_auth_needed", "whether prior authorisation is needed"),
        ("in_network", "whether the second doctor is in network"),
    ) if getattr(coverage, field) is YesNo.UNKNOWN]
    if coverage.plan_type is not PlanType.NONE and unknown:
        found.append(CoverageHint("ask_insurer", f"Ask the insurer {_join(unknown)}.", todo=True))
    if coverage.referral_needed is YesNo.YES and coverage.referral_obtained is not YesNo.YES:
        found.append(CoverageHint(
            "referral", "A referral is needed but not obtained yet: ask the referring doctor's office "
            "(usually primary care) to send it before the appointment.", todo=True))
    if coverage.prior_auth_needed is YesNo.YES and not coverage.prior_auth_number:
        found.append(CoverageHint(
            "prior_auth", "Prior authorisation is needed but there is no authorisation number yet: "
            "call the insurer and write the number down.", todo=True))
    elif coverage.prior_auth_needed is YesNo.YES and upcoming is not None and not _covers(coverage, upcoming.day):
        found.append(CoverageHint(
            "prior_auth_dates", f"The prior authorisation does not cover the appointment on "
            f"{upcoming.day.isoformat()} ({_auth_period(coverage)}): ask the insurer to change the dates.",
            todo=True))
    if coverage.second_opinion_covered is YesNo.NO and not coverage.expected_cost:
        found.append(CoverageHint(
            "cash_price", "The plan does not cover the second opinion: ask the office for its cash price, "
            "and ask the plan whether an exception is possible.", todo=True))
    return found


def _notes(coverage: Coverage) -> list[CoverageHint]:
    plan_notes = {
        PlanType.MEDICARE: "Medicare Part B covers a second opinion before surgery that is medically needed "
                           "(not an emergency), and a third opinion if the first two disagree. You usually "
                           "pay 20% of the Medicare-approved amount once the Part B deductible is met.",
        PlanType.MEDICARE_ADVANTAGE: "Medicare Advantage plans cover at least what Part B covers, a second "
                                     "surgical opinion included, but may ask for a referral, prior "
                                     "authorisation or a doctor in their network: check with the plan.",
        PlanType.HMO: "HMO plans usually need a referral from the primary-care doctor and a doctor in their "
                      "network; a doctor out of network is often not paid for at all.",
        PlanType.PPO: "PPO plans usually pay less for a doctor out of network: check that the second doctor "
                      "is in network, or what it would cost if not.",
        PlanType.NONE: "Without insurance, ask the office for its cash price before the visit. Remote "
                       "second-opinion programs often have a fixed fee.",
        PlanType.UNKNOWN: "Note the kind of plan (HMO, PPO, Medicare...): it decides most of these rules.",
    }
    found = []
    if coverage.plan_type in plan_notes:
        found.append(CoverageHint("plan", plan_notes[coverage.plan_type]))
    if coverage.in_network is YesNo.NO:
        found.append(CoverageHint("out_of_network", "The second doctor is out of network: expect to pay more, "
                                                    "and ask for the price before the visit."))
    if not coverage.expected_cost and coverage.second_opinion_covered is not YesNo.NO:
        found.append(CoverageHint("cost", "Ask what the visit will cost you: the copay, coinsurance or cash price."))
    return found


def _covers(coverage: Coverage, day: dt.date) -> bool:
    start, end = coverage.prior_auth_from, coverage.prior_auth_to
    return (not start or start <= day.isoformat()) and (not end or day.isoformat() <= end)


def _auth_period(coverage: Coverage) -> str:
    if coverage.prior_auth_from and coverage.prior_auth_to:
        return f"it runs from {coverage.prior_auth_from} to {coverage.prior_auth_to}"
    if coverage.prior_auth_from:
        return f"it starts on {coverage.prior_auth_from}"
    return f"it ends on {coverage.prior_auth_to}"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _validate(db: Database, coverage: Coverage) -> None:
    _check_case(db, coverage.case_id)
    validation.one_of(coverage, "plan_type", "The kind of plan", PlanType)
    for field, label in _ANSWERS:
        validation.one_of(coverage, field, label, YesNo)
    validation.strip_texts(coverage, "prior_auth_number", "expected_cost", "notes")
    coverage.prior_auth_from = dates.clean_date(coverage.prior_auth_from, "prior_auth_from",
                                                "The first day of the authorisation")
    coverage.prior_auth_to = dates.clean_date(coverage.prior_auth_to, "prior_auth_to",
                                              "The last day of the authorisation")
    if coverage.prior_auth_from and coverage.prior_auth_to and coverage.prior_auth_to < coverage.prior_auth_from:
        raise InvalidInput("prior_auth_to", "The authorisation ends before it starts: please check the two dates.")


def _validate_call(db: Database, call: InsurerCall) -> None:
    _check_case(db, call.case_id)
    validation.strip_texts(call, "representative", "reference_number")
    validation.required_text(call, "said", "What was said")
    day = dates.parse_date(call.on_date, "on_date", "The date of the call") or dates.today()
    if day > dates.today():
        raise InvalidInput("on_date", "The date of the call is in the future: log a call once it has happened.")
    call.on_date = day.isoformat()


def _check_case(db: Database, case_id: int) -> None:
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [case_id]).fetchone():
        raise NotFound("case", case_id)
