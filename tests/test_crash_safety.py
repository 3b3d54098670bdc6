"""Killing OpinionKit (SIGKILL) at random moments of an import, an export or editing loses nothing and shows no half file.

Each kill point copies a prepared data folder, starts the command in a child
process, kills it after a seeded random delay spread over a measured full run,
then checks the data folder (`opinionkit check`'s own checks) and the export
target: absent, or a complete PDF. The default run tries 20 kill points;
`pytest -m slow` tries 210.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

import hostile_files
import sample_files as samples
from opinionkit.core.domain import Case, Person
from opinionkit.core.services import cases, library, people
from opinionkit.core.storage.database import open_database

EDITING = """
import sys
from pathlib import Path
from opinionkit.core.domain import Case, Person, RecordItem
from opinionkit.core.services import cases, people, record_items
from opinionkit.core.storage.database import open_database

db = open_database(Path(sys.argv[1]))
for number in range(150):
    person = people.save(db, Person(name=f"Kim Example {number}", notes="x" * 2000))
    case = cases.save(db, Case(person_id=person.id, title=f"Knee {number}", goals=["walk", "sleep"]))
    item = record_items.create(db, RecordItem(case_id=case.id, description=f"MRI {number}"))
    item.notes = "called twice"
    record_items.update(db, item)
    person.phone = f"555-01{number:02d}"
    people.save(db, person)
"""


def page_texts(seed: int, pages: int) -> list[str]:
    words = random.Random(seed).choices(["stenosis", "lumbar", "nerve", "root", "imaging", "report"], k=pages * 60)
    return [" ".join(words[i * 60:(i + 1) * 60]) for i in range(pages)]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A data folder with a person, a case and documents, and new files to import into it."""
    root = tmp_path_factory.mktemp("crash")
    data_dir, incoming = root / "template", root / "incoming"
    incoming.mkdir()
    db = open_database(data_dir)
    try:
        person = people.save(db, Person(name="Ada Test", date_of_birth="1970-01-01"))
        case = cases.save(db, Case(person_id=person.id, title="Back"))
        for number in range(4):
            source = incoming / f"old-{number}.pdf"
            source.write_bytes(samples.text_pdf(page_texts(number, 15)))
            library.add_document(db, data_dir, source, person_id=person.id, case_id=case.id,
                                 service_date=f"2025-0{number + 1}-01")
            source.unlink()
    finally:
        db.close()
    for number in range(6):
        (incoming / f"new-{number}.pdf").write_bytes(samples.text_pdf(page_texts(100 + number, 40)))
    (incoming / "scan.png").write_bytes(hostile_files.big_png(1500, 1500))
    return {"template": data_dir, "incoming": incoming, "root": root}


def commands(prepared: dict[str, Path], data_dir: Path, out: Path) -> dict[str, list[str]]:
    files = [str(p) for p in sorted(prepared["incoming"].iterdir())]
    cli = [sys.executable, "-m", "opinionkit", "--data-dir", str(data_dir)]
    return {
        "import": [*cli, "import", *files, "--person", "1", "--case", "1"],
        "export": [*cli, "export", "--case", "1", "-o", str(out / "packet.pdf"), "--zip", str(out / "packet.zip")],
        "editing": [sys.executable, "-c", EDITING, str(data_dir)],
    }


def fresh(prepared: dict[str, Path], name: str) -> tuple[Path, Path]:
    folder = prepared["root"] / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(prepared["template"], folder / "data")
    (folder / "out").mkdir()
    return folder / "data", folder / "out"


def start(command: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def full_run(prepared: dict[str, Path], kind: str) -> float:
    """Seconds a run takes without being killed; it must succeed."""
    data_dir, out = fresh(prepared, f"measure-{kind}")
    began = time.monotonic()
    process = start(commands(prepared, data_dir, out)[kind])
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()
    return time.monotonic() - began


def hidden_part(name: str) -> bool:
    """The hidden temporary file a write in progress uses (``.packet.pdf.x1y2.part``): a kill leaves it."""
    return name.startswith(".packet.") and name.endswith(".part")


def assert_output_whole(out: Path) -> None:
    """Beside the export target: nothing, or the finished PDF (and zip) only."""
    names = sorted(p.name for p in out.iterdir() if not hidden_part(p.name))
    assert set(names) <= {"packet.pdf", "packet.zip"}, f"partial files beside the packet: {names}"
    if "packet.pdf" in names:
        reader = PdfReader(out / "packet.pdf", strict=True)
        assert len(reader.pages) > 4


def kill_points(prepared: dict[str, Path], kind: str, count: int, seed: int) -> tuple[int, int]:
    """Kill ``count`` runs at seeded random moments; (runs killed before finishing, runs that survived the check)."""
    duration = full_run(prepared, kind)
    rng = random.Random(seed)
    killed = survived = 0
    for point in range(count):
        data_dir, out = fresh(prepared, f"{kind}-{point}")
        process = start(commands(prepared, data_dir, out)[kind])
        time.sleep(rng.uniform(0.05, duration * 1.05))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.communicate(timeout=60)
        hostile_files.assert_sound(data_dir, allow_leftovers=True)
        assert_output_whole(out)
        survived += 1
        shutil.rmtree(data_dir.parent)
    print(f"{kind}: {count} kill points over {duration:.2f} s runs, {killed} killed mid-run, {survived} sound")
    return killed, survived


@pytest.mark.parametrize(("kind", "count"), [("import", 7), ("export", 7), ("editing", 6)])
def test_a_kill_at_random_moments_leaves_the_data_sound(prepared, kind, count):
    killed, survived = kill_points(prepared, kind, count, seed=count * 1000 + len(kind))
    assert survived == count and killed >= count // 2


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["import", "export", "editing"])
def test_seventy_kills_each_leave_the_data_sound(prepared, kind):
    killed, survived = kill_points(prepared, kind, 70, seed=len(kind))
    assert survived == 70 and killed >= 50
