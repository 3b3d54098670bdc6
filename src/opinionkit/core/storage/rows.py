"""Moving dataclasses in and out of tables, so each service only validates and decides."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import Enum
from typing import Any, TypeVar

from sqlite_utils import Database

from opinionkit.core.dates import now_stamp
from opinionkit.core.errors import NotFound

T = TypeVar("T")


def insert(db: Database, table: str, obj: Any) -> int:
    """Insert ``obj`` (without its id) and return the new id."""
    row = to_row(obj)
    stamp = now_stamp()
    row.update(created_at=stamp, updated_at=stamp)
    return int(db[table].insert(row).last_pk)


def update(db: Database, table: str, obj: Any, kind: str) -> None:
    """Write every field of ``obj`` over the row with its id."""
    ident = obj.id
    if ident is None or not db.execute(f"SELECT 1 FROM [{table}] WHERE id = ?", [ident]).fetchone():
        raise NotFound(kind, ident)
    row = to_row(obj)
    row["updated_at"] = now_stamp()
    db[table].update(ident, row)


def get(db: Database, table: str, cls: type[T], ident: int, kind: str) -> T:
    rows = list(db[table].rows_where("id = ?", [ident]))
    if not rows:
        raise NotFound(kind, ident)
    return from_row(cls, rows[0])


def select(
    db: Database, table: str, cls: type[T], where: str | None = None,
    params: list[Any] | None = None, order_by: str = "id",
) -> list[T]:
    return [from_row(cls, r) for r in db[table].rows_where(where, params or [], order_by=order_by)]


def to_row(obj: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name == "id":
            continue
        value = getattr(obj, f.name)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, Enum):
            value = value.value
        row[f.name] = value
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name not in row:
            continue
        value = row[f.name]
        hint = _strip_optional(hints[f.name])
        origin = typing.get_origin(hint) or hint
        if value is not None and origin in (list, dict) and isinstance(value, str):
            value = json.loads(value)
        elif value is not None and isinstance(hint, type) and issubclass(hint, Enum):
            value = hint(value)
        values[f.name] = value
    return cls(**values)


def _strip_optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint
