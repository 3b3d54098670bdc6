"""Taking the window to where a next step or a Today reminder is done, in one click.

A target is the core's (see ``core.domain.overview.Target``): ("records", item_id)
opens the tracker with that item selected, ("appointments", id) the appointments
with that one selected, ("coverage",) and ("questions",) their tabs, ("case",) the
case's form, and ("packet",), ("opinions",), ("compare",), ("decision",) their sections.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from opinionkit.core.domain.overview import Target
from opinionkit.ui.sections import CASE_SECTIONS

if TYPE_CHECKING:
    from opinionkit.ui.main_window import MainWindow

#: Parts of the "Questions & visits" section, reached by their own targets.
VISIT_PARTS = ("questions", "appointments", "coverage")
#: Targets whose section has another key.
_SECTION_OF = {"decision": "compare"}


def section_for(target: Target) -> str:
    """The case section a target is done in ("overview" when the window has no such section)."""
    where = str(target[0]) if target else "overview"
    if where in VISIT_PARTS:
        return "questions"
    if where == "case":
        return "details"
    key = _SECTION_OF.get(where, where)
    return key if any(section.key == key for section in CASE_SECTIONS) else "overview"


def go_to(window: MainWindow, case_id: int, target: Target) -> None:
    """Show the case at the place ``target`` names, with its row selected and the keyboard there."""
    where = str(target[0]) if target else ""
    ident = target[1] if len(target) > 1 and isinstance(target[1], int) else None
    if where == "case":
        window.show_case(case_id)
        if window.case_id == case_id:
            window.editing.edit_current()  # the case's own form: the second doctor is chosen there
        return
    section = section_for(target)
    window.show_case(case_id, section=section)
    if window.case_id != case_id:
        return  # the case is gone (deleted meanwhile): the window shows what is left
    widget = window.case_page.section(section)
    if where == "records":
        if ident is not None:
            widget.select_item(ident)  # type: ignore[attr-defined]
        getattr(widget, "table", widget).setFocus()
    elif where in VISIT_PARTS:
        widget.show_part(where, ident)  # type: ignore[attr-defined]
