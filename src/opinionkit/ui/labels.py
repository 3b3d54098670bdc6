"""Words the window shows for stored values: statuses, kinds, dates and days left."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from opinionkit.core.domain import CaseStatus, ProviderKind


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: CaseStatus) -> str:
    return {
        CaseStatus.FRAMING: _tr("Framing the question"),
        CaseStatus.GATHERING_RECORDS: _tr("Gathering records"),
        CaseStatus.AWAITING_OPINION: _tr("Awaiting the opinion"),
        CaseStatus.COMPARING: _tr("Comparing opinions"),
        CaseStatus.DECIDED: _tr("Decided"),
    }[CaseStatus(status)]


def kind_label(kind: ProviderKind) -> str:
    return {
        ProviderKind.DOCTOR: _tr("Doctor"),
        ProviderKind.CLINIC: _tr("Clinic"),
        ProviderKind.LAB: _tr("Lab"),
        ProviderKind.IMAGING_CENTRE: _tr("Imaging centre"),
        ProviderKind.HOSPITAL: _tr("Hospital"),
        ProviderKind.INSURER: _tr("Insurer"),
        ProviderKind.OTHER: _tr("Other"),
    }[ProviderKind(kind)]


def friendly_date(iso: str | None) -> str:
    """``2026-03-14`` as ``14 March 2026``: spelled-out months cannot be misread day-for-month."""
    if not iso:
        return ""
    date = QDate.fromString(iso, "yyyy-MM-dd")
    return QLocale().toString(date, "d MMMM yyyy") if date.isValid() else iso


def age_on(date_of_birth: str | None, today: dt.date) -> int | None:
    if not date_of_birth:
        return None
    born = dt.date.fromisoformat(date_of_birth)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def days_left_label(days: int | None) -> str:
    if days is None:
        return _tr("No decision deadline set")
    if days > 1:
        return _tr("{count} days left").format(count=days)
    if days == 1:
        return _tr("1 day left")
    if days == 0:
        return _tr("Deadline is today")
    if days == -1:
        return _tr("Deadline passed yesterday")
    return _tr("Deadline passed {count} days ago").format(count=-days)
