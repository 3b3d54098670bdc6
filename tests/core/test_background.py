"""Health background records: every kind round-trips, bad input is refused on its field, nothing half-saved."""

from __future__ import annotations

import datetime as dt

import pytest

from opinionkit.core.domain import (
    Allergy,
    AllergyKind,
    AllergySeverity,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Medication,
    MedicationCategory,
    MedicationStatus,
    Person,
    Procedure,
    ProcedureKind,
    Provider,
    SocialHistory,
    VitalStatus,
)
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import background, demo, people, providers, trash
from opinionkit.core.services.changelog import ChangeAction


def _day(offset: int) -> str:
    return (dt.date.today() + dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def person(db) -> Person:
    return people.save(db, Person(name="Ada Test", date_of_birth="1960-05-01"))


def test_every_record_kind_round_trips(db, person):
    doctor = providers.save(db, Provider(name="Dr. Round Trip"))
    records = [
        Medication(person_id=person.id, name="Gabapentin", strength="300 mg", form="capsule", dose="1 capsule",
                   route="by mouth", frequency="three times daily", as_needed=True,
                   category=MedicationCategory.PRESCRIPTION, prescriber="Dr. R", prescriber_id=doctor.id,
                   reason="Leg pain", start="2025-03-01", notes="Line one\nLine two"),
        Allergy(person_id=person.id, substance="Penicillin", reaction="Hives", severity=AllergySeverity.MODERATE,
                kind=AllergyKind.DRUG, notes="Childhood"),
        Condition(person_id=person.id, name="Hypertension", since="2016", status=ConditionStatus.ACTIVE),
        Procedure(person_id=person.id, name="Knee arthroscopy", performed_on="2014-03", location="General",
                  performed_by="Dr. V", performed_by_id=doctor.id, kind=ProcedureKind.SURGERY),
        Immunisation(person_id=person.id, vaccine="Influenza", given_on=_day(-30)),
        FamilyHistory(person_id=person.id, relative="brother", condition="Colon cancer", age_at_onset=58,
                      vital_status=VitalStatus.LIVING),
        SocialHistory(person_id=person.id, tobacco="Never", alcohol="Rarely", occupation="Teacher"),
    ]
    for record in records:
        saved = background.save(db, record)
        assert saved.id is not None
        again = background.get(db, type(record), saved.id)
        assert again == saved
        assert background.list_for(db, type(record), person.id) == [saved]
    med = background.get(db, Medication, records[0].id)
    assert med.as_needed is True and med.category is MedicationCategory.PRESCRIPTION
    assert med.notes == "Line one\nLine two"


def test_any_script_is_kept_and_surrounding_space_trimmed(db, person):
    med = background.save(db, Medication(person_id=person.id, name="  Парацетамол 对乙酰氨基酚 باراسيتامول ",
                                         notes="  Ærø \n"))
    assert background.get(db, Medication, med.id).name == "Парацетамол 对乙酰氨基酚 باراسيتامول"
    assert background.get(db, Medication, med.id).notes == "Ærø"


def test_very_long_text_is_allowed(db, person):
    long_name = "Extended-release " * 400
    med = background.save(db, Medication(person_id=person.id, name=long_name, notes="word " * 20000))
    assert background.get(db, Medication, med.id).name == long_name.strip()


def test_tabs_in_one_line_fields_become_single_spaces_notes_keep_lines(db, person):
    med = background.save(db, Medication(
        person_id=person.id, name="Gabapentin\t300\tmg", frequency="three\n times \r\n daily",
        notes="first\r\nsecond\n\tindented",
    ))
    again = background.get(db, Medication, med.id)
    assert again.name == "Gabapentin 300 mg"
    assert again.frequency == "three times daily"
    assert again.notes == "first\nsecond\n\tindented"


def test_a_pasted_list_in_a_name_is_refused_on_that_field(db, person):
    with pytest.raises(InvalidInput) as error:
        background.save(db, Medication(person_id=person.id, name="Gabapentin\nMeloxicam\nAmlodipine"))
    assert error.value.field == "name"
    assert "one medication per entry" in str(error.value)
    assert db["medications"].count == 0
    assert db["background_changes"].count == 0


def test_control_characters_are_dropped(db, person):
    allergy = background.save(db, Allergy(person_id=person.id, substance="Lat\x00ex\x07", reaction="rash\x1b"))
    again = background.get(db, Allergy, allergy.id)
    assert (again.substance, again.reaction) == ("Latex", "rash")


@pytest.mark.parametrize(("record", "field"), [
    (lambda p: Medication(person_id=p, name="   "), "name"),
    (lambda p: Allergy(person_id=p, substance="\t"), "substance"),
    (lambda p: Condition(person_id=p, name=""), "name"),
    (lambda p: Procedure(person_id=p, name=""), "name"),
    (lambda p: Immunisation(person_id=p, vaccine=""), "vaccine"),
    (lambda p: FamilyHistory(person_id=p, relative="", condition="Asthma"), "relative"),
    (lambda p: FamilyHistory(person_id=p, relative="aunt", condition=" "), "condition"),
])
def test_required_text_is_named(db, person, record, field):
    with pytest.raises(InvalidInput) as error:
        background.save(db, record(person.id))
    assert error.value.field == field
    assert "cannot be empty" in str(error.value)


@pytest.mark.parametrize(("record", "field"), [
    (lambda p: Medication(person_id=p, name="X", start="2025-02-30"), "start"),
    (lambda p: Medication(person_id=p, name="X", stop="yesterday"), "stop"),
    (lambda p: Condition(person_id=p, name="X", since="2019-13"), "since"),
    (lambda p: Procedure(person_id=p, name="X", performed_on="14/03/2014"), "performed_on"),
    (lambda p: Immunisation(person_id=p, vaccine="X", given_on="1850"), "given_on"),
    (lambda p: Immunisation(person_id=p, vaccine="X", given_on=_day(3)), "given_on"),
    (lambda p: Condition(person_id=p, name="X", since=str(dt.date.today().year + 1)), "since"),
])
def test_impossible_or_future_dates_are_refused_on_their_field(db, person, record, field):
    with pytest.raises(InvalidInput) as error:
        background.save(db, record(person.id))
    assert error.value.field == field


def test_partial_dates_are_accepted_and_normalised(db, person):
    condition = background.save(db, Condition(person_id=person.id, name="Asthma", since="2019-3"))
    assert condition.since == "2019-03"
    procedure = background.save(db, Procedure(person_id=person.id, name="Tonsils out", performed_on=" 1975 "))
    assert procedure.performed_on == "1975"
    immunisation = background.save(db, Immunisation(person_id=person.id, vaccine="Tdap", given_on=dt.date(2019, 8, 1)))
    assert immunisation.given_on == "2019-08-01"


def test_a_stop_date_before_the_start_is_refused(db, person):
    with pytest.raises(InvalidInput) as error:
        background.save(db, Medication(person_id=person.id, name="X", start="2025-03-10", stop="2025-03-01"))
    assert error.value.field == "stop"
    assert "before the start date" in str(error.value)
    with pytest.raises(InvalidInput):
        background.save(db, Medication(person_id=person.id, name="X", start="2025-03", stop="2025-02-28"))
    assert db["medications"].count == 0


def test_a_past_stop_date_means_stopped_and_a_future_one_is_a_planned_end(db, person):
    stopped = background.save(db, Medication(person_id=person.id, name="Old", start="2020", stop="2021-06"))
    assert stopped.status is MedicationStatus.STOPPED
    planned = background.save(db, Medication(person_id=person.id, name="Course", stop=_day(5)))
    assert planned.status is MedicationStatus.ACTIVE
    assert planned.is_active(dt.date.today().isoformat())
    assert not planned.is_active(_day(5))
    with pytest.raises(InvalidInput) as error:
        background.save(db, Medication(person_id=person.id, name="Odd", stop=_day(5), status=MedicationStatus.STOPPED))
    assert error.value.field == "stop"


def test_stopping_a_medication_keeps_it_with_its_stop_date(db, person):
    med = background.save(db, Medication(person_id=person.id, name="Cyclobenzaprine", start="2025-05-01"))
    stopped = background.stop_medication(db, med.id, "2025-06-11")
    again = background.get(db, Medication, med.id)
    assert again == stopped
    assert (again.status, again.stop) == (MedicationStatus.STOPPED, "2025-06-11")
    assert background.list_for(db, Medication, person.id) == [again]
    with pytest.raises(InvalidInput) as error:
        background.stop_medication(db, med.id)
    assert "already stopped on 2025-06-11" in str(error.value)


def test_stopping_today_by_default_and_refusing_bad_dates(db, person):
    med = background.save(db, Medication(person_id=person.id, name="Meloxicam", start="2025-05-01"))
    with pytest.raises(InvalidInput) as error:
        background.stop_medication(db, med.id, "2025-04-01")
    assert error.value.field == "stop"
    with pytest.raises(InvalidInput):
        background.stop_medication(db, med.id, _day(2))
    assert background.get(db, Medication, med.id).status is MedicationStatus.ACTIVE
    assert background.stop_medication(db, med.id).stop == dt.date.today().isoformat()
    with pytest.raises(NotFound):
        background.stop_medication(db, 999)


def test_enum_fields_are_checked(db, person):
    with pytest.raises(InvalidInput) as error:
        background.save(db, Allergy(person_id=person.id, substance="Nuts", severity="deadly"))  # type: ignore[arg-type]
    assert error.value.field == "severity"
    allergy = background.save(db, Allergy(person_id=person.id, substance="Nuts", kind="food"))  # type: ignore[arg-type]
    assert allergy.kind is AllergyKind.FOOD


@pytest.mark.parametrize("age", ["-1", "121", "sixty", 3.5])
def test_age_at_onset_must_be_whole_years(db, person, age):
    with pytest.raises(InvalidInput) as error:
        background.save(db, FamilyHistory(person_id=person.id, relative="father", condition="X", age_at_onset=age))
    assert error.value.field == "age_at_onset"


def test_unknown_person_or_provider_is_refused(db, person):
    with pytest.raises(NotFound):
        background.save(db, Allergy(person_id=999, substance="Latex"))
    with pytest.raises(InvalidInput) as error:
        background.save(db, Medication(person_id=person.id, name="X", prescriber_id=999))
    assert error.value.field == "prescriber_id"
    with pytest.raises(NotFound):
        background.list_for(db, Medication, 999)


def test_a_record_cannot_move_to_another_person(db, person):
    other = people.save(db, Person(name="Bo Test"))
    allergy = background.save(db, Allergy(person_id=person.id, substance="Latex"))
    allergy.person_id = other.id
    with pytest.raises(InvalidInput) as error:
        background.save(db, allergy)
    assert error.value.field == "person_id"
    assert background.get(db, Allergy, allergy.id).person_id == person.id


def test_social_history_is_one_per_person(db, person):
    assert background.social_history(db, person.id).is_empty()
    first = background.save(db, SocialHistory(person_id=person.id, tobacco="Never"))
    second = background.save(db, SocialHistory(person_id=person.id, tobacco="Never", occupation="Retired"))
    assert second.id == first.id
    assert db["social_history"].count == 1
    assert background.social_history(db, person.id).occupation == "Retired"


def test_change_log_records_add_change_stop_and_delete(db, person):
    med = background.save(db, Medication(person_id=person.id, name="Gabapentin", strength="10 mg", dose="1"))
    med.strength, med.dose = "20 mg", "2"
    background.save(db, med)
    background.save(db, med)  # nothing changed: nothing logged
    background.stop_medication(db, med.id)
    background.delete(db, Medication, med.id)
    log = background.changes(db, person.id)
    assert [c.action for c in log] == [
        ChangeAction.DELETED, ChangeAction.STOPPED, ChangeAction.CHANGED, ChangeAction.ADDED,
    ]
    assert log[2].summary == "Strength: 10 mg → 20 mg; Dose: 1 → 2"
    assert "Status: active → stopped" in log[1].summary
    assert all(c.record_id == med.id and c.record_table == "medications" for c in log)
    assert log[0].record_label == "Gabapentin 20 mg"
    assert background.changes(db, person.id, limit=1) == log[:1]


def test_change_log_names_providers_and_shows_empty_values(db, person):
    doctor = providers.save(db, Provider(name="Dr. Named"))
    med = background.save(db, Medication(person_id=person.id, name="Amlodipine"))
    med.prescriber_id = doctor.id
    med.as_needed = True
    background.save(db, med)
    summary = background.changes(db, person.id)[0].summary
    assert "Prescriber in the directory: (empty) → Dr. Named" in summary
    assert "As needed: no → yes" in summary


def test_a_failed_save_writes_neither_record_nor_log(db, person):
    med = background.save(db, Medication(person_id=person.id, name="Gabapentin", strength="10 mg"))
    med.strength = "20 mg"
    med.start = "2025-02-30"
    with pytest.raises(InvalidInput):
        background.save(db, med)
    assert background.get(db, Medication, med.id).strength == "10 mg"
    assert len(background.changes(db, person.id)) == 1


def test_deleting_goes_to_the_trash_and_comes_back(db, person):
    allergy = background.save(db, Allergy(person_id=person.id, substance="Latex"))
    entry = background.delete(db, Allergy, allergy.id)
    assert background.list_for(db, Allergy, person.id) == []
    assert trash.get(db, entry).label == "Allergy: Latex"
    trash.restore(db, entry)
    assert background.list_for(db, Allergy, person.id) == [allergy]


def test_undoing_a_delete_restores_and_logs_it(db, person):
    med = background.save(db, Medication(person_id=person.id, name="Gabapentin"))
    entry = background.delete(db, Medication, med.id)
    assert background.restore(db, entry) == med
    assert [c.action for c in background.changes(db, person.id)][:2] == [ChangeAction.RESTORED, ChangeAction.DELETED]
    other = trash.move_to_trash(db, "people", people.save(db, Person(name="Bo")).id, "person", "Bo")
    with pytest.raises(InvalidInput):
        background.restore(db, other)


def test_trashing_a_person_takes_the_whole_background_and_restores_it(db, person):
    doctor = providers.save(db, Provider(name="Dr. P"))
    background.save(db, Medication(person_id=person.id, name="Gabapentin", prescriber_id=doctor.id))
    background.save(db, SocialHistory(person_id=person.id, tobacco="Never"))
    background.save(db, FamilyHistory(person_id=person.id, relative="mother", condition="Osteoporosis"))
    entry = trash.move_to_trash(db, "people", person.id, "person", person.name)
    for table in ("medications", "social_history", "family_history", "background_changes"):
        assert db[table].count == 0, table
    trash.restore(db, entry)
    assert background.list_for(db, Medication, person.id)[0].prescriber_id == doctor.id
    assert len(background.changes(db, person.id)) == 3


def test_trashing_a_prescriber_unlinks_and_restore_relinks(db, person):
    doctor = providers.save(db, Provider(name="Dr. P"))
    med = background.save(db, Medication(person_id=person.id, name="Gabapentin", prescriber_id=doctor.id))
    entry = trash.move_to_trash(db, "providers", doctor.id, "provider", doctor.name)
    assert background.get(db, Medication, med.id).prescriber_id is None
    trash.restore(db, entry)
    assert background.get(db, Medication, med.id).prescriber_id == doctor.id


def test_lists_are_ordered_for_reading(db, person):
    for name, stop in (("Zinc", None), ("Old pill", "2020-01-01"), ("Aspirin", None)):
        background.save(db, Medication(person_id=person.id, name=name, stop=stop))
    assert [m.name for m in background.list_for(db, Medication, person.id)] == ["Aspirin", "Zinc", "Old pill"]
    for when in ("2001", None, "2019-05"):
        background.save(db, Procedure(person_id=person.id, name=f"P {when}", performed_on=when))
    assert [p.performed_on for p in background.list_for(db, Procedure, person.id)] == ["2019-05", "2001", None]


def test_demo_background_is_realistic_and_idempotent(db):
    loaded = demo.load(db)
    found = background.load_all(db, loaded.person_id)
    names = {m.name: m for m in found.medications}
    assert names["Gabapentin"].strength == "300 mg"
    assert names["Cyclobenzaprine"].status is MedicationStatus.STOPPED and names["Cyclobenzaprine"].stop
    assert {m.category for m in found.medications} == set(MedicationCategory)
    assert any(a.substance == "Penicillin" and a.severity is AllergySeverity.MODERATE for a in found.allergies)
    assert len(found.conditions) >= 3 and any(p.kind is ProcedureKind.SURGERY for p in found.procedures)
    assert {f.relative for f in found.family_history} >= {"mother", "father", "brother"}
    assert found.immunisations and not found.social_history.is_empty()
    log = background.changes(db, loaded.person_id)
    assert any(c.action is ChangeAction.STOPPED for c in log)
    assert any(c.summary == "Strength: 100 mg → 300 mg" for c in log)
    counts = {t: db[t].count for t in db.table_names()}
    demo.load(db)
    assert {t: db[t].count for t in db.table_names()} == counts
