"""The packet folder as a zip: the packet PDF, the original files, manifest.csv and the FHIR summary.

Everything sits in one folder inside the zip, named after the zip, so that
unpacking it makes one folder. Originals are named readably and numbered in
packet order ("03 MRI lumbar spine report 2026-09-12.pdf"); manifest.csv lists
every file with its SHA-256, so the office can check nothing changed on the way.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from opinionkit.core.domain.documents import Document
from opinionkit.core.packet.sources import copy_checked

MANIFEST = "manifest.csv"
FHIR_FILE = "health summary (FHIR).json"
ORIGINALS = "originals"
_COLUMNS = ["file", "sha256", "pages", "kind", "date", "holder"]
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_TITLE_LIMIT = 80
_ALREADY_COMPRESSED = (".jpg", ".png", ".tif")


@dataclass(frozen=True)
class Original:
    """A document's file as imported, with what the manifest says about it."""

    document: Document
    number: int
    pages: int
    date: str
    holder: str


def original_name(original: Original, width: int = 2) -> str:
    """"03 MRI lumbar spine report 2026-09-12.pdf": number, title, date (unless the title has it), extension."""
    document = original.document
    title = " ".join(_UNSAFE.sub(" ", document.title).split())[:_TITLE_LIMIT].rstrip(" .") or "document"
    if original.date and original.date not in title:
        title = f"{title} {original.date}"
    return f"{original.number:0{width}d} {title}{document.media_type.extension}"


def write_zip(
    target: BinaryIO, folder: str, packet_name: str, packet: BinaryIO, packet_pages: int, prepared_on: str,
    data_dir: Path, originals: Sequence[Original], fhir: dict[str, Any], check: Callable[[], None] | None = None,
) -> None:
    """Write the packet folder to ``target``; ``check()`` runs between files (it may raise Cancelled).

    The originals are copied from the data folder, checked against their SHA-256
    on the way (PacketProblem if one changed since the packet was begun).
    """
    width = max(2, len(str(len(originals))))
    rows: list[list[object]] = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        digest = _copy_into(archive, f"{folder}/{packet_name}", packet)
        rows.append([packet_name, digest, packet_pages, "records packet", prepared_on, ""])
        for original in originals:
            if check is not None:
                check()
            name = f"{ORIGINALS}/{original_name(original, width)}"
            entry = zipfile.ZipInfo(f"{folder}/{name}", date_time=_now())
            entry.compress_type = zipfile.ZIP_STORED if name.endswith(_ALREADY_COMPRESSED) else zipfile.ZIP_DEFLATED
            with archive.open(entry, "w") as out:
                copy_checked(data_dir, original.document, out)
            rows.append([name, original.document.sha256, original.pages, original.document.kind, original.date,
                         original.holder])
        summary = json.dumps(fhir, ensure_ascii=False, indent=2).encode()
        archive.writestr(f"{folder}/{FHIR_FILE}", summary)
        rows.append([FHIR_FILE, hashlib.sha256(summary).hexdigest(), "", "health summary (FHIR R4 bundle)",
                     prepared_on, ""])
        archive.writestr(f"{folder}/{MANIFEST}", _csv(rows))


def _copy_into(archive: zipfile.ZipFile, name: str, source: BinaryIO) -> str:
    """Stream a file into the zip, returning its SHA-256."""
    digest = hashlib.sha256()
    source.seek(0)
    entry = zipfile.ZipInfo(name, date_time=_now())
    entry.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(entry, "w") as out:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _csv(rows: Sequence[Sequence[object]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(_COLUMNS)
    writer.writerows(rows)
    return text.getvalue().encode("utf-8-sig")  # the byte-order mark lets spreadsheet programs read accents


def _now() -> tuple[int, int, int, int, int, int]:
    return time.localtime()[:6]


def folder_name(zip_path: Path) -> str:
    return zip_path.stem or "records packet"
