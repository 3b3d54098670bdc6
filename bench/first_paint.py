"""Start a window, time its first paint, and quit. Run as a script by bench/startup.py.

    python bench/first_paint.py bare
    python bench/first_paint.py opinionkit

Once the window's first paint has been drawn it prints ``first-paint <time.monotonic()>``
on stdout: the same clock as the parent's, so the parent can tell how long after the
start that was. OpinionKit paints its frame first and fills it right after; it runs on
until the first paint that shows its data and prints ``data-shown <time>`` then.

Both start the same way; ``opinionkit`` goes through the real entry point
(``opinionkit.cli.main.main``) with no options, as a user starts it (on the data
folder the platform gives, which bench/startup.py points at a temporary one), so
whatever the app does before its first paint is measured. Quitting is hooked into
``QApplication.exec``, so the app needs no special code for it.

Only the main window's own events are watched, and a time is taken once the whole
paint pass (the window and every widget in it) is done. An event filter on the whole
application would hand every event of every object to Python, and PySide builds a
Python type the first time it meets an object of a new class (~25 ms for the first
QPropertyAnimation alone): a cost of the measuring, not of the app, and one that grows
with the number of widgets in the window.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

_exec = QApplication.exec
_GIVE_UP_MS = 30_000  # a window that never paints must fail the figure, not hang the bench


class _QuitWhenPainted(QObject):
    """Prints when the first paint of a main window is done and, for a window still opening its
    data then, when the first paint after ``opened`` is; quits after the last one it waits for.

    A paint pass starts with the window itself (the widgets in it are drawn over it), so a
    paint event of the window marks a pass, and a zero timer started then runs once it is over.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.painted = False
        self.data_ready = False
        self.opens_later = hasattr(window, "opened")
        if self.opens_later:
            window.opened.connect(self._data_ready)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:  # of the window: the only object it watches
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, self._first_paint_done)
            elif self.data_ready:
                self.data_ready = False
                QTimer.singleShot(0, self._data_paint_done)
        return False

    def _first_paint_done(self) -> None:
        print("first-paint", time.monotonic(), flush=True)
        if not self.opens_later or self.window.is_open:  # everything was in that paint
            QApplication.quit()

    def _data_paint_done(self) -> None:
        print("data-shown", time.monotonic(), flush=True)
        QApplication.quit()

    def _data_ready(self) -> None:
        self.data_ready = True


def _exec_until_painted(*_ignored: object) -> int:
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    window.installEventFilter(_QuitWhenPainted(window))
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
