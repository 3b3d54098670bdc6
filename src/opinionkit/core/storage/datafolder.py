"""Where the data lives: choosing the folder and keeping it private (0700, files 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from opinionkit.core.errors import StorageError

ENV_VAR = "OPINIONKIT_DATA_DIR"
DATABASE_NAME = "opinionkit.db"
LOG_NAME = "opinionkit.log"

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def choose_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``OPINIONKIT_DATA_DIR``, then the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only here: start-up with --data-dir need not load it

    return Path(platformdirs.user_data_dir("OpinionKit", appauthor=False))


def prepare_data_dir(folder: Path) -> Path:
    """Create the folder if missing, make it private and check that it can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)
    except OSError as error:
        raise StorageError(
            f"The data folder {folder} cannot be created or used ({error.strerror or error}). "
            "Choose another folder with --data-dir or fix its permissions."
        ) from error
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"The data folder {folder} cannot be written. "
            "Choose another folder with --data-dir or fix its permissions."
        )
    return folder


def make_private(path: Path) -> None:
    """Restrict a file in the data folder to its owner (0600) and a folder to 0700."""
    try:
        mode = FOLDER_MODE if path.is_dir() else FILE_MODE
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass


def database_path(folder: Path) -> Path:
    return folder / DATABASE_NAME


def log_path(folder: Path) -> Path:
    return folder / LOG_NAME
