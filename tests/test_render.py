"""The renderer turns HTML into real PDF pages, with footers, and needs no display."""

from __future__ import annotations

import io
import subprocess
import sys

from pypdf import PdfReader

from opinionkit.render import html_to_pdf, page_footer


def _text(pdf: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_html_becomes_pdf_with_title_and_footers(qapp):
    rows = "".join(f"<tr><td>Row {i}</td><td>Ærø Чернова 值</td></tr>" for i in range(200))
    pdf = html_to_pdf(f"<h1>Summary</h1><table>{rows}</table>", title="Health summary",
                      footer=page_footer("Ada Test, born 1970-01-01"))
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Health summary"
    pages = _text(pdf)
    assert len(pages) > 1
    assert "Summary" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Ada Test" in text


def test_renders_from_a_plain_process_without_display(tmp_path):
    code = (
        "import os; os.environ.pop('DISPLAY', None); os.environ.pop('QT_QPA_PLATFORM', None)\n"
        "from opinionkit.render import html_to_pdf\n"
        "assert html_to_pdf('<p>hello</p>').startswith(b'%PDF')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
