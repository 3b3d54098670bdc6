"""The starter checklist: the records a second doctor usually needs for this kind of case, to tick.

Offered when a case is created and from the tracker's "Add usual items…".
Changing the kind of case here also saves it on the case.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)
from sqlite_utils import Database

from opinionkit.core.domain import ChecklistKind
from opinionkit.core.domain.records import RecordItem
from opinionkit.core.errors import OpinionKitError
from opinionkit.core.services import cases, checklists, providers, record_items
from opinionkit.core.services.checklists import StarterItem
from opinionkit.ui.details import clear_layout, label
from opinionkit.ui.dialogs.provider_choice import provider_text
from opinionkit.ui.records.labels import checklist_kind_label
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("records", text)


def _same(kind: str, description: str) -> tuple[str, str]:
    # How checklists.add_items recognises an item the case already lists.
    return str(kind), " ".join(description.casefold().split())


class ChecklistDialog(QDialog):
    def __init__(self, db: Database, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistDialog")
        self.setWindowTitle(_tr("Usual records for this case"))
        self.setAccessibleName(self.windowTitle())
        self._db = db
        self._case = cases.get(db, case_id)
        self._present = {_same(i.kind, i.description) for i in record_items.list_for_case(db, case_id)}
        self._holders = providers.list_all(db)
        self.added: list[RecordItem] = []
        self.rows: list[tuple[StarterItem, QCheckBox, QComboBox]] = []

        intro = label(_tr(
            "Tick the records the second doctor is likely to need, and who holds each if you know. "
            "You can add others one by one later."), "field-value")
        self.kind = QComboBox()
        for kind in ChecklistKind:
            self.kind.addItem(checklist_kind_label(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(ChecklistKind(self._case.checklist_kind).value)))
        self.kind.currentIndexChanged.connect(self._show_items)
        kind_label = label(_tr("&Kind of case"), "field-label", wrap=False)
        kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(_tr("Kind of case"))
        self.toggle_button = QPushButton(_tr("Untick all"))
        self.toggle_button.setAutoDefault(False)
        self.toggle_button.clicked.connect(self._toggle_all)
        kind_row = QHBoxLayout()
        kind_row.setSpacing(10)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.kind)
        kind_row.addStretch(1)
        kind_row.addWidget(self.toggle_button)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(20)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        content = QWidget()
        content.setObjectName("scrollContent")
        box = QVBoxLayout(content)
        box.setContentsMargins(2, 2, 12, 2)
        box.addLayout(self.grid)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)

        self.problem = label("", "problem")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(_tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        set_role(self.add_button, "primary")
        self.add_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(kind_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._show_items()
        self.resize(900, 660)

    # The list --------------------------------------------------------------------------------

    def _show_items(self) -> None:
        clear_layout(self.grid)
        self.rows = []
        for number, starter in enumerate(checklists.starter_items(self.kind.currentData())):
            listed = _same(starter.kind, starter.description) in self._present
            check = QCheckBox(starter.description)
            check.setChecked(not listed)
            check.setEnabled(not listed)
            check.setAccessibleDescription(starter.why)
            check.toggled.connect(self._update_count)
            why = label(_tr("Already in the tracker.") if listed else starter.why, "muted")
            why.setContentsMargins(26, 0, 0, 10)
            holder = QComboBox()
            holder.addItem(_tr("Holder not chosen yet"), None)
            for provider in self._holders:
                holder.addItem(provider_text(provider), provider.id)
            holder.setMinimumContentsLength(22)
            holder.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            holder.setAccessibleName(_tr("Who holds “{item}”").format(item=starter.description))
            holder.setEnabled(not listed)
            check.toggled.connect(holder.setEnabled)
            self.grid.addWidget(check, number * 2, 0)
            self.grid.addWidget(holder, number * 2, 1)
            self.grid.addWidget(why, number * 2 + 1, 0, 1, 2)
            self.rows.append((starter, check, holder))
        self._update_count()

    def chosen(self) -> list[StarterItem]:
        return [checklists.with_holder(starter, holder.currentData())
                for starter, check, holder in self.rows if check.isChecked() and check.isEnabled()]

    def _update_count(self) -> None:
        count = len(self.chosen())
        self.add_button.setText(_tr("Add 1 item") if count == 1 else _tr("Add {count} items").format(count=count))
        self.add_button.setEnabled(count > 0)
        any_ticked = count > 0
        self.toggle_button.setText(_tr("Untick all") if any_ticked else _tr("Tick all"))

    def _toggle_all(self) -> None:
        tick = not self.chosen()
        for _starter, check, _holder in self.rows:
            if check.isEnabled():
                check.setChecked(tick)

    # Saving ----------------------------------------------------------------------------------

    def accept(self) -> None:
        kind = ChecklistKind(self.kind.currentData())
        try:
            with self._db.atomic():
                if kind != self._case.checklist_kind:
                    self._case = cases.save(self._db, replace(self._case, checklist_kind=kind))
                self.added = checklists.add_items(self._db, self._case.id or 0, self.chosen())
        except OpinionKitError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        super().accept()


def offer_starter_items(window: QWidget, db: Database, case_id: int) -> ChecklistDialog:
    """Right after a case is made: offer its usual records, then show them in the tracker."""
    dialog = ChecklistDialog(db, case_id, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.show_case(case_id, section="records"))  # type: ignore[attr-defined]
    dialog.open()
    return dialog
