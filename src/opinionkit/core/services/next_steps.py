"""Next steps of a case, derived from its data each time: nothing is stored, so they follow every change.

Each rule looks at the facts of the case (read once) and yields steps with a
plain sentence, where the step is done (its target), whom to contact and what
is missing to do it. Steps are ordered by urgency, then due date.

Extension point: the opinions capability keeps an ``opinions`` table (one row per
doctor's opinion, with ``case_id``, ``provider_id`` and the letter in ``letter_text``
or ``letter_document_id``). ``written_opinions`` reads it defensively, so these
rules work with or without it; without it, "ask for the recommendation in writing"
follows the visits and the case status alone. A new capability adds its own rule
function to ``RULES``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain import Case, CaseStatus, Person, Provider, ProviderKind
from opinionkit.core.domain.appointments import OPINION_KINDS, Appointment
from opinionkit.core.domain.overview import NextStep, Target, Urgency
from opinionkit.core.domain.records import Step, TrackerRow
from opinionkit.core.services import appointments, cases, coverage, people, providers, tracker

#: The confirmation call shows from this many days before an appointment.
CONFIRM_CALL_DAYS = 2
#: Questions are suggested when a visit is this close and the case has none.
QUESTIONS_DAYS = 14
#: A deadline this close is a step of its own.
DEADLINE_SOON_DAYS = 7
#: A shipment is worth a call to the office once it has travelled this long.
SHIPMENT_DAYS = 3
_SOON_DAYS = 7


@dataclass(frozen=True)
class WrittenOpinions:
    """Opinions recorded for a case: how many, from which doctors, and which doctors gave theirs in writing."""

    total: int
    provider_ids: frozenset[int] = frozenset()
    in_writing: frozenset[int] = frozenset()
    by_provider_known: bool = False


@dataclass
class Facts:
    """Everything the rules look at, read once per case."""

    db: Database
    case: Case
    person: Person
    today: dt.date
    rows: Sequence[TrackerRow]
    appointments: list[Appointment]
    opinions: WrittenOpinions | None
    _providers: dict[int, Provider | None] = field(default_factory=dict)

    def provider(self, ident: int | None) -> Provider | None:
        if ident is None:
            return None
        if ident not in self._providers:
            self._providers[ident] = _maybe_provider(self.db, ident)
        return self._providers[ident]

    @property
    def decided(self) -> bool:
        return self.case.status is CaseStatus.DECIDED

    def upcoming(self) -> list[Appointment]:
        return [a for a in self.appointments if a.day >= self.today]

    def next_opinion_visit(self) -> Appointment | None:
        return next((a for a in self.upcoming() if a.kind in OPINION_KINDS), None)

    def second_office(self) -> Provider | None:
        """Where the records go: the doctor of the next opinion visit, else the case's second doctor."""
        visit = self.next_opinion_visit()
        return self.provider(visit.provider_id if visit and visit.provider_id else self.case.second_opinion_doctor_id)


def next_steps(
    db: Database, case_id: int, today: dt.date | None = None, *, rows: Sequence[TrackerRow] | None = None,
) -> list[NextStep]:
    """What to do next on the case, most pressing first. ``rows`` are its tracker rows when already read."""
    day = today or dates.today()
    case = cases.get(db, case_id)
    facts = Facts(
        db=db, case=case, person=people.get(db, case.person_id), today=day,
        rows=rows if rows is not None else tracker.tracker_rows(db, case_id, on=day),
        appointments=appointments.list_for_case(db, case_id), opinions=written_opinions(db, case_id),
    )
    found = [step for rule in RULES for step in rule(facts)]
    order = {step.key: index for index, step in enumerate(found)}
    return sorted(found, key=lambda s: (s.urgency.rank, s.due or dt.date.max, order[s.key]))


