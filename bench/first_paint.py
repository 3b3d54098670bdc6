"""Start a window and quit as soon as it has been painted once. Run as a script by bench/startup.py.

    python bench/first_paint.py bare
    python bench/first_paint.py opinionkit DATA_DIR

At the first paint it prints ``first-paint <time.monotonic()>`` on stdout: the same
clock as the parent's, so the parent can tell how long after the start that was.

Both start the same way; ``opinionkit`` goes through the real entry point
(``opinionkit.cli.main.main``), so whatever the app does before its first
paint is measured. Quitting is hooked into ``QApplication.exec``, so the app
needs no special code for it.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

_exec = QApplication.exec
_GIVE_UP_MS = 30_000  # a window that never paints must fail the figure, not hang the bench


class _QuitAtFirstPaint(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.painted and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)):
            self.painted = True
            print("first-paint", time.monotonic(), flush=True)
            QTimer.singleShot(0, QApplication.quit)  # after the rest of this paint pass
        return False


def _exec_until_painted(*_ignored: object) -> int:
    app = QApplication.instance()
    app.installEventFilter(_QuitAtFirstPaint(app))
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


def opinionkit(data_dir: str) -> int:
    from opinionkit.cli.main import main

    return main(["--data-dir", data_dir])


if __name__ == "__main__":
    QApplication.exec = _exec_until_painted
    kind = sys.argv[1]
    raise SystemExit(bare() if kind == "bare" else opinionkit(sys.argv[2]))
