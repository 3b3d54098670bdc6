"""`opinionkit overview`, `today`, `questions` and `calendar` on the demo data."""

from __future__ import annotations

import json

import icalendar
import pytest

from opinionkit.cli import main as cli_main
from opinionkit.cli.main import main
from opinionkit.core.services import demo
from opinionkit.core.storage.database import open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("opinionkit")


@pytest.fixture
def loaded(data_dir):
    db = open_database(data_dir)
    try:
        yield demo.load(db)
    finally:
        db.close()


def test_the_visit_commands_are_registered():
    assert "opinionkit.cli.visit" in cli_main.COMMAND_MODULES


def test_overview_text_and_json(capsys, loaded):
    code, out, err = run(capsys, "overview", "--case", str(loaded.case_id))
    assert code == 0, err
    assert "Records:           4 of 13 confirmed · 1 overdue · 1 shipment unconfirmed" in out
    assert "second opinion with Dr. Priya Nandakumar" in out and "(in 9 days)" in out
    assert "Next steps:" in out and "Follow up with Dr. Harold Brennan" in out
    code, out, err = run(capsys, "overview", "--case", str(loaded.case_id), "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["days_to_next_appointment"] == 9 and found["records"]["total"] == 13
    assert found["records"]["by_status"]["confirmed"] == 4
    first = found["steps"][0]
    assert {"key", "text", "target", "urgency", "due", "contact", "missing"} <= first.keys()
    assert first["urgency"] == "overdue" and first["target"][0] == "records"


def test_today_lists_what_is_due(capsys, loaded):
    code, out, err = run(capsys, "today", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found and found[0]["kind"] == "record" and found[0]["case_id"] == loaded.case_id
    code, out, err = run(capsys, "today")
    assert code == 0 and out.startswith("DATE") and "Marguerite Okonkwo-Lindqvist" in out


def test_today_with_nothing_due(capsys, data_dir):
    code, out, err = run(capsys, "today")
    assert (code, out.strip()) == (0, "Nothing is due today.")


def test_questions_table_json_and_sheet(capsys, loaded, tmp_path, qapp):  # qapp: the renderer uses pytest-qt's
    case = str(loaded.case_id)
    brennan = str(loaded.provider_ids["Dr. Harold Brennan"])
    code, out, err = run(capsys, "questions", "--case", case)
    assert code == 0, err
    assert "DR. HAROLD BRENNAN" in out and "answered" in out and "asked" in out
    code, out, err = run(capsys, "questions", "--case", case, "--doctor", brennan, "--json")
    rows = json.loads(out)
    assert rows[0]["source"] == "starter" and rows[0]["position"] == 1
    assert any(a["state"] == "answered" and a["provider_id"] == int(brennan) for r in rows for a in r["answers"])
    sheet = tmp_path / "questions.pdf"
    code, out, err = run(capsys, "questions", "--case", case, "--doctor", brennan, "-o", str(sheet))
    assert code == 0, err
    assert sheet.read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "questions", "--case", case, "--output", str(sheet))
    assert code == 1 and one_clear_line(err) and "--force" in err
    code, out, err = run(capsys, "questions", "--case", case, "--output", str(sheet), "--force")
    assert code == 0, err


def test_calendar_writes_once_and_replaces_only_with_force(capsys, loaded, tmp_path):
    target = tmp_path / "case.ics"
    code, out, err = run(capsys, "calendar", "--case", str(loaded.case_id), "-o", str(target))
    assert code == 0 and out.strip() == str(target), err
    first = target.read_bytes()
    calendar = icalendar.Calendar.from_ical(first)
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert "Second opinion: Dr. Priya Nandakumar" in summaries
    assert any(s.startswith("Decision due:") for s in summaries)
    code, out, err = run(capsys, "calendar", "--case", str(loaded.case_id), "--output", str(target))
    assert code == 1 and one_clear_line(err) and "already exists" in err
    assert target.read_bytes() == first
    code, out, err = run(capsys, "calendar", "--case", str(loaded.case_id), "-o", str(target), "--force")
    assert code == 0, err
    assert uids(target.read_bytes()) == uids(first)


def uids(data: bytes) -> set[str]:
    return {str(e["UID"]) for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def test_an_unknown_case_is_one_clear_line(capsys, loaded, tmp_path):
    for argv in (["overview", "--case", "999"], ["questions", "--case", "999"],
                 ["calendar", "--case", "999", "-o", str(tmp_path / "x.ics")]):
        code, out, err = run(capsys, *argv)
        assert code == 1 and one_clear_line(err) and "No case with id 999" in err
    assert not (tmp_path / "x.ics").exists()
    code, out, err = run(capsys, "overview", "--case", "one")
    assert code == 2 and "whole number" in err
