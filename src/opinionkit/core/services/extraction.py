"""Text of every page of a PDF, through PDFium (pypdfium2): about ten times faster than pypdf.

PDFium repairs what it can (a broken cross-reference table, a missing end),
reads rotated pages, forms and odd fonts, and decrypts RC4 and AES itself.
It is not thread-safe, so one lock serialises every use of it in this process.
Images have pages but no text (reading text from pictures is out of scope).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_raw

from opinionkit.core.domain.documents import MediaType
from opinionkit.core.errors import Cancelled, PasswordRequired, UnreadableFile, WrongPassword
from opinionkit.core.services import filetypes

#: Called with (pages done, pages in all) after each page.
Progress = Callable[[int, int], None]
#: Asked before each page; True stops the work with Cancelled.
CancelCheck = Callable[[], bool]

_PDFIUM = threading.Lock()

# Control characters are dropped from indexed text: search marks its snippets with two of them.
_CONTROLS = {code: None for code in range(32) if chr(code) not in "\t\n\r\f\v"} | {0x7F: None}


@dataclass
class Extracted:
    """What a file turned out to be: its pages, their text (empty for images and scans) and its lock."""

    page_count: int | None
    texts: list[str] = field(default_factory=list)
    encrypted: bool = False
    locked: bool = False

    @property
    def has_text(self) -> bool:
        return any(self.texts)


def normalise(text: str) -> str:
    """One space between words, no control characters, composed accents: what the index stores."""
    return unicodedata.normalize("NFC", " ".join(text.translate(_CONTROLS).split()))


def extract(
    path: Path, media_type: MediaType, *, password: str | None = None, allow_locked: bool = False,
    progress: Progress | None = None, cancelled: CancelCheck | None = None, label: object = None,
) -> Extracted:
    """Read ``path`` page by page; errors name ``label`` (the file the person chose), else ``path``.

    A PDF that needs a password raises PasswordRequired, or with ``allow_locked``
    comes back locked: no text and no page count. A wrong password always raises
    WrongPassword.
    """
    label = label if label is not None else path
    if media_type.is_image:
        pages = filetypes.image_pages(path, media_type, label)
        _report(progress, cancelled, pages, pages)
        return Extracted(page_count=pages, texts=[""] * pages)
    with _PDFIUM:
        try:
            document = _open(path, password, label)
        except PasswordRequired as error:
            if allow_locked and not isinstance(error, WrongPassword):
                return Extracted(page_count=None, encrypted=True, locked=True)
            raise
        try:
            return _read_pages(document, label, progress, cancelled)
        finally:
            document.close()


def _open(path: Path, password: str | None, label: object) -> pypdfium2.PdfDocument:
    try:  # a stream, not the path: PDFium's own path handling is not Unicode-safe everywhere
        stream = path.open("rb")
    except OSError as error:
        raise UnreadableFile(label, f"it cannot be opened ({error.strerror or error}).") from None
    try:
        return pypdfium2.PdfDocument(stream, password=password or None, autoclose=True)
    except pypdfium2.PdfiumError as error:
        stream.close()
        if error.err_code == pdfium_raw.FPDF_ERR_PASSWORD:
            raise (WrongPassword(label) if password else PasswordRequired(label)) from None
        if error.err_code == pdfium_raw.FPDF_ERR_SECURITY:
            raise UnreadableFile(label, "it is locked in a way OpinionKit cannot open. "
                                        "Print it to a new PDF and import that.") from None
        if error.err_code == pdfium_raw.FPDF_ERR_SUCCESS:
            raise UnreadableFile(label, "the PDF has no pages.") from None
        raise UnreadableFile(label, "the PDF is damaged or incomplete and cannot be opened. "
                                    "Ask the sender for a new copy.") from None
    except BaseException:
        stream.close()
        raise


def _read_pages(
    document: pypdfium2.PdfDocument, label: object, progress: Progress | None, cancelled: CancelCheck | None,
) -> Extracted:
    count = len(document)
    encrypted = pdfium_raw.FPDF_GetSecurityHandlerRevision(document) != -1
    texts = []
    _report(progress, cancelled, 0, count)
    for index in range(count):
        try:
            page = document[index]
        except pypdfium2.PdfiumError:
            raise UnreadableFile(label, f"page {index + 1} of {count} is damaged and cannot be read. "
                                        "Ask the sender for a new copy.") from None
        try:
            text_page = page.get_textpage()
            try:
                texts.append(normalise(text_page.get_text_range()))
            finally:
                text_page.close()
        finally:
            page.close()
        _report(progress, cancelled, index + 1, count)
    return Extracted(page_count=count, texts=texts, encrypted=encrypted)


def _report(progress: Progress | None, cancelled: CancelCheck | None, done: int, total: int) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("The import")
    if progress is not None:
        progress(done, total)
