"""The Today list (at start, and Go ▸ Today) and File ▸ Export calendar…"""

from __future__ import annotations

import icalendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from opinionkit.core.services import demo, tracker
from opinionkit.ui.main_window import MainWindow
from opinionkit.ui.settings import window_settings
from opinionkit.ui.visit.today_dialog import AT_START_KEY, TodayDialog
from window_helpers import press

PHYSIO = "Physiotherapy notes from the six weeks of treatment"


def test_the_today_list_opens_after_the_data_and_goes_to_the_record(qtbot, database, data_dir):
    ids = demo.load(database)
    window = MainWindow(None, data_dir, window_settings(data_dir))
    qtbot.addWidget(window)
    window.today_at_start = True  # as the app sets it
    window.show()
    qtbot.waitExposed(window)
    window.open(database)
    assert window.visit.today_dialog is None, "not before the data is on screen"
    qtbot.waitUntil(lambda: window.visit.today_dialog is not None and window.visit.today_dialog.isVisible())
    dialog = window.visit.today_dialog
    assert not dialog.isModal()
    assert dialog.heading.text() == "1 thing is due today or overdue"
    item = dialog.list.item(0)
    assert PHYSIO in item.text() and "Overdue since" in item.text()

    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    records = window.case_page.section("records")
    assert window.case_id == ids.case_id and window.case_page.current_section() == "records"
    physio = next(r.id for r in tracker.tracker_rows(database, ids.case_id) if r.description == PHYSIO)
    assert records.selected_item_id() == physio
    assert dialog.isVisible(), "the list stays beside the window"
    dialog.close()
    window.close()


def test_the_list_at_start_can_be_turned_off_and_ctrl_t_shows_it_anyway(qtbot, database, data_dir):
    demo.load(database)
    settings = window_settings(data_dir)
    settings.setValue(AT_START_KEY, "false")
    window = MainWindow(None, data_dir, settings)
    qtbot.addWidget(window)
    window.today_at_start = True
    window.show()
    qtbot.waitExposed(window)
    window.open(database)
    qtbot.wait(400)
    assert window.visit.today_dialog is None

    press(qtbot, window, Qt.Key.Key_T)
    dialog = window.visit.today_dialog
    assert isinstance(dialog, TodayDialog) and dialog.isVisible()
    assert not dialog.at_start.isChecked()
    qtbot.mouseClick(dialog.at_start, Qt.MouseButton.LeftButton)
    assert window_settings(data_dir).value(AT_START_KEY) == "true"
    dialog.close()
    window.close()


def test_a_window_opened_without_asking_shows_no_list(qtbot, database, open_window):
    demo.load(database)
    window = open_window(database)
    qtbot.wait(400)
    assert window.visit.today_dialog is None


def test_export_calendar_writes_a_file_icalendar_reads(qtbot, database, open_window, monkeypatch, tmp_path):
    ids = demo.load(database)
    window = open_window(database)
    window.show_person(ids.person_id)
    window.file_menu.aboutToShow.emit()
    assert not window.visit.calendar_action.isEnabled(), "a case's dates: only with a case shown"

    window.show_case(ids.case_id)
    window.file_menu.aboutToShow.emit()
    assert window.visit.calendar_action.isEnabled()
    target = tmp_path / "spine"
    asked = []

    def chosen(*args):
        asked.append(args)
        return str(target), "Calendar files (*.ics)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    window.visit.calendar_action.trigger()
    assert asked and asked[0][2].endswith(".ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "spine.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Second opinion: Dr. Priya Nandakumar" in summaries
    assert any(s.startswith("Decision due:") for s in summaries)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert "spine.ics" in window.statusBar().currentMessage()
