"""What every health background form shares: rows bound to the record's fields, saved through the core.

Each row binds a widget to one or more fields of the record (a dataclass):
the form is filled from the record and the record rebuilt from the form with
``dataclasses.replace``, so fields a form does not show are kept. The core
validates on save; a refused field is outlined and focused (FormDialog).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from sqlite_utils import Database

from opinionkit.core.services import background
from opinionkit.ui.background.provider_field import ProviderNameField
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area


def _tr(text: str) -> str:
    return QCoreApplication.translate("record_form", text)


#: Reads the widget into {field: value}, and writes the record's values into the widget.
Binding = tuple[Callable[[], dict[str, Any]], Callable[[Any], None]]


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def date_hint() -> str:
    return _tr("YYYY-MM-DD, YYYY-MM or YYYY")


class RecordDialog(FormDialog):
    def __init__(self, db: Database, record: Any, title: str, parent: QWidget | None = None,
                 columns: int = 1) -> None:
        super().__init__(title, parent, columns)
        self._db = db
        self.record = record
        self._bindings: list[Binding] = []
        self._order: list[QWidget] = []  # the fields in the order Tab visits them

    # Rows --------------------------------------------------------------------------------------

    def text_row(self, text: str, field: str, placeholder: str = "", column: int = 0) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        self._bind(text, field, line, column,
                   lambda: {field: line.text()}, lambda r: line.setText(_shown(getattr(r, field))))
        return line

    def date_row(self, text: str, field: str, column: int = 0) -> QLineEdit:
        line = self.text_row(text, field, date_hint(), column)
        line.setMaximumWidth(line.fontMetrics().horizontalAdvance(date_hint()) + 30)
        return line

    def notes_row(self, text: str, field: str = "notes", column: int = 0, lines: int = 3) -> QPlainTextEdit:
        area = text_area(lines)
        self._bind(text, field, area, column,
                   lambda: {field: area.toPlainText()}, lambda r: area.setPlainText(getattr(r, field) or ""))
        return area

    def choice_row(self, text: str, field: str, choices: Sequence[tuple[str, str]], column: int = 0) -> QComboBox:
        """A fixed list: (value stored, words shown)."""
        combo = QComboBox()
        for value, shown in choices:
            combo.addItem(shown, value)
        self._bind(text, field, combo, column, lambda: {field: combo.currentData()},
                   lambda r: combo.setCurrentIndex(max(0, combo.findData(str(getattr(r, field))))))
        return combo

    def suggested_row(self, text: str, field: str, suggestions: Sequence[tuple[str, str]], placeholder: str = "",
                      column: int = 0) -> QComboBox:
        """Free text with a list to pick from: (value stored, words shown); a shown entry stores its value."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.lineEdit().setPlaceholderText(placeholder)
        for value, shown in suggestions:
            combo.addItem(shown, value)

        def read() -> dict[str, Any]:
            typed = combo.currentText().strip()
            index = combo.findText(typed) if typed else -1
            return {field: combo.itemData(index) if index >= 0 else typed}

        def write(record: Any) -> None:
            value = getattr(record, field) or ""
            index = combo.findData(value) if value else -1
            combo.setCurrentIndex(index)
            if index < 0:
                combo.setEditText(value)

        self._bind(text, field, combo, column, read, write, focus=combo)
        return combo

    def check_row(self, text: str, field: str, column: int = 0) -> QCheckBox:
        box = QCheckBox(text)
        box.setAccessibleName(text.replace("&", ""))
        self.forms[column].addRow("", box)
        self._bindings.append((lambda: {field: box.isChecked()}, lambda r: box.setChecked(bool(getattr(r, field)))))
        self._order.append(box)
        return box

    def provider_row(self, text: str, field: str, id_field: str, placeholder: str = "",
                     column: int = 0) -> ProviderNameField:
        chooser = ProviderNameField(self._db, placeholder)

        def read() -> dict[str, Any]:
            name, ident = chooser.value()
            return {field: name, id_field: ident}

        self._bind(text, field, chooser, column, read,
                   lambda r: chooser.set_value(getattr(r, field), getattr(r, id_field)))
        return chooser

    def _bind(self, text: str, field: str, widget: QWidget, column: int, read: Callable[[], dict[str, Any]],
              write: Callable[[Any], None], focus: QWidget | None = None) -> None:
        self.add_row(text, widget, field, column)
        self._bindings.append((read, write))
        self._order.append(focus or widget)

    # Filling and saving --------------------------------------------------------------------------

    def finish(self) -> None:
        """Fill the rows from the record and set Tab to go down each column, then to Save and Cancel."""
        for _read, write in self._bindings:
            write(self.record)
        chain = [*self._order, self.save_button, self.buttons.button(self.buttons.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)
        if self._order:
            self._order[0].setFocus()

    def fit(self, width: int) -> None:
        """Open ``width`` wide and as tall as the rows need, no taller."""
        for child in self.findChildren(QWidget):
            child.ensurePolished()  # the style sheet's padding decides the rows' heights
        layout = self.layout()
        margins = layout.contentsMargins()
        self.scroll.widget().layout().activate()  # rows added since are counted in its size only then
        height = (self.scroll.widget().sizeHint().height() + self.buttons.sizeHint().height()
                  + margins.top() + margins.bottom() + layout.spacing() + 8)
        self.resize(width, height)

    def accept(self) -> None:
        shown_before = self.problem.isVisible()
        super().accept()
        if self.problem.isVisible() and not shown_before and self.isVisible():
            # Make room for the message above the rows rather than squeezing them into a scroll.
            margins = self.layout().contentsMargins()
            text_width = self.width() - margins.left() - margins.right()
            extra = self.problem.heightForWidth(text_width) + self.layout().spacing()
            self.resize(self.width(), self.height() + extra)

    def edited_record(self) -> Any:
        """The record as the form now has it (not yet checked or saved)."""
        values: dict[str, Any] = {}
        for read, _write in self._bindings:
            values.update(read())
        return replace(self.record, **values)

    def save(self) -> Any:
        return background.save(self._db, self.edited_record())
