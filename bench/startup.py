"""Cold start-up to first paint, and peak memory: opinionkit on the demo data against a bare QMainWindow.

Each run is a fresh process (offscreen), timed from its start until its first paint
is drawn and until its exit; the two kinds alternate so that whatever else the
machine does affects both alike. OpinionKit paints its frame first (menu titles,
the sidebar's colour, "Opening your records…") and fills it right after: the time
until the demo data is on screen is shown too, and its runs exit only then, so its
exit time and memory are those of the filled window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import Row

RATIO_TARGET = 1.5
_RUNNER = Path(__file__).with_name("first_paint.py")


def measure(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-") as tmp:
        folder = Path(tmp)
        # No --data-dir: the app finds its folder as it does for a user, here under XDG_DATA_HOME.
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "config"),
               "XDG_DATA_HOME": str(folder / "data")}
        env.pop("OPINIONKIT_DATA_DIR", None)
        subprocess.run([sys.executable, "-m", "opinionkit", "demo"], env=env, check=True, capture_output=True)
        commands = {
            "bare": [sys.executable, str(_RUNNER), "bare"],
            "app": [sys.executable, str(_RUNNER), "opinionkit"],
        }
        runs_by_kind: dict[str, list[_Run]] = {kind: [] for kind in commands}
        for round_number in range(runs + 1):  # round 0 only warms the file cache and .pyc files
            for kind, command in commands.items():
                run = _run_process(command, env)
                if round_number:
                    runs_by_kind[kind].append(run)

    def median(kind: str, what: str) -> float:
        return statistics.median(getattr(run, what) for run in runs_by_kind[kind])

    return [
        Row("first paint: bare QMainWindow", median("bare", "to_paint"), "s"),
        Row("first paint: opinionkit, demo data", median("app", "to_paint"), "s"),
        Row("first paint ratio: opinionkit / bare", median("app", "to_paint") / median("bare", "to_paint"),
            "x", RATIO_TARGET),
        Row("demo data on screen: opinionkit", median("app", "to_data"), "s"),
        Row("start to exit: bare QMainWindow", median("bare", "to_exit"), "s"),
        Row("start to exit: opinionkit, demo data", median("app", "to_exit"), "s"),
        Row("peak RSS: bare QMainWindow", median("bare", "peak_kb") / 1024, "MB"),
        Row("peak RSS: opinionkit, demo data", median("app", "peak_kb") / 1024, "MB"),
    ]


@dataclass(frozen=True)
class _Run:
    to_paint: float
    to_data: float  # the same as to_paint for a window that shows everything at once
    to_exit: float
    peak_kb: int


def _run_process(command: list[str], env: dict[str, str]) -> _Run:
    """Start ``command``; time its first paint (which it prints) and its exit, and its peak memory."""
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        start = time.monotonic()
        pid = os.posix_spawn(command[0], command, env, file_actions=[
            (os.POSIX_SPAWN_DUP2, stdout.fileno(), 1),
            (os.POSIX_SPAWN_DUP2, stderr.fileno(), 2),
        ])
        _, status, usage = os.wait4(pid, 0)  # wait4, unlike wait, gives this one child's peak memory
        exited = time.monotonic()
        code = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        times = dict(line.split()[:2] for line in stdout.read().decode().splitlines()
                     if line.startswith(("first-paint ", "data-shown ")))
        if code != 0 or "first-paint" not in times:
            stderr.seek(0)
            last = stderr.read().decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            raise RuntimeError(f"{' '.join(command[1:])} exited with {code} before a paint: {last[0]}")
    painted = float(times["first-paint"])
    return _Run(to_paint=painted - start, to_data=float(times.get("data-shown", painted)) - start,
                to_exit=exited - start, peak_kb=usage.ru_maxrss)
