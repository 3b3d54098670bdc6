"""The records packet: 100 documents, 1,000 pages, built as `opinionkit export` and the window build it.

The inputs are made once, outside the timing, and imported into a fresh data
folder with ``library.add_document``: 80 text PDFs of 10 pages laid out by the
app's renderer (fonts embedded, headings, tables), 12 scanned PDFs of 16 pages
(each page a JPEG picture, as a scanner makes them) and 8 phone photos (JPEG).

Each run is a fresh process (``python -m bench.packet``) that builds the packet
once and reports the build's wall time (its Qt application already started,
as in the window) and the process's peak memory (``ru_maxrss``, Qt included).
Targets: at most 4 s and 250 MB, and the packet at most 1.2 times the size of
its input files. A plain merge of the same files (``qpdf --empty --pages``,
images as their one-page PDFs) is timed in the same run as a reference only.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Row

SECONDS_TARGET = 4.0
PEAK_MB_TARGET = 250.0
SIZE_RATIO_TARGET = 1.2
TEXT_DOCUMENTS, TEXT_PAGES = 80, 10
SCANNED_DOCUMENTS, SCANNED_PAGES = 12, 16
PHOTOS = 8
_ROOT = Path(__file__).resolve().parents[1]
_WORDS = (
    "patient reports low back pain radiating to the left leg lumbar spine stenosis spondylolisthesis L4-L5 "
    "mild moderate severe foraminal narrowing nerve root physiotherapy epidural injection naproxen follow-up "
    "examination strength reflexes normal plan recommend surgery fusion decompression risks benefits imaging"
).split()


def measure(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-") as tmp:
        folder = Path(tmp)
        case_id, inputs, pages = _prepare(folder)
        input_bytes = sum(path.stat().st_size for path in inputs)
        out = folder / "packet.pdf"
        results = [_child_run(folder / "data", case_id, out) for _ in range(max(1, min(runs, 5)))]
        reference = _qpdf_seconds(folder, inputs, max(1, min(runs, 5)))
    seconds = statistics.median(r["seconds"] for r in results)
    assert all(r["pages"] >= pages for r in results), results
    rows = [
        Row(f"packet: {TEXT_DOCUMENTS + SCANNED_DOCUMENTS + PHOTOS} documents, {results[0]['pages']} pages",
            seconds, "s", SECONDS_TARGET),
        Row("packet: peak memory (whole process)", max(r["peak_mb"] for r in results), "MB", PEAK_MB_TARGET),
        Row("packet: size against its input files", results[0]["size"] / input_bytes, "x", SIZE_RATIO_TARGET),
    ]
    if reference is not None:
        rows.append(Row("packet: time against qpdf --pages merge (reference)", seconds / reference, "x"))
    return rows


def _child_run(data_dir: Path, case_id: int, out: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(_ROOT)}
    done = subprocess.run([sys.executable, "-m", "bench.packet", str(data_dir), str(case_id), str(out)],
                          env=env, cwd=_ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"the packet run exited with {done.returncode}: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _child(data_dir: Path, case_id: int, out: Path) -> None:
    """One build in this fresh process; prints its figures as JSON."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from opinionkit.core.packet import build, plan
    from opinionkit.core.storage.database import open_database
    from opinionkit.render import PacketRenderer, ensure_gui_app

    ensure_gui_app()
    db = open_database(data_dir)
    try:
        start = time.perf_counter()
        result = build.build(db, data_dir, plan.default(db, case_id), PacketRenderer(), out, overwrite=True)
        seconds = time.perf_counter() - start
    finally:
        db.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "pages": result.pages, "size": out.stat().st_size}))


