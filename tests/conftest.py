"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: with no display a QApplication aborts the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from sqlite_utils import Database  # noqa: E402

from opinionkit.core.storage.database import open_memory  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder at a fresh temporary folder for every test."""
    folder = tmp_path / "data"
    monkeypatch.setenv("OPINIONKIT_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db() -> Database:
    """A fresh in-memory database with the current schema."""
    database = open_memory()
    yield database
    database.close()
