"""The benchmark harness: its table, its exit status, and the first-paint runner it times."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def bench_main(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    monkeypatch.syspath_prepend(str(ROOT))
    import bench.__main__

    return bench.__main__


def _fake_measurement(monkeypatch: pytest.MonkeyPatch, bench_main: types.ModuleType, measure) -> None:
    module = types.ModuleType("bench.fake")
    module.measure = measure
    monkeypatch.setitem(sys.modules, "bench.fake", module)
    monkeypatch.setattr(bench_main, "MEASUREMENTS", ["bench.fake"])


def test_table_shows_each_figure_against_its_target(bench_main, monkeypatch, capsys):
    from bench import Row

    _fake_measurement(monkeypatch, bench_main, lambda runs: [
        Row("start-up ratio", 1.2, "x", 1.5), Row("peak RSS", 80.4, "MB"), Row("runs", runs, "runs"),
    ])
    assert bench_main.main(["--runs", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["FIGURE", "VALUE", "TARGET", "OK"]
    assert lines[2].split()[-3:] == ["<=", "1.50x", "ok"] and "1.20x" in lines[2]
    assert "80 MB" in lines[3]
    assert "3 runs" in lines[4]


def test_a_missed_target_or_a_broken_measurement_fails(bench_main, monkeypatch, capsys):
    from bench import Row

    _fake_measurement(monkeypatch, bench_main, lambda runs: [Row("start-up ratio", 2.0, "x", 1.5)])
    assert bench_main.main([]) == 1
    assert "MISSED" in capsys.readouterr().out

    def broken(runs: int) -> list:
        raise RuntimeError("the window exited with 1")

    _fake_measurement(monkeypatch, bench_main, broken)
    assert bench_main.main([]) == 1
    assert "the window exited with 1" in capsys.readouterr().err


def test_first_paint_runner_quits_by_itself():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "first_paint.py"), "bare"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_first_paint_runner_waits_for_opinionkit_to_show_its_data(tmp_path):
    # As bench/startup.py runs it: the user's default data folder, here under XDG_DATA_HOME.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("OPINIONKIT_DATA_DIR", None)
    subprocess.run([sys.executable, "-m", "opinionkit", "demo"], env=env, check=True, capture_output=True, timeout=60)
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "first_paint.py"), "opinionkit"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    printed = [line.split()[0] for line in done.stdout.splitlines()]
    assert printed == ["first-paint", "data-shown"]
    assert (tmp_path / "data" / "OpinionKit" / "opinionkit.db").is_file()
