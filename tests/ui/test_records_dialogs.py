"""The tracker's dialogs: an item with a bad date, follow-ups, the starter checklist, the request letter."""

from __future__ import annotations

import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opinionkit.core.domain import Case, ChecklistKind, Person
from opinionkit.core.domain.records import RecordKind, Step
from opinionkit.core.services import cases, demo, library, people, record_items, timeline, tracker
from opinionkit.ui.dialogs.case_dialog import CaseDialog
from opinionkit.ui.records.checklist_dialog import ChecklistDialog
from opinionkit.ui.records.item_dialog import ItemDialog
from opinionkit.ui.records.item_history import FollowUpDialog
from opinionkit.ui.records.letter_dialog import LetterDialog
from window_helpers import type_text, visible

MRI = "Lumbar spine MRI without contrast, full study (DICOM)"


def demo_tracker(database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_case(ids.case_id, section="records")
    return ids, window, window.case_page.section("records")


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_new_item_with_an_impossible_due_date_points_at_the_field(qtbot, database, open_window):
    ids, window, records = demo_tracker(database, open_window)
    click(qtbot, records.add_button)
    dialog = visible(window, ItemDialog)
    assert dialog.history is None, "a new item has no timeline yet"
    qtbot.keyClicks(dialog.description, "Bone density scan report")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RecordKind.RADIOLOGY_REPORT.value))
    dialog.holder.combo.setCurrentIndex(dialog.holder.combo.findData(ids.provider_ids["Cedar Valley Imaging"]))
    qtbot.keyClicks(dialog.due_date, "2026-02-30")
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.invalid_fields() == ["due_date"]
    assert "YYYY-MM-DD" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.due_date
    assert len(tracker.tracker_rows(database, ids.case_id)) == 13, "nothing saved"

    dialog.due_date.clear()
    assert dialog.invalid_fields() == [], "editing the field clears the mark"
    qtbot.keyClicks(dialog.due_date, "2026-03-02")
    qtbot.keyClicks(dialog.period_text, "last 2 years")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    row = next(r for r in tracker.tracker_rows(database, ids.case_id) if r.description == "Bone density scan report")
    assert (row.kind, row.holder_name, row.due_date, row.period, row.status) == (
        RecordKind.RADIOLOGY_REPORT, "Cedar Valley Imaging", "2026-03-02", "last 2 years", Step.NEEDED)
    assert records.selected_item_id() == row.id
    assert records.summary.text().startswith("4 of 14 confirmed")


def test_an_extension_needs_its_reason_and_moves_the_due_date(qtbot, database, open_window):
    ids, window, records = demo_tracker(database, open_window)
    physio = next(r for r in tracker.tracker_rows(database, ids.case_id) if r.overdue)
    records.select_item(physio.id)
    records.table.setFocus()
    qtbot.keyClick(records.table, Qt.Key.Key_Return)  # Enter opens the item
    dialog = visible(window, ItemDialog)
    qtbot.keyClicks(dialog.extension_days, "14")
    click(qtbot, dialog.save_button)
    assert dialog.invalid_fields() == ["extension_reason"]
    qtbot.keyClicks(dialog.extension_reason, "Records office short-staffed")
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    item = record_items.get(database, physio.id)
    assert item.extension_days == 14 and item.extension_reason == "Records office short-staffed"
    assert item.due_date > physio.due_date
    assert records.summary.text() == "4 of 13 confirmed · 1 shipment unconfirmed", "no longer overdue"


def test_the_item_shows_its_timeline_with_undone_steps_and_logs_a_follow_up(qtbot, database, open_window):
    ids, window, records = demo_tracker(database, open_window)
    mri = next(r.id for r in tracker.tracker_rows(database, ids.case_id) if r.description == MRI)
    records.select_item(mri)
    click(qtbot, records.undo_step_button)  # "sent" is taken back, and stays in the history
    click(qtbot, records.edit_button)
    dialog = visible(window, ItemDialog)
    entries = dialog.history.timeline.texts()
    assert entries[0].startswith("Needed")
    assert any(text.startswith("Sent") and "(undone)" in text for text in entries)
    assert entries[-1] == "Next: Send it on"
    assert len(dialog.history.followups.texts()) == 2

    click(qtbot, dialog.history.add_followup_button)
    followup = visible(window, FollowUpDialog)
    assert followup.on_date.text() == timeline.dates.today().isoformat()
    type_text(followup.who, "Lena Marsh, Lakeshore")
    click(qtbot, followup.save_button)
    assert followup.invalid_fields() == ["said"], "what was said is required"
    followup.said.setFocus()
    type_text(followup.said, "Disc logged in radiology today")
    click(qtbot, followup.save_button)
    assert not followup.isVisible()
    assert dialog.history.followups.texts()[0].endswith("Lena Marsh, Lakeshore. Disc logged in radiology today")
    logged = record_items.followups(database, mri)
    assert (logged[-1].who, logged[-1].said) == ("Lena Marsh, Lakeshore", "Disc logged in radiology today")

    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Cancel))
    assert "3 follow-ups" in records.proxy.index(records.proxy.mapFromSource(
        records.model.index(records.model.row_of(mri), 0)).row(), 4).data(Qt.ItemDataRole.ToolTipRole)


