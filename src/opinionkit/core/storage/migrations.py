"""Numbered schema migrations. Append new ones at the end; never edit one that has shipped.

Tables are written in SQL because the schema relies on ON DELETE rules
(CASCADE for what a row owns, SET NULL for what it only refers to), which the
trash follows when it takes a row away and puts it back.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("opinionkit")


def known_names() -> set[str]:
    """Every migration this version knows: all of them are pending on an empty database."""
    return {m.name for m in migrations.pending(Database(memory=True))}


@migrations(name="0001_people_cases_providers")
def _people_cases_providers(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            date_of_birth TEXT,
            sex TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            insurance_plan TEXT NOT NULL DEFAULT '',
            member_id TEXT NOT NULL DEFAULT '',
            insurer_phone TEXT NOT NULL DEFAULT '',
            emergency_contact TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE providers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            specialty TEXT NOT NULL DEFAULT '',
            institution TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            fax TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            portal TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            diagnosis TEXT NOT NULL DEFAULT '',
            treatment_recommended TEXT NOT NULL DEFAULT '',
            recommending_doctor_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            second_opinion_doctor_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '',
            goals TEXT NOT NULL DEFAULT '[]',
            decision_deadline TEXT,
            status TEXT NOT NULL DEFAULT 'framing',
            decision TEXT NOT NULL DEFAULT '',
            decision_reason TEXT NOT NULL DEFAULT '',
            decided_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX cases_person ON cases(person_id);
        CREATE TABLE trash (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            root_table TEXT NOT NULL,
            root_id INTEGER NOT NULL,
            payload TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        );
        """
    )
