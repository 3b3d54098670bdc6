"""Forms refuse what the core refuses, point at the field, and stay open; warnings do not block."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.services import cases, people, providers
from opinionkit.ui.dialogs.case_dialog import CaseDialog
from opinionkit.ui.dialogs.person_dialog import PersonDialog
from opinionkit.ui.dialogs.provider_dialog import ProviderDialog
from window_helpers import visible


def test_an_empty_name_is_highlighted_and_the_form_stays_open(qtbot, database, open_window):
    window = open_window(database)
    window.new_person_action.trigger()
    dialog = visible(window, PersonDialog)
    qtbot.keyClicks(dialog.phone, "(555) 010-3030")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["name"]
    assert dialog.name.property("invalid") is True
    assert dialog.focusWidget() is dialog.name
    assert dialog.problem.isVisible() and "name is required" in dialog.problem.text()
    assert people.list_all(database) == []

    qtbot.keyClicks(dialog.name, "Ines Carvalho")
    assert dialog.invalid_fields() == [], "typing in the field clears its mark"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [p.name for p in people.list_all(database)] == ["Ines Carvalho"]


def test_a_birth_date_in_the_future_is_refused(qtbot, database, open_window):
    window = open_window(database)
    window.new_person_action.trigger()
    dialog = visible(window, PersonDialog)
    qtbot.keyClicks(dialog.name, "Ines Carvalho")
    qtbot.keyClicks(dialog.date_of_birth, (today() + timedelta(days=3)).isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["date_of_birth"]
    assert "future" in dialog.problem.text()

    dialog.date_of_birth.clear()
    qtbot.keyClicks(dialog.date_of_birth, "1970-02-30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.invalid_fields() == ["date_of_birth"]
    assert "YYYY-MM-DD" in dialog.problem.text()


def test_a_bad_provider_email_points_at_the_email(qtbot, database, open_window):
    window = open_window(database)
    window.new_provider_action.trigger()
    dialog = visible(window, ProviderDialog)
    qtbot.keyClicks(dialog.name, "Northside Lab")
    qtbot.keyClicks(dialog.email, "results@")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.invalid_fields() == ["email"]
    assert providers.list_all(database) == []
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_past_deadline_warns_but_saves(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window = open_window(database)
    window.show_person(person.id)
    window.new_case_action.trigger()
    dialog = visible(window, CaseDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.invalid_fields() == ["title"]

    qtbot.keyClicks(dialog.title, "Thyroid nodule: surgery or watchful waiting?")
    qtbot.mouseClick(dialog.deadline.enabled, Qt.MouseButton.LeftButton)
    assert dialog.deadline_warning.isHidden()
    dialog.deadline.date.setDate(dialog.deadline.date.date().addDays(-60))
    assert dialog.deadline_warning.isVisible()
    assert "already passed" in dialog.deadline_warning.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    saved = cases.list_all(database, person.id)
    assert len(saved) == 1 and saved[0].decision_deadline < today().isoformat()
    assert window.case_page.case.id == saved[0].id
    assert "passed" in " ".join(chip.text() for chip in window.case_page.header.findChildren(QLabel))


def test_editing_keeps_what_was_not_touched(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho", phone="(555) 010-4040", notes="Prefers mornings"))
    window = open_window(database)
    window.show_person(person.id)
    qtbot.mouseClick(window.person_page.edit_button, Qt.MouseButton.LeftButton)
    dialog = visible(window, PersonDialog)
    assert dialog.name.text() == "Ines Carvalho"
    dialog.email.setFocus()
    qtbot.keyClicks(dialog.email, "ines@mail.example")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # Enter saves the form
    assert not dialog.isVisible()
    again = people.get(database, person.id)
    assert (again.email, again.phone, again.notes) == ("ines@mail.example", "(555) 010-4040", "Prefers mornings")
    assert window.person_page.header.title.text() == "Ines Carvalho"
