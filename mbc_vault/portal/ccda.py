"""The C-CDA R1.1/R2.1 reader: a ClinicalDocument (CCD, discharge summary, operative note, imaging
report, consultation note...) or a bare <section>, read into a `PortalRead` of the same Found shapes as
the FHIR reader's, so the review and the saving take both alike. Core only: nothing is saved.

Sections are known by their LOINC code, then by templateId. Medications, allergies, problems,
procedures, results, immunizations and encounters give entries; vital signs are left out (they are
not lab values) with a problem line, their narrative kept; every other section (social history,
advance directives, insurance, plan of care...) and every section without coded entries is kept as a
"note" (its narrative text), never dropped silently; results found only as a table are read from it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

from ..errors import Cancelled, InputFileError
from . import ccda_entries, codes
from .ccda_entries import Context, templates
from .ccda_parts import Narrative, attr, child, kids, ts_date, words
from .ccda_text import narrative_text, table_results
from .deadline import within
from .model import Found, PortalRead
from .xmlsafe import parse_xml

CDA_NAMESPACE = "urn:hl7-org:v3"
CANCEL_EVERY = 200
SECTION_CODES = {
    "48765-2": "allergies",
    "10160-0": "medications",
    "10183-2": "medications",  # hospital discharge medications
    "75311-1": "medications",  # discharge medications
    "11450-4": "problems",
    "11348-0": "problems",  # past medical history
    "47519-4": "procedures",
    "30954-2": "results",
    "11369-6": "immunizations",
    "8716-3": "vitals",
    "46240-8": "encounters",
}
_T = "2.16.840.1.113883.10.20.22.2."
SECTION_TEMPLATES = {
    **dict.fromkeys((_T + "6", _T + "6.1"), "allergies"),
    **dict.fromkeys((_T + "1", _T + "1.1", _T + "11", _T + "11.1"), "medications"),
    **dict.fromkeys((_T + "5", _T + "5.1", _T + "20"), "problems"),
    **dict.fromkeys((_T + "7", _T + "7.1"), "procedures"),
    **dict.fromkeys((_T + "3", _T + "3.1"), "results"),
    **dict.fromkeys((_T + "2", _T + "2.1"), "immunizations"),
    **dict.fromkeys((_T + "4", _T + "4.1"), "vitals"),
    **dict.fromkeys((_T + "22", _T + "22.1"), "encounters"),
}
SECTION_NAMES = {
    "allergies": "Allergies",
    "medications": "Medications",
    "problems": "Problems",
    "procedures": "Procedures",
    "results": "Results",
    "immunizations": "Immunizations",
    "vitals": "Vital signs",
    "encounters": "Encounters",
}


def section_kind(section: ET.Element) -> str:
    """What a section holds ("medications", "results"...), or "" for one kept as narrative."""
    code = child(section, "code")
    kind = SECTION_CODES.get((code.get("code") or "").strip()) if code is not None else None
    if kind:
        return kind
    return next((SECTION_TEMPLATES[t] for t in templates(section) if t in SECTION_TEMPLATES), "")


def _title(element: ET.Element | None) -> str:
    return words("".join(element.itertext())) if element is not None else ""


def _patient(root: ET.Element, read: PortalRead) -> list[Found]:
    patient = child(root, "recordTarget", "patientRole", "patient")
    if patient is None:
        return []
    name = child(patient, "name")
    parts = [] if name is None else [words(n.text) for n in name if n.tag in ("given", "family")]
    full = " ".join(p for p in parts if p) or (_title(name) if name is not None else "")
    birth = child(patient, "birthTime")
    dob = ts_date(birth.get("value"), read) if birth is not None else None
    if not full and not dob:
        return []
    data = {"name": full, "date_of_birth": dob}
    return [Found("patient-details", data, codes.key("patient-details", full, dob), full, "recordTarget")]


def _note(title: str, text: str, origin: str) -> Found:
    data = {"title": title, "text": text}
    return Found("note", data, codes.key("note", title, text[:200]), title, origin)


def _section(section: ET.Element, ctx: Context, read: PortalRead) -> None:
    kind = section_kind(section)
    ctx.section = _title(child(section, "title")) or SECTION_NAMES.get(kind, "Section")
    entries = [e for e in kids(section, "entry") if not e.get("nullFlavor")]
    text_element = child(section, "text")
    text = narrative_text(text_element)
    reader = ccda_entries.READERS.get(kind)
    if reader is not None and entries:
        for number, entry in enumerate(entries):
            if number % CANCEL_EVERY == CANCEL_EVERY - 1 and ctx.cancel():
                raise Cancelled("portal-read-cancelled", name=read.name)
            read.found.extend(reader(entry, ctx))
        return
    if kind == "vitals" and entries:
        vitals = sum(
            1 for entry in entries for o in entry.iter("observation") if child(o, "value") is not None
        )
        read.problem("portal-vitals-left-out", vitals)
    elif kind == "results":
        rows = table_results(text_element, read.date, ctx.section)
        if rows:
            read.found.extend(rows)
            read.problem("portal-results-from-table", len(rows), section=ctx.section)
            return
    if text:
        read.found.append(_note(ctx.section, text, ctx.section))
        read.problem("portal-narrative-kept")


def read_ccda(data: bytes, name: str, cancel: Callable[[], bool] | None = None) -> PortalRead:
    """Read a C-CDA document (*name* only names it in sentences) into a PortalRead; a file that is
    not safe, not well-formed, too large, too slow to read (deadline.py) or not a CDA document is
    refused with one InputFileError sentence; Cancelled when *cancel* says so."""
    check = within(name, cancel)
    root, namespace, replaced = parse_xml(data, name, check)
    if root.tag not in ("ClinicalDocument", "section"):
        raise InputFileError("portal-not-ccda", name=name)
    read = PortalRead(name=name, format="ccda", original=data, media_type="application/xml")
    if namespace != CDA_NAMESPACE:
        read.problem("portal-no-namespace")
    if replaced:
        read.problem("portal-encoding-repaired", replaced)
    ctx = Context(read, Narrative(root), "", check)
    read.title = _title(child(root, "title"))
    sections = list(root.iter("section"))  # a bare section is one itself
    if root.tag == "ClinicalDocument":
        if child(root, "component") is None:
            raise InputFileError("portal-ccda-empty", name=name)
        when = child(root, "effectiveTime")
        read.date = ts_date(when.get("value"), read) if when is not None else None
        read.found.extend(_patient(root, read))
        body = child(root, "component", "nonXMLBody")
        if not sections and body is not None:
            kind = attr(child(body, "text"), "mediaType")
            text = f"The body of this document is a file ({kind or 'not structured'}); it is kept as stored."
            read.found.append(_note(read.title or "Document", text, "nonXMLBody"))
    for section in sections:
        if ctx.cancel():
            raise Cancelled("portal-read-cancelled", name=name)
        if not section.get("nullFlavor"):
            _section(section, ctx, read)
    return read
