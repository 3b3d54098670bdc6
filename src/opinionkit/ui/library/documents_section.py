"""The "Documents" section: a case's documents (or all of the person's), opened, edited, unlocked, deleted.

Files dropped on the list are imported into the person (and the case shown);
the window's own drop handling and the File menu do the same from anywhere.
Importing, opening and unlocking go through the window's ``library``
(ui/library/window_library.py), which owns the import and the viewer.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QMessageBox, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget,
)

from opinionkit.core.domain import Case, Person
from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import NotFound, OpinionKitError
from opinionkit.core.services import people
from opinionkit.ui.row_keys import RowDeleteKey
from opinionkit.ui.details import Card, label
from opinionkit.ui.errors import show_error, show_status
from opinionkit.ui.library.document_model import (
    HOLDER, KIND, PAGES, ROW_ID_ROLE, SERVICE_DATE, SORT_ROLE, TEXT, TITLE, DocumentTableModel,
)
from opinionkit.ui.library.drops import dropped_files
from opinionkit.ui.style import set_role
from opinionkit.ui.undo import TrashCommand

if TYPE_CHECKING:
    from opinionkit.ui.library.window_library import WindowLibrary
    from opinionkit.ui.sections import SectionHost

ROW_HEIGHT = 36
CASE_SCOPE, PERSON_SCOPE = "case", "person"


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class DocumentsSection(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.person: Person | None = None
        self.model = DocumentTableModel(host.db, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        header = self._build_header()
        self.table = self._build_table()
        self.empty_card = self._build_empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_card)
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 14, 0, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    @property
    def library(self) -> WindowLibrary | None:
        return getattr(self._host.window, "library", None)

    # Building --------------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.summary = label("", "card-title", wrap=False)
        self.summary.setObjectName("documentsSummary")
        self.summary.setAccessibleName(_tr("Documents summary"))
        self.scope = QComboBox()
        self.scope.setAccessibleName(_tr("Show documents of"))
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(lambda _index: self.reload())
        self.import_button = set_role(QPushButton(_tr("Import documents…")), "primary")
        self.import_button.setAccessibleName(_tr("Import documents"))
        self.import_button.setToolTip(_tr("Add PDF, JPEG, PNG or TIFF files; you can also drop them on the window"))
        self.import_button.clicked.connect(self._choose_files)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.summary)
        row.addSpacing(8)
        row.addWidget(self.scope)
        row.addStretch(1)
        row.addWidget(self.import_button)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("documentsTable")
        table.setAccessibleName(_tr("Documents"))
        table.setAccessibleDescription(_tr(
            "Enter opens the selected document, Delete moves it to the trash. Drop files here to import them."))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorClearable(True)  # a third click goes back to newest first
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not the rows; the title takes the rest, and a long holder is elided.
        width = table.fontMetrics().horizontalAdvance
        for column, sample in ((KIND, "Radiology report"), (SERVICE_DATE, "30 September 2026"),
                               (HOLDER, "Cedar Valley Imaging"), (PAGES, "Pages"), (TEXT, "Locked: password")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width(sample) + (48 if column == TEXT else 24))
        table.activated.connect(lambda _index: self.open_selected())
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        RowDeleteKey(table, self.delete_selected)
        table.viewport().setAcceptDrops(True)
        table.viewport().installEventFilter(self)
        return table

    def _build_empty_state(self) -> QWidget:
        card = Card(_tr("No documents yet"))
        card.body.addWidget(label(_tr(
            "Keep the letters, reports, results and scans here: PDF, JPEG, PNG or TIFF files. They stay on this "
            "computer, and the words of every page can be found with the search box (Ctrl+F)."), "field-value"))
        card.body.addWidget(label(_tr("Drop files anywhere on this window, or choose them:"), "muted"))
        start = set_role(QPushButton(_tr("Import documents…")), "primary")
        start.clicked.connect(self._choose_files)
        card.body.addWidget(start, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(640)
        holder = QWidget()
        holder.setAcceptDrops(False)  # drops go on to the window, which imports them
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 8, 0, 0)
        box.addWidget(card)
        box.addStretch(1)
        return holder

    def _build_buttons(self) -> QHBoxLayout:
        self.open_button = set_role(QPushButton(_tr("Open")), "primary")
        self.open_button.setToolTip(_tr("Show the document in the viewer (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        self.edit_button = QPushButton(_tr("Edit details…"))
        self.edit_button.setToolTip(_tr("Title, kind, date of service, holder and the record items it answers"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.unlock_button = QPushButton(_tr("Unlock…"))
        self.unlock_button.setToolTip(_tr("Give the password of a PDF imported without it, so its words are searchable"))
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.delete_button = set_role(QPushButton(_tr("Delete…")), "danger")
        self.delete_button.setToolTip(_tr("Move the document to the trash; Ctrl+Z brings it back (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        hint = label(_tr("Enter opens · Drop files here to import them"), "muted", wrap=False)
        row = QHBoxLayout()
        row.setSpacing(8)
        for button in (self.open_button, self.edit_button, self.unlock_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(hint)
        return row

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        changed = self.case is None or self.case.id != case.id
        self.case = case
        try:
            self.person = people.get(self._host.db, case.person_id)
        except NotFound:
            return
        if changed:
            self._fill_scope(case_scope=True)
        self.reload()

    def show_person(self, person: Person) -> None:
        self.case, self.person = None, person
        self._fill_scope(case_scope=False)
        self.reload()

    def _fill_scope(self, case_scope: bool) -> None:
        self.scope.blockSignals(True)
        self.scope.clear()
        if case_scope:
            self.scope.addItem(_tr("Of this case"), CASE_SCOPE)
        self.scope.addItem(_tr("All of {name}'s documents").format(name=self.person.name if self.person else ""),
                           PERSON_SCOPE)
        self.scope.setVisible(case_scope)
        self.scope.blockSignals(False)

    def showing_case(self) -> bool:
        return self.case is not None and self.scope.currentData() == CASE_SCOPE

    def reload(self, select: int | None = None) -> None:
        """Read the documents again, keeping the selection (or selecting ``select``)."""
        keep = select if select is not None else self.selected_document_id()
        try:
            if self.showing_case() and self.case is not None:
                self.model.load_case(self.case.id or 0)
            elif self.person is not None:
                self.model.load_person(self.person.id or 0)
        except NotFound:
            return  # the page is about to show something else
        self.pages.setCurrentWidget(self.table if self.model.rowCount() else self.empty_card)
        self._show_summary()
        self.select_document(keep)
        self._update_buttons()

    def _show_summary(self) -> None:
        documents = self.model.documents
        count = len(documents)
        text = _tr("1 document") if count == 1 else _tr("{count} documents").format(count=count)
        without = sum(not d.has_text or d.locked for d in documents)
        if without:
            text += " · " + _tr("{count} without searchable text").format(count=without)
        self.summary.setText(text)

    # Selection -------------------------------------------------------------------------------

    def selected_document_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.data(ROW_ID_ROLE)

    def selected_document(self) -> Document | None:
        row = self.model.row_of(self.selected_document_id() or -1)
        return None if row is None else self.model.document_at(row)

    def select_document(self, document_id: int | None) -> None:
        row = self.model.row_of(document_id) if document_id is not None else None
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, TITLE))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_buttons(self, *_: object) -> None:
        document = self.selected_document()
        for button in (self.open_button, self.edit_button, self.delete_button):
            button.setEnabled(document is not None)
        self.unlock_button.setEnabled(document is not None and document.locked)
        self.unlock_button.setVisible(any(d.locked for d in self.model.documents))

    # Doing -----------------------------------------------------------------------------------

    def _choose_files(self) -> None:
        if self.library is not None:
            self.library.choose_and_import()

    def open_selected(self) -> None:
        document = self.selected_document()
        if document is not None and self.library is not None:
            self.library.open_document(document.id or 0)

    def unlock_selected(self) -> None:
        document = self.selected_document()
        if document is not None and document.locked and self.library is not None:
            self.library.unlock(document.id or 0)

    def edit_selected(self) -> None:
        from opinionkit.ui.library.document_dialog import DocumentDialog

        document = self.selected_document()
        if document is None:
            return
        dialog = DocumentDialog(self._host.db, document, self.case.id if self.case else None, parent=self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved))
        dialog.open()

    def _saved(self, document: Document) -> None:
        self.reload(select=document.id)
        self._say(_tr("Saved the details of “{title}”.").format(title=document.title))

    def delete_selected(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Delete"),
                          _tr("Delete “{title}”?").format(title=document.title), QMessageBox.StandardButton.NoButton,
                          self.window())
        box.setObjectName("confirmDeleteDocument")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_tr("Its pages leave the search and its links to record items go with it. "
                                   "You can bring it back with Edit ▸ Undo (Ctrl+Z)."))
        delete_button = box.addButton(_tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete_button.setObjectName("deleteButton")
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._delete(document) if button is delete_button else None)
        box.open()

    def _delete(self, document: Document) -> None:
        self._host.undo_stack.push(TrashCommand(
            self._host.db, "documents", document.id or 0, "document", document.title, self._trash_changed, self._report))

    def _trash_changed(self, _table: str, document_id: int, present: bool) -> None:
        self.reload(select=document_id if present else None)
        if present:
            self._say(_tr("The document is back."))
        else:
            self._say(_tr("Deleted the document. Press Ctrl+Z to bring it back."))

    # Keys, drops and messages ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport():
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
                if dropped_files(event.mimeData()):
                    event.acceptProposedAction()
                    return True
            elif event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
                paths = dropped_files(event.mimeData())
                if paths and self.library is not None:
                    event.acceptProposedAction()
                    self.library.import_paths(paths)
                    return True
        return super().eventFilter(watched, event)

    def _say(self, message: str) -> None:
        show_status(self._host.window, message)

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr(
                "This could not be done because the document changed in the meantime. Nothing was changed."))
        show_error(self.window(), error)
        self.reload()
