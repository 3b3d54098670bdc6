"""One person's health background as an HL7 FHIR R4 International Patient Summary (IPS), in plain dicts.

The result is a Bundle of type "document": its first entry is the Composition
(LOINC 60591-5), whose sections (medications, allergies, problems, procedures,
immunisations, social history) each carry a readable narrative and point at
their resources. A section with nothing recorded says so with an emptyReason.
IPS has no family-history section; the FamilyMemberHistory resources sit in the
bundle under an extra "Family history" section (LOINC 10157-6), and resolved
conditions under "History of past illness" (11348-0), as IPS does.

Every resource has a stable urn:uuid, derived from the person and the row it
comes from, so exporting twice gives the same identities.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from html import escape
from typing import Any

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.background import (
    RELATIVES,
    Allergy,
    AllergyKind,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Medication,
    Procedure,
    ProcedureKind,
    VitalStatus,
)
from opinionkit.core.services import background
from opinionkit.core.services.background import Background

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
XHTML = "http://www.w3.org/1999/xhtml"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMESPACE = uuid.UUID("0d9c91cf-376c-4a4f-b581-bb64ffaf6e12")  # fixed: uuids stay stable across versions

_ROLE_CODES = dict(zip(RELATIVES, (
    "MTH", "FTH", "SIS", "BRO", "DAU", "SON", "HSIS", "HBRO",
    "MGRMTH", "MGRFTH", "PGRMTH", "PGRFTH", "AUNT", "UNCLE", "NIECE", "NEPHEW", "COUSN",
)))
_ALLERGY_CATEGORY = {AllergyKind.DRUG: "medication", AllergyKind.FOOD: "food", AllergyKind.ENVIRONMENT: "environment"}
_GENDERS = {"female": "female", "f": "female", "woman": "female", "male": "male", "m": "male", "man": "male",
            "unknown": "unknown"}
_SOCIAL = (  # field, LOINC code, LOINC display, label
    ("tobacco", "72166-2", "Tobacco smoking status", "Tobacco"),
    ("alcohol", "11331-6", "History of Alcohol use", "Alcohol"),
    ("occupation", "11341-5", "History of Occupation", "Occupation"),
)


def build_bundle(db: Database, person_id: int, at: dt.datetime | None = None) -> dict[str, Any]:
    """The IPS document of the person with ``person_id``, made at ``at`` (now when not given)."""
    found = background.load_all(db, person_id)
    created = db.execute("SELECT created_at FROM people WHERE id = ?", [person_id]).fetchone()[0]
    social = db.execute("SELECT updated_at FROM social_history WHERE person_id = ?", [person_id]).fetchone()
    return _Document(found, created, social[0] if social else None, at).bundle()


def _coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, "display": display}]}


def _notes(*texts: str) -> list[dict[str, str]]:
    return [{"text": t} for t in texts if t]


class _Document:
    def __init__(self, found: Background, person_created: str, social_updated: str | None, at: dt.datetime | None):
        self.found = found
        self.person = found.person
        at = at or dt.datetime.now(dt.timezone.utc)
        self.at = (at if at.tzinfo else at.astimezone()).replace(microsecond=0)  # FHIR wants a time zone
        self.social_updated = social_updated
        self.on = today().isoformat()
        # The creation time makes two databases' "person 1" different people.
        self.namespace = uuid.uuid5(_NAMESPACE, f"person/{self.person.id}/{person_created}")
        self.entries: list[dict[str, Any]] = []
        self.patient = self._reference("people", self.person.id, self.person.name)

    # -- identities --------------------------------------------------------------------------

    def _uuid(self, table: str, ident: object) -> str:
        return str(uuid.uuid5(self.namespace, f"{table}/{ident}"))

    def _reference(self, table: str, ident: object, display: str = "") -> dict[str, str]:
        ref = {"reference": f"urn:uuid:{self._uuid(table, ident)}"}
        if display:
            ref["display"] = display
        return ref

    def _add(self, table: str, ident: object, resource: dict[str, Any]) -> dict[str, str]:
        uid = self._uuid(table, ident)
        self.entries.append({"fullUrl": f"urn:uuid:{uid}", "resource": {"resourceType": resource.pop("resourceType"),
                                                                      "id": uid, **resource}})
        return {"reference": f"urn:uuid:{uid}"}

    # -- the document ------------------------------------------------------------------------

    def bundle(self) -> dict[str, Any]:
        stamp = self.at.isoformat()
        self._add("people", self.person.id, self._patient())
        found, active = self.found, [c for c in self.found.conditions if c.status == ConditionStatus.ACTIVE]
        resolved = [c for c in found.conditions if c.status != ConditionStatus.ACTIVE]
        sections = [
            self._section("Medication Summary", "10160-0", "History of Medication use Narrative", "medications",
                          ["Medication", "Status", "How taken", "Reason", "Start", "Stop"],
                          [(self._medication(m), [m.label, self._medication_status(m), _how_taken(m), m.reason,
                                                  m.start, m.stop]) for m in found.medications]),
            self._section("Allergies and Intolerances", "48765-2", "Allergies and adverse reactions Document",
                          "allergies", ["Substance", "Kind", "Reaction", "Severity"],
                          [(self._allergy(a), [a.substance, a.kind.value, a.reaction, a.severity.value])
                           for a in found.allergies]),
            self._section("Problem List", "11450-4", "Problem list - Reported", "current problems",
                          ["Condition", "Since", "Notes"],
                          [(self._condition(c), [c.name, c.since, c.notes]) for c in active]),
        ]
        if resolved:
            sections.append(self._section(
                "History of Past Illness", "11348-0", "History of Past illness Narrative", "past illnesses",
                ["Condition", "Since", "Notes"], [(self._condition(c), [c.name, c.since, c.notes]) for c in resolved],
            ))
        sections += [
            self._section("History of Procedures", "47519-4", "History of Procedures Document", "procedures",
                          ["Procedure", "When", "Kind", "Where", "By whom"],
                          [(self._procedure(p), [p.name, p.performed_on, p.kind.value, p.location,
                                                 found.performer(p)]) for p in found.procedures]),
            self._section("Immunizations", "11369-6", "History of Immunization Narrative", "immunisations",
                          ["Vaccine", "Date"],
                          [(self._immunisation(i), [i.vaccine, i.given_on]) for i in found.immunisations]),
            self._section("Social History", "29762-2", "Social history Narrative", "social history",
                          ["Topic", "Answer"], self._social()),
            self._section("Family History", "10157-6", "History of family member diseases Narrative",
                          "family history", ["Relative", "Condition", "Age at onset", "Living or deceased"],
                          [(self._family(f), [f.relative, f.condition, f.age_at_onset, f.vital_status.value])
                           for f in found.family_history]),
        ]
        composition = {
            "resourceType": "Composition", "id": self._uuid("composition", 1), "status": "final",
            "type": _coding(LOINC, "60591-5", "Patient summary Document"),
            "subject": self.patient, "date": stamp, "author": [self.patient],
            "title": f"Patient summary: {self.person.name}", "section": sections,
        }
        entries = [{"fullUrl": f"urn:uuid:{composition['id']}", "resource": composition}, *self.entries]
        document_id = uuid.uuid5(self.namespace, f"document/{stamp}")
        return {
            "resourceType": "Bundle", "id": str(document_id),
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{document_id}"},
            "type": "document", "timestamp": stamp, "entry": entries,
        }

    def _section(self, title: str, code: str, display: str, what: str, headers: Sequence[str],
                 items: Sequence[tuple[dict[str, str], Sequence[object]]]) -> dict[str, Any]:
        section: dict[str, Any] = {"title": title, "code": _coding(LOINC, code, display)}
        if not items:
            text = f"No {what} recorded for this person. This does not confirm that there are none: please ask."
            section["text"] = {"status": "generated", "div": f'<div xmlns="{XHTML}"><p>{_xml(text)}</p></div>'}
            section["emptyReason"] = _coding(EMPTY_REASON, "unavailable", "Unavailable")
            return section
        section["text"] = {"status": "generated", "div": _narrative(headers, [row for _, row in items])}
        section["entry"] = [reference for reference, _ in items]
        return section

    # -- resources ---------------------------------------------------------------------------

    def _patient(self) -> dict[str, Any]:
        p = self.person
        patient: dict[str, Any] = {"resourceType": "Patient", "name": [{"text": p.name}]}
        gender = _GENDERS.get(p.sex.strip().casefold(), "other" if p.sex.strip() else None)
        if gender:
            patient["gender"] = gender
        if p.date_of_birth:
            patient["birthDate"] = p.date_of_birth
        telecom = [{"system": "phone", "value": p.phone}] if p.phone else []
        telecom += [{"system": "email", "value": p.email}] if p.email else []
        if telecom:
            patient["telecom"] = telecom
        if p.address:
            patient["address"] = [{"text": p.address}]
        if p.emergency_contact:
            patient["contact"] = [{
                "relationship": [_coding("http://terminology.hl7.org/CodeSystem/v2-0131", "C", "Emergency Contact")],
                "name": {"text": p.emergency_contact},
            }]
        return patient

    def _medication_status(self, m: Medication) -> str:
        if not m.is_active(self.on):
            return "stopped"
        return "intended" if m.start and m.start[:10] > self.on else "active"

    def _medication(self, m: Medication) -> dict[str, str]:
        resource: dict[str, Any] = {
            "resourceType": "MedicationStatement", "status": self._medication_status(m),
            "medicationCodeableConcept": {"text": " ".join(x for x in (m.name, m.strength, m.form) if x)},
            "subject": self.patient,
        }
        if m.start or m.stop:
            resource["effectivePeriod"] = {k: v for k, v in (("start", m.start), ("end", m.stop)) if v}
        dosage: dict[str, Any] = {}
        if _how_taken(m):
            dosage["text"] = _how_taken(m)
        if m.as_needed:
            dosage["asNeededBoolean"] = True
        if m.route:
            dosage["route"] = {"text": m.route}
        if dosage:
            resource["dosage"] = [dosage]
        if m.reason:
            resource["reasonCode"] = [{"text": m.reason}]
        prescriber = self.found.prescriber(m)
        notes = _notes(f"Kind: {m.category.value}", f"Prescribed by {prescriber}" if prescriber else "", m.notes)
        resource["note"] = notes
        return self._add("medications", m.id, resource)

    def _allergy(self, a: Allergy) -> dict[str, str]:
        resource: dict[str, Any] = {
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": _coding("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                                      "active", "Active"),
            "code": {"text": a.substance}, "patient": self.patient,
        }
        if a.kind in _ALLERGY_CATEGORY:
            resource["category"] = [_ALLERGY_CATEGORY[a.kind]]
        severity = a.severity.value if a.severity.value in ("mild", "moderate", "severe") else None
        if a.reaction:
            reaction: dict[str, Any] = {"manifestation": [{"text": a.reaction}]}
            if severity:
                reaction["severity"] = severity
            resource["reaction"] = [reaction]
        notes = _notes(f"Severity: {severity}" if severity and not a.reaction else "", a.notes)
        if notes:
            resource["note"] = notes
        return self._add("allergies", a.id, resource)

    def _condition(self, c: Condition) -> dict[str, str]:
        status = "active" if c.status == ConditionStatus.ACTIVE else "resolved"
        resource: dict[str, Any] = {
            "resourceType": "Condition",
            "clinicalStatus": _coding("http://terminology.hl7.org/CodeSystem/condition-clinical",
                                      status, status.capitalize()),
            "category": [_coding("http://terminology.hl7.org/CodeSystem/condition-category",
                                 "problem-list-item", "Problem List Item")],
            "code": {"text": c.name}, "subject": self.patient,
        }
        if c.since:
            resource["onsetDateTime"] = c.since
        if c.notes:
            resource["note"] = _notes(c.notes)
        return self._add("conditions", c.id, resource)

    def _procedure(self, p: Procedure) -> dict[str, str]:
        resource: dict[str, Any] = {
            "resourceType": "Procedure", "status": "completed", "code": {"text": p.name}, "subject": self.patient,
        }
        if p.kind == ProcedureKind.SURGERY:
            resource["category"] = {**_coding(SNOMED, "387713003", "Surgical procedure"), "text": "surgery"}
        else:
            resource["category"] = {"text": p.kind.value}
        if p.performed_on:
            resource["performedDateTime"] = p.performed_on
        else:
            resource["performedString"] = "date not recorded"
        who = self.found.performer(p)
        if who:
            resource["performer"] = [{"actor": {"display": who}}]
        if p.location:
            resource["location"] = {"display": p.location}
        if p.notes:
            resource["note"] = _notes(p.notes)
        return self._add("procedures", p.id, resource)

    def _immunisation(self, i: Immunisation) -> dict[str, str]:
        resource: dict[str, Any] = {
            "resourceType": "Immunization", "status": "completed", "vaccineCode": {"text": i.vaccine},
            "patient": self.patient,
        }
        if i.given_on:
            resource["occurrenceDateTime"] = i.given_on
        else:
            resource["occurrenceString"] = "date not recorded"
        if i.notes:
            resource["note"] = _notes(i.notes)
        return self._add("immunisations", i.id, resource)

    def _social(self) -> list[tuple[dict[str, str], list[object]]]:
        social = self.found.social_history
        if social is None:
            return []
        items = []
        for name, code, display, label in _SOCIAL:
            answer = getattr(social, name)
            if not answer:
                continue
            resource: dict[str, Any] = {
                "resourceType": "Observation", "status": "final",
                "category": [_coding("http://terminology.hl7.org/CodeSystem/observation-category",
                                     "social-history", "Social History")],
                "code": {**_coding(LOINC, code, display), "text": label}, "subject": self.patient,
            }
            if self.social_updated:
                resource["effectiveDateTime"] = self.social_updated[:10]
            if name == "tobacco":
                resource["valueCodeableConcept"] = {"text": answer}
            else:
                resource["valueString"] = answer
            items.append((self._add("social_history", f"{social.id}/{name}", resource), [label, answer]))
        return items

    def _family(self, f: FamilyHistory) -> dict[str, str]:
        relationship: dict[str, Any] = {"text": f.relative}
        code = _ROLE_CODES.get(f.relative.casefold())
        if code:
            relationship["coding"] = [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                                       "code": code, "display": f.relative.casefold()}]
        condition: dict[str, Any] = {"code": {"text": f.condition}}
        if f.age_at_onset is not None:
            condition["onsetAge"] = {"value": f.age_at_onset, "unit": "years",
                                     "system": "http://unitsofmeasure.org", "code": "a"}
        if f.notes:
            condition["note"] = _notes(f.notes)
        resource: dict[str, Any] = {
            "resourceType": "FamilyMemberHistory", "status": "completed", "patient": self.patient,
            "relationship": relationship, "condition": [condition],
        }
        if f.vital_status != VitalStatus.UNKNOWN:
            resource["deceasedBoolean"] = f.vital_status == VitalStatus.DECEASED
        return self._add("family_history", f.id, resource)


def _how_taken(m: Medication) -> str:
    parts = [m.dose, m.route, m.frequency, "as needed" if m.as_needed else ""]
    return ", ".join(p for p in parts if p)


def _narrative(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{_xml(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_xml(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<div xmlns="{XHTML}"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _xml(value: object) -> str:
    """Escaped text with the characters XML cannot hold (control characters) left out."""
    text = "" if value is None else str(value)
    return escape(_XML_ILLEGAL.sub("", text), quote=False)
