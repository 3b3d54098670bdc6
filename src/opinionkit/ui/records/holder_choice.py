"""Choosing who holds a record: any entry of the directory (clinics, labs, imaging centres too)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from opinionkit.core.services import providers
from opinionkit.ui.dialogs.provider_choice import ProviderChoice, provider_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


class HolderChoice(ProviderChoice):
    """A provider choice that lists the whole directory, with "New…" to add a holder in place."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.add_button.setToolTip(_tr("Add a clinic, lab or imaging centre to the directory and choose it here"))

    def reload(self, keep: int | None) -> None:
        self.combo.clear()
        self.combo.addItem(_tr("No holder chosen yet"), None)
        for provider in providers.list_all(self._db):
            self.combo.addItem(provider_text(provider), provider.id)
        self.set_value(keep)
