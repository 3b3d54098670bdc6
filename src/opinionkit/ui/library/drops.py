"""Which local files a drag carries: the only drops the library takes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData


def dropped_files(mime: QMimeData | None) -> list[Path]:
    """The local files of a drag, in their order; web addresses and text are not files to import."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]
