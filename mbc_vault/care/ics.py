"""Appointments as an iCalendar file (RFC 5545), for any calendar program."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..entries import Entry
from ..fsutil import atomic_write_private_bytes
from .models import Appointment


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF + space (never inside a UTF-8 character)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def to_ics(entries: list[Entry[Appointment]], now: dt.datetime | None = None) -> str:
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//MBC Vault//Appointments//EN", "CALSCALE:GREGORIAN"]
    for entry in entries:
        a = entry.model
        lines += ["BEGIN:VEVENT", f"UID:{entry.id}@mbc-vault", f"DTSTAMP:{stamp}"]
        if a.time:
            start = a.starts()
            end = start + dt.timedelta(minutes=a.duration_minutes)
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]  # floating local time
        else:
            day = dt.date.fromisoformat(a.date or "1970-01-01")
            lines += [
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            ]
        lines.append(f"SUMMARY:{_escape(a.title())}")
        if a.place:
            lines.append(f"LOCATION:{_escape(a.place)}")
        if a.notes:
            lines.append(f"DESCRIPTION:{_escape(a.notes)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_ics(entries: list[Entry[Appointment]], out: str | os.PathLike[str]) -> int:
    """Write the appointments to *out* (an export the person asked for); returns how many."""
    atomic_write_private_bytes(
        Path(out), to_ics(entries).encode("utf-8"), overwrite=True
    )  # 0600, never a device
    return len(entries)
