"""An unlocked vault as the app sees it: the core Vault plus the in-memory search index."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from mbc_vault.cancer.store import CancerRecord
from mbc_vault.records import Record
from mbc_vault.search import SearchHit, SearchIndex, build_index
from mbc_vault.vault import Vault

from .workers import TaskWorker, start


class VaultSession(QObject):
    """Owns the open Vault; drops everything decrypted on close()."""

    records_changed = Signal()
    index_ready = Signal()
    #: a structured entry of this kind (diagnosis, symptom, lab-value...) was added, changed or removed
    entries_changed = Signal(str)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = vault
        self.index: SearchIndex | None = None
        self._index_worker: TaskWorker | None = None

    @property
    def cancer(self) -> CancerRecord | None:
        """The structured cancer record of the open vault (None when locked)."""
        return CancerRecord(self.vault) if self.vault is not None else None

    def entry_saved(self, kind: str) -> None:
        self.entries_changed.emit(kind)

    @property
    def person_name(self) -> str:
        return self.vault.person.name if self.vault else ""

    def build_index(self) -> None:
        if self.vault is None:
            return
        worker = TaskWorker(build_index, self.vault)
        worker.signals.finished.connect(self._index_built)
        self._index_worker = start(worker)

    def _index_built(self, index: SearchIndex) -> None:
        if self.vault is None:  # locked meanwhile
            index.close()
            return
        if self.index is not None:
            self.index.close()
        self.index = index
        self.index_ready.emit()

    def search(self, text: str) -> list[SearchHit]:
        if self.index is None or self.vault is None:
            return []
        live = {r.id for r in self.vault.records()}
        return self.index.search(text, allowed=live)

    def record_added(self, record: Record, page_texts: list[str] | None = None) -> None:
        if self.index is not None:
            self.index.add(record, page_texts or [])
        self.records_changed.emit()

    def record_updated(self, record: Record) -> None:
        if self.index is not None:
            self.index.update_metadata(record)
        self.records_changed.emit()

    def close(self) -> None:
        if self._index_worker is not None:
            self._index_worker.cancel.set()
        if self.index is not None:
            self.index.close()
            self.index = None
        if self.vault is not None:
            self.vault.close()
            self.vault = None
