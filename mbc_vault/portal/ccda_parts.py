"""The small readings every C-CDA entry needs, tolerant of what vendors send: HL7 timestamps of any
precision, codes with a nullFlavor or no code at all (the displayName, the originalText, the narrative
it points to), quantities with free-text units, and the narrative text of `<reference value="#id">`.

Elements come from xmlsafe.parse_xml: local names only, so no namespace is ever needed here."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from .model import PortalRead

_TS = re.compile(r"^\s*(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?\s*(?:[+-]\d{1,4})?\s*$")


def child(element: ET.Element | None, *path: str) -> ET.Element | None:
    """The first element down *path* (local names), or None."""
    for name in path:
        if element is None:
            return None
        element = element.find(name)
    return element


def kids(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [] if element is None else element.findall(name)


def words(text: str | None) -> str:
    """*text* with its white space collapsed."""
    return re.sub(r"\s+", " ", text or "").strip()


def attr(element: ET.Element | None, name: str) -> str:
    """An attribute of an element that may be missing ("" then)."""
    return "" if element is None else element.get(name) or ""


def all_words(element: ET.Element | None) -> str:
    """Every word inside an element that may be missing."""
    return "" if element is None else words("".join(element.itertext()))


def has_null(element: ET.Element | None) -> bool:
    return element is None or bool(element.get("nullFlavor"))


def ts_date(value: str | None, read: PortalRead) -> str | None:
    """YYYY-MM-DD from an HL7 TS (YYYY, YYYYMM, YYYYMMDD, hours to fractional seconds, any +/-ZZZZ
    offset: the date as written, where it happened). A year or a month alone gives its first day and
    counts a portal-partial-date problem; a value that is no date counts portal-bad-date."""
    if not value or not value.strip():
        return None
    match = _TS.match(value)
    if match is None:
        read.problem("portal-bad-date")
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        read.problem("portal-bad-date")
        return None
    if match.group(3) is None:
        read.problem("portal-partial-date")
    return date.isoformat()


def ts_time(value: str | None) -> str:
    """HH:MM of an HL7 TS that gives hours and minutes (the time as written, where it happened), else ""."""
    match = _TS.match(value or "")
    if match is None or match.group(5) is None or int(match.group(4)) > 23 or int(match.group(5)) > 59:
        return ""
    return f"{match.group(4)}:{match.group(5)}"


def person_name(element: ET.Element | None) -> str:
    """A PN as words: its prefix, given and family names in order ("Dr. Henry Seven"), or its text."""
    if element is None:
        return ""
    parts = [words(part.text) for part in element if part.tag in ("prefix", "given", "family", "suffix")]
    return " ".join(p for p in parts if p) or all_words(element)


def time_range(element: ET.Element | None, read: PortalRead) -> tuple[str | None, str | None]:
    """(start, stop) of an effectiveTime: its value, or its low/center and high; nullFlavor is none."""
    if element is None or element.get("nullFlavor"):
        return None, None
    if element.get("value"):
        return ts_date(element.get("value"), read), None
    low = child(element, "low") if child(element, "low") is not None else child(element, "center")
    high = child(element, "high")
    start = ts_date(low.get("value"), read) if low is not None else None
    stop = ts_date(high.get("value"), read) if high is not None else None
    return start, stop


def first_time(elements: list[ET.Element], read: PortalRead) -> tuple[str | None, str | None]:
    """The first effectiveTime that is a range or a date (a medication has a PIVL_TS schedule too)."""
    for element in elements:
        kind = (element.get("type") or "").upper()
        if kind in ("PIVL_TS", "EIVL_TS", "SXPR_TS"):
            continue
        start, stop = time_range(element, read)
        if start or stop:
            return start, stop
    return None, None


class Narrative:
    """The section texts a document's entries point to (`<reference value="#id">`), by ID."""

    def __init__(self, root: ET.Element) -> None:
        self.by_id: dict[str, ET.Element] = {}
        for element in root.iter():
            ident = element.get("ID")
            if ident:
                self.by_id.setdefault(ident, element)

    def text_of(self, element: ET.Element | None) -> str:
        """The words of an originalText or text element: its reference resolved, else its own text."""
        if element is None:
            return ""
        reference = child(element, "reference")
        if reference is not None:
            target = self.by_id.get((reference.get("value") or "").lstrip("#"))
            if target is not None:
                return words("".join(target.itertext()))
        return words("".join(t for t in element.itertext()))


def concept(element: ET.Element | None, narrative: Narrative) -> tuple[str, str]:
    """(code, name) of a CD/CE: the code unless a nullFlavor; the name from the displayName, the
    originalText (its narrative reference resolved) or a translation's displayName."""
    if element is None:
        return "", ""
    code = "" if element.get("nullFlavor") else (element.get("code") or "").strip()
    name = words(element.get("displayName"))
    name = name or narrative.text_of(child(element, "originalText"))
    for translation in kids(element, "translation"):
        code = code or ("" if translation.get("nullFlavor") else translation.get("code") or "")
        name = name or words(translation.get("displayName"))
    if not name and (element.text or "").strip() and not list(element):
        name = words(element.text)  # an ST or an SC where a code was expected
    return code, name


def quantity(element: ET.Element | None) -> tuple[float | None, str]:
    """(number, unit) of a PQ, or of any value with a numeric value attribute (an unknown xsi:type);
    an IVL_PQ gives its low (or high) bound; a nullFlavor gives (None, "")."""
    if element is None or element.get("nullFlavor"):
        return None, ""
    raw = element.get("value")
    if raw is None:
        for bound in ("low", "high", "center"):
            part = child(element, bound)
            if part is not None and part.get("value") is not None:
                return quantity(part)
        raw = (element.text or "").strip() if not list(element) else None
    if raw is None:
        return None, ""
    match = re.match(r"^\s*[<>=~]*\s*(-?\d+(?:[.,]\d+)?)", raw)
    if match is None:
        return None, ""
    unit = words(element.get("unit"))
    return float(match.group(1).replace(",", ".")), unit
