"""The review before saving: what a portal import would create, kind by kind, with what is already in
the vault marked as a duplicate and left unticked. Reads the vault, writes nothing (save.py writes).

A thing found is a duplicate when an entry of the vault has the same key: the key a portal import
stored with it (data["source"]["key"]) or the key of its own fields (`natural_key`: the same test, date
and value; the same medication and start date; the same regimen and start date...). A diagnosis or the
patient's details already recorded are never overwritten: a second one is not proposed.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..cancer.models import MODELS as CANCER_MODELS
from ..categories import ENTRY_KINDS
from ..entry_model import Model
from ..errors import FieldError, VaultError
from ..history.models import MODELS as HISTORY_MODELS
from ..vault import Vault
from . import codes
from .model import Found, PortalRead, Problem

MODELS: dict[str, type[Model]] = {**CANCER_MODELS, **HISTORY_MODELS}
#: kinds an earlier version imported that are kept as they are (no migration): the key each imported
#: entry stored, under the kind that now holds the same things (visits were care-part appointments)
LEGACY_KINDS = {"appointment": "visit"}
#: kinds of which the vault keeps one: a portal file proposes one only when none is recorded
SINGLE_KINDS = ("diagnosis", "patient-details")
_RECEPTOR_FIELDS = (
    "er_status",
    "er_percent",
    "pr_status",
    "pr_percent",
    "her2_ihc",
    "her2_ish",
    "ki67_percent",
)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def natural_key(kind: str, data: dict[str, Any]) -> str:
    """The key of an entry's own fields: what makes a typed entry the same as an imported one."""
    get = data.get
    if kind == "lab-value":
        value = get("value")
        try:
            value = float(str(value).replace(",", "."))
        except ValueError:
            pass
        return codes.key(kind, _text(get("test")), _text(get("date")), value)
    if kind == "medication":
        return codes.key(kind, _text(get("name")), _text(get("start")))
    if kind == "treatment-line":
        drugs = get("drugs")
        regimen = " + ".join(map(_text, drugs)) if isinstance(drugs, list) else _text(drugs)
        return codes.key(kind, regimen, _text(get("start")))
    if kind == "biopsy":
        return codes.key(kind, _text(get("date")), *(_text(get(f)) for f in _RECEPTOR_FIELDS))
    if kind == "allergy":
        return codes.key(kind, "none" if get("no_known") else _text(get("substance")))
    if kind == "condition":
        return codes.key(kind, _text(get("name")))
    if kind in ("procedure", "immunization"):
        return codes.key(kind, _text(get("name") or get("vaccine")), _text(get("date")))
    if kind == "radiation":
        return codes.key(kind, _text(get("site")), _text(get("start")))
    if kind == "visit":
        return codes.key(kind, _text(get("date")), _text(get("visit_type") or get("reason")))
    return codes.key(kind, *(f"{k}={_text(v)}" for k, v in sorted(data.items()) if k != "source"))


@dataclass
class Proposed:
    """One entry the import would create: *kind* and *data* as the model stores them after
    validate(); *duplicate* when the vault has it already; *chosen* is the tick in the review."""

    kind: str
    data: dict[str, Any]
    title: str
    key: str
    read: int  # the index of its PortalRead in the plan
    origin: str = ""
    notes: str = ""
    duplicate: bool = False
    optional: bool = False
    chosen: bool = True


@dataclass
class ImportPlan:
    """What an import of some portal files would do, to show before anything is written."""

    reads: list[PortalRead]
    items: list[Proposed] = field(default_factory=list)
    #: narrative-only sections kept as text on the stored document: (read index, title, text)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    #: files that could not be read: (file name, the error)
    failed: list[tuple[str, VaultError]] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """kind -> {"new": n, "duplicate": n, "chosen": n}, kinds in the order first found."""
        out: dict[str, dict[str, int]] = {}
        for item in self.items:
            row = out.setdefault(item.kind, {"new": 0, "duplicate": 0, "chosen": 0})
            row["duplicate" if item.duplicate else "new"] += 1
            row["chosen"] += item.chosen
        return out

    def problems(self) -> list[tuple[str, Problem]]:
        """Every problem met, with the name of the file it was met in."""
        return [(read.name, problem) for read in self.reads for problem in read.problems]

    def choose_kind(self, kind: str, chosen: bool) -> None:
        """Tick or untick every new entry of *kind* (duplicates stay unticked)."""
        for item in self.items:
            if item.kind == kind and not item.duplicate:
                item.chosen = chosen

    def nothing_new(self) -> bool:
        return not any(not item.duplicate for item in self.items) and not self.notes


