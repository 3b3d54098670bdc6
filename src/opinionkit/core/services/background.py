"""A person's health background: checking, saving, listing, stopping and deleting its records.

Every save, stop and delete writes a line to the person's change log in the same
transaction, so the record and its history never disagree.

Text is cleaned the same way for every record: Unicode put in one form, control
characters dropped, surrounding space trimmed; one-line fields have runs of
spaces, tabs and line breaks made single spaces, while notes keep their lines.
The text that names a record (a medication's name, an allergy's substance...)
may not hold several lines: that is a pasted list, and each entry is added on
its own. Dates may be partial (YYYY or YYYY-MM) since people often know only the
year of an operation.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
import typing
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from sqlite_utils import Database

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.core.domain.background import (
    Allergy,
    Condition,
    FamilyHistory,
    Immunisation,
    Medication,
    MedicationStatus,
    Procedure,
    SocialHistory,
)
from opinionkit.core.errors import InvalidInput
from opinionkit.core.services import changelog, medication_names, people, trash, validation
from opinionkit.core.services.changelog import ChangeAction
from opinionkit.core.storage import rows

R = TypeVar("R")


@dataclass(frozen=True)
class BackgroundKind:
    table: str
    kind: str  # in words, for messages, the trash and the change log
    order_by: str


KINDS: dict[type, BackgroundKind] = {
    Medication: BackgroundKind("medications", "medication", "status, name COLLATE NOCASE, id"),
    Allergy: BackgroundKind("allergies", "allergy", "substance COLLATE NOCASE, id"),
    Condition: BackgroundKind("conditions", "condition", "status, since IS NULL, since DESC, id"),
    Procedure: BackgroundKind("procedures", "procedure", "performed_on IS NULL, performed_on DESC, id"),
    Immunisation: BackgroundKind("immunisations", "immunisation", "given_on IS NULL, given_on DESC, id"),
    FamilyHistory: BackgroundKind("family_history", "family history entry", "id"),
    SocialHistory: BackgroundKind("social_history", "social history", "id"),
}

_CONTROL_CHARACTERS = dict.fromkeys([*(c for c in range(32) if c not in (9, 10, 13)), 127])
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")
_EARLIEST_YEAR = 1900
_OLDEST_AGE = 120


@dataclass
class Background:
    """Everything recorded for one person, as the summary and the export need it."""

    person: Person
    medications: list[Medication] = field(default_factory=list)
    allergies: list[Allergy] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    immunisations: list[Immunisation] = field(default_factory=list)
    family_history: list[FamilyHistory] = field(default_factory=list)
    social_history: SocialHistory | None = None
    provider_names: dict[int, str] = field(default_factory=dict)

    def active_medications(self, on: str | None = None) -> list[Medication]:
        on = on or today().isoformat()
        return [m for m in self.medications if m.is_active(on)]

    def stopped_medications(self, on: str | None = None) -> list[Medication]:
        on = on or today().isoformat()
        return [m for m in self.medications if not m.is_active(on)]

    def prescriber(self, medication: Medication) -> str:
        return _who(self.provider_names, medication.prescriber_id, medication.prescriber)

    def performer(self, procedure: Procedure) -> str:
        return _who(self.provider_names, procedure.performed_by_id, procedure.performed_by)


# -- checking ---------------------------------------------------------------------------------

def validate(db: Database, record: R) -> R:
    """Clean ``record`` in place and raise InvalidInput naming the first faulty field."""
    spec = _spec(type(record))
    people.get(db, record.person_id)  # type: ignore[attr-defined]
    _clean_fields(record, spec.kind)
    if isinstance(record, Medication):
        _check_medication(db, record)
    elif isinstance(record, Procedure):
        _check_provider(db, record, "performed_by_id")
    elif isinstance(record, FamilyHistory):
        record.age_at_onset = _clean_age(record.age_at_onset)
    return record


def clean_partial_date(value: str | dt.date | None, field: str, label: str, *, past: bool = True) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` checked and written in that form; empty gives None."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = " ".join((value or "").split())
    if not text:
        return None
    match = _PARTIAL_DATE.fullmatch(text)
    written = (
        f"“{label}” must be a real date written as YYYY-MM-DD, or as YYYY-MM or YYYY when the day "
        "or month is not known (for example 2019-03-14, 2019-03 or 2019)."
    )
    if not match:
        raise InvalidInput(field, written)
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError:
        raise InvalidInput(field, written) from None
    if year < _EARLIEST_YEAR:  # type: ignore[operator]
        raise InvalidInput(field, f"“{label}” is before {_EARLIEST_YEAR}: please check the year.")
    cleaned = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    if past and _after(cleaned, today().isoformat()):
        raise InvalidInput(field, f"“{label}” is in the future: please check it.")
    return cleaned


def _clean_fields(record: Any, kind: str) -> None:
    hints = typing.get_type_hints(type(record))
    for f in dataclasses.fields(record):
        meta, label = f.metadata, f.metadata.get("label", f.name)
        value = getattr(record, f.name)
        if meta.get("date"):
            setattr(record, f.name, clean_partial_date(value, f.name, label, past=meta["past"]))
        elif "multiline" in meta:
            setattr(record, f.name, _clean_text(value, f.name, label, kind, meta))
        elif isinstance(hints[f.name], type) and issubclass(hints[f.name], Enum):
            validation.one_of(record, f.name, label, hints[f.name])


def _clean_text(value: Any, field: str, label: str, kind: str, meta: Any) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).translate(_CONTROL_CHARACTERS)
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if meta["multiline"]:
        return text
    if meta["required"]:
        if not text:
            raise InvalidInput(field, f"“{label}” cannot be empty: please fill it in.")
        if "\n" in text:
            raise InvalidInput(
                field, f"“{label}” holds several lines, as if a list was pasted. "
                       f"Enter one {kind} per entry and add the others one by one.",
            )
    return " ".join(text.split())


def _check_medication(db: Database, med: Medication) -> None:
    if med.start and med.stop and _after(med.start, med.stop):
        raise InvalidInput(
            "stop", f"The stop date ({med.stop}) is before the start date ({med.start}): please check both.",
        )
    now = today().isoformat()
    if med.stop and not _after(med.stop, now):
        med.status = MedicationStatus.STOPPED  # a stop date that has come decides
    elif med.stop and med.status == MedicationStatus.STOPPED:
        raise InvalidInput(
            "stop", f"The stop date ({med.stop}) is in the future, but the medication is marked stopped. "
                    "Give the date it was stopped, or keep it active with that date as its planned end.",
        )
    _check_provider(db, med, "prescriber_id")


def _check_provider(db: Database, record: Any, field: str) -> None:
    ident = getattr(record, field)
    if ident is not None and not db.execute("SELECT 1 FROM providers WHERE id = ?", [ident]).fetchone():
        raise InvalidInput(field, f"No provider with id {ident} is in the directory.")


def _clean_age(value: Any) -> int | None:
    text = str(value).strip() if value is not None else ""
    if not text:
        return None
    if not text.isdigit() or not 0 <= int(text) <= _OLDEST_AGE:
        raise InvalidInput(
            "age_at_onset",
            f"The age at onset must be a whole number of years from 0 to {_OLDEST_AGE}, or left empty.",
        )
    return int(text)


def _after(a: str, b: str) -> bool:
    """``a`` is later than ``b``, comparing partial dates only as far as both are known."""
    length = min(len(a), len(b))
    return a[:length] > b[:length]


# -- saving and reading -----------------------------------------------------------------------

def save(db: Database, record: R) -> R:
    """Insert a new record (id None) or update one; logs what changed. Returns it with its id.

    Social history is one per person: saving it without an id replaces the person's.
    """
    spec = _spec(type(record))
    validate(db, record)
    with db.atomic():
        if isinstance(record, SocialHistory) and record.id is None:
            existing = _social_row(db, record.person_id)
            record.id = existing.id if existing else None
        if record.id is None:  # type: ignore[attr-defined]
            record.id = rows.insert(db, spec.table, record)  # type: ignore[attr-defined]
            changelog.record(db, table=spec.table, kind=spec.kind, action=ChangeAction.ADDED, before=None, after=record)
        else:
            before = get(db, type(record), record.id)  # type: ignore[attr-defined]
            if before.person_id != record.person_id:  # type: ignore[attr-defined]
                raise InvalidInput("person_id", f"This {spec.kind} belongs to someone else; it cannot be moved.")
            rows.update(db, spec.table, record, spec.kind)
            changelog.record(
                db, table=spec.table, kind=spec.kind, action=ChangeAction.CHANGED,
                before=before, after=record, show=_shower(db),
            )
    return record


def get(db: Database, cls: type[R], record_id: int) -> R:
    spec = _spec(cls)
    return rows.get(db, spec.table, cls, record_id, spec.kind)


def list_for(db: Database, cls: type[R], person_id: int) -> list[R]:
    """The person's records of one kind, in the order the screens and the summary show them."""
    spec = _spec(cls)
    people.get(db, person_id)
    return rows.select(db, spec.table, cls, "person_id = ?", [person_id], order_by=spec.order_by)