def written_opinions(db: Database, case_id: int) -> WrittenOpinions | None:
    """The case's recorded opinions, or None while no ``opinions`` table exists."""
    if "opinions" not in db.table_names():
        return None
    columns = db["opinions"].columns_dict
    if "case_id" not in columns:
        return None
    if "provider_id" not in columns:
        total = db.execute("SELECT COUNT(*) FROM opinions WHERE case_id = ?", [case_id]).fetchone()[0]
        return WrittenOpinions(total=total)
    letter = " OR ".join(
        condition for column, condition in (("letter_text", "letter_text <> ''"),
                                            ("letter_document_id", "letter_document_id IS NOT NULL"))
        if column in columns
    ) or "1"  # no letter columns: every recorded opinion counts as written
    found = db.execute(f"SELECT provider_id, ({letter}) FROM opinions WHERE case_id = ?", [case_id]).fetchall()
    return WrittenOpinions(
        total=len(found), provider_ids=frozenset(r[0] for r in found if r[0] is not None),
        in_writing=frozenset(r[0] for r in found if r[0] is not None and r[1]), by_provider_known=True,
    )


def urgency_of(due: dt.date | None, today: dt.date) -> Urgency:
    if due is None:
        return Urgency.LATER
    if due < today:
        return Urgency.OVERDUE
    if due == today:
        return Urgency.TODAY
    return Urgency.SOON if (due - today).days <= _SOON_DAYS else Urgency.LATER


def phone_or_fax(provider: Provider) -> str:
    parts = [f"phone {provider.phone}" if provider.phone else "", f"fax {provider.fax}" if provider.fax else ""]
    return " · ".join(p for p in parts if p).capitalize()


def _step(facts: Facts, key: str, text: str, target: Target, due: dt.date | None = None, *,
          contact: str = "", missing: str = "", urgency: Urgency | None = None) -> NextStep:
    return NextStep(key=key, text=text, target=target, urgency=urgency or urgency_of(due, facts.today), due=due,
                    contact=contact, missing=missing)


def _maybe_provider(db: Database, ident: int) -> Provider | None:
    found = db.execute("SELECT 1 FROM providers WHERE id = ?", [ident]).fetchone()
    return providers.get(db, ident) if found else None


def _when(appointment: Appointment) -> str:
    return f"{appointment.start:%A} {appointment.day.isoformat()} at {appointment.start:%H:%M}"


def _name(provider: Provider | None, fallback: str) -> str:
    return provider.name if provider else fallback


def _office(provider: Provider | None) -> str:
    """Whom to call or send to: a doctor's office, else the clinic or centre itself."""
    if provider is None:
        return "the second office"
    return f"the office of {provider.name}" if provider.kind is ProviderKind.DOCTOR else provider.name


# ---- rules ---------------------------------------------------------------------------------------------------


def deadline(facts: Facts) -> Iterable[NextStep]:
    due = dates.parse_date(facts.case.decision_deadline, "decision_deadline", "The decision deadline")
    if due is None or facts.decided:
        return
    days = (due - facts.today).days
    if days < 0:
        yield _step(facts, "deadline_passed", f"The decision deadline ({due.isoformat()}) has passed. Record the "
                    "decision, or agree a new deadline with the doctors.", ("decision",), due)
    elif days <= DEADLINE_SOON_DAYS:
        left = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        yield _step(facts, "deadline_soon", f"The decision is due {left} ({due.isoformat()}).", ("decision",), due)


def second_doctor(facts: Facts) -> Iterable[NextStep]:
    has_visit = any(a.kind in OPINION_KINDS for a in facts.appointments)
    if facts.decided or facts.case.second_opinion_doctor_id is not None or has_visit:
        return
    yield _step(facts, "choose_second_doctor", "Choose the doctor for the second opinion: a specialist in this "
                "condition, at another institution than the first doctor.", ("case",))


def overdue_requests(facts: Facts) -> Iterable[NextStep]:
    for row in facts.rows:
        if not row.overdue or facts.decided:
            continue
        due = dt.date.fromisoformat(row.due_date or facts.today.isoformat())
        late = (facts.today - due).days
        holder = row.holder_name or "its holder"
        missing = ""
        if row.holder_id is None:
            missing = "No holder is recorded for this item: add who has it in the records tracker."
        elif not row.holder_phone and not row.holder_fax:
            missing = f"No phone or fax recorded for {row.holder_name}: add one in the provider directory."
        contact = " · ".join(p for p in (f"Phone {row.holder_phone}" if row.holder_phone else "",
                                         f"fax {row.holder_fax}" if row.holder_fax else "") if p)
        yield _step(facts, f"follow_up:{row.id}",
                    f"Follow up with {holder}: “{row.label}” was due on {row.due_date}, "
                    f"{late} day{'s' if late != 1 else ''} ago.",
                    ("records", row.id), due, contact=contact, missing=missing)


