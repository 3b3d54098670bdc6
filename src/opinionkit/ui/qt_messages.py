"""Qt's own messages: dropping the offscreen platform's harmless notices, passing on the rest.

On the offscreen platform (screenshots) Qt says "This plugin does not support
propagateSizeHints()" (or raise(), grabbing the keyboard ...) whenever a window
asks for something only a real screen does. Nothing is wrong when it says so, and
a screen of such lines would hide a message that matters.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QMessageLogContext, QtMsgType, qFormatLogMessage, qInstallMessageHandler

#: How each of those notices starts (QPlatformWindow's defaults for what a plugin cannot do).
OFFSCREEN_NOTICE = "This plugin does not support "


@contextmanager
def offscreen_notices_dropped() -> Iterator[None]:
    """While inside, drop the offscreen notices; every other message goes where it went before."""

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message.startswith(OFFSCREEN_NOTICE):
            return
        if previous is not None:
            previous(kind, context, message)
        else:  # Qt's own handler was in place: write the line as it would
            sys.stderr.write(qFormatLogMessage(kind, context, message) + "\n")

    previous = qInstallMessageHandler(handle)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
