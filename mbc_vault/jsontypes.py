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
    keys and values of a dict are checked too, and a dataclass value has each of its fields' types.
    The check of each annotation is made once (entries are read by the thousand after an import)."""
    check = _CHECKS.get(annotation)
    if check is None:
        check = _CHECKS[annotation] = _check_of(annotation)
    return check(value)


_CHECKS: dict[Any, typing.Callable[[Any], bool]] = {}


def _check_of(annotation: Any) -> typing.Callable[[Any], bool]:
    if annotation is Any:
        return lambda value: True
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        arms = [_check_of(arm) for arm in typing.get_args(annotation)]
        return lambda value: any(arm(value) for arm in arms)
    if annotation is type(None):
        return lambda value: value is None
    if annotation is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return lambda value: isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is list:
        (item_type,) = typing.get_args(annotation)
        item = _check_of(item_type)
        return lambda value: isinstance(value, list) and all(item(v) for v in value)
    if origin is dict:
        key_type, item_type = typing.get_args(annotation)
        key, item = _check_of(key_type), _check_of(item_type)
        return lambda value: isinstance(value, dict) and all(key(k) and item(v) for k, v in value.items())
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        dataclass = annotation
        hints = field_types(dataclass)
        fields = [(f.name, hints[f.name]) for f in dataclasses.fields(dataclass)]
        return lambda value: (
            isinstance(value, dataclass) and all(fits(getattr(value, name), hint) for name, hint in fields)
        )
    return lambda value: isinstance(value, annotation)
