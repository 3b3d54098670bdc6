"""What every command receives: the chosen data folder and a lazily opened database."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sqlite-utils loads only when a command opens the database, not for the window
    from sqlite_utils import Database


@dataclass
class Context:
    data_dir: Path
    _db: Database | None = field(default=None, repr=False)

    @property
    def db(self) -> Database:
        if self._db is None:
            from opinionkit.core.storage.database import open_database

            self._db = open_database(self.data_dir)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def print_json(value: Any) -> None:
    import json  # here: opening the window, which also goes through this module, needs none

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
