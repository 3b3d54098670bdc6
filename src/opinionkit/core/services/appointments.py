"""Appointments of a case: when, with whom, where or by which link, what to bring, and notes after.

Records are due at the office three working days before the appointment unless
the person chose another day. Appointments in the past and appointments that
overlap are allowed (plans change, entries are made late) but flagged by
``warnings`` and ``overlaps``. Documents of the person's library can be
attached; a recording stays where the person saved it and is attached by path,
since the library takes PDFs and images only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlite_utils import Database

from opinionkit.core import dates
from opinionkit.core.domain.appointments import (
    OPINION_KINDS,
    RECORDS_DUE_WORKING_DAYS,
    Appointment,
    AppointmentKind,
    Recording,
)
from opinionkit.core.domain.documents import Document
from opinionkit.core.errors import InvalidInput, NotFound
from opinionkit.core.services import trash, validation
from opinionkit.core.storage import rows

TABLE = "appointments"
DOCUMENTS = "appointment_documents"
RECORDINGS = "appointment_recordings"
KIND = "appointment"
_STORED_FORMAT = "%Y-%m-%dT%H:%M"
_MAX_MINUTES = 24 * 60


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The date ``count`` working days (Monday to Friday) before ``day``."""
    while count > 0:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def default_records_due_by(starts_at: str) -> str:
    """Three working days before the appointment's date."""
    day = dt.datetime.fromisoformat(starts_at).date()
    return working_days_before(day, RECORDS_DUE_WORKING_DAYS).isoformat()


def clean_start(value: str | dt.datetime | None, field: str = "starts_at") -> str:
    """A local date and time in storage form (``YYYY-MM-DDTHH:MM``), or InvalidInput naming ``field``."""
    if isinstance(value, dt.datetime):
        return value.strftime(_STORED_FORMAT)
    text = (value or "").strip()
    if not text:
        raise InvalidInput(field, "The date and time of the appointment are required.")
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is not None or len(text) <= 10:
        raise InvalidInput(field, "Write the date and time as YYYY-MM-DD HH:MM, for example 2026-03-14 09:30.")
    return parsed.strftime(_STORED_FORMAT)


def save(db: Database, appointment: Appointment) -> Appointment:
    """Add or change an appointment. A records-due day left empty, or still at the default
    when the appointment moves, is set to three working days before."""
    stored = get(db, appointment.id) if appointment.id is not None else None
    if stored is not None and appointment.case_id != stored.case_id:
        raise InvalidInput("case_id", "An appointment stays in its case: add it to the other case instead.")
    _validate(db, appointment)
    if stored is not None and appointment.records_due_by == stored.records_due_by == default_records_due_by(
        stored.starts_at
    ):
        appointment.records_due_by = default_records_due_by(appointment.starts_at)
    if appointment.records_due_by is None:
        appointment.records_due_by = default_records_due_by(appointment.starts_at)
    if appointment.records_due_by > appointment.day.isoformat():
        raise InvalidInput("records_due_by", "The records are due after the appointment: choose a day before it.")
    with db.atomic():
        if stored is None:
            appointment.id = rows.insert(db, TABLE, appointment)
        else:
            rows.update(db, TABLE, appointment, KIND)
    return appointment


def get(db: Database, appointment_id: int) -> Appointment:
    return rows.get(db, TABLE, Appointment, appointment_id, KIND)


def list_for_case(db: Database, case_id: int) -> list[Appointment]:
    """The case's appointments, earliest first."""
    return rows.select(db, TABLE, Appointment, "case_id = ?", [case_id], order_by="starts_at, id")


def upcoming(db: Database, case_id: int, on: dt.date | None = None) -> list[Appointment]:
    """Appointments on ``on`` (today by default) or later, earliest first."""
    day = (on or dates.today()).isoformat()
    return rows.select(db, TABLE, Appointment, "case_id = ? AND substr(starts_at, 1, 10) >= ?", [case_id, day],
                       order_by="starts_at, id")


def next_appointment(db: Database, case_id: int, on: dt.date | None = None) -> Appointment | None:
    found = upcoming(db, case_id, on)
    return found[0] if found else None


def next_opinion_appointment(db: Database, case_id: int, on: dt.date | None = None) -> Appointment | None:
    """The next second-opinion visit or remote review: the one the records are for."""
    return next((a for a in upcoming(db, case_id, on) if a.kind in OPINION_KINDS), None)


def move_to_trash(db: Database, appointment_id: int) -> int:
    """Delete an appointment with its attachments, restorable from the trash; returns the entry id."""
    appointment = get(db, appointment_id)
    label = f"{appointment.kind.value.capitalize()} appointment on {appointment.starts_at.replace('T', ' ')}"
    return trash.move_to_trash(db, TABLE, appointment_id, KIND, label)


def overlapping(db: Database, appointment_id: int) -> list[Appointment]:
    """The person's other appointments (any case) whose time overlaps this one's."""
    appointment = get(db, appointment_id)
    return [a for a in _person_appointments(db, appointment.case_id)
            if a.id != appointment.id and a.start < appointment.end and appointment.start < a.end]


