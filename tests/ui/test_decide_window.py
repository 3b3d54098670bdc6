"""Comparing and deciding in the window: verdicts through the grid, the SURE checks, recording the decision,
the grid model, a case with one opinion, and printing the comparison."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from opinionkit.core.decide import grid as grids
from opinionkit.core.decide import guide as guides
from opinionkit.core.domain import Case, CaseStatus, Opinion, SureCheck, Verdict
from opinionkit.core.services import cases, demo, opinions
from opinionkit.ui.decide.decision_dialog import DecisionDialog
from opinionkit.ui.decide.grid_model import ROW_KEY_ROLE, GridModel
from window_helpers import type_text, visible


def open_compare(qtbot, database, open_window, case_id=None):
    ids = demo.load(database)
    window = open_window(database)
    section_case = case_id or ids.case_id
    window.show_case(section_case, section="compare")
    section = window.case_page.section("compare")
    with qtbot.waitSignal(section.grid.grid_ready, timeout=30_000):
        section.grid.reload()  # connected before it starts: a quick build cannot slip past the wait
    return ids, window, section


def test_a_verdict_set_through_the_combo_is_kept_after_reopening(qtbot, database, open_window):
    ids, window, section = open_compare(qtbot, database, open_window)
    model, table = section.grid.model, section.grid.table
    row = model.row_of("specialty")
    index = model.index(row, model.verdict_column)
    assert index.data(ROW_KEY_ROLE) == "specialty"
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.indexWidget(index) or table.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(Verdict.AGREE.value))
    combo.activated.emit(combo.currentIndex())  # as when a person picks it from the list
    assert model.index(row, model.verdict_column).data() == "They agree"
    note = model.index(row, model.note_column)
    assert model.setData(note, "Both are spine specialists.")

    window.close()
    ids2, window2, again = open_compare(qtbot, database, open_window)
    kept = again.grid.model.rows()[again.grid.model.row_of("specialty")]
    assert kept.verdict is Verdict.AGREE and kept.note == "Both are spine specialists."


def test_the_grid_model_passes_the_model_tester(qtmodeltester, db):
    ids = demo.load(db)
    model = GridModel(db)
    model.load(grids.grid(db, ids.case_id))
    qtmodeltester.check(model)
    assert model.columnCount() == 6 and model.rowCount() == len(grids.ROWS)
    differing = [model.index(n, 0).data() for n in range(model.rowCount())]
    assert any("≠ Differs" in text for text in differing), "a difference is said in words, not only colour"


def test_a_case_with_one_opinion_says_what_is_missing(qtbot, database, open_window):
    ids = demo.load(database)
    case = cases.get(database, ids.case_id)
    other = cases.save(database, Case(person_id=case.person_id, title="Knee: replace or wait?"))
    opinions.save(database, Opinion(case_id=other.id, recommended_treatment="Knee replacement"))
    window = open_window(database)
    window.show_case(other.id, section="compare")
    section = window.case_page.section("compare")
    with qtbot.waitSignal(section.grid.grid_ready, timeout=30_000):
        section.grid.reload()
    assert section.grid.message.isVisible() and "Only one opinion" in section.grid.message.text()
    assert not section.grid.table.isVisible()
    qtbot.mouseClick(section.grid.opinions_button, Qt.MouseButton.LeftButton)
    assert window.case_page.current_section() == "opinions"


def test_sure_checks_and_recording_the_decision(qtbot, database, open_window):
    ids, window, section = open_compare(qtbot, database, open_window)
    section.show_part("guide")
    guide = section.guide
    guide.sure_groups[SureCheck.UNDERSTAND].button(1).click()  # yes: the demo's one "no" is answered
    for check in SureCheck:
        guide.sure_groups[check].button(1).click()
    assert not guide.sure_notes.isVisible()
    guide.sure_groups[SureCheck.ENCOURAGEMENT].button(0).click()
    assert guide.sure_notes.isVisible() and "Get support" in guide.sure_notes.text()
    qtbot.mouseClick(guide.save_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(guide.record_button, Qt.MouseButton.LeftButton)
    dialog = visible(window, DecisionDialog)
    dialog.decision.selectAll()
    type_text(dialog.decision, "Conservative care first")
    type_text(dialog.reason, "Fewer risks, and the wedding is in June.")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    case = cases.get(database, ids.case_id)
    assert case.status is CaseStatus.DECIDED and case.decision == "Conservative care first"
    assert guides.load(database, ids.case_id).sure[SureCheck.ENCOURAGEMENT] is False


def test_print_writes_a_pdf(qtbot, qapp, database, open_window, tmp_path, monkeypatch):
    ids, window, section = open_compare(qtbot, database, open_window)
    target = tmp_path / "comparison.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF files (*.pdf)"))
    qtbot.mouseClick(section.print_button, Qt.MouseButton.LeftButton)
    reader = pypdf.PdfReader(str(target))
    assert len(reader.pages) >= 1
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Side by side" in text and "Key terms" in text


def test_drafted_questions_are_added_to_the_case_for_their_doctor(qtbot, database, open_window):
    from opinionkit.core.services import questions

    ids, window, section = open_compare(qtbot, database, open_window)
    section.show_part("questions")
    page = section.drafts
    before = len(questions.list_for_case(database, ids.case_id))
    with qtbot.waitSignal(page.drafted, timeout=30_000):
        qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() >= 2
    last = page.table.rowCount() - 1  # the demo already holds some drafts; the last one it does not
    for row in range(1, last):
        page.table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    page.table.item(0, 0).setText("Why fusion now rather than after three months?")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    added = questions.list_for_case(database, ids.case_id)[before:]
    assert [q.text for q in added][0] == "Why fusion now rather than after three months?" and len(added) == 2
    assert all(q.for_provider_id is not None for q in added)
