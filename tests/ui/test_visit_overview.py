"""The case overview in the window: days left, the records line, warnings, and next steps that follow the data
and take the user one click to where each is done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, Qt

from opinionkit.core.dates import today
from opinionkit.core.domain import Appointment, Case, CaseStatus, Person, Provider
from opinionkit.core.services import appointments, cases, demo, people, providers, tracker
from opinionkit.ui.dialogs.case_dialog import CaseDialog
from opinionkit.ui.visit.appointment_dialog import AppointmentDialog
from window_helpers import press, visible

PHYSIO = "Physiotherapy notes from the six weeks of treatment"


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def show_tab(qtbot, page, key: str) -> None:
    """Click the case page's tab for ``key``, as a person does."""
    index = next(i for i, section in enumerate(page._sections) if section.key == key)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert page.current_section() == key


def item_id(database, case_id: int, description: str) -> int:
    return next(r.id for r in tracker.tracker_rows(database, case_id) if r.description == description)


def own_case(database, *, same_institution: bool = False, second_doctor: bool = True) -> Case:
    person = people.save(database, Person(name="Ines Carvalho", insurer_phone="(555) 800-1000"))
    first = providers.save(database, Provider(name="Dr. Tomas Reyes", institution="Harbor Eye Institute",
                                              phone="(555) 010-2000"))
    second = providers.save(database, Provider(
        name="Dr. Yuki Sato", phone="(555) 010-3000",
        institution="Harbor Eye Institute" if same_institution else "Lakeview University Hospital"))
    return cases.save(database, Case(
        person_id=person.id, title="Cataract surgery: which lens?", recommending_doctor_id=first.id,
        second_opinion_doctor_id=second.id if second_doctor else None, status=CaseStatus.AWAITING_OPINION,
        decision_deadline=(today() + dt.timedelta(days=20)).isoformat(),
    ))


def test_a_case_opens_on_its_overview_with_days_records_and_next_steps(qtbot, database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id)
    page = window.case_page
    assert page.current_section() == "overview"
    overview = page.section("overview")
    assert overview.deadline_card.number.text() == "38" and overview.deadline_card.unit.text() == "days left"
    assert overview.appointment_card.number.text() == "9"
    assert "Dr. Priya Nandakumar" in overview.appointment_card.detail.text()
    assert overview.records_card.number.text() == "4 of 13"
    assert "1 overdue" in overview.records_card.detail.text()
    assert "1 shipment not confirmed" in overview.records_card.detail.text()

    physio = item_id(database, ids.case_id, PHYSIO)
    row = overview.steps.row_for(f"follow_up:{physio}")
    assert row is not None and overview.steps.keys()[0] == f"follow_up:{physio}", "the overdue request comes first"
    assert row.chip.text() == "⚠ Overdue", "urgency in words with a sign, not colour alone"
    assert row.contact.text() == "☎ Phone (555) 201-4410 · fax (555) 201-4499"
    assert row.button.text() == "Open in tracker" and row.button.accessibleName()
    assert overview.steps_card.title.text() == f"Next steps ({len(overview.steps.rows)})"


def test_receiving_the_overdue_item_in_the_tracker_removes_its_follow_up(qtbot, database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id)
    overview = window.case_page.section("overview")
    physio = item_id(database, ids.case_id, PHYSIO)

    click(qtbot, overview.steps.row_for(f"follow_up:{physio}").button)  # one click to where it is done
    records = window.case_page.section("records")
    assert window.case_page.current_section() == "records"
    assert records.selected_item_id() == physio and window.focusWidget() is records.table
    assert records.advance_button.text() == "Mark received"
    click(qtbot, records.advance_button)

    show_tab(qtbot, window.case_page, "overview")
    assert f"follow_up:{physio}" not in overview.steps.keys()
    assert "overdue" not in overview.records_card.detail.text()

    press(qtbot, window, Qt.Key.Key_Z)  # undoing the step brings the follow-up back, here and now
    assert f"follow_up:{physio}" in overview.steps.keys()


def test_an_appointment_tomorrow_adds_the_call_to_confirm_the_records(qtbot, database, open_window):
    case = own_case(database)
    window = open_window(database)
    window.show_case(case.id)
    overview = window.case_page.section("overview")
    assert not [key for key in overview.steps.keys() if key.startswith("confirm_call:")]
    assert overview.appointment_card.number.text() == "—"

    show_tab(qtbot, window.case_page, "questions")
    visit = window.case_page.section("questions")
    visit.show_part("appointments")
    click(qtbot, visit.appointments.add_button)
    dialog = visible(window, AppointmentDialog)
    tomorrow = today() + dt.timedelta(days=1)
    dialog.date.setDate(QDate(tomorrow))
    dialog.time.setTime(QTime(9, 30))
    assert dialog.doctor.value() == case.second_opinion_doctor_id, "the case's second doctor by default"
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    [saved] = appointments.list_for_case(database, case.id)

    show_tab(qtbot, window.case_page, "overview")
    row = overview.steps.row_for(f"confirm_call:{saved.id}")
    assert row is not None and "tomorrow" in row.text.text()
    assert row.contact.text() == "☎ Phone (555) 010-3000"
    assert overview.appointment_card.number.text() == "1"

    click(qtbot, row.button)
    assert window.case_page.current_section() == "questions" and visit.current_part() == "appointments"
    assert visit.appointments.selected_appointment_id() == saved.id


def test_steps_lead_to_the_coverage_and_to_the_case_form(qtbot, database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id)
    overview = window.case_page.section("overview")
    click(qtbot, overview.steps.row_for("coverage:prior_auth").button)
    visit = window.case_page.section("questions")
    assert window.case_page.current_section() == "questions" and visit.current_part() == "coverage"

    case = own_case(database, second_doctor=False)
    window.show_case(case.id, section="overview")
    row = overview.steps.row_for("choose_second_doctor")
    assert row.button.text() == "Edit case…"
    click(qtbot, row.button)
    dialog = visible(window, CaseDialog)
    dialog.reject()


def test_a_second_doctor_at_the_same_institution_is_a_warning(qtbot, database, open_window):
    case = own_case(database, same_institution=True)
    window = open_window(database)
    window.show_case(case.id)
    overview = window.case_page.section("overview")
    shown = [overview.warnings.itemAt(i).widget().text() for i in range(overview.warnings.count())]
    assert len(shown) == 1 and "same institution" in shown[0] and shown[0].startswith("⚠")


def test_a_missing_phone_number_is_said_in_the_step(qtbot, database, open_window):
    case = own_case(database)
    doctor = providers.get(database, case.second_opinion_doctor_id)
    doctor.phone = ""
    providers.save(database, doctor)
    visit = appointments.save(database, Appointment(
        case_id=case.id, provider_id=doctor.id, starts_at=f"{(today() + dt.timedelta(days=1)).isoformat()}T10:00"))
    window = open_window(database)
    window.show_case(case.id)
    row = window.case_page.section("overview").steps.row_for(f"confirm_call:{visit.id}")
    assert row.missing.text().startswith("⚠ No phone number recorded for Dr. Yuki Sato")
