"""Privacy: OpinionKit opens no network connection, keeps its files to its user, and logs no personal details."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sample_files as samples

from opinionkit.cli.main import main
from opinionkit.core.domain import Person
from opinionkit.core.services import demo, library, people, search
from opinionkit.core.services.demo import DEMO_PERSON
from opinionkit.core.services.demo_opinions import BRENNAN_LETTER, NANDAKUMAR_LETTER
from opinionkit.core.storage.database import open_database

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every test here fails if Python code tries to reach any address but a local (AF_UNIX) socket."""
    attempts: list[object] = []

    def refuse(name: str, original):
        def guarded(sock: socket.socket, address, *rest):
            if sock.family == getattr(socket, "AF_UNIX", None):
                return original(sock, address, *rest)
            attempts.append((name, address))
            raise OSError(f"network use during a privacy test: {name} {address!r}")
        return guarded

    for name in ("connect", "connect_ex"):
        monkeypatch.setattr(socket.socket, name, refuse(name, getattr(socket.socket, name)))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto", socket.socket.sendto))

    def create_connection(address, *args, **kwargs):
        attempts.append(("create_connection", address))
        raise OSError(f"network use during a privacy test: create_connection {address!r}")

    monkeypatch.setattr(socket, "create_connection", create_connection)
    yield attempts
    assert attempts == [], f"a network connection was attempted: {attempts}"


def test_the_guard_catches_a_connection(no_network):
    with pytest.raises(OSError, match="network use"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(OSError, match="network use"):
        sock.connect(("127.0.0.1", 9))
    assert len(no_network) == 2
    no_network.clear()  # seen; the fixture's own check must not fail this test


def test_the_main_flows_open_no_connection(capsys, qapp, data_dir: Path, tmp_path: Path, no_network):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["demo"]) == 0
    db = open_database(data_dir)
    try:
        person = people.save(db, Person(name="Ada Test"))
        library.add_bytes(db, data_dir, samples.text_pdf(["Stenosis at L4-L5"]), "mri.pdf", person_id=person.id)
        assert search.search(db, "stenosis")
        case_id = demo.load(db).case_id
    finally:
        db.close()
    assert main(["search", "stenosis"]) == 0
    assert main(["summary", "--person", "1", "-o", str(out / "summary.pdf")]) == 0
    assert main(["export", "--case", str(case_id), "-o", str(out / "packet.pdf"), "--zip", str(out / "p.zip")]) == 0
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BRENNAN_LETTER, encoding="utf-8")
    second.write_text(NANDAKUMAR_LETTER, encoding="utf-8")
    assert main(["compare", str(first), str(second)]) == 0
    assert main(["check"]) == 0
    capsys.readouterr()
    assert (out / "summary.pdf").stat().st_size and (out / "packet.pdf").stat().st_size
    assert no_network == []


def test_the_command_line_works_with_networking_switched_off(tmp_path: Path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(textwrap.dedent("""
        import socket

        def _refuse(*args, **kwargs):
            raise OSError("networking is switched off")

        _connect = socket.socket.connect

        def _connect_local_only(sock, address):
            if sock.family == getattr(socket, "AF_UNIX", None):
                return _connect(sock, address)
            _refuse()

        socket.socket.connect = _connect_local_only
        socket.socket.connect_ex = _connect_local_only
        socket.create_connection = _refuse
    """), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(guard), "OPINIONKIT_DATA_DIR": str(tmp_path / "data")}

    def opinionkit(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "opinionkit", *argv], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)

    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
                           env=env, capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0 and "networking is switched off" in probe.stderr  # the guard is active

    out = tmp_path / "summary.pdf"
    for argv in (["demo"], ["people"], ["search", "stenosis"], ["records", "--case", "1"],
                 ["summary", "--person", "1", "-o", str(out)], ["check"], ["trash"]):
        done = opinionkit(*argv)
        assert done.returncode == 0, (argv, done.stderr)
        assert "switched off" not in done.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_data_folder_its_files_and_the_log_are_for_the_user_only(capsys, data_dir: Path, monkeypatch):
    # The modes must not rest on the umask main() sets: run with a common, looser one.
    previous = os.umask(0o022)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, "umask", lambda mask: 0o022)
            assert main(["demo"]) == 0
    finally:
        os.umask(previous)

    def broken(db, person_id):
        raise RuntimeError(f"{DEMO_PERSON}: Stenosis at L4-L5 in {data_dir}")

    monkeypatch.setattr(people, "get", broken)
    assert main(["demo"]) == 1
    err = capsys.readouterr().err
    assert DEMO_PERSON not in err and "Stenosis" not in err

    log = data_dir / "opinionkit.log"
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert DEMO_PERSON not in text and "Marguerite" not in text and "Stenosis" not in text
    assert str(data_dir) not in text

    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
