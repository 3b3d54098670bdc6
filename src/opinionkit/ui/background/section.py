"""The person's "Health background" section: a tab per kind of record, the change log, and the summary.

Forms save through the background service (which keeps the change log);
deleting goes through the window's undo stack. After any change every tab is
re-read: a person's background is small, and this keeps the tabs, the
allergies beside the medications and the change log in step.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QHBoxLayout, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from opinionkit.core.domain import Person
from opinionkit.core.domain.background import Medication, MedicationStatus
from opinionkit.core.errors import NotFound, OpinionKitError
from opinionkit.core.services import background
from opinionkit.core.services.background import Background
from opinionkit.ui.background import exports
from opinionkit.ui.background.change_log import ChangeLogPane
from opinionkit.ui.background.commands import DeleteRecordCommand
from opinionkit.ui.background.kinds import RecordKind, blank_record, record_kinds
from opinionkit.ui.background.medication_dialog import StopDialog
from opinionkit.ui.background.record_dialogs import SocialHistoryDialog
from opinionkit.ui.background.record_pane import RecordPane
from opinionkit.ui.background.social_pane import SocialHistoryPane
from opinionkit.ui.details import label
from opinionkit.ui.errors import show_error
from opinionkit.ui.style import repolish, set_role

if TYPE_CHECKING:
    from opinionkit.ui.sections import SectionHost

# The kinds sit one level below the page's own tabs: shown as quiet pills rather than a second underline.
_KIND_TABS = """
QTabWidget::pane { border: none; }
QTabBar::tab {
    background: transparent; color: #44525f; border: 1px solid transparent; border-radius: 12px;
    padding: 4px 11px; margin: 0px 4px 0px 0px;
}
QTabBar::tab:hover { background: #e9eef3; color: #1d2935; }
QTabBar::tab:selected { background: #d8e8f0; color: #123547; border-color: #b9d3e0; }
QTabBar::tab:focus { border-color: #2b6a8a; }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("health_background", text)


class HealthBackground(QWidget):
    def __init__(self, host: SectionHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = host.db
        self._undo_stack = host.undo_stack
        self._window = host.window
        self.person: Person | None = None

        intro = label(_tr("Medications, allergies and medical history, kept on this computer and ready to hand "
                          "to any doctor as a health summary."), "muted")
        self.summary_button = QPushButton(_tr("Save health summary &PDF…"))
        set_role(self.summary_button, "primary")
        self.summary_button.setToolTip(_tr("A PDF to print or send: identity and insurance, medications, "
                                           "allergies, conditions, procedures, immunisations, family history"))
        self.summary_button.clicked.connect(self.save_summary)
        self.fhir_button = QPushButton(_tr("Export FHIR summary…"))
        self.fhir_button.setToolTip(_tr("An HL7 FHIR patient summary (JSON) that clinic systems can read"))
        self.fhir_button.clicked.connect(self.export_fhir)
        self.notice = label("", "muted")
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.notice.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.notice.hide()

        self.kinds = record_kinds()
        self.panes: dict[str, RecordPane] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("backgroundTabs")
        self.tabs.setAccessibleName(_tr("Kind of record"))
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet(_KIND_TABS)
        self.tabs.tabBar().setDrawBase(False)
        for kind in self.kinds:
            pane = RecordPane(kind)
            pane.add_requested.connect(lambda kind=kind: self.add(kind))
            pane.edit_requested.connect(lambda ident, kind=kind: self.edit(kind, ident))
            pane.delete_requested.connect(lambda ident, kind=kind: self.delete(kind, ident))
            self.panes[kind.key] = pane
            self.tabs.addTab(pane, kind.title.replace("&", "&&"))
        medications = self.panes["medications"]
        medications.add_stop_button(_tr("&Stop…")).setObjectName("stopButton")
        medications.stop_requested.connect(self.stop)
        self.allergy_banner = label("", "warning")
        self.allergy_banner.setAccessibleName(_tr("Recorded allergies"))
        medications.add_banner(self.allergy_banner)
        self.social = SocialHistoryPane()
        self.social.edit_requested.connect(self.edit_social_history)
        self.tabs.addTab(self.social, _tr("Social history"))
        self.change_log = ChangeLogPane()
        self.tabs.addTab(self.change_log, _tr("Change log"))

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(intro, 1)
        top.addSpacing(16)
        top.addWidget(self.summary_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.fhir_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

    # Showing -----------------------------------------------------------------------------------

    def show_person(self, person: Person) -> None:
        if self.person is None or person.id != self.person.id:
            self.notice.hide()
        self.person = person
        self.reload()

    def show_kind(self, key: str) -> None:
        """Bring one tab to the front: a kind's key, "social" or "changes"."""
        others: dict[str, QWidget] = {"social": self.social, "changes": self.change_log}
        self.tabs.setCurrentWidget(others[key] if key in others else self.panes[key])

    def reload(self) -> None:
        if self.person is None:
            return
        try:
            found = background.load_all(self._db, self.person.id or 0)
        except NotFound:
            return  # the person was just deleted; the window moves on to someone else
        for pane in self.panes.values():
            pane.set_records(found)
        self._show_allergies(found)
        self.social.set_history(found.social_history)
        self.change_log.set_changes(background.changes(self._db, self.person.id or 0))

    def _show_allergies(self, found: Background) -> None:
        if found.allergies:
            listed = " · ".join(f"{a.substance} ({a.reaction})" if a.reaction else a.substance for a in found.allergies)
            self.allergy_banner.setText(_tr("Allergies: {list}").format(list=listed))
            set_role(self.allergy_banner, "warning")
        else:
            self.allergy_banner.setText(_tr("No allergies recorded. Add them on the Allergies tab."))
            set_role(self.allergy_banner, "muted")
        repolish(self.allergy_banner)

    # Adding, editing, stopping -----------------------------------------------------------------

    def add(self, kind: RecordKind) -> QDialog | None:
        if self.person is None:
            return None
        return self._open(kind.dialog(self._db, blank_record(kind.record_type, self.person.id or 0), self.window()),
                          kind.key, _tr("Added “{label}”."))

    def edit(self, kind: RecordKind, record_id: int) -> QDialog | None:
        record = self._fetch(kind.record_type, record_id)
        if record is None:
            return None
        return self._open(kind.dialog(self._db, record, self.window()), kind.key, _tr("Saved “{label}”."))

    def stop(self, record_id: int) -> QDialog | None:
        record = self._fetch(Medication, record_id)
        if record is None:
            return None
        return self._open(StopDialog(self._db, record, self.window()), "medications",
                          _tr("Stopped “{label}”; it stays in the list as history."))

    def edit_social_history(self) -> QDialog | None:
        if self.person is None:
            return None
        record = background.social_history(self._db, self.person.id or 0)
        return self._open(SocialHistoryDialog(self._db, record, self.window()), None, _tr("Saved the social history."))

    def _fetch(self, record_type: type, record_id: int) -> Any:
        try:
            return background.get(self._db, record_type, record_id)
        except NotFound as error:
            show_error(self.window(), error)
            self.reload()
            return None

    def _open(self, dialog: QDialog, pane_key: str | None, done: str) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._saved(dialog.saved, pane_key, done))  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    def _saved(self, record: Any, pane_key: str | None, done: str) -> None:
        self.reload()
        if pane_key is not None:
            self.panes[pane_key].select(record.id)
            self.panes[pane_key].table.setFocus()
        self._tell(done.format(label=record.label))

    # Deleting ----------------------------------------------------------------------------------

    def delete(self, kind: RecordKind, record_id: int) -> QMessageBox | None:
        record = self._fetch(kind.record_type, record_id)
        if record is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Delete"),
                          _tr("Delete the {what} “{label}”?").format(what=kind.what, label=record.label),
                          QMessageBox.StandardButton.NoButton, self.window())
        box.setObjectName("confirmDelete")
        box.setTextFormat(Qt.TextFormat.PlainText)
        detail = _tr("It leaves the lists and the health summary; the change log keeps a note of it.")
        if isinstance(record, Medication) and record.status == MedicationStatus.ACTIVE:
            detail = _tr("To keep it in the history instead, use Stop.") + " " + detail
        box.setInformativeText(detail + " " + _tr("You can bring it back with Edit ▸ Undo (Ctrl+Z)."))
        delete_button = box.addButton(_tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete_button.setObjectName("deleteButton")
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            if button is delete_button:
                self._undo_stack.push(DeleteRecordCommand(
                    self._db, kind.record_type, record_id, record.person_id, record.label,
                    self._changed, self._report,
                ))
                self._tell(_tr("Deleted “{label}”. Press Ctrl+Z to bring it back.").format(label=record.label))

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def _changed(self, person_id: int) -> None:
        """After a deletion or its undo: show that person's background (undo may belong to another)."""
        if self.person is not None and person_id == self.person.id:
            self.reload()
            return
        show_person: Callable[..., None] | None = getattr(self._window, "show_person", None)
        if show_person is not None:
            show_person(person_id, section="health")

    def _report(self, error: OpinionKitError | sqlite3.DatabaseError) -> None:
        if not isinstance(error, OpinionKitError):
            error = OpinionKitError(_tr("This could not be brought back: something added since has taken its "
                                        "place. Nothing was changed."))
        show_error(self.window(), error)
        self.reload()

    # The summary -------------------------------------------------------------------------------

    def save_summary(self) -> Path | None:
        return self._export(exports.save_summary_pdf, _tr("Saved the health summary to {path}."))

    def export_fhir(self) -> Path | None:
        return self._export(exports.export_fhir, _tr("Saved the FHIR patient summary to {path}."))

    def _export(self, write: Callable[[QWidget, Any, Person], Path | None], done: str) -> Path | None:
        if self.person is None:
            return None
        try:
            path = write(self.window(), self._db, self.person)
        except OpinionKitError as error:
            show_error(self.window(), error)
            return None
        if path is not None:
            self._tell(done.format(path=path))
            folder = QUrl.fromLocalFile(str(path.parent)).toString()
            self.notice.setText(html.escape(done.format(path=path)) + f' <a href="{html.escape(folder)}">'
                                + html.escape(_tr("Open the folder")) + "</a>")
            self.notice.show()
        return path

    def _tell(self, message: str) -> None:
        status_bar = getattr(self._window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(message, 8000)
