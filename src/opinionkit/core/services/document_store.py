"""The documents folder: each file stored once, under its SHA-256, written so a crash leaves no half file.

A copy is written to a hidden temporary file in ``documents/``, flushed to
disk, then renamed into ``documents/<first two hex digits>/<sha256><ext>``.
The database row is written only after that, so a crash can leave a file
without a row (an orphan that ``orphans`` finds) but never a row without a file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlite_utils import Database

from opinionkit.core.domain.documents import MediaType
from opinionkit.core.errors import Cancelled, StorageError, UnreadableFile
from opinionkit.core.storage.datafolder import make_private

FOLDER = "documents"
_INCOMING_PREFIX = ".incoming-"
_CHUNK = 1 << 20
#: A temporary file this old belongs to no import still running.
_STALE_SECONDS = 3600


@dataclass
class Incoming:
    """A complete, private copy waiting in the documents folder to be placed or discarded."""

    temp_path: Path
    sha256: str
    size: int


class _SourceError(Exception):
    """Reading the file being imported failed (as opposed to writing the copy)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def relative_path(sha256: str, media_type: MediaType) -> str:
    """Where a file lives, relative to the data folder, with forward slashes on every system."""
    return str(PurePosixPath(FOLDER, sha256[:2], sha256 + media_type.extension))


def absolute_path(data_dir: Path, stored_path: str) -> Path:
    return data_dir.joinpath(*PurePosixPath(stored_path).parts)


def copy_in(data_dir: Path, source: Path, cancelled: Callable[[], bool] | None = None) -> Incoming:
    """Copy ``source`` into the documents folder while hashing it; checks ``cancelled`` per megabyte."""
    digest = hashlib.sha256()
    size = 0

    def write(out) -> None:
        nonlocal size
        try:
            data = source.open("rb")
        except OSError as error:
            raise _SourceError(error) from error
        with data:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled("The import")
                try:
                    chunk = data.read(_CHUNK)
                except OSError as error:
                    raise _SourceError(error) from error
                if not chunk:
                    break
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)

    try:
        temp = _write_temp(data_dir, write)
    except _SourceError as error:
        raise UnreadableFile(source, f"it could not be read ({error.cause.strerror or error.cause}).") from None
    return Incoming(temp, digest.hexdigest(), size)


def bytes_in(data_dir: Path, content: bytes) -> Incoming:
    temp = _write_temp(data_dir, lambda out: out.write(content))
    return Incoming(temp, hashlib.sha256(content).hexdigest(), len(content))


def place(data_dir: Path, incoming: Incoming, stored_path: str) -> bool:
    """Move the copy to its final name; False (and the copy dropped) when that file is already there."""
    final = absolute_path(data_dir, stored_path)
    try:
        if final.is_file() and final.stat().st_size == incoming.size:
            incoming.temp_path.unlink()
            return False
        _private_folder(final.parent)
        os.replace(incoming.temp_path, final)
        _sync_folder(final.parent)
    except OSError as error:
        raise _storage_error(data_dir, error) from error
    return True


def discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # left as an orphan: the check finds it


def orphans(db: Database, data_dir: Path) -> list[Path]:
    """Stored files no document row or trash entry refers to, and temporary files of crashed imports."""
    root = data_dir / FOLDER
    if not root.is_dir():
        return []
    known = {row[0] for row in db.execute("SELECT stored_path FROM documents")}
    found = []
    now = time.time()
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        if path.name.startswith(_INCOMING_PREFIX):
            if now - path.stat().st_mtime > _STALE_SECONDS:
                found.append(path)
            continue
        stored = path.relative_to(data_dir).as_posix()
        if stored in known:
            continue
        in_trash = db.execute("SELECT 1 FROM trash WHERE instr(payload, ?) LIMIT 1", [stored]).fetchone()
        if not in_trash:
            found.append(path)
    return found


def _write_temp(data_dir: Path, write: Callable) -> Path:
    folder = data_dir / FOLDER
    try:
        _private_folder(folder)
        handle, name = tempfile.mkstemp(prefix=_INCOMING_PREFIX, dir=folder)  # 0600 from the start
    except OSError as error:
        raise _storage_error(data_dir, error) from error
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
    except OSError as error:
        discard(temp)
        raise _storage_error(data_dir, error) from error
    except BaseException:
        discard(temp)
        raise
    return temp


def _private_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _storage_error(data_dir: Path, error: OSError) -> StorageError:
    return StorageError(
        f"The document could not be stored in {data_dir / FOLDER} ({error.strerror or error}). "
        "Check that the disk has room and the data folder can be written, then try again."
    )
