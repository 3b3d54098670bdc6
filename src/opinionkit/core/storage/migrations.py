"""Numbered schema migrations. Append new ones at the end; never edit one that has shipped.

Tables are written in SQL because the schema relies on ON DELETE rules
(CASCADE for what a row owns, SET NULL for what it only refers to), which the
trash follows when it takes a row away and puts it back. Ids are AUTOINCREMENT
so that a row in the trash keeps its id free until it is restored.
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            root_table TEXT NOT NULL,
            root_id INTEGER NOT NULL,
            payload TEXT NOT NULL,
            deleted_at TEXT NOT NULL
        );
        """
    )


@migrations(name="0002_record_items")
def _record_items(db: Database) -> None:
    # due_date is the date in force; extension_days says how far the one extension moved it.
    db.executescript(
        """
        ALTER TABLE cases ADD COLUMN checklist_kind TEXT NOT NULL DEFAULT 'general';
        CREATE TABLE record_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            holder_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            period_text TEXT NOT NULL DEFAULT '',
            period_from TEXT,
            period_to TEXT,
            original_or_report TEXT NOT NULL DEFAULT 'report',
            route TEXT NOT NULL DEFAULT 'via me',
            request_method TEXT,
            request_reference TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            extension_days INTEGER NOT NULL DEFAULT 0,
            extension_reason TEXT NOT NULL DEFAULT '',
            carrier TEXT NOT NULL DEFAULT '',
            tracking_number TEXT NOT NULL DEFAULT '',
            shipped_on TEXT,
            confirmed_by TEXT NOT NULL DEFAULT '',
            confirmed_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX record_items_case ON record_items(case_id);
        CREATE INDEX record_items_holder ON record_items(holder_id);
        CREATE TABLE record_steps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id INTEGER NOT NULL REFERENCES record_items(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            on_date TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            undone_at TEXT
        );
        CREATE INDEX record_steps_item ON record_steps(item_id);
        CREATE TABLE record_followups (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id INTEGER NOT NULL REFERENCES record_items(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            said TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX record_followups_item ON record_followups(item_id, on_date);
        """
    )


@migrations(name="0003_documents")
def _documents(db: Database) -> None:
    # One row per (person, file): the same file imported for two people is stored once on disk.
    # document_pages.person_id copies its document's (which never changes) into the search index,
    # so a person's search ranks only their own pages; it has no foreign key because the trash
    # would then take each page twice. document_items has an id: the trash collects rows by id.
    db.executescript(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
            sha256 TEXT NOT NULL,
            filename TEXT NOT NULL,
            stored_path TEXT NOT NULL,
            media_type TEXT NOT NULL,
            title TEXT NOT NULL,
            service_date TEXT,
            holder_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT '',
            page_count INTEGER,
            has_text INTEGER NOT NULL DEFAULT 0,
            encrypted INTEGER NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0,
            password TEXT,
            size_bytes INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (person_id, sha256)
        );
        CREATE INDEX documents_case ON documents(case_id);
        CREATE INDEX documents_holder ON documents(holder_id);
        CREATE INDEX documents_stored_path ON documents(stored_path);
        CREATE TABLE document_pages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            person_id INTEGER NOT NULL,
            UNIQUE (document_id, page)
        );
        CREATE TABLE document_items (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            item_id INTEGER NOT NULL REFERENCES record_items(id) ON DELETE CASCADE,
            UNIQUE (document_id, item_id)
        );
        CREATE INDEX document_items_item ON document_items(item_id);
        """
    )
    # Search indexes. table.transform() drops these sync triggers: after transforming
    # documents or document_pages, run enable_fts(..., replace=True) and rebuild_fts() again.
    tokenize = "unicode61 remove_diacritics 2"
    db["document_pages"].enable_fts(["text", "person_id"], create_triggers=True, tokenize=tokenize)
    db["documents"].enable_fts(["title", "kind", "filename"], create_triggers=True, tokenize=tokenize)
    if db["record_items"].exists():
        _record_items_search(db, tokenize)


def _record_items_search(db: Database, tokenize: str) -> None:
    """An index of record items that includes their holder's name, kept in step by triggers."""
    holder = "coalesce((SELECT name FROM providers WHERE id = new.holder_id), '')"
    db.executescript(
        f"""
        CREATE VIRTUAL TABLE record_items_search USING fts5(kind, description, notes, holder, tokenize='{tokenize}');
        INSERT INTO record_items_search (rowid, kind, description, notes, holder)
            SELECT i.id, i.kind, i.description, i.notes, coalesce(p.name, '')
            FROM record_items i LEFT JOIN providers p ON p.id = i.holder_id;
        CREATE TRIGGER record_items_search_ai AFTER INSERT ON record_items BEGIN
            INSERT INTO record_items_search (rowid, kind, description, notes, holder)
            VALUES (new.id, new.kind, new.description, new.notes, {holder});
        END;
        CREATE TRIGGER record_items_search_ad AFTER DELETE ON record_items BEGIN
            DELETE FROM record_items_search WHERE rowid = old.id;
        END;
        CREATE TRIGGER record_items_search_au AFTER UPDATE OF kind, description, notes, holder_id ON record_items BEGIN
            DELETE FROM record_items_search WHERE rowid = old.id;
            INSERT INTO record_items_search (rowid, kind, description, notes, holder)
            VALUES (new.id, new.kind, new.description, new.notes, {holder});
        END;
        CREATE TRIGGER record_items_search_holder AFTER UPDATE OF name ON providers BEGIN
            UPDATE record_items_search SET holder = new.name
            WHERE rowid IN (SELECT id FROM record_items WHERE holder_id = new.id);
        END;
        """
    )


