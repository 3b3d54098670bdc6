"""The one place that says which sections the case and person pages have, and what builds each.

A capability lands by giving its entry a ``build`` (a callable taking a
SectionHost and returning the widget) in place of the note about what it
will hold. Case section widgets have ``show_case(case)``, person section
widgets ``show_person(person)``; the page calls it whenever its row changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlite_utils import Database

from opinionkit.core.domain import Case, Person
from opinionkit.ui.details import Card, label
from opinionkit.ui.pages.case_details import CaseDetails
from opinionkit.ui.pages.person_details import PersonDetails


@dataclass(frozen=True)
class SectionHost:
    """What a section widget may use: the database, the data folder, undo, and the window."""

    db: Database
    data_dir: Path
    undo_stack: QUndoStack
    window: QWidget


@dataclass(frozen=True)
class Section:
    key: str
    title: str  # source text; shown through translate("sections", title)
    build: Callable[[SectionHost], QWidget] | None = None
    will_hold: str = ""  # said plainly until ``build`` exists


def _records_tracker(host: SectionHost) -> QWidget:
    from opinionkit.ui.records.tracker_page import RecordsTracker  # loaded when its tab is first shown

    return RecordsTracker(host)


def _documents(host: SectionHost) -> QWidget:
    from opinionkit.ui.library.documents_section import DocumentsSection  # imported when its tab is first shown

    return DocumentsSection(host)


def _overview(host: SectionHost) -> QWidget:
    from opinionkit.ui.visit.overview_page import CaseOverview  # imported when a case is first opened

    return CaseOverview(host)


def _questions_and_visits(host: SectionHost) -> QWidget:
    from opinionkit.ui.visit.visit_section import QuestionsAndVisits  # imported when its tab is first shown

    return QuestionsAndVisits(host)


def _opinions(host: SectionHost) -> QWidget:
    from opinionkit.ui.opinions.opinions_page import OpinionsSection  # imported when its tab is first shown

    return OpinionsSection(host)


def _packet(host: SectionHost) -> QWidget:
    from opinionkit.ui.packet.packet_page import PacketSection  # imported when its tab is first shown

    return PacketSection(host)


def _compare_and_decide(host: SectionHost) -> QWidget:
    from opinionkit.ui.decide.decide_section import CompareAndDecide  # imported when its tab is first shown

    return CompareAndDecide(host)


def _health_background(host: SectionHost) -> QWidget:
    from opinionkit.ui.background.section import HealthBackground  # imported when its tab is first opened

    return HealthBackground(host)


CASE_SECTIONS: list[Section] = [
    # The overview comes first: a case opens on where it stands and what to do next.
    Section("overview", QT_TRANSLATE_NOOP("sections", "Overview"), build=_overview),
    Section("details", QT_TRANSLATE_NOOP("sections", "Case details"), build=CaseDetails),
    Section("records", QT_TRANSLATE_NOOP("sections", "Records tracker"), build=_records_tracker),
    Section("documents", QT_TRANSLATE_NOOP("sections", "Documents"), build=_documents),
    Section("questions", QT_TRANSLATE_NOOP("sections", "Questions & visits"), build=_questions_and_visits),
    Section("opinions", QT_TRANSLATE_NOOP("sections", "Opinions"), build=_opinions),
    Section("compare", QT_TRANSLATE_NOOP("sections", "Compare & decide"), build=_compare_and_decide),
    Section("packet", QT_TRANSLATE_NOOP("sections", "Records packet"), build=_packet),
]

PERSON_SECTIONS: list[Section] = [
    Section("details", QT_TRANSLATE_NOOP("sections", "Details"), build=PersonDetails),
    Section("health", QT_TRANSLATE_NOOP("sections", "Health background"), build=_health_background),
    Section("documents", QT_TRANSLATE_NOOP("sections", "Documents"), build=_documents),
]


def section_title(section: Section) -> str:
    return QCoreApplication.translate("sections", section.title)


def tab_title(section: Section) -> str:
    """The title as a tab shows it: a lone & would become a keyboard mnemonic."""
    return section_title(section).replace("&", "&&")


def build_section(section: Section, host: SectionHost) -> QWidget:
    if section.build is not None:
        widget = section.build(host)
    else:
        widget = PlannedSection(section)
    widget.setObjectName(f"section_{section.key}")
    widget.setAccessibleName(section_title(section))
    return widget


class PlannedSection(QWidget):
    """Stands in for a capability that is not built yet, and says what it will hold."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        card = Card(section_title(section))
        card.body.addWidget(label(QCoreApplication.translate("sections", section.will_hold), "field-value"))
        card.body.addWidget(label(
            QCoreApplication.translate("sections", "This part of OpinionKit is not available yet."), "muted"
        ))
        card.setMaximumWidth(720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 20, 0, 0)
        layout.addWidget(card)  # no alignment flag: wrapped text then gets the height it needs
        layout.addStretch(1)

    def show_case(self, case: Case) -> None:
        """Nothing to show yet."""

    def show_person(self, person: Person) -> None:
        """Nothing to show yet."""
