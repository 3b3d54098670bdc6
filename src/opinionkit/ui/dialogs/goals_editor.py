"""An editable list of the person's goals: type one and press Enter, double-click to reword."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("goals_editor", text)


class GoalsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("goals")
        self.list.setAccessibleName(_tr("Goals"))
        self.list.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
        )
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(130)
        self.new_goal = QLineEdit()
        self.new_goal.setPlaceholderText(_tr("Type a new goal"))
        self.new_goal.setToolTip(_tr("Press Enter or click Add to put it in the list"))
        self.new_goal.setAccessibleName(_tr("New goal"))
        self.new_goal.installEventFilter(self)
        self.add_button = QPushButton(_tr("Add"))
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(_tr("Remove"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.setAccessibleName(_tr("Remove the selected goal"))
        self.add_button.clicked.connect(self.add_typed_goal)
        self.remove_button.clicked.connect(self.remove_selected)

        entry = QHBoxLayout()
        entry.addWidget(self.new_goal, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.list)
        layout.addLayout(entry)

    def set_goals(self, goals: list[str]) -> None:
        self.list.clear()
        for goal in goals:
            self._append(goal)

    def goals(self) -> list[str]:
        """The listed goals, plus one still typed but not yet added: nothing typed is lost."""
        found = [self.list.item(row).text() for row in range(self.list.count())]
        if self.new_goal.text().strip():
            found.append(self.new_goal.text())
        return found

    def add_typed_goal(self) -> None:
        text = self.new_goal.text().strip()
        if text:
            self._append(text)
            self.new_goal.clear()
        self.new_goal.setFocus()

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the goal field adds the goal instead of saving the whole dialog.
        if (watched is self.new_goal and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.new_goal.text().strip()):
            self.add_typed_goal()
            return True
        return super().eventFilter(watched, event)

    def _append(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
