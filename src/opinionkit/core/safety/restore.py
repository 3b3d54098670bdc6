"""Restoring a backup: everything is checked before the data folder is touched, and nothing is lost.

Order of work:
1. Refuse over existing data unless ``force`` (cheap, before any reading).
2. Decrypt (if encrypted) and unpack into a fresh private folder next to the
   data folder, checking the passphrase, the manifest and every file's SHA-256
   and size, and that the database is sound and not from a newer version.
3. Only then: move the existing data folder aside next to it
   (``<name>.before-restore-<time>``), rename the fresh folder into place.
   If that fails, the old folder is put back. The old data is kept aside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from opinionkit.core.errors import OpinionKitError, StorageError
from opinionkit.core.safety.backup import DATABASE_MEMBER, FORMAT, MANIFEST
from opinionkit.core.safety.crypto import DamagedBackup, decrypt_chunks, is_encrypted
from opinionkit.core.storage import datafolder
from opinionkit.core.storage.migrations import known_names

_CHUNK = 1 << 20


class PassphraseRequired(OpinionKitError):
    def __init__(self) -> None:
        super().__init__("This backup is encrypted. Give its passphrase with --passphrase-file FILE.")


class DataExists(OpinionKitError):
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(f"The data folder {data_dir} already holds data. Add --force to restore over it; "
                         "the current data is then moved aside next to it, not deleted.")


@dataclass
class RestoreReport:
    data_dir: Path
    people: int
    cases: int
    documents: int  # document rows in the restored database
    files: int  # files written, the database included
    set_aside: Path | None  # where the previous data now is, if there was any


def restore(backup_path: Path, data_dir: Path, passphrase: str | None = None, force: bool = False) -> RestoreReport:
    backup_path, data_dir = Path(backup_path), Path(data_dir)
    has_data = data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir()))
    if has_data and not force:
        raise DataExists(data_dir)
    try:
        source = backup_path.open("rb")
    except OSError as error:
        raise StorageError(f"The backup {backup_path} cannot be read ({error.strerror or error}).") from error
    parent = data_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{data_dir.name}.restoring-"))  # 0700
    try:
        with source:
            fresh = staging / "data"
            files = _unpack(source, passphrase, staging, fresh)
        people, cases, documents = _counts(datafolder.database_path(fresh))
        set_aside = _swap(fresh, data_dir) if has_data else _move_in(fresh, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(data_dir, people, cases, documents, files, set_aside)


def _unpack(source: BinaryIO, passphrase: str | None, staging: Path, fresh: Path) -> int:
    head = source.read(16)
    source.seek(0)
    if is_encrypted(head):
        if not passphrase:
            raise PassphraseRequired()
        plain = staging / "backup.zip"
        with os.fdopen(os.open(plain, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as out:
            for chunk in decrypt_chunks(source, passphrase):
                out.write(chunk)
        with plain.open("rb") as unpacked:
            return _extract(unpacked, fresh)
    return _extract(source, fresh)


def _extract(source: BinaryIO, fresh: Path) -> int:
    try:
        archive = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise DamagedBackup("it is not an OpinionKit backup, or it is cut short") from None
    with archive:
        manifest = _manifest(archive)
        names = {entry["path"] for entry in manifest["files"]}
        if set(archive.namelist()) != names | {MANIFEST}:
            raise DamagedBackup("its files do not match its list of contents")
        fresh.mkdir(mode=datafolder.FOLDER_MODE)
        for entry in manifest["files"]:
            _extract_one(archive, entry, fresh)
    _check_database(datafolder.database_path(fresh))
    return len(manifest["files"])


def _manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
        files = manifest["files"]
        valid = manifest["format"] == FORMAT and isinstance(manifest.get("migrations", []), list) and all(
            isinstance(e["path"], str) and isinstance(e["sha256"], str) and isinstance(e["size"], int)
            and _safe(e["path"]) for e in files)
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile, OSError):
        raise DamagedBackup("its list of contents is missing or unreadable") from None
    if manifest.get("format") != FORMAT and isinstance(manifest.get("format"), int) and manifest["format"] > FORMAT:
        raise StorageError("This backup was made by a newer version of OpinionKit. Install it to restore the backup.")
    if not valid or DATABASE_MEMBER not in {e["path"] for e in files}:
        raise DamagedBackup("its list of contents is not valid")
    unknown = [name for name in manifest.get("migrations", []) if name not in known_names()]
    if unknown:
        raise StorageError("This backup was made by a newer version of OpinionKit "
                           f"(its database has changes this version does not know: {', '.join(unknown)}). "
                           "Install the newer version to restore it.")
    return manifest


def _safe(name: str) -> bool:
    """A plain relative path: no absolute paths, no '..', no backslashes or drive letters."""
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and "\\" not in name and ":" not in name \
        and all(part not in ("", ".", "..") for part in parts)


def _extract_one(archive: zipfile.ZipFile, entry: dict[str, Any], fresh: Path) -> None:
    target = fresh.joinpath(*PurePosixPath(entry["path"]).parts)
    for folder in reversed(target.relative_to(fresh).parents[:-1]):
        (fresh / folder).mkdir(mode=datafolder.FOLDER_MODE, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    try:
        with archive.open(entry["path"]) as member, \
                os.fdopen(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, datafolder.FILE_MODE), "wb") as out:
            while block := member.read(_CHUNK):
                digest.update(block)
                size += len(block)
                if size > entry["size"]:
                    break
                out.write(block)
    except (zipfile.BadZipFile, EOFError, ValueError) as error:  # bad CRC, cut-short member
        raise DamagedBackup(f"{entry['path']} cannot be read: {error}") from None
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise DamagedBackup(f"{entry['path']} is not what was backed up")


def _check_database(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedBackup(f"its database cannot be read: {error}") from None
    if not result or result[0] != "ok":
        raise DamagedBackup(f"its database is not sound: {result[0] if result else 'no answer'}")


def _counts(path: Path) -> tuple[int, int, int]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("people", "cases", "documents"))
    finally:
        connection.close()


def _move_in(fresh: Path, data_dir: Path) -> None:
    if data_dir.exists():
        data_dir.rmdir()  # empty, checked above
    os.rename(fresh, data_dir)
    os.chmod(data_dir, datafolder.FOLDER_MODE)


def _swap(fresh: Path, data_dir: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = data_dir.with_name(f"{data_dir.name}.before-restore-{stamp}-{number}")
    os.rename(data_dir, aside)
    try:
        os.rename(fresh, data_dir)
        os.chmod(data_dir, datafolder.FOLDER_MODE)
    except BaseException:
        if not data_dir.exists():
            os.rename(aside, data_dir)
        raise
    return aside
