"""The demo case's visit preparation: coverage with one insurer call, the first visit, the upcoming
second-opinion appointment, and the starter questions with Dr. Brennan's answers.

Dates are counted from today; each part is made only if the case has none of it yet.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.appointments import Appointment, AppointmentKind
from opinionkit.core.domain.coverage import Coverage, PlanType, YesNo
from opinionkit.core.services import appointments, coverage, questions

BRENNAN = "Dr. Harold Brennan"
NANDAKUMAR = "Dr. Priya Nandakumar"
FIRST_VISIT_DAYS_AGO = 52
SECOND_VISIT_IN_DAYS = 9

#: Dr. Brennan's answers at the first visit, by starter question; None means asked, no answer yet.
_BRENNAN_ANSWERS: dict[str, str | None] = {
    "diagnosis": "Yes. The MRI and the standing X-rays both show the slip at L4-L5 and the narrowing "
                 "around the nerve; he is sure of it.",
    "options": "Fusion with decompression, or more physiotherapy with steroid injections. He thinks "
               "injections would only buy time.",
    "downsides": "Infection, a nerve injury (rare), blood clots; two or three nights in hospital and about "
                 "three months before playing the cello again. The level above may wear faster over the years.",
    "how_many": None,
    "your_choice": "He would have the surgery now, before the leg gets weaker.",
}


def load(db: Database, case_id: int, provider_ids: dict[str, int]) -> None:
    """Add the visit preparation to the demo case, part by part, unless that part is there."""
    now = today()
    with db.atomic():
        _coverage(db, case_id, now)
        _appointments(db, case_id, provider_ids, now)
        _questions(db, case_id, provider_ids[BRENNAN], now)


def _coverage(db: Database, case_id: int, now: dt.date) -> None:
    if coverage.get(db, case_id).id is None:
        coverage.save(db, Coverage(
            case_id=case_id, plan_type=PlanType.PPO, second_opinion_covered=YesNo.YES,
            referral_needed=YesNo.YES, referral_obtained=YesNo.YES, prior_auth_needed=YesNo.YES,
            in_network=YesNo.YES, expected_cost="$40 specialist copay",
            notes="PPO Silver. The referral from Dr. Iwu is on file with the plan.",
        ))
    if not coverage.calls(db, case_id):
        coverage.add_call(
            db, case_id, representative="Janelle, member services", reference_number="HHP-CALL-558213",
            on_date=now - timedelta(days=6),
            said="Second opinions are covered at the $40 specialist copay with an in-network doctor, and "
                 "Lakeshore University Spine Center is in network. The referral from primary care is on file. "
                 "The visit needs prior authorisation: requested today, a decision within five working days.",
        )


def _appointments(db: Database, case_id: int, provider_ids: dict[str, int], now: dt.date) -> None:
    if appointments.list_for_case(db, case_id):
        return
    first_day = now - timedelta(days=FIRST_VISIT_DAYS_AGO)
    appointments.save(db, Appointment(
        case_id=case_id, kind=AppointmentKind.FIRST_OPINION, provider_id=provider_ids[BRENNAN],
        starts_at=f"{first_day.isoformat()}T14:15", duration_minutes=30,
        place="Riverside Orthopaedic Group, 1200 Riverside Drive, Suite 300",
        notes_after="Dr. Brennan showed the MRI: a slip of about 6 mm at L4-L5 with narrowing around the left "
                    "nerve root. He recommends a fusion within two to three months and feels physiotherapy has "
                    "had a fair try. Ada took notes; he was happy for us to get a second opinion.",
    ))
    second_day = now + timedelta(days=SECOND_VISIT_IN_DAYS)
    appointments.save(db, Appointment(
        case_id=case_id, kind=AppointmentKind.SECOND_OPINION, provider_id=provider_ids[NANDAKUMAR],
        starts_at=f"{second_day.isoformat()}T10:30", duration_minutes=90,
        place="Lakeshore University Spine Center, 45 University Avenue, Building C, 2nd floor",
        what_to_bring="Insurance card and photo ID; the X-ray disc we kept; the medication list; "
                      "the printed questions; Ada comes along to take notes.",
    ))


def _questions(db: Database, case_id: int, brennan_id: int, now: dt.date) -> None:
    if questions.list_for_case(db, case_id):
        return
    asked_on = now - timedelta(days=FIRST_VISIT_DAYS_AGO)
    for question in questions.add_starter_questions(db, case_id):
        if question.starter_key not in _BRENNAN_ANSWERS:
            continue
        answer = _BRENNAN_ANSWERS[question.starter_key]
        if answer is None:
            questions.mark_asked(db, question.id or 0, brennan_id, asked_on)
        else:
            questions.record_answer(db, question.id or 0, brennan_id, answer, asked_on)
    questions.add_question(db, case_id, "Could I keep playing the cello in the orchestra after each option, "
                                        "and how soon?")