def social_history(db: Database, person_id: int) -> SocialHistory:
    """The person's social history, or an empty unsaved one."""
    people.get(db, person_id)
    return _social_row(db, person_id) or SocialHistory(person_id=person_id)


def load_all(db: Database, person_id: int) -> Background:
    """Everything recorded for the person, with the names of the providers it refers to."""
    found = Background(
        person=people.get(db, person_id),
        medications=list_for(db, Medication, person_id),
        allergies=list_for(db, Allergy, person_id),
        conditions=list_for(db, Condition, person_id),
        procedures=list_for(db, Procedure, person_id),
        immunisations=list_for(db, Immunisation, person_id),
        family_history=list_for(db, FamilyHistory, person_id),
        social_history=_social_row(db, person_id),
    )
    found.provider_names = {r["id"]: r["name"] for r in db["providers"].rows_where(select="id, name")}
    return found


def stop_medication(db: Database, medication_id: int, on_date: str | dt.date | None = None) -> Medication:
    """Mark a medication stopped on ``on_date`` (today when not given); it stays in the history."""
    med = get(db, Medication, medication_id)
    now = today().isoformat()
    if not med.is_active(now):
        when = f" on {med.stop}" if med.stop else ""
        raise InvalidInput(
            "status", f"{med.label} was already stopped{when}. To change the stop date, edit the medication.",
        )
    before = copy.copy(med)
    med.stop = clean_partial_date(on_date or now, "stop", "Stop", past=True)
    med.status = MedicationStatus.STOPPED
    validate(db, med)
    with db.atomic():
        rows.update(db, KINDS[Medication].table, med, "medication")
        changelog.record(
            db, table="medications", kind="medication", action=ChangeAction.STOPPED,
            before=before, after=med, show=_shower(db),
        )
    return med


