"""What an empty data folder shows: a short welcome and one clear first step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from opinionkit.ui.details import Card, label
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("welcome_page", text)


class WelcomePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAccessibleName(_tr("Welcome"))
        card = Card(_tr("Welcome to OpinionKit"))
        card.body.addWidget(label(_tr(
            "OpinionKit helps you prepare a second medical opinion for yourself or someone you care for: "
            "the question, the doctors, the records to gather, and the decision."
        ), "field-value"))
        card.body.addWidget(label(_tr(
            "Everything you enter stays on this computer. Start with the person the second opinion is for."
        ), "muted"))
        self.add_person_button = set_role(QPushButton(_tr("Add a person…")), "primary")
        card.body.addWidget(self.add_person_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.setMaximumWidth(640)
        centred = QHBoxLayout()  # stretches, not an alignment flag: wrapped text keeps its height
        centred.addStretch(1)
        centred.addWidget(card, 100)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addLayout(centred)
        layout.addStretch(1)
