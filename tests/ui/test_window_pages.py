"""What the pages show: the case's fields, a tab per capability, and plain notes where one is still to come."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from opinionkit.core.dates import today
from opinionkit.core.domain import Case, CaseStatus, Person, Provider
from opinionkit.core.services import cases, people, providers
from opinionkit.ui.sections import CASE_SECTIONS, PERSON_SECTIONS, PlannedSection, section_title
from window_helpers import press


def texts(widget) -> str:
    QApplication.processEvents()  # labels added to a shown page appear on the next pass
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def make_case(db) -> Case:
    person = people.save(db, Person(name="Ines Carvalho", date_of_birth="1964-05-09", phone="(555) 010-4040"))
    first = providers.save(db, Provider(name="Dr. Tomas Reyes", institution="Harbor Eye Institute"))
    second = providers.save(db, Provider(name="Dr. Yuki Sato", institution="Lakeview University Hospital"))
    return cases.save(db, Case(
        person_id=person.id, title="Cataract surgery: which lens?", diagnosis="Bilateral cataract",
        treatment_recommended="Multifocal lens implant", reason="The lens is costly and not covered",
        recommending_doctor_id=first.id, second_opinion_doctor_id=second.id,
        goals=["Drive at night", "Read without glasses"], status=CaseStatus.AWAITING_OPINION,
        decision_deadline=(today() + timedelta(days=12)).isoformat(),
    ))


def test_the_case_page_shows_every_field_and_a_tab_per_capability(database, open_window):
    case = make_case(database)
    window = open_window(database)
    window.show_case(case.id)
    page = window.case_page
    assert page.current_section() == "overview"  # a case opens on its overview
    page.show_section("details")
    shown = texts(page)
    for expected in ("Cataract surgery: which lens?", "Bilateral cataract", "Multifocal lens implant",
                     "The lens is costly and not covered", "Dr. Tomas Reyes", "Harbor Eye Institute",
                     "Dr. Yuki Sato", "Lakeview University Hospital", "Drive at night", "Read without glasses",
                     "Awaiting the opinion", "12 days left", "Not decided yet"):
        assert expected in shown, expected

    titles = [page.tabs.tabText(i).replace("&&", "&") for i in range(page.tabs.count())]
    assert titles == [section_title(s) for s in CASE_SECTIONS]
    assert titles == ["Overview", "Case details", "Records tracker", "Documents", "Questions & visits", "Opinions",
                      "Compare & decide", "Records packet"]
    for section in CASE_SECTIONS:
        page.show_section(section.key)
        widget = page.sections[section.key]
        if section.build is None:
            assert isinstance(widget, PlannedSection)
            assert section.will_hold and section.will_hold in texts(widget)
            assert "not available yet" in texts(widget)


def test_the_person_page_shows_their_details_cases_and_health_background_note(qtbot, database, open_window):
    case = make_case(database)
    window = open_window(database)
    window.show_person(case.person_id)
    page = window.person_page
    assert page.header.title.text() == "Ines Carvalho"
    assert "Born 9 May 1964" in page.header.subtitle.text()
    assert "(555) 010-4040" in texts(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles == [section_title(s) for s in PERSON_SECTIONS] and "Health background" in titles
    page.show_section("health")
    assert "Medications" in texts(page.sections["health"])

    link = next(label for label in page.findChildren(QLabel) if "Cataract surgery" in label.text())
    link.linkActivated.emit(str(case.id))
    assert window.stack.currentWidget() is window.case_page


def test_go_shortcuts_and_the_person_switcher(qtbot, database, open_window):
    case = make_case(database)
    other = people.save(database, Person(name="Rui Carvalho"))
    window = open_window(database)
    window.show_case(case.id)

    press(qtbot, window, Qt.Key.Key_3)
    assert window.stack.currentWidget() is window.providers_page
    press(qtbot, window, Qt.Key.Key_2)
    assert window.stack.currentWidget() is window.case_page
    press(qtbot, window, Qt.Key.Key_1)
    assert window.stack.currentWidget() is window.person_page

    switcher = window.sidebar.people
    switcher.activated.emit(switcher.findData(other.id))
    assert window.person_page.header.title.text() == "Rui Carvalho"
    assert window.windowTitle().startswith("Rui Carvalho")
    assert not window.go_case_action.isEnabled() or cases.list_all(database, other.id) == []
