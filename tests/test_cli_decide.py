"""`opinionkit compare-report`: the landscape PDF of the comparison, never overwriting unasked."""

from __future__ import annotations

from pypdf import PdfReader

from opinionkit.cli.main import main


def test_compare_report_writes_a_landscape_pdf_and_refuses_overwrite(tmp_path, capsys, qapp):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "demo"]) == 0
    out = tmp_path / "comparison.pdf"
    assert main(["--data-dir", data, "compare-report", "--case", "1", "-o", str(out)]) == 0
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert box.width > box.height
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for expected in ("Side by side", "Key terms", "Questions", "Decision guide", "Ottawa Personal Decision Guide",
                     "Dr. Priya Nandakumar"):
        assert expected in text
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["--data-dir", data, "compare-report", "--case", "1", "-o", str(out)]) == 1
    assert "--force" in capsys.readouterr().err and out.read_bytes() == before
    assert main(["--data-dir", data, "compare-report", "--case", "1", "-o", str(out), "--force"]) == 0


def test_compare_report_of_an_unknown_case_or_a_bad_id_fails_in_one_line(tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "compare-report", "--case", "9", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "No case with id 9" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    assert main(["--data-dir", data, "compare-report", "--case", "one", "-o", str(tmp_path / "x.pdf")]) == 2
