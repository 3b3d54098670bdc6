"""Medication names offered while typing, from the offline drug dictionary.

The dictionary takes most of a second to read the first time, so it is read by
a worker (ui/tasks.py) when a form opens; what was typed meanwhile gets its
suggestions as soon as it is ready. Looking names up afterwards takes
microseconds and happens as each key is typed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from opinionkit.core.services import medication_names
from opinionkit.ui.tasks import Task

SHOWN = 10
_POPUP = """
QListView { background: #ffffff; border: 1px solid #c3ccd6; padding: 2px; }
QListView::item { padding: 3px 8px; color: #1d2935; }
QListView::item:selected { background: #cfe0ea; color: #123547; }
"""


def _load_dictionary(*, progress: Callable[[int, int], None], cancel: threading.Event) -> None:
    medication_names.load()


class NameSuggestions(QObject):
    """Gives ``line`` a completer fed from the dictionary."""

    #: (text the suggestions are for, the names offered) each time the list changes.
    updated = Signal(str, list)

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self._line = line
        self._ready = False
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)  # common medicines first
        self.completer.setMaxVisibleItems(SHOWN)
        self.completer.popup().setStyleSheet(_POPUP)
        line.setCompleter(self.completer)
        line.textEdited.connect(self._offer)
        self._task = Task(_load_dictionary)
        self._task.finished.connect(self._loaded)
        self._task.start()

    @property
    def ready(self) -> bool:
        return self._ready

    def _loaded(self, _result: object) -> None:
        self._ready = True
        text = self._line.text()
        if not text:
            return
        self._offer(text)
        if self._line.hasFocus():  # what was typed while loading gets its list now
            self.completer.setCompletionPrefix(text)
            self.completer.complete()

    def _offer(self, text: str) -> None:
        if not self._ready:
            return  # offered once the dictionary is in
        names = medication_names.suggest(text, SHOWN)
        self.model.setStringList(names)
        self.updated.emit(text, names)
