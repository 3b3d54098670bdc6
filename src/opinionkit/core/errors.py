"""Typed errors the core raises; the window and the command line turn them into plain words."""

from __future__ import annotations


class OpinionKitError(Exception):
    """Base of every error the core raises on purpose.

    ``str(error)`` is a complete sentence a person can act on.
    """


class NotFound(OpinionKitError):
    """A row that was asked for by id does not exist (or is in the trash)."""

    def __init__(self, kind: str, ident: object) -> None:
        self.kind = kind
        self.ident = ident
        super().__init__(f"No {kind} with id {ident} was found. Check the id and try again.")


class InvalidInput(OpinionKitError):
    """A value a person typed is not acceptable; ``field`` names the field to highlight."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


class UnreadableFile(OpinionKitError):
    """A file could not be read or is not what its name says."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class StorageError(OpinionKitError):
    """The data folder or database cannot be used as it is."""
