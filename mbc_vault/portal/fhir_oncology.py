"""FHIR for the cancer itself: Observations (receptor results and other biomarkers of a biopsy, lab
values and tumor markers), the breast cancer's Condition as the diagnosis, and secondary cancer
Conditions as sites of metastasis."""

from __future__ import annotations

import re

from ..cancer import vocab as cancer_vocab
from . import codes
from . import fhir_dates as when
from .fhir_dates import Notes
from .fhir_values import (
    Json,
    as_dict,
    concept_of,
    display_of,
    labelled,
    make_found,
    note_lines,
    site_of,
    vocab_key,
)
from .model import Found, PortalRead


def observation(res: Json, by_ref: dict[str, Json], read: PortalRead, origin: str) -> list[Found]:
    code, name = concept_of(res.get("code"))
    receptor = codes.receptor_of(code, name)
    quantity = res.get("valueQuantity")
    concept = concept_of(res.get("valueCodeableConcept"))[1] or str(res.get("valueString") or "")
    other: Json | None = None if receptor else codes.other_biomarker_of(name, concept)
    if not (receptor or other) and (not isinstance(quantity, dict) or quantity.get("value") is None):
        read.problem("portal-no-value")  # before its dates are read: they are not counted
        return []
    notes: Notes = []
    specimen = by_ref.get(str((res.get("specimen") or {}).get("reference") or ""), {})
    collection = as_dict(specimen.get("collection"))
    day = when.choice(collection, "collected", "Date", notes)[0] if receptor or other or specimen else None
    day = day or when.choice(res, "effective", "Date", notes)[0]
    day = day or when.day(res.get("issued"), "Date", notes)
    site, site_other = site_of(display_of(collection.get("bodySite")), cancer_vocab.BIOPSY_SITES)
    where = {"site": site, "site_other": site_other} if site else {}
    if receptor:
        data = receptor_fields(receptor, quantity, concept, res)
        if data:
            data.update(date=day, **where)
            key = codes.key("biomarker", receptor, day)
            return [make_found("biomarker", data, key, name, origin, notes, read)]
    if not other and concept and "biopsy" in codes.plain(display_of(specimen.get("type"))):
        other = {"others": [{"name": name, "result": concept}]}  # any other result of a biopsy, as words
    if other:  # PIK3CA, ESR1, BRCA... as words (MBC Vault's IPS export writes them so)
        key = codes.key("biomarker", name, day)
        return [make_found("biomarker", {**other, "date": day, **where}, key, name, origin, notes, read)]
    if not isinstance(quantity, dict) or quantity.get("value") is None:
        read.problem("portal-no-value")
        return []
    value = float(quantity["value"])
    test = codes.marker_of(code, name) or name
    performers = [display_of(p) for p in res.get("performer") or []]
    data = {
        "date": day,
        "test": test,
        "value": value,
        "unit": str(quantity.get("unit") or quantity.get("code") or ""),
    }
    if any(performers):
        data["lab"] = next(p for p in performers if p)
    label = f"{test}: {value:g} {data['unit']}, {day or ''}".strip(", ")
    key = codes.key("lab-value", code or test, day, value)
    return [make_found("lab-value", data, key, label, origin, notes, read)]


def _status(words: str) -> str:
    words = codes.plain(words)
    if "low" in words:
        return "low"
    if "neg" in words or "not detected" in words:
        return "negative"
    return "positive" if "pos" in words or "detected" in words else ""


def receptor_fields(receptor: str, quantity: object, concept: str, res: Json) -> Json:
    percent = quantity.get("value") if isinstance(quantity, dict) else None
    for part in res.get("component") or []:
        if isinstance(part, dict) and isinstance(part.get("valueQuantity"), dict):
            percent = percent if percent is not None else part["valueQuantity"].get("value")
    words = codes.plain(concept)
    if receptor in ("er", "pr"):
        data: Json = {}
        status = _status(words) or ("positive" if isinstance(percent, (int, float)) and percent >= 1 else "")
        if status:
            data[f"{receptor}_status"] = status
        if isinstance(percent, (int, float)):
            data[f"{receptor}_percent"] = percent
        return data
    if receptor == "ki67":
        return {"ki67_percent": percent} if isinstance(percent, (int, float)) else {}
    match = re.search(r"\b([0-3])\s*\+?", words)
    if (
        receptor in ("her2", "her2-ihc")
        and match
        and ("ihc" in words or "+" in words or receptor == "her2-ihc")
    ):
        score = match.group(1)
        return {"her2_ihc": "0" if score == "0" else score + "+"}
    if "not amplified" in words or "non-amplified" in words or "negative" in words:
        return {"her2_ish": "not-amplified"}
    if "amplified" in words or "positive" in words:
        return {"her2_ish": "amplified"}
    return {}


def is_metastasis(code: str, name: str) -> bool:
    """Whether a Condition is a site of metastasis (mCODE's secondary cancer condition, or so named)."""
    words = codes.plain(name)
    return code == codes.SECONDARY_CANCER_SNOMED or (
        "secondary malignant" in words and not codes.is_breast_cancer(code, name)
    )


def metastasis(res: Json, name: str, onset: str | None, origin: str, notes: Notes, read: PortalRead) -> Found:
    said = ", ".join(concept_of(b)[1] for b in res.get("bodySite") or [] if concept_of(b)[1])
    if not said:  # "Secondary malignant neoplasm of liver"
        said = name.rsplit(" of ", 1)[1] if " of " in name else name
    site, site_other = site_of(said, cancer_vocab.METASTASIS_SITES)
    found_by, lines = labelled(note_lines(res), "Found by")
    notes.extend(("", line) for line in lines)
    data = {"site": site, "site_other": site_other, "date_found": onset, "found_by": found_by}
    key = codes.key("metastasis", site_other or site, onset)
    return make_found("metastasis", data, key, site_other or site, origin, notes, read)


#: how MBC Vault's IPS export names a histology without a code of its own: "...breast: Mucinous"
NAMED_HISTOLOGY = "Malignant neoplasm of breast: "


def cancer_fields(res: Json, code: str, name: str) -> Json:
    """The diagnosis's fields besides its first date that the cancer's Condition gives: the histology
    (by SNOMED CT code, or named after a colon as MBC Vault's IPS export writes one without a code), the
    metastatic diagnosis from the stage summary ("Metastatic (stage IV) since 2024-05-02"), and the
    presentation from the notes."""
    data: Json = {}
    histology = {"408643008": "ductal", "278054005": "lobular"}.get(code, "")
    if not histology and name.startswith(NAMED_HISTOLOGY):
        named = name.removeprefix(NAMED_HISTOLOGY).strip()
        histology = vocab_key(named, cancer_vocab.HISTOLOGIES) or "other"
        if histology == "other":
            data["histology_other"] = named
    if histology:
        data["histology"] = histology
    for stage in res.get("stage") or []:
        found = re.search(r"since (\d{4}-\d{2}-\d{2})", display_of(as_dict(stage).get("summary")))
        if found:
            data["metastatic_diagnosis"] = found.group(1)
            break
    said = codes.plain(" ".join(note_lines(res)))
    if said.startswith("recurrence, metastatic"):
        data["presentation"] = "recurrence"
    elif said.startswith("de novo metastatic"):
        data["presentation"] = "de-novo"
    return data
