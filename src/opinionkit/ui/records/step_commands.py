"""Moving an item along its timeline as undoable commands on the window's undo stack.

Neither command deletes a step: undoing an advance marks its step undone, and
redoing records the same step with the same date again, as the timeline keeps
every row (core/services/timeline.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlite_utils import Database

from opinionkit.core.domain.records import RecordStep
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import timeline
from opinionkit.ui.records.labels import step_label

#: Told the item's id after every redo or undo, so the tracker can show it again.
Changed = Callable[[int], None]
#: Shows why a redo or undo was impossible (the database is left as it was).
Report = Callable[[OpinionKitError | sqlite3.DatabaseError], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


class _StepCommand(QUndoCommand):
    def __init__(self, db: Database, item_id: int, label: str, changed: Changed, report: Report) -> None:
        super().__init__()
        self._db = db
        self._item_id = item_id
        self._label = label
        self._changed = changed
        self._report = report
        self._step: RecordStep | None = None  # the step this command recorded or undid

    def _attempt(self, action: Callable[[], None]) -> None:
        try:
            action()
        except (OpinionKitError, sqlite3.DatabaseError) as error:
            # Nothing changed; the command leaves the stack so neither Undo nor Redo offers it again.
            self.setObsolete(True)
            self._report(error)
            return
        self._changed(self._item_id)

    def _record_again(self) -> None:
        step = self._step
        assert step is not None
        self._step = timeline.record_step(self._db, self._item_id, step.step, step.on_date, step.note)

    def _undo_latest(self) -> None:
        self._step = timeline.undo_last_step(self._db, self._item_id)


class AdvanceCommand(_StepCommand):
    """Move an item to its next step, dated today (or ``on_date``)."""

    def __init__(self, db: Database, item_id: int, label: str, changed: Changed, report: Report,
                 on_date: str | None = None) -> None:
        super().__init__(db, item_id, label, changed, report)
        self._on_date = on_date

    def redo(self) -> None:
        if self._step is None:
            self._attempt(self._first_time)
        else:
            self._attempt(self._record_again)

    def undo(self) -> None:
        self._attempt(self._undo_latest)

    def _first_time(self) -> None:
        self._step = timeline.advance(self._db, self._item_id, self._on_date)
        self.setText(_tr("“{item}”: {step}").format(item=self._label, step=step_label(self._step.step)))


class UndoStepCommand(_StepCommand):
    """Take back an item's latest step (it stays in the timeline, marked undone)."""

    def __init__(self, db: Database, item_id: int, label: str, changed: Changed, report: Report) -> None:
        super().__init__(db, item_id, label, changed, report)
        self.setText(_tr("Take back a step of “{item}”").format(item=label))

    def redo(self) -> None:
        self._attempt(self._undo_latest)

    def undo(self) -> None:
        self._attempt(self._record_again)
