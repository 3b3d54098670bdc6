"""The opinion, pair and key-term models under Qt's model tester; deleting an opinion and Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from opinionkit.core.compare import compare_letters
from opinionkit.core.services import demo, opinions, trash
from opinionkit.core.services.demo_opinions import BRENNAN, BRENNAN_LETTER, NANDAKUMAR, NANDAKUMAR_LETTER
from opinionkit.ui.opinions.opinion_model import DATE, DOCTOR, HOW_GIVEN, ROW_ID_ROLE, TREATMENT, OpinionTableModel
from opinionkit.ui.opinions.pair_model import LETTER_A, DifferencesFilter, PairTableModel
from opinionkit.ui.opinions.terms_model import AGREEMENT, IN_B, TERM, TermFilter, TermTableModel
from window_helpers import press


def test_the_opinion_model_lists_the_case_opinions(qtmodeltester, database):
    ids = demo.load(database)
    model = OpinionTableModel(database)
    model.load(ids.case_id)
    qtmodeltester.check(model, force_py=True)
    assert [model.index(r, DOCTOR).data() for r in range(2)] == [BRENNAN, NANDAKUMAR]
    assert model.index(1, HOW_GIVEN).data() == "Remote record review"
    assert model.index(0, TREATMENT).data().startswith("Posterior lumbar interbody fusion")
    assert model.index(0, DATE).data()  # spelled out, e.g. "2 October 2026"
    assert model.index(0, DOCTOR).data(ROW_ID_ROLE) == opinions.list_for_case(database, ids.case_id)[0].id
    model.load(None)
    assert model.rowCount() == 0


@pytest.fixture
def comparison():
    return compare_letters(BRENNAN_LETTER, NANDAKUMAR_LETTER)


def pair_model(comparison) -> PairTableModel:
    pairs = PairTableModel()
    pairs.set_comparison(comparison, BRENNAN, NANDAKUMAR)
    return pairs


def test_the_pair_model_passes_the_model_tester_and_marks_a_term(qtmodeltester, comparison):
    pairs = pair_model(comparison)
    qtmodeltester.check(pairs, force_py=True)
    gabapentin = next(t for t in comparison.terms if t.term == "Gabapentin")
    rows = pairs.mark_term(gabapentin)
    assert rows and all("gabapentin" in ((pairs.pair_at(r).a or "") + (pairs.pair_at(r).b or "")).lower()
                        for r in rows)
    assert pairs.mark_term(None) == []
    pairs.set_comparison(None)
    assert pairs.rowCount() == 0 and pairs.index(0, LETTER_A).data() is None


def test_the_differences_filter_passes_the_model_tester(qtmodeltester, comparison):
    pairs = pair_model(comparison)
    differences = DifferencesFilter()
    differences.setSourceModel(pairs)
    differences.set_only_differences(True)
    qtmodeltester.check(differences, force_py=True)
    assert differences.rowCount() == len(comparison.pairs) - comparison.counts()["same"]


def test_the_term_model_passes_the_model_tester(qtmodeltester, comparison):
    terms = TermTableModel()
    terms.set_terms(comparison.terms)
    qtmodeltester.check(terms, force_py=True)
    fusion = terms.row_of("fusion")
    assert terms.index(fusion, IN_B).data() == "Advised against"
    assert terms.index(fusion, AGREEMENT).data() == "Different advice"
    assert "Written as" in terms.index(fusion, TERM).data(Qt.ItemDataRole.ToolTipRole)


def test_the_term_filter_passes_the_model_tester(qtmodeltester, comparison):
    terms = TermTableModel()
    terms.set_terms(comparison.terms)
    only = TermFilter()
    only.setSourceModel(terms)
    only.set_only_differences(True)
    qtmodeltester.check(only, force_py=True)
    assert 0 < only.rowCount() < terms.rowCount()


def test_delete_moves_an_opinion_to_the_trash_and_ctrl_z_brings_it_back(qtbot, database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id, section="opinions")
    section = window.case_page.section("opinions")
    brennan = next(o for o in opinions.list_for_case(database, ids.case_id) if o.provider_id == ids.provider_ids[BRENNAN])
    section.select_opinion(brennan.id)
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert [o.provider_id for o in opinions.list_for_case(database, ids.case_id)] == [ids.provider_ids[NANDAKUMAR]]
    assert any(entry.kind == "opinion" for entry in trash.list_entries(database))
    assert section.model.rowCount() == 1 and section.summary.text() == "1 opinion"
    assert section.letters.pages.currentWidget() is section.letters.empty_card
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert window.case_page.current_section() == "opinions"  # the case itself stays

    press(qtbot, window, Qt.Key.Key_Z)
    assert brennan.id in [o.id for o in opinions.list_for_case(database, ids.case_id)]
    assert section.model.rowCount() == 2 and section.selected_opinion_id() == brennan.id
    assert section.letters.pages.currentWidget() is section.letters.content

    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)  # the button does the same
    assert section.model.rowCount() == 1
