"""The health summary saved from the window as a PDF, and the FHIR patient summary as JSON."""

from __future__ import annotations

import json

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opinionkit.core.services import demo
from window_helpers import visible


def answer_save_dialog(monkeypatch, path) -> list[tuple]:
    asked: list[tuple] = []

    def chosen(*args):
        asked.append(args)
        return str(path), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(chosen))
    return asked


def open_health(database, open_window):
    ids = demo.load(database)
    window = open_window(database)
    window.show_person(ids.person_id, section="health")
    return window, window.person_page.sections["health"]


def test_the_summary_pdf_is_written_with_every_heading(qtbot, database, open_window, monkeypatch, tmp_path):
    window, section = open_health(database, open_window)
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    target.write_bytes(b"an older file, replaced whole")
    asked = answer_save_dialog(monkeypatch, target)

    qtbot.mouseClick(section.summary_button, Qt.MouseButton.LeftButton)

    assert asked and asked[0][2].endswith(".pdf") and "Marguerite Okonkwo-Lindqvist" in asked[0][2]
    reader = pypdf.PdfReader(target)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for heading in ("Health summary", "Identity and insurance", "Medications (active)", "Allergies", "Conditions",
                    "Procedures", "Immunisations", "Family history", "Marguerite Okonkwo-Lindqvist", "Penicillin",
                    "Page 1 of"):
        assert heading in text, heading
    assert reader.metadata.title == "Health summary: Marguerite Okonkwo-Lindqvist"
    assert [p.name for p in target.parent.iterdir()] == ["summary.pdf"], "no temporary file is left behind"
    assert section.notice.isVisible() and str(target) in section.notice.text()
    assert str(target) in window.statusBar().currentMessage()


def test_a_name_without_pdf_gets_it(qtbot, database, open_window, monkeypatch, tmp_path):
    _window, section = open_health(database, open_window)
    answer_save_dialog(monkeypatch, tmp_path / "for the clinic")
    assert section.save_summary() == tmp_path / "for the clinic.pdf"
    assert (tmp_path / "for the clinic.pdf").read_bytes().startswith(b"%PDF")


def test_cancelling_writes_nothing(qtbot, database, open_window, monkeypatch, tmp_path):
    _window, section = open_health(database, open_window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: ("", "")))
    qtbot.mouseClick(section.summary_button, Qt.MouseButton.LeftButton)
    assert list(tmp_path.glob("*.pdf")) == [] and not section.notice.isVisible()


def test_a_folder_that_cannot_be_written_says_so(qtbot, database, open_window, monkeypatch, tmp_path):
    window, section = open_health(database, open_window)
    answer_save_dialog(monkeypatch, tmp_path / "gone" / "summary.pdf")
    assert section.save_summary() is None
    box = visible(window, QMessageBox)
    assert "could not be written" in box.informativeText() and "choose another folder" in box.informativeText()
    box.close()
    assert not (tmp_path / "gone").exists()


def test_the_fhir_summary_is_a_document_bundle(qtbot, database, open_window, monkeypatch, tmp_path):
    window, section = open_health(database, open_window)
    target = tmp_path / "summary.json"
    answer_save_dialog(monkeypatch, target)
    qtbot.mouseClick(section.fhir_button, Qt.MouseButton.LeftButton)
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "document")
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert {"Patient", "MedicationStatement", "AllergyIntolerance", "FamilyMemberHistory"} <= kinds
    assert "FHIR" in window.statusBar().currentMessage()
