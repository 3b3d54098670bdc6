from __future__ import annotations

import datetime as dt

import pytest

from opinionkit.core.domain import Case, CaseStatus, Person, Provider, ProviderKind
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import cases, people, providers


def test_person_round_trip_in_any_script(db):
    saved = people.save(db, Person(name="  Ngozi Ådalsgård-Чернова 李雪 ", date_of_birth="1970-02-03"))
    again = people.get(db, saved.id)
    assert again.name == "Ngozi Ådalsgård-Чернова 李雪"
    assert again.date_of_birth == "1970-02-03"


def test_person_requires_a_name(db):
    with pytest.raises(InvalidInput) as error:
        people.save(db, Person(name="   "))
    assert error.value.field == "name"
    assert db["people"].count == 0


def test_birth_date_in_the_future_is_refused(db):
    future = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(InvalidInput) as error:
        people.save(db, Person(name="Ivo Test", date_of_birth=future))
    assert error.value.field == "date_of_birth"


def test_impossible_date_is_refused(db):
    with pytest.raises(InvalidInput) as error:
        people.save(db, Person(name="Ivo Test", date_of_birth="1980-02-30"))
    assert error.value.field == "date_of_birth"


def test_provider_round_trip_and_kind_check(db):
    saved = providers.save(db, Provider(name="Lab One", kind=ProviderKind.LAB, fax="555"))
    assert providers.get(db, saved.id).kind is ProviderKind.LAB
    with pytest.raises(InvalidInput) as error:
        providers.save(db, Provider(name="X", kind="spaceship"))  # type: ignore[arg-type]
    assert error.value.field == "kind"


def test_case_round_trip_with_goals_and_status(db):
    person = people.save(db, Person(name="Rosa Test"))
    doctor = providers.save(db, Provider(name="Dr. A"))
    case = cases.save(db, Case(
        person_id=person.id, title="Knee surgery?", goals=["Hike again", " ", "Avoid surgery"],
        recommending_doctor_id=doctor.id, status=CaseStatus.COMPARING,
    ))
    again = cases.get(db, case.id)
    assert again.goals == ["Hike again", "Avoid surgery"]
    assert again.status is CaseStatus.COMPARING
    assert again.recommending_doctor_id == doctor.id
    assert [c.id for c in cases.list_all(db, person.id)] == [case.id]


def test_case_for_unknown_person_is_not_found(db):
    with pytest.raises(NotFound):
        cases.save(db, Case(person_id=999, title="Nobody"))


def test_past_deadline_is_allowed_with_a_warning(db):
    person = people.save(db, Person(name="Rosa Test"))
    case = cases.save(db, Case(person_id=person.id, title="Late", decision_deadline="2001-01-01"))
    assert cases.warnings(case)


def test_update_missing_row_is_not_found(db):
    with pytest.raises(NotFound):
        people.save(db, Person(name="Ghost", id=42))
