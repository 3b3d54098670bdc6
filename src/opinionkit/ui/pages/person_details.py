"""The person's "Details" section: contact, insurance, notes and their cases."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from opinionkit.core.domain import Person
from opinionkit.core.services import cases
from opinionkit.ui.details import Card, CardColumns, FieldGrid, clear_layout, label
from opinionkit.ui.labels import days_left_label, status_label
from opinionkit.ui.style import repolish, set_role

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("person_details", text)


class PersonDetails(CardColumns):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = host.db
        self._window = host.window

        self.contact = FieldGrid()
        contact_card = Card(_tr("Contact"))
        contact_card.body.addWidget(self.contact)
        self.insurance = FieldGrid()
        insurance_card = Card(_tr("Insurance"))
        insurance_card.body.addWidget(self.insurance)
        self.notes = label("", "field-value", selectable=True)
        self.notes.setAccessibleName(_tr("Notes"))
        notes_card = Card(_tr("Notes"))
        notes_card.body.addWidget(self.notes)
        self.case_list = QVBoxLayout()
        self.case_list.setSpacing(12)
        cases_card = Card(_tr("Second-opinion cases"))
        cases_card.body.addLayout(self.case_list)

        self.set_columns([contact_card, notes_card], [insurance_card, cases_card])

    def show_person(self, person: Person) -> None:
        self.contact.set_rows([
            (_tr("Phone"), person.phone),
            (_tr("Email"), person.email),
            (_tr("Address"), person.address),
            (_tr("Emergency contact"), person.emergency_contact),
        ])
        self.insurance.set_rows([
            (_tr("Plan"), person.insurance_plan),
            (_tr("Member ID"), person.member_id),
            (_tr("Insurer phone"), person.insurer_phone),
        ])
        self.notes.setText(person.notes or _tr("No notes yet."))
        set_role(self.notes, "field-value" if person.notes else "empty-value")
        repolish(self.notes)
        clear_layout(self.case_list)
        person_cases = cases.list_all(self._db, person.id)
        for case in person_cases:
            row = QVBoxLayout()
            row.setSpacing(2)
            link = QLabel(f'<a href="{case.id}">{html.escape(case.title)}</a>')
            link.setWordWrap(True)
            link.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            link.setAccessibleName(_tr("Open case {title}").format(title=case.title))
            link.linkActivated.connect(lambda ident: self._window.show_case(int(ident)))
            set_role(link, "case-link")
            row.addWidget(link)
            days = cases.days_to_deadline(case)
            state = status_label(case.status)
            row.addWidget(label(state if days is None else f"{state} · {days_left_label(days)}", "muted"))
            self.case_list.addLayout(row)
        if not person_cases:
            self.case_list.addWidget(label(_tr("No cases yet. Use “New case” to start one."), "empty-value"))
