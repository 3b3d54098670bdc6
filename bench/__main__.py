"""``python -m bench``: run the measurements and print one table of figures and targets."""

from __future__ import annotations

import argparse
import importlib
import sys

from bench import Row
from opinionkit.cli.table import print_table

#: Modules with ``measure(runs: int) -> list[Row]``, in the order their rows are printed.
MEASUREMENTS = [
    "bench.startup",
    "bench.tracker",
    "bench.library",
    "bench.ui_import",
    "bench.compare",
    "bench.packet",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per figure; the median is shown (default 7)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these measurements, e.g. startup")
    args = parser.parse_args(argv)

    rows: list[Row] = []
    failed = []
    for name in MEASUREMENTS:
        if args.only and name.removeprefix("bench.") not in args.only:
            continue
        print(f"measuring {name.removeprefix('bench.')} ...", file=sys.stderr, flush=True)
        try:
            rows += importlib.import_module(name).measure(args.runs)
        except Exception as error:  # one broken measurement must not hide the others
            failed.append(f"{name}: {error}")

    print_table(
        ["FIGURE", "VALUE", "TARGET", "OK"],
        [[r.figure, r.show(r.value), "" if r.target is None else f"<= {r.show(r.target)}",
          {True: "ok", False: "MISSED", None: ""}[r.ok]] for r in rows],
        empty="No figures.",
    )
    for failure in failed:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failed or any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
