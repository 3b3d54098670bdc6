"""Social history: one short record per person (tobacco, alcohol, occupation), shown as a card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from opinionkit.core.domain.background import SocialHistory
from opinionkit.ui.details import Card, FieldGrid


def _tr(text: str) -> str:
    return QCoreApplication.translate("social_pane", text)


class SocialHistoryPane(QWidget):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane_social")
        self.setAccessibleName(_tr("Social history"))
        self.edit_button = QPushButton(_tr("Ed&it social history…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.fields = FieldGrid()
        card = Card(_tr("Social history"))
        card.body.addWidget(self.fields)
        card.setMaximumWidth(760)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 8)
        layout.setSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(card)
        layout.addStretch(1)

    def set_history(self, social: SocialHistory | None) -> None:
        social = social or SocialHistory(person_id=0)
        self.fields.set_rows([
            (_tr("Tobacco"), social.tobacco),
            (_tr("Alcohol"), social.alcohol),
            (_tr("Occupation"), social.occupation),
            (_tr("Notes"), social.notes),
        ])
