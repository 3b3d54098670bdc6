"""The "Overview" section, a case's first page: days left, the records line, warnings and the next steps.

Everything comes from ``core.services.overview`` in one read, done again each time
the tab is shown and after every undoable change, so the steps follow the data.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from opinionkit.core.domain import Case
from opinionkit.core.domain.overview import Overview, Target
from opinionkit.core.errors import NotFound
from opinionkit.core.services import appointments, coverage, overview, providers
from opinionkit.ui.details import Card, clear_layout, label
from opinionkit.ui.labels import friendly_date
from opinionkit.ui.records.labels import summary_text
from opinionkit.ui.visit.labels import appointment_kind_label, when_text
from opinionkit.ui.visit.look import VISIT_STYLE
from opinionkit.ui.visit.navigation import go_to
from opinionkit.ui.visit.next_steps_list import NextStepsList

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost

#: Coverage hints shown as warnings beside the independence check (the ones to act on are next steps).
WARNING_HINTS = ("out_of_network",)


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


class StatCard(Card):
    """A caption, a big calm number with its unit, a line or two under it, and a link to go there."""

    def __init__(self, title: str, link_text: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.body.setSpacing(4)
        self.number = label("", "big-number", wrap=False)
        self.number.setAccessibleName(title)
        self.unit = label("", "big-unit")
        self.detail = label("", "field-value", selectable=True)
        self.link = label("", "field-value")
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.link.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.link.setText(f'<a href="go">{html.escape(link_text)}</a>')
        self.link.setAccessibleName(link_text)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.number, 0, Qt.AlignmentFlag.AlignBaseline)
        row.addWidget(self.unit, 1, Qt.AlignmentFlag.AlignBaseline)
        self.body.addLayout(row)
        self.body.addWidget(self.detail)
        self.body.addWidget(self.link)
        self.body.addStretch(1)  # in a card taller than it needs, the text stays at the top

    def set_values(self, number: str, unit: str, detail: str, *, can_go: bool = True) -> None:
        self.number.setText(number)
        self.unit.setText(unit)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.link.setVisible(can_go)
        self.number.setAccessibleDescription(f"{number} {unit}".strip())


class CaseOverview(QScrollArea):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.case: Case | None = None
        self.overview: Overview | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps instead
        self.setStyleSheet(VISIT_STYLE)

        self.deadline_card = StatCard(_tr("Decision deadline"), _tr("Edit case…"))
        self.appointment_card = StatCard(_tr("Next appointment"), _tr("Open the appointment"))
        self.records_card = StatCard(_tr("Records"), _tr("Open the records tracker"))
        self.deadline_card.link.linkActivated.connect(lambda _link: self._go(("case",)))
        self.appointment_card.link.linkActivated.connect(self._open_next_appointment)
        self.records_card.link.linkActivated.connect(lambda _link: self._go(("records",)))
        stats = QHBoxLayout()
        stats.setSpacing(14)
        for card in (self.deadline_card, self.appointment_card, self.records_card):
            card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # one height for all three
            stats.addWidget(card, 1)

        self.warnings = QVBoxLayout()
        self.warnings.setSpacing(8)
        self.steps = NextStepsList()
        self.steps.chosen.connect(lambda step: self._go(step.target))
        self.steps_card = Card(_tr("Next steps"))
        self.steps_card.body.addWidget(self.steps)

        content = QWidget()
        content.setObjectName("scrollContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 16, 14, 16)
        layout.setSpacing(14)
        layout.addLayout(stats)
        layout.addLayout(self.warnings)
        layout.addWidget(self.steps_card)
        layout.addStretch(1)
        self.setWidget(content)
        host.undo_stack.indexChanged.connect(self._changed)

    # Showing ---------------------------------------------------------------------------------

    def show_case(self, case: Case) -> None:
        self.case = case
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()  # another tab may have changed what the steps are made of

    def _changed(self, _index: int) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        if self.case is None or self.case.id is None:
            return
        try:
            found = overview.overview(self._host.db, self.case.id)
        except NotFound:
            return  # the case went to the trash; the window is moving on
        self.overview = found
        self._show_deadline(found)
        self._show_appointment(found)
        self._show_records(found)
        self._show_warnings(found)
        self.steps.set_steps(found.steps)
        count = len(found.steps)
        self.steps_card.title.setText(_tr("Next steps") if not count else _tr("Next steps ({count})").format(count=count))
        self._fit_content()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_content()

    def _fit_content(self) -> None:
        """Hold the page at the height its wrapped text needs at this width. Left to the scroll area,
        the height follows only some passes later, and the rows show squeezed meanwhile."""
        content, width = self.widget(), self.viewport().width()
        content.layout().activate()
        needed = content.heightForWidth(width)
        if needed > self.viewport().height() and not self.verticalScrollBar().isVisible():
            needed = content.heightForWidth(width - self.verticalScrollBar().sizeHint().width())  # it will show
        content.setMinimumHeight(max(needed, 0))

    def _show_deadline(self, found: Overview) -> None:
        days = found.days_to_deadline
        deadline = self.case.decision_deadline if self.case else None
        if days is None:
            self.deadline_card.set_values("—", _tr("No deadline set"), _tr(
                "A date to decide by helps to plan the records and the visits."))
        elif days >= 0:
            unit = _tr("day left") if days == 1 else _tr("days left")
            self.deadline_card.set_values(str(days), unit if days else _tr("The decision is due today"),
                                          _tr("Decide by {date}").format(date=friendly_date(deadline)))
        else:
            unit = _tr("day past the deadline") if days == -1 else _tr("days past the deadline")
            self.deadline_card.set_values(str(-days), unit, _tr("The deadline was {date}").format(
                date=friendly_date(deadline)))

    def _show_appointment(self, found: Overview) -> None:
        days = found.days_to_next_appointment
        if found.next_appointment_id is None or days is None:
            self.appointment_card.set_values("—", _tr("None planned"), _tr(
                "Add the second-opinion visit under Questions & visits."), can_go=False)
            return
        db = self._host.db
        visit = appointments.get(db, found.next_appointment_id)
        doctor = providers.get(db, visit.provider_id).name if visit.provider_id is not None else ""
        kind = appointment_kind_label(visit.kind)
        what = _tr("{kind} with {doctor}").format(kind=kind, doctor=doctor) if doctor else kind
        if days == 0:
            number, unit = _tr("Today"), ""
        else:
            number, unit = str(days), _tr("day to go") if days == 1 else _tr("days to go")
        self.appointment_card.set_values(number, unit, f"{what}\n{when_text(visit)}")

    def _show_records(self, found: Overview) -> None:
        counts = found.records
        if not counts.total:
            self.records_card.set_values("0", _tr("records listed"), _tr(
                "List what the second doctor needs in the records tracker."))
            return
        lines = []
        if counts.overdue:
            lines.append(_tr("⚠ {count} overdue").format(count=counts.overdue))
        if counts.shipments_unconfirmed:
            lines.append(_tr("◐ {count} shipment not confirmed").format(count=counts.shipments_unconfirmed)
                         if counts.shipments_unconfirmed == 1 else
                         _tr("◐ {count} shipments not confirmed").format(count=counts.shipments_unconfirmed))
        self.records_card.set_values(_tr("{confirmed} of {total}").format(confirmed=counts.confirmed,
                                                                          total=counts.total),
                                     _tr("confirmed"), "\n".join(lines))
        self.records_card.number.setAccessibleDescription(summary_text(counts))

    def _show_warnings(self, found: Overview) -> None:
        clear_layout(self.warnings)
        texts = list(found.warnings)
        if self.case is not None and self.case.id is not None:
            texts += [h.text for h in coverage.hints(self._host.db, self.case.id) if h.key in WARNING_HINTS]
        for text in texts:
            warning = label(f"⚠ {text}", "warning", selectable=True)
            warning.setAccessibleName(_tr("Warning"))
            self.warnings.addWidget(warning)
            warning.show()  # now, so that the page's height counts it (see _fit_content)

    # Going where a step is done ------------------------------------------------------------------

    def _go(self, target: Target) -> None:
        if self.case is not None and self.case.id is not None:
            go_to(self._host.window, self.case.id, target)  # type: ignore[arg-type]

    def _open_next_appointment(self, _link: str = "") -> None:
        if self.overview is not None and self.overview.next_appointment_id is not None:
            self._go(("appointments", self.overview.next_appointment_id))
