"""The pages the packet needs drawn by someone else: HTML laid out as PDF, and footers in any script.

``opinionkit.render.PacketRenderer`` does both with Qt; tests of the core use a
plain stand-in. Sizes are PDF points (1/72 inch) as the page is shown, that
is after its rotation.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol


class FooterLine(NamedTuple):
    """The text at the foot of one page: ``left`` (who it is about) and ``right`` ("Page 3 of 40")."""

    left: str
    right: str


class Renderer(Protocol):
    def html_to_pdf(self, html: str, title: str) -> bytes:
        """``html`` laid out on Letter pages, with no footer (the packet stamps its own)."""
        ...

    def footer_overlay(self, lines: Sequence[FooterLine], sizes: Sequence[tuple[float, float]]) -> bytes:
        """A PDF whose page i is ``sizes[i]`` large and shows only ``lines[i]`` at its foot."""
        ...
