"""The look of the window: Fusion, a soft palette and one style sheet shipped in the package.

The whole look is in place before the window's first paint, so that the frame shown
while the data opens already has its final colours, font and bar heights.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

TEXT = "#1d2935"
ACCENT = "#2b6a8a"
#: Qt's own style: the same look on every platform, and it honours the palette.
STYLE = "Fusion"


def resource_path(*parts: str) -> Path:
    """A file of the ``opinionkit.resources`` package (the top-level resources/ folder).

    Found in the package's folder (its ``__path__``): what importlib.resources gives for an
    installed package, without the ~6 ms of importing it before the window's first paint.
    """
    import opinionkit.resources as package

    return Path(package.__path__[0]).joinpath(*parts)


def styled_application(program: str) -> QApplication:
    """The running QApplication, or a new one, with the whole look applied."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyle(STYLE)
    else:
        # Asked for on the command line, the style is made by Qt alone: QApplication.setStyle
        # would first build Python's QStyle type and its 570 enum members (~15 ms).
        app = QApplication([program, "-style", STYLE])
    _apply_look(app)
    return app


def apply_style(app: QApplication) -> None:
    app.setStyle(STYLE)
    _apply_look(app)


def _apply_look(app: QApplication) -> None:
    font = app.font()
    font.setPointSizeF(10)
    app.setFont(font)
    app.setPalette(_palette())
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
