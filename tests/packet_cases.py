"""A case with documents for the packet tests, and a renderer that needs no Qt.

Each document's first page starts with its own marker words ("Marker Alpha ..."),
so a test can check that a contents line or a bookmark lands on that document.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from sqlite_utils import Database

import sample_files
from opinionkit.core.domain import Case, Person, Provider, ProviderKind, RecordItem
from opinionkit.core.domain.documents import Document
from opinionkit.core.domain.records import RecordKind, Route, Step
from opinionkit.core.services import cases, library, people, providers, record_items, timeline


class PlainRenderer:
    """Pages of Helvetica text: about 60 lines of the HTML's text per page, and footers as plain text."""

    lines_per_page = 60

    def __init__(self) -> None:
        self.footer_calls = 0

    def html_to_pdf(self, markup: str, title: str) -> bytes:
        markup = re.sub(r"<(style|title)>.*?</\1>", "", markup, flags=re.S)
        markup = re.sub(r"</(tr|p|h1|h2|li|table)>|<br>", "\n", markup)
        text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        pages = [lines[i:i + self.lines_per_page] for i in range(0, max(1, len(lines)), self.lines_per_page)]
        return _pdf([(612.0, 792.0, page) for page in pages], title=title)

    def footer_overlay(self, lines: Sequence[tuple[str, str]], sizes: Sequence[tuple[float, float]]) -> bytes:
        self.footer_calls += 1
        return _pdf([(w, h, [f"{left} {right}"]) for (left, right), (w, h) in zip(lines, sizes, strict=True)],
                    at_foot=True)


def _pdf(pages: list[tuple[float, float, list[str]]], title: str = "", at_foot: bool = False) -> bytes:
    writer = PdfWriter()
    for width, height, lines in pages:
        source = PdfReader(io.BytesIO(sample_files.text_pdf([" "]))).pages[0]
        page = writer.add_page(source)
        page.mediabox.upper_right = (width, height)
        ops = ["BT /F1 8 Tf 10 TL", f"36 {14 if at_foot else height - 40} Td"]
        for line in lines:
            safe = line.encode("cp1252", "replace").decode("cp1252")
            ops.append("(" + safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*")
        ops.append("ET")
        page.replace_contents(sample_files._stream("\n".join(ops).encode("cp1252", "replace")))
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class Sample:
    """What was made: ids, and each document's marker words by id."""

    person_id: int
    case_id: int
    second_doctor_id: int
    lab_id: int
    markers: dict[int, str] = field(default_factory=dict)
    ids: dict[str, int] = field(default_factory=dict)


def marker(name: str) -> str:
    return f"Marker {name} first words"


def make_case(db: Database, data_dir: Path, name: str = "Ada Test") -> Sample:
    """A person with one case, two doctors, a lab, record items and no documents yet."""
    person = people.save(db, Person(name=name, date_of_birth="1970-01-31", phone="(555) 010-2000",
                                    address="1 Test Street", insurance_plan="Test Plan", member_id="TP-1"))
    first = providers.save(db, Provider(name="Dr. First Opinion", specialty="Spine surgery"))
    second = providers.save(db, Provider(name="Dr. Second Opinion", institution="Test University",
                                         address="2 Campus Road"))
    lab = providers.save(db, Provider(name="Test Lab", kind=ProviderKind.LAB))
    case = cases.save(db, Case(person_id=person.id or 0, title="Is the surgery needed?", diagnosis="Stenosis",
                               treatment_recommended="Fusion", recommending_doctor_id=first.id,
                               second_opinion_doctor_id=second.id, goals=["Walk without pain"]))
    sample = Sample(person.id or 0, case.id or 0, second.id or 0, lab.id or 0)
    slides = record_items.create(db, RecordItem(case_id=case.id or 0, kind=RecordKind.PATHOLOGY_SLIDES,
                                                  description="Biopsy slides", holder_id=lab.id,
                                                  route=Route.DIRECT, carrier="FedEx", tracking_number="7700 1234"),
                                 "2025-12-01")
    timeline.advance(db, slides.id or 0, "2026-01-05")  # requested
    timeline.advance(db, slides.id or 0, "2026-01-09")  # sent
    sample.ids["slides"] = slides.id or 0
    report = record_items.create(db, RecordItem(case_id=case.id or 0, kind=RecordKind.RADIOLOGY_REPORT,
                                                  description="MRI report", holder_id=lab.id), "2025-12-01")
    sample.ids["report item"] = report.id or 0
    waiting = record_items.create(db, RecordItem(case_id=case.id or 0, kind=RecordKind.CLINICAL_NOTES,
                                                   description="Clinic notes of last year", holder_id=first.id),
                                  "2025-12-01")
    timeline.advance(db, waiting.id or 0, "2026-01-02")
    sample.ids["waiting item"] = waiting.id or 0
    return sample


def add_pdf(db: Database, data_dir: Path, sample: Sample, key: str, *, date: str | None, pages: int = 1,
            content: bytes | None = None, password: str | None = None, case: bool = True,
            allow_locked: bool = False) -> Document:
    """A PDF whose first page starts with ``marker(key)``; ``content`` replaces the made-up one."""
    texts = [f"{marker(key)} page 1"] + [f"{key} page {n}" for n in range(2, pages + 1)]
    data = content or sample_files.text_pdf(texts)
    path = data_dir.parent / f"{key}.pdf"
    path.write_bytes(data)
    document = library.add_document(db, data_dir, path, person_id=sample.person_id,
                                    case_id=sample.case_id if case else None, title=f"{key} report",
                                    service_date=date, holder_id=sample.lab_id, password=password,
                                    allow_without_text=allow_locked)
    sample.ids[key] = document.id or 0
    sample.markers[document.id or 0] = marker(key)
    return document


def add_image(db: Database, data_dir: Path, sample: Sample, key: str, content: bytes, suffix: str,
              date: str | None) -> Document:
    path = data_dir.parent / f"{key}{suffix}"
    path.write_bytes(content)
    document = library.add_document(db, data_dir, path, person_id=sample.person_id, case_id=sample.case_id,
                                    title=f"{key} photo", service_date=date, allow_without_text=True)
    sample.ids[key] = document.id or 0
    return document


def page_texts(pdf: bytes | Path) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    """Every bookmark, nested ones included, with the page (from 1) it opens."""
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, (reader.get_destination_page_number(item) or 0) + 1))

    walk(reader.outline)
    return found


__all__ = ["PlainRenderer", "Sample", "Step", "add_image", "add_pdf", "make_case", "marker", "outline", "page_texts"]
