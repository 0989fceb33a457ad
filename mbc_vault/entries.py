"""Structured entries shared by the cancer record and care planning: an `Entry` pairs a vault record
with its validated model (mbc_vault/entry_model.py), and an `EntryStore` loads and saves them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .entry_model import Model
from .records import Record
from .vault import Vault

M = TypeVar("M", bound=Model)


@dataclass
class Entry(Generic[M]):
    """One entry: its vault record (id, dates, links, notes) and the model read from its data."""

    record: Record
    model: M

    @property
    def id(self) -> str:
        return self.record.id


class EntryStore:
    """Structured entries of one vault: every save is one committed, encrypted vault record."""

    def __init__(self, vault: Vault) -> None:
        self.vault = vault

    def load(self, model_type: type[M]) -> list[Entry[M]]:
        """Entries of one kind, oldest first (by their own date)."""
        entries = [Entry(r, model_type.from_data(r.data)) for r in self.vault.entries(model_type.KIND)]
        return sorted(entries, key=lambda e: (e.model.sort_date() or "", e.record.created))

    def save(
        self,
        model: M,
        *,
        record_id: str | None = None,
        links: Iterable[str] | None = None,
        notes: str | None = None,
    ) -> Entry[M]:
        """Validate and store *model* (a new entry, or a change to *record_id*)."""
        model.validate()
        if record_id is None:
            record = self.vault.add_entry(
                model.KIND,
                model.to_data(),
                title=model.title(),
                date=model.sort_date(),
                links=links or (),
                notes=notes or "",
            )
        else:
            record = self.vault.update_entry(
                record_id,
                data=model.to_data(),
                title=model.title(),
                date=model.sort_date(),
                links=links,
                notes=notes,
            )
        return Entry(record, model)

    def remove(self, record_id: str) -> Record:
        return self.vault.remove(record_id)

    def restore(self, record_id: str) -> Record:
        return self.vault.restore(record_id)
