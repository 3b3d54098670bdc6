"""Writing a file the user asked for: the whole file or nothing, and never an unasked overwrite."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from opinionkit.core.errors import OutputExists


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it into place.

    A crash or error leaves no half-written file. Without ``overwrite`` an
    existing file is refused with OutputExists, even one that appears while writing.
    """
    path = Path(path)
    if not overwrite and path.exists():
        raise OutputExists(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_without_replacing(Path(temporary), path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _link_without_replacing(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # atomic, and fails if the name was taken meanwhile
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError:
        # Some file systems (FAT, some network shares) have no hard links.
        if path.exists():
            raise OutputExists(path) from None
        os.replace(temporary, path)
