"""CSV import and export of lab values: date, test, value, unit (and optionally lab)."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import atomic_write_private_bytes
from .models import FieldError, LabValue
from .store import CancerRecord, Entry

HEADER = ["date", "test", "value", "unit", "lab"]
MAX_CSV_BYTES = 5 << 20


@dataclass
class CsvReport:
    added: list[Entry[LabValue]] = field(default_factory=list)
    #: "row N: message" for each row that cannot be read; when there are any, nothing is imported
    errors: list[str] = field(default_factory=list)
    skipped_duplicates: int = 0


def read_lab_csv(path: str | os.PathLike[str]) -> tuple[list[LabValue], list[str]]:
    """Parse and validate every row; returns the values and the errors (one sentence per bad row)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return [], [f"{path.name} cannot be read ({exc.strerror})."]
    if len(raw) > MAX_CSV_BYTES:
        return [], [f"{path.name} is too large for a lab-values file."]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    reader = csv.reader(io.StringIO(text, newline=""))  # line ends \n, \r\n or \r (old Mac spreadsheets)
    try:
        rows = list(reader)
    except csv.Error:  # a cell past the csv module's 128 KiB limit
        return [], [
            f"{path.name}: line {reader.line_num} cannot be read (a cell far too long, or a quote that "
            "never closes); correct it in the file, save it, and import it again."
        ]
    if not rows:
        return [], [f"{path.name} is empty."]
    header = [h.strip().lower() for h in rows[0]]
    missing = [h for h in HEADER[:4] if h not in header]
    if missing:
        return [], [
            f"{path.name}: the first row must name the columns date, test, value, unit "
            f"(missing: {', '.join(missing)})."
        ]
    values, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        # from_form: the value is still the text of the cell; validate() reads the number in it
        value: LabValue = LabValue.from_form(
            {
                "date": cells.get("date"),
                "test": cells.get("test", ""),
                "value": cells.get("value"),
                "unit": cells.get("unit", ""),
                "lab": cells.get("lab", ""),
            }
        )
        try:
            value.validate()
        except FieldError as exc:
            errors.append(f"row {number}: {exc}")
            continue
        values.append(value)
    return values, errors


def import_lab_csv(record: CancerRecord, path: str | os.PathLike[str]) -> CsvReport:
    """Import every row, or none if any row cannot be read. Rows already stored are skipped."""
    values, errors = read_lab_csv(path)
    report = CsvReport(errors=errors)
    if errors:
        return report
    existing = {(e.model.date, e.model.test, e.model.value, e.model.unit) for e in record.lab_values()}
    for value in values:
        key = (value.date, value.test, value.value, value.unit)
        if key in existing:
            report.skipped_duplicates += 1
            continue
        existing.add(key)
        report.added.append(record.save(value))
    return report


def export_lab_csv(record: CancerRecord, out: str | os.PathLike[str]) -> int:
    """Write every lab value to *out* (a plaintext export the person asked for); returns the row count."""
    entries = record.lab_values()
    text = lab_csv_text([entry.model for entry in entries])
    atomic_write_private_bytes(Path(out), text.encode("utf-8"), overwrite=True)  # 0600, never a device
    return len(entries)


def lab_csv_text(values: list[LabValue]) -> str:
    """The CSV export of *values*: the header row, then one row per value, as read_lab_csv reads them.
    Lines end in CRLF (RFC 4180), so that a cell holding a line break of either kind is quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for v in values:
        writer.writerow([v.date, v.test, _number(v.value), v.unit, v.lab])
    return buffer.getvalue()


def _number(value: float | None) -> str:
    """A lab value as written: short (42, 3.1) unless that would change it (1234567, not 1.23457e+06)."""
    if value is None:
        return ""
    short = f"{value:g}"
    return short if float(short) == value else repr(float(value))
