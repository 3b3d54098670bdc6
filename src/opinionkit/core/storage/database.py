"""Opening the one database file: private, WAL, foreign keys on, migrated, never overwritten."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core.errors import StorageError
from opinionkit.core.storage import datafolder
from opinionkit.core.storage.migrations import known_names, migrations


def open_database(data_dir: Path) -> Database:
    """Open (creating if needed) the database in ``data_dir`` and bring its schema up to date.

    Refuses, without writing anything, a file that is not a database or whose
    schema was written by a newer OpinionKit. sqlite-utils plugins installed on the
    machine are not run: third-party code has no business in a connection to this
    data (and looking for plugins scans every installed package).
    """
    folder = datafolder.prepare_data_dir(data_dir)
    path = datafolder.database_path(folder)
    if not path.exists():
        # Create the file private before SQLite writes to it; -wal and -shm copy its mode.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, datafolder.FILE_MODE))
    _check_readable(path)
    db = Database(sqlite3.connect(path, check_same_thread=True), execute_plugins=False)
    try:
        _refuse_newer_schema(db, path)
        db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise _damaged(path, error) from error
    except BaseException:
        db.close()
        raise
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        datafolder.make_private(folder / name)
    return db


def open_memory() -> Database:
    """A fresh in-memory database with the current schema, for tests and benchmarks."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def _check_readable(path: Path) -> None:
    # Read-only probe: a damaged file must be named, never "repaired" by being written to.
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error


def _refuse_newer_schema(db: Database, path: Path) -> None:
    known = known_names()
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise StorageError(
            f"The database {path} was written by a newer version of OpinionKit "
            f"(it has changes this version does not know: {', '.join(unknown)}). "
            "Install the newer version to open it; the file has been left untouched."
        )


def _damaged(path: Path, error: Exception) -> StorageError:
    return StorageError(
        f"The database {path} cannot be read ({error}). It has been left untouched: "
        "restore it from a backup, or move it away to start with an empty one."
    )
