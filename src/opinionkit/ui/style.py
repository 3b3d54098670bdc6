"""The look of the window: Fusion, a soft palette and one style sheet shipped in the package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

TEXT = "#1d2935"
ACCENT = "#2b6a8a"


def resource_path(*parts: str) -> Path:
    """A file of the ``opinionkit.resources`` package (the top-level resources/ folder)."""
    from importlib import resources  # here: the window's first paint comes before any resource

    return Path(str(resources.files("opinionkit.resources").joinpath(*parts)))


def apply_colours(app: QApplication) -> None:
    """The palette alone: enough for the empty frame painted at start-up to have its final colour."""
    app.setPalette(_palette())


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")  # the same look on every platform, and it honours the palette
    font = app.font()
    font.setPointSizeF(10)
    app.setFont(font)
    apply_colours(app)
    sheet = resource_path("style.qss").read_text(encoding="utf-8")
    app.setStyleSheet(sheet.replace("@icons@", resource_path("icons").as_posix()))


def set_role(widget: QWidget, role: str, **extra: str) -> QWidget:
    """Tag a widget for the style sheet (``QLabel[role="heading"]``) and return it."""
    widget.setProperty("role", role)
    for name, value in extra.items():
        widget.setProperty(name, value)
    return widget


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a property it selects on has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


def _palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f4f6f8",
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f7f9fb",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#8a96a1",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a96a1"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#8a96a1"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#a3adb7"))
    return palette
