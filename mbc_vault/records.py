"""Record metadata: a versioned schema whose unknown fields survive a round trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .categories import CATEGORIES, scope_of, unknown_category
from .errors import InvalidValue
from .jsontypes import field_types, fits

SCHEMA_VERSION = 1
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def new_id() -> str:
    """A random 80-bit id, 20 hex digits (a unique prefix is enough on the command line)."""
    return secrets.token_hex(10)


#: where "now" comes from; an open vault has one (VaultFolder.clock) so tests can set the time
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The real clock: this moment, in UTC."""
    return dt.datetime.now(dt.UTC)


def now_iso(clock: Clock = utc_now) -> str:
    """The moment *clock* gives, as records are stamped: ISO 8601 in UTC, to the microsecond."""
    return clock().isoformat(timespec="microseconds")


def check_date(value: str | None, field_name: str = "date") -> str | None:
    """Accept None, '' or YYYY-MM-DD (a real calendar date)."""
    if value in (None, ""):
        return None
    assert value is not None
    if not _DATE.match(value):
        raise InvalidValue("date-not-valid", field=field_name, value=value)
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValue("date-not-real", field=field_name, value=value) from None
    return value


def check_category(value: str) -> str:
    if value not in CATEGORIES:
        raise unknown_category(value)
    return value


@dataclass
class DocumentRef:
    """Binds a record to its document file: the file id and the age payload nonce of that file."""

    id: str
    nonce: str


@dataclass
class Record:
    id: str
    category: str
    title: str
    kind: str = "document"
    date: str | None = None
    provider: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    original_name: str = ""
    media_type: str = ""
    size: int = 0
    sha256: str = ""
    pages: int | None = None
    document: DocumentRef | None = None
    created: str = ""
    modified: str = ""
    author: str = ""
    modified_by: str = ""
    revision: int = 1
    trashed: str | None = None
    #: the fields of a structured entry (kind other than "document")
    data: dict[str, Any] = field(default_factory=dict)
    #: ids of the document records that support this entry
    links: list[str] = field(default_factory=list)
    schema: int = SCHEMA_VERSION
    #: fields written by a newer version of the program, kept as they are
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def scope(self) -> str:
        return scope_of(self.category)

    @property
    def in_trash(self) -> bool:
        return self.trashed is not None

    def to_dict(self) -> dict[str, Any]:
        """A shallow dict for JSON (lists and dicts are shared with the record, not copied)."""
        data = {f.name: getattr(self, f.name) for f in _FIELDS}
        if self.document is not None:
            data["document"] = {"id": self.document.id, "nonce": self.document.nonce}
        data.update(self.extra)
        return data

    def to_json(self) -> bytes:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The record in *data* (a JSON object). Raises ValueError, TypeError or KeyError if it is not
        one: a required field missing, a field of the wrong type, a schema with no migration."""
        data = upgrade(dict(data))
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        values = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        if isinstance(values.get("document"), dict):
            values["document"] = DocumentRef(**values["document"])
        types = field_types(cls)
        wrong = next((name for name, value in values.items() if not fits(value, types[name])), None)
        if wrong is not None:
            raise ValueError(f"record field {wrong} has the wrong type")
        return cls(**values, extra=extra)

    @classmethod
    def from_json(cls, raw: bytes) -> Record:
        """The record in *raw*; raises ValueError, TypeError or KeyError if it is not one."""
        return cls.from_dict(json_object(raw))


def json_object(raw: bytes) -> dict[str, Any]:
    """The JSON object in *raw* (UTF-8); ValueError if it is not one, nested too deep included."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


_FIELDS = [f for f in dataclasses.fields(Record) if f.name != "extra"]

#: schema migrations: MIGRATIONS[n] turns a schema-n dict into schema n+1
MIGRATIONS: dict[int, Any] = {}


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("record schema is not a whole number")
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema"] = version
    return data
