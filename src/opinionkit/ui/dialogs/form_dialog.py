"""What every form shares: labelled rows in columns, Save/Cancel, and pointing at a faulty field.

Validation is the core's: ``save()`` calls a service, and an InvalidInput it
raises is shown inline, its field outlined and focused; the dialog stays open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
    QVBoxLayout, QWidget,
)

from opinionkit.core.errors import InvalidInput, OpinionKitError
from opinionkit.ui.details import label
from opinionkit.ui.style import repolish, set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("form_dialog", text)


def text_area(lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """A short multi-line field where Tab moves on, as in every other field."""
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setPlaceholderText(placeholder)
    area.setFixedHeight(area.fontMetrics().lineSpacing() * lines + 30)
    return area


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None, columns: int = 1) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.saved: Any = None
        self._fields: dict[str, QWidget] = {}

        self.problem = label("", "problem")
        self.problem.setAccessibleName(_tr("Problem"))
        self.problem.hide()

        self.forms: list[QFormLayout] = []
        content = QWidget()
        content.setObjectName("scrollContent")
        row = QHBoxLayout(content)
        row.setContentsMargins(2, 2, 10, 2)
        row.setSpacing(36)
        for _ in range(columns):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.setHorizontalSpacing(16)
            form.setVerticalSpacing(10)
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)  # rows stay at the top, at their natural height
            row.addLayout(column, 1)
            self.forms.append(form)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        set_role(self.save_button, "primary")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(16)
        layout.addWidget(self.problem)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)

    # Building the form -------------------------------------------------------------------------

    def add_heading(self, text: str, column: int = 0) -> QLabel:
        heading = label(text, "card-title")
        form = self.forms[column]
        if form.rowCount():
            heading.setContentsMargins(0, 12, 0, 0)
        form.addRow(heading)
        return heading

    def add_row(self, text: str, widget: QWidget, field: str | None = None, column: int = 0,
                focus_widget: QWidget | None = None) -> QWidget:
        """Add ``widget`` labelled ``text`` (with an & mnemonic); ``field`` is the core's name for it."""
        row_label = QLabel(text)
        row_label.setBuddy(focus_widget or widget)
        (focus_widget or widget).setAccessibleName(text.replace("&", ""))
        self.forms[column].addRow(row_label, widget)
        if field:
            self._fields[field] = focus_widget or widget
            self._clear_when_edited(focus_widget or widget)
        return widget

    def field_widget(self, field: str) -> QWidget:
        return self._fields[field]

    def showEvent(self, event: QShowEvent) -> None:
        # Long values read from their start, not scrolled to their end.
        for line in self.findChildren(QLineEdit):
            line.setCursorPosition(0)
        super().showEvent(event)

    # Saving ----------------------------------------------------------------------------------

    def save(self) -> Any:
        """Build the object from the fields and save it through a core service; return it."""
        raise NotImplementedError

    def accept(self) -> None:
        self._clear_problem()
        try:
            self.saved = self.save()
        except InvalidInput as error:
            self.point_at(error.field, str(error))
            return
        except OpinionKitError as error:
            self._show_problem(str(error))
            return
        super().accept()

    def point_at(self, field: str, message: str) -> None:
        self._show_problem(message)
        widget = self._fields.get(field)
        if widget is None:
            return
        widget.setProperty("invalid", True)
        widget.setAccessibleDescription(message)
        repolish(widget)
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def invalid_fields(self) -> list[str]:
        return [name for name, widget in self._fields.items() if widget.property("invalid")]

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.hide()
        for widget in self._fields.values():
            self._unmark(widget)

    def _unmark(self, widget: QWidget) -> None:
        if widget.property("invalid"):
            widget.setProperty("invalid", False)
            widget.setAccessibleDescription("")
            repolish(widget)

    def _clear_when_edited(self, widget: QWidget) -> None:
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(lambda *_: self._unmark(widget))
