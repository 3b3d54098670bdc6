"""Backups: a consistent, checked, optionally encrypted copy; restores that never lose data."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from opinionkit.core.domain import Person
from opinionkit.core.errors import OutputExists
from opinionkit.core.safety import backup, restore
from opinionkit.core.safety.crypto import DamagedBackup, WrongPassphrase
from opinionkit.core.services import demo, library, people
from opinionkit.core.services.demo import DEMO_PERSON
from opinionkit.core.storage.database import open_database

PASSPHRASE = "Grüne Äpfel, 緑のりんご, and a long tail"
NAME_IN_ANY_SCRIPT = "Zoë Ångström-Nakamura 中村 سارة"


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A data folder with the demo (four documents with text) and a person named in several scripts."""
    folder = tmp_path / "données 数据"
    db = open_database(folder)
    demo.load(db)
    people.save(db, Person(name=NAME_IN_ANY_SCRIPT, date_of_birth="1990-02-03"))
    db.close()
    return folder


def _names(db_folder: Path) -> list[str]:
    db = open_database(db_folder)
    try:
        return sorted(p.name for p in people.list_all(db))
    finally:
        db.close()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _documents(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in _tree(folder).items() if k.startswith("documents")}


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_round_trip_restores_everything(filled, tmp_path, passphrase):
    out = tmp_path / "backup.okbackup"
    made = backup.create(filled, out, passphrase)
    assert made.documents == 4 and made.files == 5 and made.encrypted == bool(passphrase)

    target = tmp_path / "elsewhere" / "restored"
    report = restore.restore(out, target, passphrase)

    assert (report.people, report.cases, report.documents, report.files) == (2, 1, 4, 5)
    assert report.set_aside is None
    assert _names(target) == sorted([DEMO_PERSON, NAME_IN_ANY_SCRIPT])
    assert _documents(target) == _documents(filled)
    db = open_database(target)
    try:
        person = people.find_by_name(db, DEMO_PERSON)
        assert person and any(library.page_texts(db, d.id) for d in library.list_for_person(db, person.id))
    finally:
        db.close()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no staging left over


def test_manifest_lists_every_file_with_its_hash(filled, tmp_path):
    out = tmp_path / "plain.zip"
    backup.create(filled, out)
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read(backup.MANIFEST))
        assert {e["path"] for e in manifest["files"]} | {backup.MANIFEST} == set(archive.namelist())
    assert manifest["app_version"] and "0003_documents" in manifest["migrations"]
    assert all(len(e["sha256"]) == 64 and e["size"] > 0 for e in manifest["files"])


def test_encrypted_backup_shows_no_name_or_text(filled, tmp_path):
    db = open_database(filled)
    try:
        documents = library.list_for_person(db, people.find_by_name(db, DEMO_PERSON).id)
        title = documents[0].title
        text = next(t for d in documents for t in library.page_texts(db, d.id) if len(t) > 40)
    finally:
        db.close()
    out = tmp_path / "secret.okbackup"
    backup.create(filled, out, PASSPHRASE)
    blob = out.read_bytes()
    assert blob.startswith(b"OKBACKUP1")
    secrets = [DEMO_PERSON, NAME_IN_ANY_SCRIPT, title, text[:30], "manifest.json", "documents/", "%PDF"]
    for secret in secrets:
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in blob, secret


def test_wrong_or_missing_passphrase_changes_nothing(filled, tmp_path):
    out = tmp_path / "secret.okbackup"
    backup.create(filled, out, PASSPHRASE)
    target = tmp_path / "target"
    with pytest.raises(WrongPassphrase, match="passphrase does not open"):
        restore.restore(out, target, "not it")
    with pytest.raises(restore.PassphraseRequired):
        restore.restore(out, target)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([filled.name, out.name])


