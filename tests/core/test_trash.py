from __future__ import annotations

from opinionkit.core.domain import Case, Person, Provider
from opinionkit.core.services import cases, people, providers, trash


def test_deleting_a_person_takes_their_cases_and_restore_brings_all_back(db):
    person = people.save(db, Person(name="Ada Test"))
    case = cases.save(db, Case(person_id=person.id, title="Hip", goals=["Walk"]))
    entry = trash.move_to_trash(db, "people", person.id, "person", person.name)
    assert db["people"].count == 0 and db["cases"].count == 0
    trash.restore(db, entry)
    assert people.get(db, person.id).name == "Ada Test"
    assert cases.get(db, case.id).goals == ["Walk"]
    assert trash.list_entries(db) == []


def test_deleting_a_provider_unlinks_and_restore_relinks(db):
    person = people.save(db, Person(name="Ada Test"))
    doctor = providers.save(db, Provider(name="Dr. B"))
    case = cases.save(db, Case(person_id=person.id, title="Hip", recommending_doctor_id=doctor.id))
    entry = trash.move_to_trash(db, "providers", doctor.id, "provider", doctor.name)
    assert cases.get(db, case.id).recommending_doctor_id is None
    trash.restore(db, entry)
    assert cases.get(db, case.id).recommending_doctor_id == doctor.id


def test_a_new_row_never_takes_the_id_of_one_in_the_trash(db):
    first = people.save(db, Person(name="First"))
    entry = trash.move_to_trash(db, "people", first.id, "person", first.name)
    second = people.save(db, Person(name="Second"))
    assert second.id != first.id
    trash.restore(db, entry)
    assert {p.name for p in people.list_all(db)} == {"First", "Second"}
