"""Building the packet with a plain renderer: order, page numbers, bookmarks, images, the zip, progress and cancel."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

import sample_files
from opinionkit.core.errors import Cancelled, OutputExists
from opinionkit.core.packet import build as packet, plan as plans, sources
from opinionkit.core.services import library
from packet_cases import PlainRenderer, add_image, add_pdf, make_case, outline, page_texts

SECTIONS = ["Cover sheet", "Contents", "Health summary", "Questions and goals", "Records index"]


@pytest.fixture
def sample(db, data_dir):
    data_dir.mkdir(parents=True)
    made = make_case(db, data_dir)
    add_pdf(db, data_dir, made, "Alpha", date="2026-01-10", pages=3)
    a4 = sample_files.text_pdf(["Marker Beta first words, on A4"])
    add_pdf(db, data_dir, made, "Beta", date="2026-02-01", content=_resized(a4, 595.28, 841.89))
    add_pdf(db, data_dir, made, "Gamma", date="2026-03-05",
            content=sample_files.text_pdf(["Marker Gamma first words turned", "second page"], rotate=90))
    made.markers[made.ids["Beta"]] = "Marker Beta first words"
    made.markers[made.ids["Gamma"]] = "Marker Gamma first words"
    library.link_items(db, made.ids["Alpha"], [made.ids["report item"]])
    return made


def _resized(pdf: bytes, width: float, height: float) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        page.mediabox.upper_right = (width, height)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def run(db, data_dir, tmp_path, plan=None, **options):
    plan = plan or plans.default(db, options.pop("case_id"))
    renderer = options.pop("renderer", PlainRenderer())
    return packet.build(db, data_dir, plan, renderer, tmp_path / "packet.pdf", **options)


def test_pages_are_the_front_matter_then_every_document_in_order(db, data_dir, tmp_path, sample):
    result = run(db, data_dir, tmp_path, case_id=sample.case_id)
    reader = PdfReader(result.path)
    assert len(reader.pages) == result.pages == result.front_pages + 3 + 1 + 2
    assert [s.title for s in result.sections] == SECTIONS
    assert [i.document.title for i in result.included] == ["Alpha report", "Beta report", "Gamma report"]
    texts = page_texts(result.path)
    for included in result.included:
        assert sample.markers[included.document.id] in texts[included.first_page - 1]
    assert "Medical records for a second opinion" in texts[0]
    assert texts[1].startswith("Contents")
    for number, text in enumerate(texts, 1):
        assert f"Ada Test · born 1970-01-31 Page {number} of {result.pages}" in text
    assert reader.metadata.title == "Medical records of Ada Test for a second opinion"
    assert reader.metadata.author == "Ada Test"


def test_contents_lines_and_bookmarks_lead_to_each_documents_first_words(db, data_dir, tmp_path, sample):
    result = run(db, data_dir, tmp_path, case_id=sample.case_id)
    reader = PdfReader(result.path)
    texts = page_texts(result.path)
    contents = (reader.pages[1].extract_text() or "").splitlines()
    for included in result.included:
        line = next(line for line in contents if f"{included.document.title} " in line)
        named = int(re.search(r"(\d+)\s*$", line).group(1))
        assert named == included.first_page
        assert sample.markers[included.document.id] in texts[named - 1]
    marks = dict(outline(reader))
    assert [title for title, _ in outline(reader)][:6] == [*SECTIONS, "Documents"]
    for section in result.sections:
        line = next(line for line in contents if re.match(rf"{section.title} .*\d$", line))
        assert int(line.split()[-1]) == section.first_page == marks[section.title]
    for included in result.included:
        page = marks[f"{included.number:02d} {included.document.title}"]
        assert page == included.first_page
        assert sample.markers[included.document.id] in texts[page - 1]


def test_page_sizes_and_rotation_are_kept_and_footers_follow_them(db, data_dir, tmp_path, sample):
    renderer = PlainRenderer()
    sizes = []
    original = renderer.footer_overlay
    renderer.footer_overlay = lambda lines, shown: sizes.extend(shown) or original(lines, shown)
    result = run(db, data_dir, tmp_path, case_id=sample.case_id, renderer=renderer)
    reader = PdfReader(result.path)
    beta, gamma = result.included[1], result.included[2]
    page = reader.pages[beta.first_page - 1]
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (595.28, 841.89)
    assert reader.pages[gamma.first_page - 1].rotation == 90
    assert sizes[gamma.first_page - 1] == (792, 612)  # the footer is laid out on the page as shown
    assert sizes[0] == (612, 792)


def test_images_become_pages_and_jpeg_data_goes_in_unchanged(db, data_dir, tmp_path, sample):
    photo = _jpeg(120, 80)
    add_image(db, data_dir, sample, "photo", photo, ".jpg", "2026-04-01")
    add_image(db, data_dir, sample, "scan", sample_files.tiff(pages=3), ".tif", "2026-04-02")
    add_image(db, data_dir, sample, "screenshot", _png_with_alpha(), ".png", "2026-04-03")
    result = run(db, data_dir, tmp_path, case_id=sample.case_id)
    pages = {i.document.title: i for i in result.included}
    assert (pages["photo photo"].pages, pages["scan photo"].pages, pages["screenshot photo"].pages) == (1, 3, 1)
    reader = PdfReader(result.path)
    photo_page = reader.pages[pages["photo photo"].first_page - 1]
    assert (float(photo_page.mediabox.width), float(photo_page.mediabox.height)) == (792, 612)  # landscape Letter
    images = [obj for obj in _xobjects(photo_page) if obj.get("/Subtype") == "/Image"]
    assert images[0]._data == photo
    shot = [obj for obj in _xobjects(reader.pages[pages["screenshot photo"].first_page - 1])
            if obj.get("/Subtype") == "/Image"]
    assert "/SMask" not in shot[0]  # put on white: prints as it looks


def test_a_huge_image_is_scaled_down(db, data_dir, tmp_path, sample, monkeypatch):
    monkeypatch.setattr(sources, "MAX_PIXELS", 5_000)
    monkeypatch.setattr(sources, "SCALED_LONG_SIDE", 40)
    add_image(db, data_dir, sample, "huge", _jpeg(160, 100), ".jpg", "2026-04-01")
    result = run(db, data_dir, tmp_path, case_id=sample.case_id)
    page = PdfReader(result.path).pages[result.included[-1].first_page - 1]
    image = next(obj for obj in _xobjects(page) if obj.get("/Subtype") == "/Image")
    assert (image["/Width"], image["/Height"]) == (40, 25)


def test_a_case_without_documents_still_has_cover_summary_and_index(db, data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    made = make_case(db, data_dir, name="Bo Empty")
    result = run(db, data_dir, tmp_path, case_id=made.case_id)
    assert result.included == [] and result.pages == result.front_pages
    assert [title for title, _ in outline(PdfReader(result.path))] == SECTIONS
    text = " ".join(page_texts(result.path))
    assert "No documents are included." in text and "Health summary" in text
    assert "Biopsy slides" in text and "FedEx" in text and "7700 1234" in text  # travels separately


def test_optional_sections_can_be_left_out(db, data_dir, tmp_path, sample):
    plan = plans.default(db, sample.case_id)
    plan.include_summary = plan.include_questions = plan.include_index = False
    result = run(db, data_dir, tmp_path, plan)
    assert [s.title for s in result.sections] == ["Cover sheet", "Contents"]
    assert result.front_pages == 2


def test_records_index_lists_items_by_where_they_are(db, data_dir, tmp_path, sample):
    result = run(db, data_dir, tmp_path, case_id=sample.case_id)
    index = next(s for s in result.sections if s.title == "Records index")
    text = " ".join(page_texts(result.path)[index.first_page - 1:index.first_page - 1 + index.pages])
    alpha = result.included[0].first_page
    assert re.search(rf"In this packet .*MRI report.*{alpha}", text)
    assert re.search(r"Sent separately .*Biopsy slides.*FedEx, tracking 7700 1234, sent 2026-01-09", text)
    assert re.search(r"Still outstanding .*Clinic notes of last year.*requested 2026-01-02", text)


def test_the_zip_holds_the_packet_the_originals_a_manifest_and_the_fhir_summary(db, data_dir, tmp_path, sample):
    add_image(db, data_dir, sample, "photo", _jpeg(30, 20), ".jpg", "2026-04-01")
    result = run(db, data_dir, tmp_path, case_id=sample.case_id, zip_path=tmp_path / "Ada packet.zip")
    with zipfile.ZipFile(result.zip_path) as archive:
        names = sorted(archive.namelist())
        assert names == sorted([
            "Ada packet/packet.pdf", "Ada packet/manifest.csv", "Ada packet/health summary (FHIR).json",
            "Ada packet/originals/01 Alpha report 2026-01-10.pdf", "Ada packet/originals/02 Beta report 2026-02-01.pdf",
            "Ada packet/originals/03 Gamma report 2026-03-05.pdf", "Ada packet/originals/04 photo photo 2026-04-01.jpg",
        ])
        assert archive.read("Ada packet/packet.pdf") == result.path.read_bytes()
        stored = library.file_path(data_dir, library.get(db, sample.ids["Alpha"])).read_bytes()
        assert archive.read("Ada packet/originals/01 Alpha report 2026-01-10.pdf") == stored
        rows = list(csv.DictReader(io.StringIO(archive.read("Ada packet/manifest.csv").decode("utf-8-sig"))))
        bundle = json.loads(archive.read("Ada packet/health summary (FHIR).json"))
        for row in rows:
            assert hashlib.sha256(archive.read(f"Ada packet/{row['file']}")).hexdigest() == row["sha256"]
    assert list(rows[0]) == ["file", "sha256", "pages", "kind", "date", "holder"]
    assert rows[0]["file"] == "packet.pdf" and rows[0]["pages"] == str(result.pages)
    assert rows[1] == {"file": "originals/01 Alpha report 2026-01-10.pdf", "sha256": stored_sha(stored), "pages": "3",
                       "kind": "", "date": "2026-01-10", "holder": "Test Lab"}
    assert bundle["resourceType"] == "Bundle"


def stored_sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def test_progress_rises_to_the_end_and_cancel_leaves_nothing(db, data_dir, tmp_path, sample):
    seen = []
    run(db, data_dir, tmp_path, case_id=sample.case_id, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and all(m for _, m in seen)
    (tmp_path / "packet.pdf").unlink()
    for stop_after in (1, len(seen) // 2, len(seen) - 2):
        calls = []
        with pytest.raises(Cancelled):
            run(db, data_dir, tmp_path, case_id=sample.case_id, zip_path=tmp_path / "p.zip",
                cancelled=lambda: calls.append(1) or len(calls) > stop_after)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["data", "Alpha.pdf", "Beta.pdf", "Gamma.pdf"])


def test_an_existing_file_is_refused_before_any_work_unless_overwriting(db, data_dir, tmp_path, sample):
    (tmp_path / "packet.pdf").write_bytes(b"keep me")
    seen = []
    with pytest.raises(OutputExists):
        run(db, data_dir, tmp_path, case_id=sample.case_id, progress=lambda f, m: seen.append(f))
    assert seen == [] and (tmp_path / "packet.pdf").read_bytes() == b"keep me"
    (tmp_path / "other.zip").write_bytes(b"keep me too")
    with pytest.raises(OutputExists):
        run(db, data_dir, tmp_path, case_id=sample.case_id, zip_path=tmp_path / "other.zip", overwrite=False)
    result = run(db, data_dir, tmp_path, case_id=sample.case_id, overwrite=True)
    assert result.path.read_bytes().startswith(b"%PDF")


def _jpeg(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize((width, height)).convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


def _png_with_alpha() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (200, 10, 10, 128)).save(out, "PNG")
    return out.getvalue()


def _xobjects(page) -> list:
    found = []
    resources = page["/Resources"]
    for ref in resources.get("/XObject", {}).values():
        obj = ref.get_object()
        found.append(obj)
        inner = obj.get("/Resources")
        if inner is not None:
            found += [r.get_object() for r in inner.get_object().get("/XObject", {}).values()]
    return found
