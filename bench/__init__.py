"""Measured figures, each against its target.

Run from the repository root with the project installed:

    .venv/bin/python -m bench              # every measurement
    .venv/bin/python -m bench --runs 11    # more runs per figure (median)
    .venv/bin/python -m bench --only startup

Each module named in ``bench.__main__.MEASUREMENTS`` has ``measure(runs: int) -> list[Row]``.
To add figures for a new capability, write ``bench/<capability>.py`` with that
function and add its name to the list. The exit status is 1 when a figure misses
its target or a measurement fails.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One figure; ``target`` is the most it may be (None: reported only)."""

    figure: str
    value: float
    unit: str
    target: float | None = None

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def show(self, number: float) -> str:
        if self.unit == "x":
            return f"{number:.2f}x"
        if self.unit == "s":
            return f"{number:.3f} s"
        return f"{number:.0f} {self.unit}"
