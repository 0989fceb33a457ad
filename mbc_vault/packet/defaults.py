"""What second-opinion centers usually ask for, picked from the vault."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

#: (category, how many: None = all) in packet order; newest first within each
SECOND_OPINION_SET = [
    ("pathology-report", None),
    ("treatment-plan", 1),
    ("operative-report", None),
    ("discharge-summary", None),
    ("imaging-report", None),
    ("lab-result", None),
    ("genomic-test", None),
]
RECENT_LABS_DAYS = 180


def default_document_ids(vault: Vault) -> list[str]:
    """Pathology reports, the current treatment plan, operative reports, discharge summaries, imaging
    reports, recent labs (the last 6 months of lab reports) and genomic tests, newest first in each."""
    ids: list[str] = []
    for category, limit in SECOND_OPINION_SET:
        records = vault.records(category=category)  # newest first
        if category == "lab-result" and records and records[0].date:
            newest = dt.date.fromisoformat(records[0].date)
            records = [
                r
                for r in records
                if r.date and (newest - dt.date.fromisoformat(r.date)).days <= RECENT_LABS_DAYS
            ]
        ids.extend(r.id for r in (records[:limit] if limit else records))
    return ids
