"""Running a core function off the GUI thread, reporting back by signal.

The function is called as ``function(*args, progress=..., cancel=..., **kwargs)``:
``progress(done, total)`` may be called from the worker, and ``cancel`` is a
``threading.Event`` the function checks to stop early. The function must not
touch widgets, and must open its own database from the data folder path:
a sqlite-utils Database stays in the thread that opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class Task(QObject):
    """One run of a function on the global thread pool; signals arrive in the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object)  # the function's return value
    failed = Signal(object)  # the exception it raised

    _running: set[Task] = set()  # keeps each task alive until it has reported

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._function = function
        self._args = args
        self._kwargs = kwargs
        self.cancel_event = threading.Event()
        self._worker_let_go = threading.Event()  # set by the worker once it holds no reference
        self.finished.connect(self._forget)
        self.failed.connect(self._forget)

    def start(self, pool: QThreadPool | None = None) -> Task:
        Task._running.add(self)
        (pool or QThreadPool.globalInstance()).start(_Runner(self, self._worker_let_go))
        return self

    def cancel(self) -> None:
        """Ask the function to stop; it decides where it is safe to do so."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def _run(self) -> None:
        try:
            result = self._function(
                *self._args, progress=self.progress.emit, cancel=self.cancel_event, **self._kwargs
            )
        except Exception as error:  # noqa: BLE001 - every failure is reported, none escapes the thread
            self.failed.emit(error)
        else:
            self.finished.emit(result)

    def _forget(self, _outcome: object) -> None:
        # The last reference must go on this (the GUI) thread: a QObject freed by the garbage
        # collector on the worker thread can crash. The worker may hold the task a moment
        # longer after it has reported, so wait until it has let go.
        if self._worker_let_go.is_set():
            Task._running.discard(self)
        else:
            QTimer.singleShot(5, lambda: self._forget(_outcome))


class _Runner(QRunnable):
    def __init__(self, task: Task, let_go: threading.Event) -> None:
        super().__init__()
        self._task: Task | None = task
        self._let_go = let_go

    def run(self) -> None:
        # Hold the task only while it runs; the GUI thread keeps it until it has reported.
        task, self._task = self._task, None
        try:
            if task is not None:
                task._run()
        finally:
            del task
            self._let_go.set()
