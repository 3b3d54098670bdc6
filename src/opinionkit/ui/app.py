"""Starting the window: a display check, the application, the data folder, the excepthook.

The window's frame is painted first and filled right after: opening the database
and building the pages wait until the frame is on screen, so the window appears
almost as quickly as a bare one. The frame already looks like the app, in its
final style: the menu titles, the toolbar's strip, the sidebar's colour and a line
saying that the records are opening (see ``MainWindow``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from opinionkit.core.errors import StorageError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from sqlite_utils import Database

    from opinionkit.ui.crash import CrashReporter
    from opinionkit.ui.main_window import MainWindow

#: Where a local X server listens: DISPLAY ":0" (or "unix:0") is the socket X0 here.
X11_SOCKETS = Path("/tmp/.X11-unix")
#: Opens the data even if the frame's first paint never comes (a window that starts hidden).
OPEN_ANYWAY_MS = 1000


def missing_display() -> str | None:
    """Why Qt could not open a window here, or None when it can (or only Qt can tell).

    Without a reachable display a QApplication aborts the whole process, so this
    looks first, cheaply: the platform Qt will use, and for a local X server or a
    Wayland compositor, whether its socket is there.
    """
    if sys.platform in ("win32", "darwin"):
        return None
    wanted = [name.split(":")[0].strip() for name in os.environ.get("QT_QPA_PLATFORM", "").split(";")]
    wanted = [name for name in wanted if name]
    if any(name not in ("xcb", "wayland", "wayland-egl") for name in wanted):
        return None  # offscreen, vnc, eglfs ...: these need no display server
    wanted = wanted or ["xcb", "wayland"]  # Qt's own choice: either will do
    checks = [("DISPLAY", _x_server_listens)] if "xcb" in wanted else []
    if any(name.startswith("wayland") for name in wanted):
        checks.append(("WAYLAND_DISPLAY", _wayland_listens))
    unanswered = []
    for variable, listens in checks:
        value = os.environ.get(variable, "")
        if value and listens(value):
            return None
        if value:
            unanswered.append(f"{variable}={value}")
    if unanswered:
        return f"no display server answers at {' or '.join(unanswered)}"
    return "neither DISPLAY nor WAYLAND_DISPLAY is set" if len(checks) > 1 else f"{checks[0][0]} is not set"


def has_display() -> bool:
    """Whether Qt can open a window here; without one a QApplication would abort the process."""
    return missing_display() is None


def _x_server_listens(display: str) -> bool:
    host, _, screen = display.rpartition(":")
    number = screen.split(".")[0]
    if host not in ("", "unix") or not number.isdigit():
        return True  # over the network, or a form only Qt knows: a quick look cannot tell
    socket = X11_SOCKETS / f"X{number}"
    return _is_socket(socket) or _abstract_socket_listed(str(socket))


def _wayland_listens(name: str) -> bool:
    runtime_dir = os.environ.get("XDG_RUNTIME_DIR", "")
    if not os.path.isabs(name) and not runtime_dir:
        return False  # a Wayland client cannot find the compositor's socket either
    return _is_socket(Path(runtime_dir, name))


def _is_socket(path: Path) -> bool:
    try:
        return path.is_socket()
    except OSError:
        return False


def _abstract_socket_listed(name: str) -> bool:
    # X servers on Linux also listen on an abstract socket, which needs no /tmp/.X11-unix
    # (containers often share the one but not the other).
    try:
        listed = Path("/proc/net/unix").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return f" @{name}\n" in listed


def run_window(data_dir: Path) -> int:
    """Open the main window on ``data_dir`` and run until it closes; returns the exit code."""
    missing = missing_display()
    if missing:
        print(
            f"opinionkit: the window needs a graphical display, and none was found ({missing}). "
            "The commands (see opinionkit --help) work without one.",
            file=sys.stderr,
        )
        return 2

    # Qt is imported only now: the display check above must come first. Only what the
    # frame needs is imported before its first paint; _Opening brings in the rest after.
    from PySide6.QtCore import QTimer

    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.settings import window_settings
    from opinionkit.ui.style import styled_application

    app = styled_application(sys.argv[0] if sys.argv else "opinionkit")
    app.setOrganizationName("OpinionKit")
    app.setApplicationName("OpinionKit")
    app.setApplicationDisplayName("OpinionKit")
    window = MainWindow(None, data_dir, window_settings(data_dir))
    window.today_at_start = True  # only the app itself: tests and screenshots open without it
    opening = _Opening(app, window, data_dir)  # type: ignore[arg-type]
    window.first_painted.connect(opening.run)
    QTimer.singleShot(OPEN_ANYWAY_MS, opening.run)
    window.show()
    try:
        code = app.exec()
        if opening.failure is not None:
            raise opening.failure  # as if the window had failed before it showed: main() reports it
        return code
    finally:
        window.close()
        opening.close()


class _Opening:
    """Opens the database and fills the window, once, after the frame's first paint."""

    def __init__(self, app: QApplication, window: MainWindow, data_dir: Path) -> None:
        self.app = app
        self.window = window
        self.data_dir = data_dir
        self.started = False
        self.failure: BaseException | None = None
        self.db: Database | None = None
        self.reporter: CrashReporter | None = None

    def run(self) -> None:
        if self.started:
            return
        self.started = True
        try:
            self._open()
        except StorageError as error:
            from opinionkit.ui.errors import error_box

            print(f"opinionkit: {error}", file=sys.stderr)
            error_box(self.window, error).exec()
            self.app.exit(1)
        except BaseException as error:  # raised again by run_window once the loop has stopped
            self.failure = error
            self.app.exit(1)

    def _open(self) -> None:
        from opinionkit.core.storage.database import open_database
        from opinionkit.ui.crash import CrashReporter

        self.db = open_database(self.data_dir)
        self.reporter = CrashReporter(self.data_dir, parent=lambda: self.window).install()
        self.window.open(self.db)

    def close(self) -> None:
        self.started = True  # the loop has stopped: a late timer must not open anything now
        if self.reporter is not None:
            self.reporter.close()
        if self.db is not None:
            self.db.close()
