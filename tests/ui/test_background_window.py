"""The health background section driven as a person does: clicks, typing and keys on the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.domain.background import Allergy, AllergySeverity, Medication, MedicationStatus
from opinionkit.core.services import background, people
from opinionkit.ui.background.medication_dialog import MedicationDialog, StopDialog
from opinionkit.ui.background.record_dialogs import AllergyDialog, SocialHistoryDialog
from opinionkit.ui.background.section import HealthBackground
from opinionkit.ui.background.table_model import HISTORY_ROLE, ROW_ID_ROLE
from window_helpers import press, type_text, visible


def open_health(open_window, database, person_id: int):
    window = open_window(database)
    window.show_person(person_id, section="health")
    section = window.person_page.sections["health"]
    assert isinstance(section, HealthBackground)
    return window, section


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot, pane, record_id: int) -> None:
    """Click the row of ``record_id`` in the pane's table, as a person picks a row."""
    row = next(r for r in range(pane.proxy.rowCount()) if pane.proxy.index(r, 0).data(ROW_ID_ROLE) == record_id)
    rect = pane.table.visualRect(pane.proxy.index(row, 0))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.selected_id() == record_id


def shown_texts(pane) -> list[str]:
    return [pane.proxy.index(row, 0).data() for row in range(pane.proxy.rowCount())]


