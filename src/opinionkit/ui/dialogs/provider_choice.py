"""Choosing a doctor from the directory, or adding one there without leaving the form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QSizePolicy, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import Provider, ProviderKind
from opinionkit.core.services import providers
from opinionkit.ui.dialogs.provider_dialog import ProviderDialog

#: Kinds that give opinions; others (labs, insurers) stay listed only if already chosen.
_OPINION_KINDS = {ProviderKind.DOCTOR, ProviderKind.CLINIC, ProviderKind.HOSPITAL, ProviderKind.OTHER}


def _tr(text: str) -> str:
    return QCoreApplication.translate("provider_choice", text)


def provider_text(provider: Provider) -> str:
    return f"{provider.name} — {provider.institution}" if provider.institution else provider.name


class ProviderChoice(QWidget):
    added = Signal(int)  # a provider was added to the directory from here

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = QPushButton(_tr("New…"))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(_tr("Add a doctor to the directory and choose them here"))
        self.add_button.clicked.connect(self._add)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.add_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.reload(None)

    def reload(self, keep: int | None) -> None:
        self.combo.clear()
        self.combo.addItem(_tr("Not chosen yet"), None)
        for provider in providers.list_all(self._db):
            if provider.kind in _OPINION_KINDS or provider.id == keep:
                self.combo.addItem(provider_text(provider), provider.id)
        self.set_value(keep)

    def set_value(self, provider_id: int | None) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(provider_id)))

    def value(self) -> int | None:
        return self.combo.currentData()

    def _add(self) -> None:
        dialog = ProviderDialog(self._db, parent=self.window())
        dialog.accepted.connect(lambda: self._added(dialog.saved))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _added(self, provider: Provider) -> None:
        self.reload(provider.id)
        self.added.emit(provider.id)
