"""The demo: one clearly invented person with a realistic case, so every screen has something to show.

Every step finds what an earlier run made before making anything, so running
the demo again changes nothing; later capabilities add steps to ``load``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.decide import demo_decision
from opinionkit.core.domain import Case, CaseStatus, ChecklistKind, Person, Provider, ProviderKind
from opinionkit.core.services import (
    cases, demo_background, demo_documents, demo_opinions, demo_records, demo_visit, people, providers,
)

DEMO_PERSON = "Marguerite Okonkwo-Lindqvist"
DEMO_CASE = "Lumbar spinal fusion recommended: is surgery the right step?"


@dataclass
class Demo:
    person_id: int
    case_id: int
    provider_ids: dict[str, int]


_PROVIDERS = [
    Provider(
        name="Dr. Harold Brennan", kind=ProviderKind.DOCTOR, specialty="Orthopaedic spine surgery",
        institution="Riverside Orthopaedic Group", phone="(555) 201-4410", fax="(555) 201-4499",
        email="records@riverside-ortho.example", address="1200 Riverside Drive, Suite 300, Millbrook, OR 97000",
        portal="https://portal.riverside-ortho.example",
        notes="Recommended the fusion at the visit of 2 October. Records office open 8-4.",
    ),
    Provider(
        name="Dr. Priya Nandakumar", kind=ProviderKind.DOCTOR, specialty="Physical medicine and rehabilitation (spine)",
        institution="Lakeshore University Spine Center", phone="(555) 388-2700", fax="(555) 388-2795",
        email="secondopinion@lakeshore-spine.example",
        address="45 University Avenue, Building C, Lakeshore, OR 97100",
        notes="Multidisciplinary spine team; wants imaging discs and the last 12 months of notes.",
    ),
    Provider(
        name="Dr. Samuel Iwu", kind=ProviderKind.DOCTOR, specialty="Family medicine",
        institution="Millbrook Family Practice", phone="(555) 201-7788", fax="(555) 201-7789",
        address="88 Elm Street, Millbrook, OR 97000", notes="Primary-care doctor for eleven years.",
    ),
    Provider(
        name="Northgate Clinical Laboratories", kind=ProviderKind.LAB, phone="(555) 640-1200",
        fax="(555) 640-1299", email="results@northgate-labs.example",
        address="300 Northgate Parkway, Millbrook, OR 97002",
    ),
    Provider(
        name="Cedar Valley Imaging", kind=ProviderKind.IMAGING_CENTRE, specialty="MRI, CT, X-ray",
        phone="(555) 455-9000", fax="(555) 455-9010", email="film-library@cedarvalley-imaging.example",
        address="17 Cedar Valley Road, Millbrook, OR 97003",
        notes="Film library burns discs in 2-3 working days; pick-up at the front desk.",
    ),
    Provider(
        name="Harborline Health Plan", kind=ProviderKind.INSURER, phone="(555) 800-4321",
        portal="https://members.harborline.example", notes="Member services, press 3 for authorisations.",
    ),
]


def load(db: Database) -> Demo:
    """Create the demo data that is not there yet and return its ids."""
    provider_ids = _providers(db)
    person = _person(db)
    case = _case(db, person, provider_ids)
    demo_records.load_tracker(db, case.id or 0, provider_ids)
    demo_documents.load(db, person.id or 0, case.id or 0, provider_ids)
    demo_background.load(db, person.id or 0, provider_ids)
    demo_visit.load(db, case.id or 0, provider_ids)
    demo_opinions.load(db, case.id or 0, provider_ids)
    demo_decision.load(db, case.id or 0)
    return Demo(person_id=person.id or 0, case_id=case.id or 0, provider_ids=provider_ids)


def _providers(db: Database) -> dict[str, int]:
    ids = {}
    for template in _PROVIDERS:
        found = providers.find_by_name(db, template.name)
        if found is None:
            found = providers.save(db, Provider(**{**template.__dict__, "id": None}))
        ids[template.name] = found.id or 0
    return ids


def _person(db: Database) -> Person:
    found = people.find_by_name(db, DEMO_PERSON)
    if found:
        return found
    return people.save(db, Person(
        name=DEMO_PERSON, date_of_birth="1961-04-17", sex="female", phone="(555) 201-3366",
        email="m.okonkwo-lindqvist@mail.example", address="22 Alder Lane, Millbrook, OR 97000",
        insurance_plan="Harborline Health Plan PPO Silver", member_id="HHP-5529-0147-03",
        insurer_phone="(555) 800-4321", emergency_contact="Tobias Lindqvist (husband), (555) 201-3367",
        notes="Retired music teacher. Her daughter Ada helps with appointments and paperwork.",
    ))


def _case(db: Database, person: Person, provider_ids: dict[str, int]) -> Case:
    for existing in cases.list_all(db, person.id):
        if existing.title == DEMO_CASE:
            return existing
    return cases.save(db, Case(
        person_id=person.id or 0,
        title=DEMO_CASE,
        diagnosis="Degenerative spondylolisthesis at L4-L5 (grade 1) with spinal stenosis and left leg pain",
        treatment_recommended="Posterior lumbar interbody fusion (PLIF) at L4-L5 with decompression",
        recommending_doctor_id=provider_ids["Dr. Harold Brennan"],
        second_opinion_doctor_id=provider_ids["Dr. Priya Nandakumar"],
        reason="Major surgery was recommended after only six weeks of physiotherapy; "
               "she wants to know whether a less invasive option is reasonable first.",
        goals=[
            "Walk the dog for 30 minutes without leg pain",
            "Keep playing the cello in the community orchestra",
            "Avoid surgery if a safer path gives similar relief",
            "Be well enough to travel to her grandson's wedding in June",
        ],
        decision_deadline=(today() + timedelta(days=38)).isoformat(),
        status=CaseStatus.GATHERING_RECORDS,
        checklist_kind=ChecklistKind.SURGERY,
    ))
