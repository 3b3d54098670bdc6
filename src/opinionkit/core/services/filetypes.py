"""What a file holds, told by its first bytes, and whether an image is whole enough to show.

The name of a file is only a claim: a page of text or a photo saved as
``scan.pdf`` is refused with a reason, while a PDF without an extension is
still a PDF.
"""

from __future__ import annotations

import struct
from pathlib import Path

from opinionkit.core.domain.documents import MediaType
from opinionkit.core.errors import UnreadableFile

#: How much of a file ``sniff`` needs to see.
HEAD_SIZE = 4096

_ACCEPTED = "a PDF, JPEG, PNG or TIFF file"

# Things people try to import, named so that the message says what the file is.
_OTHER_SIGNATURES: list[tuple[bytes, int, str]] = [
    (b"GIF8", 0, "a GIF image"),
    (b"BM", 0, "a BMP image"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a Word, Excel or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Word or Excel document"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"DICM", 128, "a DICOM medical image; keep the disc as a record item and import the radiology report"),
    (b"\x1f\x8b", 0, "a compressed (gzip) file"),
    (b"Rar!", 0, "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"II+\x00", 0, "a BigTIFF image, which OpinionKit cannot show; save it as an ordinary TIFF or PDF"),
    (b"MM\x00+", 0, "a BigTIFF image, which OpinionKit cannot show; save it as an ordinary TIFF or PDF"),
]

_NAMED_EXTENSIONS = {".pdf": MediaType.PDF, ".jpg": MediaType.JPEG, ".jpeg": MediaType.JPEG,
                     ".png": MediaType.PNG, ".tif": MediaType.TIFF, ".tiff": MediaType.TIFF}


def sniff(head: bytes) -> MediaType | None:
    """The media type the first bytes of a file announce, or None."""
    if b"%PDF-" in head[:1024]:  # PDF readers accept a header anywhere in the first kilobyte
        return MediaType.PDF
    if head.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return MediaType.PNG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return MediaType.TIFF
    return None


def check_type(path: Path, head: bytes, size: int) -> MediaType:
    """The file's media type, or UnreadableFile saying what it is instead.

    Among images the content decides (a PNG named .jpg is still shown right);
    a name ending in .pdf must hold a PDF, and a PDF must not pose as an image.
    """
    if size == 0:
        raise UnreadableFile(path, "the file is empty.")
    found = sniff(head)
    if found is None:
        raise UnreadableFile(path, f"it is {_describe_other(head)}, not {_ACCEPTED}. Nothing was imported.")
    claimed = _NAMED_EXTENSIONS.get(path.suffix.lower())
    if claimed is MediaType.PDF and found is not MediaType.PDF:
        raise UnreadableFile(path, f"its name says PDF, but it holds a {found.label}. "
                                   f"Rename it to end in {found.extension} and import it again.")
    if claimed is not None and claimed.is_image and found is MediaType.PDF:
        raise UnreadableFile(path, "its name says image, but it holds a PDF. "
                                   "Rename it to end in .pdf and import it again.")
    return found


def image_pages(path: Path, media_type: MediaType, label: object = None) -> int:
    """How many pages an image has (a TIFF may hold several), or UnreadableFile naming ``label`` if damaged."""
    data = path.read_bytes()
    checks = {MediaType.PNG: _png_pages, MediaType.JPEG: _jpeg_pages, MediaType.TIFF: _tiff_pages}
    try:
        return checks[media_type](data)
    except (ValueError, struct.error, IndexError):
        raise UnreadableFile(label or path, f"the {media_type.label} is damaged or incomplete, so it cannot be shown. "
                                   "Ask for a new copy or scan it again.") from None


def _describe_other(head: bytes) -> str:
    for signature, offset, description in _OTHER_SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            return description
    if _looks_like_text(head):
        if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
            return "a web page (HTML); print it to PDF first"
        return "plain text"
    return "of an unknown type"


def _looks_like_text(head: bytes) -> bool:
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # a character cut at the end of the sample is fine
            return False
        text = head[:error.start].decode("utf-8")
    return all(ch.isprintable() or ch in "\t\n\r\f" for ch in text)


def _png_pages(data: bytes) -> int:
    length, kind = struct.unpack(">I4s", data[8:16])
    width, height = struct.unpack(">II", data[16:24])
    if kind != b"IHDR" or length != 13 or not width or not height:
        raise ValueError("no image header")
    if b"IEND" not in data[-12:]:
        raise ValueError("cut off before its end")
    return 1


def _jpeg_pages(data: bytes) -> int:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("not a marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        (length,) = struct.unpack(">H", data[position + 2:position + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            if not width or not height:
                raise ValueError("empty frame")
            return 1
        position += 2 + length
    raise ValueError("no frame")


def _tiff_pages(data: bytes) -> int:
    order = "<" if data[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", data[4:8])
    pages, seen = 0, set()
    while offset:
        if offset in seen or offset + 2 > len(data):
            raise ValueError("bad directory")
        seen.add(offset)
        (entries,) = struct.unpack(order + "H", data[offset:offset + 2])
        end = offset + 2 + entries * 12
        if not entries or end + 4 > len(data):
            raise ValueError("directory cut off")
        pages += 1
        (offset,) = struct.unpack(order + "I", data[end:end + 4])
    return pages
