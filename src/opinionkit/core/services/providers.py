"""The directory of doctors, clinics, labs, imaging centres, hospitals and insurers."""

from __future__ import annotations

from sqlite_utils import Database

from opinionkit.core.domain import Provider, ProviderKind
from opinionkit.core.services import validation
from opinionkit.core.storage import rows

TABLE = "providers"
KIND = "provider"
_TEXT_FIELDS = ("specialty", "institution", "phone", "fax", "email", "address", "portal", "notes")


def validate(provider: Provider) -> Provider:
    validation.required_text(provider, "name", "The name")
    validation.one_of(provider, "kind", "The kind", ProviderKind)
    validation.strip_texts(provider, *_TEXT_FIELDS)
    validation.email(provider)
    return provider


def save(db: Database, provider: Provider) -> Provider:
    validate(provider)
    with db.atomic():
        if provider.id is None:
            provider.id = rows.insert(db, TABLE, provider)
        else:
            rows.update(db, TABLE, provider, KIND)
    return provider


def get(db: Database, provider_id: int) -> Provider:
    return rows.get(db, TABLE, Provider, provider_id, KIND)


def list_all(db: Database, kind: ProviderKind | None = None) -> list[Provider]:
    if kind is None:
        return rows.select(db, TABLE, Provider, order_by="name COLLATE NOCASE, id")
    return rows.select(db, TABLE, Provider, "kind = ?", [kind.value], order_by="name COLLATE NOCASE, id")


def find_by_name(db: Database, name: str) -> Provider | None:
    found = rows.select(db, TABLE, Provider, "name = ?", [name])
    return found[0] if found else None


def same_institution(a: Provider | None, b: Provider | None) -> bool:
    """True when two providers name the same institution (case and spacing ignored)."""
    if not a or not b or not a.institution or not b.institution:
        return False
    return " ".join(a.institution.casefold().split()) == " ".join(b.institution.casefold().split())
