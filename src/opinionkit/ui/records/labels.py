"""Words the tracker shows for the record items' stored values: kinds, steps, routes and counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from opinionkit.core.domain import ChecklistKind
from opinionkit.core.domain.records import RecordForm, RecordKind, RecordSummary, RequestMethod, Route, Step


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def kind_label(kind: RecordKind | str) -> str:
    return {
        RecordKind.CLINICAL_NOTES: _tr("Clinical notes"),
        RecordKind.CLINICAL_SUMMARY: _tr("Clinical summary"),
        RecordKind.TREATMENT_PLAN: _tr("Treatment plan"),
        RecordKind.LAB_RESULTS: _tr("Lab results"),
        RecordKind.PATHOLOGY_REPORT: _tr("Pathology report"),
        RecordKind.PATHOLOGY_SLIDES: _tr("Pathology slides or blocks"),
        RecordKind.RADIOLOGY_REPORT: _tr("Radiology report"),
        RecordKind.IMAGING_DISC: _tr("Imaging on disc"),
        RecordKind.IMAGING_SHARE: _tr("Imaging via image share"),
        RecordKind.IMAGING_FILM: _tr("Imaging on film"),
        RecordKind.OPERATIVE_REPORT: _tr("Operative report"),
        RecordKind.DISCHARGE_SUMMARY: _tr("Discharge summary"),
        RecordKind.MEDICATION_LIST: _tr("Medication list"),
        RecordKind.REFERRAL: _tr("Referral or authorisation"),
        RecordKind.OTHER: _tr("Other record"),
    }[RecordKind(kind)]


def step_label(step: Step | str) -> str:
    return {
        Step.NEEDED: _tr("Needed"),
        Step.REQUESTED: _tr("Requested"),
        Step.RECEIVED: _tr("Received"),
        Step.SENT: _tr("Sent"),
        Step.CONFIRMED: _tr("Confirmed"),
    }[Step(step)]


def next_step_label(step: Step | None, route: Route | str) -> str:
    """What to do next, in the person's words; an item routed direct is sent by its holder."""
    if step is None:
        return _tr("Done")
    direct = Route(route) is Route.DIRECT
    return {
        Step.REQUESTED: _tr("Request it"),
        Step.RECEIVED: _tr("Receive it"),
        Step.SENT: _tr("Holder sends it") if direct else _tr("Send it on"),
        Step.CONFIRMED: _tr("Confirm receipt"),
    }.get(step, "")


def advance_label(step: Step | None) -> str:
    """The text of the button that records ``step``."""
    if step is None:
        return _tr("Confirmed")
    return {
        Step.REQUESTED: _tr("Mark requested"),
        Step.RECEIVED: _tr("Mark received"),
        Step.SENT: _tr("Mark sent"),
        Step.CONFIRMED: _tr("Mark confirmed"),
    }.get(step, "")


def route_label(route: Route | str) -> str:
    return {
        Route.VIA_ME: _tr("To me, then on to the second office"),
        Route.DIRECT: _tr("Straight from the holder to the second office"),
    }[Route(route)]


def form_label(form: RecordForm | str) -> str:
    return {
        RecordForm.REPORT: _tr("A report or copy"),
        RecordForm.ORIGINAL: _tr("The original (images, slides)"),
    }[RecordForm(form)]


def method_label(method: RequestMethod | str) -> str:
    return {
        RequestMethod.PORTAL: _tr("Patient portal"),
        RequestMethod.FAX: _tr("Fax"),
        RequestMethod.PHONE: _tr("Phone"),
        RequestMethod.FORM: _tr("Request form"),
        RequestMethod.MAIL: _tr("Mail"),
        RequestMethod.IN_PERSON: _tr("In person"),
    }[RequestMethod(method)]


def checklist_kind_label(kind: ChecklistKind | str) -> str:
    return {
        ChecklistKind.GENERAL: _tr("General"),
        ChecklistKind.SURGERY: _tr("Surgery recommended"),
        ChecklistKind.CANCER: _tr("Cancer"),
        ChecklistKind.IMAGING: _tr("Imaging-heavy"),
    }[ChecklistKind(kind)]


def summary_text(counts: RecordSummary) -> str:
    """"9 of 14 confirmed · 2 overdue · 1 shipment unconfirmed"; parts that are zero are left out."""
    if not counts.total:
        return _tr("No records listed yet")
    parts = [_tr("{confirmed} of {total} confirmed").format(confirmed=counts.confirmed, total=counts.total)]
    if counts.overdue:
        parts.append(_tr("{count} overdue").format(count=counts.overdue))
    if counts.shipments_unconfirmed == 1:
        parts.append(_tr("1 shipment unconfirmed"))
    elif counts.shipments_unconfirmed:
        parts.append(_tr("{count} shipments unconfirmed").format(count=counts.shipments_unconfirmed))
    return " · ".join(parts)


def short_date(iso: str | None) -> str:
    """``2026-03-14`` as ``14 Mar 2026``: short enough for a table, still unmistakable."""
    if not iso:
        return ""
    date = QDate.fromString(iso, "yyyy-MM-dd")
    return QLocale().toString(date, "d MMM yyyy") if date.isValid() else iso


def day_month(iso: str | None) -> str:
    """``2026-03-14`` as ``14 Mar``, for recent dates beside a count."""
    if not iso:
        return ""
    date = QDate.fromString(iso, "yyyy-MM-dd")
    return QLocale().toString(date, "d MMM") if date.isValid() else iso


def days_between(start: str, end: dt.date) -> int:
    return (end - dt.date.fromisoformat(start)).days
