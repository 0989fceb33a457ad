"""Whether a value read from JSON has a field's declared type (str, int, list[str], X | None...).

Records and entries are read from files anyone with a scope's public key could have written, before
their signature is checked: a field that holds the wrong kind of value (a number for a title, text
for a list) must be refused or left out when it is read, not found later by a crash in a list or a chart.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

_FIELD_TYPES: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """The declared type of each field of the dataclass *cls* (string annotations resolved)."""
    if cls not in _FIELD_TYPES:
        _FIELD_TYPES[cls] = typing.get_type_hints(cls)
    return _FIELD_TYPES[cls]


def fits(value: Any, annotation: Any) -> bool:
    """Whether *value* is of the type *annotation*: a bool is not an int, the items of a list and the
    keys and values of a dict are checked too, and a dataclass value has each of its fields' types."""
    if annotation is Any:
        return True
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        return any(fits(value, arm) for arm in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(fits(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(annotation)
        return isinstance(value, dict) and all(fits(k, key) and fits(v, item) for k, v in value.items())
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        hints = field_types(annotation)
        return isinstance(value, annotation) and all(
            fits(getattr(value, f.name), hints[f.name]) for f in dataclasses.fields(annotation)
        )
    return isinstance(value, annotation)
