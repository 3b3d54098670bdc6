"""The records tracker in the window: filters, the next-step key, undo, delete, as a person uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opinionkit.core.domain import Case
from opinionkit.core.domain.records import Step
from opinionkit.core.services import cases, demo, timeline, trash, tracker
from opinionkit.ui.records.tracker_model import ITEM
from window_helpers import press

PHYSIO = "Physiotherapy notes from the six weeks of treatment"
MRI = "Lumbar spine MRI without contrast, full study (DICOM)"
PRIMARY_NOTES = "Primary-care notes about the back pain"


def open_tracker(qtbot, database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id, section="records")
    records = window.case_page.section("records")
    assert window.case_page.current_section() == "records"
    return ids, window, records


def item_id(database, case_id, description):
    return next(r.id for r in tracker.tracker_rows(database, case_id) if r.description == description)


def shown(records):
    return [records.proxy.index(r, ITEM).data() for r in range(records.proxy.rowCount())]


def choose(qtbot, combo, text):
    """Pick an entry of a closed combo box from the keyboard, as a person tabbing through does."""
    combo.setFocus()
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the list"


def test_the_tracker_shows_the_case_with_its_summary_and_accessible_names(qtbot, database, open_window):
    _ids, _window, records = open_tracker(qtbot, database, open_window)
    assert records.summary.text() == "4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed"
    assert records.model.rowCount() == 13 and records.pages.currentWidget() is records.table
    assert records.table.accessibleName() == "Record items"
    for button in (records.add_button, records.usual_button, records.letter_button, records.advance_button,
                   records.undo_step_button, records.edit_button, records.delete_button):
        assert button.accessibleName() or button.text()
    assert "Ctrl+Right" in records.advance_button.toolTip()


def test_filters_narrow_the_table_and_say_how_many_are_shown(qtbot, database, open_window):
    ids, _window, records = open_tracker(qtbot, database, open_window)
    qtbot.mouseClick(records.filters.overdue, Qt.MouseButton.LeftButton)
    assert shown(records) == [PHYSIO]
    assert records.shown_count.text() == "Showing 1 of 13"
    qtbot.mouseClick(records.filters.overdue, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(records.filters.unconfirmed, Qt.MouseButton.LeftButton)
    assert shown(records) == [MRI]
    qtbot.mouseClick(records.filters.unconfirmed, Qt.MouseButton.LeftButton)
    assert records.proxy.rowCount() == 13 and records.shown_count.text() == ""

    choose(qtbot, records.filters.status, "Requested")
    assert len(shown(records)) == 4
    choose(qtbot, records.filters.holder, "Cedar Valley Imaging")
    assert shown(records) == ["Report of the lumbar X-rays"]
    choose(qtbot, records.filters.status, "Received")
    choose(qtbot, records.filters.kind, "Imaging on disc")
    assert shown(records) == ["Standing lumbar X-rays with flexion and extension views"]
    # The summary is the whole case's, whatever the filters show.
    assert records.summary.text().startswith("4 of 13 confirmed")


def test_ctrl_right_moves_the_item_on_and_ctrl_z_takes_it_back(qtbot, database, open_window):
    ids, window, records = open_tracker(qtbot, database, open_window)
    mri = item_id(database, ids.case_id, MRI)
    records.select_item(mri)
    assert records.advance_button.text() == "Mark confirmed"
    records.table.setFocus()
    press(qtbot, window, Qt.Key.Key_Right)  # Ctrl+Right, with the table focused
    assert timeline.current_step(database, mri) is Step.CONFIRMED
    assert records.summary.text() == "5 of 13 confirmed · 1 overdue"
    assert records.selected_item_id() == mri, "the moved item stays selected"
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    press(qtbot, window, Qt.Key.Key_Z)  # the window's undo
    assert timeline.current_step(database, mri) is Step.SENT
    assert records.summary.text() == "4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed"
    steps = timeline.steps(database, mri)
    assert steps[-1].step is Step.CONFIRMED and steps[-1].undone_at, "undone, not deleted"

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert timeline.current_step(database, mri) is Step.CONFIRMED


def test_the_next_step_button_dates_the_step_today_and_skips_received_on_a_direct_route(qtbot, database, open_window):
    ids, _window, records = open_tracker(qtbot, database, open_window)
    notes = item_id(database, ids.case_id, PRIMARY_NOTES)
    records.select_item(notes)
    assert records.advance_button.text() == "Mark requested" and not records.undo_step_button.isEnabled()
    qtbot.mouseClick(records.advance_button, Qt.MouseButton.LeftButton)
    row = tracker.tracker_row(database, notes)
    assert row.status is Step.REQUESTED and row.step_dates[Step.REQUESTED] == timeline.dates.today().isoformat()
    assert row.due_date is not None, "requesting sets the 30-day due date"

    blood = item_id(database, ids.case_id, "Blood tests: HbA1c, vitamin D, full blood count")
    records.select_item(blood)
    assert records.advance_button.text() == "Mark sent"  # straight from the lab to the second office


def test_undo_step_takes_back_the_latest_step_and_ctrl_z_records_it_again(qtbot, database, open_window):
    ids, window, records = open_tracker(qtbot, database, open_window)
    mri = item_id(database, ids.case_id, MRI)
    records.select_item(mri)
    qtbot.mouseClick(records.undo_step_button, Qt.MouseButton.LeftButton)
    assert timeline.current_step(database, mri) is Step.RECEIVED
    assert records.summary.text() == "4 of 13 confirmed · 1 overdue"
    assert records.advance_button.text() == "Mark sent"

    records.table.setFocus()
    press(qtbot, window, Qt.Key.Key_Left)  # Ctrl+Left: one more back
    assert timeline.current_step(database, mri) is Step.REQUESTED
    press(qtbot, window, Qt.Key.Key_Z)
    press(qtbot, window, Qt.Key.Key_Z)
    assert timeline.current_step(database, mri) is Step.SENT
    assert records.summary.text() == "4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed"


def test_delete_moves_the_item_to_the_trash_and_ctrl_z_brings_it_back(qtbot, database, open_window):
    ids, window, records = open_tracker(qtbot, database, open_window)
    physio = item_id(database, ids.case_id, PHYSIO)
    records.select_item(physio)
    records.table.setFocus()
    qtbot.keyClick(records.table, Qt.Key.Key_Delete)
    assert PHYSIO not in shown(records)
    assert [e.kind for e in trash.list_entries(database)] == ["record item"]
    assert window.case_page.case is not None, "Delete on the table removes the item, not the case"
    assert records.summary.text() == "4 of 12 confirmed · 1 shipment unconfirmed"

    press(qtbot, window, Qt.Key.Key_Z)
    assert PHYSIO in shown(records)
    assert len(timeline.steps(database, physio)) == 2, "its timeline came back with it"
    assert records.summary.text() == "4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed"


def test_undo_from_another_case_goes_back_to_the_item(qtbot, database, open_window):
    ids, window, records = open_tracker(qtbot, database, open_window)
    other = cases.save(database, Case(person_id=ids.person_id, title="Cataract: which lens?"))
    notes = item_id(database, ids.case_id, PRIMARY_NOTES)
    records.select_item(notes)
    records.table.setFocus()
    press(qtbot, window, Qt.Key.Key_Right)
    assert timeline.current_step(database, notes) is Step.REQUESTED

    window.show_case(other.id, section="records")
    assert records.model.rowCount() == 0
    press(qtbot, window, Qt.Key.Key_Z)
    assert timeline.current_step(database, notes) is Step.NEEDED
    assert window.case_id == ids.case_id and window.case_page.current_section() == "records"
    assert records.selected_item_id() == notes
