"""The tracker's screens for ui/screenshots.py: the demo case's tracker, and one item opened."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from opinionkit.ui.records.tracker_page import RecordsTracker

#: The demo item shown selected in the tracker, and the one opened with its timeline.
SELECTED = "Blood tests: HbA1c, vitamin D, full blood count"
OPENED = "Lumbar spine MRI without contrast, full study (DICOM)"


def show_tracker(window: Any, ids: Any) -> RecordsTracker:
    window.show_case(ids.case_id, section="records")
    tracker: RecordsTracker = window.case_page.section("records")
    QApplication.processEvents()  # the page settles its layout first, so the row is scrolled fully into view
    tracker.select_item(_item_id(tracker, SELECTED))
    tracker.table.setFocus()
    return tracker


def show_item(window: Any, ids: Any) -> None:
    from opinionkit.ui.records.item_dialog import ItemDialog

    tracker = show_tracker(window, ids)
    tracker.select_item(_item_id(tracker, OPENED))
    tracker.edit_item()
    for dialog in window.findChildren(ItemDialog):
        # Centred over the window, as a desktop places it (the offscreen screen is narrower).
        dialog.move(window.geometry().center() - dialog.rect().center())


def _item_id(tracker: RecordsTracker, description: str) -> int | None:
    return next((row.id for row in tracker.model.rows if row.description == description), None)
