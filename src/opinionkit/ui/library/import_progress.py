"""The progress of an import: which file, which page, one bar for the whole batch, and Cancel."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from opinionkit.ui.details import label

#: Steps of the bar per file: pages move it smoothly within the file.
_STEPS = 1000


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class ImportProgress(QDialog):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _tr("Importing documents")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("importProgress")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._paths: list[Path] = []
        self._file = 0
        self.heading = label("", "card-title")
        self.file_label = label("", "field-value")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.page_label = label("", "muted")
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_tr("Import progress"))
        self.bar.setTextVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setToolTip(_tr("Stop after the file being read; it is not kept (Esc)"))
        self.buttons.rejected.connect(self.request_cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        for widget in (self.heading, self.file_label, self.page_label, self.bar, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)

    def begin(self, paths: Sequence[Path], heading: str | None = None) -> None:
        """Show the progress of a new run over ``paths``."""
        self._paths = list(paths)
        self._file = 0
        self.heading.setText(heading or (
            _tr("Importing 1 file") if len(self._paths) == 1
            else _tr("Importing {count} files").format(count=len(self._paths))))
        self.cancel_button.setEnabled(True)
        self.bar.setRange(0, max(1, len(self._paths)) * _STEPS)
        self.bar.setValue(0)
        self._show_file()
        self.page_label.setText(_tr("Opening…"))
        if not self.isVisible():
            self.open()

    def files_done(self, done: int, total: int) -> None:
        self._file = done
        self.bar.setValue(done * _STEPS)
        if done < len(self._paths):
            self._show_file()
            self.page_label.setText(_tr("Opening…"))

    def pages_done(self, done: int, total: int) -> None:
        if total:
            self.page_label.setText(_tr("Reading page {done} of {total}").format(done=done, total=total))
            self.bar.setValue(self._file * _STEPS + done * _STEPS // total)

    def request_cancel(self) -> None:
        if self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.page_label.setText(_tr("Stopping… the file being read is not kept."))
            self.cancel_requested.emit()

    def _show_file(self) -> None:
        if not self._paths:
            return
        name = self._paths[min(self._file, len(self._paths) - 1)].name
        if len(self._paths) == 1:
            self.file_label.setText(name)
        else:
            self.file_label.setText(_tr("File {number} of {count}: {name}").format(
                number=min(self._file + 1, len(self._paths)), count=len(self._paths), name=name))

    # Esc and the close box cancel the import instead of hiding the dialog while it runs.

    def reject(self) -> None:
        self.request_cancel()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.request_cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.request_cancel()

    def finish(self) -> None:
        """Close for good once the work has stopped."""
        self.done(QDialog.DialogCode.Accepted)
