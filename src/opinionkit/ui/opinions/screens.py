"""The opinion screens for ui/screenshots.py: the demo case's opinions, one opened, and the letters compared."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from opinionkit.core.services.demo_opinions import NANDAKUMAR
from opinionkit.ui.opinions.opinions_page import LIST_TAB, OpinionsSection

#: The key term chosen in the letters screen: one medicine at two doses.
TERM = "Gabapentin"


def show_opinions(window: Any, ids: Any) -> OpinionsSection:
    window.show_case(ids.case_id, section="opinions")
    section: OpinionsSection = window.case_page.section("opinions")
    section.tabs.setCurrentIndex(LIST_TAB)
    QApplication.processEvents()
    section.select_opinion(_opinion_id(section, ids.provider_ids[NANDAKUMAR]))
    section.table.setFocus()
    return section


def show_opinion_form(window: Any, ids: Any) -> None:
    from opinionkit.ui.opinions.opinion_dialog import OpinionDialog

    section = show_opinions(window, ids)
    section.edit_opinion()
    for dialog in window.findChildren(OpinionDialog):
        dialog.resize(min(dialog.width(), window.width() - 60), min(dialog.height(), window.height() - 40))
        dialog.move(window.geometry().center() - dialog.rect().center())  # centred, as a desktop places it


def show_letters(window: Any, ids: Any) -> None:
    section = show_opinions(window, ids)
    section.show_letters()
    panel = section.letters
    while panel.task is not None:  # the comparison runs on the thread pool: wait for it, then take its result
        QThreadPool.globalInstance().waitForDone()
        QApplication.processEvents()
    panel.view.choose_term(TERM)
    panel.view.term_table.setFocus()
    QApplication.processEvents()


def _opinion_id(section: OpinionsSection, provider_id: int) -> int | None:
    return next((o.id for o in section.model.rows if o.provider_id == provider_id), None)
