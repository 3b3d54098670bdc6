"""Sample PDFs and images built in memory for the library tests (no Qt, no files shipped).

PDFs are assembled with pypdf: pages of Helvetica text, and the awkward kinds
people really import (encrypted, forms, attachments, rotated pages, scans
without text, odd fonts, repairable and hopeless damage).
"""

from __future__ import annotations

import base64
import io
import struct

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# 8x8 pictures saved once by an image library; valid and tiny.
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1x"
    "eXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAAR"
    "CAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEG"
    "E1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWG"
    "h4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEB"
    "AQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYk"
    "NOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0"
    "tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDqKKKKsg//2Q=="
)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAA7EAAAOxAGVKw4bAAAAFklEQVQIW2M8cekOAzbAhC4AA4NTAgDu"
    "RwKGvxHY1wAAAABJRU5ErkJggg=="
)


def tiff(pages: int = 1) -> bytes:
    """An uncompressed grey TIFF with ``pages`` 1x1 pages (one directory per page)."""
    order = "<"
    out = bytearray(b"II*\x00" + struct.pack(order + "I", 8))
    entries_size = 2 + 8 * 12 + 4
    for index in range(pages):
        ifd_offset = len(out)
        pixel_offset = ifd_offset + entries_size
        next_offset = pixel_offset + 2 if index < pages - 1 else 0
        tags = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                (273, 4, 1, pixel_offset), (278, 3, 1, 1), (279, 4, 1, 1)]
        out += struct.pack(order + "H", len(tags))
        for tag, kind, count, value in tags:
            packed = struct.pack(order + "HHI", tag, kind, count)
            packed += struct.pack(order + ("HH" if kind == 3 else "I"), *((value, 0) if kind == 3 else (value,)))
            out += packed
        out += struct.pack(order + "I", next_offset)
        out += b"\x80\x00"  # the pixel, and a pad byte to keep offsets even
    return bytes(out)


def text_pdf(
    pages: list[str], *, password: str | None = None, algorithm: str = "AES-256",
    rotate: int = 0, attachment: bool = False, form: bool = False, odd_font: bool = False,
) -> bytes:
    """A PDF with one page per string (Latin-1 text in Helvetica), wrapped over lines."""
    writer = PdfWriter()
    for text in pages:
        page = writer.add_blank_page(612, 792)
        font = DictionaryObject({
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/TrueType" if odd_font else "/Type1"),
            NameObject("/BaseFont"): NameObject("/Garamond-Obscure" if odd_font else "/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font}),
        })
        page.replace_contents(_stream(_text_ops(text)))
        if rotate:
            page.rotate(rotate)
    if attachment:
        writer.add_attachment("lab-values.csv", b"test,value\nhemoglobin,13.1\n")
    if form:
        _add_text_field(writer)
    if password is not None:
        writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm=algorithm)
    return _bytes(writer)


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that hold only a picture, as a scanner makes them: no text at all."""
    writer = PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        image = _stream(bytes(range(0, 256, 16)) * 16)
        image.update({
            NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(16), NameObject("/Height"): NumberObject(16),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"), NameObject("/BitsPerComponent"): NumberObject(8),
        })
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/XObject"): DictionaryObject({NameObject("/Im1"): writer._add_object(image)}),
        })
        page.replace_contents(_stream(b"q 540 0 0 720 36 36 cm /Im1 Do Q"))
    return _bytes(writer)


def broken_xref(pdf: bytes) -> bytes:
    """Damage a readers can repair: every cross-reference offset is wrong."""
    start = pdf.rindex(b"startxref")
    return pdf[:start] + b"startxref\n999999\n%%EOF\n"


def truncated(pdf: bytes) -> bytes:
    """Damage nobody can repair: only the header and a scrap of the first object survive."""
    return pdf[:40]


def _text_ops(text: str) -> bytes:
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > 80:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    ops = ["BT /F1 11 Tf 14 TL 60 740 Td"]
    for entry in lines:
        escaped = entry.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("cp1252")


def _add_text_field(writer: PdfWriter) -> None:
    field = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Widget"),
        NameObject("/FT"): NameObject("/Tx"), NameObject("/T"): TextStringObject("member_id"),
        NameObject("/V"): TextStringObject("HHP-0000-TEST"),
        NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (60, 600, 300, 620)]),
    })
    ref = writer._add_object(field)
    writer.pages[0][NameObject("/Annots")] = ArrayObject([ref])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject([ref])})


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
