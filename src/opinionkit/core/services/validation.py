"""Checks shared by the services' validators; each raises InvalidInput naming the field."""

from __future__ import annotations

from typing import Any

from opinionkit.core.errors import InvalidInput


def required_text(obj: Any, field: str, label: str) -> None:
    """Strip the field in place and refuse it when nothing is left."""
    value = (getattr(obj, field) or "").strip()
    if not value:
        raise InvalidInput(field, f"{label} is required: please fill it in.")
    setattr(obj, field, value)


def strip_texts(obj: Any, *fields: str) -> None:
    for field in fields:
        setattr(obj, field, (getattr(obj, field) or "").strip())


def email(obj: Any, field: str = "email") -> None:
    value = getattr(obj, field)
    if value and ("@" not in value or value.startswith("@") or value.endswith("@")):
        raise InvalidInput(field, "The email address looks incomplete: it needs a name, an @ and a domain.")


def one_of(obj: Any, field: str, label: str, allowed: type) -> None:
    value = getattr(obj, field)
    try:
        setattr(obj, field, allowed(value))
    except ValueError:
        choices = ", ".join(member.value for member in allowed)
        raise InvalidInput(field, f"{label} must be one of: {choices}.") from None
