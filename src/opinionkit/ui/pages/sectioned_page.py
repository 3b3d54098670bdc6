"""A page with a header, Edit and Delete buttons, and one tab per section.

Sections are built the first time their tab is shown, so opening the window
costs only what is on screen; a section built late is shown the current row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QTabWidget, QVBoxLayout, QWidget

from opinionkit.ui.details import PageHeader
from opinionkit.ui.sections import Section, SectionHost, build_section, tab_title
from opinionkit.ui.style import set_role


class SectionedPage(QWidget):
    def __init__(self, sections: list[Section], host: SectionHost, edit_text: str, delete_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._host = host
        self.header = PageHeader()
        self.edit_button = self.header.add_button(QPushButton(edit_text))
        self.delete_button = self.header.add_button(set_role(QPushButton(delete_text), "danger"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self._sections = sections
        self._holders: list[QWidget] = []
        self.sections: dict[str, QWidget] = {}  # the sections built so far, by key
        self._shown: tuple[str, tuple[Any, ...]] | None = None
        for section in sections:
            holder = QWidget()
            holder.setObjectName(f"tab_{section.key}")
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, tab_title(section))
            self._holders.append(holder)
        self.tabs.currentChanged.connect(self._build)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 26, 32, 0)
        layout.setSpacing(18)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)

    def section(self, key: str) -> QWidget:
        """The section's widget, built now if it was not yet."""
        index = next(i for i, s in enumerate(self._sections) if s.key == key)
        return self._build(index)

    def show_section(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.section(key).parentWidget())

    def current_section(self) -> str:
        return self._sections[self.tabs.currentIndex()].key

    def show_in_sections(self, method: str, *args: Any) -> None:
        """Call ``method(*args)`` (show_case, show_person) on built sections, and on later ones."""
        self._shown = (method, args)
        for widget in self.sections.values():
            getattr(widget, method)(*args)
        self._build(self.tabs.currentIndex())  # a tab shown for the first time is built and shown now

    def _build(self, index: int) -> QWidget:
        section = self._sections[index]
        widget = self.sections.get(section.key)
        if widget is None:
            widget = build_section(section, self._host)
            self._holders[index].layout().addWidget(widget)
            self.sections[section.key] = widget
            if self._shown is not None:
                method, args = self._shown
                getattr(widget, method)(*args)
        return widget
