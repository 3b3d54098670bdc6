"""Opening a case whose tracker holds 5,000 record items: its rows and its summary line.

What the window does to open a case: one ``tracker_rows`` query, then
``summarize`` over the rows it already has.

The database is a real file in a temporary data folder holding two such cases,
so the query must keep to the case it opens. Items are spread over every step,
with follow-ups on a third of them.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from bench import Row
from opinionkit.core.domain import Case, Person, Provider
from opinionkit.core.domain.records import RecordKind, Step
from opinionkit.core.services import cases, people, providers, tracker
from opinionkit.core.storage.database import open_database

ITEMS = 5000
TARGET_MS = 150.0
_STAMP = "2026-01-01T00:00:00+00:00"


def measure(runs: int) -> list[Row]:
    rounds = max(30, runs * 5)  # enough rounds for a meaningful 95th percentile
    with tempfile.TemporaryDirectory(prefix="opinionkit-bench-") as tmp:
        db = open_database(Path(tmp) / "data")
        try:
            case_id = _big_case(db, "First")
            _big_case(db, "Second")
            tracker.tracker_rows(db, case_id)  # warm the page cache, as an open window would be
            timings = []
            for _ in range(rounds):
                start = time.perf_counter()
                rows = tracker.tracker_rows(db, case_id)
                tracker.format_summary(tracker.summarize(rows))
                timings.append((time.perf_counter() - start) * 1000)
            assert len(rows) == ITEMS
        finally:
            db.close()
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    return [
        Row(f"open a case of {ITEMS:,} record items: median", statistics.median(timings), "ms", TARGET_MS),
        Row(f"open a case of {ITEMS:,} record items: p95", p95, "ms", TARGET_MS),
    ]


def _big_case(db, title: str) -> int:
    """A case with ``ITEMS`` items at every step, written straight to the tables."""
    person = people.save(db, Person(name=f"Bench {title}"))
    holders = [providers.save(db, Provider(name=f"{title} holder {n}", phone="555-0100")).id for n in range(40)]
    case = cases.save(db, Case(person_id=person.id or 0, title=f"{title} big case"))
    kinds, steps = list(RecordKind), list(Step)
    first = (db.execute("SELECT MAX(id) FROM record_items").fetchone()[0] or 0) + 1
    items, timeline, followups = [], [], []
    for n in range(ITEMS):
        ident = first + n
        items.append({
            "id": ident, "case_id": case.id, "kind": kinds[n % len(kinds)].value, "description": f"Item {n}",
            "holder_id": holders[n % len(holders)], "period_text": "last 12 months",
            "due_date": "2026-03-01" if n % 5 else None, "created_at": _STAMP, "updated_at": _STAMP,
        })
        timeline += [{"item_id": ident, "step": steps[rank].value, "on_date": f"2026-01-{10 + rank}",
                      "created_at": _STAMP} for rank in range(n % len(steps) + 1)]
        if n % 3 == 0:
            followups.append({"item_id": ident, "on_date": "2026-02-01", "said": "Chased", "created_at": _STAMP})
    with db.atomic():
        db["record_items"].insert_all(items)
        db["record_steps"].insert_all(timeline)
        db["record_followups"].insert_all(followups)
    return case.id or 0


if __name__ == "__main__":
    for row in measure(7):
        print(f"{row.figure}: {row.show(row.value)} (target <= {row.show(row.target or 0)})")
