"""Plain text tables for commands run without --json."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, TextIO

_MAX_WIDTH = 60  # long titles are cut so a row stays on one terminal line


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], *, empty: str, out: TextIO | None = None,
) -> None:
    """Print ``rows`` under ``headers`` in aligned columns, or ``empty`` when there are none."""
    out = out or sys.stdout
    if not rows:
        print(empty, file=out)
        return
    cells = [[_cell(value) for value in row] for row in rows]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, h in enumerate(headers)]
    for line in [list(headers), ["-" * w for w in widths], *cells]:
        print("  ".join(text.ljust(w) for text, w in zip(line, widths)).rstrip(), file=out)


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= _MAX_WIDTH else text[: _MAX_WIDTH - 1] + "…"
