"""Appointments in the window: the table's flags, the form's records-due default and overlap warning,
attachments, and deleting with undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime, Qt
from PySide6.QtWidgets import QFileDialog

from opinionkit.core.dates import today
from opinionkit.core.domain import Appointment, AppointmentKind, Case, Person, Provider
from opinionkit.core.services import appointments, cases, demo, library, people, providers, trash
from opinionkit.ui.records.tracker_model import SECONDARY_ROLE
from opinionkit.ui.visit.appointment_dialog import ID_ROLE, AppointmentDialog
from opinionkit.ui.visit.appointment_model import DOCTOR, FLAGS, WHEN, AppointmentTableModel
from window_helpers import press, type_text, visible


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_weekday(weekday: int) -> dt.date:
    """The first such weekday (Monday is 0) at least two weeks from today."""
    day = today() + dt.timedelta(days=14)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def make_case(database) -> Case:
    person = people.save(database, Person(name="Ines Carvalho"))
    doctor = providers.save(database, Provider(name="Dr. Yuki Sato", phone="(555) 010-3000"))
    return cases.save(database, Case(person_id=person.id, title="Which lens?", second_opinion_doctor_id=doctor.id))


def open_appointments(database, open_window, case_id: int):
    window = open_window(database)
    window.show_case(case_id, section="questions")
    visit = window.case_page.section("questions")
    visit.show_part("appointments")
    return window, visit.appointments


def test_the_model_passes_the_model_tester_and_flags_past_visits(qtmodeltester, db):
    ids = demo.load(db)
    model = AppointmentTableModel(db)
    model.load(ids.case_id)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    past, upcoming = model.index(0, FLAGS), model.index(1, FLAGS)
    assert past.data() == "✓ Past" and past.data(SECONDARY_ROLE) == "notes written"
    assert upcoming.data() == ""
    assert model.index(1, DOCTOR).data() == "Dr. Priya Nandakumar"
    assert model.index(1, WHEN).data(Qt.ItemDataRole.ToolTipRole).endswith("10:30 · 90 min")


def test_records_are_due_three_working_days_before_until_changed_by_hand(qtbot, database, open_window):
    case = make_case(database)
    window, page = open_appointments(database, open_window, case.id)
    click(qtbot, page.add_button)
    dialog = visible(window, AppointmentDialog)
    monday = next_weekday(0)
    dialog.date.setDate(QDate(monday))
    assert dialog.due.date().toPython() == monday - dt.timedelta(days=5), "Wednesday before: skips the weekend"
    assert dialog.due_note.text() == "three working days before"
    friday = monday + dt.timedelta(days=4)
    dialog.date.setDate(QDate(friday))
    assert dialog.due.date().toPython() == friday - dt.timedelta(days=3), "follows the date"

    chosen = friday - dt.timedelta(days=7)
    dialog.due.setDate(QDate(chosen))
    assert dialog.due_note.text() == "chosen by you"
    dialog.date.setDate(QDate(friday + dt.timedelta(days=7)))
    assert dialog.due.date().toPython() == chosen, "a day chosen by hand stays"

    dialog.due.setDate(QDate(friday + dt.timedelta(days=8)))
    click(qtbot, dialog.save_button)
    assert dialog.invalid_fields() == ["records_due_by"], "records due after the visit are refused"
    assert appointments.list_for_case(database, case.id) == []
    dialog.due.setDate(QDate(chosen))
    type_text(dialog.bring, "The lens brochure")
    click(qtbot, dialog.save_button)
    [saved] = appointments.list_for_case(database, case.id)
    assert (saved.records_due_by, saved.what_to_bring) == (chosen.isoformat(), "The lens brochure")
    assert page.selected_appointment_id() == saved.id


def test_the_form_flags_an_overlap_and_a_past_date_and_saves_them_anyway(qtbot, database, open_window):
    case = make_case(database)
    day = next_weekday(2)
    first = appointments.save(database, Appointment(case_id=case.id, starts_at=f"{day.isoformat()}T10:00",
                                                    kind=AppointmentKind.FIRST_OPINION, duration_minutes=60))
    window, page = open_appointments(database, open_window, case.id)
    click(qtbot, page.add_button)
    dialog = visible(window, AppointmentDialog)
    dialog.date.setDate(QDate(day))
    dialog.time.setTime(QTime(10, 30))
    assert dialog.warning.isVisible() and "overlaps the first opinion appointment" in dialog.warning.text()
    dialog.time.setTime(QTime(11, 0))
    assert not dialog.warning.isVisible(), "back to back is fine"
    dialog.date.setDate(QDate(today() - dt.timedelta(days=3)))
    assert "in the past" in dialog.warning.text()

    dialog.date.setDate(QDate(day))
    dialog.time.setTime(QTime(10, 30))
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible(), "allowed, and flagged"
    rows = page.model.rows
    assert [a.id for a in rows][0] == first.id and len(rows) == 2
    assert all(page.model.index(n, FLAGS).data() == "⚠ Overlaps" for n in range(2))
    assert page.model.index(0, FLAGS).data(Qt.ItemDataRole.DecorationRole) is not None, "an icon too"


def test_documents_and_a_recording_are_attached(qtbot, database, open_window, monkeypatch, tmp_path):
    ids = demo.load(database)
    window, page = open_appointments(database, open_window, ids.case_id)
    past = appointments.list_for_case(database, ids.case_id)[0]
    page.select_appointment(past.id)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens it
    dialog = visible(window, AppointmentDialog)
    document = library.list_for_case(database, ids.case_id)[0]
    item = next(dialog.documents.item(n) for n in range(dialog.documents.count())
                if dialog.documents.item(n).data(ID_ROLE) == document.id)
    item.setCheckState(Qt.CheckState.Checked)
    recording = tmp_path / "visit with Dr Brennan.m4a"
    recording.write_bytes(b"not really sound")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(recording), "")))
    click(qtbot, dialog.add_recording_button)
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert [d.id for d in appointments.documents(database, past.id)] == [document.id]
    [kept] = appointments.recordings(database, past.id)
    assert kept.path == str(recording.resolve()) and kept.title == "visit with Dr Brennan.m4a"


def test_delete_an_appointment_then_ctrl_z(qtbot, database, open_window):
    ids = demo.load(database)
    window, page = open_appointments(database, open_window, ids.case_id)
    upcoming = appointments.list_for_case(database, ids.case_id)[1]
    page.select_appointment(upcoming.id)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert upcoming.id not in [a.id for a in appointments.list_for_case(database, ids.case_id)]
    assert [e.kind for e in trash.list_entries(database)] == ["appointment"]
    assert page.model.rowCount() == 1
    press(qtbot, window, Qt.Key.Key_Z)
    assert page.model.rowCount() == 2 and page.selected_appointment_id() == upcoming.id
