"""The Today list: what is due today or overdue across every case, each line one click from where it is done.

It stays open beside the window (it is not modal), so the person can work down
the list; a tick box says whether it opens by itself when OpinionKit starts.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget,
)

from opinionkit.core import dates
from opinionkit.core.domain.overview import Reminder
from opinionkit.ui.details import label
from opinionkit.ui.records.labels import short_date
from opinionkit.ui.settings import save_privately
from opinionkit.ui.visit.navigation import go_to

if TYPE_CHECKING:
    from opinionkit.ui.main_window import MainWindow

#: QSettings key: show the Today list by itself at start when something is due (true unless unticked).
AT_START_KEY = "reminders/today_at_start"
REMINDER_ROLE = Qt.ItemDataRole.UserRole + 1
TODAY_STYLE = """
QListWidget#todayList { background: #ffffff; border: 1px solid #dbe2ea; border-radius: 8px; outline: 0; }
QListWidget#todayList::item { padding: 8px 6px; border-bottom: 1px solid #eef1f4; color: #1d2935; }
QListWidget#todayList::item:hover:!selected { background: #f4f7fa; }
QListWidget#todayList::item:selected { background: #cfe0ea; color: #123547; }
"""
#: The list shows this many entries before it scrolls, at about this height each.
MOST_ITEMS_SHOWN, ITEM_HEIGHT = 4, 104


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def show_at_start(settings: QSettings | None) -> bool:
    return settings is None or str(settings.value(AT_START_KEY, "true")).lower() == "true"


def kind_label(kind: str) -> str:
    return {"record": _tr("Record"), "appointment": _tr("Appointment"), "records due": _tr("Records due"),
            "deadline": _tr("Decision")}.get(kind, kind.capitalize())


class TodayDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("todayDialog")
        self.setWindowTitle(_tr("Today"))
        self.setAccessibleName(_tr("Today"))
        self.setModal(False)
        self._window = window

        self.heading = label("", "card-title")
        self.heading.setObjectName("todayHeading")
        self.list = QListWidget()
        self.list.setObjectName("todayList")
        self.list.setAccessibleName(_tr("Due today or overdue"))
        self.list.setAccessibleDescription(_tr("Enter or a click goes where it is done."))
        self.list.setWordWrap(True)
        self.list.setStyleSheet(TODAY_STYLE)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._go)
        self.list.itemClicked.connect(self._go)
        self.at_start = QCheckBox(_tr("&Show this list when OpinionKit starts and something is due"))
        self.at_start.setChecked(show_at_start(window.settings))
        self.at_start.toggled.connect(self._remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.at_start)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def set_reminders(self, reminders: list[Reminder], today: dt.date | None = None) -> None:
        day = today or dates.today()
        self.list.clear()
        count = len(reminders)
        if not count:
            self.heading.setText(_tr("Nothing is due today."))
        else:
            self.heading.setText(_tr("1 thing is due today or overdue") if count == 1 else
                                 _tr("{count} things are due today or overdue").format(count=count))
        style = QApplication.style()
        for reminder in reminders:
            late = reminder.on < day
            when = _tr("Overdue since {date}").format(date=short_date(reminder.on.isoformat())) if late else _tr("Today")
            item = QListWidgetItem(f"{when} · {kind_label(reminder.kind)}\n{reminder.text}\n"
                                   f"{reminder.person_name} · {reminder.case_title}")
            item.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning if late
                                            else QStyle.StandardPixmap.SP_MessageBoxInformation))
            item.setToolTip(_tr("Go where this is done"))
            item.setData(REMINDER_ROLE, reminder)
            self.list.addItem(item)
        if count:
            self.list.setCurrentRow(0)
        # Room for the first few entries (each three or four lines), so a short list is not lost in a tall box.
        self.list.setFixedHeight(ITEM_HEIGHT * max(1, min(count, MOST_ITEMS_SHOWN)) + 2 * self.list.frameWidth())
        self.adjustSize()

    def _go(self, item: QListWidgetItem) -> None:
        reminder: Reminder = item.data(REMINDER_ROLE)
        go_to(self._window, reminder.case_id, reminder.target)
        self._window.activateWindow()

    def _remember(self, checked: bool) -> None:
        settings = self._window.settings
        if settings is not None:
            settings.setValue(AT_START_KEY, "true" if checked else "false")
            save_privately(settings)
