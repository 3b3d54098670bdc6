"""The document library: import speed on PDFs, and search latency over 100,000 indexed pages.

Import: a 500-page PDF made by the app's own renderer (fonts embedded, tables,
headings: what Qt-made and most office PDFs look like) goes through
``library.add_document`` (copy, hash, PDFium text of every page, index); target
at least 300 pages per second, so the 500 pages within 500 / 300 s. Real PDFs
cannot be downloaded here; any found under /usr/share/doc (Debian ships a few
manuals) are imported the same way and reported with their count.

Search: 100,000 pages of generated clinical text are written straight into the
index (20 people, 50 documents each, 100 pages per document), then a mix of
typical queries (words, prefixes of two or more letters, ``L4-L5``, phrases,
with and without a person filter) is timed; target p95 <= 50 ms.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench import Row
from opinionkit.core.dates import now_stamp
from opinionkit.core.domain import Person
from opinionkit.core.services import library, people, search
from opinionkit.core.storage.database import open_database

IMPORT_PAGES = 500
PAGES_PER_SECOND_TARGET = 300
SEARCH_PAGES = 100_000
SEARCH_P95_TARGET_MS = 50
REAL_PDF_FOLDERS = [Path("/usr/share/doc")]

# Clinical words the queries look for, placed among the ranks of a Zipf vocabulary the way
# real records use them: a few everywhere ("pain"), most on a small share of pages.
_COMMON = "the and of to in with for on at by from was is no not patient pain left right normal".split()
_CLINICAL = (
    "lumbar spine stenosis spondylolisthesis disc bulge foraminal narrowing nerve root radiculopathy "
    "claudication fusion decompression laminectomy physiotherapy injection epidural steroid naproxen gabapentin "
    "follow-up examination strength reflexes sensation mild moderate severe bilateral history assessment plan "
    "recommend surgery risks benefits alternatives imaging MRI CT report findings impression radiologist "
    "haemoglobin glucose creatinine vitamin platelets sodium potassium cholesterol thyroid biopsy pathology "
    "tissue benign malignant margin lymph oncology chemotherapy radiation allergy penicillin tablet insurance "
    "authorisation referral opinion discharge operative anaesthesia recovery walking Brennan Okafor Lindqvist"
).split()
_LEVELS = ["L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1", "C5-C6", "C6-C7", "T11-T12"]
_QUERIES = [
    "stenosis", "lumbar stenosis", "L4-L5", "L5-S1 disc", "fusion", "fus", "decompr", "sp", "haemoglobin",
    "vitamin D", "biopsy benign", '"nerve root"', "radiculopathy left", "pain", "Brennan", "gaba", "xq",
    "patient reports pain", "follow-up visit", "3+4=7", "mild foraminal narrowing", "chemo", "authoris", "MRI",
]


def measure(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-") as tmp:
        folder = Path(tmp)
        rows = _import_rows(folder, runs)
        rows += _real_world_rows(folder)
        rows += _search_rows(folder / "search")
    return rows


def _import_rows(folder: Path, runs: int) -> list[Row]:
    pdf = folder / "long record.pdf"
    pdf.write_bytes(_long_pdf(IMPORT_PAGES))
    seconds = []
    for run in range(max(1, runs)):
        data_dir = folder / f"import-{run}"
        db = open_database(data_dir)
        try:
            person = people.save(db, Person(name="Bench Person"))
            start = time.perf_counter()
            document = library.add_document(db, data_dir, pdf, person_id=person.id or 0)
            seconds.append(time.perf_counter() - start)
            assert document.page_count == IMPORT_PAGES and document.has_text
        finally:
            db.close()
    median = statistics.median(seconds)
    return [
        Row(f"library: import a {IMPORT_PAGES}-page PDF", median, "s", IMPORT_PAGES / PAGES_PER_SECOND_TARGET),
        Row("library: pages indexed per second", IMPORT_PAGES / median, "pages/s"),
    ]


def _real_world_rows(folder: Path) -> list[Row]:
    found = sorted(p for root in REAL_PDF_FOLDERS if root.is_dir() for p in root.rglob("*.pdf"))
    if not found:
        return []
    db = open_database(folder / "real")
    try:
        person = people.save(db, Person(name="Bench Person"))
        start = time.perf_counter()
        report = library.import_files(db, folder / "real", found, person_id=person.id or 0)
        elapsed = time.perf_counter() - start
    finally:
        db.close()
    pages = sum(done.document.page_count or 0 for done in report.imported)
    return [Row(f"library: real PDFs here ({len(found)} files, {pages} p.)", pages / elapsed, "pages/s")]


def _search_rows(data_dir: Path) -> list[Row]:
    db = open_database(data_dir)
    try:
        person_ids = _fill_index(db, SEARCH_PAGES)
        rng = random.Random(7)
        timings = []
        for query in _QUERIES * 2:
            search.search(db, query)  # warm the page cache the way a second keystroke would
        for round_ in range(8):
            for query in _QUERIES:
                person = rng.choice(person_ids) if round_ % 2 else None
                start = time.perf_counter()
                search.search(db, query, person_id=person)
                timings.append((time.perf_counter() - start) * 1000)
    finally:
        db.close()
    p95 = statistics.quantiles(timings, n=20)[-1]
    return [
        Row(f"search over {SEARCH_PAGES:,} pages: median", statistics.median(timings), "ms"),
        Row(f"search over {SEARCH_PAGES:,} pages: p95", p95, "ms", SEARCH_P95_TARGET_MS),
    ]


def _fill_index(db, pages: int) -> list[int]:
    """Documents and pages written straight to the tables (the sync triggers index them)."""
    rng = random.Random(42)
    vocabulary = _vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    person_ids = [people.save(db, Person(name=f"Bench Person {n}")).id or 0 for n in range(20)]
    per_document, stamp = 100, now_stamp()
    with db.atomic():
        for number in range(pages // per_document):
            owner = person_ids[number % len(person_ids)]
            document_id = db["documents"].insert({
                "person_id": owner, "sha256": f"{number:064x}", "filename": f"record {number}.pdf",
                "stored_path": f"documents/00/{number:064x}.pdf", "media_type": "application/pdf",
                "title": f"Record {number} {rng.choice(_CLINICAL)}", "page_count": per_document, "has_text": 1,
                "size_bytes": 1, "imported_at": stamp, "created_at": stamp, "updated_at": stamp,
            }).last_pk
            db["document_pages"].insert_all(
                ({"document_id": document_id, "page": page, "text": _page_text(rng, vocabulary, cumulative),
                  "person_id": owner} for page in range(1, per_document + 1)),
                batch_size=500,
            )
    db.execute("INSERT INTO document_pages_fts(document_pages_fts) VALUES ('optimize')")
    db.conn.commit()
    return person_ids


def _vocabulary(rng: random.Random) -> list[str]:
    """About 30,000 words by falling frequency: common words first, clinical ones spread over ranks 20-3,000."""
    tail = [_pseudo_word(rng) for _ in range(30_000)]
    for word in _CLINICAL:
        tail.insert(int(rng.uniform(0, 3_000)), word)
    return _COMMON + tail


def _page_text(rng: random.Random, vocabulary: list[str], cumulative: list[float]) -> str:
    words = rng.choices(vocabulary, cum_weights=cumulative, k=rng.randint(150, 450))
    if rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), rng.choice(_LEVELS))
    return " ".join(words)


def _pseudo_word(rng: random.Random) -> str:
    syllables = ["ka", "lo", "mi", "ne", "ter", "ox", "sul", "ra", "ven", "dol", "pha", "cy", "gen", "tri", "bu"]
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))


def _long_pdf(pages: int) -> bytes:
    """A long clinical record laid out by the app's renderer: headings, paragraphs and a table per page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from opinionkit.render import html_to_pdf

    rng = random.Random(3)
    vocabulary = _COMMON * 4 + _CLINICAL

    def words(count: int) -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(count))

    parts = []
    for number in range(1, pages + 1):
        parts.append(
            f"<h3>Visit {number}: {words(4)}</h3><p>{words(120)} {rng.choice(_LEVELS)} {words(60)}</p>"
            f"<table border='1' cellpadding='2'><tr><th>Test</th><th>Result</th></tr>"
            f"<tr><td>{words(2)}</td><td>{rng.randint(1, 300)}</td></tr>"
            f"<tr><td>{words(2)}</td><td>{rng.randint(1, 300)}</td></tr></table>"
            "<div style='page-break-after: always'></div>"
        )
    return html_to_pdf("".join(parts), title="Bench record")
