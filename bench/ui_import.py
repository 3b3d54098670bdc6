"""The window while a 500-page PDF is imported: the longest the event loop went unanswered.

Each run is a fresh process (offscreen) with a main window on a new data
folder: the PDF (the same renderer-made 500-page record as bench/library.py)
goes through the window's own import path (``window.library.import_paths``:
the progress dialog, the ImportTask on the thread pool, the page-progress
signals, the reload at the end) while a 5 ms QTimer notes the time between
its ticks. The longest gap is how long a click or a repaint would have
waited; target at most 100 ms.

    python -m bench.ui_import PDF    # one run, from the repository root; prints JSON
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import Row

STALL_TARGET_MS = 100
TICK_MS = 5
_GIVE_UP_MS = 120_000
_ROOT = Path(__file__).resolve().parents[1]


def measure(runs: int) -> list[Row]:
    from bench.library import IMPORT_PAGES, _long_pdf

    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-") as tmp:
        pdf = Path(tmp) / "long record.pdf"
        pdf.write_bytes(_long_pdf(IMPORT_PAGES))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("OPINIONKIT_DATA_DIR", None)
        results = []
        for _ in range(max(1, runs)):
            done = subprocess.run([sys.executable, "-m", "bench.ui_import", str(pdf)], env=env, cwd=_ROOT,
                                  capture_output=True, text=True, timeout=_GIVE_UP_MS / 1000 + 30)
            if done.returncode != 0:
                raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "run failed")
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    stalls = [r["longest_gap_ms"] for r in results]
    return [
        Row(f"window: longest stall, {IMPORT_PAGES}-page import (median)", statistics.median(stalls), "ms",
            STALL_TARGET_MS),
        Row(f"window: longest stall, {IMPORT_PAGES}-page import (worst run)", max(stalls), "ms"),
        Row(f"window: {IMPORT_PAGES}-page import, start to listed", statistics.median(r["seconds"] for r in results),
            "s"),
    ]


def _one_run(pdf: Path) -> dict[str, float]:
    """Import ``pdf`` through a real window and time the event loop meanwhile."""
    import time

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from opinionkit.core.domain import Case, Person
    from opinionkit.core.services import cases, people
    from opinionkit.core.storage.database import open_database
    from opinionkit.ui.main_window import MainWindow
    from opinionkit.ui.style import apply_style

    app = QApplication(["bench"])
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-ui-") as tmp:
        data_dir = Path(tmp)
        db = open_database(data_dir)
        person = people.save(db, Person(name="Bench Person"))
        case = cases.save(db, Case(person_id=person.id or 0, title="Bench case"))
        window = MainWindow(db, data_dir, settings=None)
        window.resize(1280, 800)
        window.show()
        window.show_case(case.id or 0, section="documents")
        for _ in range(10):
            app.processEvents()

        gaps: list[float] = []
        last = time.perf_counter()
        outcome: dict[str, object] = {}

        def tick() -> None:
            nonlocal last
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

        def imported(report: object) -> None:
            outcome["report"] = report
            outcome["seconds"] = time.perf_counter() - started
            QTimer.singleShot(50, app.quit)  # a few more ticks: the reload after the import counts too

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        QTimer.singleShot(_GIVE_UP_MS, app.quit)
        timer.start()
        started = time.perf_counter()
        importer = window.library.import_paths([pdf])
        if importer is None:
            raise RuntimeError("the import did not start")
        importer.finished.connect(imported)
        app.exec()
        timer.stop()
        QThreadPool.globalInstance().waitForDone()
        report = outcome.get("report")
        if report is None or not report.ok:  # type: ignore[attr-defined]
            raise RuntimeError("the import did not finish")
        pages = report.imported[0].document.page_count  # type: ignore[attr-defined]
        window.close()
        db.close()
    return {"longest_gap_ms": max(gaps) * 1000, "seconds": outcome["seconds"], "pages": pages,
            "ticks": len(gaps)}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(_one_run(Path(sys.argv[1]))))
