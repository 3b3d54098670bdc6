"""Values that belong to one database rather than to a window: kept in its ``settings`` table.

UI preferences live in QSettings; what lives here travels with the data (a backup
restored keeps it).
"""

from __future__ import annotations

import uuid

from sqlite_utils import Database

TABLE = "settings"
INSTALL_ID = "install_id"


def get(db: Database, key: str) -> str | None:
    found = db.execute(f"SELECT value FROM {TABLE} WHERE key = ?", [key]).fetchone()
    return found[0] if found else None


def install_id(db: Database) -> str:
    """This database's own random id, made once (by the migration, or here if it went missing)."""
    found = get(db, INSTALL_ID)
    if found is None:
        with db.atomic():
            db.execute(f"INSERT OR IGNORE INTO {TABLE} (key, value) VALUES (?, ?)", [INSTALL_ID, uuid.uuid4().hex])
        found = get(db, INSTALL_ID) or ""
    return found
