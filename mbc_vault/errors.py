"""Typed errors of the core. Each carries a stable kebab-case `code` and its `params`; the English
sentence for each code lives in `mbc_vault.messages`, and `str(error)` renders it (the CLI prints
that). The app maps the same codes to translated sentences (`ui/errors.py`); nothing decides what
happened by reading the text."""

from __future__ import annotations

from typing import Any, ClassVar

from . import messages


def _restore(cls: type[VaultError], state: dict[str, Any]) -> VaultError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, state["code"])
    return error


class VaultError(Exception):
    """Base class: `code` says what went wrong, `params` fill its sentence; str(error) is English."""

    #: the code used when none is given (for errors that have one meaning)
    default_code: ClassVar[str | None] = None

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        code = code or self.default_code
        if not code:
            raise TypeError(f"{type(self).__name__} needs a code")
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return messages.render(self.code, self.params)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, **{self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:  # keyword params would not survive Exception's pickling
        return (_restore, (type(self), dict(self.__dict__)))


class Reason(VaultError):
    """Why something was refused: a part of another error's sentence (its `why`), never raised."""


class InvalidValue(VaultError, ValueError):
    """A value given to the core is not usable (a name, a date, a choice); the CLI calls it a usage error."""


class FieldError(InvalidValue):
    """A value a person typed is not usable; `field` names the form field."""

    def __init__(self, field_name: str, code: str, /, **params: Any) -> None:
        super().__init__(code, **params)
        self.field = field_name


class NotAVault(VaultError):
    pass


class VaultExists(VaultError):
    pass


class UnsupportedFormat(VaultError):
    pass


class WrongPassphrase(VaultError):
    default_code = "wrong-passphrase"


class VaultBusy(VaultError):
    default_code = "vault-busy"


class VaultClosed(VaultError):
    """The vault was closed (locked): its keys are gone, so nothing more can be read or written."""

    default_code = "vault-closed"


class RecordNotFound(VaultError):
    pass


class PermissionDenied(VaultError):
    pass


class DuplicateDocument(VaultError):
    default_code = "duplicate-document"

    def __init__(self, code: str | None = None, /, *, existing_id: str, **params: Any) -> None:
        super().__init__(code, existing_id=existing_id, **params)
        self.existing_id = existing_id


class InputFileError(VaultError):
    """A file given to the vault cannot be used (missing, empty, unreadable)."""


class ConflictError(VaultError):
    """The record changed on disk since it was read."""

    default_code = "record-changed-elsewhere"


class Cancelled(VaultError):
    pass


class IntegrityError(VaultError):
    """Stored data is damaged or was tampered with; names the file and, if known, the record."""

    def __init__(
        self, code: str, /, *, record_id: str | None = None, path: str | None = None, **params: Any
    ) -> None:
        super().__init__(code, record_id=record_id, path=path, **params)
        self.record_id = record_id
        self.path = path


class OutputFileError(InputFileError):
    """Where the person asked us to write a file cannot take it (a device, a pipe, a folder, or it exists)."""
