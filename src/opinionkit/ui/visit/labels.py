"""Words the visit screens show for stored values: urgencies, kinds of appointment, plans, answers, times."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from opinionkit.core.domain.appointments import Appointment, AppointmentKind
from opinionkit.core.domain.coverage import PlanType, YesNo
from opinionkit.core.domain.overview import Urgency


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


#: A sign before each urgency's word, so that it never rests on colour alone.
URGENCY_SIGNS = {Urgency.OVERDUE: "⚠", Urgency.TODAY: "●", Urgency.SOON: "◐", Urgency.LATER: "○"}
#: The chip tone (see style.qss) of each urgency: warm for what is late or due today, quiet for later.
URGENCY_TONES = {Urgency.OVERDUE: "warning", Urgency.TODAY: "warning", Urgency.SOON: "", Urgency.LATER: "quiet"}


def urgency_label(urgency: Urgency) -> str:
    return {
        Urgency.OVERDUE: _tr("Overdue"),
        Urgency.TODAY: _tr("Today"),
        Urgency.SOON: _tr("Soon"),
        Urgency.LATER: _tr("Later"),
    }[Urgency(urgency)]


def urgency_chip_text(urgency: Urgency) -> str:
    return f"{URGENCY_SIGNS[Urgency(urgency)]} {urgency_label(urgency)}"


def appointment_kind_label(kind: AppointmentKind | str) -> str:
    return {
        AppointmentKind.FIRST_OPINION: _tr("First opinion"),
        AppointmentKind.SECOND_OPINION: _tr("Second opinion"),
        AppointmentKind.FOLLOW_UP: _tr("Follow-up"),
        AppointmentKind.REMOTE_REVIEW: _tr("Remote review"),
        AppointmentKind.TELEHEALTH: _tr("Telehealth"),
    }[AppointmentKind(kind)]


def plan_label(plan: PlanType | str) -> str:
    return {
        PlanType.UNKNOWN: _tr("Not known yet"),
        PlanType.HMO: _tr("HMO"),
        PlanType.PPO: _tr("PPO"),
        PlanType.MEDICARE: _tr("Medicare"),
        PlanType.MEDICARE_ADVANTAGE: _tr("Medicare Advantage"),
        PlanType.FEE_FOR_SERVICE: _tr("Fee for service"),
        PlanType.NONE: _tr("No insurance"),
        PlanType.OTHER: _tr("Other"),
    }[PlanType(plan)]


def yes_no_label(answer: YesNo | str) -> str:
    return {YesNo.UNKNOWN: _tr("Not known yet"), YesNo.YES: _tr("Yes"), YesNo.NO: _tr("No")}[YesNo(answer)]


def day_text(day: dt.date | str | None) -> str:
    """``Wed 2 Dec 2026``: the weekday helps people place a visit."""
    if not day:
        return ""
    date = QDate(dt.date.fromisoformat(day) if isinstance(day, str) else day)
    return QLocale().toString(date, "ddd d MMM yyyy")


def when_text(appointment: Appointment) -> str:
    """``Wed 2 Dec 2026, 10:30``."""
    return QLocale().toString(QDateTime(appointment.start), "ddd d MMM yyyy, HH:mm")


def in_days_text(days: int) -> str:
    """How far off a day is, in words: "today", "tomorrow", "in 9 days", "3 days ago"."""
    if days == 0:
        return _tr("today")
    if days == 1:
        return _tr("tomorrow")
    if days == -1:
        return _tr("yesterday")
    if days > 1:
        return _tr("in {count} days").format(count=days)
    return _tr("{count} days ago").format(count=-days)
