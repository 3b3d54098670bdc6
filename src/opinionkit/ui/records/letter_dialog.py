"""The request letter: one holder, the items to ask for, a preview, and a PDF kept with the case.

The letter's text is the core's (request_letter.build_html); the PDF comes from
opinionkit.render, as on the command line, and is kept as a document of the case.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSaveFile, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem,
    QMessageBox, QTextBrowser, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.domain.documents import Document
from opinionkit.core.domain.records import Step
from opinionkit.core.errors import InvalidInput, OpinionKitError
from opinionkit.core.services import request_letter, tracker
from opinionkit.ui.details import label
from opinionkit.ui.errors import open_box, show_error
from opinionkit.ui.records.labels import step_label
from opinionkit.ui.style import set_role

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


class LetterDialog(QDialog):
    kept = Signal(object)  # the Document the letter was kept as

    def __init__(self, db: Database, data_dir: Path, case_id: int, holder_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterDialog")
        self.setWindowTitle(_tr("Request letter"))
        self.setAccessibleName(self.windowTitle())
        self._db = db
        self._data_dir = data_dir
        self._case_id = case_id
        self._rows = [row for row in tracker.tracker_rows(db, case_id) if row.holder_id is not None]

        self.holder = QComboBox()
        self.holder.setAccessibleName(_tr("Holder"))
        self.holder.setMinimumContentsLength(24)
        self.holder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        names = {row.holder_id: row.holder_name for row in self._rows}
        for ident, name in sorted(names.items(), key=lambda pair: pair[1].casefold()):
            self.holder.addItem(name, ident)
        waiting = [row.holder_id for row in self._rows if row.status in (Step.NEEDED, Step.REQUESTED)]
        start = holder_id if holder_id in names else (waiting[0] if waiting else None)
        self.holder.setCurrentIndex(max(0, self.holder.findData(start)))
        holder_label = label(_tr("&To"), "field-label", wrap=False)
        holder_label.setBuddy(self.holder)

        self.items = QListWidget()
        self.items.setObjectName("letterItems")
        self.items.setAccessibleName(_tr("Items to ask for"))
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)  # each line; the tooltip has it whole
        self.items.setSpacing(3)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        items_label = label(_tr("&Ask for"), "field-label", wrap=False)
        items_label.setBuddy(self.items)
        self.numbers = label("", "muted")

        self.preview = QTextBrowser()
        self.preview.setObjectName("letterPreview")
        self.preview.setAccessibleName(_tr("Letter preview"))
        self.preview.document().setDefaultFont(QFont("DejaVu Sans", 9))
        self.preview.document().setDocumentMargin(22)
        self.problem = label("", "problem")
        self.problem.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(_tr("Save PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        set_role(self.save_button, "primary")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(_tr("Choose where to save the letter; it is also kept with the case's documents"))
        self.save_button.clicked.connect(self.save_pdf)
        self.buttons.rejected.connect(self.reject)

        choices = QVBoxLayout()
        choices.setSpacing(8)
        choices.addWidget(holder_label)
        choices.addWidget(self.holder)
        choices.addWidget(self.numbers)
        choices.addSpacing(8)
        choices.addWidget(items_label)
        choices.addWidget(self.items, 1)
        choices.addWidget(label(_tr("Each holder gets its own letter. Items without a holder are not listed."),
                                "muted"))
        page = QVBoxLayout()
        page.setSpacing(8)
        page.addWidget(label(_tr("Preview"), "field-label", wrap=False))
        page.addWidget(self.problem)
        page.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(choices, 4)
        columns.addLayout(page, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(14)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        self.holder.currentIndexChanged.connect(self._show_holder)
        self.items.itemChanged.connect(self._show_preview)
        self._show_holder()
        self.resize(1060, 680)

    # Choosing --------------------------------------------------------------------------------

    def holder_id(self) -> int | None:
        return self.holder.currentData()

    def chosen_item_ids(self) -> list[int]:
        return [self.items.item(n).data(ITEM_ID_ROLE) for n in range(self.items.count())
                if self.items.item(n).checkState() == Qt.CheckState.Checked]

    def _show_holder(self) -> None:
        holder_id = self.holder_id()
        self.items.blockSignals(True)  # one preview for the whole list, not one per row
        self.items.clear()
        rows = [row for row in self._rows if row.holder_id == holder_id]
        waiting = set(request_letter.default_item_ids(self._db, self._case_id, holder_id)) if rows else set()
        for row in rows:
            entry = QListWidgetItem(f"{row.label}\n{step_label(row.status)}" + (f" · {row.period}" if row.period else ""))
            entry.setData(ITEM_ID_ROLE, row.id)
            entry.setToolTip(entry.text())
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if row.id in waiting else Qt.CheckState.Unchecked)
            self.items.addItem(entry)
        self.items.blockSignals(False)
        if rows:
            numbers = [_tr("Phone {number}").format(number=rows[0].holder_phone) if rows[0].holder_phone else "",
                       _tr("Fax {number}").format(number=rows[0].holder_fax) if rows[0].holder_fax else ""]
            self.numbers.setText(" · ".join(n for n in numbers if n))
        self._show_preview()

    def _show_preview(self) -> None:
        holder_id, chosen = self.holder_id(), self.chosen_item_ids()
        try:
            if holder_id is None:
                raise InvalidInput("holder_id", _tr(
                    "No item of this case has a holder yet. Open an item and choose who holds it first."))
            if not chosen:
                raise InvalidInput("item_ids", _tr("Tick at least one item to ask for."))
            html = request_letter.build_html(self._db, self._case_id, holder_id, chosen)
        except OpinionKitError as error:
            self.problem.setText(str(error))
            self.problem.show()
            self.preview.clear()
            self.save_button.setEnabled(False)
            return
        self.problem.hide()
        self.preview.setHtml(html)
        self.save_button.setEnabled(True)

    # Saving ----------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        holder_id, chosen = self.holder_id(), self.chosen_item_ids()
        if holder_id is None or not chosen:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = Path(folder) / f"{request_letter.title(self._db, holder_id)}.pdf"
        # The file dialog asks before replacing a file that exists.
        path, _filter = QFileDialog.getSaveFileName(
            self, _tr("Save the request letter"), str(suggested), _tr("PDF documents (*.pdf)"))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
            if target.exists():  # a name the file dialog did not ask about: never replace it unasked
                show_error(self, InvalidInput("output", _tr(
                    "{name} already exists. Choose another name, or choose that file to replace it.").format(
                    name=target.name)))
                return
        try:
            document = self._write(holder_id, chosen, target)
        except OpinionKitError as error:
            show_error(self, error)
            return
        self.kept.emit(document)
        box = QMessageBox(QMessageBox.Icon.Information, _tr("Request letter"), _tr("The letter is saved."),
                          QMessageBox.StandardButton.Ok, self.parentWidget())
        box.setObjectName("letterSaved")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_tr(
            "Saved in {path}.\n\nIt is also kept with this case's documents as “{title}”, linked to the "
            "items it asks for. Print it, sign it and send it to the holder.").format(
            path=target, title=document.title))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.accept()
        open_box(box)

    def _write(self, holder_id: int, item_ids: list[int], target: Path) -> Document:
        from opinionkit.render import html_to_pdf, page_footer  # Qt's PDF writer loads on first use

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            html = request_letter.build_html(self._db, self._case_id, holder_id, item_ids)
            pdf = html_to_pdf(html, title=request_letter.title(self._db, holder_id),
                              footer=page_footer(request_letter.footer_text(self._db, self._case_id)))
            out = QSaveFile(str(target))  # the whole file or nothing, never half a PDF
            if not (out.open(QSaveFile.OpenModeFlag.WriteOnly) and out.write(pdf) == len(pdf) and out.commit()):
                out.cancelWriting()
                raise OpinionKitError(_tr("{path} could not be written: {reason}. Choose another folder.").format(
                    path=target, reason=out.errorString()))
            return request_letter.keep_as_document(
                self._db, self._data_dir, self._case_id, holder_id, item_ids, pdf, target.name)
        finally:
            QApplication.restoreOverrideCursor()
