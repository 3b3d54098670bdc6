"""Second-opinion cases: the question, the person's goals, the deadline and the decision."""

from __future__ import annotations

from sqlite_utils import Database

from opinionkit.core.dates import clean_date, parse_date, today
from opinionkit.core.domain import Case, CaseStatus, ChecklistKind
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import people, validation
from opinionkit.core.storage import rows

TABLE = "cases"
KIND = "case"
_TEXT_FIELDS = ("diagnosis", "treatment_recommended", "reason", "decision", "decision_reason")


def validate(db: Database, case: Case) -> Case:
    validation.required_text(case, "title", "The title")
    validation.strip_texts(case, *_TEXT_FIELDS)
    validation.one_of(case, "status", "The status", CaseStatus)
    validation.one_of(case, "checklist_kind", "The kind of case", ChecklistKind)
    case.goals = [goal.strip() for goal in case.goals if goal and goal.strip()]
    case.decision_deadline = clean_date(case.decision_deadline, "decision_deadline", "The decision deadline")
    case.decided_on = clean_date(case.decided_on, "decided_on", "The decision date")
    people.get(db, case.person_id)  # raises NotFound for an unknown person
    for field in ("recommending_doctor_id", "second_opinion_doctor_id"):
        ident = getattr(case, field)
        if ident is not None and not db.execute("SELECT 1 FROM providers WHERE id = ?", [ident]).fetchone():
            raise InvalidInput(field, f"No provider with id {ident} is in the directory.")
    return case


def warnings(case: Case) -> list[str]:
    """Things worth a second look that are still allowed."""
    found = []
    if case.decision_deadline and case.decision_deadline < today().isoformat() and case.status != CaseStatus.DECIDED:
        found.append("The decision deadline has already passed. Is it still right?")
    return found


def save(db: Database, case: Case) -> Case:
    validate(db, case)
    with db.atomic():
        if case.id is None:
            case.id = rows.insert(db, TABLE, case)
        else:
            rows.update(db, TABLE, case, KIND)
    return case


def get(db: Database, case_id: int) -> Case:
    return rows.get(db, TABLE, Case, case_id, KIND)


def list_all(db: Database, person_id: int | None = None) -> list[Case]:
    if person_id is None:
        return rows.select(db, TABLE, Case, order_by="person_id, id")
    people.get(db, person_id)
    return rows.select(db, TABLE, Case, "person_id = ?", [person_id])


def days_to_deadline(case: Case) -> int | None:
    deadline = parse_date(case.decision_deadline, "decision_deadline", "The decision deadline")
    return None if deadline is None else (deadline - today()).days
