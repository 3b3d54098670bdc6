"""The decision guide as a form, following the structure of the Ottawa Personal Decision Guide.

The form is rebuilt from a DecisionGuide and read back into one; adding or
removing a line reads what was typed first, so nothing is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QRadioButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.decide import guide as guides
from opinionkit.core.domain import Case, Consideration, DecisionGuide, GuideOption, OtherPerson, SureCheck
from opinionkit.core.errors import OpinionKitError
from opinionkit.ui.decide.decision_dialog import DecisionDialog
from opinionkit.ui.details import Card, clear_layout, label
from opinionkit.ui.errors import show_error
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


def weight_box(weight: int | None, name: str) -> QSpinBox:
    """0 (not at all) to 5 (a great deal); below 0 reads "not weighed"."""
    box = QSpinBox()
    box.setRange(-1, 5)
    box.setSpecialValueText(_tr("not weighed"))
    box.setValue(-1 if weight is None else weight)
    box.setAccessibleName(_tr("How much it matters, 0 to 5: {what}").format(what=name))
    box.setToolTip(_tr("0: does not matter · 5: matters a great deal"))
    box.setMinimumWidth(110)
    return box


def weight_of(box: QSpinBox) -> int | None:
    return None if box.value() < 0 else box.value()


class GuidePage(QScrollArea):
    """The guide of one case; ``decided`` is emitted when a decision is recorded or reopened."""

    decided = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.guide: DecisionGuide | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(_tr("Decision guide"))
        inner = QWidget()
        inner.setObjectName("guideInner")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 8, 12, 12)
        self.column.setSpacing(14)
        self.setWidget(inner)

    def show_case(self, case: Case) -> None:
        assert case.id is not None
        self.guide = guides.load(self.db, case.id)
        self._rebuild()

    # Reading and saving --------------------------------------------------------------------------

    def collect(self) -> DecisionGuide:
        """The guide as the form shows it now."""
        assert self.guide is not None
        guide = self.guide
        guide.decision, guide.timing = self.decision_edit.text(), self.timing_edit.text()
        for goal, box in zip(guide.goals, self.goal_boxes):
            goal.weight = weight_of(box)
        for option, (name, benefits, risks) in zip(guide.options, self.option_widgets):
            option.label = name.text() if isinstance(name, QLineEdit) else option.label
            option.benefits = [Consideration(text.text(), weight_of(box)) for text, box in benefits]
            option.risks = [Consideration(text.text(), weight_of(box)) for text, box in risks]
        guide.others = [OtherPerson(name.text(), prefers.text(), presses.isChecked())
                        for name, prefers, presses in self.other_widgets]
        guide.sure = {check: {1: True, 0: False}.get(group.checkedId()) for check, group in self.sure_groups.items()}
        return guide

    def save(self) -> bool:
        try:
            self.guide = guides.save(self.db, self.collect())
        except OpinionKitError as error:
            show_error(self, error)
            return False
        self._rebuild()
        self.saved_label.setText(_tr("Saved."))
        return True

    def record_decision(self) -> DecisionDialog | None:
        """Save what is filled in, then open the dialog; returns it (tests fill it in)."""
        if self.guide is None or not self.save():
            return None
        dialog = DecisionDialog(self.db, self.guide.case_id, self.guide.decided_decision or "", self)
        dialog.accepted.connect(self._after_decision)
        dialog.open()
        return dialog

    def _after_decision(self) -> None:
        assert self.guide is not None
        self.guide = guides.load(self.db, self.guide.case_id)
        self._rebuild()
        self.decided.emit()

    def keep_decision(self) -> None:
        assert self.guide is not None
        guides.keep_decision(self.db, self.guide.case_id)
        self._after_decision()

    def revisit(self) -> None:
        assert self.guide is not None
        guides.revisit(self.db, self.guide.case_id)
        self._after_decision()

    # Building the form ---------------------------------------------------------------------------

    def _change(self, edit: object) -> None:
        """Read the form, apply ``edit(guide)``, show it again."""
        guide = self.collect()
        edit(guide)  # type: ignore[operator]
        self._rebuild()

    def _rebuild(self) -> None:
        clear_layout(self.column)
        guide = self.guide
        if guide is None:
            return
        self.column.addWidget(self._decision_card(guide))
        self.column.addWidget(self._goals_card(guide))
        self.column.addWidget(self._options_card(guide))
        self.column.addWidget(self._others_card(guide))
        self.column.addWidget(self._sure_card(guide))
        self.column.addWidget(self._outcome_card(guide))
        citation = label(_tr("This guide follows the structure of the Ottawa Personal Decision Guide: ")
                         + guides.CITATION, "muted")
        citation.setObjectName("guideCitation")
        font = citation.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        citation.setFont(font)
        self.column.addWidget(citation)
        self.column.addStretch(1)

    def _decision_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("1. The decision"))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.decision_edit = QLineEdit(guide.decision)
        self.decision_edit.setAccessibleName(_tr("What you are deciding"))
        self.timing_edit = QLineEdit(guide.timing)
        self.timing_edit.setAccessibleName(_tr("When you need to decide"))
        self.timing_edit.setPlaceholderText(_tr("For example: within a month, before the next appointment"))
        grid.addWidget(label(_tr("What you are deciding"), "field-label", wrap=False), 0, 0)
        grid.addWidget(self.decision_edit, 0, 1)
        grid.addWidget(label(_tr("When you need to decide"), "field-label", wrap=False), 1, 0)
        grid.addWidget(self.timing_edit, 1, 1)
        if guide.deadline:
            grid.addWidget(label(_tr("Deadline on the case: {day}").format(day=guide.deadline), "muted"), 2, 1)
        card.body.addLayout(grid)
        return card

    def _goals_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("2. What matters to you"))
        self.goal_boxes: list[QSpinBox] = []
        if not guide.goals:
            card.body.addWidget(label(_tr("No goals are written on the case yet: add them under Case details "
                                          "(Edit case)."), "empty-value"))
            return card
        card.body.addWidget(label(_tr("How much does each of your goals matter, from 0 (not at all) to 5 "
                                      "(a great deal)?"), "muted"))
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, goal in enumerate(guide.goals):
            box = weight_box(goal.weight, goal.goal)
            grid.addWidget(label(goal.goal, "field-value"), row, 0)
            grid.addWidget(box, row, 1, Qt.AlignmentFlag.AlignTop)
            self.goal_boxes.append(box)
        card.body.addLayout(grid)
        return card

    def _options_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("3. Your options, their benefits and risks"))
        card.body.addWidget(label(_tr("For each option: what speaks for it and against it, and how much each "
                                      "matters to you (0 to 5)."), "muted"))
        self.option_widgets: list[tuple[QWidget, list, list]] = []
        for number, option in enumerate(guide.options):
            box = QFrame()
            set_role(box, "card")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(12, 10, 12, 10)
            head = QHBoxLayout()
            if option.opinion_id is not None:
                name: QWidget = label(option.label, "card-title")
            else:
                name = QLineEdit(option.label)
                name.setAccessibleName(_tr("Option name"))
                remove = QPushButton(_tr("Remove option"))
                remove.setAccessibleName(_tr("Remove option: {name}").format(name=option.label))
                remove.clicked.connect(lambda _c=False, n=number: self._change(lambda g: g.options.pop(n)))
            head.addWidget(name, 1)
            if option.opinion_id is None:
                head.addWidget(remove)
            inner.addLayout(head)
            benefits = self._considerations(inner, _tr("Benefits"), option.benefits, number, "benefits")
            risks = self._considerations(inner, _tr("Risks"), option.risks, number, "risks")
            self.option_widgets.append((name, benefits, risks))
            card.body.addWidget(box)
        add = QPushButton(_tr("Add an &option"))
        add.setAccessibleName(_tr("Add an option of your own"))
        add.clicked.connect(lambda: self._change(lambda g: g.options.append(GuideOption(_tr("Another option")))))
        card.body.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _considerations(self, layout: QVBoxLayout, title: str, items: list[Consideration], option: int,
                        kind: str) -> list[tuple[QLineEdit, QSpinBox]]:
        layout.addWidget(label(title, "field-label"))
        found = []
        for item in items:
            row = QHBoxLayout()
            text = QLineEdit(item.text)
            text.setAccessibleName(title)
            text.setCursorPosition(0)
            box = weight_box(item.weight, item.text)
            row.addWidget(text, 1)
            row.addWidget(box)
            layout.addLayout(row)
            found.append((text, box))
        add = QPushButton(_tr("Add: {what}").format(what=title.lower()))
        add.setAccessibleName(_tr("Add to {what}").format(what=title.lower()))
        add.clicked.connect(lambda: self._change(
            lambda g: getattr(g.options[option], kind).append(Consideration(""))))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return found

    def _others_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("4. Who else is involved"))
        self.other_widgets: list[tuple[QLineEdit, QLineEdit, QCheckBox]] = []
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        for row, person in enumerate(guide.others):
            name, prefers = QLineEdit(person.name), QLineEdit(person.prefers)
            name.setAccessibleName(_tr("Who"))
            prefers.setAccessibleName(_tr("What they would prefer"))
            prefers.setPlaceholderText(_tr("What they would prefer"))
            presses = QCheckBox(_tr("Presses you"))
            presses.setChecked(person.presses)
            presses.setAccessibleName(_tr("Presses you to choose it"))
            remove = QPushButton(_tr("Remove"))
            remove.setAccessibleName(_tr("Remove {name}").format(name=person.name))
            remove.clicked.connect(lambda _c=False, n=row: self._change(lambda g: g.others.pop(n)))
            for column, widget in enumerate((name, prefers, presses, remove)):
                grid.addWidget(widget, row, column)
            self.other_widgets.append((name, prefers, presses))
        card.body.addLayout(grid)
        add = QPushButton(_tr("Add a &person"))
        add.setAccessibleName(_tr("Add someone else involved"))
        add.clicked.connect(lambda: self._change(lambda g: g.others.append(OtherPerson(_tr("Someone")))))
        card.body.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _sure_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("5. Are you sure? Four checks"))
        self.sure_groups: dict[SureCheck, QButtonGroup] = {}
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        for row, (check, (question, _note)) in enumerate(guides.SURE_CHECKS.items()):
            group = QButtonGroup(card)
            yes, no = QRadioButton(_tr("Yes")), QRadioButton(_tr("No"))
            for button, answer in ((yes, 1), (no, 0)):
                button.setAccessibleName(f"{_tr(question)} {button.text()}")
                group.addButton(button, answer)
            yes.setChecked(guide.sure.get(check) is True)
            no.setChecked(guide.sure.get(check) is False)
            group.idToggled.connect(lambda _id, on: on and self._show_sure_notes())
            grid.addWidget(label(_tr(question), "field-value"), row, 0)
            grid.addWidget(yes, row, 1)
            grid.addWidget(no, row, 2)
            self.sure_groups[check] = group
        card.body.addLayout(grid)
        self.sure_notes = label("", "warning")
        self.sure_notes.setObjectName("sureNotes")
        self.sure_notes.setAccessibleName(_tr("What to do next"))
        card.body.addWidget(self.sure_notes)
        self._show_sure_notes()
        return card

    def _show_sure_notes(self) -> None:
        assert self.guide is not None
        answers = {check: {1: True, 0: False}.get(group.checkedId()) for check, group in self.sure_groups.items()}
        notes = guides.sure_notes(DecisionGuide(self.guide.case_id, sure=answers))
        self.sure_notes.setText("\n\n".join(_tr(n) for n in notes))
        self.sure_notes.setVisible(bool(notes))

    def _outcome_card(self, guide: DecisionGuide) -> Card:
        card = Card(_tr("6. Your decision"))
        revisit = _tr(guides.revisit_message(self.db, guide))
        if guide.decided:
            card.body.addWidget(label(_tr("Decided on {day}: {decision}").format(
                day=guide.decided_on or "", decision=guide.decided_decision or ""), "field-value"))
            if guide.decided_reason:
                card.body.addWidget(label(_tr("Why: {reason}").format(reason=guide.decided_reason), "muted"))
        else:
            card.body.addWidget(label(_tr("Not decided yet. When you have decided, record it here: the case's "
                                          "status becomes “decided”."), "muted"))
        self.revisit_label = label(revisit, "warning")
        self.revisit_label.setVisible(bool(revisit))
        card.body.addWidget(self.revisit_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_tr("&Save"))
        self.save_button.setAccessibleName(_tr("Save the decision guide"))
        set_role(self.save_button, "primary")
        self.save_button.clicked.connect(self.save)
        self.record_button = QPushButton(_tr("&Record decision…"))
        self.record_button.setAccessibleName(_tr("Record the decision"))
        self.record_button.clicked.connect(self.record_decision)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.record_button)
        if revisit:
            self.keep_button = QPushButton(_tr("&Keep decision"))
            self.keep_button.setAccessibleName(_tr("Keep the decision as it is"))
            self.keep_button.clicked.connect(self.keep_decision)
            self.revisit_button = QPushButton(_tr("Re&visit"))
            self.revisit_button.setAccessibleName(_tr("Revisit the decision"))
            self.revisit_button.clicked.connect(self.revisit)
            buttons.addWidget(self.keep_button)
            buttons.addWidget(self.revisit_button)
        self.saved_label = label("", "muted")
        buttons.addWidget(self.saved_label, 1)
        card.body.addLayout(buttons)
        return card
