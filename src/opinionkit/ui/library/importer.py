"""One import in the window: files run on a worker, protected PDFs ask for their password, a summary ends it.

The batch runs as an ImportTask behind a window-modal progress dialog with
Cancel. Each PDF that needs a password is asked for afterwards, one at a
time, and tried again with it (or imported without its text, or skipped).
``finished`` carries the whole outcome as one ImportReport.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services.library import ImportFailure, ImportReport
from opinionkit.ui.errors import open_box, show_error
from opinionkit.ui.library.import_progress import ImportProgress
from opinionkit.ui.library.import_task import ImportTask
from opinionkit.ui.library.password_dialog import Choice, PasswordDialog

#: Imported files listed by name in the summary; more are counted.
LISTED_FILES = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class Importer(QObject):
    finished = Signal(object)  # the ImportReport of everything this import did

    def __init__(self, parent: QWidget, data_dir: Path, person_id: int, case_id: int | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._data_dir = data_dir
        self.person_id = person_id
        self.case_id = case_id
        self.report = ImportReport()
        self.progress = ImportProgress(parent)
        self.progress.cancel_requested.connect(lambda: self.task is not None and self.task.cancel())
        self.task: ImportTask | None = None
        self.summary: QMessageBox | None = None
        self.password_dialog: PasswordDialog | None = None
        self._locked: list[ImportFailure] = []  # waiting for their password
        self._retrying: tuple[ImportFailure, bool] | None = None  # (file, a password was given)

    def start(self, paths: Sequence[str | Path]) -> None:
        self._run([Path(p) for p in paths])

    # Running ---------------------------------------------------------------------------------

    def _run(self, paths: list[Path], password: str | None = None, allow_without_text: bool = False) -> None:
        task = ImportTask(self._data_dir, paths, person_id=self.person_id, case_id=self.case_id,
                          password=password, allow_without_text=allow_without_text)
        self.progress.begin(paths, None if self._retrying is None else _tr("Importing {name}").format(
            name=paths[0].name))
        task.progress.connect(self.progress.files_done)
        task.pages.connect(self.progress.pages_done)
        task.finished.connect(self._ran)
        task.failed.connect(self._broke)
        self.task = task.start()

    def _ran(self, report: ImportReport) -> None:
        self.report.imported += report.imported
        retrying, self._retrying = self._retrying, None
        for failure in report.failed:
            if failure.needs_password and not report.cancelled:
                if retrying is not None and retrying[1]:
                    self._ask(failure, wrong=True)  # the password given was wrong: ask again
                    return
                self._locked.append(failure)
            else:
                self.report.failed.append(failure)
        if report.cancelled:
            self.report.cancelled = True
            self.report.failed += self._locked  # never asked for: say they were not imported
            self._locked = []
        self._next()

    def _broke(self, error: Exception) -> None:
        self.progress.finish()
        self._retrying = None
        self.finished.emit(self.report)
        if not isinstance(error, OpinionKitError):
            raise error  # unexpected: the excepthook logs it and tells the person once
        show_error(self._parent, error)

    def _next(self) -> None:
        if self._locked:
            self._ask(self._locked.pop(0), wrong=False)
        else:
            self._finish()

    # Passwords -------------------------------------------------------------------------------

    def _ask(self, failure: ImportFailure, wrong: bool) -> None:
        self.progress.hide()
        dialog = PasswordDialog(failure.path.name, wrong=wrong, parent=self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._answered(failure, dialog.choice, dialog.password()))
        self.password_dialog = dialog
        dialog.open()

    def _answered(self, failure: ImportFailure, choice: Choice, password: str) -> None:
        self.password_dialog = None
        if choice is Choice.PASSWORD:
            self._retrying = (failure, True)
            self._run([failure.path], password=password)
        elif choice is Choice.WITHOUT_TEXT:
            self._retrying = (failure, False)
            self._run([failure.path], allow_without_text=True)
        else:
            self.report.failed.append(ImportFailure(
                failure.path, _tr("it is protected by a password and no password was given, so it was not imported."),
                needs_password=True))
            self._next()

    # The end ---------------------------------------------------------------------------------

    def _finish(self) -> None:
        self.progress.finish()
        if self.report.failed or self.report.cancelled:
            self.summary = open_box(summary_box(self._parent, self.report))
        self.finished.emit(self.report)


def summary_box(parent: QWidget | None, report: ImportReport) -> QMessageBox:
    """What did not go in and why, by name, then what did."""
    added = [done for done in report.imported if not done.already_there]
    again = [done for done in report.imported if done.already_there]
    if report.cancelled:
        title = _tr("The import was stopped")
    elif not report.imported:
        title = _tr("Nothing was imported")
    else:
        title = _tr("Some files could not be imported")
    parts = []
    if report.cancelled:
        parts.append(f"<p>{escape(_tr('The file being read when you stopped was not kept.'))}</p>")
    if report.failed:
        parts.append(_section(_tr("Not imported ({count})").format(count=len(report.failed)), [
            f"<b>{escape(failure.path.name)}</b>: {escape(failure.reason)}" for failure in report.failed]))
    if added:
        names = [escape(done.path.name) for done in added[:LISTED_FILES]]
        if len(added) > LISTED_FILES:
            names.append(escape(_tr("and {count} more").format(count=len(added) - LISTED_FILES)))
        parts.append(_section(_tr("Imported ({count})").format(count=len(added)), names))
    if again:
        parts.append(_section(_tr("Already in the library ({count})").format(count=len(again)),
                              [escape(done.path.name) for done in again[:LISTED_FILES]]))
    box = QMessageBox(QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information,
                      _tr("Import documents"), title, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("importSummary")
    box.setTextFormat(Qt.TextFormat.RichText)  # the file names and reasons are escaped
    box.setText(f"<b>{escape(title)}</b>")
    box.setInformativeText("".join(parts))
    box.setAccessibleName(title)
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 520px; }")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _section(heading: str, entries: list[str]) -> str:
    items = "".join(f"<li>{entry}</li>" for entry in entries)
    return f"<p style='margin-bottom:2px'>{escape(heading)}:</p><ul style='margin-top:0'>{items}</ul>"


def done_message(report: ImportReport) -> str:
    """One line for the status bar."""
    added = sum(not done.already_there for done in report.imported)
    again = len(report.imported) - added
    parts = []
    if added:
        parts.append(_tr("Imported 1 document.") if added == 1 else
                     _tr("Imported {count} documents.").format(count=added))
    if again:
        parts.append(_tr("1 was already in the library.") if again == 1 else
                     _tr("{count} were already in the library.").format(count=again))
    if report.failed:
        parts.append(_tr("1 file could not be imported.") if len(report.failed) == 1 else
                     _tr("{count} files could not be imported.").format(count=len(report.failed)))
    if report.cancelled:
        parts.append(_tr("Stopped on request."))
    return " ".join(parts) or _tr("Nothing was imported.")
