"""Validated entry models: the base class and the field checks shared by the cancer record and care
planning. A check raises FieldError naming the form field and saying what to type."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import FieldError  # noqa: F401 (re-exported: the models raise it)
from .jsontypes import field_types, fits


def _date(value: str | None, name: str, label: str, required: bool = False) -> str | None:
    if not value:
        if required:
            raise FieldError(name, "date-required", label=label)
        return None
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(name, "date-not-a-date", label=label, value=value) from None
    if parsed.year < 1900 or parsed > dt.date.today() + dt.timedelta(days=3660):
        raise FieldError(name, "date-out-of-range", label=label, value=value)
    return parsed.isoformat()


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def _time(value: str, name: str = "time") -> str:
    """A time of day as HH:MM (24-hour clock, "9:30" becomes "09:30"), or "" when none is given."""
    value = (value or "").strip()
    if not value:
        return ""
    match = _CLOCK.match(value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise FieldError(name, "time-not-valid")
    return f"{int(match[1]):02d}:{match[2]}"


def _choice(value: str, name: str, options: dict[str, str], label: str, allow_empty: bool = True) -> str:
    if not value and allow_empty:
        return ""
    if value not in options:
        raise FieldError(name, "choose-from-list", label=label)
    return value


def parse_number(name: str, value: object, code: str, /, *, unit: str = "", **params: object) -> float | None:
    """The number typed or stored in the field *name*: None when nothing is given (None or ""), else
    the text stripped (and a trailing *unit* sign, such as "%"), a decimal comma read as a point (12,5
    is 12.5). Raises FieldError(name, code, **params) when it is not a number. NaN and infinity are
    read as such: the caller's range check refuses them."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        return float((text.rstrip(unit) if unit else text).replace(",", "."))
    except ValueError:
        raise FieldError(name, code, **params) from None


def parse_whole(name: str, value: object, code: str, /, **params: object) -> int | None:
    """As parse_number, for a whole number (a count, a line number): 3 or " 3 ", never 3.5."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise FieldError(name, code, **params) from None


def _percent(value: float | int | str | None, name: str, label: str) -> float | None:
    number = parse_number(name, value, "percent-not-a-number", unit="%", label=label)
    if number is None:
        return None
    if not 0 <= number <= 100 or math.isnan(number):
        raise FieldError(name, "percent-out-of-range", label=label)
    return number


def _is_number(annotation: Any) -> bool:
    """Whether a field is declared int or float (or either or None)."""
    arms = typing.get_args(annotation) if typing.get_origin(annotation) is types.UnionType else (annotation,)
    return int in arms or float in arms


def _order(start: str | None, stop: str | None, name: str) -> None:
    if start and stop and stop < start:
        raise FieldError(name, "end-before-start")


@dataclass
class Model:
    KIND: ClassVar[str] = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    def to_data(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "extra"}
        data.update(self.extra)
        return data

    #: fields besides the numbers that a form fills with text, which validate() reads (see from_form)
    TEXT_FIELDS: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Any:
        """The model stored as *data* (a record's data). Fields it does not know are kept as they are
        (to_data writes them back). A known field whose value is not of its declared type (a number
        for a name, a list for a date: only a hostile or broken writer stores that) is read as its
        default, so that an entry as stored can always be listed, sorted and charted."""
        return cls._read(data, form=False)

    @classmethod
    def from_form(cls, data: dict[str, Any]) -> Any:
        """A model from what a form or an import gives, to validate() before it is stored: as
        from_data, but a number field may also hold the text typed or nothing, and a field in
        TEXT_FIELDS text; validate() reads them."""
        return cls._read(data, form=True)

    @classmethod
    def _read(cls, data: dict[str, Any], *, form: bool) -> Any:
        declared = field_types(cls)
        known = _known_fields(cls)

        def readable(name: str, value: Any) -> bool:
            if fits(value, declared[name]):
                return True
            if not form or not (value is None or isinstance(value, str)):
                return False
            return _is_number(declared[name]) or (name in cls.TEXT_FIELDS and value is not None)

        return cls(
            **{k: v for k, v in data.items() if k in known and readable(k, v)},
            extra={k: v for k, v in data.items() if k not in known},
        )

    def validate(self) -> None:  # pragma: no cover - every model overrides
        pass

    def title(self) -> str:
        return self.KIND

    def sort_date(self) -> str | None:
        return None


_KNOWN: dict[type, frozenset[str]] = {}


def _known_fields(cls: type) -> frozenset[str]:
    """The fields of the model *cls* that its data may hold (all but `extra`), found once."""
    if cls not in _KNOWN:
        _KNOWN[cls] = frozenset(f.name for f in dataclasses.fields(cls)) - {"extra"}
    return _KNOWN[cls]
