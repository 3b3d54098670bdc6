"""Delete on a list acts on the list's selected row, not on the window's Delete action.

The window's Delete deletes the person or case shown; inside a table of record items,
questions, appointments, calls, documents or opinions the same key must remove the row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class RowDeleteKey(QObject):
    """Installed on ``view``: a plain Delete there calls ``delete`` and reaches nothing else."""

    def __init__(self, view: QWidget, delete: Callable[[], object]) -> None:
        super().__init__(view)
        self._delete = delete
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and not event.modifiers()
        ):
            event.accept()  # claims the key before the window's shortcut sees it
            if event.type() == QEvent.Type.KeyPress:
                self._delete()
            return True
        return super().eventFilter(watched, event)
