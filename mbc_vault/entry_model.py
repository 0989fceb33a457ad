"""Validated entry models: the base class and the field checks shared by the cancer record and care
planning. A check raises FieldError naming the form field and saying what to type."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .errors import FieldError  # noqa: F401 (re-exported: the models raise it)


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


def _choice(value: str, name: str, options: dict[str, str], label: str, allow_empty: bool = True) -> str:
    if not value and allow_empty:
        return ""
    if value not in options:
        raise FieldError(name, "choose-from-list", label=label)
    return value


def _percent(value: float | int | str | None, name: str, label: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise FieldError(name, "percent-not-a-number", label=label) from None
    if not 0 <= number <= 100 or math.isnan(number):
        raise FieldError(name, "percent-out-of-range", label=label)
    return number


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

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Any:
        known = {f.name for f in dataclasses.fields(cls)} - {"extra"}
        return cls(
            **{k: v for k, v in data.items() if k in known},
            extra={k: v for k, v in data.items() if k not in known},
        )

    def validate(self) -> None:  # pragma: no cover - every model overrides
        pass

    def title(self) -> str:
        return self.KIND

    def sort_date(self) -> str | None:
        return None