def _existing_keys(vault: Vault) -> tuple[set[str], set[str]]:
    """The keys of the entries the person may see, and the single kinds already recorded. An entry a
    former version imported as another kind (LEGACY_KINDS) gives its stored key as the new kind's:
    importing the file again adds nothing."""
    keys: set[str] = set()
    singles: set[str] = set()
    for old, new in LEGACY_KINDS.items():
        try:
            records = vault.entries(old)
        except Exception:  # noqa: BLE001 - a part the person may not read has no entries for them
            continue
        for record in records:
            source = record.data.get("source") if isinstance(record.data, dict) else None
            key = source.get("key") if isinstance(source, dict) else None
            if isinstance(key, str) and key.startswith(f"{old}|"):
                keys.add(new + key[len(old) :])
    for kind in MODELS:
        try:
            records = vault.entries(kind)
        except Exception:  # noqa: BLE001 - a part the person may not read has no entries for them
            continue
        for record in records:
            data = record.data if isinstance(record.data, dict) else {}
            source = data.get("source")
            if isinstance(source, dict) and isinstance(source.get("key"), str):
                keys.add(source["key"])
            keys.add(natural_key(kind, data))
            if kind in SINGLE_KINDS:
                singles.add(kind)
    return keys, singles


def _biopsies(read: PortalRead, index: int) -> list[Found]:
    """The biomarkers of one file joined into one biopsy a date (the site as "other": the person
    says which biopsy it was)."""
    by_date: dict[str, dict[str, Any]] = {}
    origins: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    for found in read.found:
        if found.kind != "biomarker":
            continue
        date = _text(found.data.get("date"))
        joined = by_date.setdefault(date, {"date": date or None, "site": "other", "site_other": "Not stated"})
        for name, value in found.data.items():
            if name == "others" and isinstance(value, list):  # results of other tests: each kept
                joined.setdefault("others", []).extend(value)
            elif name != "date" and value not in (None, ""):
                joined[name] = value
        if joined["site"] != "other" and joined["site_other"] == "Not stated":
            joined["site_other"] = ""  # the site was said
        origins.setdefault(date, []).append(found.origin)
        if found.notes and found.notes not in notes.setdefault(date, []):
            notes[date].append(found.notes)
    return [
        Found(
            "biopsy",
            data,
            codes.key("biopsy", date, *(_text(data.get(f)) for f in _RECEPTOR_FIELDS)),
            f"Biomarkers, {date}" if date else "Biomarkers",
            origin=", ".join(o for o in origins[date] if o)[:200],
            notes="\n".join(notes.get(date, [])),
        )
        for date, data in by_date.items()
    ]


def plan_import(
    vault: Vault, reads: list[PortalRead], failed: list[tuple[str, VaultError]] | None = None
) -> ImportPlan:
    """The review of *reads*: every thing found validated as its entry, duplicates marked."""
    plan = ImportPlan(reads=list(reads), failed=list(failed or []))
    keys, singles = _existing_keys(vault)
    for index, read in enumerate(plan.reads):
        invalid: Counter[str] = Counter()
        # a file already stored keeps its notes (narrative sections) on it: they are not new
        stored = bool(read.original) and vault.find_by_sha256(hashlib.sha256(read.original).hexdigest())
        things = [f for f in read.found if f.kind != "biomarker"] + _biopsies(read, index)
        for found in things:
            if found.kind == "note":
                if not stored:
                    plan.notes.append((index, _text(found.data.get("title")), _text(found.data.get("text"))))
                continue
            model_type = MODELS.get(found.kind)
            if model_type is None:
                invalid[found.kind] += 1
                continue
            model = model_type.from_form(dict(found.data))
            try:
                model.validate()
            except FieldError:
                invalid[found.kind] += 1
                continue
            data = {k: v for k, v in model.to_data().items() if k != "source"}
            own = natural_key(found.kind, data)
            duplicate = (
                found.key in keys or own in keys or (found.kind in SINGLE_KINDS and found.kind in singles)
            )
            keys.update((found.key, own))
            if found.kind in SINGLE_KINDS:
                singles.add(found.kind)
            plan.items.append(
                Proposed(
                    kind=found.kind,
                    data=data,
                    title=model.title(),
                    key=found.key,
                    read=index,
                    origin=found.origin,
                    notes=found.notes,
                    duplicate=duplicate,
                    optional=found.optional,
                    chosen=not duplicate and not found.optional,
                )
            )
        for kind, count in invalid.items():
            read.problem("portal-entries-not-valid", count, kind=ENTRY_KINDS[kind][1])  # its English name
    return plan
