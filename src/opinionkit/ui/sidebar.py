"""The left column: whose care you are looking at, their cases, and the shared directory."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from opinionkit.core.domain import Case, Person
from opinionkit.ui.details import label
from opinionkit.ui.labels import status_label
from opinionkit.ui.style import set_role

#: Where an item leads: a page ("person", "case" or "providers") and the row id shown there.
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("sidebar", text)


class Sidebar(QWidget):
    person_chosen = Signal(int)
    destination_chosen = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setMinimumWidth(230)

        self.people = QComboBox()
        self.people.setObjectName("personSwitcher")
        self.people.setAccessibleName(_tr("Person"))
        self.people.setToolTip(_tr("Whose care you are looking at"))
        self.people.setMinimumContentsLength(12)
        self.people.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.people.activated.connect(self._person_activated)
        person_title = set_role(label(_tr("PERSON"), "sidebar-title", wrap=False), "sidebar-title")
        person_title.setBuddy(self.people)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_tr("Pages"))
        self.navigation.setWordWrap(True)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.navigation.currentItemChanged.connect(self._item_changed)

        privacy = label(_tr("Everything stays on this computer."), "muted")
        privacy.setContentsMargins(6, 0, 6, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(person_title)
        layout.addWidget(self.people)
        layout.addSpacing(6)
        layout.addWidget(self.navigation, 1)
        layout.addWidget(privacy)

    def set_contents(self, people: list[Person], person: Person | None, cases: list[Case]) -> None:
        """Refill the switcher and the page list without emitting choices."""
        with QSignalBlocker(self.people), QSignalBlocker(self.navigation):
            self.people.clear()
            for each in people:
                self.people.addItem(each.name, each.id)
            self.people.setEnabled(bool(people))
            if person is None:
                self.people.setPlaceholderText(_tr("No one added yet"))
                self.people.setCurrentIndex(-1)
            else:
                self.people.setCurrentIndex(self.people.findData(person.id))

            self.navigation.clear()
            if person is not None:
                self._add(_tr("Personal details"), ("person", person.id))
                self._add_header(_tr("CASES"))
                for case in cases:
                    item = self._add(case.title, ("case", case.id))
                    item.setToolTip(f"{case.title}\n{status_label(case.status)}")
                if not cases:
                    self._add_header(_tr("No cases yet"), quiet=True)
            self._add_header(_tr("SHARED"))
            self._add(_tr("Provider directory"), ("providers", None))

    def select(self, page: str, ident: int | None) -> None:
        with QSignalBlocker(self.navigation):
            for row in range(self.navigation.count()):
                item = self.navigation.item(row)
                if item.data(PAGE_ROLE) == page and item.data(ID_ROLE) == ident:
                    self.navigation.setCurrentItem(item)
                    return
            self.navigation.setCurrentRow(-1)

    def _add(self, text: str, destination: tuple[str, int | None]) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(PAGE_ROLE, destination[0])
        item.setData(ID_ROLE, destination[1])
        self.navigation.addItem(item)
        return item

    def _add_header(self, text: str, quiet: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a label between groups, never a place to go
        if quiet:
            item.setSizeHint(QSize(0, 30))
        self.navigation.addItem(item)

    def _person_activated(self, index: int) -> None:
        ident = self.people.itemData(index)
        if ident is not None:
            self.person_chosen.emit(ident)

    def _item_changed(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None and item.data(PAGE_ROLE):
            self.destination_chosen.emit(item.data(PAGE_ROLE), item.data(ID_ROLE))
