"""The command line: demo, people, cases, screenshots, and every mistake as one plain line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from opinionkit.cli.main import main
from opinionkit.core.domain import Case, Person
from opinionkit.core.services import cases, people
from opinionkit.core.services.demo import DEMO_CASE, DEMO_PERSON
from opinionkit.core.storage.database import open_database


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        code = main(list(argv))
    finally:
        os.umask(umask)  # main() makes its whole process private; the other tests keep theirs
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_clear_line(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("opinionkit")


def test_demo_twice_gives_one_person_and_one_case(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert DEMO_PERSON in out and DEMO_CASE in out
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "nothing changed" in out

    code, out, _ = run(capsys, "people", "--json")
    assert code == 0
    assert [p["name"] for p in json.loads(out)] == [DEMO_PERSON]
    code, out, _ = run(capsys, "cases", "--json")
    assert [c["title"] for c in json.loads(out)] == [DEMO_CASE]


def test_people_and_cases_json_carry_every_field(capsys):
    run(capsys, "demo")
    person = json.loads(run(capsys, "people", "--json")[1])[0]
    assert isinstance(person["id"], int)
    assert person["date_of_birth"] == "1961-04-17"
    assert {"phone", "email", "insurance_plan", "member_id", "emergency_contact"} <= person.keys()

    case = json.loads(run(capsys, "cases", "--json")[1])[0]
    assert isinstance(case["id"], int)
    assert case["person_id"] == person["id"]
    assert case["status"] == "gathering records"
    assert isinstance(case["goals"], list) and case["goals"]
    assert {"diagnosis", "treatment_recommended", "decision_deadline"} <= case.keys()


def test_plain_tables_without_json(capsys):
    code, out, _ = run(capsys, "people")
    assert code == 0 and "opinionkit demo" in out  # an empty list says how to get started
    run(capsys, "demo")
    out = run(capsys, "people")[1]
    assert out.splitlines()[0].split()[:2] == ["ID", "NAME"]
    assert DEMO_PERSON in out
    out = run(capsys, "cases")[1]
    assert "gathering records" in out and DEMO_PERSON in out


def test_cases_of_one_person(capsys, data_dir):
    run(capsys, "demo")
    db = open_database(data_dir)
    other = people.save(db, Person(name="Émile Zhang-Ferreira"))
    cases.save(db, Case(person_id=other.id, title="Thyroid nodule: biopsy or watch?"))
    db.close()

    mine = json.loads(run(capsys, "cases", "--person", str(other.id), "--json")[1])
    assert [(c["person_id"], c["title"]) for c in mine] == [(other.id, "Thyroid nodule: biopsy or watch?")]
    assert len(json.loads(run(capsys, "cases", "--json")[1])) == 2


def test_unknown_person_is_one_line_and_fails(capsys):
    run(capsys, "demo")
    code, out, err = run(capsys, "cases", "--person", "999")
    assert code != 0 and out == ""
    assert_one_clear_line(err)
    assert "999" in err


def test_person_id_that_is_not_a_number(capsys):
    code, _, err = run(capsys, "cases", "--person", "abc")
    assert code == 2
    assert_one_clear_line(err)
    assert "'abc'" in err and "--help" in err


@pytest.mark.parametrize("argv", [["nonsense"], ["people", "--colour"], ["screenshots"]])
def test_usage_mistakes_are_one_line(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert_one_clear_line(err)


def test_data_dir_under_a_regular_file(capsys, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "--data-dir", str(blocker / "data"), "people")
    assert code == 1
    assert_one_clear_line(err)
    assert str(blocker / "data") in err and "--data-dir" in err


def test_damaged_database_is_named_and_left_alone(capsys, data_dir):
    data_dir.mkdir(mode=0o700)
    damaged = data_dir / "opinionkit.db"
    garbage = b"this is not a database, just some bytes " * 100
    damaged.write_bytes(garbage)
    code, _, err = run(capsys, "people")
    assert code == 1
    assert_one_clear_line(err)
    assert str(damaged) in err
    assert damaged.read_bytes() == garbage


def test_unexpected_failure_is_one_line_and_logged(capsys, monkeypatch, data_dir):
    def broken(db):
        raise RuntimeError("the disk hiccuped")

    monkeypatch.setattr(people, "list_all", broken)
    code, _, err = run(capsys, "people")
    assert code == 1
    assert_one_clear_line(err)
    log = data_dir / "opinionkit.log"
    assert str(log) in err
    assert "RuntimeError" in log.read_text() and "hiccuped" not in log.read_text()  # no messages in the log
    assert log.stat().st_mode & 0o777 == 0o600


def test_missing_part_of_the_install_is_one_line(capsys, monkeypatch):
    import opinionkit.cli.main as cli_main

    monkeypatch.setattr(cli_main, "COMMAND_MODULES", [*cli_main.COMMAND_MODULES, "opinionkit.cli.not_installed"])
    code, _, err = run(capsys, "people")
    assert code == 1
    assert_one_clear_line(err)
    assert "not installed" in err and "bootstrap.sh" in err


def test_screenshots_prints_each_file(capsys, monkeypatch, tmp_path, data_dir):
    calls = []

    def save_screenshots(out_dir: Path, *, data_dir: Path | None = None) -> list[Path]:
        calls.append((out_dir, data_dir))
        return [out_dir / "person.png", out_dir / "case.png"]

    fake = types.ModuleType("opinionkit.ui.screenshots")
    fake.save_screenshots = save_screenshots
    monkeypatch.setitem(sys.modules, "opinionkit.ui.screenshots", fake)
    code, out, _ = run(capsys, "screenshots", str(tmp_path / "shots"))
    assert code == 0
    assert calls == [(tmp_path / "shots", None)]  # a fresh temporary folder, never the one in use
    assert out.split() == [str(tmp_path / "shots" / "person.png"), str(tmp_path / "shots" / "case.png")]


def test_screenshots_for_real_without_a_display(tmp_path):
    env = _plain_env(OPINIONKIT_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    command = [sys.executable, "-m", "opinionkit"]
    done = subprocess.run([*command, "screenshots", str(tmp_path / "shots")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    printed = [Path(line) for line in done.stdout.split()]
    assert printed and all(p.suffix == ".png" and p.stat().st_size > 10_000 for p in printed)
    assert tmp_path / "shots" / "case.png" in printed  # the README shows this one
    assert "This plugin does not support" not in done.stderr  # the offscreen platform's notices
    assert not (tmp_path / "data").exists(), "screenshots never touch the data folder in use"


def _plain_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_python_dash_m_opinionkit(tmp_path):
    env = _plain_env(OPINIONKIT_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-m", "opinionkit"]
    subprocess.run([*command, "demo"], env=env, check=True, capture_output=True, timeout=60)
    done = subprocess.run([*command, "people", "--json"], env=env, check=True, capture_output=True,
                          text=True, timeout=60)
    assert [p["name"] for p in json.loads(done.stdout)] == [DEMO_PERSON]
    # Listing needs no Qt at all, so it works wherever Python does.
    probe = ("import sys; from opinionkit.cli.main import main; assert main(['cases']) == 0; "
             "assert not [n for n in sys.modules if n.startswith('PySide6')]")
    subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, timeout=60)


def test_opening_the_window_skips_importing_the_commands(tmp_path):
    # Start-up time counts: with no command, only the window's own modules are loaded.
    probe = ("import sys, opinionkit.ui.app as app; app.run_window = lambda folder: 7; "
             "from opinionkit.cli.main import main, COMMAND_MODULES; assert main([]) == 7; "
             "loaded = [m for m in COMMAND_MODULES if m in sys.modules]; assert not loaded, loaded")
    env = _plain_env(OPINIONKIT_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_window_without_a_display_says_so(tmp_path):
    env = _plain_env(OPINIONKIT_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "opinionkit"], env=env, capture_output=True, text=True,
                          timeout=60)
    output = (done.stdout + done.stderr).replace(str(tmp_path), "DIR")  # the path names this test
    assert done.returncode > 0, output  # negative would mean killed by a signal (Qt aborting)
    assert done.returncode != 134, output
    assert "Traceback" not in output and "qt.qpa" not in output and "unexpected" not in output
    assert "display" in output.lower()
    assert len(done.stderr.strip().splitlines()) <= 2, output
