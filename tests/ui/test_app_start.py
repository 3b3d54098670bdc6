"""Starting the window: no display, the frame painted before the data, an unusable data folder, a damaged database."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

import opinionkit.ui.app as app_module
from opinionkit.core.services import demo
from opinionkit.core.storage.datafolder import database_path
from opinionkit.ui.app import X11_SOCKETS, has_display, missing_display, run_window
from opinionkit.ui.main_window import MainWindow


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
        "from opinionkit.ui.main_window import MainWindow\n"
        "run = QApplication.exec\n"
        "def close_once_open(*args):\n"
        "    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]\n"
        "    window.opened.connect(lambda: QTimer.singleShot(100, QApplication.closeAllWindows))\n"
        "    QTimer.singleShot(20_000, QApplication.closeAllWindows)  # never hang the suite\n"
        "    return run()\n"
        "QApplication.exec = close_once_open\n"
        f"sys.exit(run_window(Path({str(data)!r})))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for name in ("opinionkit.db", "opinionkit.log", "window.ini"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name


def test_an_unreachable_display_says_so_instead_of_aborting(tmp_path):
    # DISPLAY names a local X server that is not running: Qt alone would abort the process.
    number = next(n for n in range(99, 999) if not (X11_SOCKETS / f"X{n}").exists())
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = f":{number}"
    result = subprocess.run([sys.executable, "-m", "opinionkit", "--data-dir", str(tmp_path / "data")],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "display" in lines[0] and f"DISPLAY=:{number}" in lines[0], lines
    assert "Traceback" not in result.stderr


@pytest.fixture
def display_env(monkeypatch, tmp_path):
    """No display variables, Linux, and a folder standing in for /tmp/.X11-unix."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    sockets = tmp_path / "x11"
    sockets.mkdir()
    monkeypatch.setattr(app_module, "X11_SOCKETS", sockets)
    return monkeypatch, sockets


@pytest.fixture
def listen():
    """Listen on a Unix socket at a path, as a display server does."""
    opened: list[socket.socket] = []

    def at(path: Path) -> None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        opened.append(server)
        server.bind(str(path))
        server.listen()

    yield at
    for server in opened:
        server.close()


def test_display_check_looks_for_the_x_server_socket(display_env, listen):
    monkeypatch, sockets = display_env
    assert not has_display()
    assert "DISPLAY" in missing_display()
    monkeypatch.setenv("DISPLAY", ":5")
    assert not has_display()
    assert missing_display() == "no display server answers at DISPLAY=:5"
    listen(sockets / "X5")
    for display in (":5", ":5.0", "unix:5"):
        monkeypatch.setenv("DISPLAY", display)
        assert has_display(), display
    monkeypatch.setenv("DISPLAY", "otherhost:10.0")  # over the network: only Qt can tell
    assert has_display()
    (sockets / "X6").write_text("")  # a plain file is no server
    monkeypatch.setenv("DISPLAY", ":6")
    assert not has_display()


def test_display_check_looks_for_the_wayland_socket(display_env, listen, tmp_path):
    monkeypatch, _ = display_env
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not has_display()  # no XDG_RUNTIME_DIR: a client could not find the socket either
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert not has_display()
    listen(tmp_path / "wayland-0")
    assert has_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")  # Qt is told to use X, which is not there
    assert not has_display()


def test_platforms_without_a_display_server_are_left_to_qt(display_env):
    monkeypatch, _ = display_env
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert has_display()
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert has_display()


@pytest.fixture
def shown_boxes(monkeypatch):
    """Record the informative text of message boxes instead of blocking on them."""
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.informativeText())  # the box goes with the window it was shown over
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
    assert str(damaged) in shown_boxes[0]
    assert "Traceback" not in shown_boxes[0]


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


def test_the_frame_paints_first_and_the_data_fills_it_in_place(qtbot, data_dir, database):
    ids = demo.load(database)
    window = MainWindow(None, data_dir)  # what start-up shows first: the frame alone
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted):
        window.show()
    assert not window.is_open
    menus = window.menuBar().actions()
    assert [menu.text() for menu in menus] == ["&File", "&Edit", "&Go", "&Help"]
    assert all(menu.menu().isEmpty() for menu in menus)  # titles only: the actions need the data
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert shown == ["Opening your records…"]  # no welcome page, no error
    assert window.splitter.widget(0).objectName() == "sidebar"
    toolbar_height, sizes = window.toolbar.height(), window.splitter.sizes()

    with qtbot.waitSignal(window.opened):
        window.open(database)
    assert window.is_open
    assert window.stack.currentWidget() is window.person_page
    assert window.person_id == ids.person_id
    assert [window.splitter.widget(0), window.splitter.widget(1)] == [window.sidebar, window.stack]
    assert all(not menu.menu().isEmpty() for menu in menus)
    qtbot.waitUntil(lambda: window.sidebar.isVisible())
    # Filled in place: the toolbar and the two sides keep the frame's sizes.
    assert (window.toolbar.height(), window.splitter.sizes()) == (toolbar_height, sizes)
    assert not any(label.isVisible() and label.text() == "Opening your records…"
                   for label in window.findChildren(QLabel))
    corner = window.menuBar().cornerWidget()
    assert corner is None or corner.isVisible()  # set into the frame's bar, which was already shown


def test_start_up_has_the_whole_look_before_the_first_paint(tmp_path):
    code = (
        "import sys; from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from opinionkit.ui.app import run_window\n"
        "from opinionkit.ui.main_window import MainWindow\n"
        "run = QApplication.exec\n"
        "def check_then_run(*args):\n"
        "    app = QApplication.instance()\n"
        "    sheet = app.styleSheet()\n"
        "    app.setStyleSheet('')  # shows the style under it\n"
        "    print(app.style().name(), app.font().pointSizeF(), bool(sheet))\n"
        "    app.setStyleSheet(sheet)\n"
        "    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]\n"
        "    window.opened.connect(lambda: QTimer.singleShot(0, QApplication.closeAllWindows))\n"
        "    QTimer.singleShot(20_000, QApplication.closeAllWindows)  # never hang the suite\n"
        "    return run()\n"
        "QApplication.exec = check_then_run\n"
        f"sys.exit(run_window(Path({str(tmp_path / 'data')!r})))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"}  # as a desktop may
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["fusion", "10.0", "True"]
