"""Hostile files for the import tests, built in memory: damaged, looping, deeply nested, lying, active.

Each builder returns bytes. ``corpus()`` names every file (with the extension a
person would see) so a test can import each one and say which misbehaved.
PDFs the builders write by hand get a correct cross-reference table unless the
damage is the point, so what a reader trips on is the intended fault alone.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript, PageTrigger

import sample_files as samples
from opinionkit.core.storage.database import open_database


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n - 1]``, with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"


def zero_pages() -> bytes:
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"])


def kids_loop() -> bytes:
    """The page tree's /Kids leads back to itself."""
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 4 0 R] /Count 1 >>", _PAGE])


def parent_loop() -> bytes:
    """Two page-tree nodes each other's /Parent, and a page whose inherited values never end."""
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Parent 3 0 R /Kids [4 0 R] /Count 1 >>",
                    b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R >>"])


def lying_count() -> bytes:
    """One page that says it is a billion."""
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", _PAGE])


def self_reference() -> bytes:
    """An object that is a reference to itself, used as the page's contents."""
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", b"4 0 R"])


def xref_prev_loop() -> bytes:
    """The trailer's /Prev points back at the same cross-reference table."""
    body = raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _PAGE])
    start = int(body[body.rindex(b"startxref") + 10:].split()[0])
    return body.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % start)


def deep_nesting(depth: int = 10_000) -> bytes:
    """An array 10,000 levels deep in the page dictionary, and the same in a dictionary chain."""
    arrays = b"[" * depth + b"1" + b"]" * depth
    dicts = b"<< /A " * depth + b"1" + b" >>" * depth
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + arrays
                    + b" /Deeper " + dicts + b" >>"])


def deep_content(depth: int = 10_000) -> bytes:
    """A page whose content stream nests graphics states and arrays 10,000 deep."""
    ops = b"q " * depth + b"BT /F1 12 Tf 72 720 Td [" + b"[" * depth + b"(x)" + b"]" * depth + b"] TJ ET" + b" Q" * depth
    stream = b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream"
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", stream])


def wrong_stream_length() -> bytes:
    """A content stream whose /Length runs far past the end of the file."""
    ops = b"BT /F1 12 Tf 72 720 Td (Stream length lie) Tj ET"
    stream = b"<< /Length 99999999 >>\nstream\n" + ops + b"\nendstream"
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", stream])


def flate_bomb(size: int = 64 << 20) -> bytes:
    """A 64 MB content stream of spaces squeezed into about 64 KB."""
    packed = zlib.compress(b" " * size, 9)
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>", stream])


def no_trailer() -> bytes:
    body = raw_pdf([_CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", _PAGE])
    return body[:body.index(b"xref")]


def header_only() -> bytes:
    return b"%PDF-1.7\n%%EOF\n"


def with_javascript() -> bytes:
    """Readable text, with scripts run on opening the file and on showing its first page."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(samples.text_pdf(["Marker Script page one", "Page two"]))))
    writer.add_open_action(JavaScript("app.alert('opened');"))
    writer.pages[0].add_action(PageTrigger("open"), JavaScript("app.launchURL('https://example.org/', true);"))
    return _bytes(writer)


def with_attachment() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(samples.text_pdf(["Marker Attached page one"]))))
    writer.add_attachment("payload.exe", b"MZ" + bytes(200))
    writer.add_attachment("notes.txt", b"should never reach a packet")
    return _bytes(writer)


def many_pages(count: int) -> bytes:
    """``count`` blank pages sharing one content stream (small on disk, long to read)."""
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(612, 792)
    return _bytes(writer)


def big_png(width: int, height: int) -> bytes:
    """A grey PNG stored without compression (rows of zeros), about ``width * height`` bytes."""
    row = b"\x00" + bytes(width)
    raw = zlib.compress(row * height, 0)
    return _png(width, height, raw)


def png_bomb() -> bytes:
    """A PNG that claims 100,000 x 100,000 pixels in a few hundred bytes."""
    return _png(100_000, 100_000, zlib.compress(b"\x00" * 100_001, 9))


def random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def corpus() -> dict[str, bytes]:
    """The fast set: name (as a person would see it) -> content."""
    good = samples.text_pdf(["Marker Good first page", "Second page"])
    return {
        "empty.pdf": b"",
        "empty.jpg": b"",
        "truncated-header.pdf": samples.truncated(good),
        "truncated-half.pdf": good[:len(good) // 2],
        "truncated-before-eof.pdf": good[:-30],
        "broken-xref.pdf": samples.broken_xref(good),
        "no-xref-at-all.pdf": no_trailer(),
        "xref-prev-loop.pdf": xref_prev_loop(),
        "header-only.pdf": header_only(),
        "zero-pages.pdf": zero_pages(),
        "kids-loop.pdf": kids_loop(),
        "parent-loop.pdf": parent_loop(),
        "count-lies.pdf": lying_count(),
        "self-reference.pdf": self_reference(),
        "deep-nesting.pdf": deep_nesting(),
        "deep-content.pdf": deep_content(),
        "stream-length-lie.pdf": wrong_stream_length(),
        "flate-bomb.pdf": flate_bomb(),
        "javascript.pdf": with_javascript(),
        "attachments.pdf": with_attachment(),
        "pdf-named.jpg": good,
        "jpeg-named.pdf": samples.JPEG,
        "png-named.tiff": samples.PNG,
        "html-named.pdf": b"<!doctype html><script>alert(1)</script>",
        "zip-named.pdf": b"PK\x03\x04" + random_bytes(500, 3),
        "random.pdf": random_bytes(4096, 1),
        "random.png": random_bytes(4096, 2),
        "random-with-pdf-header.pdf": b"%PDF-1.4\n" + random_bytes(4096, 4),
        "random-with-png-header.png": b"\x89PNG\r\n\x1a\n" + random_bytes(4096, 5),
        "truncated.png": samples.PNG[:30],
        "truncated.jpg": samples.JPEG[:60],
        "png-bomb.png": png_bomb(),
        "no-extension": good,
    }


def slow_corpus() -> dict[str, bytes]:
    """The long set: a 10,000-page PDF and a 100 MB image."""
    return {"ten-thousand-pages.pdf": many_pages(10_000), "hundred-megabytes.png": big_png(10_000, 10_000)}


def _png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def assert_sound(data_dir: Path, *, allow_leftovers: bool = False) -> None:
    """The data folder passes the check, and holds no temporary or partial file.

    ``allow_leftovers`` accepts, after a kill, what only a kill can leave and
    nothing shows: a stored file whose row was never written, and the hidden
    ``documents/.incoming-*`` copy of a file being imported.
    """
    from opinionkit.core.safety import check

    report = check.run(data_dir)
    problems = [p for p in report.problems if not (allow_leftovers and p.what.startswith("A stored file no"))]
    assert problems == [], "\n".join(map(str, problems))
    db = open_database(data_dir)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
    partial = [p for p in data_dir.rglob("*") if p.name.endswith((".part", "-journal", ".tmp"))
               or (p.name.startswith(".incoming-") and not allow_leftovers)]
    assert partial == [], f"temporary files left: {partial}"
