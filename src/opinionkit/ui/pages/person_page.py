"""The person page: who they are, and a tab per person section (details, health background)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from opinionkit.core.dates import today
from opinionkit.core.domain import Person
from opinionkit.ui.labels import age_on, friendly_date
from opinionkit.ui.pages.sectioned_page import SectionedPage
from opinionkit.ui.sections import PERSON_SECTIONS, SectionHost


def _tr(text: str) -> str:
    return QCoreApplication.translate("person_page", text)


class PersonPage(SectionedPage):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(PERSON_SECTIONS, host, _tr("Edit person…"), _tr("Delete person…"), parent)
        self.setAccessibleName(_tr("Person"))
        self.person: Person | None = None

    def show_person(self, person: Person) -> None:
        self.person = person
        self.header.title.setText(person.name)
        facts = []
        if person.date_of_birth:
            facts.append(_tr("Born {date} (age {age})").format(
                date=friendly_date(person.date_of_birth), age=age_on(person.date_of_birth, today())
            ))
        else:
            facts.append(_tr("Date of birth not recorded"))
        if person.sex:
            facts.append(person.sex)
        self.header.subtitle.setText(" · ".join(facts))
        self.header.subtitle.setVisible(True)
        self.show_in_sections("show_person", person)