def test_the_checklist_adds_the_ticked_items_with_their_holders(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    case = cases.save(database, Case(person_id=person.id, title="Thyroid nodule: surgery or watchful waiting?"))
    ids = demo.load(database)  # for its providers
    window = open_window(database)
    window.show_case(case.id, section="records")
    records = window.case_page.section("records")
    assert records.pages.currentWidget() is records.empty_card
    click(qtbot, records.usual_button)
    dialog = visible(window, ChecklistDialog)
    general = len(dialog.rows)
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # general → surgery recommended → cancer
    assert dialog.kind.currentData() == ChecklistKind.CANCER.value
    assert len(dialog.rows) > general
    assert all(check.isChecked() for _s, check, _h in dialog.rows)
    click(qtbot, dialog.toggle_button)  # untick all, then tick two
    assert dialog.add_button.text() == "Add 0 items" and not dialog.add_button.isEnabled()
    slides, check, holder = next(row for row in dialog.rows if row[0].kind is RecordKind.PATHOLOGY_SLIDES)
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    holder.setCurrentIndex(holder.findData(ids.provider_ids["Northgate Clinical Laboratories"]))
    first = dialog.rows[0][1]
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton, pos=QPoint(8, first.height() // 2))  # on its box
    assert dialog.add_button.text() == "Add 2 items"
    assert slides.why in check.accessibleDescription()
    click(qtbot, dialog.add_button)
    assert not dialog.isVisible()

    rows = tracker.tracker_rows(database, case.id)
    assert {r.description for r in rows} == {slides.description, dialog.rows[0][0].description}
    assert next(r for r in rows if r.kind is RecordKind.PATHOLOGY_SLIDES).holder_name == "Northgate Clinical Laboratories"
    assert cases.get(database, case.id).checklist_kind is ChecklistKind.CANCER
    assert records.model.rowCount() == 2 and records.pages.currentWidget() is records.table

    click(qtbot, records.usual_button)  # offered again: what is listed is shown, not ticked
    again = visible(window, ChecklistDialog)
    listed = [check for starter, check, _h in again.rows if starter.description == slides.description]
    assert listed and not listed[0].isEnabled() and not listed[0].isChecked()
    click(qtbot, again.buttons.button(again.buttons.StandardButton.Cancel))


def test_a_new_case_is_offered_the_usual_records(qtbot, database, open_window):
    person = people.save(database, Person(name="Ines Carvalho"))
    window = open_window(database)
    window.show_person(person.id)
    window.new_case_action.trigger()
    dialog = visible(window, CaseDialog)
    qtbot.keyClicks(dialog.title, "Hip replacement: now or later?")
    click(qtbot, dialog.save_button)
    checklist = visible(window, ChecklistDialog)
    click(qtbot, checklist.add_button)
    case = cases.list_all(database, person.id)[0]
    assert len(tracker.tracker_rows(database, case.id)) == len(checklist.rows)
    assert window.case_page.current_section() == "records"


def test_the_request_letter_is_saved_as_a_pdf_and_kept_with_the_case(qtbot, database, open_window, tmp_path,
                                                                      monkeypatch, data_dir):
    ids, window, records = demo_tracker(database, open_window)
    target = tmp_path / "letters" / "Cedar Valley request"
    target.parent.mkdir()
    asked: list[str] = []

    def save_as(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    cedar = ids.provider_ids["Cedar Valley Imaging"]
    records.select_item(next(r.id for r in tracker.tracker_rows(database, ids.case_id) if r.holder_id == cedar))
    click(qtbot, records.letter_button)
    dialog = visible(window, LetterDialog)
    assert dialog.holder_id() == cedar, "the selected item's holder"
    waiting = [r.id for r in tracker.tracker_rows(database, ids.case_id, holder_id=cedar)
               if r.status in (Step.NEEDED, Step.REQUESTED)]
    assert sorted(dialog.chosen_item_ids()) == sorted(waiting)
    assert "Cedar Valley Imaging" in dialog.preview.toPlainText()
    assert "30 days" in dialog.preview.toPlainText()

    for row in range(dialog.items.count()):  # nothing ticked: nothing to write
        dialog.items.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not dialog.save_button.isEnabled() and dialog.problem.isVisible()
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.chosen_item_ids()
    click(qtbot, dialog.save_button)

    saved = target.with_name(target.name + ".pdf")
    assert asked and asked[0].endswith(".pdf")
    assert saved.is_file()
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(saved).pages)
    assert "Cedar Valley Imaging" in text and "Marguerite Okonkwo-Lindqvist" in text
    letters = [d for d in library.list_for_case(database, ids.case_id) if d.kind == "request letter"]
    assert len(letters) == 1 and letters[0].holder_id == cedar
    assert library.linked_item_ids(database, letters[0].id) == chosen
    assert library.file_path(data_dir, letters[0]).is_file()

    message = visible(window, QMessageBox)
    assert message.objectName() == "letterSaved"
    assert str(saved) in message.informativeText() and "documents" in message.informativeText()
    assert not dialog.isVisible()
    click(qtbot, message.button(QMessageBox.StandardButton.Ok))


def test_the_letter_never_replaces_a_file_it_was_not_asked_about(qtbot, database, open_window, tmp_path, monkeypatch):
    ids, window, records = demo_tracker(database, open_window)
    (tmp_path / "letter.pdf").write_bytes(b"mine")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "letter"), ""))
    click(qtbot, records.letter_button)
    dialog = visible(window, LetterDialog)
    click(qtbot, dialog.save_button)
    assert (tmp_path / "letter.pdf").read_bytes() == b"mine"
    assert dialog.isVisible()
    box = visible(dialog, QMessageBox)
    assert "letter.pdf already exists" in box.informativeText()
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    assert not [d for d in library.list_for_case(database, ids.case_id) if d.kind == "request letter"]
