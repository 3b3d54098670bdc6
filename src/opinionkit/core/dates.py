"""Dates as the core stores them: ISO ``YYYY-MM-DD`` strings, checked on the way in."""

from __future__ import annotations

import datetime as dt

from opinionkit.core.errors import InvalidInput


def today() -> dt.date:
    """The current local date; one place for tests to pin the clock."""
    return dt.date.today()


def now_stamp() -> str:
    """A UTC timestamp for created/updated columns."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def parse_date(value: str | dt.date | None, field: str, label: str) -> dt.date | None:
    """Turn ``value`` into a date, or raise InvalidInput naming ``field``; empty means None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(
            field, f"{label} must be a real date written as YYYY-MM-DD, for example 2026-03-14."
        ) from None


def clean_date(value: str | dt.date | None, field: str, label: str) -> str | None:
    """Validate a date and return it in storage form (ISO string) or None."""
    parsed = parse_date(value, field, label)
    return parsed.isoformat() if parsed else None
