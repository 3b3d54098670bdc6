"""Taking the window to the health background screens, for ui/screenshots.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication

from opinionkit.core.services import medication_names
from opinionkit.ui.background.medication_dialog import MedicationDialog
from opinionkit.ui.background.section import HealthBackground

if TYPE_CHECKING:
    from opinionkit.ui.main_window import MainWindow


def show(window: MainWindow, person_id: int, screen: str) -> None:
    """``screen``: a tab's key ("medications", "changes"...) or "medication-form" (the form, typing a name)."""
    window.show_person(person_id, section="health")
    section = window.person_page.sections["health"]
    assert isinstance(section, HealthBackground)
    if screen == "changes":
        section.change_log.show_only("medications")  # the dose raised, the medicine stopped
    if screen != "medication-form":
        section.show_kind(screen)
        return
    section.show_kind("medications")
    medication_names.load()  # here, not in a worker: the picture needs the list now
    dialog = section.add(section.kinds[0])
    assert isinstance(dialog, MedicationDialog)
    dialog.move(window.geometry().center() - dialog.rect().center())  # offscreen, no window manager centres it
    deadline = QDeadlineTimer(5000)
    while not dialog.suggestions.ready and not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)  # the form's worker reports in
    dialog.name.setFocus()
    dialog.name.setText("Ibu")
    dialog.name.textEdited.emit("Ibu")
    dialog.suggestions.completer.complete()
