"""The questions in the window: the model, adding, reordering by keys and by dragging, answers per doctor,
removing with undo, and the printed question sheet."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from opinionkit.core.domain import Case, Person, Provider
from opinionkit.core.domain.questions import AnswerState
from opinionkit.core.services import cases, demo, people, providers, questions, trash
from opinionkit.ui.visit.question_dialogs import ANSWERED, AnswerDialog, QuestionDialog
from opinionkit.ui.visit.question_model import FIRST_DOCTOR, QUESTION, STATE_ROLE, QuestionTableModel
from window_helpers import press, type_text, visible

BRENNAN, NANDAKUMAR = "Dr. Harold Brennan", "Dr. Priya Nandakumar"
CELLO = "Could I keep playing the cello in the orchestra after each option, and how soon?"


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_questions(database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id, section="questions")
    visit = window.case_page.section("questions")
    visit.show_part("questions")
    return ids, window, visit.questions


def texts(database, case_id: int) -> list[str]:
    return [q.text for q in questions.list_for_case(database, case_id)]


def test_the_model_passes_the_model_tester_and_says_who_answered(qtmodeltester, db):
    ids = demo.load(db)
    model = QuestionTableModel(db)
    model.load(ids.case_id)
    qtmodeltester.check(model)
    assert model.rowCount() == 12  # nine from preparing the visit, three drafted from the comparison
    assert [d.name for d in model.doctors] == [BRENNAN, NANDAKUMAR]
    assert model.headerData(FIRST_DOCTOR, Qt.Orientation.Horizontal) == BRENNAN
    first = model.index(0, FIRST_DOCTOR)
    assert first.data().startswith("✓ Answered") and first.data(STATE_ROLE) == "answered"
    assert "Brennan answered: Yes." in first.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(4, FIRST_DOCTOR).data().startswith("◐ Asked")
    assert model.index(0, FIRST_DOCTOR + 1).data() == "" and "Not asked" in model.index(
        0, FIRST_DOCTOR + 1).data(Qt.ItemDataRole.ToolTipRole)


def test_add_a_question_for_one_doctor(qtbot, database, open_window):
    ids, window, page = open_questions(database, open_window)
    click(qtbot, page.add_button)
    dialog = visible(window, QuestionDialog)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.invalid_fields() == ["text"], "an empty question is refused"
    type_text(dialog.text, "Would a nerve block tell us where the pain comes from?")
    dialog.for_doctor.setCurrentIndex(dialog.for_doctor.findData(ids.provider_ids[NANDAKUMAR]))
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    added = questions.list_for_case(database, ids.case_id)[-1]
    assert added.text == "Would a nerve block tell us where the pain comes from?"
    assert added.for_provider_id == ids.provider_ids[NANDAKUMAR]
    assert page.selected_question_id() == added.id
    assert page.summary.text() == "13 questions"
    row = page.model.row_of(added.id)
    assert page.model.index(row, FIRST_DOCTOR).data() == "—", "not for Dr. Brennan"


def test_reorder_with_the_keyboard_and_undo(qtbot, database, open_window):
    ids, window, page = open_questions(database, open_window)
    last = next(q for q in questions.list_for_case(database, ids.case_id) if q.text == CELLO)
    page.select_question(last.id)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert texts(database, ids.case_id)[6] == CELLO
    assert page.selected_question_id() == last.id, "the moved question stays selected"
    assert page.model.index(6, QUESTION).data() == CELLO

    press(qtbot, window, Qt.Key.Key_Z)
    assert texts(database, ids.case_id)[7] == CELLO
    press(qtbot, window, Qt.Key.Key_Z)
    assert texts(database, ids.case_id)[8] == CELLO
    assert page.selected_question_id() == last.id


def test_dragging_a_question_asks_for_the_new_order(qtbot, database, open_window):
    ids, window, page = open_questions(database, open_window)
    model = page.model
    data = model.mimeData([model.index(8, QUESTION)])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1)), \
        "the view must not remove rows itself"
    assert texts(database, ids.case_id)[0] == CELLO
    assert page.model.index(0, QUESTION).data() == CELLO
    window.undo_action.trigger()
    assert texts(database, ids.case_id)[8] == CELLO


def test_mark_a_question_answered_by_the_second_doctor(qtbot, database, open_window):
    ids, window, page = open_questions(database, open_window)
    question = questions.list_for_case(database, ids.case_id)[2]
    column = page.model.column_of(ids.provider_ids[NANDAKUMAR])
    page.select_question(question.id, column)
    click(qtbot, page.answer_button)
    dialog = visible(window, AnswerDialog)
    assert dialog.doctor.currentData() == ids.provider_ids[NANDAKUMAR], "the doctor of the column"
    click(qtbot, dialog.state_buttons[ANSWERED])
    click(qtbot, dialog.save_button)
    assert dialog.isVisible() and dialog.invalid_fields() == ["answer"], "an answer needs its words"
    type_text(dialog.answer, "Walking and a course of core exercises first; surgery if that fails.")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    [answer] = questions.answers(database, question.id)
    assert (answer.provider_id, answer.state) == (ids.provider_ids[NANDAKUMAR], AnswerState.ANSWERED)
    row = page.model.row_of(question.id)
    assert page.model.index(row, column).data().startswith("✓ Answered")
    assert "1 answered by Dr.\u00a0Priya\u00a0Nandakumar" in page.answered.text()


def test_remove_a_question_then_ctrl_z_brings_it_back(qtbot, database, open_window):
    ids, window, page = open_questions(database, open_window)
    second = questions.list_for_case(database, ids.case_id)[1]
    page.select_question(second.id)
    page.table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert second.id not in [q.id for q in questions.list_for_case(database, ids.case_id)]
    assert cases.get(database, ids.case_id), "Delete on the list removes the question, not the case"
    assert [e.kind for e in trash.list_entries(database)] == ["question"]
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    press(qtbot, window, Qt.Key.Key_Z)
    assert questions.list_for_case(database, ids.case_id)[1].id == second.id
    assert questions.answers(database, second.id), "its answers come back with it"
    assert page.selected_question_id() == second.id


def test_an_empty_list_offers_the_starter_questions(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    doctor = providers.save(database, Provider(name="Dr. Yuki Sato"))
    case = cases.save(database, Case(person_id=person.id, title="Which lens?", second_opinion_doctor_id=doctor.id))
    window = open_window(database)
    window.show_case(case.id, section="questions")
    page = window.case_page.section("questions").questions
    assert page.pages.currentWidget() is page.empty_card and not page.item_bar.isVisible()
    click(qtbot, page.starter_button)
    assert page.model.rowCount() == len(questions.STARTER_QUESTIONS)
    assert page.pages.currentWidget() is page.table
    click(qtbot, page.starter_button)
    assert page.model.rowCount() == len(questions.STARTER_QUESTIONS), "never twice"
    assert "already on the list" in window.statusBar().currentMessage()


def test_the_question_sheet_is_a_readable_pdf(qtbot, qapp, database, open_window, monkeypatch, tmp_path):
    ids, window, page = open_questions(database, open_window)
    target = tmp_path / "questions"  # typed without .pdf: it is added
    asked = []

    def chosen(*args):
        asked.append(args)
        return str(target), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    click(qtbot, page.print_button)
    assert asked and asked[0][2].endswith(".pdf")
    reader = pypdf.PdfReader(tmp_path / "questions.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for expected in (f"Questions for {BRENNAN}", f"Questions for {NANDAKUMAR}", "cello in the orchestra",
                     "He would have the surgery now", "Marguerite Okonkwo-Lindqvist, born"):
        assert expected in text, expected
    assert "questions.pdf" in window.statusBar().currentMessage()
