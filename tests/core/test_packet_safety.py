"""What must not reach the packet (scripts, embedded files, forms) and files locked, missing, changed or damaged."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript, PageTrigger
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

import sample_files
from opinionkit.core.packet import assemble, build as packet, plan as plans
from opinionkit.core.packet.sources import PacketProblem
from opinionkit.core.services import library
from packet_cases import PlainRenderer, add_image, add_pdf, make_case, page_texts

FORBIDDEN = [b"/JavaScript", b"/JS", b"/EmbeddedFiles", b"/FileAttachment", b"/OpenAction", b"/AA", b"/Launch",
             b"/AcroForm", b"/Widget", b"/EmbeddedFile"]


@pytest.fixture
def sample(db, data_dir):
    data_dir.mkdir(parents=True)
    return make_case(db, data_dir)


def run(db, data_dir, tmp_path, case_id, **options):
    return packet.build(db, data_dir, plans.default(db, case_id), PlainRenderer(), tmp_path / "packet.pdf", **options)


def active_pdf() -> bytes:
    """Two pages with every kind of active content pypdf can add: scripts, an attachment, a form, links."""
    source = PdfReader(io.BytesIO(sample_files.text_pdf(["Marker Active first words", "Second page of it"])))
    writer = PdfWriter(clone_from=source)
    writer.add_open_action(JavaScript("app.alert('opened');"))  # the /Names /JavaScript tree
    writer.add_attachment("secret.txt", b"not for the packet")
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("1")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(script)
    first, second = writer.pages
    first.add_action(PageTrigger("open"), JavaScript("app.alert('page');"))
    rect = ArrayObject([FloatObject(v) for v in (60, 500, 200, 520)])

    def annotation(subtype: str, **entries) -> object:
        made = DictionaryObject({NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject(subtype),
                                 NameObject("/Rect"): rect})
        made.update({NameObject(f"/{k}"): v for k, v in entries.items()})
        return writer._add_object(made)

    appearance = DecodedStreamObject()
    appearance.set_data(b"0 0 1 rg 0 0 140 20 re f")
    appearance.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                       NameObject("/BBox"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(140),
                                                         NumberObject(20)])})
    first[NameObject("/Annots")] = ArrayObject([
        annotation("/Link", A=DictionaryObject({NameObject("/S"): NameObject("/URI"),
                                                NameObject("/URI"): TextStringObject("https://example.org/")})),
        annotation("/Link", A=writer._add_object(script)),
        annotation("/Link", Dest=ArrayObject([second.indirect_reference, NameObject("/Fit")])),
        annotation("/Link", A=DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                                                NameObject("/F"): TextStringObject("calc.exe")})),
        annotation("/FileAttachment", FS=TextStringObject("secret.txt")),
        annotation("/Widget", FT=NameObject("/Tx"), T=TextStringObject("field"), AA=DictionaryObject(),
                   AP=DictionaryObject({NameObject("/N"): writer._add_object(appearance)})),
        annotation("/Highlight", A=writer._add_object(script)),
    ])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject({NameObject("/Fields"): ArrayObject()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_scripts_attachments_and_forms_stay_behind_links_and_notes_stay(db, data_dir, tmp_path, sample):
    data = active_pdf()
    assert all(word in data for word in (b"/JavaScript", b"/EmbeddedFiles", b"/OpenAction", b"/AA"))
    add_pdf(db, data_dir, sample, "Active", date="2026-01-01", content=data)
    result = run(db, data_dir, tmp_path, sample.case_id)
    output = result.path.read_bytes()
    assert [word for word in FORBIDDEN if word in output] == []
    reader = PdfReader(result.path)
    assert "/Names" not in reader.trailer["/Root"] and not reader.attachments
    first = reader.pages[result.included[0].first_page - 1]
    kept = [a.get_object() for a in first["/Annots"]]
    assert [a["/Subtype"] for a in kept] == ["/Link", "/Link", "/Highlight"]
    assert kept[0]["/A"]["/URI"] == "https://example.org/"
    assert kept[1]["/Dest"][0] == reader.pages[result.included[0].first_page].indirect_reference
    assert "/A" not in kept[2]
    assert "/OpinionKitField1" in first["/Resources"]["/XObject"]  # the filled-in field, drawn into the page
    assert b"/OpinionKitField1 Do" in first.get_contents().get_data()


def test_an_encrypted_pdf_opens_with_its_stored_password(db, data_dir, tmp_path, sample):
    for key, algorithm in (("AES", "AES-256"), ("RC4", "RC4-128")):
        add_pdf(db, data_dir, sample, key, date="2026-01-01", password="s3cret", content=sample_files.text_pdf(
            [f"Marker {key} first words"], password="s3cret", algorithm=algorithm))
    result = run(db, data_dir, tmp_path, sample.case_id)
    assert [i.document.title for i in result.included] == ["AES report", "RC4 report"] and not result.left_out
    texts = page_texts(result.path)
    assert "Marker AES first words" in texts[result.included[0].first_page - 1]
    assert not PdfReader(result.path).is_encrypted


def test_a_pdf_locked_without_a_password_is_left_out_and_the_index_says_why(db, data_dir, tmp_path, sample):
    add_pdf(db, data_dir, sample, "Open", date="2026-01-01")
    locked = add_pdf(db, data_dir, sample, "Locked", date="2026-01-02", allow_locked=True,
                     content=sample_files.text_pdf(["Marker Locked"], password="unknown"))
    assert locked.locked
    result = run(db, data_dir, tmp_path, sample.case_id)
    assert [i.document.title for i in result.included] == ["Open report"]
    assert [(o.document.id, o.reason) for o in result.left_out] == [
        (locked.id, "it is locked with a password that was not given when it was imported")]
    text = " ".join(page_texts(result.path))
    assert re.search(r"Documents not included .*Locked report 2026-01-02 it is locked with a password", text)


def test_missing_or_changed_files_stop_the_packet_until_left_out(db, data_dir, tmp_path, sample):
    add_pdf(db, data_dir, sample, "Fine", date="2026-01-01")
    gone = add_pdf(db, data_dir, sample, "Gone", date="2026-01-02")
    changed = add_pdf(db, data_dir, sample, "Changed", date="2026-01-03")
    library.file_path(data_dir, gone).unlink()
    library.file_path(data_dir, changed).write_bytes(sample_files.text_pdf(["something else"]))
    assert [p.document_id for p in packet.check_files(db, data_dir, plans.default(db, sample.case_id))] == [
        gone.id, changed.id]
    with pytest.raises(PacketProblem) as error:
        run(db, data_dir, tmp_path, sample.case_id)
    assert error.value.document_ids == [gone.id, changed.id]
    message = str(error.value)
    assert "“Gone report”" in message and "missing" in message
    assert "“Changed report”" in message and "changed since it was imported" in message
    assert not (tmp_path / "packet.pdf").exists()
    result = run(db, data_dir, tmp_path, sample.case_id, leave_out=error.value.document_ids)
    assert [i.document.title for i in result.included] == ["Fine report"]
    text = " ".join(page_texts(result.path))
    assert "Gone report" in text and "its file is missing from the data folder" in text
    assert "its file has changed since it was imported" in text


def test_a_damaged_pdf_is_left_out_with_its_reason(db, data_dir, tmp_path, sample):
    add_pdf(db, data_dir, sample, "Fine", date="2026-01-01")
    damaged = add_pdf(db, data_dir, sample, "Damaged", date="2026-01-02")
    # As if the import had read it (PDFium repairs more than pypdf): the stored file is now a scrap.
    scrap = sample_files.truncated(sample_files.text_pdf(["x"]))
    library.file_path(data_dir, damaged).write_bytes(scrap)
    db["documents"].update(damaged.id, {"sha256": hashlib.sha256(scrap).hexdigest()})
    result = run(db, data_dir, tmp_path, sample.case_id)
    assert [i.document.title for i in result.included] == ["Fine report"]
    assert [o.reason for o in result.left_out] == ["the PDF is damaged and cannot be read"]


def test_a_pdf_that_breaks_while_copied_is_left_out_and_the_pages_renumbered(
    db, data_dir, tmp_path, sample, monkeypatch,
):
    add_pdf(db, data_dir, sample, "Fine", date="2026-01-01")
    add_pdf(db, data_dir, sample, "Breaks", date="2026-01-02", pages=2)
    original = assemble._copy_pages

    def copy_pages(writer, reader):
        if "Marker Breaks" in (reader.pages[0].extract_text() or ""):
            raise ValueError("broken object")
        return original(writer, reader)

    monkeypatch.setattr(assemble, "_copy_pages", copy_pages)
    result = run(db, data_dir, tmp_path, sample.case_id)
    assert [i.document.title for i in result.included] == ["Fine report"]
    assert result.pages == result.front_pages + 1
    assert [o.document.title for o in result.left_out] == ["Breaks report"]
    assert "Breaks report" in " ".join(page_texts(result.path)[: result.front_pages])


def test_an_image_too_large_to_decode_is_left_out_with_its_reason(db, data_dir, tmp_path, sample):
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    giant = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 30_000, 20_000, 8, 0, 0, 0, 0))
             + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))
    add_image(db, data_dir, sample, "giant", giant, ".png", "2026-01-01")
    result = run(db, data_dir, tmp_path, sample.case_id)
    assert result.included == []
    assert [o.reason for o in result.left_out] == [
        "the image is too large to put on a page; scan or save it at a lower resolution and import that"]
