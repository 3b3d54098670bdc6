"""One PNG per main screen, rendered offscreen at 1280x800 with the demo data.

A capability adds its screen with one line in SCREENS: a file name and a
callable that takes the window to that screen (given the demo's ids).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from opinionkit.core.services import demo

SIZE = (1280, 800)

#: (file name without .png, how to get there); run in this order on one window.
SCREENS: list[tuple[str, Callable[..., None]]] = [
    ("person", lambda window, ids: window.show_person(ids.person_id)),
    ("case", lambda window, ids: window.show_case(ids.case_id, section="details")),
    ("providers", lambda window, ids: window.show_providers(ids.provider_ids["Dr. Priya Nandakumar"])),
]


def save_screenshots(data_dir: Path, out_dir: Path) -> list[Path]:
    """Load the demo into ``data_dir``, then save each screen of SCREENS into ``out_dir``."""
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
                if not window.grab().save(str(path)):
                    raise OSError(f"Could not write {path}.")
                saved.append(path)
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        db.close()
    return saved
