"""Writing a backup: one file with a snapshot of the database, every stored document and a manifest.

The database is copied with SQLite's backup API from a read-only connection,
so the snapshot is consistent even while the window is open and writing.
The zip holds ``opinionkit.db``, the ``documents/`` tree, any other settings
file of the data folder, and ``manifest.json`` listing each of them with its
SHA-256 and size. With a passphrase the whole zip is encrypted as it is
written (see crypto.py), so no plaintext copy ever reaches the disk outside the
data folder's own private temporary space. The file appears only when
complete: it is written beside its final name and then moved into place.
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from sqlite_utils import Database

from opinionkit import __version__
from opinionkit.core.errors import OutputExists, StorageError
from opinionkit.core.safety.crypto import EncryptingWriter
from opinionkit.core.services import document_store
from opinionkit.core.storage import datafolder
from opinionkit.core.storage.migrations import migrations

MANIFEST = "manifest.json"
DATABASE_MEMBER = datafolder.DATABASE_NAME
FORMAT = 1
ROLLING_FOLDER = "backups"
ROLLING_SUFFIX = ".okbackup"
_CHUNK = 1 << 20
#: Never copied: the live database (a snapshot is taken instead), the log, rolling backups.
_LEFT_OUT = {
    datafolder.DATABASE_NAME, datafolder.DATABASE_NAME + "-wal", datafolder.DATABASE_NAME + "-shm",
    datafolder.DATABASE_NAME + "-journal", datafolder.LOG_NAME,
}

#: Called with (files done, files in all).
Progress = Callable[[int, int], None]


@dataclass
class BackupReport:
    path: Path
    files: int  # the database and every other file in the backup, manifest not counted
    documents: int
    size: int  # bytes of the backup file
    encrypted: bool


def create(
    data_dir: Path, out_path: Path, passphrase: str | None = None,
    progress: Progress | None = None, *, overwrite: bool = False,
) -> BackupReport:
    """Back up ``data_dir`` into ``out_path``; refuses an existing ``out_path`` unless ``overwrite``."""
    data_dir, out_path = Path(data_dir), Path(out_path)
    database = datafolder.database_path(data_dir)
    if not database.is_file():
        raise StorageError(f"There is no OpinionKit data in {data_dir} to back up. "
                           "Check the folder given with --data-dir.")
    if not overwrite and out_path.exists():
        raise OutputExists(out_path)
    if out_path.resolve().is_relative_to(data_dir.resolve()) and not _is_rolling(data_dir, out_path):
        raise StorageError(f"Write the backup outside the data folder {data_dir}, "
                           "so that losing the folder does not lose the backup too.")
    with tempfile.TemporaryDirectory(prefix="opinionkit-backup-") as scratch:  # created 0700
        snapshot = Path(scratch) / DATABASE_MEMBER
        _snapshot(database, snapshot)
        members = [(DATABASE_MEMBER, snapshot), *_data_files(data_dir)]
        out_path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=out_path.parent, prefix=f".{out_path.name}.", suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                _write(out, members, _migration_names(snapshot), passphrase, progress)
                out.flush()
                os.fsync(out.fileno())
            _move_into_place(Path(temporary), out_path, overwrite)
        finally:
            Path(temporary).unlink(missing_ok=True)
    documents = sum(1 for name, _ in members if name.startswith(document_store.FOLDER + "/"))
    return BackupReport(out_path, len(members), documents, out_path.stat().st_size, bool(passphrase))


def rolling(data_dir: Path, keep: int = 5, folder: Path | None = None) -> BackupReport:
    """Write a new automatic backup into ``folder`` (default: ``backups`` in the data folder).

    Only the newest ``keep`` automatic backups stay. Calling this after changes and
    when the window closes is left to the window.
    """
    data_dir = Path(data_dir)
    folder = Path(folder) if folder else data_dir / ROLLING_FOLDER
    folder.mkdir(parents=True, exist_ok=True, mode=datafolder.FOLDER_MODE)
    datafolder.make_private(folder)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    report = create(data_dir, folder / f"opinionkit-{stamp}{ROLLING_SUFFIX}")
    for old in rolling_backups(folder)[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return report


def rolling_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first (their names sort by time)."""
    return sorted(p for p in folder.glob(f"opinionkit-*{ROLLING_SUFFIX}") if p.is_file())


def _is_rolling(data_dir: Path, out_path: Path) -> bool:
    return out_path.resolve().parent == (data_dir / ROLLING_FOLDER).resolve()


def _snapshot(database: Path, target: Path) -> None:
    try:
        source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise StorageError(f"The database {database} cannot be read for a backup ({error}). "
                           "Run `opinionkit check` to see what is wrong with it.") from error


def _migration_names(snapshot: Path) -> list[str]:
    db = Database(sqlite3.connect(snapshot), execute_plugins=False)
    try:
        return [m.name for m in migrations.applied(db)]
    finally:
        db.close()


def _data_files(data_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every file worth keeping, as (name in the backup, path); hidden temporary files are skipped."""
    for entry in sorted(data_dir.iterdir()):
        if entry.is_file() and not entry.is_symlink() and entry.name not in _LEFT_OUT \
                and not entry.name.startswith("."):
            yield entry.name, entry
    documents = data_dir / document_store.FOLDER
    for root, folders, files in os.walk(documents):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and path.is_file() and not path.is_symlink():
                yield str(PurePosixPath(*path.relative_to(data_dir).parts)), path


def _write(out: BinaryIO, members: list[tuple[str, Path]], migration_names: list[str],
           passphrase: str | None, progress: Progress | None) -> None:
    sink: BinaryIO | EncryptingWriter = EncryptingWriter(out, passphrase) if passphrase else out
    listed = []
    with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:  # type: ignore[arg-type]
        for done, (name, path) in enumerate(members):
            compression = zipfile.ZIP_DEFLATED if name == DATABASE_MEMBER else zipfile.ZIP_STORED
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            info.external_attr = 0o600 << 16
            digest, size = hashlib.sha256(), 0
            with path.open("rb") as source, archive.open(info, "w", force_zip64=True) as member:
                while block := source.read(_CHUNK):
                    digest.update(block)
                    size += len(block)
                    member.write(block)
            listed.append({"path": name, "sha256": digest.hexdigest(), "size": size})
            if progress:
                progress(done + 1, len(members))
        manifest = {
            "format": FORMAT, "app": "OpinionKit", "app_version": __version__,
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "migrations": migration_names, "files": listed,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1), compress_type=zipfile.ZIP_DEFLATED)
    if isinstance(sink, EncryptingWriter):
        sink.close()


def _move_into_place(temporary: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)  # atomic, and fails if the name was taken meanwhile
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError:  # file systems without hard links
        if path.exists():
            raise OutputExists(path) from None
        shutil.move(temporary, path)
