"""Starting the window: no display, an unusable data folder, a damaged database."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from opinionkit.core.storage.datafolder import database_path
from opinionkit.ui.app import has_display, run_window


def test_without_a_display_it_says_so_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    code = (
        "import sys; from pathlib import Path; from opinionkit.ui.app import run_window\n"
        f"sys.exit(run_window(Path({str(tmp_path / 'data')!r})))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "display" in lines[0] and "--help" in lines[0]
    assert "Traceback" not in result.stderr


def test_the_window_opens_closes_and_keeps_its_files_private(tmp_path):
    data = tmp_path / "data"
    code = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from opinionkit.ui.app import run_window\n"
        "run = QApplication.exec\n"
        "def close_soon(*args):\n"
        "    QTimer.singleShot(200, QApplication.closeAllWindows)\n"
        "    return run()\n"
        "QApplication.exec = close_soon\n"
        f"sys.exit(run_window(Path({str(data)!r})))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for name in ("opinionkit.db", "opinionkit.log", "window.ini"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name


def test_display_check_reads_the_environment(monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert not has_display()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert has_display()


@pytest.fixture
def shown_boxes(monkeypatch):
    """Record message boxes instead of blocking on them."""
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def test_a_damaged_database_is_named_and_left_untouched(data_dir, shown_boxes, capsys):
    data_dir.mkdir(mode=0o700)
    damaged = database_path(data_dir)
    damaged.write_bytes(b"this is not a database" * 100)
    before = damaged.read_bytes()

    assert run_window(data_dir) == 1
    assert damaged.read_bytes() == before
    assert str(damaged) in capsys.readouterr().err
    assert len(shown_boxes) == 1
    assert str(damaged) in shown_boxes[0].informativeText()
    assert "Traceback" not in shown_boxes[0].informativeText()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_data_folder_that_cannot_be_written_gets_a_clear_message(tmp_path, shown_boxes, capsys):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        assert run_window(locked / "data") == 1
    finally:
        locked.chmod(0o700)
    assert "--data-dir" in capsys.readouterr().err
    assert len(shown_boxes) == 1
