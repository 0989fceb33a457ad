"""Who added a record and who last changed it, in words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from mbc_vault.records import Record

NameOf = Callable[[str], str]


def short_id(person_id: str) -> str:
    return person_id[:8]


def provenance(record: Record, name_of: NameOf = short_id) -> str:
    """e.g. "Added by Jane on 2026-03-14; last changed by Sam on 2026-04-02"."""
    added = QCoreApplication.translate("Provenance", "Added by {0} on {1}").format(
        name_of(record.author) or "?", record.created[:10]
    )
    if record.revision > 1 and (
        record.modified_by != record.author or record.modified[:10] != record.created[:10]
    ):
        return added + QCoreApplication.translate("Provenance", "; last changed by {0} on {1}").format(
            name_of(record.modified_by) or "?", record.modified[:10]
        )
    return added
