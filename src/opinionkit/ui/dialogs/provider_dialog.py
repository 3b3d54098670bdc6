"""Adding or editing an entry of the provider directory."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import Provider, ProviderKind
from opinionkit.core.services import providers
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area
from opinionkit.ui.labels import kind_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("provider_dialog", text)


class ProviderDialog(FormDialog):
    def __init__(self, db: Database, provider: Provider | None = None, parent: QWidget | None = None,
                 kind: ProviderKind = ProviderKind.DOCTOR) -> None:
        super().__init__(_tr("Edit provider") if provider else _tr("New provider"), parent, columns=2)
        self.setObjectName("providerDialog")
        self._db = db
        self._provider = provider or Provider(name="", kind=kind)

        self.add_heading(_tr("Who"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_tr("Required, for example Dr. Jane Doe or Northside Lab"))
        self.add_row(_tr("&Name"), self.name, "name")
        self.kind = QComboBox()
        for value in ProviderKind:
            self.kind.addItem(kind_label(value), value.value)
        self.add_row(_tr("&Kind"), self.kind, "kind")
        self.specialty = self.add_row(_tr("Spe&cialty"), QLineEdit(), "specialty")
        self.institution = QLineEdit()
        self.institution.setPlaceholderText(_tr("Hospital, practice or group they work for"))
        self.add_row(_tr("&Institution"), self.institution, "institution")
        self.portal = QLineEdit()
        self.portal.setPlaceholderText(_tr("Web address of the patient portal"))
        self.add_row(_tr("P&ortal"), self.portal, "portal")

        self.add_heading(_tr("How to reach them"), column=1)
        self.phone = self.add_row(_tr("&Phone"), QLineEdit(), "phone", column=1)
        self.fax = self.add_row(_tr("&Fax"), QLineEdit(), "fax", column=1)
        self.email = self.add_row(_tr("&Email"), QLineEdit(), "email", column=1)
        self.address = self.add_row(_tr("&Address"), text_area(2), "address", column=1)
        self.notes = self.add_row(_tr("No&tes"), text_area(3), "notes", column=1)

        self._fill(self._provider)
        self.resize(920, 440)

    def _fill(self, provider: Provider) -> None:
        self.name.setText(provider.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(ProviderKind(provider.kind).value)))
        self.specialty.setText(provider.specialty)
        self.institution.setText(provider.institution)
        self.portal.setText(provider.portal)
        self.phone.setText(provider.phone)
        self.fax.setText(provider.fax)
        self.email.setText(provider.email)
        self.address.setPlainText(provider.address)
        self.notes.setPlainText(provider.notes)

    def save(self) -> Provider:
        # replace() keeps fields this form does not show (later capabilities add some).
        provider = replace(
            self._provider,
            name=self.name.text(),
            kind=ProviderKind(self.kind.currentData()),
            specialty=self.specialty.text(),
            institution=self.institution.text(),
            phone=self.phone.text(),
            fax=self.fax.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            portal=self.portal.text(),
            notes=self.notes.toPlainText(),
        )
        return providers.save(self._db, provider)
