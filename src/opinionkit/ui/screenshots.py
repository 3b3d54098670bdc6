"""One PNG per main screen, rendered offscreen at 1280x800 with the demo data.

A capability adds its screen with one line in SCREENS: a file name and a
callable that takes the window to that screen (given the demo's ids).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from opinionkit.core.services import demo

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QWidget

SIZE = (1280, 800)

#: (file name without .png, how to get there); run in this order on one window.
SCREENS: list[tuple[str, Callable[..., None]]] = [
    ("person", lambda window, ids: window.show_person(ids.person_id)),
    ("case", lambda window, ids: window.show_case(ids.case_id, section="details")),
    ("providers", lambda window, ids: window.show_providers(ids.provider_ids["Dr. Priya Nandakumar"])),
    ("records", lambda window, ids: _records(window, ids, "show_tracker")),
    ("record-item", lambda window, ids: _records(window, ids, "show_item")),
    ("background", lambda window, ids: _health(window, ids, "medications")),
    ("background-history", lambda window, ids: _health(window, ids, "changes")),
    ("medication-form", lambda window, ids: _health(window, ids, "medication-form")),
    ("documents", lambda window, ids: _library(window, ids, "show_documents")),
    ("search", lambda window, ids: _library(window, ids, "show_search")),
    ("viewer", lambda window, ids: _library(window, ids, "show_viewer")),
    ("overview", lambda window, ids: _visit(window, ids, "show_overview")),
    ("questions", lambda window, ids: _visit(window, ids, "show_questions")),
    ("appointments", lambda window, ids: _visit(window, ids, "show_appointments")),
    ("appointment", lambda window, ids: _visit(window, ids, "show_appointment")),
    ("coverage", lambda window, ids: _visit(window, ids, "show_coverage")),
    ("today", lambda window, ids: _visit(window, ids, "show_today")),
    ("opinions", lambda window, ids: _opinions(window, ids, "show_opinions")),
    ("opinion-form", lambda window, ids: _opinions(window, ids, "show_opinion_form")),
    ("letters", lambda window, ids: _opinions(window, ids, "show_letters")),
    ("packet", lambda window, ids: _packet(window, ids)),
    ("compare", lambda window, ids: _decide(window, ids, "show_compare")),
    ("decision-guide", lambda window, ids: _decide(window, ids, "show_guide")),
]


def _records(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.records import screens

    getattr(screens, screen)(window, ids)


def _library(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.library import screens

    getattr(screens, screen)(window, ids)


def _visit(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.visit import screens

    getattr(screens, screen)(window, ids)


def _opinions(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.opinions import screens

    getattr(screens, screen)(window, ids)


def _packet(window: object, ids: demo.Demo) -> None:
    from opinionkit.ui.packet.screens import show_packet

    show_packet(window, ids)


def _decide(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.decide import screens

    getattr(screens, screen)(window, ids)


def _health(window: object, ids: demo.Demo, screen: str) -> None:
    from opinionkit.ui.background.screens import show

    show(window, ids.person_id, screen)  # type: ignore[arg-type]


def save_screenshots(out_dir: Path, *, data_dir: Path | None = None) -> list[Path]:
    """Load the demo into a fresh data folder, then save each screen of SCREENS into ``out_dir``.

    The folder is a temporary one, so that nobody's own data gets the demo person;
    tests pass their own ``data_dir``.
    """
    if data_dir is None:
        with tempfile.TemporaryDirectory(prefix="opinionkit-screenshots-") as folder:
            return save_screenshots(out_dir, data_dir=Path(folder))
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # same pixels everywhere, no display needed
    from PySide6.QtWidgets import QApplication

    from opinionkit.core.storage.database import open_database
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.style import apply_style

    app = QApplication.instance() or QApplication(["opinionkit"])
    apply_style(app)  # type: ignore[arg-type]
    out_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(data_dir)
    saved: list[Path] = []
    try:
        ids = demo.load(db)
        window = MainWindow(db, data_dir, settings=None)  # screenshots never change remembered layout
        window.resize(*SIZE)
        window.show()
        try:
            for name, navigate in SCREENS:
                navigate(window, ids)
                app.processEvents()
                path = out_dir / f"{name}.png"
                if not _grab(window, app).save(str(path)):
                    raise OSError(f"Could not write {path}.")
                saved.append(path)
                for widget in app.topLevelWidgets():  # the next screen starts from the window alone
                    if widget is not window and widget.isVisible():
                        widget.close()
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        db.close()
    return saved


def _grab(window: QWidget, app: QApplication) -> QPixmap:
    """The window with any dialog and popup open over it, where the screen would show them."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QColor, QPainter

    shot = window.grab()
    origin = window.mapToGlobal(QPoint(0, 0))
    above = [w for w in app.topLevelWidgets() if w is not window and w.isVisible()]
    above.sort(key=lambda w: (w.windowType() == Qt.WindowType.Popup, _depth(w)))  # popups, then boxes, on top
    painter = QPainter(shot)
    for widget in above:
        corner = widget.mapToGlobal(QPoint(0, 0)) - origin
        painter.drawPixmap(corner, widget.grab())
        painter.setPen(QColor("#9aa7b4"))  # offscreen windows have no frame: outline them instead
        painter.drawRect(corner.x() - 1, corner.y() - 1, widget.width() + 1, widget.height() + 1)
    painter.end()
    return shot


def _depth(widget: QWidget) -> int:
    """How many windows ``widget`` is opened over: a message box over a dialog over the window is 2."""
    depth = 0
    while widget.parentWidget() is not None:
        widget = widget.parentWidget().window()
        depth += 1
    return depth
