"""Data safety's part of the main window: File ▸ Back up…, Restore from backup…, Check my data…,
Edit ▸ Trash…, and a rolling backup when the window closes after changes.

The window builds one ``WindowSafety`` when it opens and keeps it as ``window.safety``.
Backups, restores and the check run off the GUI thread (ui/tasks.py); each opens
the data folder itself, never the window's database.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from opinionkit.core.errors import OpinionKitError
from opinionkit.ui.errors import open_box, show_error
from opinionkit.ui.tasks import Task

if TYPE_CHECKING:
    from opinionkit.core.safety import backup, check, restore
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.safety.trash_dialog import TrashDialog

log = logging.getLogger(__name__)

BACKUP_FILTER = "OpinionKit backups (*.okbackup)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("safety", text)


def _backup_then_report(data_dir: Path, out_path: Path, passphrase: str | None, progress, cancel):  # noqa: ANN001, ANN202
    from opinionkit.core.safety import backup

    del cancel  # a backup is written whole or not at all
    return backup.create(data_dir, out_path, passphrase, progress, overwrite=True)


def _restore(backup_path: Path, data_dir: Path, passphrase: str | None, progress, cancel):  # noqa: ANN001, ANN202
    from opinionkit.core.safety import restore

    del progress, cancel
    return restore.restore(backup_path, data_dir, passphrase, force=True)


def _check(data_dir: Path, progress, cancel):  # noqa: ANN001, ANN202
    from opinionkit.core.safety import check

    del progress, cancel
    return check.run(data_dir)


class WindowSafety(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.restored = False
        self.trash_dialog: TrashDialog | None = None
        self._changes_at_open = self._change_marks()

        self.backup_action = self._action(_tr("&Back up…"), "backUp", self.back_up,
                                          _tr("Save all your data and documents in one file"))
        self.restore_action = self._action(_tr("&Restore from backup…"), "restoreBackup", self.restore_backup,
                                           _tr("Replace the data shown now by the data of a backup file"))
        self.check_action = self._action(_tr("&Check my data…"), "checkData", self.check_data,
                                         _tr("Check the database and every stored document"))
        menu = window.file_menu
        before = next((a for a in menu.actions() if a.isSeparator()), window.quit_action)
        for action in (self.backup_action, self.restore_action, self.check_action):
            menu.insertAction(before, action)
        menu.insertSeparator(self.backup_action)

        self.trash_action = self._action(_tr("&Trash…"), "trash", self.show_trash,
                                         _tr("Deleted items: put them back or delete them for good"))
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.trash_action)
        window.installEventFilter(self)

    def _action(self, text: str, name: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _busy(self, task: Task, message: str) -> Task:
        self.task = task
        for action in (self.backup_action, self.restore_action, self.check_action):
            action.setEnabled(False)
        self.window.statusBar().showMessage(message)
        task.finished.connect(self._idle)
        task.failed.connect(self._idle)
        return task.start()

    def _idle(self, _outcome: object) -> None:
        self.task = None
        for action in (self.backup_action, self.restore_action, self.check_action):
            action.setEnabled(True)
        self.window.statusBar().clearMessage()

    def _failed(self, error: object) -> None:
        if isinstance(error, OpinionKitError):
            show_error(self.window, error)
        else:
            log.error("a data safety task failed", exc_info=error if isinstance(error, BaseException) else None)
            show_error(self.window, OpinionKitError(_tr("Something went wrong: {error}").format(error=error)))

    def _inform(self, title: str, text: str, details: str = "") -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, _tr("OpinionKit"), title, QMessageBox.StandardButton.Ok,
                          self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(text)
        if details:
            box.setDetailedText(details)
        box.setAccessibleName(title)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return open_box(box)

    # Backup ----------------------------------------------------------------------------------

    def back_up(self) -> Task | None:
        from opinionkit.ui.safety.passphrase_dialog import ask_passphrase
        from opinionkit.ui.save_file import choose_save_path

        path = choose_save_path(self.window, _tr("Back up"), _tr("OpinionKit backup.okbackup"),
                                _tr(BACKUP_FILTER), ".okbackup")
        if path is None:
            return None
        chosen, passphrase = ask_passphrase(self.window, confirm=True)
        if not chosen:
            return None
        task = Task(_backup_then_report, self.window.data_dir, path, passphrase)
        task.finished.connect(self._backed_up)
        task.failed.connect(self._failed)
        return self._busy(task, _tr("Backing up…"))

    def _backed_up(self, report: backup.BackupReport) -> None:
        how = _tr("It is encrypted: keep the passphrase safe, the backup cannot be opened without it.") \
            if report.encrypted else _tr("It is not encrypted: anyone with the file can read it.")
        self._inform(_tr("Backup saved"), _tr(
            "Saved {files} files, {documents} of them documents, in:\n{path}\n{how}",
        ).format(files=report.files, documents=report.documents, path=report.path, how=how))

    # Restore ---------------------------------------------------------------------------------

    def restore_backup(self) -> Task | None:
        from opinionkit.core.safety.crypto import MAGIC, is_encrypted
        from opinionkit.ui.safety.passphrase_dialog import ask_passphrase

        chosen, _filter = QFileDialog.getOpenFileName(self.window, _tr("Restore from backup"), "",
                                                      _tr(BACKUP_FILTER) + ";;" + _tr("All files (*)"))
        if not chosen:
            return None
        path = Path(chosen)
        passphrase = None
        try:
            with path.open("rb") as source:
                encrypted = is_encrypted(source.read(len(MAGIC)))
        except OSError as error:
            show_error(self.window, OpinionKitError(_tr("The backup {path} cannot be read ({error}).").format(
                path=path, error=error.strerror or error)))
            return None
        if encrypted:
            ok, passphrase = ask_passphrase(self.window, confirm=False)
            if not ok:
                return None
        if QMessageBox.question(
            self.window, _tr("Restore from backup"),
            _tr("This replaces the data shown now; the current data is kept beside the data folder.\n\n"
                "Restore from {name}?").format(name=path.name),
        ) != QMessageBox.StandardButton.Yes:
            return None
        self.window.setEnabled(False)  # nothing may change the data while it is replaced
        task = Task(_restore, path, self.window.data_dir, passphrase)
        task.finished.connect(self._restored)
        task.failed.connect(self._restore_failed)
        return self._busy(task, _tr("Restoring…"))

    def _restore_failed(self, error: object) -> None:
        self.window.setEnabled(True)  # the restore checks everything first: the data is as it was
        self._failed(error)

    def _restored(self, report: restore.RestoreReport) -> None:
        self.restored = True  # the window's database is now the set-aside copy: no rolling backup of it
        aside = _tr("\nThe previous data is kept in:\n{path}").format(path=report.set_aside) if report.set_aside else ""
        box = self._inform(_tr("Backup restored"), _tr(
            "Restored into {folder}:\npeople: {people}, cases: {cases}, documents: {documents} ({files} files)."
            "{aside}"
            "\n\nStart OpinionKit again to see the restored data. This window closes now.",
        ).format(people=report.people, cases=report.cases, documents=report.documents, files=report.files,
                 folder=report.data_dir, aside=aside))
        box.finished.connect(lambda _result: self.window.close())

    # Check -----------------------------------------------------------------------------------

    def check_data(self) -> Task:
        task = Task(_check, self.window.data_dir)
        task.finished.connect(self._checked)
        task.failed.connect(self._failed)
        return self._busy(task, _tr("Checking your data…"))

    def _checked(self, report: check.CheckReport) -> None:
        if report.ok:
            self._inform(_tr("Everything is in order"), report.summary())
        else:
            self._inform(_tr("Problems found"), report.summary() + "\n\n" + "\n".join(f"• {p}" for p in report.problems))

    # Trash -----------------------------------------------------------------------------------

    def show_trash(self) -> TrashDialog:
        from opinionkit.ui.safety.trash_dialog import TrashDialog

        if self.trash_dialog is None:
            self.trash_dialog = TrashDialog(self.window, self.window.db, self.window.data_dir)
            self.trash_dialog.changed.connect(self.window.refresh)
        self.trash_dialog.reload()
        self.trash_dialog.show()
        self.trash_dialog.raise_()
        self.trash_dialog.list.setFocus()
        return self.trash_dialog

    # Rolling backups -------------------------------------------------------------------------

    def _change_marks(self) -> tuple[int, int]:
        """This connection's own writes and SQLite's count of other connections' commits (background tasks)."""
        db = self.window.db
        return db.conn.total_changes, db.execute("PRAGMA data_version").fetchone()[0]

    def changed_since_open(self) -> bool:
        try:
            return self._change_marks() != self._changes_at_open
        except Exception:  # noqa: BLE001 - a closed database has nothing new to keep
            return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and not self.restored \
                and self.changed_since_open():
            try:
                from opinionkit.core.safety import backup

                backup.rolling(self.window.data_dir)
                self._changes_at_open = self._change_marks()  # closed twice: one backup
            except Exception:  # noqa: BLE001 - a failed automatic backup must not keep the window open
                log.exception("the automatic backup at closing failed")
        return super().eventFilter(watched, event)
