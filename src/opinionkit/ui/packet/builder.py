"""One build of the packet in the window: where to save, the work off the GUI thread, problems, the summary.

The person picks the PDF (the save dialog asks before replacing a file, so the
build may then overwrite) and, when asked for, the zip. The build runs as a
BuildTask behind a window-modal progress dialog with Cancel. Documents whose
files are missing or changed are named with the reason; the person may leave
them out and build again. ``finished`` carries the BuildResult, or None.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QProgressDialog, QPushButton, QWidget

from opinionkit.core.errors import Cancelled, OpinionKitError
from opinionkit.core.packet.build import BuildResult
from opinionkit.core.packet.plan import PacketPlan
from opinionkit.core.packet.sources import PacketProblem
from opinionkit.ui.errors import open_box, show_error
from opinionkit.ui.packet.build_task import STEPS, BuildTask

# The core's progress messages, so that they can be translated.
_STEP_MESSAGES = [
    QT_TRANSLATE_NOOP("packet", "Laying out the cover, contents and summary pages"),
    QT_TRANSLATE_NOOP("packet", "Numbering the pages"),
    QT_TRANSLATE_NOOP("packet", "Putting the pages together"),
    QT_TRANSLATE_NOOP("packet", "Writing the PDF"),
    QT_TRANSLATE_NOOP("packet", "Writing the packet folder"),
    QT_TRANSLATE_NOOP("packet", "Finishing"),
    QT_TRANSLATE_NOOP("packet", "Done"),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("packet", text)


class PacketBuilder(QObject):
    finished = Signal(object)  # the BuildResult, or None when nothing was made

    def __init__(self, parent: QWidget, data_dir: Path, plan: PacketPlan, suggested_name: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._data_dir = data_dir
        self._plan = plan
        self._suggested = suggested_name
        self.output: Path | None = None
        self.zip_path: Path | None = None
        self.leave_out: list[int] = []
        self.task: BuildTask | None = None
        self.progress: QProgressDialog | None = None
        self.problem_box: QMessageBox | None = None
        self.summary: QMessageBox | None = None

    def start(self, with_zip: bool) -> bool:
        """Ask where to save, then build; False when the person cancelled a save dialog."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, _tr("Save the records packet"), str(Path.home() / f"{self._suggested}.pdf"),
            _tr("PDF files (*.pdf)"))
        if not chosen:
            return False
        self.output = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        if with_zip:
            chosen_zip, _filter = QFileDialog.getSaveFileName(
                self._parent, _tr("Save the packet folder"), str(self.output.with_suffix(".zip")),
                _tr("Zip files (*.zip)"))
            if not chosen_zip:
                return False
            self.zip_path = Path(chosen_zip) if chosen_zip.lower().endswith(".zip") else Path(chosen_zip + ".zip")
        self._run()
        return True

    # Running ---------------------------------------------------------------------------------

    def _run(self) -> None:
        assert self.output is not None
        # The save dialogs asked before replacing a file, so the build may replace it.
        task = BuildTask(self._data_dir, self._plan, self.output, zip_path=self.zip_path, overwrite=True,
                         leave_out=self.leave_out)
        progress = QProgressDialog(_tr("Getting ready…"), _tr("Cancel"), 0, STEPS, self._parent)
        progress.setWindowTitle(_tr("Making the records packet"))
        progress.setAccessibleName(_tr("Making the records packet"))
        progress.setObjectName("packetProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(480)
        # Our own bar, set directly: QProgressDialog.setValue runs the event loop when modal,
        # and the build's end could then arrive in the middle of a progress step.
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setAccessibleName(_tr("Packet progress"))
        progress.setBar(self.bar)
        progress.canceled.connect(self._cancel)
        task.step.connect(self._stepped)
        task.finished.connect(self._built)
        task.failed.connect(self._broke)
        self.progress = progress
        self.task = task.start()
        progress.show()

    def _stepped(self, done: int, message: str) -> None:
        if self.progress is not None and not self.progress.wasCanceled():
            self.bar.setValue(done)
            self.progress.setLabelText(_tr(message))

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.progress is not None:
            self.progress.setLabelText(_tr("Stopping… nothing is kept."))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _built(self, result: BuildResult) -> None:
        self._close_progress()
        self.task = None
        self.summary = open_box(summary_box(self._parent, result))
        self.finished.emit(result)

    def _broke(self, error: Exception) -> None:
        self._close_progress()
        self.task = None
        if isinstance(error, PacketProblem):
            self.problem_box = open_box(problem_box(self._parent, error))
            self.problem_box.buttonClicked.connect(lambda button: self._answered(error, button))
            return
        self.finished.emit(None)
        if isinstance(error, Cancelled):
            return  # the person asked for it; the core left nothing behind
        if not isinstance(error, OpinionKitError):
            raise error  # unexpected: the excepthook logs it and tells the person once
        show_error(self._parent, error)

    def _answered(self, problem: PacketProblem, button: QPushButton) -> None:
        box, self.problem_box = self.problem_box, None
        if box is not None and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            self.leave_out = sorted(set(self.leave_out) | set(problem.document_ids))
            self._run()
        else:
            self.finished.emit(None)


def problem_box(parent: QWidget | None, problem: PacketProblem) -> QMessageBox:
    """Each document whose file is missing or changed, and why; leave them out, or stop."""
    count = len(problem.problems)
    title = (_tr("One document cannot go into the packet") if count == 1
             else _tr("{count} documents cannot go into the packet").format(count=count))
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Records packet"), title, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("packetProblems")
    box.setTextFormat(Qt.TextFormat.RichText)  # titles and reasons are escaped
    box.setText(f"<b>{escape(title)}</b>")
    entries = "".join(f"<li><b>{escape(p.title)}</b>: {escape(_reason(p.reason))}</li>" for p in problem.problems)
    advice = (_tr("Import the file again from the Documents tab to include it, or leave it out of this packet; "
                  "the records index will say it is not included.") if count == 1 else
              _tr("Import the files again from the Documents tab to include them, or leave them out of this "
                  "packet; the records index will say they are not included."))
    box.setInformativeText(f"<ul style='margin-top:0'>{entries}</ul><p>{escape(advice)}</p>")
    leave = box.addButton(_tr("Leave them out and build") if count > 1 else _tr("Leave it out and build"),
                          QMessageBox.ButtonRole.AcceptRole)
    leave.setObjectName("leaveOutButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setAccessibleName(title)
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 480px; }")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def summary_box(parent: QWidget | None, result: BuildResult) -> QMessageBox:
    """Pages, documents, what was left out and why, and where the files are."""
    title = _tr("The records packet is ready")
    documents = len(result.included)
    parts = [escape(_tr("{pages} pages: {front} of cover, contents and summaries, then {documents} documents.")
                    .format(pages=result.pages, front=result.front_pages, documents=documents)
                    if documents != 1 else
                    _tr("{pages} pages: {front} of cover, contents and summaries, then 1 document.")
                    .format(pages=result.pages, front=result.front_pages))]
    if result.left_out:
        entries = "".join(f"<li><b>{escape(left.document.title)}</b>: {escape(_reason(left.reason))}</li>"
                          for left in result.left_out)
        parts.append(f"<p style='margin-bottom:2px'>{escape(_tr('Left out ({count}):').format(count=len(result.left_out)))}"
                     f"</p><ul style='margin-top:0'>{entries}</ul>")
    parts.append(f"<p>{escape(_tr('Saved as {path}').format(path=result.path))}</p>")
    if result.zip_path is not None:
        parts.append(f"<p>{escape(_tr('The packet folder: {path}').format(path=result.zip_path))}</p>")
    box = QMessageBox(QMessageBox.Icon.Information, _tr("Records packet"), title, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("packetSummary")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<b>{escape(title)}</b>")
    box.setInformativeText("<p>" + parts[0] + "</p>" + "".join(parts[1:]))
    box.setAccessibleName(title)
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 480px; }")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


def _reason(reason: str) -> str:
    """The core's reason as a sentence: "its file is missing…" becomes "Its file is missing…"."""
    text = _tr(reason)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
