"""The main window: the person switcher and pages on the left, the chosen page on the right.

Start-up paints the window's frame first and fills it right after (see ``MainWindow``),
so this module imports at its top only what the frame needs; the pages, the core
services and sqlite-utils are imported where they are used, after that first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt is looked up only when used: building it takes ~20 ms
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QToolBar, QWidget

from opinionkit import __version__
from opinionkit.core.errors import NotFound
from opinionkit.ui.settings import save_privately
from opinionkit.ui.style import set_role

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent
    from sqlite_utils import Database

    from opinionkit.core.domain import Person
    from opinionkit.ui.pages.case_page import CasePage
    from opinionkit.ui.pages.providers_page import ProvidersPage
    from opinionkit.ui.provider_model import ProviderTableModel

DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 290


def _tr(text: str) -> str:
    return QCoreApplication.translate("main_window", text)


class MainWindow(QMainWindow):
    """Shows one page at a time: a person, one of their cases, or the provider directory.

    ``settings`` (window.ini in the data folder) remembers size and layout; without
    it nothing is read or written, as for screenshots.

    Given no database, the window is only its frame, quick to build and to paint: the
    menu titles, the toolbar's strip, the sidebar's colour and a line saying that the
    records are opening, in their final places and colours. ``first_painted`` then says
    when it is on screen, and ``open(db)`` fills it; ``opened`` says the data is shown.
    """

    first_painted = Signal()
    opened = Signal()

    def __init__(self, db: Database | None, data_dir: Path, settings: QSettings | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.settings = settings
        self.page = "person"
        self.person_id: int | None = None
        self.case_id: int | None = None
        self.is_open = False
        self._painted = False
        self.today_at_start = False  # the app sets it: the Today list then opens by itself when something is due
        self.setObjectName("mainWindow")
        self.setAccessibleName(_tr("OpinionKit"))
        self.setWindowTitle(_tr("OpinionKit"))
        self._restore_geometry()
        self._build_frame()
        if db is not None:
            self.open(db)

    def _build_frame(self) -> None:
        """The bars and the two sides, with stand-ins where the sidebar and the page will go.

        Nothing here may look up ``QtCore.Qt`` (its ~20 ms would come before the first paint).
        """
        menus = self.menuBar()  # the titles now; _build_actions fills the menus
        self.file_menu = menus.addMenu(_tr("&File"))
        self.edit_menu = menus.addMenu(_tr("&Edit"))
        self.go_menu = menus.addMenu(_tr("&Go"))
        self.help_menu = menus.addMenu(_tr("&Help"))

        self.toolbar = QToolBar(_tr("Main actions"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        # A blank button holds the bar at the height its buttons will give it: nothing below moves.
        self._toolbar_stand_in = self.toolbar.addAction(" ")
        self._toolbar_stand_in.setEnabled(False)
        self.addToolBar(self.toolbar)

        sidebar_stand_in = QWidget()
        sidebar_stand_in.setObjectName("sidebar")  # the sidebar's colour, from the style sheet
        opening = QWidget()
        line = set_role(QLabel(_tr("Opening your records…")), "muted")
        row = QHBoxLayout(opening)  # centred by stretches: the label centres itself vertically
        row.addStretch(1)
        row.addWidget(line)
        row.addStretch(1)
        self.splitter = QSplitter()  # side by side
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(5)  # wide enough to grab; drawn only on hover
        self.splitter.addWidget(sidebar_stand_in)
        self.splitter.addWidget(opening)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDEBAR_WIDTH, DEFAULT_SIZE[0] - SIDEBAR_WIDTH])
        self._restore_splitter()
        self.setCentralWidget(self.splitter)
        self.statusBar().setSizeGripEnabled(False)

    def open(self, db: Database) -> None:
        """Build the pages on ``db`` and show the first one."""
        from PySide6.QtGui import QUndoStack
        from PySide6.QtWidgets import QStackedWidget

        from opinionkit.ui.editing import Editing
        from opinionkit.ui.library.window_library import WindowLibrary
        from opinionkit.ui.pages.person_page import PersonPage
        from opinionkit.ui.pages.welcome_page import WelcomePage
        from opinionkit.ui.sections import SectionHost
        from opinionkit.ui.sidebar import Sidebar
        from opinionkit.ui.safety.window_safety import WindowSafety
        from opinionkit.ui.visit.window_visit import WindowVisit

        self.db = db
        self.undo_stack = QUndoStack(self)
        self.host = SectionHost(db=db, data_dir=self.data_dir, undo_stack=self.undo_stack, window=self)
        self.welcome_page = WelcomePage()
        self.person_page = PersonPage(self.host)
        self._case_page: CasePage | None = None  # built when first needed: start-up stays quick
        self._providers_page: ProvidersPage | None = None
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(_tr("Page"))
        for page in (self.welcome_page, self.person_page):
            self.stack.addWidget(page)

        self.sidebar = Sidebar()
        self.sidebar.person_chosen.connect(self.show_person)
        self.sidebar.destination_chosen.connect(self._go)
        for index, widget in enumerate((self.sidebar, self.stack)):  # in the stand-ins' places and sizes
            self.splitter.replaceWidget(index, widget).deleteLater()
        self.splitter.setStretchFactor(1, 1)  # a widget's own: the page's, as it was the stand-in's

        self.editing = Editing(self)
        self._build_actions()
        self.library = WindowLibrary(self)  # File ▸ Import documents…, files dropped here, the search box
        self.visit = WindowVisit(self)  # File ▸ Export calendar…, Go ▸ Today, the Today list at start
        self.safety = WindowSafety(self)  # File ▸ Back up…, Restore…, Check my data…, Edit ▸ Trash…
        corner = self.menuBar().cornerWidget()
        if corner is not None:
            corner.show()  # put into a bar already on screen (the frame's), a widget stays hidden until shown
        self._connect_pages()
        self.is_open = True
        self.refresh()
        # Choose where the keyboard starts: left to Qt, focus could land on the page list, and a
        # list given focus with nothing current picks its first entry, leaving the welcome page.
        (self.welcome_page.add_person_button if self.page == "welcome" else self.sidebar.navigation).setFocus()
        self.opened.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.first_painted.emit)  # once this paint has reached the screen

    # Pages -----------------------------------------------------------------------------------

    # The case page and the directory are imported and built on first use: start-up only
    # pays for the page it shows first.

    @property
    def case_page(self) -> CasePage:
        if self._case_page is None:
            from opinionkit.ui.pages.case_page import CasePage

            self._case_page = CasePage(self.host)
            self._case_page.edit_button.clicked.connect(self.editing.edit_current)
            self._case_page.delete_button.clicked.connect(self.editing.delete_current)
            self.stack.addWidget(self._case_page)
        return self._case_page

    @property
    def providers_page(self) -> ProvidersPage:
        if self._providers_page is None:
            from opinionkit.ui.pages.providers_page import ProvidersPage
            from opinionkit.ui.provider_model import ProviderTableModel

            self._providers_page = ProvidersPage(ProviderTableModel(self.db, self))
            self._providers_page.add_requested.connect(self.editing.new_provider)
            self._providers_page.edit_requested.connect(self.editing.edit_current)
            self._providers_page.delete_requested.connect(self.editing.delete_current)
            self._providers_page.table.selectionModel().selectionChanged.connect(self._update_actions)
            self.stack.addWidget(self._providers_page)
        return self._providers_page

    @property
    def provider_model(self) -> ProviderTableModel:
        return self.providers_page.model

    # Navigation ------------------------------------------------------------------------------

    def show_person(self, person_id: int | None, section: str | None = None) -> None:
        self.person_id = person_id
        self.case_id = None
        self.page = "person"
        self.refresh()
        if section:
            self.person_page.show_section(section)

    def show_case(self, case_id: int, section: str | None = None) -> None:
        from opinionkit.core.services import cases

        try:
            case = cases.get(self.db, case_id)
        except NotFound:
            self.refresh()
            return
        self.person_id = case.person_id
        self.case_id = case_id
        self.page = "case"
        self.refresh()
        if section:
            self.case_page.show_section(section)

    def show_providers(self, provider_id: int | None = None) -> None:
        self.page = "providers"
        self.refresh()
        self.providers_page.select_provider(provider_id)

    def refresh(self) -> None:
        """Re-read everything shown from the database and show the current page again."""
        from opinionkit.core.services import cases, people

        everyone = people.list_all(self.db)
        person = next((p for p in everyone if p.id == self.person_id), everyone[0] if everyone else None)
        self.person_id = person.id if person else None
        person_cases = cases.list_all(self.db, person.id) if person else []
        if self.case_id not in {c.id for c in person_cases}:
            self.case_id = None
        if self.page == "case" and self.case_id is None:
            self.page = "person"
        if self.page in ("person", "welcome"):
            self.page = "person" if person else "welcome"

        if self._providers_page is not None:
            selected_provider = self._providers_page.selected_provider_id()
            self._providers_page.model.reload()
            self._providers_page.select_provider(selected_provider)
        self.sidebar.set_contents(everyone, person, person_cases)
        self.sidebar.select(self.page, {"person": self.person_id, "case": self.case_id}.get(self.page))
        if self.page == "person" and person:
            self.person_page.show_person(person)
            self.stack.setCurrentWidget(self.person_page)
        elif self.page == "case" and person:
            self.case_page.show_case(next(c for c in person_cases if c.id == self.case_id), person)
            self.stack.setCurrentWidget(self.case_page)
        elif self.page == "providers":
            self.stack.setCurrentWidget(self.providers_page)
        else:
            self.stack.setCurrentWidget(self.welcome_page)
        self._update_title(person)
        self._update_actions()

    def _go(self, page: str, ident: int | None) -> None:
        if page == "case" and ident is not None:
            self.show_case(ident)
        elif page == "providers":
            self.show_providers()
        else:
            self.show_person(ident)

    def _update_title(self, person: Person | None) -> None:
        self.setWindowTitle(_tr("{name} — OpinionKit").format(name=person.name) if person else _tr("OpinionKit"))

    # Actions ---------------------------------------------------------------------------------

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None, name: str = "") -> QAction:
        from PySide6.QtGui import QKeySequence  # here, like QMessageBox: the frame needs neither's enums (~1 ms each)

        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        from PySide6.QtGui import QKeySequence

        edit = self.editing
        self.new_person_action = self._action(_tr("New &person…"), edit.new_person, "Ctrl+Shift+N", "newPerson")
        self.new_case_action = self._action(_tr("New &case…"), edit.new_case, QKeySequence.StandardKey.New, "newCase")
        self.new_provider_action = self._action(_tr("New pro&vider…"), edit.new_provider, "Ctrl+Shift+P", "newProvider")
        self.edit_action = self._action(_tr("&Edit…"), edit.edit_current, "Ctrl+E", "edit")
        self.delete_action = self._action(_tr("&Delete…"), edit.delete_current, QKeySequence.StandardKey.Delete, "delete")
        self.quit_action = self._action(_tr("&Quit"), self.close, "Ctrl+Q", "quit")
        self.undo_action = self.undo_stack.createUndoAction(self, _tr("Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self.undo_stack.createRedoAction(self, _tr("Redo"))
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)  # Ctrl+Shift+Z and Ctrl+Y here
        self.redo_action.setObjectName("redo")
        self.go_person_action = self._action(_tr("&Personal details"), lambda: self.show_person(self.person_id), "Ctrl+1")
        self.go_case_action = self._action(_tr("Current &case"), self._go_to_a_case, "Ctrl+2")
        self.go_providers_action = self._action(_tr("Provider &directory"), lambda: self.show_providers(), "Ctrl+3")
        self.about_action = self._action(_tr("&About OpinionKit"), self._about)

        self.file_menu.addActions([self.new_person_action, self.new_case_action, self.new_provider_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.edit_action, self.delete_action])
        self.go_menu.addActions([self.go_person_action, self.go_case_action, self.go_providers_action])
        self.help_menu.addAction(self.about_action)

        toolbar = self.toolbar
        toolbar.removeAction(self._toolbar_stand_in)
        self._toolbar_stand_in.deleteLater()
        toolbar.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.PreventContextMenu)
        toolbar.addActions([self.new_person_action, self.new_case_action, self.new_provider_action])
        toolbar.addSeparator()
        toolbar.addActions([self.edit_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])

    def _connect_pages(self) -> None:
        self.welcome_page.add_person_button.clicked.connect(self.editing.new_person)
        self.person_page.edit_button.clicked.connect(self.editing.edit_current)
        self.person_page.delete_button.clicked.connect(self.editing.delete_current)

    def _update_actions(self) -> None:
        what = {
            "person": _tr("person"), "case": _tr("case"), "providers": _tr("provider"),
        }.get(self.page)
        can_change = self.page in ("person", "case") or (
            self.page == "providers" and self.providers_page.selected_provider_id() is not None
        )
        self.edit_action.setEnabled(bool(what) and can_change)
        self.delete_action.setEnabled(bool(what) and can_change)
        self.edit_action.setText(_tr("&Edit {what}…").format(what=what) if what else _tr("&Edit…"))
        self.delete_action.setText(_tr("&Delete {what}…").format(what=what) if what else _tr("&Delete…"))
        self.new_case_action.setEnabled(self.person_id is not None)
        self.go_case_action.setEnabled(self.person_id is not None)
        self.go_person_action.setEnabled(self.person_id is not None)

    def _go_to_a_case(self) -> None:
        if self.case_id is not None:
            self.show_case(self.case_id)
        elif self.person_id is not None:
            from opinionkit.core.services import cases

            found = cases.list_all(self.db, self.person_id)
            if found:
                self.show_case(found[0].id or 0)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, _tr("About OpinionKit"), _tr("OpinionKit {version}").format(
            version=__version__), QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(_tr(
            "Prepare and review a medical second opinion. Your data stays on this computer, in:\n{folder}"
        ).format(folder=self.data_dir))
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # Remembered layout -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        available = self.screen().availableGeometry().size()
        self.resize(min(DEFAULT_SIZE[0], available.width()), min(DEFAULT_SIZE[1], available.height()))
        geometry = self.settings.value("window/geometry") if self.settings is not None else None
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _restore_splitter(self) -> None:
        splitter = self.settings.value("window/splitter") if self.settings is not None else None
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None and self.is_open:  # a frame that never opened has no layout to keep
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/splitter", self.splitter.saveState())
            save_privately(self.settings)
        super().closeEvent(event)
