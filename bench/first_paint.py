"""Start a window, time its first paint, and quit. Run as a script by bench/startup.py.

    python bench/first_paint.py bare
    python bench/first_paint.py opinionkit

At the first paint it prints ``first-paint <time.monotonic()>`` on stdout: the same
clock as the parent's, so the parent can tell how long after the start that was.
OpinionKit paints its empty frame first and fills it right after; it runs on until
the first paint that shows its data and prints ``data-shown <time>`` then.

Both start the same way; ``opinionkit`` goes through the real entry point
(``opinionkit.cli.main.main``) with no options, as a user starts it (on the data
folder the platform gives, which bench/startup.py points at a temporary one), so
whatever the app does before its first paint is measured. Quitting is hooked into
``QApplication.exec``, so the app needs no special code for it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

_exec = QApplication.exec
_GIVE_UP_MS = 30_000  # a window that never paints must fail the figure, not hang the bench


class _QuitWhenPainted(QObject):
    """Prints the first paint of a main window and, for a window still opening its data, the
    first paint after ``opened``; quits after the last one it waits for."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.painted = False
        self.data_ready = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)):
            return False
        if not self.painted:
            self.painted = True
            print("first-paint", time.monotonic(), flush=True)
            window = watched.window()
            if hasattr(window, "opened") and not window.is_open:
                window.opened.connect(self._data_ready)
            else:
                QTimer.singleShot(0, QApplication.quit)  # after the rest of this paint pass
        elif self.data_ready:
            self.data_ready = False
            print("data-shown", time.monotonic(), flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False

    def _data_ready(self) -> None:
        self.data_ready = True


def _exec_until_painted(*_ignored: object) -> int:
    app = QApplication.instance()
    app.installEventFilter(_QuitWhenPainted(app))
    QTimer.singleShot(_GIVE_UP_MS, _give_up)
    return _exec()


def _give_up() -> None:
    print(f"the window was not painted within {_GIVE_UP_MS // 1000} s", file=sys.stderr, flush=True)
    os._exit(3)


def bare() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    return app.exec()


def opinionkit() -> int:
    from opinionkit.cli.main import main

    return main([])


if __name__ == "__main__":
    QApplication.exec = _exec_until_painted
    raise SystemExit(bare() if sys.argv[1] == "bare" else opinionkit())
