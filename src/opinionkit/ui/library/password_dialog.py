"""Asking for the password of a protected PDF, with the choice to import it without its text."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from opinionkit.ui.details import label
from opinionkit.ui.style import set_role


def _tr(text: str) -> str:
    return QCoreApplication.translate("library", text)


class Choice(Enum):
    PASSWORD = "password"
    WITHOUT_TEXT = "without text"
    SKIP = "skip"


class PasswordDialog(QDialog):
    """Opened with ``open()``; when it closes, ``choice`` and ``password()`` say what the person chose.

    ``offer_without_text`` adds "Import without text" (while importing); unlocking
    a document already imported offers only the password.
    """

    def __init__(self, filename: str, *, wrong: bool = False, offer_without_text: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Choice.SKIP
        title = _tr("Password needed")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("passwordDialog")

        heading = label(_tr("“{name}” is protected by a password.").format(name=filename), "card-title")
        explanation = label(_tr("Type the password to keep the document with its words, so that search finds them."),
                            "field-value")
        without = label(_tr("Without the password it can be kept, marked as locked, but its words cannot be "
                            "searched and it cannot be shown until you unlock it."), "muted")
        without.setVisible(offer_without_text)
        self.problem = label(_tr("That password does not open it. Check it (capital letters count) and try again."),
                             "problem")
        self.problem.setVisible(wrong)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_tr("Password"))
        self.password_edit.setPlaceholderText(_tr("Password"))
        field_label = QLabel(_tr("&Password:"))
        field_label.setBuddy(self.password_edit)

        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            _tr("Import") if offer_without_text else _tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        set_role(self.open_button, "primary")
        self.open_button.setDefault(True)
        self.without_text_button = None
        if offer_without_text:
            self.without_text_button = self.buttons.addButton(_tr("Import without text"),
                                                              QDialogButtonBox.ButtonRole.ActionRole)
            self.without_text_button.setAutoDefault(False)
            self.without_text_button.clicked.connect(self._without_text)
        skip = self.buttons.addButton(_tr("Skip this file") if offer_without_text else _tr("Cancel"),
                                      QDialogButtonBox.ButtonRole.RejectRole)
        skip.setAutoDefault(False)
        self.buttons.accepted.connect(self._with_password)
        self.buttons.rejected.connect(self.reject)
        self.password_edit.textChanged.connect(lambda text: self.open_button.setEnabled(bool(text)))
        self.open_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        for widget in (heading, explanation, without, self.problem, field_label, self.password_edit):
            layout.addWidget(widget)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def password(self) -> str:
        return self.password_edit.text()

    def _with_password(self) -> None:
        if self.password():
            self.choice = Choice.PASSWORD
            self.accept()

    def _without_text(self) -> None:
        self.choice = Choice.WITHOUT_TEXT
        self.accept()