def unconfirmed_shipments(facts: Facts) -> Iterable[NextStep]:
    office = facts.second_office()
    for row in facts.rows:
        if not row.shipment_unconfirmed or facts.decided:
            continue
        shipped = dt.date.fromisoformat(row.shipped_on or row.step_dates.get(Step.SENT) or facts.today.isoformat())
        how = ", ".join(p for p in (row.carrier, f"tracking {row.tracking_number}" if row.tracking_number else "")
                        if p)
        yield _step(facts, f"confirm_receipt:{row.id}",
                    f"Ask {_office(office)} to confirm they received “{row.label}” "
                    f"(sent {shipped.isoformat()}{', ' + how if how else ''}).",
                    ("records", row.id), shipped + dt.timedelta(days=SHIPMENT_DAYS),
                    contact=phone_or_fax(office) if office else "", missing=_office_missing(office))


def records_to_send(facts: Facts) -> Iterable[NextStep]:
    if facts.decided:
        return
    visit = facts.next_opinion_visit()
    due = dt.date.fromisoformat(visit.records_due_by) if visit and visit.records_due_by else None
    office = facts.second_office()
    if not facts.rows and (visit is not None or facts.case.status is CaseStatus.GATHERING_RECORDS):
        yield _step(facts, "list_records", "List the records the second office needs: ask them what to send, "
                    "for example “the last 12 months” or “a clinical summary”.", ("records",), due)
        return
    needed = [r for r in facts.rows if r.status is Step.NEEDED]
    if needed:
        names = ", ".join(f"“{r.label}”" for r in needed[:3])
        names += f" and {len(needed) - 3} more" if len(needed) > 3 else ""
        target: Target = ("records", needed[0].id) if len(needed) == 1 else ("records",)
        yield _step(facts, "request_needed", f"Request {_count(len(needed), 'record')} not asked for yet: {names}.",
                    target, due)
    in_hand = [r for r in facts.rows if r.status is Step.RECEIVED]
    if in_hand:
        by = f" by {due.isoformat()}" if due else ""
        yield _step(facts, "send_records",
                    f"Send the {_count(len(in_hand), 'record')} you have to {_office(office)}{by}.",
                    ("packet",), due, contact=phone_or_fax(office) if office else "", missing=_office_missing(office))


def visits(facts: Facts) -> Iterable[NextStep]:
    for visit in facts.appointments:
        doctor = facts.provider(visit.provider_id)
        days = (visit.day - facts.today).days
        if days >= 0 and doctor is None:
            yield _step(facts, f"choose_provider:{visit.id}", f"Choose the doctor for the {visit.kind.value} "
                        f"appointment on {_when(visit)}.", ("appointments", visit.id or 0), visit.day)
        if 0 <= days <= CONFIRM_CALL_DAYS and visit.kind in OPINION_KINDS:
            yield _confirm_call(facts, visit, doctor)
        if days < 0 and not visit.notes_after:
            yield _step(facts, f"visit_notes:{visit.id}",
                        f"Write down what {_name(doctor, 'the doctor')} said at the visit of {visit.day.isoformat()}, "
                        "while you remember it.", ("appointments", visit.id or 0),
                        urgency=Urgency.SOON if days >= -3 else Urgency.LATER)
    for first, second in appointments.overlaps(facts.db, facts.case.id or 0):
        if second.day >= facts.today:
            yield _step(facts, f"overlap:{first.id}:{second.id}",
                        f"Two appointments overlap: {first.kind.value} at {first.starts_at.replace('T', ' ')} and "
                        f"{second.kind.value} at {second.starts_at.replace('T', ' ')}. Check the times.",
                        ("appointments", second.id or 0), first.day)


