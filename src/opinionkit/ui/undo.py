"""Undoable deletion: a command whose redo moves a row to the trash and whose undo restores it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import trash

#: Told (table, row id, present) after every redo or undo so the window can follow the row.
Changed = Callable[[str, int, bool], None]
#: Shows why a redo or undo was impossible (the database is left as it was).
Report = Callable[[OpinionKitError | sqlite3.DatabaseError], None]


class TrashCommand(QUndoCommand):
    def __init__(self, db: Database, table: str, row_id: int, kind: str, label: str,
                 changed: Changed, report: Report) -> None:
        super().__init__(QCoreApplication.translate("undo", "Delete “{label}”").format(label=label))
        self._db = db
        self._table = table
        self._row_id = row_id
        self._kind = kind
        self._label = label
        self._changed = changed
        self._report = report
        self._entry_id: int | None = None

    def redo(self) -> None:
        try:
            self._entry_id = trash.move_to_trash(self._db, self._table, self._row_id, self._kind, self._label)
        except OpinionKitError as error:
            # Nothing was deleted: drop the command so Undo does not offer it.
            self.setObsolete(True)
            self._report(error)
            return
        self._changed(self._table, self._row_id, False)

    def undo(self) -> None:
        if self._entry_id is None:
            return
        try:
            trash.restore(self._db, self._entry_id)
        except (OpinionKitError, sqlite3.IntegrityError) as error:
            # IntegrityError: a row made since the deletion now has the same id. The entry
            # stays in the trash; the command leaves the stack so Redo cannot touch the newcomer.
            self.setObsolete(True)
            self._report(error)
            return
        self._entry_id = None
        self._changed(self._table, self._row_id, True)