def _prepare(folder: Path) -> tuple[int, list[Path], int]:
    """Make the inputs and import them; returns the case id, the files imported and their pages."""
    from opinionkit.core.domain import Case, Person
    from opinionkit.core.services import cases, library, people
    from opinionkit.core.storage.database import open_database

    files = folder / "inputs"
    files.mkdir()
    rng = random.Random(8)
    made = [_write(files / f"note {n:02d}.pdf", _text_pdf(rng, n)) for n in range(TEXT_DOCUMENTS)]
    made += [_write(files / f"scan {n:02d}.pdf", _scanned_pdf(rng, n)) for n in range(SCANNED_DOCUMENTS)]
    made += [_write(files / f"photo {n}.jpg", _photo(rng, n)) for n in range(PHOTOS)]
    rng.shuffle(made)
    data_dir = folder / "data"
    db = open_database(data_dir)
    try:
        person = people.save(db, Person(name="Zoë Чернова-Ødegård", date_of_birth="1958-06-02"))
        case = cases.save(db, Case(person_id=person.id or 0, title="Bench case", goals=["Walk again"]))
        for number, path in enumerate(made):
            library.add_document(db, data_dir, path, person_id=person.id or 0, case_id=case.id,
                                 service_date=f"2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
                                 allow_without_text=True)
    finally:
        db.close()
    pages = TEXT_DOCUMENTS * TEXT_PAGES + SCANNED_DOCUMENTS * SCANNED_PAGES + PHOTOS
    return case.id or 0, made, pages


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _text_pdf(rng: random.Random, number: int) -> bytes:
    from opinionkit.render import html_to_pdf, keeping_none

    def words(count: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(count))

    pages = [
        f"<h2>Clinic note {number}, page {page}</h2><p>{words(160)}</p><p>{words(120)}</p>"
        "<table border='1' cellpadding='3'><tr><th>Test</th><th>Result</th><th>Range</th></tr>"
        + "".join(f"<tr><td>{words(2)}</td><td>{rng.randint(1, 300)}</td><td>10 - 300</td></tr>" for _ in range(6))
        + "</table><div style='page-break-after: always'></div>"
        for page in range(1, TEXT_PAGES + 1)
    ]
    return keeping_none(html_to_pdf, "".join(pages), title=f"Clinic note {number}")


def _scanned_pdf(rng: random.Random, number: int) -> bytes:
    """Pages that are pictures of text: grey, a little noisy, about 100 KB each at 150 dpi."""
    import img2pdf
    from PIL import Image, ImageDraw

    frames = []
    for page in range(SCANNED_PAGES):
        image = Image.effect_noise((1275, 1650), 12).point(lambda v: 215 + v // 12)
        draw = ImageDraw.Draw(image)
        for line in range(45):
            y = 120 + line * 32
            x = 110
            while x < 1150:
                length = rng.randint(20, 90)
                draw.rectangle((x, y, x + length, y + 14), fill=rng.randint(20, 70))
                x += length + rng.randint(10, 18)
        draw.text((110, 60), f"Scan {number} page {page}", fill=0)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=60, dpi=(150, 150))
        frames.append(out.getvalue())
    return img2pdf.convert(*frames)


def _photo(rng: random.Random, number: int) -> bytes:
    """A phone photo of a letter: 2,000 x 1,500 pixels, about 0.5 MB."""
    from PIL import Image, ImageDraw

    image = Image.linear_gradient("L").resize((2000, 1500)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for line in range(30):
        draw.rectangle((300, 200 + line * 40, 300 + rng.randint(600, 1300), 214 + line * 40), fill=(40, 40, 50))
    noisy = Image.blend(image, Image.effect_noise((2000, 1500), 30).convert("RGB"), 0.15)
    out = io.BytesIO()
    noisy.save(out, "JPEG", quality=88)
    return out.getvalue()


def _qpdf_seconds(folder: Path, inputs: list[Path], runs: int) -> float | None:
    """A plain merge of the same files with Debian's qpdf, for reference; None when qpdf is not installed."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return None
    from opinionkit.core.packet.sources import image_pdf

    pdfs = []
    for path in inputs:
        if path.suffix == ".jpg":
            path = _write(path.with_suffix(".pdf"), image_pdf(path.read_bytes()))
        pdfs.append(str(path))
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([qpdf, "--empty", "--pages", *pdfs, "--", str(folder / "merged.pdf")], check=True)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


if __name__ == "__main__":
    _child(Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]))
