"""Two letters side by side in the window: aligned rows, marked words, the filter, key terms, Cancel, the page."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from opinionkit.core.compare import Comparison
from opinionkit.core.domain import Case, Opinion, Person
from opinionkit.core.errors import Cancelled
from opinionkit.core.services import cases, demo, opinions, people
from opinionkit.core.services.demo_opinions import BRENNAN, NANDAKUMAR
from opinionkit.ui.opinions import compare_task
from opinionkit.ui.opinions.opinion_dialog import OpinionDialog
from opinionkit.ui.opinions.pair_model import (
    ALIKE, HTML_ROLE, LETTER_A, LETTER_B, OWN_WORDS, SAME, STATE_ROLE, TERM_WORDS,
)
from opinionkit.ui.opinions.terms_model import AGREEMENT, IN_A, IN_B, TERM
from window_helpers import visible

NEUROLOGY = """Dear Dr. Brooks,

Ms. Wren Calloway has focal epilepsy with two seizures in the last year.
I recommend levetiracetam 500 mg twice daily.
An MRI of the brain with contrast should be done.
She should not drive until she has been seizure-free for six months."""


# A signal from a worker reaches only the connections made before it is sent: each wait below is
# set up before the action that starts the comparison.


def open_letters(qtbot, database, open_window, case_id, compared=True):
    window = open_window(database)
    window.show_case(case_id, section="opinions")
    section = window.case_page.section("opinions")
    panel = section.letters
    if compared:
        with qtbot.waitSignal(panel.compared, timeout=20_000):
            section.show_letters()  # the comparison starts when the letters are first shown
    else:
        section.show_letters()
    assert panel.isVisible()
    return window, section, panel


@pytest.fixture
def demo_letters(qtbot, database, open_window):
    ids = demo.load(database)
    window, section, panel = open_letters(qtbot, database, open_window, ids.case_id)
    return ids, window, section, panel


def case_with_letters(database, first: str, second: str) -> int:
    person = people.save(database, Person(name="Wren Calloway"))
    case = cases.save(database, Case(person_id=person.id or 0, title="Which seizure medicine?"))
    for letter, specialty in ((first, "Neurology"), (second, "Epileptology")):
        opinions.save(database, Opinion(case_id=case.id or 0, specialty=specialty, letter_text=letter))
    return case.id or 0


def row_where(model, letter: str, start: str) -> int:
    column = LETTER_A if letter == "a" else LETTER_B
    return next(r for r in range(model.rowCount()) if model.index(r, column).data().startswith(start))


def test_the_first_two_opinions_are_compared_off_the_gui_thread(qtbot, demo_letters):
    ids, _window, _section, panel = demo_letters
    names = [panel.letter_a.currentText(), panel.letter_b.currentText()]
    assert names == [BRENNAN, NANDAKUMAR]
    table = panel.view.table
    assert table.model().headerData(LETTER_A, Qt.Orientation.Horizontal) == f"Letter A · {BRENNAN}"
    assert table.model().headerData(LETTER_B, Qt.Orientation.Horizontal) == f"Letter B · {NANDAKUMAR}"
    assert panel.state_pages.currentWidget() is panel.save_button and panel.save_button.isEnabled()
    assert "sentences the same" in panel.view.summary.text() and not panel.view.message.isVisible()

    # A new choice runs again, with its progress shown until it is ready.
    busy = []
    with qtbot.waitSignal(panel.compared, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.swap_button, Qt.MouseButton.LeftButton)
        busy.append(panel.busy_now and panel.progress.isVisible())
    assert busy == [True]
    assert isinstance(blocker.args[0], Comparison) and not panel.busy_now
    assert table.model().headerData(LETTER_A, Qt.Orientation.Horizontal) == f"Letter A · {NANDAKUMAR}"


def test_the_task_compares_two_opinions_letters_with_progress(qtbot, database):
    ids = demo.load(database)
    first, second = opinions.list_for_case(database, ids.case_id)
    task = compare_task.compare_opinions(database, first.id, second.id)
    steps = []
    task.progress.connect(lambda done, total: steps.append((done, total)))  # kept: never torn down mid-run
    with qtbot.waitSignal(task.finished, timeout=20_000) as blocker:
        task.start()
    comparison = blocker.args[0]
    qtbot.waitUntil(lambda: steps and steps[-1][0] == steps[-1][1])
    assert steps[0][0] == 0
    assert (task.a_id, task.b_id) == (first.id, second.id)
    assert comparison.a_sentences[0] == "Riverside Orthopaedic Group"
    assert any(term.term == "Gabapentin" for term in comparison.terms)


def test_pairs_line_up_row_by_row_with_gaps_facing_sentences(qtbot, demo_letters):
    _ids, _window, _section, panel = demo_letters
    view, model = panel.view, panel.view.pairs
    comparison = view.comparison
    assert model.rowCount() == len(comparison.pairs)
    for row, pair in enumerate(comparison.pairs):
        assert model.index(row, LETTER_A).data() == (pair.a or "")
        assert model.index(row, LETTER_B).data() == (pair.b or "")
    dose = row_where(model, "a", "Continue gabapentin 300 mg")
    assert model.index(dose, LETTER_B).data().startswith("Increase gabapentin to 600 mg")

    # On screen the two sides of a pair share one row, however long either sentence is.
    view.table.scrollTo(view.pair_filter.index(dose, LETTER_A))
    left = view.table.visualRect(view.pair_filter.index(dose, LETTER_A))
    right = view.table.visualRect(view.pair_filter.index(dose, LETTER_B))
    assert (left.top(), left.height()) == (right.top(), right.height()) and left.right() < right.left()
    gap = next(r for r, p in enumerate(comparison.pairs) if p.b is None)
    assert model.index(gap, LETTER_B).data(HTML_ROLE) == "" and model.index(gap, LETTER_A).data()
    assert model.index(gap, LETTER_B).data(Qt.ItemDataRole.AccessibleTextRole) == "Not in this letter"


def test_words_only_one_letter_has_are_marked_by_colour_and_style(qtbot, demo_letters):
    _ids, _window, _section, panel = demo_letters
    view, model = panel.view, panel.view.pairs
    dose = row_where(model, "a", "Continue gabapentin 300 mg")
    a_html, b_html = model.index(dose, LETTER_A).data(HTML_ROLE), model.index(dose, LETTER_B).data(HTML_ROLE)
    assert f'<span style="{OWN_WORDS["a"]}">300</span>' in a_html
    assert f'<span style="{OWN_WORDS["b"]}">' in b_html and "600" in b_html
    for style in OWN_WORDS.values():
        assert "font-weight:600" in style and "underline" in style  # not colour alone
    assert "300" in model.index(dose, LETTER_A).data(Qt.ItemDataRole.AccessibleTextRole)
    assert model.index(dose, ALIKE).data().endswith("%")
    same = row_where(model, "a", "Dear Dr. Iwu")
    assert model.index(same, ALIKE).data() == "Same" and "span" not in model.index(same, LETTER_A).data(HTML_ROLE)

    # The marks are painted: the row shows letter A's tint on the left and letter B's on the right.
    view.table.scrollTo(view.pair_filter.index(dose, LETTER_A))
    image = view.table.viewport().grab().toImage()
    left = view.table.visualRect(view.pair_filter.index(dose, LETTER_A))
    right = view.table.visualRect(view.pair_filter.index(dose, LETTER_B))
    assert _has_colour(image, left, QColor("#fbe3cf")) and _has_colour(image, right, QColor("#d3e9f5"))


def _has_colour(image: QImage, rect, colour: QColor) -> bool:
    scale = image.devicePixelRatio()
    return any(image.pixelColor(int(x * scale), int(y * scale)) == colour
               for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom(), 2))


def test_show_only_differences_hides_what_both_letters_say_alike(qtbot, demo_letters):
    _ids, _window, _section, panel = demo_letters
    view = panel.view
    counts = view.comparison.counts()
    every_term = view.term_filter.rowCount()
    qtbot.mouseClick(view.only_differences, Qt.MouseButton.LeftButton)
    assert view.only_differences.isChecked()
    assert view.pair_filter.rowCount() == len(view.comparison.pairs) - counts["same"]
    assert all(view.pair_filter.index(r, 0).data(STATE_ROLE) != SAME for r in range(view.pair_filter.rowCount()))
    assert 0 < view.term_filter.rowCount() < every_term
    assert all(view.term_filter.index(r, AGREEMENT).data() != "Same in both"
               for r in range(view.term_filter.rowCount()))
    qtbot.mouseClick(view.only_differences, Qt.MouseButton.LeftButton)
    assert view.pair_filter.rowCount() == len(view.comparison.pairs)


def test_clicking_a_key_term_selects_and_highlights_its_sentences(qtbot, demo_letters):
    _ids, _window, _section, panel = demo_letters
    view = panel.view
    terms = view.term_table
    row = next(r for r in range(view.term_filter.rowCount()) if view.term_filter.index(r, TERM).data() == "Gabapentin")
    assert "300 mg" in view.term_filter.index(row, IN_A).data()
    assert "600 mg" in view.term_filter.index(row, IN_B).data()
    assert view.term_filter.index(row, AGREEMENT).data() == "Different amount"
    assert view.term_filter.index(row, AGREEMENT).data(Qt.ItemDataRole.DecorationRole) is not None

    cell = terms.visualRect(view.term_filter.index(row, TERM))
    qtbot.mouseClick(terms.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    selected = view.selected_pair_rows()
    assert selected and selected == view.pairs.rows_of_term(view.terms.term_at(row))
    for pair_row in selected:
        texts = [view.pairs.index(pair_row, c).data() or "" for c in (LETTER_A, LETTER_B)]
        assert any("gabapentin" in t.lower() for t in texts)
        assert TERM_WORDS in view.pairs.index(pair_row, LETTER_A).data(HTML_ROLE) + view.pairs.index(
            pair_row, LETTER_B).data(HTML_ROLE)
    first = view.table.visualRect(view.pair_filter.mapFromSource(view.pairs.index(selected[0], LETTER_A)))
    assert view.table.viewport().rect().intersects(first)  # scrolled into view
    assert "Gabapentin" in view.term_hint.text()

    # Keyboard: Down in the terms moves to the next term and its sentences.
    qtbot.keyClick(terms, Qt.Key.Key_Down)
    assert view.selected_pair_rows() == view.pairs.rows_of_term(view.terms.term_at(row + 1))


def test_keyboard_tabs_through_the_panes_and_moves_through_pairs(qtbot, demo_letters):
    _ids, window, _section, panel = demo_letters
    view = panel.view
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)
    view.table.setCurrentIndex(view.pair_filter.index(0, LETTER_A))
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == 2 and view.selected_pair_rows() == [2]
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert view.term_table.hasFocus()
    for widget in (view.table, view.term_table, panel.letter_a, panel.letter_b, view.only_differences):
        assert widget.accessibleName() or widget.text()


def test_identical_letters_say_there_are_no_differences(qtbot, database, open_window):
    case_id = case_with_letters(database, NEUROLOGY, NEUROLOGY)
    _window, _section, panel = open_letters(qtbot, database, open_window, case_id)
    view = panel.view
    assert view.message.isVisible()
    assert view.message.text() == "No differences: the two letters say the same, word for word."
    assert {view.pairs.index(r, 0).data(STATE_ROLE) for r in range(view.pairs.rowCount())} == {SAME}
    view.only_differences.setChecked(True)
    assert view.pair_filter.rowCount() == 0


def test_an_empty_letter_says_what_to_do(qtbot, database, open_window):
    case_id = case_with_letters(database, NEUROLOGY, "")
    _window, _section, panel = open_letters(qtbot, database, open_window, case_id)
    assert panel.view.message.isVisible()
    assert panel.view.message.text().startswith("Letter B is empty.")
    assert all(panel.view.pairs.index(r, LETTER_B).data() == "" for r in range(panel.view.pairs.rowCount()))


def test_cancel_stops_the_comparison_and_compare_again_runs_it(qtbot, database, open_window, monkeypatch):
    case_id = case_with_letters(database, NEUROLOGY, NEUROLOGY.replace("500 mg", "750 mg"))
    _window, _section, panel = open_letters(qtbot, database, open_window, case_id)
    real = compare_task.compare_letters
    started = threading.Event()

    def slow(a_text, b_text, *, progress, cancelled):
        progress(0, 5)
        started.set()
        while not cancelled():  # as the core does between its steps
            threading.Event().wait(0.005)
        raise Cancelled("The comparison")

    monkeypatch.setattr(compare_task, "compare_letters", slow)
    task = panel.compare()
    assert panel.busy_now and panel.cancel_button.isEnabled()
    assert started.wait(10)
    with qtbot.waitSignal(task.failed, timeout=10_000) as blocker:
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(blocker.args[0], Cancelled)
    assert panel.state_pages.currentWidget() is panel.again_button
    assert "stopped" in panel.view.summary.text() and panel.view.pairs.rowCount() == 0

    monkeypatch.setattr(compare_task, "compare_letters", real)
    with qtbot.waitSignal(panel.compared, timeout=20_000) as blocker:
        qtbot.mouseClick(panel.again_button, Qt.MouseButton.LeftButton)
    comparison = blocker.args[0]
    assert comparison.pairs and panel.view.pairs.rowCount() == len(comparison.pairs)
    assert panel.state_pages.currentWidget() is panel.save_button


def test_the_side_by_side_page_is_saved_where_chosen(qtbot, demo_letters, tmp_path, monkeypatch):
    _ids, window, _section, panel = demo_letters
    target = tmp_path / "compared"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    page = (tmp_path / "compared.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and BRENNAN in page and NANDAKUMAR in page
    assert "<del>" in page and "<ins>" in page and "Gabapentin" in page
    assert "compared.html" in window.statusBar().currentMessage()


def test_with_one_opinion_the_letters_tab_asks_for_a_second(qtbot, database, open_window):
    case_id = case_with_letters(database, NEUROLOGY, "x")
    second = opinions.list_for_case(database, case_id)[1]
    opinions.delete(database, second.id)
    _window, section, panel = open_letters(qtbot, database, open_window, case_id, compared=False)
    assert panel.pages.currentWidget() is panel.empty_card
    assert "add the second" in panel.empty_note.text()
    assert panel.task is None and not section.compare_button.isEnabled()
    assert QModelIndex() == panel.view.table.currentIndex()


def test_the_letters_are_compared_again_only_when_one_of_them_changed(qtbot, database, demo_letters):
    _ids, window, _section, panel = demo_letters
    view = panel.view
    chosen = view.choose_term("Gabapentin")
    window.refresh()  # as after any change elsewhere in the window
    assert panel.task is None and view.selected_pair_rows() == chosen

    letter_b = opinions.get(database, panel.chosen_ids()[1])
    letter_b.letter_text += "\n\nPlease call the clinic in June."
    opinions.save(database, letter_b)
    with qtbot.waitSignal(panel.compared, timeout=20_000) as blocker:
        window.refresh()
    assert any(pair.b == "Please call the clinic in June." and pair.a is None for pair in blocker.args[0].pairs)


def test_seeing_the_letters_from_the_list_puts_the_chosen_opinion_on_the_left(qtbot, demo_letters):
    ids, _window, section, panel = demo_letters
    section.tabs.setCurrentIndex(0)
    nandakumar = next(o.id for o in section.model.rows if o.provider_id == ids.provider_ids[NANDAKUMAR])
    section.select_opinion(nandakumar)
    with qtbot.waitSignal(panel.compared, timeout=20_000):
        qtbot.mouseClick(section.compare_button, Qt.MouseButton.LeftButton)
    assert section.tabs.currentIndex() == 1
    assert [panel.letter_a.currentText(), panel.letter_b.currentText()] == [NANDAKUMAR, BRENNAN]


def test_with_fewer_than_two_opinions_the_letters_tab_offers_to_add_one(qtbot, database, open_window):
    case_id = case_with_letters(database, NEUROLOGY, "x")
    opinions.delete(database, opinions.list_for_case(database, case_id)[1].id)
    window, _section, panel = open_letters(qtbot, database, open_window, case_id, compared=False)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = visible(window, OpinionDialog)
    assert dialog.windowTitle() == "New opinion"
    dialog.reject()
