"""Adding or editing a person: who they are, how to reach them, their insurance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import Person
from opinionkit.core.services import people
from opinionkit.ui.dialogs.form_dialog import FormDialog, text_area


def _tr(text: str) -> str:
    return QCoreApplication.translate("person_dialog", text)


class PersonDialog(FormDialog):
    def __init__(self, db: Database, person: Person | None = None, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Edit person") if person else _tr("New person"), parent, columns=2)
        self.setObjectName("personDialog")
        self._db = db
        self._person = person or Person(name="")

        self.add_heading(_tr("About"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_tr("Required"))
        self.add_row(_tr("&Name"), self.name, "name")
        self.date_of_birth = QLineEdit()
        self.date_of_birth.setPlaceholderText(_tr("YYYY-MM-DD, for example 1961-04-17"))
        self.add_row(_tr("&Date of birth"), self.date_of_birth, "date_of_birth")
        self.sex = QComboBox()
        self.sex.setEditable(True)
        self.sex.addItems(["", _tr("female"), _tr("male")])
        self.add_row(_tr("Se&x"), self.sex, "sex")

        self.add_heading(_tr("Contact"))
        self.phone = self.add_row(_tr("&Phone"), QLineEdit(), "phone")
        self.email = self.add_row(_tr("&Email"), QLineEdit(), "email")
        self.address = self.add_row(_tr("&Address"), text_area(2), "address")
        self.emergency_contact = QLineEdit()
        self.emergency_contact.setPlaceholderText(_tr("Name, relationship, phone"))
        self.add_row(_tr("E&mergency contact"), self.emergency_contact, "emergency_contact")

        self.add_heading(_tr("Insurance"), column=1)
        self.insurance_plan = self.add_row(_tr("P&lan"), QLineEdit(), "insurance_plan", column=1)
        self.member_id = self.add_row(_tr("Member &ID"), QLineEdit(), "member_id", column=1)
        self.insurer_phone = self.add_row(_tr("Insurer p&hone"), QLineEdit(), "insurer_phone", column=1)
        self.notes = self.add_row(_tr("N&otes"), text_area(5), "notes", column=1)

        self._fill(self._person)
        self.resize(920, 480)

    def _fill(self, person: Person) -> None:
        self.name.setText(person.name)
        self.date_of_birth.setText(person.date_of_birth or "")
        self.sex.setCurrentText(person.sex)
        self.phone.setText(person.phone)
        self.email.setText(person.email)
        self.address.setPlainText(person.address)
        self.emergency_contact.setText(person.emergency_contact)
        self.insurance_plan.setText(person.insurance_plan)
        self.member_id.setText(person.member_id)
        self.insurer_phone.setText(person.insurer_phone)
        self.notes.setPlainText(person.notes)

    def save(self) -> Person:
        # replace() keeps fields this form does not show (later capabilities add some).
        person = replace(
            self._person,
            name=self.name.text(),
            date_of_birth=self.date_of_birth.text().strip() or None,
            sex=self.sex.currentText(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.toPlainText(),
            insurance_plan=self.insurance_plan.text(),
            member_id=self.member_id.text(),
            insurer_phone=self.insurer_phone.text(),
            emergency_contact=self.emergency_contact.text(),
            notes=self.notes.toPlainText(),
        )
        return people.save(self._db, person)
