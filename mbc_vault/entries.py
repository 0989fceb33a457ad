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

    def entry(self, record: Record, model_type: type[M]) -> Entry[M]:
        """*record*'s entry, read from its data once (kept with the vault's records: a changed entry
        is a new Record, read again; the lock drops them all)."""
        decoded = self.vault.folder.decoded
        known = decoded.get(record.id)
        if known is not None and known[0] is record:
            entry = known[1]
            if isinstance(entry, Entry) and type(entry.model) is model_type:
                return entry
        made = Entry(record, model_type.from_data(record.data))
        decoded[record.id] = (record, made)
        return made

    def read_ahead(self, model_type: type[M], records: Iterable[Record]) -> None:
        """Read the entries of *records* now, so that load() finds them read: the app reads thousands
        a slice at a time between turns of its event loop (28 us an entry; a thread reading them
        made every call the window's paint makes into Python wait for the GIL)."""
        for record in records:
            self.entry(record, model_type)

    def load(self, model_type: type[M]) -> list[Entry[M]]:
        """Entries of one kind, oldest first (by their own date)."""
        entries = [self.entry(r, model_type) for r in self.vault.entries(model_type.KIND)]
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
