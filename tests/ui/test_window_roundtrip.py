"""A person, a provider and a case made through the real forms are there after reopening."""

from __future__ import annotations

import stat

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QToolButton

from opinionkit.core.dates import today
from opinionkit.core.storage.database import open_database
from opinionkit.ui.dialogs.case_dialog import CaseDialog
from opinionkit.ui.dialogs.person_dialog import PersonDialog
from opinionkit.ui.dialogs.provider_dialog import ProviderDialog
from opinionkit.ui.provider_model import NAME
from opinionkit.ui.settings import SETTINGS_NAME
from window_helpers import type_text, visible

PERSON = "Zofia Wiśniewska-Ōta"
CASE = "Hip replacement suggested: now or after physiotherapy?"


def click_toolbar(qtbot, window, action) -> None:
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_made_through_forms_then_found_after_reopening(qtbot, data_dir, open_window):
    db = open_database(data_dir)
    window = open_window(db)
    assert window.stack.currentWidget() is window.welcome_page

    # A person, from the welcome page's button.
    qtbot.mouseClick(window.welcome_page.add_person_button, Qt.MouseButton.LeftButton)
    dialog = visible(window, PersonDialog)
    type_text(dialog.name, PERSON)
    qtbot.keyClicks(dialog.date_of_birth, "1958-02-03")
    qtbot.keyClicks(dialog.phone, "(555) 010-2020")
    qtbot.keyClicks(dialog.insurance_plan, "Northwind PPO")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.sidebar.people.currentText() == PERSON
    assert window.person_page.header.title.text() == PERSON

    # A provider, from the toolbar.
    click_toolbar(qtbot, window, window.new_provider_action)
    dialog = visible(window, ProviderDialog)
    qtbot.keyClicks(dialog.name, "Dr. Amara Osei")
    qtbot.keyClicks(dialog.specialty, "Orthopaedic surgery")
    qtbot.keyClicks(dialog.institution, "Eastbrook Hospital")
    qtbot.keyClicks(dialog.fax, "(555) 010-9999")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.providers_page
    assert window.providers_page.selected_provider_id() is not None

    # A case: the recommending doctor chosen from the directory by typing, the second one
    # added to the directory from inside the form, two goals, a deadline.
    click_toolbar(qtbot, window, window.new_case_action)
    dialog = visible(window, CaseDialog)
    qtbot.keyClicks(dialog.title, CASE)
    qtbot.keyClicks(dialog.diagnosis, "Osteoarthritis of the right hip")
    qtbot.keyClicks(dialog.recommending.combo, "Dr. Amara")
    assert dialog.recommending.combo.currentText() == "Dr. Amara Osei — Eastbrook Hospital"
    qtbot.mouseClick(dialog.second.add_button, Qt.MouseButton.LeftButton)
    nested = visible(dialog, ProviderDialog)
    qtbot.keyClicks(nested.name, "Dr. Lena Brandt")
    qtbot.keyClicks(nested.institution, "Hillcrest University Clinic")
    qtbot.mouseClick(nested.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not nested.isVisible()
    assert dialog.second.combo.currentText() == "Dr. Lena Brandt — Hillcrest University Clinic"
    qtbot.keyClicks(dialog.goals.new_goal, "Walk to the market without a cane")
    qtbot.keyClick(dialog.goals.new_goal, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter in the goal field adds the goal, it does not save the form"
    qtbot.keyClicks(dialog.goals.new_goal, "Keep gardening")
    qtbot.mouseClick(dialog.goals.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.deadline.enabled, Qt.MouseButton.LeftButton)
    assert dialog.deadline.date.isEnabled()
    dialog.deadline.date.setFocus()
    qtbot.keyClick(dialog.deadline.date, Qt.Key.Key_Up)  # one more day, from the keyboard
    deadline = dialog.deadline.date.date()
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.stack.currentWidget() is window.case_page
    assert window.case_page.header.title.text() == CASE

    window.resize(window.width(), 640)  # the offscreen screen is only 800 wide
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([240, total - 240])
    assert window.splitter.sizes()[0] == 240
    window.close()
    db.close()
    settings_file = data_dir / SETTINGS_NAME
    assert stat.S_IMODE(settings_file.stat().st_mode) == 0o600

    # Reopen on the same folder: everything is there, and the layout was remembered.
    db = open_database(data_dir)
    window = open_window(db)
    assert window.height() == 640
    assert window.splitter.sizes()[0] == 240
    assert [window.sidebar.people.itemText(i) for i in range(window.sidebar.people.count())] == [PERSON]
    titles = [window.sidebar.navigation.item(i).text() for i in range(window.sidebar.navigation.count())]
    assert CASE in titles

    window.sidebar.navigation.setCurrentRow(titles.index(CASE))
    assert window.stack.currentWidget() is window.case_page
    case = window.case_page.case
    assert case.title == CASE
    assert case.diagnosis == "Osteoarthritis of the right hip"
    assert case.goals == ["Walk to the market without a cane", "Keep gardening"]
    assert case.decision_deadline == deadline.toString("yyyy-MM-dd")
    assert QDate.fromString(case.decision_deadline, "yyyy-MM-dd") == QDate(today()).addDays(31)
    assert case.status == "gathering records"
    assert case.recommending_doctor_id is not None and case.second_opinion_doctor_id is not None

    window.show_providers()
    model = window.providers_page.proxy
    names = sorted(model.index(row, NAME).data() for row in range(model.rowCount()))
    assert names == ["Dr. Amara Osei", "Dr. Lena Brandt"]
    window.close()
    db.close()
