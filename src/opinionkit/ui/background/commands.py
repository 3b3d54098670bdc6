"""Undoable deletion of a health background record: redo moves it to the trash, undo puts it back.

Both go through the background service, so the change log notes the deletion
and the restoring alike.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import background

#: Told the person whose background changed, after every redo or undo.
Changed = Callable[[int], None]
#: Shows why a redo or undo was impossible (the database is left as it was).
Report = Callable[[OpinionKitError | sqlite3.DatabaseError], None]


class DeleteRecordCommand(QUndoCommand):
    def __init__(self, db: Database, record_type: type, record_id: int, person_id: int, label: str,
                 changed: Changed, report: Report) -> None:
        super().__init__(QCoreApplication.translate("undo", "Delete “{label}”").format(label=label))
        self._db = db
        self._type = record_type
        self._id = record_id
        self._person_id = person_id
        self._changed = changed
        self._report = report
        self._entry_id: int | None = None

    def redo(self) -> None:
        try:
            self._entry_id = background.delete(self._db, self._type, self._id)
        except OpinionKitError as error:
            self.setObsolete(True)  # nothing was deleted: Undo must not offer it
            self._report(error)
            return
        self._changed(self._person_id)

    def undo(self) -> None:
        if self._entry_id is None:
            return
        try:
            background.restore(self._db, self._entry_id)
        except (OpinionKitError, sqlite3.IntegrityError) as error:
            self.setObsolete(True)
            self._report(error)
            return
        self._entry_id = None
        self._changed(self._person_id)
