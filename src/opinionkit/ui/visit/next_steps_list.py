"""The overview's "Next steps": one row per step with its urgency, whom to contact, and a button to go there.

Urgency is a chip with a sign and a word, never colour alone; what is missing to
do a step (a phone number, a doctor) is said under it, with a warning sign.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from opinionkit.core.domain.overview import NextStep
from opinionkit.ui.details import Chip, clear_layout, label
from opinionkit.ui.records.labels import day_month
from opinionkit.ui.style import set_role
from opinionkit.ui.visit.labels import URGENCY_TONES, urgency_chip_text, urgency_label

#: Width of the urgency column: the widest chip ("⚠ Overdue") and some air.
_CHIP_COLUMN = 112


def _tr(text: str) -> str:
    return QCoreApplication.translate("visit", text)


def go_text(step: NextStep) -> str:
    """The button's words: where the click leads."""
    where = str(step.target[0]) if step.target else ""
    if where == "records":
        return _tr("Open in tracker") if len(step.target) > 1 else _tr("Records tracker")
    return {
        "appointments": _tr("Open appointment"),
        "coverage": _tr("Coverage"),
        "questions": _tr("Questions"),
        "case": _tr("Edit case…"),
        "packet": _tr("Records packet"),
        "opinions": _tr("Opinions"),
        "compare": _tr("Compare & decide"),
        "decision": _tr("Compare & decide"),
    }.get(where, _tr("Go there"))


class StepRow(QWidget):
    """One step: urgency and date on the left, the sentence and the contact, a button on the right."""

    def __init__(self, step: NextStep, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.setObjectName(f"step:{step.key}")
        chip = Chip(urgency_chip_text(step.urgency))
        set_role(chip, "chip", tone=URGENCY_TONES[step.urgency])
        chip.setAccessibleName(urgency_label(step.urgency))
        self.chip = chip
        self.text = label(step.text, "field-value", selectable=True)
        self.text.setAccessibleName(_tr("Next step"))
        self.button = QPushButton(go_text(step).replace("&", "&&"))
        self.button.setAccessibleName(go_text(step))
        self.button.setAccessibleDescription(step.text)
        self.button.setToolTip(_tr("Go where this is done"))
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        # Nested boxes, not one grid: wrapped text in spanned grid cells is not given its height.
        when = QVBoxLayout()
        when.setSpacing(4)
        when.addWidget(chip, 0, Qt.AlignmentFlag.AlignLeft)
        if step.due is not None:
            due = label(day_month(step.due.isoformat()), "muted", wrap=False)
            due.setContentsMargins(12, 0, 0, 0)  # under the chip's text, not its rounded edge
            due.setAccessibleName(_tr("Due"))
            when.addWidget(due)
        when.addStretch(1)
        what = QVBoxLayout()
        what.setSpacing(3)
        what.addWidget(self.text)
        if step.contact:
            self.contact = label(f"☎ {step.contact}", "muted", selectable=True)
            self.contact.setAccessibleName(_tr("Contact"))
            what.addWidget(self.contact)
        if step.missing:
            self.missing = label(f"⚠ {step.missing}", "missing")
            self.missing.setAccessibleName(_tr("Missing"))
            what.addWidget(self.missing)
        go = QVBoxLayout()
        go.addWidget(self.button)
        go.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 10, 0, 10)
        row.setSpacing(16)
        holder = QWidget()
        holder.setFixedWidth(_CHIP_COLUMN)
        holder.setLayout(when)
        when.setContentsMargins(0, 0, 0, 0)
        row.addWidget(holder)
        row.addLayout(what, 1)
        row.addLayout(go)


class NextStepsList(QWidget):
    """The steps, most pressing first, with a thin line between them; ``chosen`` when a button is clicked."""

    chosen = Signal(object)  # the NextStep

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Next steps"))
        self.rows: list[StepRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)

    def set_steps(self, steps: list[NextStep]) -> None:
        clear_layout(self._layout)
        self.rows = []
        if not steps:
            self._layout.addWidget(label(_tr("Nothing to do right now. New steps appear here as the case moves on."),
                                         "empty-value"))
        for number, step in enumerate(steps):
            if number:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.HLine)
                line.setObjectName("stepLine")
                self._layout.addWidget(line)
            row = StepRow(step)
            row.button.clicked.connect(lambda _checked=False, chosen=step: self.chosen.emit(chosen))
            self._layout.addWidget(row)
            self.rows.append(row)
        for number in range(self._layout.count()):
            # Shown now, not on the next pass as a layout would: the page measures their height at once.
            self._layout.itemAt(number).widget().show()

    def row_for(self, key: str) -> StepRow | None:
        return next((row for row in self.rows if row.step.key == key), None)

    def keys(self) -> list[str]:
        return [row.step.key for row in self.rows]
