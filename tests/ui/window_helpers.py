"""Driving the window as a person does: finding the open dialog, typing, pressing shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def visible(parent: QWidget, kind: type) -> QWidget:
    """The one visible dialog (or other child) of ``kind`` under ``parent``."""
    found = [child for child in parent.findChildren(kind) if child.isVisible()]
    assert len(found) == 1, f"expected one visible {kind.__name__}, found {len(found)}"
    return found[0]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, in any script (QTest.keyClicks knows Latin-1 only)."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier)


def press(qtbot, window: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    """A shortcut as a person presses it: the window must be the active one."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)
