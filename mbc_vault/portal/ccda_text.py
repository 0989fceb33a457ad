"""A C-CDA section's narrative (its <text>, an XHTML-like block) as plain lines for a note, and the
results of a section that has them only as a table (test / value / unit / date columns)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from . import codes
from .ccda_parts import words
from .model import Found

_BLOCKS = {"paragraph", "tr", "item", "caption", "br", "list", "table", "thead", "tbody", "tfoot"}
_CELLS = {"td", "th"}
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%m/%d/%Y",
    "%m/%d/%y",
    "%Y%m%d",
    "%d %b %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
)


def narrative_text(element: ET.Element | None) -> str:
    """The words of a narrative block, a line for each paragraph, list item and table row (cells
    joined by " | "), blank lines dropped."""
    if element is None:
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = words(" ".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(node: ET.Element) -> None:
        if node.tag in _BLOCKS:
            flush()
        if node.tag == "tr":
            cells = [words("".join(c.itertext())) for c in node if c.tag in _CELLS]
            current.append(" | ".join(cells))
            flush()
        else:
            if node.text:
                current.append(node.text)
            for sub in node:
                walk(sub)
                if sub.tail:
                    current.append(sub.tail)
        if node.tag in _BLOCKS:
            flush()

    walk(element)
    flush()
    return "\n".join(lines)


def table_date(text: str) -> str | None:
    """YYYY-MM-DD from a date as a table shows it (2019-03-01, 03/01/2019, Mar 1, 2019...), or None."""
    text = words(text)
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    if match:
        text = match.group(1)
    else:
        text = re.split(r"\s+\d{1,2}:\d{2}", text)[0]
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(codes.plain(c) for c in header):
        if "name" not in found and any(
            w in cell for w in ("test", "name", "component", "description", "analyte")
        ):
            found["name"] = index
        elif "unit" not in found and "unit" in cell:
            found["unit"] = index
        elif "date" not in found and any(w in cell for w in ("date", "time", "collected")):
            found["date"] = index
        elif "value" not in found and any(w in cell for w in ("value", "result")):
            found["value"] = index
    return found


def table_results(text: ET.Element | None, fallback_date: str | None, origin: str) -> list[Found]:
    """Lab values read from the tables of a narrative block whose header names a test and a value
    column; rows without a number are skipped. Empty when no table fits."""
    out: list[Found] = []
    for table in [] if text is None else text.iter("table"):
        rows = list(table.iter("tr"))
        if not rows:
            continue
        header = [words("".join(c.itertext())) for c in rows[0] if c.tag in _CELLS]
        columns = _columns(header)
        if "name" not in columns or "value" not in columns:
            continue
        for row in rows[1:]:
            cells = [words("".join(c.itertext())) for c in row if c.tag in _CELLS]
            if len(cells) <= max(columns.values()):
                continue
            match = re.match(r"^\s*[<>=~]*\s*(-?\d+(?:[.,]\d+)?)\s*(.*)$", cells[columns["value"]])
            if not match or not cells[columns["name"]]:
                continue
            value = float(match.group(1).replace(",", "."))
            unit = cells[columns["unit"]] if "unit" in columns else words(match.group(2))
            day = table_date(cells[columns["date"]]) if "date" in columns else None
            day = day or fallback_date
            name = cells[columns["name"]]
            test = codes.marker_of("", name) or name
            data = {"date": day, "test": test, "value": value, "unit": unit}
            label = f"{test}: {value:g} {unit}, {day or ''}".strip(", ")
            out.append(Found("lab-value", data, codes.key("lab-value", test, day, value), label, origin))
    return out
