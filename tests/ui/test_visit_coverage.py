"""The coverage form in the window: refused values are outlined and nothing is saved; hints follow the saved
coverage; the insurer call log with undoable deletion."""

from __future__ import annotations

from PySide6.QtCore import Qt

from opinionkit.core.domain.coverage import PlanType, YesNo
from opinionkit.core.services import coverage, demo, trash
from opinionkit.ui.visit.call_dialog import CallDialog
from opinionkit.ui.visit.call_model import CallTableModel
from window_helpers import press, type_text, visible


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_coverage(database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id, section="questions")
    visit = window.case_page.section("questions")
    visit.show_part("coverage")
    return ids, window, visit.coverage


def hint_texts(page) -> list[str]:
    return [page.hints.itemAt(i).widget().text() for i in range(page.hints.count())]


def test_the_calls_model_passes_the_model_tester(qtmodeltester, db):
    ids = demo.load(db)
    model = CallTableModel(db)
    model.load(ids.case_id)
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 2).data() == "HHP-CALL-558213"


def test_a_bad_date_is_outlined_and_nothing_is_saved(qtbot, database, open_window):
    ids, window, page = open_coverage(database, open_window)
    form = page.form
    assert form.plan.currentData() == PlanType.PPO.value and not form.save_button.isEnabled()
    assert any("no authorisation number yet" in text for text in hint_texts(page))

    type_text(form.auth_number, "PA-2291-77")
    type_text(form.auth_from, "2026-13-45")
    assert form.save_button.isEnabled(), "an edit can be saved"
    click(qtbot, form.save_button)
    assert form.invalid_fields() == ["prior_auth_from"]
    assert form.problem.isVisible() and "YYYY-MM-DD" in form.problem.text()
    assert form.focusWidget() is form.auth_from or window.focusWidget() is form.auth_from
    assert coverage.get(database, ids.case_id).prior_auth_number == "", "nothing half-saved"

    form.auth_from.clear()
    assert form.invalid_fields() == [], "editing the field clears the mark"
    type_text(form.auth_from, "2026-03-01")
    type_text(form.auth_to, "2026-02-01")
    click(qtbot, form.save_button)
    assert form.invalid_fields() == ["prior_auth_to"] and "ends before it starts" in form.problem.text()

    form.auth_to.clear()
    type_text(form.auth_to, "2027-12-31")
    form.answers["in_network"].setCurrentIndex(form.answers["in_network"].findData(YesNo.NO.value))
    click(qtbot, form.save_button)
    saved = coverage.get(database, ids.case_id)
    assert (saved.prior_auth_number, saved.prior_auth_from, saved.prior_auth_to, saved.in_network) == (
        "PA-2291-77", "2026-03-01", "2027-12-31", YesNo.NO)
    assert not form.problem.isVisible() and not form.save_button.isEnabled()
    hints = hint_texts(page)
    assert not any("no authorisation number yet" in text for text in hints), "the hints follow the saved form"
    assert any("out of network" in text for text in hints)


def test_undo_changes_goes_back_to_the_saved_coverage(qtbot, database, open_window):
    _ids, _window, page = open_coverage(database, open_window)
    form = page.form
    type_text(form.cost, " per visit")
    click(qtbot, form.revert_button)
    assert form.cost.text() == "$40 specialist copay" and not form.revert_button.isEnabled()


def test_log_a_call_then_delete_it_and_ctrl_z(qtbot, database, open_window):
    ids, window, page = open_coverage(database, open_window)
    click(qtbot, page.add_call_button)
    dialog = visible(window, CallDialog)
    click(qtbot, dialog.save_button)
    assert dialog.invalid_fields() == ["said"]
    type_text(dialog.representative, "Marcus, authorisations")
    type_text(dialog.reference, "HHP-CALL-600417")
    type_text(dialog.said, "The authorisation was approved; the letter is in the post.")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    calls = coverage.calls(database, ids.case_id)
    assert [c.reference_number for c in calls] == ["HHP-CALL-558213", "HHP-CALL-600417"]
    assert page.selected_call_id() == calls[-1].id, "the new call is selected, listed first"

    page.calls_table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.calls_table, Qt.Key.Key_Delete)
    assert [c.reference_number for c in coverage.calls(database, ids.case_id)] == ["HHP-CALL-558213"]
    assert [e.kind for e in trash.list_entries(database)] == ["insurer call"]
    press(qtbot, window, Qt.Key.Key_Z)
    assert len(coverage.calls(database, ids.case_id)) == 2 and page.calls.rowCount() == 2
