"""The trash: deleting moves a row and everything it owns aside, so it can come back.

A row's belongings are found from the schema itself: every foreign key with
ON DELETE CASCADE points from a child to its owner. References with ON DELETE
SET NULL are remembered too, so that restoring puts the links back.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from opinionkit.core.dates import now_stamp
from opinionkit.core.errors import NotFound, OpinionKitError
from opinionkit.core.services import document_store

TABLE = "trash"


@dataclass
class TrashEntry:
    id: int
    kind: str
    label: str
    root_table: str
    root_id: int
    deleted_at: str


def move_to_trash(db: Database, table: str, row_id: int, kind: str, label: str) -> int:
    """Delete ``table[row_id]`` and all it owns, keeping a copy in the trash; returns the entry id."""
    with db.atomic():
        rows = _collect(db, table, [row_id])
        if not rows.get(table):
            raise NotFound(kind, row_id)
        links = _references(db, rows)
        payload = {"rows": rows, "links": links}
        entry_id = int(db[TABLE].insert({
            "kind": kind, "label": label, "root_table": table, "root_id": row_id,
            "payload": json.dumps(payload, ensure_ascii=False), "deleted_at": now_stamp(),
        }).last_pk)
        db.execute(f"DELETE FROM [{table}] WHERE id = ?", [row_id])
    return entry_id


def restore(db: Database, entry_id: int) -> TrashEntry:
    """Put back everything one trash entry holds, links included, and drop the entry."""
    entry = get(db, entry_id)
    payload = json.loads(db.execute(f"SELECT payload FROM {TABLE} WHERE id = ?", [entry_id]).fetchone()[0])
    try:
        _put_back(db, entry_id, payload)
    except sqlite3.IntegrityError as error:
        raise OpinionKitError(
            f"“{entry.label}” cannot be put back because the data it belonged to has changed "
            f"({error}). It stays in the trash."
        ) from error
    return entry


def _put_back(db: Database, entry_id: int, payload: dict[str, Any]) -> None:
    with db.atomic():
        # Link rows can be collected before a row they point at (a document linked to a
        # record item); foreign keys are checked once, at commit, when all are back.
        db.execute("PRAGMA defer_foreign_keys = ON")
        for table, table_rows in payload["rows"].items():  # collected owner-first
            for row in table_rows:
                db[table].insert(row)
        for link in payload["links"]:
            db.execute(
                f"UPDATE [{link['table']}] SET [{link['column']}] = ? WHERE id = ?",
                [link["value"], link["id"]],
            )
        db.execute(f"DELETE FROM {TABLE} WHERE id = ?", [entry_id])


def get(db: Database, entry_id: int) -> TrashEntry:
    found = list(db[TABLE].rows_where("id = ?", [entry_id], select="id, kind, label, root_table, root_id, deleted_at"))
    if not found:
        raise NotFound("trash entry", entry_id)
    return TrashEntry(**found[0])


def list_entries(db: Database) -> list[TrashEntry]:
    return [
        TrashEntry(**r)
        for r in db[TABLE].rows_where(select="id, kind, label, root_table, root_id, deleted_at", order_by="id DESC")
    ]


def empty(db: Database, entry_id: int | None = None, data_dir: Path | None = None) -> int:
    """Forget trashed rows for good (one entry, or all); returns how many entries went.

    With ``data_dir``, stored document files nothing refers to any more are deleted
    too, once the entries are gone (a crash in between leaves orphans the check finds).
    """
    with db.atomic():
        if entry_id is None:
            count = db.execute(f"DELETE FROM {TABLE}").rowcount
        else:
            count = db.execute(f"DELETE FROM {TABLE} WHERE id = ?", [entry_id]).rowcount
    if data_dir is not None:
        for path in document_store.orphans(db, data_dir):
            document_store.discard(path)
    return count


def _foreign_keys(db: Database, table: str) -> list[dict[str, Any]]:
    cursor = db.execute(f"PRAGMA foreign_key_list([{table}])")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def _children(db: Database, parent: str) -> list[tuple[str, str, str]]:
    """(child table, column, on_delete) for every foreign key that points at ``parent``."""
    found = []
    for child in db.table_names():
        for fk in _foreign_keys(db, child):
            if fk["table"] == parent:
                found.append((child, fk["from"], fk["on_delete"].upper()))
    return found


def _collect(db: Database, table: str, ids: list[int], into: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Rows of ``table`` with ``ids`` and, recursively, the rows they own (owners first)."""
    into = {} if into is None else into
    if not ids:
        return into
    seen = {row["id"] for row in into.get(table, [])}
    ids = [i for i in ids if i not in seen]  # a row reached twice (through two owners) is kept once
    if not ids:
        return into
    marks = ",".join("?" * len(ids))
    found = [dict(r) for r in db[table].rows_where(f"id IN ({marks})", ids)]
    if not found:
        return into
    into.setdefault(table, []).extend(found)
    for child, column, on_delete in _children(db, table):
        if on_delete == "CASCADE":
            child_ids = [r[0] for r in db.execute(f"SELECT id FROM [{child}] WHERE [{column}] IN ({marks})", ids)]
            _collect(db, child, child_ids, into)
    return into


def _references(db: Database, rows: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """Links from rows outside the deletion that SQLite will set to NULL."""
    links = []
    for table, table_rows in rows.items():
        ids = [r["id"] for r in table_rows]
        marks = ",".join("?" * len(ids))
        for child, column, on_delete in _children(db, table):
            if on_delete != "SET NULL":
                continue
            for child_id, value in db.execute(
                f"SELECT id, [{column}] FROM [{child}] WHERE [{column}] IN ({marks})", ids
            ):
                links.append({"table": child, "column": column, "id": child_id, "value": value})
    return links
