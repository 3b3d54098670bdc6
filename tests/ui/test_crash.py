"""Unexpected errors: logged with their traceback to a private file, shown once without it."""

from __future__ import annotations

import stat
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from opinionkit.core.errors import NotFound
from opinionkit.core.storage.datafolder import log_path, prepare_data_dir
from opinionkit.ui.crash import CrashReporter


def raised(error: BaseException):
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - we want the traceback object
        return type(caught), caught, caught.__traceback__


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.fixture
def reporter(data_dir, qapp):
    prepare_data_dir(data_dir)
    crash = CrashReporter(data_dir)
    yield crash
    crash.close()
    for box in message_boxes():
        box.close()


def test_an_unexpected_error_is_logged_and_shown_once(reporter, data_dir):
    reporter(*raised(ZeroDivisionError("division by zero in the tracker")))
    reporter(*raised(KeyError("second problem")))

    log = log_path(data_dir)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError" in text and "KeyError" in text
    assert "second problem" not in text and "in the tracker" not in text  # messages may name people
    assert stat.S_IMODE(log.stat().st_mode) == 0o600

    boxes = message_boxes()
    assert len(boxes) == 1 and boxes[0].objectName() == "crashMessage"
    shown = boxes[0].text() + boxes[0].informativeText()
    assert str(log) in shown
    assert "Traceback" not in shown and "ZeroDivisionError" not in shown


def test_a_core_error_that_escapes_is_shown_as_itself(reporter, data_dir):
    reporter(*raised(NotFound("case", 42)))
    boxes = message_boxes()
    assert len(boxes) == 1 and "No case with id 42" in boxes[0].informativeText()
    assert "NotFound" in log_path(data_dir).read_text(encoding="utf-8")


def test_install_and_close_restore_the_previous_hook(reporter):
    before = sys.excepthook
    reporter.install()
    assert sys.excepthook is reporter
    reporter.close()
    assert sys.excepthook is before
