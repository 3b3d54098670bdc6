"""Documents of the library: files a person imported, stored once under their SHA-256."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MediaType(StrEnum):
    """The file types the library takes, told by their content, never by their name."""

    PDF = "application/pdf"
    JPEG = "image/jpeg"
    PNG = "image/png"
    TIFF = "image/tiff"

    @property
    def extension(self) -> str:
        """The extension the stored copy gets, so that any viewer opens it."""
        return _EXTENSIONS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_image(self) -> bool:
        return self is not MediaType.PDF


_EXTENSIONS = {MediaType.PDF: ".pdf", MediaType.JPEG: ".jpg", MediaType.PNG: ".png", MediaType.TIFF: ".tif"}
_LABELS = {MediaType.PDF: "PDF", MediaType.JPEG: "JPEG image", MediaType.PNG: "PNG image", MediaType.TIFF: "TIFF image"}


@dataclass
class Document:
    """One imported file of one person.

    The same file imported for two people is stored once and has a row for each.
    ``kind`` uses the record-item kinds (RecordKind values) or any other word.
    ``has_text`` is False for images and scans; ``locked`` marks a PDF imported
    without its password (no text, pages unknown) until ``library.unlock`` is given it.
    ``stored_path`` is relative to the data folder.
    """

    person_id: int
    sha256: str
    filename: str
    stored_path: str
    media_type: MediaType
    title: str
    size_bytes: int
    case_id: int | None = None
    service_date: str | None = None
    holder_id: int | None = None
    kind: str = ""
    page_count: int | None = None
    has_text: bool = False
    encrypted: bool = False
    locked: bool = False
    password: str | None = None
    imported_at: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        # SQLite hands flags back as 0/1.
        self.has_text = bool(self.has_text)
        self.encrypted = bool(self.encrypted)
        self.locked = bool(self.locked)

    @property
    def text_note(self) -> str:
        """Why a document has no searchable text, in a few words; empty when it has text."""
        if self.locked:
            return "locked with a password: no text until it is unlocked"
        if self.has_text:
            return ""
        if self.media_type.is_image:
            return "image: no text"
        return "no text (a scan or a picture of a page)"
