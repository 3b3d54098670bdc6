"""The FHIR patient summary: an IPS document bundle that the FHIR resource models accept.

fhir.resources ships R5 by default and R4B (4.3.0) beside it; it has no R4 (4.0.1) models.
R4B did not change the resources used here, so its models check our R4 output. The models
check structure and types but not required code bindings, which are checked here by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import xml.etree.ElementTree as ET

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from opinionkit.core.domain import Allergy, Condition, ConditionStatus, FamilyHistory, Medication, Person
from opinionkit.core.services import background, demo, fhir_export, people

AT = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone.utc)
SECTIONS = {"10160-0", "48765-2", "11450-4", "47519-4", "11369-6", "29762-2"}
RESOURCE_TYPES = {
    "10160-0": "MedicationStatement", "48765-2": "AllergyIntolerance", "11450-4": "Condition",
    "11348-0": "Condition", "47519-4": "Procedure", "11369-6": "Immunization", "29762-2": "Observation",
    "10157-6": "FamilyMemberHistory",
}
# Required bindings in R4, which the models do not check.
STATUSES = {
    "MedicationStatement": {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold",
                            "unknown", "not-taken"},
    "Procedure": {"completed"}, "Immunization": {"completed"}, "Observation": {"final"},
    "FamilyMemberHistory": {"completed"}, "Composition": {"final"},
}


@pytest.fixture
def demo_bundle(db) -> dict:
    loaded = demo.load(db)
    return fhir_export.build_bundle(db, loaded.person_id, at=AT)


def _resources(bundle: dict) -> dict[str, dict]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def _code(concept: dict) -> str:
    return concept["coding"][0]["code"]


def test_demo_bundle_validates_against_the_fhir_models(demo_bundle):
    parsed = Bundle.model_validate(json.loads(json.dumps(demo_bundle)))
    assert parsed.type == "document"
    for entry in demo_bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def test_it_is_a_document_whose_first_entry_is_the_ips_composition(demo_bundle):
    assert demo_bundle["resourceType"] == "Bundle" and demo_bundle["type"] == "document"
    assert demo_bundle["timestamp"] == AT.isoformat()
    assert demo_bundle["identifier"]["system"] == "urn:ietf:rfc:3986"
    composition = demo_bundle["entry"][0]["resource"]
    assert composition["resourceType"] == "Composition"
    assert composition["type"]["coding"][0] == {
        "system": "http://loinc.org", "code": "60591-5", "display": "Patient summary Document",
    }
    resources = _resources(demo_bundle)
    assert resources[composition["subject"]["reference"]]["resourceType"] == "Patient"
    assert composition["author"] and composition["date"] and composition["title"]


def test_sections_narratives_and_entries(demo_bundle):
    composition = demo_bundle["entry"][0]["resource"]
    resources = _resources(demo_bundle)
    sections = {_code(s["code"]): s for s in composition["section"]}
    assert SECTIONS <= set(sections)
    for code, section in sections.items():
        div = ET.fromstring(section["text"]["div"])
        assert div.tag == "{http://www.w3.org/1999/xhtml}div"
        assert section["text"]["status"] == "generated"
        assert section["entry"], code
        for reference in section["entry"]:
            assert resources[reference["reference"]]["resourceType"] == RESOURCE_TYPES[code]
    narrative = sections["10160-0"]["text"]["div"]
    assert "Gabapentin 300 mg" in narrative and "Cyclobenzaprine" in narrative


def test_every_entry_has_a_urn_uuid_matching_its_id_and_references_resolve(demo_bundle):
    resources = _resources(demo_bundle)
    for url, resource in resources.items():
        assert url == f"urn:uuid:{resource['id']}"
        uuid.UUID(resource["id"])
    text = json.dumps(demo_bundle)
    for reference in {r for r in _all_references(demo_bundle)}:
        assert reference in resources, reference
    assert len(resources) == len(demo_bundle["entry"]), "no duplicate fullUrls"
    assert text.count('"resourceType": "Patient"') == 1


def _all_references(value) -> list[str]:
    found = []
    if isinstance(value, dict):
        if isinstance(value.get("reference"), str):
            found.append(value["reference"])
        for item in value.values():
            found += _all_references(item)
    elif isinstance(value, list):
        for item in value:
            found += _all_references(item)
    return found


def test_resources_carry_the_background(demo_bundle):
    by_type: dict[str, list[dict]] = {}
    for entry in demo_bundle["entry"]:
        by_type.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    for kind, allowed in STATUSES.items():
        assert all(r["status"] in allowed for r in by_type[kind]), kind
    meds = {m["medicationCodeableConcept"]["text"]: m for m in by_type["MedicationStatement"]}
    gabapentin = meds["Gabapentin 300 mg capsule"]
    assert gabapentin["status"] == "active" and gabapentin["dosage"][0]["text"].endswith("three times daily")
    assert meds["Cyclobenzaprine 5 mg tablet"]["status"] == "stopped"
    assert meds["Cyclobenzaprine 5 mg tablet"]["effectivePeriod"]["end"]
    penicillin = next(a for a in by_type["AllergyIntolerance"] if a["code"]["text"] == "Penicillin")
    assert penicillin["category"] == ["medication"]
    assert penicillin["reaction"][0] == {"manifestation": [{"text": "Hives"}], "severity": "moderate"}
    family = {f["relationship"]["text"]: f for f in by_type["FamilyMemberHistory"]}
    brother = family["brother"]
    assert brother["relationship"]["coding"][0]["code"] == "BRO"
    assert brother["condition"][0]["onsetAge"]["value"] == 58 and brother["deceasedBoolean"] is False
    assert family["mother"]["deceasedBoolean"] is True
    tobacco = next(o for o in by_type["Observation"] if o["code"]["coding"][0]["code"] == "72166-2")
    assert tobacco["valueCodeableConcept"]["text"] == "Never smoked"
    patient = by_type["Patient"][0]
    assert patient["birthDate"] == "1961-04-17" and patient["gender"] == "female"
    surgery = next(p for p in by_type["Procedure"] if p["code"]["text"].startswith("Right knee"))
    assert surgery["performedDateTime"] == "2014-03"


def test_uuids_are_stable_between_exports(db):
    loaded = demo.load(db)
    first = fhir_export.build_bundle(db, loaded.person_id, at=AT)
    second = fhir_export.build_bundle(db, loaded.person_id, at=AT)
    assert [e["fullUrl"] for e in first["entry"]] == [e["fullUrl"] for e in second["entry"]]
    later = fhir_export.build_bundle(db, loaded.person_id, at=AT + dt.timedelta(days=1))
    assert later["identifier"] != first["identifier"]  # a new document...
    assert [e["fullUrl"] for e in later["entry"]] == [e["fullUrl"] for e in first["entry"]]  # ...same resources


def test_empty_sections_say_why_and_still_validate(db):
    person = people.save(db, Person(name="Bo Empty"))
    bundle = fhir_export.build_bundle(db, person.id, at=AT)
    Bundle.model_validate(bundle)
    sections = {_code(s["code"]): s for s in bundle["entry"][0]["resource"]["section"]}
    assert SECTIONS <= set(sections)
    for code in SECTIONS:
        section = sections[code]
        assert "entry" not in section
        assert section["emptyReason"]["coding"][0]["system"] == fhir_export.EMPTY_REASON
        assert section["emptyReason"]["coding"][0]["code"] == "unavailable"
        assert "No " in ET.fromstring(section["text"]["div"]).findtext("{http://www.w3.org/1999/xhtml}p")
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Composition", "Patient"]


def test_resolved_conditions_go_to_past_illness(db):
    person = people.save(db, Person(name="Ada Test"))
    background.save(db, Condition(person_id=person.id, name="Frozen shoulder", status=ConditionStatus.RESOLVED))
    bundle = fhir_export.build_bundle(db, person.id, at=AT)
    sections = {_code(s["code"]): s for s in bundle["entry"][0]["resource"]["section"]}
    assert "emptyReason" in sections["11450-4"]
    assert len(sections["11348-0"]["entry"]) == 1
    resolved = _resources(bundle)[sections["11348-0"]["entry"][0]["reference"]]
    assert _code(resolved["clinicalStatus"]) == "resolved"


def test_any_script_markup_and_control_characters_make_valid_xhtml(db):
    person = people.save(db, Person(name="Ngozi Чернова 李雪 <x> & \"q\"", sex="non-binary"))
    med = background.save(db, Medication(person_id=person.id, name="Парацетамол <b>", notes="a\nb"))
    background.save(db, Allergy(person_id=person.id, substance="Nuts & seeds", severity="severe"))
    background.save(db, FamilyHistory(person_id=person.id, relative="great-aunt", condition="Asthma"))
    db["medications"].update(med.id, {"reason": "Control\x01char"})  # written past the checks
    bundle = fhir_export.build_bundle(db, person.id, at=AT)
    Bundle.model_validate(bundle)
    for section in bundle["entry"][0]["resource"]["section"]:
        ET.fromstring(section["text"]["div"])
    resources = _resources(bundle)
    patient = next(r for r in resources.values() if r["resourceType"] == "Patient")
    assert patient["gender"] == "other"
    allergy = next(r for r in resources.values() if r["resourceType"] == "AllergyIntolerance")
    assert allergy["note"] == [{"text": "Severity: severe"}]  # no reaction described to hang it on
    relative = next(r for r in resources.values() if r["resourceType"] == "FamilyMemberHistory")["relationship"]
    assert relative == {"text": "great-aunt"}
