"""Dates in FHIR as portals send them: a date of any precision ("2019", "2019-03", "2019-03-05"), a
dateTime with a time and a zone, a Period, and the choice elements onset[x], abatement[x], performed[x],
effective[x] and occurrence[x] as a dateTime, a Period, an Age, a Range or a String.

The entries keep a full date (YYYY-MM-DD). What the reader does with the rest, so that nothing is
dropped silently (each case is a counted problem line of the review):
- a year only ("2019") is kept as 1 January of that year, a month only ("2019-03") as the first of the
  month, and the date as given is written in the entry's notes ("Date given as the year only: 2019");
- an age, a range of ages or words ("childhood"), or a date that is not a calendar date, leaves the date
  empty and the original goes in the notes;
- a date of birth is kept only when it is a whole date (a made-up day would print on the packet).
The day of a dateTime is the day as written, in its own time zone (the portal's local day).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_WHEN = re.compile(
    r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
    r"(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$"
)
#: the types of a choice element whose value is a date, a period of dates, or something else
_CHOICES = ("DateTime", "Date", "Instant", "Period", "Timing", "Age", "Range", "String")


def parse(value: object) -> tuple[str | None, str, str]:
    """(YYYY-MM-DD, "HH:MM" or "", precision) of a FHIR date/dateTime/instant; the precision is "day",
    "month", "year", or "" when *value* is not one (the day is then None). A partial date gives the
    first day of its year or month."""
    if not isinstance(value, str):
        return None, "", ""
    match = _WHEN.match(value.strip())
    if not match:
        return None, "", ""
    year, month, day, hour, minute = match.groups()
    try:
        parsed = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None, "", ""
    time = f"{hour}:{minute}" if hour and int(hour) < 24 and int(minute) < 60 else ""
    return parsed.isoformat(), time, "day" if day else "month" if month else "year"


def _quantity(value: object) -> str:
    if not isinstance(value, dict) or value.get("value") is None:
        return ""
    number = value["value"]
    shown = f"{number:g}" if isinstance(number, (int, float)) else str(number)
    return f"{shown} {value.get('unit') or value.get('code') or ''}".strip()


#: what the reader could not take in whole, as (problem code, line for the entry's notes) pairs
Notes = list[tuple[str, str]]


def day(value: object, label: str, notes: Notes) -> str | None:
    """The full date of a FHIR date or dateTime (None when absent); a partial or unreadable one is
    added to *notes* ("*label* given as the year only: 2019")."""
    if value in (None, ""):
        return None
    found, _, precision = parse(value)
    if precision == "year":
        notes.append(("portal-date-year-only", f"{label} given as the year only: {value}"))
    elif precision == "month":
        notes.append(("portal-date-month-only", f"{label} given as the month only: {value}"))
    elif precision != "day":
        notes.append(("portal-date-not-a-date", f"{label} as given: {value}"))
    return found


def birth(value: object, notes: Notes) -> str | None:
    """A date of birth: only a whole date is kept (it prints on the packet); a partial or unreadable
    one is added to *notes*."""
    if value in (None, ""):
        return None
    found, _, precision = parse(value)
    if precision != "day":
        notes.append(("portal-birth-date-partial", f"Date of birth as given: {value}"))
        return None
    return found


def choice(res: dict[str, Any], name: str, label: str, notes: Notes) -> tuple[str | None, str | None]:
    """(start, end) of the choice element *name*[x] of *res* (onset, performed, effective...): a
    dateTime gives a start, a Period a start and an end, a Timing its first event; an Age, a Range or
    a String no date (added to *notes*)."""
    for kind in _CHOICES:
        value = res.get(name + kind)
        if value in (None, "", {}, []):
            continue
        if kind in ("DateTime", "Date", "Instant"):
            return day(value, label, notes), None
        if kind == "Period" and isinstance(value, dict):
            return day(value.get("start"), label, notes), day(value.get("end"), "End", notes)
        if kind == "Timing" and isinstance(value, dict):
            events = value.get("event") or []
            return (day(events[0], label, notes) if isinstance(events, list) and events else None), None
        if kind == "Age":
            notes.append(("portal-date-as-age", f"{label}: at age {_quantity(value) or value}"))
            return None, None
        if kind == "Range" and isinstance(value, dict):
            low, high = _quantity(value.get("low")), _quantity(value.get("high"))
            notes.append(("portal-date-as-age", f"{label}: at age {low or '?'} to {high or '?'}"))
            return None, None
        notes.append(("portal-date-not-a-date", f"{label} as given: {value}"))
        return None, None
    return None, None
