"""File ▸ Back up…, Check my data…, Edit ▸ Trash…, and the rolling backup when the window closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from opinionkit.core.domain import Person
from opinionkit.core.safety import backup, restore
from opinionkit.core.services import people, trash
from opinionkit.ui.safety.passphrase_dialog import PassphraseDialog


def informed(window) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_check_my_data_shows_the_report(qtbot, database, open_window):
    people.save(database, Person(name="Marta Okafor"))
    window = open_window(database)
    window.safety.check_action.trigger()
    task = window.safety.task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    box = informed(window)
    assert box.text() == "Everything is in order"
    assert "1 person" in box.informativeText()
    box.close()


def test_back_up_writes_an_encrypted_file_outside_the_data_folder(qtbot, database, open_window, tmp_path, monkeypatch):
    people.save(database, Person(name="Marta Okafor"))
    window = open_window(database)
    out = tmp_path / "elsewhere" / "family.okbackup"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def fill_in(dialog: PassphraseDialog) -> int:
        dialog.passphrase.setText("blue heron at dawn")
        assert dialog.again is not None
        dialog.again.setText("blue heron at dawn")
        dialog._check()
        return dialog.result()

    monkeypatch.setattr(PassphraseDialog, "exec", fill_in)
    task = window.safety.back_up()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert out.is_file() and b"Marta" not in out.read_bytes()
    box = informed(window)
    assert box.text() == "Backup saved" and str(out) in box.informativeText()
    box.close()
    restored_into = tmp_path / "restored"
    assert restore.restore(out, restored_into, "blue heron at dawn").people == 1


def test_passphrases_must_match_or_be_left_out(qtbot):
    dialog = PassphraseDialog(None, confirm=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("one")
    assert dialog.again is not None
    dialog.again.setText("two")
    dialog._check()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted and "differ" in dialog.mismatch.text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "withoutPassphrase"), Qt.MouseButton.LeftButton)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted and dialog.value() is None


def test_trash_dialog_puts_a_deleted_person_back(qtbot, database, open_window, data_dir: Path, monkeypatch):
    kept = people.save(database, Person(name="Marta Okafor"))
    gone = people.save(database, Person(name="Jonas Lindqvist"))
    trash.move_to_trash(database, "people", gone.id, "person", gone.name)
    window = open_window(database)
    dialog = window.safety.show_trash()
    assert dialog.list.topLevelItemCount() == 1 and dialog.list.topLevelItem(0).text(1) == "Jonas Lindqvist"
    assert not dialog.restore_button.isEnabled()
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert {p.name for p in people.list_all(database)} == {kept.name, gone.name}
    assert dialog.list.topLevelItemCount() == 0 and trash.list_entries(database) == []

    trash.move_to_trash(database, "people", kept.id, "person", kept.name)
    dialog.reload()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert trash.list_entries(database) == [] and [p.name for p in people.list_all(database)] == [gone.name]
    dialog.close()


def test_closing_after_a_change_writes_a_rolling_backup(qtbot, database, open_window, data_dir: Path):
    window = open_window(database)
    window.close()
    assert backup.rolling_backups(data_dir / backup.ROLLING_FOLDER) == []  # nothing changed: nothing written

    window = open_window(database)
    people.save(database, Person(name="Marta Okafor"))
    window.close()
    window.close()
    written = backup.rolling_backups(data_dir / backup.ROLLING_FOLDER)
    assert len(written) == 1
    assert restore.restore(written[0], data_dir.parent / "from-rolling").people == 1


def test_restore_asks_then_replaces_the_data_and_closes_the_window(qtbot, database, open_window, data_dir: Path,
                                                                    tmp_path, monkeypatch):
    people.save(database, Person(name="Marta Okafor"))
    saved = backup.create(data_dir, tmp_path / "saved.okbackup").path
    people.save(database, Person(name="Jonas Lindqvist"))
    window = open_window(database)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text: asked.append(text) or
                        QMessageBox.StandardButton.Yes)
    task = window.safety.restore_backup()
    assert task is not None and "current data is kept beside the data folder" in asked[0]
    assert not window.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    box = informed(window)
    assert box.text() == "Backup restored" and "people: 1," in box.informativeText()
    box.close()
    assert not window.isVisible()
    assert backup.rolling_backups(data_dir / backup.ROLLING_FOLDER) == []  # the old connection is not backed up
    assert restore.restore(saved, tmp_path / "again").people == 1
