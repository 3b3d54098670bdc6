"""Where the window keeps its size and layout: an ini file in the data folder.

Keeping it beside the data (rather than in the user's global settings) means a
test, a demo folder or a second data folder never disturbs another one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from opinionkit.core.storage.datafolder import make_private

SETTINGS_NAME = "window.ini"


def window_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_NAME), QSettings.Format.IniFormat)


def save_privately(settings: QSettings) -> None:
    """Write the settings now and keep the file as private as the rest of the folder (0600)."""
    settings.sync()
    make_private(Path(settings.fileName()))
