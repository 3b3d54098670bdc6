"""The visit's part of the main window: File ▸ Export calendar…, Go ▸ Today (Ctrl+T), and the Today
list shown by itself at start when something is due.

The window builds one ``WindowVisit`` when it opens and keeps it as
``window.visit``. The Today list opens at start only for a window that asks for
it (``window.today_at_start``, set when OpinionKit starts as the app, not in
tests or screenshots), a moment after the data is on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from opinionkit.core.errors import OpinionKitError

if TYPE_CHECKING:
    from pathlib import Path

    from opinionkit.core.domain.overview import Reminder
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.visit.today_dialog import TodayDialog

#: How long after the data is shown the Today list opens: the window paints its pages first.
TODAY_DELAY_MS = 250


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class WindowVisit(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.today_dialog: TodayDialog | None = None

        self.calendar_action = QAction(_tr("E&xport calendar…"), window)
        self.calendar_action.setObjectName("exportCalendar")
        self.calendar_action.setToolTip(_tr("Save the case's appointments, record due dates and decision deadline "
                                            "as a calendar file (.ics)"))
        self.calendar_action.triggered.connect(self.export_calendar)
        window.addAction(self.calendar_action)
        menu = window.file_menu
        actions = menu.actions()
        at = actions.index(window.quit_action) if window.quit_action in actions else len(actions)
        before = actions[at - 1] if at and actions[at - 1].isSeparator() else window.quit_action
        menu.insertAction(before, self.calendar_action)  # beside File ▸ Import documents…, above Quit
        menu.aboutToShow.connect(self._update_actions)

        self.today_action = QAction(_tr("&Today"), window)
        self.today_action.setObjectName("today")
        self.today_action.setShortcut(QKeySequence("Ctrl+T"))
        self.today_action.setToolTip(_tr("What is due today or overdue, in every case (Ctrl+T)"))
        self.today_action.triggered.connect(self.show_today)
        window.addAction(self.today_action)
        window.go_menu.addSeparator()
        window.go_menu.addAction(self.today_action)

        if window.today_at_start:
            window.opened.connect(self._offer_today_soon)

    def _update_actions(self) -> None:
        self.calendar_action.setEnabled(self.window.page == "case" and self.window.case_id is not None)

    # Today -----------------------------------------------------------------------------------

    def _offer_today_soon(self) -> None:
        QTimer.singleShot(TODAY_DELAY_MS, self, self.offer_today)

    def offer_today(self) -> None:
        """Show the Today list if something is due and the person has not turned it off."""
        from opinionkit.core.services import reminders
        from opinionkit.ui.visit.today_dialog import show_at_start

        if not show_at_start(self.window.settings):
            return
        found = reminders.today_list(self.window.db)
        if found:
            self.show_today(found)

    def show_today(self, found: list[Reminder] | bool | None = None) -> TodayDialog:
        """Show the Today list (``found``, or read now: a menu's ``triggered`` passes a bool)."""
        from opinionkit.core.services import reminders
        from opinionkit.ui.visit.today_dialog import TodayDialog

        if self.today_dialog is None:
            self.today_dialog = TodayDialog(self.window)
        self.today_dialog.set_reminders(found if isinstance(found, list) else reminders.today_list(self.window.db))
        self.today_dialog.show()
        self.today_dialog.raise_()
        self.today_dialog.list.setFocus()
        return self.today_dialog

    # The calendar file -----------------------------------------------------------------------

    def export_calendar(self) -> Path | None:
        """Ask where, then write the current case's dates as an iCalendar file; returns the path or None."""
        from opinionkit.core.services import calendar_export, cases
        from opinionkit.ui.errors import show_error
        from opinionkit.ui.save_file import choose_save_path, write_file

        window = self.window
        if window.page != "case" or window.case_id is None:
            window.statusBar().showMessage(_tr("Open a case first: the calendar file holds one case's dates."), 8000)
            return None
        try:
            case = cases.get(window.db, window.case_id)
            path = choose_save_path(window, _tr("Export calendar"),
                                    _tr("OpinionKit - {title}.ics").format(title=case.title[:60]),
                                    _tr("Calendar files (*.ics)"), ".ics")
            if path is None:
                return None
            write_file(path, calendar_export.calendar_ics(window.db, case.id or 0))
        except OpinionKitError as error:
            show_error(window, error)
            return None
        window.statusBar().showMessage(_tr("Saved the calendar as {path}. Importing it again updates the same "
                                           "events.").format(path=path), 10000)
        return path
