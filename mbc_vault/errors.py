"""Typed errors of the core. Each carries one plain sentence fit to show a user."""

from __future__ import annotations


class VaultError(Exception):
    """Base class; str(error) is a plain sentence for the user."""


class NotAVault(VaultError):
    pass


class VaultExists(VaultError):
    pass


class UnsupportedFormat(VaultError):
    pass


class WrongPassphrase(VaultError):
    pass


class VaultBusy(VaultError):
    pass


class RecordNotFound(VaultError):
    pass


class PermissionDenied(VaultError):
    pass


class DuplicateDocument(VaultError):
    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class InputFileError(VaultError):
    """A file given to the vault cannot be used (missing, empty, unreadable)."""


class ConflictError(VaultError):
    """The record changed on disk since it was read."""


class Cancelled(VaultError):
    pass


class IntegrityError(VaultError):
    """Stored data is damaged or was tampered with; names the file and, if known, the record."""

    def __init__(self, message: str, *, record_id: str | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.path = path


class OutputFileError(InputFileError):
    """Where the person asked us to write a file cannot take it (a device, a pipe, a folder, or it exists)."""
