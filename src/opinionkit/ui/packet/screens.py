"""The packet builder's screen for ui/screenshots.py: the demo case's packet with its documents."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from opinionkit.ui.packet.packet_page import PacketSection


def show_packet(window: Any, ids: Any) -> PacketSection:
    window.show_case(ids.case_id, section="packet")
    section: PacketSection = window.case_page.section("packet")
    QApplication.processEvents()
    if section.model.rowCount() > 1:
        section.list.setCurrentIndex(section.model.index(1))
    section.list.setFocus()
    return section
