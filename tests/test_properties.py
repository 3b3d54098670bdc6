"""Property-based tests: any form input saves or is refused naming a field; any argument list exits plainly."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opinionkit.cli.main import main
from opinionkit.core.domain import Case, Person
from opinionkit.core.domain.background import Allergy, Condition, Medication
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import background, cases, people
from opinionkit.core.storage.database import open_memory

FORM = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
texts = st.text(max_size=40)
dates = st.one_of(st.none(), texts, st.dates().map(str),
                  st.from_regex(r"\A[0-9]{1,4}-[0-9]{1,2}(-[0-9]{1,2})?\Z"))


def counts(db) -> dict[str, int]:
    return {table: db[table].count for table in ("people", "cases", "background_medications", "background_allergies",
                                                 "background_conditions") if db[table].exists()}


def saves_or_names_a_field(db, save, fields: set[str]) -> None:
    before = counts(db)
    try:
        save()
    except InvalidInput as error:
        assert error.field in fields and str(error).strip()
        assert counts(db) == before, "nothing half-saved"


@FORM
@given(name=texts, born=dates, email=texts, phone=texts, notes=texts)
def test_any_person_form_saves_or_names_the_field(name, born, email, phone, notes):
    db = open_memory()
    person = Person(name=name, date_of_birth=born, email=email, phone=phone, notes=notes)
    saves_or_names_a_field(db, lambda: people.save(db, person), {"name", "date_of_birth", "email"})


@FORM
@given(title=texts, deadline=dates, decided=dates, goals=st.lists(texts, max_size=3), status=texts)
def test_any_case_form_saves_or_names_the_field(title, deadline, decided, goals, status):
    db = open_memory()
    person = people.save(db, Person(name="Ada Test"))
    case = Case(person_id=person.id, title=title, decision_deadline=deadline, decided_on=decided, goals=goals)
    if status:
        case.status = status
    saves_or_names_a_field(db, lambda: cases.save(db, case),
                           {"title", "decision_deadline", "decided_on", "status"})


@FORM
@given(kind=st.sampled_from([Medication, Allergy, Condition]), name=texts, notes=texts, first=dates, second=dates)
def test_any_background_form_saves_or_names_the_field(kind, name, notes, first, second):
    db = open_memory()
    person = people.save(db, Person(name="Ada Test"))
    if kind is Medication:
        record, fields = Medication(person_id=person.id, name=name, notes=notes, start=first, stop=second), \
            {"name", "notes", "start", "stop"}
    elif kind is Allergy:
        record, fields = Allergy(person_id=person.id, substance=name, notes=notes), {"substance", "notes"}
    else:
        record, fields = Condition(person_id=person.id, name=name, notes=notes, since=first), {"name", "notes", "since"}
    saves_or_names_a_field(db, lambda: background.save(db, record), fields)


WORDS = ["import", "export", "people", "cases", "search", "documents", "--person", "--case", "--json", "-o",
         "--since", "--force", "--help", "--leave-out", "1", "0", "-3", "x", "2026-02-30", "", "--", "🙂", "nope"]
argv_lists = st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=string.printable, max_size=8)), max_size=6)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=argv_lists)
def test_any_argument_list_exits_with_a_code_and_no_traceback(argv, tmp_path: Path, capsys: pytest.CaptureFixture):
    if not any(word in argv for word in ("import", "export", "people", "cases", "search", "documents",
                                         "--help", "--version")):
        argv = ["people", *argv]  # no command would open the window
    code = main(["--data-dir", str(tmp_path / "data"), *argv])
    out, err = capsys.readouterr()
    assert isinstance(code, int) and 0 <= code <= 2
    assert "Traceback" not in out + err and "unexpected" not in err, err
