"""Starting the window: a display check, the application, the data folder, the excepthook."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from opinionkit.core.errors import StorageError


def has_display() -> bool:
    """Whether Qt can open a window here; without one a QApplication would abort the process."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_window(data_dir: Path) -> int:
    """Open the main window on ``data_dir`` and run until it closes; returns the exit code."""
    if not has_display():
        print(
            "opinionkit: the window needs a graphical display, and none was found. "
            "The commands (see opinionkit --help) work without one.",
            file=sys.stderr,
        )
        return 2

    # Qt is imported only now: the display check above must come first.
    from PySide6.QtWidgets import QApplication

    from opinionkit.core.storage.database import open_database
    from opinionkit.ui.crash import CrashReporter
    from opinionkit.ui.errors import error_box
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.settings import window_settings
    from opinionkit.ui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "opinionkit"])
    app.setOrganizationName("OpinionKit")
    app.setApplicationName("OpinionKit")
    app.setApplicationDisplayName("OpinionKit")
    apply_style(app)  # type: ignore[arg-type]
    try:
        db = open_database(data_dir)
    except StorageError as error:
        print(f"opinionkit: {error}", file=sys.stderr)
        error_box(None, error).exec()
        return 1

    window: MainWindow | None = None
    reporter = CrashReporter(data_dir, parent=lambda: window).install()
    try:
        window = MainWindow(db, data_dir, window_settings(data_dir))
        window.show()
        return app.exec()
    finally:
        reporter.close()
        db.close()
