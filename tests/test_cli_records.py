"""`opinionkit records` and `opinionkit letter` on the demo data."""

from __future__ import annotations

import json

import pytest

from opinionkit.cli import main as cli_main
from opinionkit.cli.main import main
from opinionkit.core.services import demo, library, tracker
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


def test_records_is_a_registered_command():
    assert "opinionkit.cli.records" in cli_main.COMMAND_MODULES


def test_records_json_lists_items_with_status_and_flags(capsys, loaded):
    code, out, err = run(capsys, "records", "--case", str(loaded.case_id), "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert 12 <= len(rows) <= 14
    assert {r["status"] for r in rows} == {"needed", "requested", "received", "sent", "confirmed"}
    first = rows[0]
    assert {"id", "kind", "label", "holder_name", "holder_phone", "holder_fax", "due_date", "step_dates",
            "overdue", "shipment_unconfirmed", "next_step"} <= first.keys()
    assert first["step_dates"]["needed"]
    assert sum(r["overdue"] for r in rows) == 1 and sum(r["shipment_unconfirmed"] for r in rows) == 1


def test_records_filters(capsys, loaded):
    case = str(loaded.case_id)
    overdue = json.loads(run(capsys, "records", "--case", case, "--overdue", "--json")[1])
    assert len(overdue) == 1 and overdue[0]["overdue"]
    statuses = json.loads(run(capsys, "records", "--case", case, "--status", "needed", "--status", "sent",
                              "--json")[1])
    assert {r["status"] for r in statuses} == {"needed", "sent"}
    discs = json.loads(run(capsys, "records", "--case", case, "--kind", "imaging on disc", "--json")[1])
    assert discs and {r["kind"] for r in discs} == {"imaging on disc"}
    holder = str(loaded.provider_ids["Cedar Valley Imaging"])
    held = json.loads(run(capsys, "records", "--case", case, "--holder", holder, "--unconfirmed", "--json")[1])
    assert [r["holder_name"] for r in held] == ["Cedar Valley Imaging"]


def test_records_table_shows_flags_and_the_summary_line(capsys, loaded):
    code, out, _ = run(capsys, "records", "--case", str(loaded.case_id))
    assert code == 0
    assert "OVERDUE" in out and "NOT CONFIRMED" in out and "(555) 201-4410" in out
    assert out.strip().splitlines()[-1].endswith("· 1 overdue · 1 shipment unconfirmed")
    code, out, _ = run(capsys, "records", "--case", str(loaded.case_id), "--status", "needed", "--overdue")
    assert out.strip() == "No record items match."


def test_records_mistakes_are_one_line(capsys, loaded):
    code, _, err = run(capsys, "records")
    assert code == 1 and one_clear_line(err) and "--case" in err
    code, _, err = run(capsys, "records", "--case", "999")
    assert code == 1 and one_clear_line(err) and "999" in err
    code, _, err = run(capsys, "records", "--case", "one")
    assert code == 2 and one_clear_line(err)
    code, _, err = run(capsys, "records", "--case", "1", "--status", "lost")
    assert code == 2 and one_clear_line(err)


def test_advance_and_undo(capsys, loaded):
    case = str(loaded.case_id)
    needed = json.loads(run(capsys, "records", "--case", case, "--status", "needed", "--json")[1])[0]
    code, out, err = run(capsys, "records", "advance", str(needed["id"]), "--note", "Faxed the form")
    assert code == 0, err
    assert "requested" in out
    after = json.loads(run(capsys, "records", "--case", case, "--json")[1])
    moved = next(r for r in after if r["id"] == needed["id"])
    assert moved["status"] == "requested" and moved["due_date"]

    code, out, err = run(capsys, "records", "undo", str(needed["id"]))
    assert code == 0, err
    assert "needed again" in out
    code, _, err = run(capsys, "records", "undo", str(needed["id"]))
    assert code == 1 and one_clear_line(err)


def test_advance_refuses_a_confirmed_item_and_a_bad_date(capsys, loaded):
    case = str(loaded.case_id)
    confirmed = json.loads(run(capsys, "records", "--case", case, "--status", "confirmed", "--json")[1])[0]
    code, _, err = run(capsys, "records", "advance", str(confirmed["id"]))
    assert code == 1 and one_clear_line(err) and "confirmed" in err
    needed = json.loads(run(capsys, "records", "--case", case, "--status", "needed", "--json")[1])[0]
    code, _, err = run(capsys, "records", "advance", str(needed["id"]), "--date", "2026-02-30")
    assert code == 1 and one_clear_line(err) and "YYYY-MM-DD" in err
    code, _, err = run(capsys, "records", "advance", "999")
    assert code == 1 and one_clear_line(err)


def test_letter_writes_a_pdf_keeps_it_with_the_case_and_never_overwrites_unasked(
    capsys, loaded, tmp_path, data_dir, qapp,  # qapp: the renderer must find pytest-qt's application
):
    target = tmp_path / "letter to imaging.pdf"
    holder = loaded.provider_ids["Cedar Valley Imaging"]
    args = ["letter", "--case", str(loaded.case_id), "--holder", str(holder), "-o", str(target)]
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF") and str(target) in out
    assert "Kept with the case's documents" in out
    first = target.read_bytes()
    db = open_database(data_dir)
    try:
        (document,) = [d for d in library.list_for_case(db, loaded.case_id) if d.kind == "request letter"]
        assert document.title.startswith("Records request to Cedar Valley Imaging")
        waiting = [r.id for r in tracker.tracker_rows(db, loaded.case_id, holder_id=holder,
                                                      statuses=["needed", "requested"])]
        assert library.linked_item_ids(db, document.id) == waiting
    finally:
        db.close()

    code, _, err = run(capsys, *args)
    assert code == 1 and one_clear_line(err) and "--force" in err
    assert target.read_bytes() == first

    code, _, err = run(capsys, *args, "--force")
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_letter_mistakes_write_nothing(capsys, loaded, tmp_path, qapp):
    target = tmp_path / "letter.pdf"
    brennan = str(loaded.provider_ids["Dr. Harold Brennan"])
    imaging = json.loads(run(capsys, "records", "--case", str(loaded.case_id), "--holder",
                             str(loaded.provider_ids["Cedar Valley Imaging"]), "--json")[1])
    code, _, err = run(capsys, "letter", "--case", str(loaded.case_id), "--holder", brennan,
                       "--items", str(imaging[0]["id"]), "-o", str(target))
    assert code == 1 and one_clear_line(err) and "one letter per holder" in err
    code, _, err = run(capsys, "letter", "--case", str(loaded.case_id), "--holder", brennan,
                       "--items", "3,x", "-o", str(target))
    assert code == 2 and one_clear_line(err)
    assert not target.exists()
