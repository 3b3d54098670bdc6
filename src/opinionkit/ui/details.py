"""Read-only building blocks of the pages: a page header, cards and label/value grids."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget,
)

from opinionkit.ui.style import set_role


def label(text: str, role: str, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    set_role(widget, role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        # People copy phone numbers and member ids from here into forms and emails. Mouse only:
        # keyboard selection would put every value in the Tab order.
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # deleteLater waits for the event loop; it must vanish now
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


class PageHeader(QWidget):
    """Title, a line under it, status chips and the page's buttons on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("", "heading", selectable=True)
        self.title.setAccessibleName(QCoreApplication.translate("details", "Page title"))
        self.subtitle = label("", "subheading")
        self.chips = QHBoxLayout()
        self.chips.setSpacing(8)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)

        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.title)
        text.addWidget(self.subtitle)
        text.addLayout(self.chips)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(24)
        row.addLayout(text, 1)
        row.addLayout(self.buttons)
        row.setAlignment(self.buttons, Qt.AlignmentFlag.AlignTop)
        self.set_chips([])  # an empty row would cap the header's width

    def add_button(self, button: QPushButton) -> QPushButton:
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.buttons.addWidget(button)
        return button

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """Replace the chips; each is (text, tone) with tone "", "warning" or "quiet"."""
        clear_layout(self.chips)
        for text, tone in chips:
            chip = Chip(text)
            set_role(chip, "chip", tone=tone)
            self.chips.addWidget(chip)
        self.chips.addStretch(1)


class Chip(QLabel):
    """A short status label: one line when there is room, wrapped rather than widening a narrow window."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setContentsMargins(12, 4, 12, 4)  # here, not in the style sheet: sizeHint counts them
        # Bold set here too: a style-sheet font arrives after the layout has sized the chip,
        # and the bolder text would then wrap inside the narrower box.
        font = self.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        # A wrapped label asks for a "nicely proportioned" box; a chip wants its text on one line.
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right() + 6
        return QSize(width, self.heightForWidth(width))


class Card(QFrame):
    """A white panel with a title; content goes into ``body``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(title)
        self.title = label(title, "card-title")
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 18)
        outer.setSpacing(12)
        outer.addWidget(self.title)
        outer.addLayout(self.body)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)


class FieldGrid(QWidget):
    """Label/value pairs: labels in a quiet column, values wrapped and selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(10)
        self._grid.setColumnStretch(1, 1)

    def set_rows(self, rows: list[tuple[str, str] | tuple[str, str, str]]) -> None:
        """Show (label, value) rows; an empty value shows its row's third item, or "Not recorded"."""
        clear_layout(self._grid)
        for row, (name, value, *empty) in enumerate(rows):
            key = label(name, "field-label", wrap=False)
            if value:
                shown = label(value, "field-value", selectable=True)
            else:
                shown = label(empty[0] if empty else QCoreApplication.translate("details", "Not recorded"),
                              "empty-value")
            shown.setAccessibleName(name)
            self._grid.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self._grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)


class CardColumns(QScrollArea):
    """A scrolling page of cards in two columns, each column's cards stacked from the top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def set_columns(self, left: list[QWidget], right: list[QWidget], stretch: tuple[int, int] = (1, 1)) -> None:
        content = QWidget()
        content.setObjectName("scrollContent")
        columns = QHBoxLayout(content)
        columns.setContentsMargins(0, 20, 12, 20)
        columns.setSpacing(16)
        for cards, weight in ((left, stretch[0]), (right, stretch[1])):
            column = QVBoxLayout()
            column.setSpacing(16)
            for card in cards:
                column.addWidget(card)
            column.addStretch(1)
            columns.addLayout(column, weight)
        self.setWidget(content)
