"""Files written in pieces (the packet PDF, its zip) under a hidden name beside their final one.

The same pattern as ``storage.files.write_atomic``, for content that is
streamed rather than held as bytes: nothing appears under the final name
until ``commit``; leaving the ``with`` block without it (an error, a cancel)
removes the temporary file. Without ``overwrite`` an existing file is refused
with OutputExists, even one that appears while writing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from opinionkit.core.errors import OutputExists


class PendingFile:
    def __init__(self, path: Path, *, overwrite: bool = False) -> None:
        self.path = Path(path)
        self.overwrite = overwrite
        if not overwrite and self.path.exists():
            raise OutputExists(self.path)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".part")
        self.temporary = Path(temporary)
        self.file: BinaryIO = os.fdopen(handle, "w+b")
        self.committed = False

    def commit(self) -> None:
        """Flush to disk and move the file to its final name."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        try:
            if self.overwrite:
                os.replace(self.temporary, self.path)
            else:
                _link_without_replacing(self.temporary, self.path)
        finally:
            self.temporary.unlink(missing_ok=True)
        self.committed = True

    def discard(self) -> None:
        self.file.close()
        self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> PendingFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if not self.committed:
            self.discard()


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
