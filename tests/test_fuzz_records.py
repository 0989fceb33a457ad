"""Fuzzing record JSON (mbc_vault/records.py) and the entry models' data (cancer/ and care/ models).

A record file's JSON comes from whoever could encrypt to a scope (it is parsed before its signature
is checked), so it is hostile input. Properties:

- `Record.from_json` / `from_dict` raise only ValueError, TypeError or KeyError (what the vault's
  reader turns into "record-file-invalid"), never anything else, and never hang;
- a record they return is one the program can use: every known field has its declared type;
- round trip: to_json then from_json gives the same record;
- entry models: `from_data` never raises, its model round-trips through `to_data`; `validate()` raises
  only FieldError; a model that validated has a title, a sort date and validates again unchanged.

Settings: tests/fuzzing.py (`make fuzz` runs these longer).
"""

from __future__ import annotations

import dataclasses
import json
import math
import types
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSPHRASE
from fuzzing import FUZZ, bounded, json_values, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from mbc_vault import age
from mbc_vault.cancer.models import MODELS as CANCER_MODELS
from mbc_vault.care.models import MODELS as CARE_MODELS
from mbc_vault.entry_model import FieldError, Model
from mbc_vault.records import DocumentRef, Record
from mbc_vault.vault import Vault

RECORD_ERRORS = (ValueError, TypeError, KeyError)
RECORD_FIELDS = [f.name for f in dataclasses.fields(Record) if f.name != "extra"]
RECORD_TYPES = typing.get_type_hints(Record)

_REAL = Record(
    id="0123456789abcdef0123",
    category="lab-result",
    title="CBC, March",
    date="2024-03-01",
    tags=["blood"],
    media_type="application/pdf",
    size=1234,
    sha256="ab" * 32,
    pages=2,
    document=DocumentRef("fedcba98765432100123", "00" * 16),
    created="2024-03-01T10:00:00.000000+00:00",
    data={"value": 1.5, "unit": "g/dL"},
    links=["1111111111aaaaaaaaaa"],
)
_ENTRY = Record(id="22222222223333333333", category="diagnosis", title="Diagnosis", kind="diagnosis")


