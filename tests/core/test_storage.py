from __future__ import annotations

import os
import stat
import sqlite3

import pytest

from opinionkit.core.errors import StorageError
from opinionkit.core.storage import datafolder
from opinionkit.core.storage.database import open_database
from opinionkit.core.storage.migrations import known_names


def test_migrations_from_empty_create_every_table(data_dir):
    db = open_database(data_dir)
    assert {"people", "cases", "providers", "trash"} <= set(db.table_names())
    applied = {row["name"] for row in db["_sqlite_migrations"].rows}
    assert applied == known_names()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    db.close()


def test_data_folder_and_files_are_private(data_dir):
    db = open_database(data_dir)
    db["people"].insert({"name": "x", "created_at": "", "updated_at": ""})
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    db.close()


def test_choice_of_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("OPINIONKIT_DATA_DIR", str(tmp_path / "env"))
    assert datafolder.choose_data_dir(tmp_path / "flag") == tmp_path / "flag"
    assert datafolder.choose_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("OPINIONKIT_DATA_DIR")
    assert "OpinionKit" in str(datafolder.choose_data_dir(None))


def test_reopening_applies_nothing_new(data_dir):
    open_database(data_dir).close()
    db = open_database(data_dir)
    assert db["_sqlite_migrations"].count == len(known_names())
    db.close()


def test_newer_schema_is_refused_and_left_untouched(data_dir):
    db = open_database(data_dir)
    db["_sqlite_migrations"].insert({"migration_set": "opinionkit", "name": "9999_from_the_future", "applied_at": "x"})
    db.close()
    path = datafolder.database_path(data_dir)
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        open_database(data_dir)
    assert path.read_bytes() == before


def test_damaged_database_is_named_and_never_overwritten(data_dir):
    data_dir.mkdir(parents=True)
    path = datafolder.database_path(data_dir)
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError) as error:
        open_database(data_dir)
    assert str(path) in str(error.value)
    assert path.read_bytes() == b"this is not a database at all" * 100


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_is_a_clear_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(StorageError, match="cannot be"):
        open_database(locked / "inner")


def test_unwritable_folder_path_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot be created"):
        open_database(blocker / "data")
