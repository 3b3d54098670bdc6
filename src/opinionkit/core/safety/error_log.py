"""What the log may say about an unexpected error: its type and where in the code, never its message.

Messages can carry a person's name, a document's text or a full path; the type
and the lines of OpinionKit's own code are enough to find the fault.
"""

from __future__ import annotations

import traceback


def describe(error: BaseException) -> str:
    """A traceback of ``error`` (and the errors it came from) without any exception message."""
    parts: list[str] = []
    current: BaseException | None = error
    seen: set[int] = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        # Source lines are left out too: a line of code can quote a value.
        frames = "".join(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
                         for frame in traceback.extract_tb(current.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{type(current).__qualname__}\n")
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return "It came from this earlier error:\n".join(parts)
