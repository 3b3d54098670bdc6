"""Who prescribed or operated: a doctor from the directory, or any name typed in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import ProviderKind
from opinionkit.core.services import providers
from opinionkit.ui.dialogs.provider_choice import provider_text

#: Labs, imaging centres and insurers neither prescribe nor operate.
_KINDS = {ProviderKind.DOCTOR, ProviderKind.CLINIC, ProviderKind.HOSPITAL, ProviderKind.OTHER}


class ProviderNameField(QComboBox):
    """An editable list of the directory's doctors: choosing one links the record to it, other
    text is kept as written."""

    def __init__(self, db: Database, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # Enter saves the form, it adds nothing here
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lineEdit().setPlaceholderText(placeholder)
        self.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        for provider in providers.list_all(db):
            if provider.kind in _KINDS:
                self.addItem(provider_text(provider), provider.id)
        self.setCurrentIndex(-1)

    def set_value(self, text: str, provider_id: int | None) -> None:
        index = self.findData(provider_id) if provider_id is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(text)

    def value(self) -> tuple[str, int | None]:
        """(text, provider id): the id when the text names a directory entry, else the text."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString) if text else -1
        return ("", self.itemData(index)) if index >= 0 else (text, None)
