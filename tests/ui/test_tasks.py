"""The task runner: work happens off the GUI thread and reports by signal."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from opinionkit.ui.tasks import Task


def count_to(limit: int, *, progress, cancel: threading.Event) -> dict:
    done = 0
    for done in range(1, limit + 1):
        if cancel.is_set():
            break
        progress(done, limit)
    return {"done": done, "thread": threading.current_thread().name}


def test_a_task_reports_progress_and_its_result(qtbot):
    task = Task(count_to, 3)
    seen = []
    task.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
    assert blocker.args[0]["done"] == 3
    assert blocker.args[0]["thread"] != threading.current_thread().name
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_failing_task_reports_the_exception(qtbot):
    def broken(*, progress, cancel):
        raise ValueError("the file was not a PDF")

    task = Task(broken)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], ValueError)
    assert str(blocker.args[0]) == "the file was not a PDF"


def test_cancel_reaches_the_function(qtbot):
    started = threading.Event()

    def wait_for_cancel(*, progress, cancel):
        started.set()
        return cancel.wait(timeout=5)

    task = Task(wait_for_cancel)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
        assert started.wait(timeout=5)
        task.cancel()
    assert blocker.args == [True]
    assert task.cancelled


@pytest.mark.parametrize("limit", [0, 1])
def test_signals_arrive_in_the_gui_thread(qtbot, limit):
    task = Task(count_to, limit)
    arrived_in = []
    task.finished.connect(lambda _result: arrived_in.append(QThread.currentThread()))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert arrived_in == [qtbot_thread()]


def qtbot_thread() -> QThread:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()
