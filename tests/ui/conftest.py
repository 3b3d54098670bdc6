"""Window fixtures: a main window on the test's own data folder, styled as the app is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from opinionkit.core.storage.database import open_database
from opinionkit.ui.main_window import MainWindow
from opinionkit.ui.settings import window_settings
from opinionkit.ui.style import apply_style


@pytest.fixture(autouse=True)
def styled_app(qapp: QApplication) -> QApplication:
    if not qapp.styleSheet():  # once: setting a style sheet re-polishes every widget
        apply_style(qapp)
    return qapp


@pytest.fixture(autouse=True)
def no_thread_left_running() -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(10_000), "a background task was still running"


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    db = open_database(data_dir)
    yield db
    db.close()


@pytest.fixture
def open_window(qtbot, data_dir: Path):
    """Opens a main window on the test's data folder; each is closed at the end of the test."""
    opened: list[MainWindow] = []

    def opener(db: Database) -> MainWindow:
        window = MainWindow(db, data_dir, window_settings(data_dir))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    yield opener
    for window in opened:
        window.close()