def _confirm_call(facts: Facts, visit: Appointment, doctor: Provider | None) -> NextStep:
    call_on = max(visit.day - dt.timedelta(days=1), facts.today)
    missing = ""
    if doctor is None:
        missing = "No doctor is chosen for this appointment: choose one, so you know whom to call."
    elif not doctor.phone:
        missing = f"No phone number recorded for {doctor.name}: add one in the provider directory."
    when = "tomorrow" if (visit.day - facts.today).days == 1 else _when(visit)
    if visit.day == facts.today:
        when = f"today at {visit.start:%H:%M}"
    return _step(facts, f"confirm_call:{visit.id}",
                 f"Call {_office(doctor)} the day before the appointment ({when}) to confirm "
                 "that all your records arrived.",
                 ("appointments", visit.id or 0), call_on,
                 contact=f"Phone {doctor.phone}" if doctor and doctor.phone else "", missing=missing)


def questions(facts: Facts) -> Iterable[NextStep]:
    soon = [a for a in facts.upcoming() if (a.day - facts.today).days <= QUESTIONS_DAYS]
    if facts.decided or not soon:
        return
    if facts.db.execute("SELECT 1 FROM case_questions WHERE case_id = ? LIMIT 1", [facts.case.id]).fetchone():
        return
    doctor = facts.provider(soon[0].provider_id)
    yield _step(facts, "prepare_questions", f"Prepare your questions for {_name(doctor, 'the visit')}: "
                "start from the suggested ones and add your own.", ("questions",),
                soon[0].day - dt.timedelta(days=1))


def written_opinion(facts: Facts) -> Iterable[NextStep]:
    opinions = facts.opinions
    if facts.decided or (opinions is None and facts.case.status is CaseStatus.COMPARING):
        return
    for visit in facts.appointments:
        if visit.kind not in OPINION_KINDS or visit.day >= facts.today:
            continue
        if opinions is not None and (
            visit.provider_id in opinions.in_writing if opinions.by_provider_known else opinions.total >= 2
        ):
            continue
        doctor = facts.provider(visit.provider_id)
        contact = " · ".join(p for p in (phone_or_fax(doctor) if doctor else "",
                                         f"email {doctor.email}" if doctor and doctor.email else "") if p)
        yield _step(facts, f"ask_in_writing:{visit.id}",
                    f"Ask {_name(doctor, 'the doctor')} for the recommendation in writing, with its pros and cons.",
                    ("opinions",), visit.day + dt.timedelta(days=1), contact=contact,
                    missing="" if contact or doctor is None else
                    f"No phone, fax or email recorded for {doctor.name}: add one in the provider directory.")


def compare_and_decide(facts: Facts) -> Iterable[NextStep]:
    if facts.decided:
        return
    two = facts.opinions is not None and facts.opinions.total >= 2
    comparing = facts.case.status is CaseStatus.COMPARING
    if comparing and facts.opinions is not None and not two:
        yield _step(facts, "record_opinions", f"Record each doctor's opinion ({facts.opinions.total} of at least 2 "
                    "so far), so they can be compared side by side.", ("opinions",))
    if two or (comparing and facts.opinions is None):
        yield _step(facts, "compare", "Compare the opinions side by side: where they agree, where they differ, "
                    "and what each is based on.", ("compare",))
    if (two or comparing) and not facts.case.decision:
        due = dates.parse_date(facts.case.decision_deadline, "decision_deadline", "The decision deadline")
        yield _step(facts, "record_decision", "Record the decision and the reasons for it: the choice is yours.",
                    ("decision",), due)


def insurer(facts: Facts) -> Iterable[NextStep]:
    if facts.decided:
        return
    visit = facts.next_opinion_visit()
    due = visit.day - dt.timedelta(days=1) if visit else None
    number = facts.person.insurer_phone
    for hint in coverage.hints(facts.db, facts.case.id or 0, facts.today):
        if hint.todo:
            yield _step(facts, f"coverage:{hint.key}", hint.text, ("coverage",), due,
                        contact=f"Insurer phone {number}" if number else "",
                        missing="" if number else "No insurer phone recorded: add it in the person's details.")


RULES: tuple[Callable[[Facts], Iterable[NextStep]], ...] = (
    deadline, second_doctor, overdue_requests, unconfirmed_shipments, records_to_send, visits, questions,
    written_opinion, compare_and_decide, insurer,
)


def _office_missing(office: Provider | None) -> str:
    if office is None:
        return "No second-opinion doctor is chosen yet: choose one in the case details."
    if not office.phone and not office.fax:
        return f"No phone or fax recorded for {office.name}: add one in the provider directory."
    return ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"
