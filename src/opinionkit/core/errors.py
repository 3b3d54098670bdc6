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


class PasswordRequired(UnreadableFile):
    """A PDF is locked with a password that was not given; ask for it, then try again."""

    def __init__(self, path: object, reason: str = "it is protected by a password. "
                 "Give the password to import it with its text, or import it without text.") -> None:
        super().__init__(path, reason)


class WrongPassword(PasswordRequired):
    """The password given does not open the PDF."""

    def __init__(self, path: object) -> None:
        super().__init__(path, "the password does not open it. Check the password and try again.")


class Cancelled(OpinionKitError):
    """Long work was stopped on request; whatever it had started was undone."""

    def __init__(self, what: str = "The work") -> None:
        super().__init__(f"{what} was cancelled; nothing was kept.")


class OutputExists(OpinionKitError):
    """A file the user asked to write is already there and was not to be replaced."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(f"{path} already exists. Add --force to replace it, or choose another name.")
