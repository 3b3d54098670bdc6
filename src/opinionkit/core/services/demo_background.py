"""The demo person's health background: medications (one stopped, one dose raised), allergies,
conditions, past operations, vaccines, family and social history. All invented.

A record is added only when the person has no record of that kind with the same
name, so loading the demo again changes nothing. Recent dates are counted back
from today so the demo always looks current.
"""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.background import (
    Allergy,
    AllergyKind,
    AllergySeverity,
    Condition,
    ConditionStatus,
    FamilyHistory,
    Immunisation,
    Medication,
    MedicationCategory,
    Procedure,
    ProcedureKind,
    SocialHistory,
    VitalStatus,
)
from opinionkit.core.services import background

BRENNAN = "Dr. Harold Brennan"
IWU = "Dr. Samuel Iwu"


def _ago(days: int) -> str:
    return (today() - timedelta(days=days)).isoformat()


def load(db: Database, person_id: int, provider_ids: dict[str, int]) -> None:
    _medications(db, person_id, provider_ids)
    for record in _others(person_id, provider_ids):
        if not _has(db, record):
            background.save(db, record)
    if background.social_history(db, person_id).is_empty():
        background.save(db, SocialHistory(
            person_id=person_id, tobacco="Never smoked", alcohol="One or two glasses of wine a week",
            occupation="Retired music teacher; plays cello in a community orchestra",
            notes="Walks the dog daily when the leg pain allows. Lives with her husband in a two-storey house.",
        ))


def _medications(db: Database, person_id: int, provider_ids: dict[str, int]) -> None:
    def med(name: str, **fields: object) -> Medication:
        return Medication(person_id=person_id, name=name, **fields)  # type: ignore[arg-type]

    plan = [
        med("Gabapentin", strength="100 mg", form="capsule", dose="1 capsule", route="by mouth",
            frequency="three times daily", reason="Left leg pain (sciatica)", prescriber_id=provider_ids[BRENNAN],
            start=_ago(120), notes="Can cause dizziness; no driving until the dose is settled."),
        med("Meloxicam", strength="7.5 mg", form="tablet", dose="1 tablet", route="by mouth", frequency="once daily",
            reason="Low back pain", prescriber_id=provider_ids[IWU], start=_ago(200), notes="Take with food."),
        med("Cyclobenzaprine", strength="5 mg", form="tablet", dose="1 tablet", route="by mouth",
            frequency="at bedtime", as_needed=True, reason="Back muscle spasm", prescriber_id=provider_ids[IWU],
            start=_ago(190), notes="Stopped: too drowsy the next morning."),
        med("Vitamin D3 (cholecalciferol)", strength="2000 IU", form="softgel", dose="1 softgel", route="by mouth",
            frequency="once daily", category=MedicationCategory.SUPPLEMENT, reason="Osteopenia",
            start="2021-05"),
        med("Amlodipine", strength="5 mg", form="tablet", dose="1 tablet", route="by mouth", frequency="once daily",
            reason="High blood pressure", prescriber_id=provider_ids[IWU], start="2016-09"),
        med("Acetaminophen", strength="500 mg", form="tablet", dose="2 tablets", route="by mouth",
            frequency="up to three times a day", as_needed=True, category=MedicationCategory.OVER_THE_COUNTER,
            reason="Back pain on bad days", notes="No more than 3,000 mg in a day."),
    ]
    existing = {m.name.casefold() for m in background.list_for(db, Medication, person_id)}
    for record in plan:
        if record.name.casefold() in existing:
            continue
        background.save(db, record)
        # A little history for the change log: the dose went up, one medicine was stopped.
        if record.name == "Gabapentin":
            record.strength = "300 mg"
            background.save(db, record)
        elif record.name == "Cyclobenzaprine":
            background.stop_medication(db, record.id or 0, _ago(165))


def _others(person_id: int, provider_ids: dict[str, int]) -> list[object]:
    return [
        Allergy(person_id=person_id, substance="Penicillin", reaction="Hives", severity=AllergySeverity.MODERATE,
                kind=AllergyKind.DRUG, notes="As a child, after amoxicillin for an ear infection."),
        Allergy(person_id=person_id, substance="Birch pollen", reaction="Sneezing, itchy eyes",
                severity=AllergySeverity.MILD, kind=AllergyKind.ENVIRONMENT),
        Condition(person_id=person_id, name="High blood pressure (hypertension)", since="2016",
                  notes="Well controlled on amlodipine; home readings around 128/80."),
        Condition(person_id=person_id, name="Osteopenia", since="2021-04",
                  notes="Bone density scan (DEXA) T-score -1.8 at the hip."),
        Condition(person_id=person_id, name="Lumbar spinal stenosis with L4-L5 spondylolisthesis (grade 1)",
                  since=_ago(240)[:7], notes="Left leg pain when walking more than ten minutes."),
        Condition(person_id=person_id, name="Frozen shoulder (left)", since="2019", status=ConditionStatus.RESOLVED,
                  notes="Settled with physiotherapy within a year."),
        Procedure(person_id=person_id, name="Right knee arthroscopy (partial medial meniscectomy)",
                  performed_on="2014-03", location="Millbrook General Hospital", performed_by="Dr. Eleanor Vance",
                  kind=ProcedureKind.SURGERY, notes="Day surgery, general anaesthetic; no complications."),
        Procedure(person_id=person_id, name="Screening colonoscopy", performed_on="2021-06",
                  location="Millbrook Endoscopy Center", kind=ProcedureKind.PROCEDURE,
                  notes="Normal; repeat in 5 years because of her brother's colon cancer."),
        Procedure(person_id=person_id, name="Lumbar epidural steroid injection (L4-L5)", performed_on=_ago(95),
                  location="Riverside Orthopaedic Group", performed_by_id=provider_ids[BRENNAN],
                  kind=ProcedureKind.PROCEDURE, notes="About three weeks of relief."),
        Immunisation(person_id=person_id, vaccine="Influenza (seasonal)", given_on=_ago(50)),
        Immunisation(person_id=person_id, vaccine="COVID-19 (current season)", given_on=_ago(50)),
        Immunisation(person_id=person_id, vaccine="Shingles (recombinant zoster), dose 2", given_on="2023-05"),
        Immunisation(person_id=person_id, vaccine="Shingles (recombinant zoster), dose 1", given_on="2023-02"),
        Immunisation(person_id=person_id, vaccine="Tetanus, diphtheria, pertussis (Tdap)", given_on="2019-08"),
        FamilyHistory(person_id=person_id, relative="mother", condition="Osteoporosis", age_at_onset=68,
                      vital_status=VitalStatus.DECEASED, notes="Hip fracture at 79."),
        FamilyHistory(person_id=person_id, relative="father", condition="Type 2 diabetes", age_at_onset=55,
                      vital_status=VitalStatus.DECEASED),
        FamilyHistory(person_id=person_id, relative="brother", condition="Colon cancer", age_at_onset=58,
                      vital_status=VitalStatus.LIVING, notes="Treated with surgery and chemotherapy; well since."),
    ]


def _has(db: Database, record: object) -> bool:
    """The person already has a record of this kind with the same identifying text."""
    wanted = record.label.casefold()  # type: ignore[attr-defined]
    found = background.list_for(db, type(record), record.person_id)  # type: ignore[attr-defined]
    return any(r.label.casefold() == wanted for r in found)
