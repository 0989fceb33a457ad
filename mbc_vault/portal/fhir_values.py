"""The FHIR reader's small parts: a resource's values read without trusting their shape (a concept's
code and name, a Reference's display, notes' lines, quantities), and `make_found`, which makes the Found
of an entry with the problems its dates had. Used by fhir.py, fhir_medications.py and fhir_oncology.py."""

from __future__ import annotations

from typing import Any

from . import codes
from .fhir_dates import Notes
from .model import Found, PortalRead

Json = dict[str, Any]


def as_dict(value: object) -> Json:
    return value if isinstance(value, dict) else {}


def concept_of(value: object) -> tuple[str, str]:
    """(code, name) of a CodeableConcept: the first coding's code, then its text or a display."""
    if not isinstance(value, dict):
        return "", ""
    code, name = "", str(value.get("text") or "")
    for coding in value.get("coding") or []:
        if isinstance(coding, dict):
            code = code or str(coding.get("code") or "")
            name = name or str(coding.get("display") or "")
    return code, name.strip()


def coding_codes(value: object) -> set[str]:
    if not isinstance(value, dict):
        return set()
    return {str(c.get("code") or "") for c in value.get("coding") or [] if isinstance(c, dict)}


def note_lines(res: Json) -> list[str]:
    """The lines of a resource's notes (Annotation.text), in order."""
    return [
        line.strip()
        for note in res.get("note") or []
        if isinstance(note, dict)
        for line in str(note.get("text") or "").splitlines()
        if line.strip()
    ]


def labelled(lines: list[str], label: str) -> tuple[str, list[str]]:
    """The words after "*label*: " on the first such line (as MBC Vault's IPS export writes a field the
    resource has no element for), and the other lines."""
    for number, line in enumerate(lines):
        if line.casefold().startswith(label.casefold() + ":"):
            return line[len(label) + 1 :].strip(), lines[:number] + lines[number + 1 :]
    return "", lines


def display_of(value: object) -> str:
    """The display of a Reference (or the text of a CodeableConcept), "" when it has none."""
    if not isinstance(value, dict):
        return ""
    return str(value.get("display") or value.get("text") or "").strip()


def vocab_key(words: str, vocabulary: dict[str, str]) -> str:
    """The code of *vocabulary* that *words* are (the code itself or its English label), or ""."""
    wanted = codes.plain(words)
    for code, label in vocabulary.items():
        if wanted and wanted in (codes.plain(code), codes.plain(label)):
            return code
    return ""


def site_of(words: str, vocabulary: dict[str, str]) -> tuple[str, str]:
    """(site, site_other) of a body site given as words: a site of *vocabulary*, or "other" and the words."""
    words = words.strip()
    if not words:
        return "", ""
    code = vocab_key(words, vocabulary)
    return (code, "") if code and code != "other" else ("other", words)


#: kinds whose entry has a notes field: what the reader could not take in whole is written there (for
#: the others in the notes of the entry's record)
NOTES_FIELD = ("allergy", "condition", "procedure", "radiation", "immunization", "visit")


#: text fields that a file seldom gives, left out of the data when empty
OPTIONAL_TEXT = ("notes", "place", "surgeon", "lymph_nodes_other", "intent", "technique", "dose_number")


def make_found(
    kind: str, data: Json, key: str, label: str, origin: str, notes: Notes, read: PortalRead
) -> Found:
    """The Found, with *notes* ((problem code, text) pairs from Dates) counted on *read* and written in
    the entry's notes field, or its record's notes."""
    for code, _ in notes:
        if code:
            read.problem(code)
    text = "\n".join(line for _, line in notes)
    if kind in NOTES_FIELD and text:
        data["notes"] = "\n".join(n for n in (str(data.get("notes") or ""), text) if n)
        text = ""
    for field in OPTIONAL_TEXT:  # what the file does not say stays the entry's default
        if data.get(field) == "":
            del data[field]
    return Found(kind, data, key, label, origin, notes=text)


def number_text(value: object) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def quantity_text(value: object) -> str:
    """ "2.5 mg" from a FHIR Quantity, "" when it has no value."""
    if not isinstance(value, dict) or value.get("value") is None:
        return ""
    return f"{number_text(value['value'])} {value.get('unit') or value.get('code') or ''}".strip()


def first_display(references: object, *path: str) -> str:
    """The first display of a list of objects holding a Reference down *path* ("location",
    "individual"): the name of a place or a person as the file gives it."""
    for each in references if isinstance(references, list) else []:
        value: object = each
        for name in path:
            value = as_dict(value).get(name)
        display = str(as_dict(value).get("display") or "").strip()
        if display:
            return display
    return ""
