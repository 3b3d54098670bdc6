"""`opinionkit backup` and `opinionkit restore`: one file out, checked back in, mistakes in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opinionkit.core.services.demo import DEMO_PERSON
from tests.test_cli import assert_one_clear_line, run


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text("horse battery staple ünïcode\nthis second line is ignored\n", encoding="utf-8")
    return path


def test_backup_and_restore_with_a_passphrase(capsys, tmp_path, passphrase_file):
    run(capsys, "demo")
    out = tmp_path / "family.okbackup"
    code, printed, _ = run(capsys, "backup", "-o", str(out), "--passphrase-file", str(passphrase_file))
    assert code == 0 and "4 documents" in printed and "encrypted" in printed
    assert out.read_bytes().startswith(b"OKBACKUP1")

    restored = tmp_path / "restored"
    code, printed, _ = run(capsys, "--data-dir", str(restored), "restore", str(out),
                           "--passphrase-file", str(passphrase_file))
    assert code == 0
    assert "1 person, 1 case and 4 documents (5 files)" in printed
    code, printed, _ = run(capsys, "--data-dir", str(restored), "people", "--json")
    assert [p["name"] for p in json.loads(printed)] == [DEMO_PERSON]


def test_backup_never_overwrites_without_force(capsys, tmp_path):
    run(capsys, "demo")
    out = tmp_path / "b.zip"
    out.write_text("keep")
    code, _, err = run(capsys, "backup", "-o", str(out))
    assert code == 1 and "--force" in err
    assert_one_clear_line(err)
    assert out.read_text() == "keep"
    assert run(capsys, "backup", "-o", str(out), "--force")[0] == 0


def test_wrong_passphrase_one_line_nothing_changed(capsys, tmp_path, passphrase_file, data_dir):
    run(capsys, "demo")
    out = tmp_path / "b.okbackup"
    run(capsys, "backup", "-o", str(out), "--passphrase-file", str(passphrase_file))
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = run(capsys, "restore", str(out), "--passphrase-file", str(wrong), "--force")
    assert code == 1 and "passphrase" in err
    assert_one_clear_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_damaged_backup_one_line(capsys, tmp_path):
    run(capsys, "demo")
    out = tmp_path / "b.zip"
    run(capsys, "backup", "-o", str(out))
    out.write_bytes(out.read_bytes()[:-200])
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "new"), "restore", str(out))
    assert code == 1 and "damaged" in err
    assert_one_clear_line(err)
    assert not (tmp_path / "new").exists()


def test_restore_over_existing_data_needs_force(capsys, tmp_path, data_dir):
    run(capsys, "demo")
    out = tmp_path / "b.zip"
    run(capsys, "backup", "-o", str(out))
    code, _, err = run(capsys, "restore", str(out))
    assert code == 1 and "--force" in err
    assert_one_clear_line(err)

    code, printed, _ = run(capsys, "restore", str(out), "--force")
    assert code == 0 and "kept in" in printed
    aside = [p for p in data_dir.parent.iterdir() if p.name.startswith(f"{data_dir.name}.before-restore-")]
    assert len(aside) == 1 and (aside[0] / "opinionkit.db").exists()


def test_empty_passphrase_file_is_refused(capsys, tmp_path):
    run(capsys, "demo")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    code, _, err = run(capsys, "backup", "-o", str(tmp_path / "b"), "--passphrase-file", str(empty))
    assert code == 1 and "first line" in err
    assert_one_clear_line(err)
    assert not (tmp_path / "b").exists()
