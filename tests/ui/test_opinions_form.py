"""The opinion form in the window: adding one with clicks and keys, a letter pasted or taken from a PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import sample_files
from opinionkit.core.domain import Basis, Case, HowGiven, Opinion, Person, Provider
from opinionkit.core.services import cases, library, opinions, people, providers
from opinionkit.ui.opinions.document_choice import DocumentChoice
from opinionkit.ui.opinions.opinion_dialog import OpinionDialog
from window_helpers import type_text, visible

LETTER = """Dear Dr. Patel,

Mr. Aldous Fenwick has paroxysmal atrial fibrillation with about two episodes a month.
I recommend catheter ablation. Flecainide 50 mg twice daily can be continued until then.

Yours sincerely,
Kwame Asante, MD"""


@pytest.fixture
def setting(database):
    person = people.save(database, Person(name="Aldous Fenwick"))
    case = cases.save(database, Case(person_id=person.id or 0, title="Ablation or medicines?"))
    doctor = providers.save(database, Provider(name="Dr. Kwame Asante", specialty="Cardiology",
                                               institution="Harbour Heart Centre"))
    return person, case, doctor


def open_section(qtbot, database, open_window, case):
    window = open_window(database)
    window.show_case(case.id, section="opinions")
    section = window.case_page.section("opinions")
    assert window.case_page.current_section() == "opinions"
    return window, section


def open_form(qtbot, window, button) -> OpinionDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = visible(window, OpinionDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, combo, text):
    """Pick an entry of a closed combo box from the keyboard, as a person tabbing through does."""
    combo.setFocus()
    while not combo.currentText().startswith(text):
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the list"


def test_an_empty_case_offers_to_add_the_first_opinion(qtbot, database, open_window, setting):
    _person, case, _doctor = setting
    _window, section = open_section(qtbot, database, open_window, case)
    assert section.pages.currentWidget() is section.empty_card
    assert not section.item_bar.isVisible()
    assert section.letters.pages.currentWidget() is section.letters.empty_card


def test_an_opinion_is_added_with_clicks_keys_and_a_pasted_letter(qtbot, database, open_window, setting):
    _person, case, doctor = setting
    window, section = open_section(qtbot, database, open_window, case)
    dialog = open_form(qtbot, window, section.add_button)
    assert dialog.windowTitle() == "New opinion"

    choose(qtbot, dialog.doctor.combo, "Dr. Kwame Asante")
    assert dialog.specialty.text() == "Cardiology"  # filled in from the directory
    qtbot.keyClicks(dialog.given_on, "2026-03-04")
    choose(qtbot, dialog.how_given, "Remote record review")
    type_text(dialog.diagnosis, "Paroxysmal atrial fibrillation")
    type_text(dialog.treatment, "Catheter ablation")
    choose(qtbot, dialog.basis, "Both guidelines and experience")
    qtbot.keyClicks(dialog.basis_detail, "about 200 ablations a year")
    qtbot.keyClicks(dialog.urgency, "Within three months")
    qtbot.keyClicks(dialog.financial_interest, "He performs ablations")

    QApplication.clipboard().setText(LETTER)
    dialog.letter.setFocus()
    qtbot.keyClick(dialog.letter, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.letter.toPlainText() == LETTER

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [saved] = opinions.list_for_case(database, case.id)
    assert (saved.provider_id, saved.specialty, saved.given_on, saved.how_given) == (
        doctor.id, "Cardiology", "2026-03-04", HowGiven.REMOTE_REVIEW)
    assert (saved.diagnosis, saved.recommended_treatment, saved.basis, saved.basis_detail) == (
        "Paroxysmal atrial fibrillation", "Catheter ablation", Basis.BOTH, "about 200 ablations a year")
    assert saved.letter_text == LETTER.strip() and saved.letter_document_id is None
    assert section.model.rowCount() == 1 and section.selected_opinion_id() == saved.id
    assert section.summary.text() == "1 opinion"
    assert section.details.isVisible() and "Dr. Kwame Asante" in section.details.title.text()


def test_a_form_without_a_doctor_or_a_recommendation_points_at_the_doctor(qtbot, database, open_window, setting):
    _person, case, _doctor = setting
    window, section = open_section(qtbot, database, open_window, case)
    dialog = open_form(qtbot, window, section.add_button)
    qtbot.keyClicks(dialog.given_on, "4 March")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.invalid_fields() == ["given_on"]
    assert dialog.focusWidget() is dialog.given_on

    dialog.given_on.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.invalid_fields() == ["provider_id"]
    assert "Say whose opinion this is" in dialog.problem.text()
    type_text(dialog.treatment, "Flecainide")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert [o.recommended_treatment for o in opinions.list_for_case(database, case.id)] == ["Flecainide"]


def test_the_letter_is_taken_from_a_pdf_of_the_case(qapp, qtbot, database, data_dir, open_window, setting):
    person, case, _doctor = setting
    pdf = sample_files.text_pdf(["Dear Dr. Patel, I recommend catheter ablation.",
                                 "Flecainide 50 mg twice daily until then."])
    document = library.add_bytes(database, data_dir, pdf, "asante-letter.pdf", person_id=person.id,
                                 case_id=case.id, title="Letter from Dr. Asante")
    window, section = open_section(qtbot, database, open_window, case)
    dialog = open_form(qtbot, window, section.add_button)
    dialog.letter.setPlainText("a draft typed earlier")
    assert dialog.take_button.isEnabled()

    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    choice = visible(dialog, DocumentChoice)
    assert choice.list.count() == 1 and "Letter from Dr. Asante" in choice.list.item(0).text()
    qtbot.keyClick(choice.list, Qt.Key.Key_Return)
    assert not choice.isVisible()
    assert "I recommend catheter ablation." in dialog.letter.toPlainText()
    assert "Flecainide 50 mg twice daily" in dialog.letter.toPlainText()
    assert dialog.source.text() == "Taken from “Letter from Dr. Asante”"
    dialog.letter.undo()  # what was typed before comes back
    assert dialog.letter.toPlainText() == "a draft typed earlier"
    dialog.letter.redo()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [saved] = opinions.list_for_case(database, case.id)
    assert saved.letter_document_id == document.id and "catheter ablation" in saved.letter_text


def test_a_scanned_pdf_says_to_type_or_paste_the_text(qapp, qtbot, database, data_dir, open_window, setting):
    person, case, _doctor = setting
    library.add_bytes(database, data_dir, sample_files.scanned_pdf(), "scan.pdf", person_id=person.id,
                      case_id=case.id, title="Scanned letter")
    window, section = open_section(qtbot, database, open_window, case)
    dialog = open_form(qtbot, window, section.add_button)
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    choice = visible(dialog, DocumentChoice)
    assert "no text" in choice.list.item(0).text()
    qtbot.mouseClick(choice.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert "Type or paste the text of the letter instead." in dialog.problem.text()
    assert dialog.letter.property("invalid") and dialog.letter.toPlainText() == ""
    type_text(dialog.letter, "Dear Dr. Patel")  # typing clears the mark
    assert not dialog.letter.property("invalid")


def test_no_pdf_in_the_case_disables_taking_a_letter(qtbot, database, open_window, setting):
    _person, case, _doctor = setting
    window, section = open_section(qtbot, database, open_window, case)
    dialog = open_form(qtbot, window, section.add_button)
    assert not dialog.take_button.isEnabled()
    assert "import the letter under Documents" in dialog.take_button.toolTip()


def test_opening_an_opinion_shows_and_keeps_its_fields(qtbot, database, open_window, setting):
    _person, case, doctor = setting
    stored = opinions.save(database, Opinion(
        case_id=case.id, provider_id=doctor.id, specialty="Electrophysiology", given_on="2026-03-04",
        how_given=HowGiven.LETTER, recommended_treatment="Catheter ablation", risks="Bleeding at the groin",
        letter_text=LETTER))
    window, section = open_section(qtbot, database, open_window, case)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    dialog = visible(window, OpinionDialog)
    assert dialog.windowTitle() == "Opinion"
    assert dialog.specialty.text() == "Electrophysiology"  # typed by hand: not replaced by the directory's
    assert dialog.how_given.currentText() == "By letter" and dialog.letter.toPlainText() == LETTER.strip()
    dialog.urgency.setText("Decide by June")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    got = opinions.get(database, stored.id)
    assert got.urgency == "Decide by June" and got.risks == "Bleeding at the groin" and got.letter_text == LETTER.strip()
