"""Asking for a backup's passphrase: typed twice to make one, once to open one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("safety", text)


class PassphraseDialog(QDialog):
    """``confirm=True`` for a new backup: two fields that must match, and "without a passphrase" allowed."""

    def __init__(self, parent: QWidget | None, confirm: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Backup passphrase"))
        self.setAccessibleName(_tr("Backup passphrase"))
        self.without = False
        form = QFormLayout(self)
        explanation = QLabel(_tr(
            "With a passphrase, nobody can read the backup without it. Keep it safe: a lost passphrase "
            "cannot be recovered.") if confirm else _tr("This backup is encrypted. Type its passphrase."))
        explanation.setWordWrap(True)
        form.addRow(explanation)
        self.passphrase = self._field(_tr("Passphrase"))
        form.addRow(_tr("&Passphrase:"), self.passphrase)
        self.again: QLineEdit | None = None
        if confirm:
            self.again = self._field(_tr("Passphrase again"))
            form.addRow(_tr("&Again:"), self.again)
        self.mismatch = QLabel()
        self.mismatch.setAccessibleName(_tr("Passphrase problem"))
        form.addRow(self.mismatch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        if confirm:
            without = QPushButton(_tr("&Without a passphrase"))
            without.setObjectName("withoutPassphrase")
            without.setAccessibleName(_tr("Back up without a passphrase"))
            buttons.addButton(without, QDialogButtonBox.ButtonRole.ActionRole)
            without.clicked.connect(self._accept_without)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _field(name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _accept_without(self) -> None:
        self.without = True
        self.accept()

    def _check(self) -> None:
        if not self.passphrase.text():
            self.mismatch.setText(_tr("Type a passphrase, or choose “Without a passphrase”.")
                                  if self.again is not None else _tr("Type the passphrase."))
            return
        if self.again is not None and self.again.text() != self.passphrase.text():
            self.mismatch.setText(_tr("The two passphrases differ. Type them again."))
            return
        self.accept()

    def value(self) -> str | None:
        return None if self.without else self.passphrase.text()


def ask_passphrase(parent: QWidget | None, confirm: bool) -> tuple[bool, str | None]:
    """(chosen, passphrase or None); ``chosen`` is False when the person cancelled."""
    dialog = PassphraseDialog(parent, confirm)
    chosen = dialog.exec() == QDialog.DialogCode.Accepted
    return chosen, dialog.value() if chosen else None
