"""The visit's screens for ui/screenshots.py: the overview, questions, appointments, coverage, Today."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

#: The demo question selected in the list, in Dr. Brennan's column (he answered it).
QUESTION = "Do you agree with the diagnosis? How sure are you, and what makes you sure?"


def show_overview(window: Any, ids: Any) -> None:
    window.show_case(ids.case_id, section="overview")
    window.case_page.section("overview").verticalScrollBar().setValue(0)


def show_questions(window: Any, ids: Any) -> None:
    visit = _visit(window, ids, "questions")
    page = visit.questions
    question_id = next((r.question.id for r in page.model.rows if r.question.text == QUESTION), None)
    page.select_question(question_id, page.model.column_of(ids.provider_ids["Dr. Harold Brennan"]) or 1)


def show_appointments(window: Any, ids: Any) -> None:
    visit = _visit(window, ids, "appointments")
    upcoming = next((a.id for a in visit.appointments.model.rows if a.kind.value == "second opinion"), None)
    visit.appointments.select_appointment(upcoming)


def show_appointment(window: Any, ids: Any) -> None:
    from opinionkit.ui.visit.appointment_dialog import AppointmentDialog

    show_appointments(window, ids)
    window.case_page.section("questions").appointments.open_selected()
    for dialog in window.findChildren(AppointmentDialog):
        dialog.move(window.geometry().center() - dialog.rect().center())  # as a desktop centres it


def show_coverage(window: Any, ids: Any) -> None:
    _visit(window, ids, "coverage").coverage.verticalScrollBar().setValue(0)


def show_today(window: Any, ids: Any) -> None:
    window.show_case(ids.case_id, section="overview")
    dialog = window.visit.show_today()
    dialog.move(window.geometry().center() - dialog.rect().center())


def _visit(window: Any, ids: Any, part: str) -> Any:
    window.show_case(ids.case_id, section="questions")
    visit = window.case_page.section("questions")
    visit.show_part(part)
    QApplication.processEvents()  # the page settles its layout first, so the selection is scrolled into view
    return visit
