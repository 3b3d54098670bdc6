"""`opinionkit check` and `opinionkit trash`: plain answers, non-zero exit on problems, JSON for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opinionkit.cli import main as cli_main
from opinionkit.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_loaded(capsys) -> None:
    assert run(capsys, "demo")[0] == 0


def test_check_and_trash_are_registered_commands():
    assert "opinionkit.cli.check" in cli_main.COMMAND_MODULES


def test_check_of_the_demo_says_everything_is_in_order(capsys, demo_loaded):
    code, out, err = run(capsys, "check")
    assert code == 0, out + err
    assert out.startswith("Everything is in order: 1 person, ") and out.rstrip().endswith("documents checked.")


def test_check_lists_each_problem_and_exits_non_zero(capsys, demo_loaded, data_dir: Path):
    stored = sorted(p for p in (data_dir / "documents").rglob("*") if p.is_file())[0]
    stored.unlink()
    code, out, _ = run(capsys, "check")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "1 problem found:"
    assert lines[1].startswith("- The file of document ") and stored.relative_to(data_dir).as_posix() in lines[1]
    code, out, _ = run(capsys, "check", "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert report["problems"][0]["where"] == stored.relative_to(data_dir).as_posix()


def test_trash_lists_restores_and_empties(capsys, demo_loaded, data_dir: Path):
    code, out, _ = run(capsys, "trash")
    assert code == 0 and out.strip() == "The trash is empty."
    from opinionkit.core.services import library
    from opinionkit.core.storage.database import open_database

    db = open_database(data_dir)
    try:
        first, second = [library.get(db, r[0]) for r in db.execute("SELECT id FROM documents LIMIT 2")]
        first_entry = library.delete(db, first.id)
        library.delete(db, second.id)
    finally:
        db.close()

    code, out, _ = run(capsys, "trash", "--json")
    entries = json.loads(out)
    assert code == 0 and [e["label"] for e in entries] == [second.title, first.title]
    code, out, _ = run(capsys, "trash")
    assert first.title in out and "document" in out

    code, out, _ = run(capsys, "trash", "--restore", str(first_entry))
    assert code == 0 and out.strip() == f"Put back document “{first.title}”."
    code, _, err = run(capsys, "trash", "--restore", str(first_entry))
    assert code == 1 and f"No trash entry with id {first_entry}" in err

    second_file = data_dir / second.stored_path
    assert second_file.exists()
    code, out, _ = run(capsys, "trash", "--empty")
    assert code == 0 and out.strip() == "The trash is empty (1 entry deleted for good)."
    assert not second_file.exists() and (data_dir / first.stored_path).exists()
    assert run(capsys, "check")[0] == 0


def test_restore_and_empty_together_is_a_usage_mistake(capsys):
    code, _, err = run(capsys, "trash", "--empty", "--restore", "1")
    assert code == 2 and "not allowed with" in err