def overlaps(db: Database, case_id: int) -> list[tuple[Appointment, Appointment]]:
    """Pairs of the person's appointments that overlap, at least one of them in this case."""
    found = []
    every = _person_appointments(db, case_id)
    for index, first in enumerate(every):
        for second in every[index + 1:]:
            if second.start >= first.end:
                break  # sorted by start: no later one can overlap ``first``
            if case_id in (first.case_id, second.case_id):
                found.append((first, second))
    return found


def warnings(db: Database, appointment: Appointment, on: dt.date | None = None) -> list[str]:
    """Things worth a second look that are still allowed: a date in the past, an overlap, records late."""
    today = on or dates.today()
    found = []
    if appointment.day < today:
        found.append(f"This appointment was on {appointment.day.isoformat()}, in the past. Is the date right? "
                     "Once the visit has happened, write your notes about it.")
    elif appointment.records_due_by and appointment.records_due_by < today.isoformat():
        found.append(f"The records were due at the office by {appointment.records_due_by}: "
                     "call the office to check they have everything.")
    if appointment.id is not None:
        for other in overlapping(db, appointment.id):
            found.append(f"It overlaps another appointment at {other.starts_at.replace('T', ' ')} "
                         f"({other.kind.value}). Check the times.")
    return found


def attach_document(db: Database, appointment_id: int, document_id: int) -> None:
    """Attach one of the person's documents to the appointment (attaching twice is harmless)."""
    appointment = get(db, appointment_id)
    person_id = db.execute("SELECT person_id FROM cases WHERE id = ?", [appointment.case_id]).fetchone()[0]
    found = db.execute("SELECT person_id FROM documents WHERE id = ?", [document_id]).fetchone()
    if found is None:
        raise InvalidInput("document_id", f"No document with id {document_id} is in the library.")
    if found[0] != person_id:
        raise InvalidInput("document_id", "That document belongs to someone else: attach one of this person's.")
    with db.atomic():
        db.execute(f"INSERT OR IGNORE INTO {DOCUMENTS} (appointment_id, document_id) VALUES (?, ?)",
                   [appointment_id, document_id])


def detach_document(db: Database, appointment_id: int, document_id: int) -> None:
    with db.atomic():
        db.execute(f"DELETE FROM {DOCUMENTS} WHERE appointment_id = ? AND document_id = ?",
                   [appointment_id, document_id])


def documents(db: Database, appointment_id: int) -> list[Document]:
    """Documents attached to the appointment, in the order they were attached."""
    get(db, appointment_id)
    return [rows.from_row(Document, dict(r)) for r in db.query(
        f"SELECT d.* FROM documents d JOIN {DOCUMENTS} l ON l.document_id = d.id "
        "WHERE l.appointment_id = ? ORDER BY l.id", [appointment_id])]


def add_recording(db: Database, appointment_id: int, path: Path | str, title: str = "") -> Recording:
    """Attach a recording by its path; the file stays where it is and must exist now."""
    get(db, appointment_id)
    where = Path(path).expanduser()
    if not where.is_file():
        raise InvalidInput("path", f"{where} is not a file that can be found. Choose the recording's file again.")
    recording = Recording(appointment_id=appointment_id, path=str(where.resolve()),
                          title=(title or "").strip() or where.name)
    with db.atomic():
        recording.id = int(db[RECORDINGS].insert({**rows.to_row(recording), "created_at": dates.now_stamp()}).last_pk)
    return recording


def recordings(db: Database, appointment_id: int) -> list[Recording]:
    return rows.select(db, RECORDINGS, Recording, "appointment_id = ?", [appointment_id])


def remove_recording(db: Database, recording_id: int) -> None:
    """Forget a recording (its file is left alone)."""
    with db.atomic():
        if not db.execute(f"DELETE FROM {RECORDINGS} WHERE id = ?", [recording_id]).rowcount:
            raise NotFound("recording", recording_id)


def _validate(db: Database, appointment: Appointment) -> None:
    if not db.execute("SELECT 1 FROM cases WHERE id = ?", [appointment.case_id]).fetchone():
        raise NotFound("case", appointment.case_id)
    validation.one_of(appointment, "kind", "The kind of appointment", AppointmentKind)
    appointment.starts_at = clean_start(appointment.starts_at)
    minutes = appointment.duration_minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 5 <= minutes <= _MAX_MINUTES:
        raise InvalidInput("duration_minutes", "The length of the appointment is 5 minutes to 24 hours.")
    if appointment.provider_id is not None and not db.execute(
        "SELECT 1 FROM providers WHERE id = ?", [appointment.provider_id]
    ).fetchone():
        raise InvalidInput("provider_id", f"No provider with id {appointment.provider_id} is in the directory.")
    validation.strip_texts(appointment, "place", "link", "what_to_bring", "notes_after")
    if appointment.link and not appointment.link.lower().startswith(("https://", "http://")):
        raise InvalidInput("link", "The link must start with https:// (or http://). "
                                   "Put a phone number or a room in the place instead.")
    appointment.records_due_by = dates.clean_date(appointment.records_due_by, "records_due_by",
                                                  "The day the records are due")


def _person_appointments(db: Database, case_id: int) -> list[Appointment]:
    return rows.select(
        db, TABLE, Appointment,
        "case_id IN (SELECT id FROM cases WHERE person_id = (SELECT person_id FROM cases WHERE id = ?))",
        [case_id], order_by="starts_at, id",
    )
