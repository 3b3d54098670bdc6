"""Medication names offline: suggestions, synonyms, and the warnings they make possible."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from opinionkit.core.domain import Allergy, Medication, Person
from opinionkit.core.services import background, medication_names, people


def test_dictionary_is_installed_and_large():
    assert medication_names.data_file() is not None
    assert sum(len(keys) for keys in medication_names.load().keys) > 20000


def test_suggestions_start_with_the_prefix_in_any_case_common_medicines_first():
    found = medication_names.suggest("GABA")
    assert found[0] == "Gabapentin"
    assert all(name.casefold().startswith("gaba") for name in found)
    assert len(found) <= 20
    assert medication_names.suggest("gab", limit=3) == medication_names.suggest("gab")[:3]


@pytest.mark.parametrize(("prefix", "expected"), [
    ("tyl", "Tylenol"), ("acetamin", "Acetaminophen"), ("amlo", "Amlodipine"), ("melox", "Meloxicam"),
    ("cyclobenz", "Cyclobenzaprine"), ("neuront", "Neurontin"), ("vitamin d", "Vitamin D3"), ("lipit", "Lipitor"),
])
def test_common_generic_and_brand_names_are_suggested(prefix, expected):
    assert expected in medication_names.suggest(prefix)


def test_no_suggestions_for_nothing_or_unknown_words():
    assert medication_names.suggest("") == []
    assert medication_names.suggest("   ") == []
    assert medication_names.suggest("zzzqx") == []
    assert medication_names.suggest("gab", limit=0) == []


def test_suggestions_are_fast_once_loaded():
    medication_names.load()
    started = time.perf_counter()
    for prefix in ("a", "b", "ce", "gab", "met", "vitamin", "z"):
        medication_names.suggest(prefix)
    assert time.perf_counter() - started < 0.05


def test_synonyms_resolve_through_the_dictionary():
    assert medication_names.canonical_name("Tylenol") == "Acetaminophen"
    assert medication_names.same_drug("Tylenol", "acetaminophen")
    assert medication_names.same_drug("paracetamol", "ACETAMINOPHEN")
    assert medication_names.same_drug("Neurontin", "Gabapentin 300 mg")
    assert medication_names.same_drug("My own remedy", "my  own remedy")
    assert not medication_names.same_drug("Aspirin", "Ibuprofen")
    assert not medication_names.same_drug("", "")


def test_a_drug_in_an_allergy_class_is_found():
    assert medication_names.drug_class_match("Amoxicillin", "Penicillin") == "Penicillins"
    assert medication_names.drug_class_match("Meloxicam", "Penicillin") is None
    assert medication_names.drug_class_match("Unknown thing", "Penicillin") is None


def test_the_package_code_and_its_network_helpers_are_never_imported():
    code = (
        "import sys\n"
        "from opinionkit.core.services import medication_names as m\n"
        "assert m.suggest('tyl')\n"
        "assert m.same_drug('Tylenol', 'acetaminophen')\n"
        "bad = [n for n in sys.modules if n.startswith(('drug_named_entity_recognition', 'requests', 'urllib3'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_missing_dictionary_gives_no_suggestions_and_no_error(monkeypatch):
    monkeypatch.setattr(medication_names, "_loaded", None)
    monkeypatch.setattr(medication_names, "data_file", lambda: None)
    assert medication_names.suggest("gab") == []
    assert medication_names.canonical_name("Tylenol") is None
    assert medication_names.same_drug("Tylenol", "Tylenol")
    monkeypatch.setattr(medication_names, "_loaded", None)  # the real one loads again after the test


def test_a_dictionary_holding_objects_is_refused(tmp_path, monkeypatch):
    import bz2
    import collections
    import pickle

    path = tmp_path / "evil.pkl.bz2"
    with bz2.open(path, "wb") as out:  # any class at all would be looked up, and is refused
        pickle.dump({"drug_variant_to_canonical": collections.OrderedDict(), "drug_canonical_to_data": {}}, out)
    monkeypatch.setattr(medication_names, "_loaded", None)
    monkeypatch.setattr(medication_names, "data_file", lambda: path)
    assert medication_names.suggest("a") == []
    monkeypatch.setattr(medication_names, "_loaded", None)


@pytest.fixture
def person(db) -> Person:
    return people.save(db, Person(name="Ada Test"))


def test_two_active_entries_of_one_drug_warn_synonyms_included(db, person):
    tylenol = background.save(db, Medication(person_id=person.id, name="Tylenol", strength="500 mg"))
    warnings = background.medication_warnings(db, person.id, Medication(person_id=person.id, name="Acetaminophen"))
    assert len(warnings) == 1 and "Tylenol 500 mg" in warnings[0] and "same medicine" in warnings[0]
    # A warning, not an error: the second one saves.
    background.save(db, Medication(person_id=person.id, name="Acetaminophen"))
    # The entry itself, stopped entries and stopped candidates do not count.
    assert background.medication_warnings(db, person.id, tylenol) != []  # the acetaminophen entry is active
    background.stop_medication(db, tylenol.id)
    new = Medication(person_id=person.id, name="Tylenol")
    assert len(background.medication_warnings(db, person.id, new)) == 1  # only the acetaminophen one
    stopped = Medication(person_id=person.id, name="Tylenol", start="2020", stop="2020-02")
    assert background.medication_warnings(db, person.id, stopped) == []


def test_different_drugs_do_not_warn(db, person):
    background.save(db, Medication(person_id=person.id, name="Amlodipine"))
    assert background.medication_warnings(db, person.id, Medication(person_id=person.id, name="Meloxicam")) == []
    assert background.medication_warnings(db, person.id, Medication(person_id=person.id, name="  ")) == []


def test_a_recorded_allergy_warns_for_the_drug_and_its_class(db, person):
    background.save(db, Allergy(person_id=person.id, substance="Penicillin", reaction="Hives"))
    amoxicillin = background.medication_warnings(db, person.id, Medication(person_id=person.id, name="Amoxicillin"))
    assert len(amoxicillin) == 1 and "penicillins" in amoxicillin[0] and "Hives" in amoxicillin[0]
    same = background.medication_warnings(db, person.id, Medication(person_id=person.id, name="Penicillin"))
    assert len(same) == 1 and "allergy to Penicillin" in same[0]
    assert background.medication_warnings(db, person.id, Medication(person_id=person.id, name="Gabapentin")) == []
