"""Reading a letter to compare from a file: plain text, or a PDF through the library's text extraction.

Nothing is imported into the library: the file is only read. What it holds is
told by its first bytes, not its name; anything else than text or a PDF, an
empty file, a locked PDF and a scanned PDF without text are refused with one
sentence saying what to do.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from opinionkit.core.domain.documents import MediaType
from opinionkit.core.errors import UnreadableFile
from opinionkit.core.services import extraction, filetypes

_NO_TEXT = "it has no text (a scan or a photo of the letter). Type or paste the text into a .txt file and compare that."


def read_letter(path: str | Path) -> str:
    """The text of the letter in ``path`` (.txt or .pdf), pages of a PDF separated by a blank line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(path, "it is a folder, not a letter.") from None
    except FileNotFoundError:
        raise UnreadableFile(path, "there is no such file. Check the name and the folder.") from None
    except OSError as error:
        raise UnreadableFile(path, f"it cannot be opened ({error.strerror or error}).") from None
    if not data.strip():
        raise UnreadableFile(path, "the file is empty. Type or paste the letter's text into it.")
    found = filetypes.sniff(data[:filetypes.HEAD_SIZE])
    if found is MediaType.PDF:
        return _pdf_text(path)
    if found is not None:
        raise UnreadableFile(path, f"it is a {found.label}, not a letter in text or PDF. "
                                   "Type or paste the text into a .txt file and compare that.")
    return _plain_text(path, data)


def _pdf_text(path: Path) -> str:
    extracted = extraction.extract(path, MediaType.PDF, label=path)
    if not extracted.has_text:
        raise UnreadableFile(path, _NO_TEXT)
    return "\n\n".join(text for text in extracted.texts if text)


def _plain_text(path: Path, data: bytes) -> str:
    marks = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    for bom, encoding in marks:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise UnreadableFile(path, "it is not a text file or a PDF. Save the letter as plain text (.txt) or PDF.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older Windows editors save letters so