def delete(db: Database, cls: type, record_id: int) -> int:
    """Move a record to the trash and log it; returns the trash entry id (for undo)."""
    spec = _spec(cls)
    record = get(db, cls, record_id)
    with db.atomic():
        entry = trash.move_to_trash(db, spec.table, record_id, spec.kind, f"{spec.kind.capitalize()}: {record.label}")
        changelog.record(db, table=spec.table, kind=spec.kind, action=ChangeAction.DELETED, before=None, after=record)
    return entry


def restore(db: Database, entry_id: int) -> Any:
    """Put back a record that ``delete`` moved to the trash (undo), log it, and return it."""
    entry = trash.get(db, entry_id)
    cls = next((c for c, spec in KINDS.items() if spec.table == entry.root_table), None)
    if cls is None:
        raise InvalidInput("entry_id", f"Trash entry {entry_id} does not hold a health background record.")
    spec = KINDS[cls]
    with db.atomic():
        trash.restore(db, entry_id)
        record = get(db, cls, entry.root_id)
        changelog.record(db, table=spec.table, kind=spec.kind, action=ChangeAction.RESTORED, before=None, after=record)
    return record


def changes(db: Database, person_id: int, limit: int | None = None) -> list[changelog.BackgroundChange]:
    """The person's change log, newest first."""
    people.get(db, person_id)
    return changelog.list_for(db, person_id, limit)


# -- warnings ---------------------------------------------------------------------------------

def medication_warnings(db: Database, person_id: int, med: Medication) -> list[str]:
    """Things worth a second look before saving ``med`` that are still allowed: the same drug
    active twice (synonyms such as Tylenol and acetaminophen included), or a recorded allergy to
    it or to its chemical class."""
    now = today().isoformat()
    name = " ".join((med.name or "").split())
    if not name:
        return []
    found = []
    if med.is_active(now):
        for other in list_for(db, Medication, person_id):
            if other.id != med.id and other.is_active(now) and medication_names.same_drug(name, other.name):
                found.append(
                    f"“{other.label}” is already on the active list and looks like the same medicine. "
                    "Two active entries of one medicine may be a duplicate: check with the prescriber "
                    "or pharmacist, and stop the one no longer taken."
                )
    for allergy in list_for(db, Allergy, person_id):
        reaction = f" ({allergy.reaction})" if allergy.reaction else ""
        if medication_names.same_drug(name, allergy.substance):
            found.append(
                f"An allergy to {allergy.substance}{reaction} is recorded. "
                f"Check with the prescriber or pharmacist before taking {name}."
            )
            continue
        drug_class = medication_names.drug_class_match(name, allergy.substance)
        if drug_class:
            found.append(
                f"{name} belongs to the {drug_class.lower()}, and an allergy to {allergy.substance}{reaction} "
                "is recorded. Check with the prescriber or pharmacist before taking it."
            )
    return found


# -- small pieces -----------------------------------------------------------------------------

def _spec(cls: type) -> BackgroundKind:
    try:
        return KINDS[cls]
    except KeyError:
        raise TypeError(f"{cls.__name__} is not a health background record") from None


def _social_row(db: Database, person_id: int) -> SocialHistory | None:
    found = rows.select(db, "social_history", SocialHistory, "person_id = ?", [person_id])
    return found[0] if found else None


def _shower(db: Database) -> changelog.Shower:
    """Show provider ids by name in the change log."""
    def show(name: str, value: Any) -> str | None:
        if name.endswith("_id"):
            row = db.execute("SELECT name FROM providers WHERE id = ?", [value]).fetchone()
            return row[0] if row else f"provider {value}"
        return None
    return show


def _who(names: dict[int, str], ident: int | None, text: str) -> str:
    listed = names.get(ident) if ident is not None else None
    if listed and text and text.casefold() != listed.casefold():
        return f"{listed} ({text})"
    return listed or text

