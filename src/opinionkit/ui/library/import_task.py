"""Importing and unlocking on a worker thread: the core's library calls, with their own database.

A sqlite-utils Database stays in the thread that opened it, so each run opens
the data folder's database itself and closes it when done. Progress by page
is passed on at most every few hundredths of a second: a 2,000-page file
would otherwise queue 2,000 signals for the window to work through.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal

from opinionkit.core.domain.documents import Document
from opinionkit.core.services import library
from opinionkit.core.services.library import ImportReport
from opinionkit.core.storage.database import open_database
from opinionkit.ui.tasks import Task

Progress = Callable[[int, int], None]

#: Seconds between two page-progress reports.
PAGE_REPORT_INTERVAL = 0.03


def import_paths(
    data_dir: Path, paths: Sequence[Path], *, person_id: int, case_id: int | None = None,
    password: str | None = None, allow_without_text: bool = False,
    progress: Progress, cancel: threading.Event, page_progress: Progress | None = None,
) -> ImportReport:
    db = open_database(data_dir)
    try:
        return library.import_files(
            db, data_dir, paths, person_id=person_id, case_id=case_id, password=password,
            allow_without_text=allow_without_text, progress=progress,
            page_progress=_throttled(page_progress) if page_progress else None, cancelled=cancel.is_set,
        )
    finally:
        db.close()


def unlock_document(
    data_dir: Path, document_id: int, password: str, *, progress: Progress, cancel: threading.Event,
) -> Document:
    db = open_database(data_dir)
    try:
        return library.unlock(db, data_dir, document_id, password, progress=_throttled(progress),
                              cancelled=cancel.is_set)
    finally:
        db.close()


def _throttled(report: Progress) -> Progress:
    last = 0.0

    def throttled(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done in (0, total) or now - last >= PAGE_REPORT_INTERVAL:
            last = now
            report(done, total)

    return throttled


class ImportTask(Task):
    """``import_paths`` on the thread pool; ``progress`` counts files, ``pages`` the pages of the current one."""

    pages = Signal(int, int)

    def __init__(self, data_dir: Path, paths: Sequence[Path], *, person_id: int, case_id: int | None = None,
                 password: str | None = None, allow_without_text: bool = False) -> None:
        super().__init__(
            import_paths, data_dir, list(paths), person_id=person_id, case_id=case_id, password=password,
            allow_without_text=allow_without_text, page_progress=lambda done, total: self.pages.emit(done, total),
        )
        self.paths = list(paths)