def _fits(value: Any, annotation: Any) -> bool:
    """Whether a JSON value has the declared type (str, int, list[str], X | None, DocumentRef...)."""
    if annotation is Any:
        return True
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        return any(_fits(value, arm) for arm in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:  # an int is a float (PEP 484)
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(annotation)
        return isinstance(value, dict) and all(_fits(k, key) and _fits(v, item) for k, v in value.items())
    if dataclasses.is_dataclass(annotation):
        return isinstance(value, annotation) and all(
            _fits(getattr(value, f.name), typing.get_type_hints(annotation)[f.name])
            for f in dataclasses.fields(annotation)
        )
    return isinstance(value, annotation)


def _same_json(a: Any, b: Any) -> bool:
    """Equal as JSON text (NaN, which JSON allows here, is not equal to itself)."""
    return json.dumps(a, sort_keys=True, default=repr) == json.dumps(b, sort_keys=True, default=repr)


@st.composite
def _record_dicts(draw: st.DrawFn) -> dict[str, Any]:
    """A real record's dict with some fields replaced, removed or added, by random JSON values."""
    data = dict(draw(st.sampled_from([_REAL, _ENTRY])).to_dict())
    for name in draw(st.lists(st.sampled_from([*RECORD_FIELDS, "extra", "zzz-new"]), max_size=4)):
        if draw(st.booleans()):
            data.pop(name, None)
        else:
            data[name] = draw(json_values)
    if draw(st.booleans()):
        document = {"id": draw(json_values), "nonce": draw(json_values)}
        document.update(draw(st.dictionaries(st.sampled_from(["id", "nonce", "x"]), json_values, max_size=2)))
        data["document"] = document
    return data


def _nested(depth: int, kind: str) -> bytes:
    return (b'{"a":' * depth + b"1" + b"}" * depth) if kind == "object" else (b"[" * depth + b"]" * depth)


_RECORD_RAW = (
    _record_dicts().map(lambda d: json.dumps(d).encode())
    | mutated(st.sampled_from([_REAL.to_json(), _ENTRY.to_json()]))
    | st.binary(max_size=200)
    | st.builds(_nested, st.integers(1, 200_000), st.sampled_from(["object", "list"]))
)


@FUZZ
@given(_RECORD_RAW)
@example(b'{"id": "a", "category": "lab-result", "title": "t", "schema": Infinity}')  # was OverflowError
@example(b'{"id": "a", "category": "lab-result", "title": "t", "document": {"id": null, "nonce": null}}')
@example(b'{"id": "a", "category": "lab-result", "title": 5, "tags": "blood"}')
@example(b"[" * 5000 + b"]" * 5000)  # was RecursionError, here and in the vault's record reader
@bounded
def test_record_json_loads_a_usable_record_or_raises_a_record_error(raw: bytes) -> None:
    try:
        record = Record.from_json(raw)
    except RECORD_ERRORS:
        return
    for name in RECORD_FIELDS:
        assert _fits(getattr(record, name), RECORD_TYPES[name]), f"{name} = {getattr(record, name)!r}"
    again = Record.from_json(record.to_json())
    assert _same_json(again.to_dict(), record.to_dict())
    try:
        record.scope  # noqa: B018 (the vault's reader asks for it next)
    except ValueError:
        pass


@FUZZ
@given(_record_dicts())
@bounded
def test_record_from_dict_then_to_dict_keeps_every_field(data: dict[str, Any]) -> None:
    try:
        record = Record.from_dict(data)
    except RECORD_ERRORS:
        return
    out = record.to_dict()
    assert set(out) >= set(data)
    assert _same_json({k: out[k] for k in data}, data)


@pytest.mark.parametrize(
    "planted",
    [
        b"[" * 5000 + b"]" * 5000,
        b'{"id": "%s", "category": "lab-result", "title": 5}',
        b'{"id": "%s", "category": "lab-result", "title": "t", "schema": Infinity}',
    ],
    ids=["deep-nesting", "number-for-a-title", "infinite-schema"],
)
def test_a_planted_record_that_is_not_one_is_reported_when_the_vault_opens(
    vault: Vault, vault_path: Path, planted: bytes
) -> None:
    """The failing examples above, in a record file written as anyone with the medical public key could."""
    record_id = "0123456789abcdef0123"
    recipient = vault.folder.write_keys["medical"].recipient
    (vault_path / "records" / f"{record_id}.age").write_bytes(
        age.encrypt_bytes(planted.replace(b"%s", record_id.encode()), [recipient])
    )
    vault.close()
    reopened = Vault.open(vault_path, PASSPHRASE)
    try:
        problems = [(p.path, p.error.code) for p in reopened.load_problems]
        assert (f"records/{record_id}.age", "record-file-invalid") in problems
    finally:
        reopened.close()


# -- entry models ------------------------------------------------------------------------------

MODELS: list[type[Model]] = [*CANCER_MODELS.values(), *CARE_MODELS.values()]


def _field_names(model: type[Model]) -> list[str]:
    return [f.name for f in dataclasses.fields(model) if f.name != "extra"]


#: what a form or a stored record may hold: JSON values, and form-like text (dates, numbers)
_FIELD_VALUES = json_values | st.sampled_from(
    [
        "",
        " ",
        "2024-03-01",
        "2024-02-30",
        "1899-12-31",
        "12:30",
        "25:00",
        "45%",
        "1,5",
        "-1",
        "NaN",
        "inf",
        "7",
    ]
)


@st.composite
def _entry_data(draw: st.DrawFn) -> tuple[type[Model], dict[str, Any]]:
    model = draw(st.sampled_from(MODELS))
    names = _field_names(model)
    data = draw(st.dictionaries(st.sampled_from(names), _FIELD_VALUES, max_size=len(names)))
    data.update(draw(st.dictionaries(st.text(max_size=6), json_values, max_size=2)))
    return model, data


def _known(model: Model) -> dict[str, Any]:
    return {name: getattr(model, name) for name in _field_names(type(model))}


@FUZZ
@given(_entry_data())
@example((CANCER_MODELS["lab-value"], {"date": "", "test": "", "value": []}))
@example((CANCER_MODELS["lab-value"], {"date": "", "test": "25:00", "value": ""}))
@example((CANCER_MODELS["medication"], {"name": None}))
@example((CANCER_MODELS["treatment-line"], {"drugs": None}))
@example((CANCER_MODELS["biopsy"], {"site": []}))
@example((CANCER_MODELS["diagnosis"], {"first_diagnosis": []}))
@example((CARE_MODELS["care-priorities"], {"answers": ""}))
@bounded
def test_an_entry_as_stored_can_be_listed_and_validated(case: tuple[type[Model], dict[str, Any]]) -> None:
    """What EntryStore.load and the sections do with a record's data, whoever wrote it."""
    model_type, data = case
    model = model_type.from_data(data)
    types = typing.get_type_hints(model_type)
    for name, value in _known(model).items():
        assert _fits(value, types[name]), f"{model_type.__name__}.{name} = {value!r}"
    assert _same_json(model_type.from_data(model.to_data()).to_data(), model.to_data())
    assert isinstance(model.title(), str)
    assert model.sort_date() is None or isinstance(model.sort_date(), str)
    try:
        model.validate()
    except FieldError:
        return
    again = model_type.from_data(model.to_data())
    again.validate()
    assert _same_json(again.to_data(), model.to_data()), "validating twice changed the entry"


@FUZZ
@given(_entry_data())
@bounded
def test_form_input_validates_or_raises_a_field_error_and_is_stored_as_read(
    case: tuple[type[Model], dict[str, Any]],
) -> None:
    """What a form or the CSV import gives (numbers still as text), then validate(), then the record."""
    model_type, data = case
    model = model_type.from_form(data)
    try:
        model.validate()
    except FieldError:
        return
    json.dumps(_known(model), allow_nan=False)  # what validate() lets through is plain JSON
    assert isinstance(model.title(), str)
    stored = model_type.from_data(model.to_data())
    assert _same_json(_known(stored), _known(model)), "a validated entry does not read back as saved"


def test_the_type_check_of_this_harness_can_fail() -> None:
    assert not _fits("5", RECORD_TYPES["size"])
    assert not _fits(True, RECORD_TYPES["revision"])
    assert not _fits(["a", 1], RECORD_TYPES["tags"])
    assert not _fits({"id": "a"}, RECORD_TYPES["document"])
    assert _fits(None, RECORD_TYPES["document"]) and _fits(DocumentRef("a", "b"), RECORD_TYPES["document"])
    assert not math.isnan(1.0)