@pytest.mark.parametrize("where", ["middle", "end", "cut"])
def test_tampered_ciphertext_is_refused(filled, tmp_path, where):
    out = tmp_path / "secret.okbackup"
    backup.create(filled, out, PASSPHRASE)
    blob = bytearray(out.read_bytes())
    if where == "cut":
        del blob[-100:]
    else:
        blob[len(blob) // 2 if where == "middle" else -1] ^= 0x01
    out.write_bytes(bytes(blob))
    before = _tree(filled)
    with pytest.raises(DamagedBackup):
        restore.restore(out, filled, PASSPHRASE, force=True)
    assert _tree(filled) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([filled.name, out.name])


def test_a_changed_file_inside_the_zip_is_refused(filled, tmp_path):
    out = tmp_path / "plain.zip"
    backup.create(filled, out)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as original, zipfile.ZipFile(tampered, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.startswith("documents/") and b"tampered" not in data:
                data = data[:-1] + b"X"  # same size, different hash, valid CRC
            copy.writestr(info, data)
    target = tmp_path / "target"
    with pytest.raises(DamagedBackup, match="is not what was backed up"):
        restore.restore(tampered, target)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_not_a_backup_and_unsafe_paths_are_refused(tmp_path):
    junk = tmp_path / "junk.okbackup"
    junk.write_bytes(b"hello, not a zip")
    with pytest.raises(DamagedBackup):
        restore.restore(junk, tmp_path / "t")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../outside", b"x")
        archive.writestr(backup.MANIFEST, json.dumps({"format": 1, "migrations": [], "files": [
            {"path": "../outside", "sha256": "0" * 64, "size": 1},
            {"path": "opinionkit.db", "sha256": "0" * 64, "size": 1}]}))
    with pytest.raises(DamagedBackup):
        restore.restore(evil, tmp_path / "t")
    assert not (tmp_path / "outside").exists() and not (tmp_path / "t").exists()


def test_existing_data_is_refused_without_force(filled, tmp_path):
    out = tmp_path / "b.zip"
    backup.create(filled, out)
    before = _tree(filled)
    with pytest.raises(restore.DataExists, match="--force"):
        restore.restore(out, filled)
    assert _tree(filled) == before


def test_force_keeps_the_old_data_next_to_the_folder(filled, tmp_path):
    out = tmp_path / "b.zip"
    backup.create(filled, out)
    db = open_database(filled)
    people.save(db, Person(name="Added After The Backup"))
    db.close()
    before = _tree(filled)

    report = restore.restore(out, filled, force=True)

    assert report.set_aside and report.set_aside.parent == filled.parent
    assert report.set_aside.name.startswith(f"{filled.name}.before-restore-")
    assert _tree(report.set_aside) == before
    assert "Added After The Backup" not in _names(filled)
    assert "Added After The Backup" in _names(report.set_aside)


def test_a_failed_swap_puts_the_old_data_back(filled, tmp_path, monkeypatch):
    out = tmp_path / "b.zip"
    backup.create(filled, out)
    before = _tree(filled)
    real_rename = os.rename
    calls = []

    def failing_rename(src, dst):
        calls.append(src)
        if len(calls) == 2:  # the fresh folder moving into place
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(restore.os, "rename", failing_rename)
    with pytest.raises(OSError):
        restore.restore(out, filled, force=True)
    monkeypatch.undo()
    assert _tree(filled) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([filled.name, out.name])


def test_empty_folder_is_simply_filled(filled, tmp_path):
    out = tmp_path / "b.zip"
    backup.create(filled, out)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert restore.restore(out, empty).people == 2


def test_private_files_and_folders(filled, tmp_path):
    out = tmp_path / "secret.okbackup"
    backup.create(filled, out, PASSPHRASE)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    target = tmp_path / "restored"
    restore.restore(out, target, PASSPHRASE)
    for path in [target, *target.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_never_overwrites_without_being_asked(filled, tmp_path):
    out = tmp_path / "b.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(OutputExists):
        backup.create(filled, out)
    assert out.read_bytes() == b"keep me"
    backup.create(filled, out, overwrite=True)
    assert zipfile.is_zipfile(out)


def test_snapshot_includes_what_an_open_connection_committed(filled, tmp_path):
    db = open_database(filled)  # stays open, as the window would
    try:
        people.save(db, Person(name="Written While Open"))
        backup.create(filled, tmp_path / "b.zip")
    finally:
        db.close()
    restore.restore(tmp_path / "b.zip", tmp_path / "r")
    assert "Written While Open" in _names(tmp_path / "r")


def test_large_encrypted_backup_spans_several_chunks(filled, tmp_path):
    # A file left in the documents folder (an orphan) is kept too: a backup loses nothing.
    big = filled / "documents" / "zz" / "leftover.bin"
    big.parent.mkdir()
    big.write_bytes(os.urandom(3 * (1 << 20) + 5))
    out = tmp_path / "big.okbackup"
    backup.create(filled, out, PASSPHRASE)
    assert out.stat().st_size > 3 * (1 << 20)
    report = restore.restore(out, tmp_path / "r", PASSPHRASE)
    assert _documents(tmp_path / "r") == _documents(filled) and report.files >= 6


def test_rolling_keeps_the_newest_five_and_skips_itself(filled):
    for _ in range(7):
        backup.rolling(filled, keep=5)
    kept = backup.rolling_backups(filled / backup.ROLLING_FOLDER)
    assert len(kept) == 5
    assert stat.S_IMODE((filled / backup.ROLLING_FOLDER).stat().st_mode) == 0o700
    with zipfile.ZipFile(io.BytesIO(kept[-1].read_bytes())) as archive:
        assert not [n for n in archive.namelist() if n.startswith(backup.ROLLING_FOLDER)]


def test_backup_inside_the_data_folder_is_refused(filled):
    with pytest.raises(Exception, match="outside the data folder"):
        backup.create(filled, filled / "b.zip")


def test_nothing_to_back_up(tmp_path):
    with pytest.raises(Exception, match="no OpinionKit data"):
        backup.create(tmp_path / "nothing", tmp_path / "b.zip")
