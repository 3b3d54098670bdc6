"""The change log of a person's health background: what was added, changed, stopped or deleted, and when.

Differences are found generically by comparing the fields of the record before
and after, named by the label each field carries in its metadata.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from sqlite_utils import Database

from opinionkit.core.dates import now_stamp
from opinionkit.core.storage import rows

TABLE = "background_changes"
_NOT_COMPARED = {"id", "person_id"}
_LONGEST_VALUE = 60  # a change line stays readable; the record itself keeps the full text

#: Turns a field's stored value into words, given the field name; returns None to use the default.
Shower = Callable[[str, Any], str | None]


class ChangeAction(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    STOPPED = "stopped"
    DELETED = "deleted"
    RESTORED = "restored"


@dataclass
class BackgroundChange:
    person_id: int
    at: str
    record_kind: str
    record_table: str
    record_id: int
    action: ChangeAction
    record_label: str
    summary: str = ""
    id: int | None = None


def record(
    db: Database, *, table: str, kind: str, action: ChangeAction,
    before: Any | None, after: Any, show: Shower | None = None,
) -> BackgroundChange | None:
    """Write one log row for a change of ``after`` (the record as it is now, or as it was when deleted).

    A save that changes nothing writes nothing and returns None. Call it inside
    the transaction that makes the change, so both are kept or neither.
    """
    summary = describe(before, after, show) if action in (ChangeAction.CHANGED, ChangeAction.STOPPED) else ""
    if action == ChangeAction.CHANGED and not summary:
        return None
    change = BackgroundChange(
        person_id=after.person_id, at=now_stamp(), record_kind=kind, record_table=table,
        record_id=after.id, action=action, record_label=after.label, summary=summary,
    )
    change.id = int(db[TABLE].insert(rows.to_row(change)).last_pk)
    return change


def list_for(db: Database, person_id: int, limit: int | None = None) -> list[BackgroundChange]:
    """The person's changes, newest first."""
    found = db[TABLE].rows_where("person_id = ?", [person_id], order_by="id DESC", limit=limit)
    return [rows.from_row(BackgroundChange, r) for r in found]


def describe(before: Any | None, after: Any, show: Shower | None = None) -> str:
    """``"Dose: 10 mg → 20 mg; Notes: (empty) → Take with food"`` for every field that differs."""
    if before is None:
        return ""
    parts = []
    for f in dataclasses.fields(after):
        if f.name in _NOT_COMPARED:
            continue
        old, new = getattr(before, f.name), getattr(after, f.name)
        if _same(old, new):
            continue
        label = f.metadata.get("label", f.name.replace("_", " ").capitalize())
        parts.append(f"{label}: {_words(f.name, old, show)} → {_words(f.name, new, show)}")
    return "; ".join(parts)


def _same(old: Any, new: Any) -> bool:
    empty = (None, "")
    return (old in empty and new in empty) or old == new


def _words(name: str, value: Any, show: Shower | None) -> str:
    shown = show(name, value) if show and value not in (None, "") else None
    if shown is None:
        if value is None or value == "":
            return "(empty)"
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, Enum):
            shown = str(value.value)
        else:
            shown = " ".join(str(value).split())
    return shown if len(shown) <= _LONGEST_VALUE else shown[: _LONGEST_VALUE - 1] + "…"
