"""The people whose care the user manages."""

from __future__ import annotations

from sqlite_utils import Database

from opinionkit.core.dates import clean_date, today
from opinionkit.core.domain import Person
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import validation
from opinionkit.core.storage import rows

TABLE = "people"
KIND = "person"
_TEXT_FIELDS = (
    "sex", "phone", "email", "address", "insurance_plan", "member_id",
    "insurer_phone", "emergency_contact", "notes",
)


def validate(person: Person) -> Person:
    validation.required_text(person, "name", "The name")
    validation.strip_texts(person, *_TEXT_FIELDS)
    person.date_of_birth = clean_date(person.date_of_birth, "date_of_birth", "The date of birth")
    if person.date_of_birth and person.date_of_birth > today().isoformat():
        raise InvalidInput("date_of_birth", "The date of birth is in the future: please check it.")
    validation.email(person)
    return person


def save(db: Database, person: Person) -> Person:
    """Insert a new person (id None) or update an existing one; returns it with its id."""
    validate(person)
    with db.atomic():
        if person.id is None:
            person.id = rows.insert(db, TABLE, person)
        else:
            rows.update(db, TABLE, person, KIND)
    return person


def get(db: Database, person_id: int) -> Person:
    return rows.get(db, TABLE, Person, person_id, KIND)


def list_all(db: Database) -> list[Person]:
    return rows.select(db, TABLE, Person, order_by="name COLLATE NOCASE, id")


def find_by_name(db: Database, name: str) -> Person | None:
    found = rows.select(db, TABLE, Person, "name = ?", [name])
    return found[0] if found else None
