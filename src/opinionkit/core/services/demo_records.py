"""The demo case's record tracker: items at every step, one request overdue, one shipment unconfirmed.

Dates are counted back from today, so the demo always looks current.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain.records import RecordForm, RecordItem, RecordKind, RequestMethod, Route, Step
from opinionkit.core.services import record_items, timeline

BRENNAN = "Dr. Harold Brennan"
IWU = "Dr. Samuel Iwu"
LAB = "Northgate Clinical Laboratories"
IMAGING = "Cedar Valley Imaging"
INSURER = "Harborline Health Plan"
LAST_YEAR = "last 12 months"


@dataclass
class _Plan:
    item: RecordItem
    holder: str
    steps: list[tuple[Step, int, str]]  # (step, days ago, note); "needed" comes first
    followups: list[tuple[int, str, str]] = field(default_factory=list)  # (days ago, who, said)


def _plans() -> list[_Plan]:
    def item(kind: RecordKind, description: str, **fields: object) -> RecordItem:
        return RecordItem(case_id=0, kind=kind, description=description, **fields)  # type: ignore[arg-type]

    lakeshore = "Lena Marsh, new-patient coordinator, Lakeshore University Spine Center"
    return [
        _Plan(item(RecordKind.CLINICAL_NOTES, "Spine clinic visit notes, Dr. Brennan", period_text=LAST_YEAR,
                   route=Route.DIRECT, request_method=RequestMethod.FAX, confirmed_by=lakeshore),
              BRENNAN, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 41, "Signed release faxed with the request"),
                        (Step.SENT, 27, "Faxed by the records office, 38 pages"), (Step.CONFIRMED, 25, "")]),
        _Plan(item(RecordKind.TREATMENT_PLAN, "Surgical recommendation: PLIF at L4-L5 with decompression",
                   route=Route.DIRECT, request_method=RequestMethod.FAX, confirmed_by=lakeshore),
              BRENNAN, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 41, ""), (Step.SENT, 27, ""),
                        (Step.CONFIRMED, 25, "")]),
        _Plan(item(RecordKind.CLINICAL_SUMMARY, "Clinical summary from primary care",
                   request_method=RequestMethod.PORTAL, request_reference="Portal message 55120",
                   carrier="Uploaded to the Lakeshore patient portal", confirmed_by=lakeshore),
              IWU, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 33, "Asked for a “clinical summary” by name"),
                    (Step.RECEIVED, 29, "Downloaded from the portal"), (Step.SENT, 22, ""),
                    (Step.CONFIRMED, 19, "")]),
        _Plan(item(RecordKind.MEDICATION_LIST, "Current medication list", request_method=RequestMethod.PORTAL,
                   carrier="Uploaded to the Lakeshore patient portal", confirmed_by=lakeshore),
              IWU, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 33, ""), (Step.RECEIVED, 29, ""),
                    (Step.SENT, 22, ""), (Step.CONFIRMED, 19, "")]),
        _Plan(item(RecordKind.IMAGING_DISC, "Lumbar spine MRI without contrast, full study (DICOM)",
                   period_text="MRI of 12 September", original_or_report=RecordForm.ORIGINAL,
                   request_method=RequestMethod.FORM, request_reference="Film library request FL-20931",
                   carrier="UPS Next Day Air", tracking_number="1Z 8A4 F29 01 9376 5524"),
              IMAGING, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 20, "Form handed in at the front desk"),
                        (Step.RECEIVED, 15, "Picked up two discs: one sent, one kept"),
                        (Step.SENT, 6, "Shipped with a cover note listing the study dates")],
              [(3, "UPS tracking", "Delivered, signed for by M. REYES at the Lakeshore mail room"),
               (1, "Lakeshore new-patient desk", "Not yet logged in radiology; will call back tomorrow")]),
        _Plan(item(RecordKind.RADIOLOGY_REPORT, "Report of the lumbar MRI", period_text="MRI of 12 September",
                   request_method=RequestMethod.FORM),
              IMAGING, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 20, ""), (Step.RECEIVED, 15, "")]),
        _Plan(item(RecordKind.IMAGING_DISC, "Standing lumbar X-rays with flexion and extension views",
                   period_text="X-rays of 28 August", original_or_report=RecordForm.ORIGINAL,
                   request_method=RequestMethod.FORM, request_reference="Film library request FL-20932"),
              IMAGING, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 20, ""), (Step.RECEIVED, 15, "")]),
        _Plan(item(RecordKind.RADIOLOGY_REPORT, "Report of the lumbar X-rays", period_text="X-rays of 28 August",
                   request_method=RequestMethod.FORM),
              IMAGING, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 20, "")]),
        _Plan(item(RecordKind.CLINICAL_NOTES, "Physiotherapy notes from the six weeks of treatment",
                   period_text="August to September", request_method=RequestMethod.MAIL,
                   notes="The physiotherapy team works from the same building as Dr. Brennan."),
              BRENNAN, [(Step.NEEDED, 45, ""), (Step.REQUESTED, 37, "Request form sent by post")],
              [(9, "Denise, records office", "In the queue; should go out this week"),
               (2, "Records office voicemail", "Left a message asking for a date")]),
        _Plan(item(RecordKind.LAB_RESULTS, "Blood tests: HbA1c, vitamin D, full blood count",
                   period_text=LAST_YEAR, route=Route.DIRECT, request_method=RequestMethod.PHONE),
              LAB, [(Step.NEEDED, 30, ""), (Step.REQUESTED, 12, "Phoned the results line")],
              [(5, "Results line", "Release form received; results go out by fax within ten days")]),
        _Plan(item(RecordKind.REFERRAL, "Prior authorisation for the second-opinion visit",
                   request_method=RequestMethod.PHONE, request_reference="AUTH-2291-775"),
              INSURER, [(Step.NEEDED, 30, ""), (Step.REQUESTED, 5, "Member services, option 3")]),
        _Plan(item(RecordKind.CLINICAL_NOTES, "Primary-care notes about the back pain", period_text=LAST_YEAR),
              IWU, [(Step.NEEDED, 4, "Lakeshore asked for them on the intake call")]),
        _Plan(item(RecordKind.IMAGING_SHARE, "Earlier lumbar CT, for comparison",
                   period_text="CT from two years ago", original_or_report=RecordForm.ORIGINAL,
                   route=Route.DIRECT),
              IMAGING, [(Step.NEEDED, 4, "Ask whether Cedar Valley can share it by link")]),
    ]


def load_tracker(db: Database, case_id: int, provider_ids: dict[str, int]) -> None:
    """Give the demo case its tracker, unless it already lists record items."""
    if db.execute("SELECT 1 FROM record_items WHERE case_id = ? LIMIT 1", [case_id]).fetchone():
        return
    now = today()
    with db.atomic():
        for plan in _plans():
            plan.item.case_id = case_id
            plan.item.holder_id = provider_ids.get(plan.holder)
            (_, first_ago, first_note), *later = plan.steps
            made = record_items.create(db, plan.item, now - timedelta(days=first_ago), first_note)
            for step, days_ago, note in later:
                timeline.record_step(db, made.id or 0, step, now - timedelta(days=days_ago), note)
            for days_ago, who, said in plan.followups:
                record_items.add_followup(db, made.id or 0, said, who, now - timedelta(days=days_ago))
