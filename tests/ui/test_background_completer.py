"""Medication names are offered while typing, from a dictionary read off the GUI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt

from opinionkit.core.domain import Person
from opinionkit.core.services import medication_names, people
from opinionkit.ui.background import name_suggestions
from opinionkit.ui.background.medication_dialog import MedicationDialog
from window_helpers import type_text, visible


def open_medication_form(qtbot, database, open_window) -> MedicationDialog:
    person = people.save(database, Person(name="Ines Carvalho"))
    window = open_window(database)
    window.show_person(person.id, section="health")
    qtbot.mouseClick(window.person_page.sections["health"].panes["medications"].add_button, Qt.MouseButton.LeftButton)
    return visible(window, MedicationDialog)


def test_a_typed_prefix_is_offered_known_drug_names(qtbot, database, open_window):
    dialog = open_medication_form(qtbot, database, open_window)
    dialog.name.setFocus()
    with qtbot.waitSignal(dialog.suggestions.updated, timeout=10_000,
                          check_params_cb=lambda text, _names: text == "Gabap") as blocker:
        type_text(dialog.name, "Gabap")
    assert blocker.args[1][0] == "Gabapentin"
    completions = dialog.suggestions.completer.completionModel()
    assert completions.rowCount() > 0 and completions.index(0, 0).data() == "Gabapentin"

    type_text(dialog.name, "e")  # once the list is in, each key gets its suggestions at once
    assert dialog.suggestions.model.stringList()[0] == "Gabapentin"
    popup = dialog.suggestions.completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # the open list takes the keys, as on screen
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.name.text() == "Gabapentin" and dialog.isVisible(), "Enter picks the name, it does not save"


def test_typing_never_waits_for_the_dictionary(qtbot, database, open_window, monkeypatch):
    loaded_in: list[threading.Thread] = []

    def slow_load(*, progress, cancel):
        # However long reading the dictionary takes, it happens in a worker while the form is in use.
        loaded_in.append(threading.current_thread())
        time.sleep(0.6)
        medication_names.load()

    monkeypatch.setattr(name_suggestions, "_load_dictionary", slow_load)
    started = time.monotonic()
    dialog = open_medication_form(qtbot, database, open_window)
    dialog.name.setFocus()
    with qtbot.waitSignal(dialog.suggestions.updated, timeout=10_000) as blocker:
        type_text(dialog.name, "Amlo")
        typed = time.monotonic() - started
        assert not dialog.suggestions.ready
    assert typed < 0.5, f"opening the form and typing took {typed:.2f} s"
    assert blocker.args[0] == "Amlo" and "Amlodipine" in blocker.args[1], "what was typed meanwhile gets its list"
    assert loaded_in and threading.main_thread() not in loaded_in
    popup = dialog.suggestions.completer.popup()
    if popup.isVisible():  # an open list takes the keys, as it does on screen
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        assert dialog.isVisible() and not popup.isVisible(), "Escape closes the list of names first"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
