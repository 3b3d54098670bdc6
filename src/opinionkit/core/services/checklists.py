"""Starter checklists: the records a second doctor usually asks for, by kind of case.

The person ticks the suggestions that apply (and may pick a holder for each);
``add_items`` turns the ticked ones into record items of the case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from opinionkit.core.domain import ChecklistKind
from opinionkit.core.domain.records import RecordForm, RecordItem, RecordKind, Route
from opinionkit.core.services import cases, record_items

LAST_YEAR = "last 12 months"


@dataclass(frozen=True)
class StarterItem:
    """A suggested record item, with a line saying why the second doctor wants it."""

    kind: RecordKind
    description: str
    why: str
    period_text: str = ""
    original_or_report: RecordForm = RecordForm.REPORT
    route: Route = Route.VIA_ME
    holder_id: int | None = None

    def to_item(self, case_id: int) -> RecordItem:
        return RecordItem(
            case_id=case_id, kind=self.kind, description=self.description, holder_id=self.holder_id,
            period_text=self.period_text, original_or_report=self.original_or_report, route=self.route,
        )


_EVERY_CASE = (
    StarterItem(RecordKind.CLINICAL_NOTES, "Notes of the doctor who made the recommendation",
                "The second doctor starts from what the first one found and wrote down.", LAST_YEAR),
    StarterItem(RecordKind.TREATMENT_PLAN, "The recommended treatment, in writing",
                "So the second doctor weighs exactly what was proposed."),
    StarterItem(RecordKind.CLINICAL_SUMMARY, "Clinical summary from the primary-care doctor",
                "Ask for it by this name: a few pages with conditions, medicines, allergies and past care."),
    StarterItem(RecordKind.LAB_RESULTS, "Lab results related to the condition",
                "Recent values save repeating tests.", LAST_YEAR),
    StarterItem(RecordKind.RADIOLOGY_REPORT, "Reports of scans and X-rays",
                "The radiologist's written reading of each scan."),
    StarterItem(RecordKind.MEDICATION_LIST, "Current medication list",
                "Every medicine, strength and dose, including over-the-counter ones."),
    StarterItem(RecordKind.REFERRAL, "Referral or prior authorisation for the second opinion",
                "Some plans pay only when it is in place before the visit."),
)

_SURGERY = (
    StarterItem(RecordKind.IMAGING_DISC, "The scans themselves (MRI, CT, X-ray) on disc",
                "A surgeon wants to see the images, not only the report about them.",
                original_or_report=RecordForm.ORIGINAL),
    StarterItem(RecordKind.CLINICAL_NOTES, "Notes of treatment tried so far (physiotherapy, injections, medicines)",
                "Shows what has and has not helped before surgery was proposed.", LAST_YEAR),
    StarterItem(RecordKind.OPERATIVE_REPORT, "Reports of earlier operations in the same area",
                "Earlier surgery changes what can be done next."),
    StarterItem(RecordKind.DISCHARGE_SUMMARY, "Discharge summaries of related hospital stays",
                "A short account of each stay: what was done and what followed."),
)

_CANCER = (
    StarterItem(RecordKind.PATHOLOGY_REPORT, "Pathology report of the biopsy or surgery",
                "The diagnosis itself rests on it."),
    StarterItem(RecordKind.PATHOLOGY_SLIDES, "The biopsy slides or tissue blocks",
                "The second pathologist looks at the tissue again; best shipped by the lab straight "
                "to the second institution.",
                original_or_report=RecordForm.ORIGINAL, route=Route.DIRECT),
    StarterItem(RecordKind.IMAGING_DISC, "Staging scans (CT, PET, MRI) on disc",
                "The images show how far the disease has spread.", original_or_report=RecordForm.ORIGINAL),
    StarterItem(RecordKind.LAB_RESULTS, "Blood tests, including tumour markers",
                "Recent values and their trend.", LAST_YEAR),
    StarterItem(RecordKind.OPERATIVE_REPORT, "Operative report, if there was surgery",
                "What the surgeon saw and removed."),
    StarterItem(RecordKind.DISCHARGE_SUMMARY, "Discharge summaries of related hospital stays",
                "A short account of each stay: what was done and what followed."),
)

_IMAGING = (
    StarterItem(RecordKind.IMAGING_DISC, "Original images of every relevant scan, on disc",
                "Ask for the full study in DICOM format with a viewer on the disc.",
                original_or_report=RecordForm.ORIGINAL),
    StarterItem(RecordKind.IMAGING_SHARE, "The same images through an image-sharing link",
                "Quicker than a disc when both imaging centres use a sharing service.",
                original_or_report=RecordForm.ORIGINAL, route=Route.DIRECT),
    StarterItem(RecordKind.IMAGING_FILM, "Older images that exist only on film",
                "Films do not travel well by post: carry them to the visit yourself.",
                original_or_report=RecordForm.ORIGINAL),
    StarterItem(RecordKind.RADIOLOGY_REPORT, "Earlier scans for comparison, with their reports",
                "Change over time often matters more than one picture."),
)

_EXTRAS: dict[ChecklistKind, tuple[StarterItem, ...]] = {
    ChecklistKind.GENERAL: (),
    ChecklistKind.SURGERY: _SURGERY,
    ChecklistKind.CANCER: _CANCER,
    ChecklistKind.IMAGING: _IMAGING,
}


def starter_items(kind: ChecklistKind | str = ChecklistKind.GENERAL) -> list[StarterItem]:
    """The usual items for a kind of case, most specific first."""
    return [*_EXTRAS[ChecklistKind(kind)], *_EVERY_CASE]


def missing_starter_items(db: Database, case_id: int) -> list[StarterItem]:
    """The starter items for the case's kind that the case does not list yet."""
    case = cases.get(db, case_id)
    present = _present(db, case_id)
    return [s for s in starter_items(case.checklist_kind) if _key(s.kind, s.description) not in present]


def add_items(
    db: Database, case_id: int, chosen: Iterable[StarterItem], needed_on: dt.date | str | None = None
) -> list[RecordItem]:
    """Add the ticked suggestions to the case, skipping any it already lists; all or nothing."""
    cases.get(db, case_id)
    present = _present(db, case_id)
    added = []
    with db.atomic():
        for starter in chosen:
            key = _key(starter.kind, starter.description)
            if key in present:
                continue
            present.add(key)
            added.append(record_items.create(db, starter.to_item(case_id), needed_on))
    return added


def with_holder(starter: StarterItem, holder_id: int | None) -> StarterItem:
    """The same suggestion, to be requested from ``holder_id``."""
    return dataclasses.replace(starter, holder_id=holder_id)


def _present(db: Database, case_id: int) -> set[tuple[str, str]]:
    return {
        _key(kind, description)
        for kind, description in db.execute(
            "SELECT kind, description FROM record_items WHERE case_id = ?", [case_id]
        )
    }


def _key(kind: str, description: str) -> tuple[str, str]:
    return str(kind), " ".join(description.casefold().split())
