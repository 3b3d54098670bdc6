"""The packet PDF as the office gets it, made with the real (Qt) renderer and checked from the outside.

It opens with pypdf and QtPdf, ``qpdf --check`` finds nothing, every contents
line and bookmark leads to the page whose first words are that document's,
and every page's footer (name in any script, date of birth, "Page X of N")
can be read back. The command line runs in a child process.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

import sample_files
from opinionkit.core.packet import build as packet, plan as plans
from opinionkit.core.services import library
from opinionkit.core.storage.database import open_database
from opinionkit.render import PacketRenderer, html_to_pdf, keeping_none, page_footer
from packet_cases import add_image, add_pdf, make_case, outline, page_texts

NAMES = ["Зоя Чернова-Лебедева", "Zoë Ærøskøbing-Núñez"]


def _normal(text: str) -> str:
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())


def make_sample(data_dir: Path, name: str):
    data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(data_dir)
    made = make_case(db, data_dir, name=name)
    add_pdf(db, data_dir, made, "Alpha", date="2026-01-10", pages=2)
    # A Qt-made PDF leaves its coordinate system flipped: the footer must still sit right.
    qt_made = keeping_none(html_to_pdf, "<h1>Marker Qtmade first words</h1><p>Discharge summary.</p>",
                           footer=page_footer("Issued by the clinic"))
    add_pdf(db, data_dir, made, "Qtmade", date="2026-02-01", content=qt_made)
    add_pdf(db, data_dir, made, "Turned", date="2026-03-01",
            content=sample_files.text_pdf(["Marker Turned first words"], rotate=90))
    photo = io.BytesIO()
    Image.linear_gradient("L").resize((300, 200)).convert("RGB").save(photo, "JPEG")
    add_image(db, data_dir, made, "photo", photo.getvalue(), ".jpg", "2026-04-01")
    library.link_items(db, made.ids["Alpha"], [made.ids["report item"]])
    return db, made


@pytest.fixture(params=NAMES, ids=["cyrillic", "accented"])
def built(request, qapp, data_dir, tmp_path):
    db, made = make_sample(data_dir, request.param)
    try:
        result = packet.build(db, data_dir, plans.default(db, made.case_id), PacketRenderer(),
                              tmp_path / "packet.pdf", zip_path=tmp_path / "packet.zip")
    finally:
        db.close()
    return request.param, made, result


def test_qpdf_finds_no_error_or_warning(built):
    _, _, result = built
    done = subprocess.run(["qpdf", "--check", str(result.path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout
    assert "WARNING" not in (done.stdout + done.stderr).upper()


def test_opens_in_pypdf_and_qtpdf_with_every_page(built):
    _, _, result = built
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages == result.front_pages + 2 + 1 + 1 + 1
    document = QPdfDocument()
    assert document.load(str(result.path)) == QPdfDocument.Error.None_
    assert document.status() == QPdfDocument.Status.Ready
    assert document.pageCount() == result.pages
    assert document.metaData(QPdfDocument.MetaDataField.Title).startswith("Medical records of ")
    document.close()


def test_every_page_has_the_name_birth_date_and_its_number_as_text(built):
    name, _, result = built
    for number, text in enumerate(page_texts(result.path), 1):
        assert f"{name} · born 1970-01-31" in text, (number, text[-120:])
        assert f"Page {number} of {result.pages}" in text
    reader = PdfReader(result.path)
    assert reader.metadata.author == name and name in reader.metadata.title


def test_contents_lines_and_bookmarks_lead_to_each_documents_first_words(built):
    _, made, result = built
    texts = [_normal(t) for t in page_texts(result.path)]
    contents = texts[1]
    first_words = {**{i.document.title: made.markers.get(i.document.id, "") for i in result.included}}
    first_words["photo photo"] = ""  # an image: no words, checked by its page below
    for included in result.included:
        document = included.document
        found = re.search(rf"{included.number:02d} {re.escape(document.title)} {document.service_date} .*?"
                          r"\d+ pages? (\d+)", contents)
        assert found, (document.title, contents)
        assert int(found.group(1)) == included.first_page
        assert first_words[document.title] in texts[included.first_page - 1]
    for section in result.sections:
        found = re.search(rf"{section.title} \d+ pages? (\d+)", contents)
        assert found and int(found.group(1)) == section.first_page
        assert texts[section.first_page - 1].startswith(section.title.replace("Cover sheet", "Medical records"))
    marks = outline(PdfReader(result.path))
    assert [title for title, _ in marks][:6] == [s.title for s in result.sections] + ["Documents"]
    pages = dict(marks)
    for included in result.included:
        page = pages[f"{included.number:02d} {included.document.title}"]
        assert page == included.first_page
        assert first_words[included.document.title] in texts[page - 1]


def test_the_footer_sits_at_the_foot_of_each_page_as_shown(built):
    _, _, result = built
    document = QPdfDocument()
    document.load(str(result.path))
    try:
        for included in result.included:
            index = included.first_page - 1
            image = _shown(document, index)
            height = image.height()
            assert _ink(image, int(height * 0.955), height) > 0, included.document.title  # the footer
            assert _ink(image, 0, int(height * 0.02)) == 0, included.document.title  # nothing upside down at the top
    finally:
        document.close()


def test_the_zip_opens_with_its_manifest(built):
    import zipfile

    _, _, result = built
    with zipfile.ZipFile(result.zip_path) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert "packet/manifest.csv" in names and "packet/packet.pdf" in names
    assert sum(name.startswith("packet/originals/") for name in names) == 4


def test_the_packet_can_be_made_on_a_worker_thread(qapp, data_dir, tmp_path):
    db, made = make_sample(data_dir, NAMES[0])
    db.close()
    outcome: dict[str, object] = {}

    def work() -> None:
        own = open_database(data_dir)  # a Database stays in the thread that opened it
        try:
            outcome["result"] = packet.build(own, data_dir, plans.default(own, made.case_id), PacketRenderer(),
                                             tmp_path / "from-thread.pdf")
        except Exception as error:  # noqa: BLE001 - reported below
            outcome["error"] = error
        finally:
            own.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(120)
    assert "error" not in outcome, outcome.get("error")
    assert PdfReader(tmp_path / "from-thread.pdf").pages


def _shown(document: QPdfDocument, index: int) -> QImage:
    """A page as a viewer shows it, on white (QtPdf renders onto transparency)."""
    size = document.pagePointSize(index).toSize()
    rendered = document.render(index, QSize(size.width(), size.height()))
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def _ink(image: QImage, top: int, bottom: int) -> int:
    return sum(1 for y in range(top, bottom) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).lightness() < 160)


# --- the command line, in a child process (it starts its own Qt application)


def cli(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPINIONKIT_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "opinionkit", *argv], env=env, capture_output=True, text=True,
                          timeout=120)


def one_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("opinionkit: ")


def test_export_writes_the_packet_and_never_overwrites_without_force(data_dir, tmp_path):
    db, made = make_sample(data_dir, NAMES[1])
    db.close()
    out, folder = tmp_path / "out.pdf", tmp_path / "out.zip"
    done = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(out), "--zip", str(folder))
    assert done.returncode == 0, done.stderr
    assert f"{out}: " in done.stdout and "4 documents" in done.stdout and f"{folder}: " in done.stdout
    pages = len(PdfReader(out).pages)
    again = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(out))
    assert again.returncode == 1 and one_line(again.stderr) and "--force" in again.stderr
    recent = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(out), "--since", "2026-03-01", "--force")
    assert recent.returncode == 0, recent.stderr
    assert len(PdfReader(out).pages) == pages - 3  # Alpha (2 pages) and Qtmade (1) are older
    wrong = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(tmp_path / "x.pdf"), "--since", "soon")
    assert wrong.returncode == 1 and one_line(wrong.stderr)
    assert not (tmp_path / "x.pdf").exists()


def test_export_names_missing_files_and_leaves_them_out_when_asked(data_dir, tmp_path):
    db, made = make_sample(data_dir, NAMES[0])
    library.file_path(data_dir, library.get(db, made.ids["Alpha"])).unlink()
    db.close()
    out = tmp_path / "out.pdf"
    refused = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(out))
    assert refused.returncode == 1 and one_line(refused.stderr)
    assert "“Alpha report”" in refused.stderr and f"--leave-out {made.ids['Alpha']}" in refused.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.pdf.*"))
    done = cli(data_dir, "export", "--case", str(made.case_id), "-o", str(out), "--leave-out", str(made.ids["Alpha"]))
    assert done.returncode == 0, done.stderr
    assert "Left out: “Alpha report”" in done.stdout and "missing" in done.stdout


def test_rendering_the_packet_pages_loses_no_reference_to_none(qapp):
    # PySide6 6.12 on Python 3.11 drops a reference to None in every void call; enough of
    # them abort the interpreter. The packet's renderer gives them back.
    renderer = PacketRenderer()
    renderer.html_to_pdf("<p>warm</p>", "warm-up")
    before = sys.getrefcount(None)
    renderer.html_to_pdf("<h2>Section</h2><p>Many words on many pages.</p>" * 400, "Long")
    renderer.footer_overlay([("Зоя", f"Page {n} of 500") for n in range(1, 501)], [(612, 792)] * 500)
    assert sys.getrefcount(None) >= before
