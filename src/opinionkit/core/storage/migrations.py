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
    return {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}


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


@migrations(name="0005_visit_preparation")
def _visit_preparation(db: Database) -> None:
    # Questions, coverage and the insurer call log, appointments with their attachments, and a
    # settings table holding this database's own random id (for stable calendar event UIDs).
    # An answer belongs to its question and its doctor: deleting either takes it to the trash too.
    # starter_key marks a starter question, so asking for the starters again skips those already there.
    db.executescript(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        INSERT INTO settings (key, value) VALUES ('install_id', lower(hex(randomblob(16))));
        CREATE TABLE case_questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            for_provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            source TEXT NOT NULL DEFAULT 'user',
            starter_key TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX case_questions_case ON case_questions(case_id, position);
        CREATE INDEX case_questions_provider ON case_questions(for_provider_id);
        CREATE TABLE question_answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id INTEGER NOT NULL REFERENCES case_questions(id) ON DELETE CASCADE,
            provider_id INTEGER NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            answer TEXT NOT NULL DEFAULT '',
            on_date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (question_id, provider_id)
        );
        CREATE INDEX question_answers_provider ON question_answers(provider_id);
        CREATE TABLE case_coverage (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
            plan_type TEXT NOT NULL DEFAULT 'unknown',
            second_opinion_covered TEXT NOT NULL DEFAULT 'unknown',
            third_opinion_covered TEXT NOT NULL DEFAULT 'unknown',
            referral_needed TEXT NOT NULL DEFAULT 'unknown',
            referral_obtained TEXT NOT NULL DEFAULT 'unknown',
            prior_auth_needed TEXT NOT NULL DEFAULT 'unknown',
            prior_auth_number TEXT NOT NULL DEFAULT '',
            prior_auth_from TEXT,
            prior_auth_to TEXT,
            in_network TEXT NOT NULL DEFAULT 'unknown',
            expected_cost TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE insurer_calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            on_date TEXT NOT NULL,
            representative TEXT NOT NULL DEFAULT '',
            reference_number TEXT NOT NULL DEFAULT '',
            said TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX insurer_calls_case ON insurer_calls(case_id, on_date);
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            duration_minutes INTEGER NOT NULL DEFAULT 60,
            place TEXT NOT NULL DEFAULT '',
            link TEXT NOT NULL DEFAULT '',
            records_due_by TEXT,
            what_to_bring TEXT NOT NULL DEFAULT '',
            notes_after TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX appointments_case ON appointments(case_id, starts_at);
        CREATE INDEX appointments_provider ON appointments(provider_id);
        CREATE TABLE appointment_documents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            UNIQUE (appointment_id, document_id)
        );
        CREATE INDEX appointment_documents_document ON appointment_documents(document_id);
        CREATE TABLE appointment_recordings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX appointment_recordings_appointment ON appointment_recordings(appointment_id);
        """
    )


@migrations(name="0006_opinions")
def _opinions(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE opinions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            provider_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            specialty TEXT NOT NULL DEFAULT '',
            given_on TEXT,
            how_given TEXT NOT NULL DEFAULT 'visit',
            diagnosis TEXT NOT NULL DEFAULT '',
            recommended_treatment TEXT NOT NULL DEFAULT '',
            alternatives TEXT NOT NULL DEFAULT '',
            reasoning TEXT NOT NULL DEFAULT '',
            basis TEXT NOT NULL DEFAULT 'not stated',
            basis_detail TEXT NOT NULL DEFAULT '',
            benefits TEXT NOT NULL DEFAULT '',
            risks TEXT NOT NULL DEFAULT '',
            urgency TEXT NOT NULL DEFAULT '',
            further_tests TEXT NOT NULL DEFAULT '',
            cost_coverage TEXT NOT NULL DEFAULT '',
            financial_interest TEXT NOT NULL DEFAULT '',
            letter_text TEXT NOT NULL DEFAULT '',
            letter_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX opinions_case ON opinions(case_id);
        CREATE INDEX opinions_provider ON opinions(provider_id);
        CREATE INDEX opinions_letter_document ON opinions(letter_document_id);
        """
    )


@migrations(name="0007_packet")
def _packet(db: Database) -> None:
    # One saved packet plan per case. The documents are lists of ids in JSON: the chosen order
    # (NULL: every document by date) and those taken out; ids of deleted documents are skipped on read.
    db.executescript(
        """
        CREATE TABLE packet_plans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
            recipient_id INTEGER REFERENCES providers(id) ON DELETE SET NULL,
            sender TEXT NOT NULL DEFAULT '',
            since TEXT,
            document_ids TEXT,
            left_out_ids TEXT NOT NULL DEFAULT '[]',
            include_summary INTEGER NOT NULL DEFAULT 1,
            include_questions INTEGER NOT NULL DEFAULT 1,
            include_index INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX packet_plans_recipient ON packet_plans(recipient_id);
        """
    )


@migrations(name="0008_decision_guide")
def _decision_guide(db: Database) -> None:
    # Grid verdicts belong to the opinions compared, sorted by id; the third is NULL in a two-way grid,
    # hence the unique index on an expression. The guide's lists are JSON, one guide per case.
    db.executescript(
        """
        CREATE TABLE grid_verdicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            first_opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
            second_opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE,
            third_opinion_id INTEGER REFERENCES opinions(id) ON DELETE CASCADE,
            row_key TEXT NOT NULL,
            verdict TEXT,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX grid_verdicts_row ON grid_verdicts(
            case_id, first_opinion_id, second_opinion_id, IFNULL(third_opinion_id, 0), row_key);
        CREATE INDEX grid_verdicts_second ON grid_verdicts(second_opinion_id);
        CREATE INDEX grid_verdicts_third ON grid_verdicts(third_opinion_id);
        CREATE TABLE decision_guides (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id) ON DELETE CASCADE,
            decision TEXT NOT NULL DEFAULT '',
            timing TEXT NOT NULL DEFAULT '',
            leaning TEXT NOT NULL DEFAULT '',
            goal_weights TEXT NOT NULL DEFAULT '[]',
            options TEXT NOT NULL DEFAULT '[]',
            others TEXT NOT NULL DEFAULT '[]',
            sure TEXT NOT NULL DEFAULT '{}',
            opinions_at_decision TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )
