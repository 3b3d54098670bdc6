"""Reordering questions as an undoable command on the window's undo stack.

Questions added or removed since the move (adding is not on the stack) are kept:
the order put back is the remembered one for the questions it names, with any
others after them in their current order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import questions

#: Told the moved question's id after every redo or undo, so the list can show it again.
Changed = Callable[[int], None]
#: Shows why a redo or undo was impossible (the database is left as it was).
Report = Callable[[OpinionKitError | sqlite3.DatabaseError], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class ReorderCommand(QUndoCommand):
    def __init__(self, db: Database, case_id: int, before: Sequence[int], after: Sequence[int], moved: int,
                 changed: Changed, report: Report) -> None:
        super().__init__(_tr("Move a question"))
        self._db = db
        self._case_id = case_id
        self._before = list(before)
        self._after = list(after)
        self._moved = moved
        self._changed = changed
        self._report = report

    def redo(self) -> None:
        self._apply(self._after)

    def undo(self) -> None:
        self._apply(self._before)

    def _apply(self, wanted: list[int]) -> None:
        try:
            current = [q.id or 0 for q in questions.list_for_case(self._db, self._case_id)]
            order = [i for i in wanted if i in current] + [i for i in current if i not in wanted]
            questions.set_order(self._db, self._case_id, order)
        except (OpinionKitError, sqlite3.DatabaseError) as error:
            self.setObsolete(True)  # nothing changed; neither Undo nor Redo offers it again
            self._report(error)
            return
        self._changed(self._moved)
