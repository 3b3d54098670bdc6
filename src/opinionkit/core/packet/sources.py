"""The stored files of the packet's documents: checked against their SHA-256, opened, images made into pages.

A file that has gone missing or changed since it was imported stops the
packet (``PacketProblem`` names every such document) until the person chooses
to leave it out. A PDF locked without a stored password, or one too damaged to
read, is left out with its reason, which the records index prints.

Images become Letter pages through img2pdf: JPEG data goes in as it is
(lossless, no re-encoding), PNG and TIFF losslessly; the photo's EXIF
orientation is applied. An image above ``MAX_PIXELS`` is scaled down first so
that a huge scan neither fills the memory nor the packet.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pypdf import PasswordType, PdfReader

from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import library

if TYPE_CHECKING:  # Pillow loads only when a packet has images
    from PIL import Image

#: Images larger than this many pixels are scaled down (a 36-megapixel photo passes untouched).
MAX_PIXELS = 36_000_000
#: The long side, in pixels, of an image that was scaled down: 300 dpi on an 11-inch page.
SCALED_LONG_SIDE = 3300
_LETTER = (612.0, 792.0)
_IMAGE_BORDER = 36.0  # points around an image page: room for the footer, and for holes punched


@dataclass(frozen=True)
class FileProblem:
    """A document whose stored file cannot be trusted, and why."""

    document_id: int
    title: str
    reason: str


class PacketProblem(OpinionKitError):
    """Some documents' files are missing or changed; build again leaving them out, or import them again."""

    def __init__(self, problems: Sequence[FileProblem]) -> None:
        self.problems = list(problems)
        self.document_ids = [p.document_id for p in self.problems]
        named = "; ".join(f"“{p.title}” (document {p.document_id}): {p.reason}" for p in self.problems)
        count = len(self.problems)
        what = "One document" if count == 1 else f"{count} documents"
        super().__init__(
            f"{what} cannot go into the packet: {named}. Import the file again, or leave "
            f"{'it' if count == 1 else 'them'} out (documents {','.join(map(str, self.document_ids))})."
        )


@dataclass
class LeftOut:
    """A document that is not in the packet, with the reason the records index gives."""

    document: Document
    reason: str


@dataclass
class Source:
    """A document ready to copy: its pages in a reader (decrypted); None once they were copied."""

    document: Document
    reader: PdfReader | None
    pages: int


def read_checked(data_dir: Path, document: Document) -> bytes | FileProblem:
    """The stored file's content, or the problem when it is missing or not the file imported."""
    path = library.file_path(data_dir, document)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        return FileProblem(document.id or 0, document.title, "its file is missing from the data folder")
    except OSError as error:
        return FileProblem(document.id or 0, document.title,
                           f"its file cannot be read ({error.strerror or error})")
    if hashlib.sha256(content).hexdigest() != document.sha256:
        return FileProblem(document.id or 0, document.title, "its file has changed since it was imported")
    return content


def copy_checked(data_dir: Path, document: Document, out: BinaryIO) -> None:
    """Copy the stored file to ``out``, checking on the way that it is still the file imported."""
    digest = hashlib.sha256()
    try:
        with library.file_path(data_dir, document).open("rb") as source:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
    except FileNotFoundError:
        raise PacketProblem([FileProblem(document.id or 0, document.title,
                                         "its file went missing while the packet was being made")]) from None
    if digest.hexdigest() != document.sha256:
        raise PacketProblem([FileProblem(document.id or 0, document.title,
                                         "its file changed while the packet was being made")])


def open_source(document: Document, content: bytes) -> Source | LeftOut:
    """The document's pages, or the reason it has to stay out of the packet."""
    if document.media_type.is_image:
        try:
            pdf = image_pdf(content)
        except ImageTooLarge as error:
            return LeftOut(document, str(error))
        except Exception:  # noqa: BLE001 - any decoder failure on a damaged image means the same to the reader
            return LeftOut(document, f"the {document.media_type.label} is damaged and cannot be shown")
        reader = PdfReader(io.BytesIO(pdf))
        return Source(document, reader, len(reader.pages))
    if document.locked:
        return LeftOut(document, "it is locked with a password that was not given when it was imported")
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted and reader.decrypt(document.password or "") == PasswordType.NOT_DECRYPTED:
            return LeftOut(document, "it is locked with a password, and the one kept for it no longer opens it")
        pages = len(reader.pages)
        for page in reader.pages:  # the packet places each page by its box: a page without one is damaged
            if not (page.cropbox.width and page.cropbox.height):
                raise ValueError("a page has an empty box")
    except Exception:  # noqa: BLE001 - pypdf raises many kinds of error on broken files; all mean "damaged"
        return LeftOut(document, "the PDF is damaged and cannot be read")
    if not pages:
        return LeftOut(document, "the PDF has no pages")
    return Source(document, reader, pages)


def image_pdf(content: bytes) -> bytes:
    """An image file (every frame of a TIFF) as a PDF of Letter pages, the image shrunk to fit if needed."""
    import img2pdf  # here: it loads Pillow and pikepdf, needed only for packets with images

    layout = img2pdf.get_layout_fun(pagesize=_LETTER, border=(_IMAGE_BORDER, _IMAGE_BORDER),
                                     fit=img2pdf.FitMode.shrink, auto_orient=True)
    frames = _prepared(content)
    return img2pdf.convert(*frames, layout_fun=layout, rotation=img2pdf.Rotation.ifvalid, nodate=True,
                           engine=img2pdf.Engine.internal)


class ImageTooLarge(Exception):
    """An image so large that decoding it could fill the memory (Pillow refuses it)."""


def _prepared(content: bytes) -> list[bytes]:
    """The image as img2pdf takes it: unchanged when it can be, else frames scaled down or put on white."""
    from PIL import Image, ImageOps, ImageSequence

    try:
        opened = Image.open(io.BytesIO(content))
    except Image.DecompressionBombError:
        raise ImageTooLarge("the image is too large to put on a page; scan or save it at a lower "
                            "resolution and import that") from None
    with opened as image:
        huge = image.width * image.height > MAX_PIXELS
        if not huge and not _has_alpha(image):
            return [content]
        photo = image.format == "JPEG"
        frames = []
        for frame in ImageSequence.Iterator(image):
            frame = ImageOps.exif_transpose(frame)
            if huge:
                frame.thumbnail((SCALED_LONG_SIDE, SCALED_LONG_SIDE))  # decodes JPEGs at a reduced size
            frames.append(_encoded(_on_white(frame), photo))
        return frames


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or (image.mode == "P" and "transparency" in image.info)


def _on_white(frame: Image.Image) -> Image.Image:
    """Transparent parts printed as white paper shows them."""
    from PIL import Image

    if not _has_alpha(frame):
        return frame
    rgba = frame.convert("RGBA")
    white = Image.new("RGB", rgba.size, "white")
    white.paste(rgba, mask=rgba.getchannel("A"))
    return white


def _encoded(frame: Image.Image, photo: bool) -> bytes:
    """A photo scaled down stays a JPEG; anything else (drawings, scans of text) is kept lossless as PNG."""
    out = io.BytesIO()
    if photo and frame.mode in ("RGB", "L", "CMYK"):
        frame.save(out, "JPEG", quality=90)
    else:
        frame.save(out, "PNG")
    return out.getvalue()
