"""The records packet tab: the plan saved on each change, the order by keys and drops, building off the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog
from pypdf import PdfReader

from opinionkit.core.packet import plan as plans
from opinionkit.core.services import library
from opinionkit.render import PacketRenderer
from opinionkit.ui.packet.documents_model import MIME_TYPE, PacketDocumentsModel
from opinionkit.ui.packet.packet_page import PacketSection
from packet_cases import add_pdf, make_case


@pytest.fixture
def sample(database, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    made = make_case(database, data_dir)
    add_pdf(database, data_dir, made, "Alpha", date="2026-01-10", pages=3)
    add_pdf(database, data_dir, made, "Beta", date="2026-02-01")
    add_pdf(database, data_dir, made, "Gamma", date="2026-03-05", pages=2)
    return made


@pytest.fixture
def section(database, sample, open_window) -> PacketSection:
    window = open_window(database)
    window.show_case(sample.case_id, section="packet")
    found = window.case_page.section("packet")
    assert isinstance(found, PacketSection)
    return found


def titles(section: PacketSection) -> list[str]:
    return [d.title for d in section.model.documents]


def saving_to(monkeypatch, *paths) -> None:
    answers = iter(paths)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(next(answers)), ""))


def test_the_model_passes_the_model_tester_and_moves_rows_by_drop(qtmodeltester, database, sample):
    model = PacketDocumentsModel()
    model.set_documents(plans.documents(database, plans.load(database, sample.case_id)))
    qtmodeltester.check(model)
    assert model.index(0).data().startswith("1. Alpha report")
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    moves = []
    model.moved.connect(lambda: moves.append(model.ids()))
    dragged = model.mimeData([model.index(0)])
    assert dragged.hasFormat(MIME_TYPE)
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # Alpha to the end
    assert [d.title for d in model.documents] == ["Beta report", "Gamma report", "Alpha report"]
    assert model.index(0).data().startswith("1. Beta report")
    assert not model.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert model.move_by(0, -1) is None and model.move_by(2, 1) is None
    assert model.move_by(0, 1) == 1
    assert [d.title for d in model.documents] == ["Gamma report", "Beta report", "Alpha report"]
    assert len(moves) == 2
    qtmodeltester.check(model)


def test_keys_reorder_the_documents_and_the_plan_is_saved(qtbot, database, sample, section):
    assert titles(section) == ["Alpha report", "Beta report", "Gamma report"]
    assert "about 6 pages" in section.summary.text()
    section.list.setFocus()
    section.list.setCurrentIndex(section.model.index(0))
    qtbot.keyClick(section.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(section.list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(section) == ["Beta report", "Gamma report", "Alpha report"]
    assert section.list.currentIndex().row() == 2  # the moved document stays chosen
    saved = plans.load(database, sample.case_id)
    assert saved.id is not None
    assert saved.document_ids == [sample.ids["Beta"], sample.ids["Gamma"], sample.ids["Alpha"]]
    qtbot.keyClick(section.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert plans.load(database, sample.case_id).document_ids == [
        sample.ids["Beta"], sample.ids["Alpha"], sample.ids["Gamma"]]
    qtbot.keyClick(section.list, Qt.Key.Key_Delete)  # Alpha taken out
    assert titles(section) == ["Beta report", "Gamma report"]
    assert sample.ids["Alpha"] in plans.load(database, sample.case_id).left_out_ids


def test_settings_are_saved_and_documents_can_be_added_back(qtbot, database, sample, section):
    section.include_index.click()
    qtbot.keyClicks(section.sender, "Ada's daughter")
    qtbot.keyClick(section.sender, Qt.Key.Key_Return)
    section.recipient.setCurrentIndex(section.recipient.findData(sample.lab_id))
    saved = plans.load(database, sample.case_id)
    assert (saved.include_index, saved.sender, saved.recipient_id) == (False, "Ada's daughter", sample.lab_id)

    section.list.setCurrentIndex(section.model.index(1))
    section.remove_button.click()
    assert titles(section) == ["Alpha report", "Gamma report"]
    section.add_button.click()
    picker = section.picker
    qtbot.waitExposed(picker)
    assert picker.list.count() == 1
    picker.list.item(0).setSelected(True)
    picker.buttons.button(picker.buttons.StandardButton.Ok).click()
    assert titles(section) == ["Alpha report", "Gamma report", "Beta report"]


def test_build_writes_the_packet_off_the_gui_thread(qtbot, qapp, database, sample, section, tmp_path,
                                                   monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    saving_to(monkeypatch, out / "packet.pdf", out / "packet.zip")
    section.with_zip.setChecked(True)
    section.build_button.click()
    task = section.builder.task
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    result = section.last_result
    assert result is not None and section.builder is None
    reader = PdfReader(out / "packet.pdf")
    assert result.front_pages >= 2
    assert len(reader.pages) == result.pages == result.front_pages + 3 + 1 + 2
    assert (out / "packet.zip").is_file()
    boxes = [w for w in qapp.topLevelWidgets() if w.objectName() == "packetSummary" and w.isVisible()]
    assert len(boxes) == 1 and f"{result.pages} pages" in boxes[0].informativeText()
    boxes[0].close()


def test_cancel_leaves_no_file(qtbot, qapp, database, sample, section, tmp_path, monkeypatch):
    entered, release = threading.Event(), threading.Event()
    plain = PacketRenderer.html_to_pdf

    def held(self, html, title):
        entered.set()
        release.wait(timeout=20)
        return plain(self, html, title)

    monkeypatch.setattr(PacketRenderer, "html_to_pdf", held)
    out = tmp_path / "out"
    out.mkdir()
    saving_to(monkeypatch, out / "packet.pdf")
    section.build_button.click()
    builder = section.builder
    assert entered.wait(timeout=20)
    with qtbot.waitSignal(builder.finished, timeout=30_000) as outcome:
        qtbot.mouseClick(builder.progress.findChild(type(section.build_button)), Qt.MouseButton.LeftButton)
        release.set()
    assert outcome.args == [None]
    assert list(out.iterdir()) == []
    assert section.builder is None and section.build_button.isEnabled()


def test_a_missing_file_is_named_and_can_be_left_out(qtbot, qapp, database, data_dir, sample, section, tmp_path,
                                                     monkeypatch):
    gone = next(d for d in section.model.documents if d.id == sample.ids["Beta"])
    library.file_path(data_dir, gone).unlink()
    out = tmp_path / "out"
    out.mkdir()
    saving_to(monkeypatch, out / "packet.pdf")
    section.build_button.click()
    builder = section.builder
    qtbot.waitUntil(lambda: builder.problem_box is not None, timeout=30_000)
    box = builder.problem_box
    assert "Beta report" in box.informativeText() and "missing" in box.informativeText()
    assert not (out / "packet.pdf").exists()
    with qtbot.waitSignal(builder.finished, timeout=60_000) as outcome:
        box.findChild(type(section.build_button), "leaveOutButton").click()
    result = outcome.args[0]
    assert [i.document.title for i in result.included] == ["Alpha report", "Gamma report"]
    assert [left.document.id for left in result.left_out] == [gone.id]
    assert len(PdfReader(out / "packet.pdf").pages) == result.front_pages + 3 + 2
    for widget in qapp.topLevelWidgets():
        if widget.objectName() == "packetSummary":
            widget.close()
