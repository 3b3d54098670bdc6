"""The library's part of the main window: File ▸ Import documents…, files dropped on the window,
the search box (Ctrl+F), the viewer, and unlocking a PDF imported without its password.

The window builds one ``WindowLibrary`` when it opens and keeps it as
``window.library``; the Documents sections reach it there. Files go to the
person shown, and to the case when a case page is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QWidget

from opinionkit.core.errors import Cancelled, NotFound, OpinionKitError, WrongPassword
from opinionkit.core.services import library
from opinionkit.core.services.library import ImportReport
from opinionkit.ui.errors import show_error
from opinionkit.ui.library.drops import dropped_files
from opinionkit.ui.library.search_box import SearchBox

if TYPE_CHECKING:
    from opinionkit.ui.library.importer import Importer
    from opinionkit.ui.library.viewer import DocumentViewer
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.tasks import Task

FILE_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"
LAST_FOLDER_KEY = "library/last_folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class WindowLibrary(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.importer: Importer | None = None  # the import running
        self.last_import: Importer | None = None
        self.viewer: DocumentViewer | None = None
        self.unlock_task: Task | None = None

        self.import_action = QAction(_tr("&Import documents…"), window)
        self.import_action.setObjectName("importDocuments")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(_tr("Import PDF, JPEG, PNG or TIFF files (Ctrl+I); or drop them on the window"))
        self.import_action.triggered.connect(self.choose_and_import)
        window.addAction(self.import_action)
        window.file_menu.insertAction(window.quit_action, self.import_action)
        window.file_menu.insertSeparator(window.quit_action)

        self.search = SearchBox(window, self)
        self.find_action = QAction(_tr("&Find in documents and records"), window)
        self.find_action.setObjectName("find")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.search.focus)
        window.addAction(self.find_action)
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.find_action)

        window.toolbar.addSeparator()
        window.toolbar.addAction(self.import_action)
        # In the menu bar's corner, not the toolbar: a narrow window moves toolbar items into its
        # overflow menu, and the search box must stay where Ctrl+F can reach it.
        self.search_corner = QWidget()  # held: PySide does not see the menu bar take it over
        self.search_corner.setObjectName("searchCorner")
        row = QHBoxLayout(self.search_corner)
        row.setContentsMargins(0, 2, 8, 2)
        # As tall as the menu titles, so that the menu bar keeps its height.
        self.search.edit.setStyleSheet(
            "QLineEdit#searchBox { padding: 1px 8px; border-radius: 5px; }"
            "QLineEdit#searchBox:focus { padding: 0px 7px; }")
        row.addWidget(self.search.edit)
        window.menuBar().setCornerWidget(self.search_corner, Qt.Corner.TopRightCorner)

        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # Importing -------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        if not self._can_import():
            return
        settings = self.window.settings
        folder = str(settings.value(LAST_FOLDER_KEY, "")) if settings is not None else ""
        chosen, _filter = QFileDialog.getOpenFileNames(
            self.window, _tr("Import documents"), folder,
            _tr("Documents: PDF, JPEG, PNG, TIFF ({patterns});;All files (*)").format(patterns=FILE_FILTER))
        if chosen:
            if settings is not None:
                settings.setValue(LAST_FOLDER_KEY, str(Path(chosen[0]).parent))
            self.import_paths([Path(p) for p in chosen])

    def import_paths(self, paths: Sequence[Path]) -> Importer | None:
        """Import ``paths`` into the person shown (and the case shown); None when that cannot start now."""
        from opinionkit.ui.library.importer import Importer

        if not paths or not self._can_import():
            return None
        window = self.window
        case_id = window.case_id if window.page == "case" else None
        if self.last_import is not None:  # kept until now so that its outcome could be read
            self.last_import.progress.deleteLater()
            self.last_import.deleteLater()
        importer = Importer(window, window.data_dir, window.person_id or 0, case_id)
        importer.finished.connect(self._imported)
        self.importer = importer
        importer.start(paths)
        return importer

    def busy(self) -> bool:
        return self.importer is not None

    def _can_import(self) -> bool:
        if self.busy():
            self.window.statusBar().showMessage(_tr("An import is still running: wait for it to finish."), 8000)
            return False
        if self.window.person_id is None:
            show_error(self.window, OpinionKitError(_tr(
                "Documents belong to a person: add the person first (File ▸ New person), then import.")))
            return False
        return True

    def _imported(self, report: ImportReport) -> None:
        from opinionkit.ui.library.importer import done_message

        self.last_import, self.importer = self.importer, None
        self.window.statusBar().showMessage(done_message(report), 10_000)
        if report.imported:
            self._show_documents(report.imported[0].document.id)
        else:
            self.reload_documents()

    def _show_documents(self, select: int | None) -> None:
        """Bring the Documents tab of the page shown forward, with the first new document selected."""
        window = self.window
        page = {"case": lambda: window.case_page, "person": lambda: window.person_page}.get(window.page)
        if page is not None and window.stack.currentWidget() is page():
            page().show_section("documents")
        self.reload_documents(select)

    def reload_documents(self, select: int | None = None) -> None:
        from opinionkit.ui.library.documents_section import DocumentsSection

        for section in self.window.findChildren(DocumentsSection):
            section.reload(select=select)

    # Viewing ---------------------------------------------------------------------------------

    def open_document(self, document_id: int, page: int = 1) -> DocumentViewer | None:
        from opinionkit.ui.library.viewer import DocumentViewer

        try:
            document = library.get(self.window.db, document_id)
        except NotFound as error:
            show_error(self.window, error)
            self.reload_documents()
            return None
        if self.viewer is None:
            self.viewer = DocumentViewer(self.window.data_dir, self.window)
            self.viewer.unlock_requested.connect(self.unlock)
        self.viewer.show_document(document, page)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer

    # Unlocking -------------------------------------------------------------------------------

    def unlock(self, document_id: int, wrong: bool = False) -> None:
        from opinionkit.ui.library.password_dialog import Choice, PasswordDialog

        try:
            document = library.get(self.window.db, document_id)
        except NotFound as error:
            show_error(self.window, error)
            return
        parent = self.viewer if self.viewer is not None and self.viewer.isVisible() else self.window
        dialog = PasswordDialog(document.filename, wrong=wrong, offer_without_text=False, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: dialog.choice is Choice.PASSWORD and self._unlock_with(
            document_id, document.filename, dialog.password()))
        dialog.open()

    def _unlock_with(self, document_id: int, filename: str, password: str) -> None:
        from opinionkit.ui.library.import_progress import ImportProgress
        from opinionkit.ui.library.import_task import unlock_document
        from opinionkit.ui.tasks import Task

        progress = ImportProgress(self.window)
        progress.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        progress.begin([Path(filename)], _tr("Unlocking {name}").format(name=filename))
        task = Task(unlock_document, self.window.data_dir, document_id, password)
        progress.cancel_requested.connect(task.cancel)
        task.progress.connect(progress.pages_done)

        def unlocked(_document: object) -> None:
            progress.finish()
            self.window.statusBar().showMessage(_tr("Unlocked: its words can now be searched."), 8000)
            self.reload_documents(document_id)
            if self.viewer is not None and self.viewer.isVisible() and self.viewer.document is not None \
                    and self.viewer.document.id == document_id:
                self.open_document(document_id)

        def failed(error: Exception) -> None:
            progress.finish()
            if isinstance(error, WrongPassword):
                self.unlock(document_id, wrong=True)
            elif isinstance(error, Cancelled):
                self.window.statusBar().showMessage(_tr("Unlocking stopped: the document stays locked."), 8000)
            elif isinstance(error, OpinionKitError):
                show_error(self.window, error)
            else:
                raise error

        task.finished.connect(unlocked)
        task.failed.connect(failed)
        self.unlock_task = task.start()  # held here: the pool lets go of it before its slots have run

    # Files dropped on the window -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragMoveEvent):
                if dropped_files(event.mimeData()):
                    event.acceptProposedAction()
                    return True
            elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
                paths = dropped_files(event.mimeData())
                if paths:
                    event.acceptProposedAction()
                    self.import_paths(paths)
                    return True
        return super().eventFilter(watched, event)
