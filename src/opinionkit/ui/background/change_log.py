"""The person's change log: what was added, changed, stopped or deleted in their background, newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opinionkit.core.services.changelog import BackgroundChange
from opinionkit.ui.background.labels import action_label, record_kind_label, record_kinds_label, stamp_text
from opinionkit.ui.background.record_table import RecordTable
from opinionkit.ui.background.table_model import Column, RecordTableModel
from opinionkit.ui.details import label


_TABLES = ("medications", "allergies", "conditions", "procedures", "immunisations", "family_history",
           "social_history")


def _tr(text: str) -> str:
    return QCoreApplication.translate("change_log", text)


def change_columns() -> list[Column]:
    return [
        Column(_tr("When"), lambda c, _x: stamp_text(c.at), lambda c, _x: (c.at, c.id), width=17),
        Column(_tr("Kind"), lambda c, _x: record_kind_label(c.record_table), width=13),
        Column(_tr("Action"), lambda c, _x: action_label(c.action), width=9),
        Column(_tr("Record"), lambda c, _x: c.record_label),
        Column(_tr("What changed"), lambda c, _x: c.summary),
    ]


class ChangeLogPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane_changes")
        self.setAccessibleName(_tr("Change log"))
        self.model = RecordTableModel(change_columns(), parent=self)
        self.table = RecordTable(self.model, "table_changes")
        self.table.setAccessibleName(_tr("Change log"))
        self._changes: list[BackgroundChange] = []
        self.shown_kind = QComboBox()
        self.shown_kind.setAccessibleName(_tr("Show changes of"))
        self.shown_kind.addItem(_tr("All records"), None)
        for table in _TABLES:
            self.shown_kind.addItem(record_kinds_label(table), table)
        self.shown_kind.currentIndexChanged.connect(self._show)
        shown_label = QLabel(_tr("Sho&w"))
        shown_label.setBuddy(self.shown_kind)
        intro = label(_tr("Every addition, change, stop and deletion, newest first. Point at a row to read "
                          "a long change in full."), "muted")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(shown_label)
        top.addWidget(self.shown_kind)
        top.addSpacing(16)
        top.addWidget(intro, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_changes(self, changes: list[BackgroundChange]) -> None:
        self._changes = changes
        self._show()

    def show_only(self, table: str | None) -> None:
        """Show the changes of one kind of record (its table name), or of all with None."""
        self.shown_kind.setCurrentIndex(max(0, self.shown_kind.findData(table)))

    def _show(self, *_: object) -> None:
        table = self.shown_kind.currentData()
        self.model.set_records([c for c in self._changes if table is None or c.record_table == table])
