"""Deleting asks first, goes to the trash, and Ctrl+Z brings it back (Redo deletes again)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from opinionkit.core.domain import Case, Person, Provider
from opinionkit.core.services import cases, people, providers, trash
from window_helpers import press, visible


def answer(qtbot, window, button_name: str) -> None:
    box = visible(window, QMessageBox)
    assert box.objectName() == "confirmDelete"
    if button_name == "cancel":
        button = box.button(QMessageBox.StandardButton.Cancel)
    else:
        button = box.findChild(QPushButton, button_name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def sidebar_texts(window) -> list[str]:
    return [window.sidebar.navigation.item(i).text() for i in range(window.sidebar.navigation.count())]


def test_delete_a_case_then_ctrl_z_brings_it_back(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    doctor = providers.save(database, Provider(name="Dr. Tomas Reyes"))
    case = cases.save(database, Case(person_id=person.id, title="Cataract surgery: which lens?",
                                     goals=["Read without glasses"], recommending_doctor_id=doctor.id))
    window = open_window(database)
    window.show_case(case.id)

    qtbot.mouseClick(window.case_page.delete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "cancel")
    assert [c.id for c in cases.list_all(database, person.id)] == [case.id]

    qtbot.mouseClick(window.case_page.delete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "deleteButton")
    assert cases.list_all(database, person.id) == []
    assert "Cataract surgery: which lens?" not in sidebar_texts(window)
    assert window.stack.currentWidget() is window.person_page
    assert [e.kind for e in trash.list_entries(database)] == ["case"]
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    press(qtbot, window, Qt.Key.Key_Z)
    restored = cases.get(database, case.id)
    assert restored.goals == ["Read without glasses"] and restored.recommending_doctor_id == doctor.id
    assert window.stack.currentWidget() is window.case_page and window.case_page.case.id == case.id
    assert trash.list_entries(database) == []

    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert cases.list_all(database, person.id) == []
    window.undo_action.trigger()
    assert [c.id for c in cases.list_all(database, person.id)] == [case.id]


def test_deleting_a_person_takes_their_cases_and_undo_returns_all(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    other = people.save(database, Person(name="Rui Carvalho"))
    case = cases.save(database, Case(person_id=person.id, title="Knee arthroscopy: needed?"))
    window = open_window(database)
    window.show_person(person.id)

    window.delete_action.trigger()
    answer(qtbot, window, "deleteButton")
    assert [p.id for p in people.list_all(database)] == [other.id]
    assert window.sidebar.people.currentText() == "Rui Carvalho"

    press(qtbot, window, Qt.Key.Key_Z)
    assert {p.id for p in people.list_all(database)} == {person.id, other.id}
    assert [c.id for c in cases.list_all(database, person.id)] == [case.id]
    assert window.sidebar.people.currentText() == "Ines Carvalho"
    assert "Knee arthroscopy: needed?" in sidebar_texts(window)


def test_deleting_a_provider_unlinks_it_and_undo_links_it_again(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    doctor = providers.save(database, Provider(name="Dr. Tomas Reyes"))
    case = cases.save(database, Case(person_id=person.id, title="Cataract surgery", second_opinion_doctor_id=doctor.id))
    window = open_window(database)
    window.show_providers(doctor.id)
    assert window.providers_page.selected_provider_id() == doctor.id

    qtbot.mouseClick(window.providers_page.delete_button, Qt.MouseButton.LeftButton)
    answer(qtbot, window, "deleteButton")
    assert providers.list_all(database) == []
    assert cases.get(database, case.id).second_opinion_doctor_id is None
    assert window.provider_model.rowCount() == 0

    window.undo_action.trigger()
    assert cases.get(database, case.id).second_opinion_doctor_id == doctor.id
    assert window.provider_model.rowCount() == 1
    assert window.providers_page.selected_provider_id() == doctor.id


def test_undo_that_cannot_put_a_row_back_says_so_and_changes_nothing(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window = open_window(database)
    window.show_person(person.id)
    window.delete_action.trigger()
    answer(qtbot, window, "deleteButton")
    # Something else claims the deleted row's id (ids are never reused by the app itself).
    database.execute(
        "INSERT INTO people (id, name, created_at, updated_at) VALUES (?, 'Rui Carvalho', '', '')",
        [person.id],
    )

    window.undo_action.trigger()
    box = visible(window, QMessageBox)
    assert "cannot be put back" in box.informativeText()
    box.close()
    assert [p.name for p in people.list_all(database)] == ["Rui Carvalho"]
    assert not window.undo_stack.canUndo() and not window.undo_stack.canRedo()
    assert [e.label for e in trash.list_entries(database)] == ["Ines Carvalho"]
