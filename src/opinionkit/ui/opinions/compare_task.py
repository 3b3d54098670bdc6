"""Comparing two letters on a worker thread, with progress and Cancel.

The letters are read on the GUI thread (the database stays there) and only
their texts go to the worker, which needs no database at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlite_utils import Database

from opinionkit.core.compare import Comparison, compare_letters
from opinionkit.core.services import opinions
from opinionkit.ui.tasks import Task


def compare_texts(a_text: str, b_text: str, *, progress: Callable[[int, int], None],
                  cancel: threading.Event) -> Comparison:
    return compare_letters(a_text, b_text, progress=progress, cancelled=cancel.is_set)


class CompareTask(Task):
    """``compare_letters(a_text, b_text)`` on the thread pool; ``finished`` carries the Comparison.

    ``a_id`` and ``b_id`` say which opinions the letters are of, when they are.
    """

    def __init__(self, a_text: str, b_text: str, a_id: int | None = None, b_id: int | None = None) -> None:
        super().__init__(compare_texts, a_text, b_text)
        self.a_id = a_id
        self.b_id = b_id


def compare_opinions(db: Database, a_id: int, b_id: int) -> CompareTask:
    """A task, not yet started, comparing the letters of two opinions (``a_id``'s is letter A)."""
    return CompareTask(opinions.get(db, a_id).letter_text, opinions.get(db, b_id).letter_text, a_id, b_id)