def test_add_edit_and_stop_a_medication_then_add_an_allergy(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window, section = open_health(open_window, database, person.id)
    meds = section.panes["medications"]
    assert meds.model.rowCount() == 0 and meds.note.text().startswith("No medications")

    # Add: the form opens, the name and dates are typed, Save closes it.
    click(qtbot, meds.add_button)
    dialog = visible(window, MedicationDialog)
    assert dialog.focusWidget() is dialog.name
    type_text(dialog.name, "Metformin")
    qtbot.keyClicks(dialog.strength, "500 mg")
    qtbot.keyClicks(dialog.dose, "1 tablet")
    qtbot.keyClicks(dialog.frequency, "twice a day")
    qtbot.keyClicks(dialog.start, "2024-03")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    [saved] = background.list_for(database, Medication, person.id)
    assert (saved.name, saved.strength, saved.dose, saved.start) == ("Metformin", "500 mg", "1 tablet", "2024-03")
    assert shown_texts(meds) == ["Metformin 500 mg"] and meds.selected_id() == saved.id
    assert "1 tablet, twice a day" in meds.details.text()

    # Edit: Enter on the chosen row opens the form; Enter in a field saves.
    meds.table.setFocus()
    qtbot.keyClick(meds.table, Qt.Key.Key_Return)
    dialog = visible(window, MedicationDialog)
    assert dialog.name.text() == "Metformin" and dialog.start.text() == "2024-03"
    dialog.dose.selectAll()
    qtbot.keyClicks(dialog.dose, "2 tablets")
    qtbot.keyClick(dialog.dose, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert background.get(database, Medication, saved.id).dose == "2 tablets"

    # Stop: it stays listed, greyed, as history, with its stop date.
    click_row(qtbot, meds, saved.id)
    click(qtbot, meds.stop_button)
    stop = visible(window, StopDialog)
    assert stop.stop.text() == today().isoformat()
    stop.stop.clear()
    qtbot.keyClicks(stop.stop, "2025-01-15")
    click(qtbot, stop.save_button)
    assert not stop.isVisible()
    stopped = background.get(database, Medication, saved.id)
    assert (stopped.status, stopped.stop) == (MedicationStatus.STOPPED, "2025-01-15")
    assert meds.proxy.index(0, 0).data(HISTORY_ROLE) is True
    assert meds.proxy.index(0, 5).data() == "Stopped 15 Jan 2025"
    assert not meds.stop_button.isEnabled(), "a stopped medication cannot be stopped again"

    # An allergy, on its own tab; the medications tab then shows it above the list.
    tabs = section.tabs
    allergies = section.panes["allergies"]
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(tabs.indexOf(allergies)).center())
    assert tabs.currentWidget() is allergies
    click(qtbot, allergies.add_button)
    form = visible(window, AllergyDialog)
    type_text(form.substance, "Sulfamethoxazole")
    qtbot.keyClicks(form.reaction, "Rash")
    form.severity.setFocus()
    qtbot.keyClick(form.severity, Qt.Key.Key_Down)  # from "Not known" to "Mild"...
    qtbot.keyClick(form.severity, Qt.Key.Key_Down)  # ...to "Moderate"
    qtbot.keyClick(form.reaction, Qt.Key.Key_Return)
    assert not form.isVisible()
    [allergy] = background.list_for(database, Allergy, person.id)
    assert (allergy.substance, allergy.reaction, allergy.severity) == ("Sulfamethoxazole", "Rash", AllergySeverity.MODERATE)
    assert shown_texts(allergies) == ["Sulfamethoxazole"]
    assert "Sulfamethoxazole (Rash)" in section.allergy_banner.text()

    # The change log, newest first.
    actions = [section.change_log.model.index(r, 2).data() for r in range(section.change_log.model.rowCount())]
    assert actions == ["Added", "Stopped", "Changed", "Added"]


def test_an_impossible_date_is_highlighted_and_nothing_is_saved(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window, section = open_health(open_window, database, person.id)
    click(qtbot, section.panes["medications"].add_button)
    dialog = visible(window, MedicationDialog)
    type_text(dialog.name, "Metformin")
    qtbot.keyClicks(dialog.start, "2023-02-30")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["start"]
    assert dialog.start.property("invalid") is True and dialog.focusWidget() is dialog.start
    assert "YYYY-MM-DD" in dialog.problem.text()
    assert background.list_for(database, Medication, person.id) == []

    # A stop date before the start is pointed at too.
    dialog.start.clear()
    qtbot.keyClicks(dialog.start, "2023-02-01")
    assert dialog.invalid_fields() == [], "typing in the field clears its mark"
    qtbot.keyClicks(dialog.stop, "2022-12-01")
    click(qtbot, dialog.save_button)
    assert dialog.invalid_fields() == ["stop"] and "before the start" in dialog.problem.text()
    qtbot.keyClick(dialog.stop, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert background.list_for(database, Medication, person.id) == []


def test_a_stop_date_before_the_start_is_refused_when_stopping(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    med = background.save(database, Medication(person_id=person.id, name="Baclofen", start="2024-05-10"))
    window, section = open_health(open_window, database, person.id)
    meds = section.panes["medications"]
    click_row(qtbot, meds, med.id)
    click(qtbot, meds.stop_button)
    stop = visible(window, StopDialog)
    stop.stop.clear()
    qtbot.keyClicks(stop.stop, "2024-04-30")
    qtbot.keyClick(stop.stop, Qt.Key.Key_Return)
    assert stop.isVisible() and stop.invalid_fields() == ["stop"]
    assert "before the start date" in stop.problem.text()
    assert background.get(database, Medication, med.id).status == MedicationStatus.ACTIVE
    qtbot.keyClick(stop.stop, Qt.Key.Key_Escape)
    assert not stop.isVisible()


def test_a_duplicate_medicine_warns_and_lets_the_user_go_back_or_save_anyway(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    background.save(database, Medication(person_id=person.id, name="Acetaminophen", strength="500 mg"))
    window, section = open_health(open_window, database, person.id)
    click(qtbot, section.panes["medications"].add_button)
    dialog = visible(window, MedicationDialog)
    type_text(dialog.name, "Tylenol")

    click(qtbot, dialog.save_button)
    box = dialog.warning_box
    assert box is not None and box.isVisible()
    assert "Acetaminophen 500 mg" in box.informativeText() and "same medicine" in box.informativeText()
    click(qtbot, box.findChild(QPushButton, "goBack"))
    assert dialog.isVisible() and len(background.list_for(database, Medication, person.id)) == 1

    click(qtbot, dialog.save_button)
    click(qtbot, dialog.warning_box.findChild(QPushButton, "saveAnyway"))
    assert not dialog.isVisible()
    assert sorted(m.name for m in background.list_for(database, Medication, person.id)) == ["Acetaminophen", "Tylenol"]


def test_keys_in_the_table_add_edit_and_delete_rows_not_the_person(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    med = background.save(database, Medication(person_id=person.id, name="Amlodipine", strength="5 mg"))
    window, section = open_health(open_window, database, person.id)
    meds = section.panes["medications"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_row(qtbot, meds, med.id)
    meds.table.setFocus()

    qtbot.keyClick(meds.table, Qt.Key.Key_Insert)
    dialog = visible(window, MedicationDialog)
    assert dialog.name.text() == ""
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    meds.table.setFocus()
    qtbot.keyClick(meds.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = visible(window, MedicationDialog)
    assert dialog.name.text() == "Amlodipine", "Ctrl+E edits the chosen row, not the person"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)

    meds.table.setFocus()
    qtbot.keyClick(meds.table, Qt.Key.Key_Delete)
    box = visible(window, QMessageBox)
    assert box.objectName() == "confirmDelete" and "Amlodipine 5 mg" in box.text()
    click(qtbot, box.findChild(QPushButton, "deleteButton"))
    assert background.list_for(database, Medication, person.id) == []
    assert [p.id for p in people.list_all(database)] == [person.id], "the person is still there"
    assert meds.model.rowCount() == 0

    press(qtbot, window, Qt.Key.Key_Z)  # Ctrl+Z: the window's undo brings it back
    assert [m.id for m in background.list_for(database, Medication, person.id)] == [med.id]
    assert shown_texts(meds) == ["Amlodipine 5 mg"]
    actions = [section.change_log.model.index(r, 2).data() for r in range(section.change_log.model.rowCount())]
    assert actions == ["Restored", "Deleted", "Added"]
    window.redo_action.trigger()
    assert background.list_for(database, Medication, person.id) == []


def test_social_history_is_edited_in_its_tab(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window, section = open_health(open_window, database, person.id)
    section.show_kind("social")
    click(qtbot, section.social.edit_button)
    dialog = visible(window, SocialHistoryDialog)
    dialog.tobacco.setCurrentIndex(dialog.tobacco.findText("Former smoker"))
    qtbot.keyClicks(dialog.occupation, "Bus driver")
    qtbot.keyClick(dialog.occupation, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    social = background.social_history(database, person.id)
    assert (social.tobacco, social.occupation) == ("Former smoker", "Bus driver")
    assert "Bus driver" in [label.text() for label in section.social.fields.findChildren(QLabel)]


def test_button_mnemonics_act_on_the_shown_tab(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window, section = open_health(open_window, database, person.id)
    section.show_kind("allergies")
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(AllergyDialog)))  # a mnemonic animates
    dialog = visible(window, AllergyDialog)  # its click first; not the medication form of the hidden tab
    assert not any(d.isVisible() for d in window.findChildren(MedicationDialog))
    qtbot.keyClick(dialog.substance, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_tab_goes_down_each_column_of_the_medication_form_then_to_save(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window, section = open_health(open_window, database, person.id)
    click(qtbot, section.panes["medications"].add_button)
    dialog = visible(window, MedicationDialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    expected = [dialog.name, dialog.strength, dialog.form, dialog.category, dialog.reason, dialog.prescriber,
                dialog.dose, dialog.route, dialog.frequency, dialog.as_needed, dialog.start, dialog.status,
                dialog.stop, dialog.notes, dialog.save_button]
    visited = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
