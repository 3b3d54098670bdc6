"""Creating, editing and deleting from the main window: forms open here, deletions go through undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from opinionkit.core.errors import NotFound, OpinionKitError
from opinionkit.core.services import cases, people, providers
from opinionkit.ui.errors import show_error
from opinionkit.ui.undo import TrashCommand

if TYPE_CHECKING:
    from opinionkit.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("editing", text)


class Editing:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.db = window.db

    # Forms ---------------------------------------------------------------------------------

    # The forms are imported when first opened: the window starts without loading them.

    def new_person(self) -> None:
        from opinionkit.ui.dialogs.person_dialog import PersonDialog

        self._open(PersonDialog(self.db, parent=self.window), lambda person: self.window.show_person(person.id))

    def new_case(self) -> None:
        from opinionkit.ui.dialogs.case_dialog import CaseDialog

        if self.window.person_id is None:
            return
        self._open(CaseDialog(self.db, self.window.person_id, parent=self.window), self._case_created)

    def _case_created(self, case: Any) -> None:
        from opinionkit.ui.records.checklist_dialog import offer_starter_items

        self.window.show_case(case.id)
        offer_starter_items(self.window, self.db, case.id)  # the usual records for its kind, to tick

    def new_provider(self) -> None:
        from opinionkit.ui.dialogs.provider_dialog import ProviderDialog

        self._open(ProviderDialog(self.db, parent=self.window),
                   lambda provider: self.window.show_providers(provider.id))

    def edit_current(self) -> None:
        from opinionkit.ui.dialogs.case_dialog import CaseDialog
        from opinionkit.ui.dialogs.person_dialog import PersonDialog
        from opinionkit.ui.dialogs.provider_dialog import ProviderDialog

        window = self.window
        try:
            if window.page == "person" and window.person_id is not None:
                self._open(PersonDialog(self.db, people.get(self.db, window.person_id), parent=window),
                           lambda person: window.show_person(person.id))
            elif window.page == "case" and window.case_id is not None:
                case = cases.get(self.db, window.case_id)
                self._open(CaseDialog(self.db, case.person_id, case, parent=window),
                           lambda saved: window.show_case(saved.id))
            elif window.page == "providers":
                provider_id = window.providers_page.selected_provider_id()
                if provider_id is not None:
                    self._open(ProviderDialog(self.db, providers.get(self.db, provider_id), parent=window),
                               lambda provider: window.show_providers(provider.id))
        except NotFound as error:
            show_error(window, error)
            window.refresh()

    def _open(self, dialog: QDialog, on_saved: Callable[[Any], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: on_saved(dialog.saved))
        dialog.rejected.connect(self.window.refresh)  # a provider may have been added from inside it
        dialog.open()

    # Deleting ------------------------------------------------------------------------------

    def delete_current(self) -> None:
        window = self.window
        try:
            if window.page == "person" and window.person_id is not None:
                person = people.get(self.db, window.person_id)
                count = len(cases.list_all(self.db, person.id))
                detail = (_tr("Their case and everything in it will be deleted too.") if count == 1 else
                          _tr("Their {count} cases and everything in them will be deleted too.").format(count=count)
                          if count else "")
                self._confirm("people", person.id, "person", person.name,
                              _tr("Delete {name}?").format(name=person.name), detail)
            elif window.page == "case" and window.case_id is not None:
                case = cases.get(self.db, window.case_id)
                self._confirm("cases", case.id, "case", case.title,
                              _tr("Delete the case “{title}”?").format(title=case.title),
                              _tr("Everything kept in this case will be deleted with it."))
            elif window.page == "providers":
                provider_id = window.providers_page.selected_provider_id()
                if provider_id is not None:
                    provider = providers.get(self.db, provider_id)
                    self._confirm("providers", provider.id, "provider", provider.name,
                                  _tr("Delete {name} from the directory?").format(name=provider.name),
                                  _tr("Cases that name this provider will show “Not chosen yet” instead."))
        except NotFound as error:
            show_error(window, error)
            window.refresh()

    def _confirm(self, table: str, row_id: int | None, kind: str, label: str, question: str, detail: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Delete"), question, QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("confirmDelete")
        box.setTextFormat(Qt.TextFormat.PlainText)
        undo_hint = _tr("You can bring it back with Edit ▸ Undo (Ctrl+Z).")
        box.setInformativeText(f"{detail} {undo_hint}".strip())
        delete_button = box.addButton(_tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete_button.setObjectName("deleteButton")
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is delete_button and row_id is not None:
                self.window.undo_stack.push(
                    TrashCommand(self.db, table, row_id, kind, label, self._after_trash, self._report)
                )
                self.window.statusBar().showMessage(
                    _tr("Deleted “{label}”. Press Ctrl+Z to bring it back.").format(label=label), 8000
                )

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def _after_trash(self, table: str, row_id: int, present: bool) -> None:
        window = self.window
        if table == "people":
            window.show_person(row_id if present else None)
        elif table == "cases":
            if present:
                window.show_case(row_id)
            else:
                window.show_person(window.person_id)
        elif table == "providers":
            window.show_providers(row_id if present else None)
        else:
            window.refresh()

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr(
                "This could not be brought back because something added since has taken its place "
                "in the database. Nothing was changed."
            ))
        show_error(self.window, error)
        self.window.refresh()