@migrations(name="0004_health_background")
def _health_background(db: Database) -> None:
    # Dates here may be partial (YYYY or YYYY-MM): people often know only the year of an operation.
    db.executescript(
        """
        CREATE TABLE medications (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            strength TEXT NOT NULL DEFAULT '',
            form TEXT NOT NULL DEFAULT '',
            dose TEXT NOT NULL DEFAULT '',
            route TEXT NOT NULL DEFAULT '',
            frequency TEXT NOT NULL DEFAULT '',
            as_needed INTEGER NOT NULL DEFAULT 0,
            category TEXT NOT NULL DEFAULT 'prescription',
            prescriber TEXT NOT NULL DEFAULT '',
            prescriber_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '',
            start TEXT,
            stop TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX medications_person ON medications(person_id);
        CREATE INDEX medications_prescriber ON medications(prescriber_id);
        CREATE TABLE allergies (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            substance TEXT NOT NULL,
            reaction TEXT NOT NULL DEFAULT '',
            severity TEXT NOT NULL DEFAULT 'unknown',
            kind TEXT NOT NULL DEFAULT 'drug',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX allergies_person ON allergies(person_id);
        CREATE TABLE conditions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            since TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX conditions_person ON conditions(person_id);
        CREATE TABLE procedures (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            performed_on TEXT,
            location TEXT NOT NULL DEFAULT '',
            performed_by TEXT NOT NULL DEFAULT '',
            performed_by_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'surgery',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX procedures_person ON procedures(person_id);
        CREATE INDEX procedures_performed_by ON procedures(performed_by_id);
        CREATE TABLE immunisations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            vaccine TEXT NOT NULL,
            given_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX immunisations_person ON immunisations(person_id);
        CREATE TABLE family_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            relative TEXT NOT NULL,
            condition TEXT NOT NULL,
            age_at_onset INTEGER,
            vital_status TEXT NOT NULL DEFAULT 'unknown',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX family_history_person ON family_history(person_id);
        CREATE TABLE social_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL UNIQUE REFERENCES people(id) ON DELETE CASCADE,
            tobacco TEXT NOT NULL DEFAULT '',
            alcohol TEXT NOT NULL DEFAULT '',
            occupation TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE background_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            record_kind TEXT NOT NULL,
            record_table TEXT NOT NULL,
            record_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            record_label TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX background_changes_person ON background_changes(person_id);
        """
    )
