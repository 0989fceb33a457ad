"""An unlocked vault as the app sees it: the core Vault plus the in-memory search index."""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from mbc_vault.cancer.store import CancerRecord
from mbc_vault.care.store import CarePlan
from mbc_vault.categories import ENTRY_KINDS
from mbc_vault.history.store import HealthHistory
from mbc_vault.reader_pool import ReaderPool
from mbc_vault.records import Record
from mbc_vault.search import SearchHit, SearchIndex, SearchResult, build_index
from mbc_vault.vault import Vault

from .workers import TaskWorker, start

WATCH_INTERVAL_MS = 3000
#: the kind of a record that is a stored file (not a structured entry), as entries_reloaded names it
DOCUMENT_KIND = "document"

#: a record as the watcher compares it: revision, last change, trashed, kind and who wrote it
RecordState = tuple[int, str, str | None, str, str]


def _state(vault: Vault) -> tuple[dict[str, RecordState], dict[str, tuple[str, tuple[str, ...]]]]:
    """What the vault holds now, to tell a real change from a reload of the app's own writes."""
    records = {
        r.id: (r.revision, r.modified, r.trashed, r.kind, r.modified_by or r.author)
        for r in list(vault.folder.by_id.values())
    }
    people = {pid: (p.name, tuple(p.scopes)) for pid, p in vault.folder.people.items()}
    return records, people


@dataclass
class RecordChanges:
    """Records another computer or program added, changed or removed, counted by who wrote them."""

    added: dict[str, int] = field(default_factory=dict)
    changed: dict[str, int] = field(default_factory=dict)
    removed: int = 0
    kinds: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    @classmethod
    def between(cls, before: dict[str, RecordState], after: dict[str, RecordState]) -> RecordChanges:
        change = cls()
        for rid, state in after.items():
            old = before.get(rid)
            if old == state:
                continue
            bucket = change.added if old is None else change.changed
            bucket[state[4]] = bucket.get(state[4], 0) + 1
            change.kinds.add(state[3])
        for rid, state in before.items():
            if rid not in after:
                change.removed += 1
                change.kinds.add(state[3])
        return change


class VaultSession(QObject):
    """Owns the open Vault; drops everything decrypted on close()."""

    records_changed = Signal()
    index_ready = Signal()
    #: a structured entry of this kind (diagnosis, symptom, lab-value...) was added, changed or removed
    entries_changed = Signal(str)
    #: entries of these kinds changed at once (a portal import, another computer's changes): each
    #: section reloads once, not once a kind
    entries_reloaded = Signal(list)
    #: the vault was reloaded because its files changed outside this program (a plain sentence)
    external_change = Signal(str)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = vault
        self.index: SearchIndex | None = None
        self._index_worker: TaskWorker | None = None
        #: records whose text still has to go into the index (see records_added)
        self._pending: deque[tuple[Record, list[str]]] = deque()
        self._pending_entries: deque[Record] = deque()  # entries of a portal import, to index
        self._appointments: dict[str, Record] = {}  # their question lists' context
        self._watch_timer = QTimer(self)  # files a sync tool changes while the app is open
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self._poll_files)
        self._watch_timer.start()
        self._poll_worker: TaskWorker | None = None  # the look at the vault's files, off this thread
        self._index_timer = QTimer(self)
        self._index_timer.setInterval(0)
        self._index_timer.timeout.connect(self._index_some)
        #: the PDF readers of this session's imports (made at the first import, ended at close)
        self._readers: ReaderPool | None = None
        self._readers_worker: TaskWorker | None = None
        self._stop_readers_when_started = False

    @property
    def cancer(self) -> CancerRecord | None:
        """The structured cancer record of the open vault (None when locked)."""
        return CancerRecord(self.vault) if self.vault is not None else None

    @property
    def care(self) -> CarePlan | None:
        """Appointments, care team, legal papers, people to tell, priorities, trials (None when locked)."""
        return CarePlan(self.vault) if self.vault is not None else None

    @property
    def history(self) -> HealthHistory | None:
        """Allergies, conditions, surgeries, radiation, immunizations, date of birth (None when locked)."""
        return HealthHistory(self.vault) if self.vault is not None else None

    def entry_saved(self, kind: str) -> None:
        """Entries of *kind* were saved, trashed or restored: search finds them as they are now."""
        self._index_entries(kind)
        self.entries_changed.emit(kind)

    def import_saved(self, added: list[tuple[Record, list[str] | None]], kinds: Iterable[str]) -> None:
        """Many records saved at once (a portal import): *added*, its stored files, and entries of
        *kinds*. Both go into the index a slice at a time between events, as records_added does for
        documents, and one entries_reloaded names them all ("document" for the files), so each section
        reloads once: the overview, which follows documents and entries, no longer twice."""
        kinds = set(kinds)
        if self.vault is None or not (added or kinds):
            return
        self._pending.extend((record, texts or []) for record, texts in added)
        records = self.vault.records(kind=None)
        self._appointments = {r.id: r for r in records if r.kind == "appointment"}
        if "appointment" in kinds:
            kinds.add("question-list")
        self._pending_entries.extend(r for r in records if r.kind in kinds)
        if not self._index_timer.isActive():
            self._index_timer.start()
        self.entries_reloaded.emit(sorted(kinds | ({DOCUMENT_KIND} if added else set())))

    def freeze_heap(self) -> None:
        """Leave every object Python's collector tracks now out of its later collections (gc.freeze).

        After thousands of records are made (a portal import), a full collection falls due and walks
        every object the app holds, 50-90 ms (docs/performance.md, issue 15), on the GUI thread or in a
        worker holding the GIL: either way the window stalls. Frozen objects are still freed by their
        reference counts; only garbage in reference cycles among them waits, until the lock
        (MainWindow.lock unfreezes, and its scrub.release_freed_memory collects them, on the GUI
        thread, where Qt objects among them may be deleted)."""
        if self.vault is not None:
            gc.freeze()

    def _index_entries(self, kind: str) -> None:
        """Index the live entries of *kind* again (a few dozen: quick); trashed ones are filtered out
        at query time. A changed appointment is the context of its question lists: they follow."""
        if self.index is None or self.vault is None:
            return
        records = self.vault.records(kind=None)
        appointments = {r.id: r for r in records if r.kind == "appointment"}
        kinds = {kind, "question-list"} if kind == "appointment" else {kind}
        for record in records:
            if record.kind in kinds:
                self.index.add_entry(record, appointments)

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
        if self._pending or self._pending_entries:
            self._index_timer.start()
        self.index_ready.emit()

    def search(self, text: str) -> list[SearchHit]:
        if self.index is None or self.vault is None:
            return []
        live = {r.id for r in self.vault.records()}
        return self.index.search(text, allowed=live)

    def find(self, text: str) -> SearchResult:
        """Search the whole care record the person may read: documents and every kind of entry, exact
        hits first, then word forms, typos and synonyms (with a "did you mean" suggestion)."""
        if self.index is None or self.vault is None:
            return SearchResult(text)
        live = {r.id for r in self.vault.records(kind=None)}
        return self.index.query(text, allowed=live)

    def record_added(self, record: Record, page_texts: list[str] | None = None) -> None:
        if self.index is not None:
            self.index.add(record, page_texts or [])
        self.records_changed.emit()

    def records_added(self, added: list[tuple[Record, list[str] | None]]) -> None:
        """Many new records at once (an import): one records_changed for all of them, and their text
        goes into the index a slice at a time between events, so the window never stalls
        (bench/bench_import_stall.py: 50 record_added calls took ~200 ms in one go)."""
        if not added:
            return
        self._pending.extend((record, texts or []) for record, texts in added)
        if not self._index_timer.isActive():
            self._index_timer.start()
        self.records_changed.emit()

    #: GUI-thread time spent indexing per event-loop turn (at least one record per turn)
    INDEX_SLICE_S = 0.02

    def _index_some(self) -> None:
        if self.index is None:  # still being built: go on when it is there (add() replaces a record)
            self._index_timer.stop()
            return
        deadline = time.perf_counter() + self.INDEX_SLICE_S
        while self._pending or self._pending_entries:
            if self._pending:
                record, texts = self._pending.popleft()
                self.index.add(record, texts)
            else:
                self.index.add_entry(self._pending_entries.popleft(), self._appointments)
            if time.perf_counter() >= deadline:
                break
        if not (self._pending or self._pending_entries):
            self._index_timer.stop()

    def record_updated(self, record: Record) -> None:
        if self.index is not None:
            self.index.update_metadata(record)
        self.records_changed.emit()

    def _poll_files(self) -> None:
        """The watch timer: look at the vault's files in the thread pool (thousands of names and sizes
        take a while), and reload here if another program changed them."""
        vault = self.vault
        if vault is None or self._poll_worker is not None:
            return
        worker = TaskWorker(vault.changed_on_disk)
        worker.signals.finished.connect(lambda changed: self._polled(vault, changed))
        worker.signals.failed.connect(lambda _: self._polled(vault, False))
        self._poll_worker = start(worker)

    def _polled(self, vault: Vault, changed: object) -> None:
        self._poll_worker = None
        if changed and vault is self.vault:
            self._reload_changes(vault)

    def check_external_changes(self) -> bool:
        """Reload when a sync tool (or another program) changed the vault's files; True if records or
        people changed. The app's own writes (a person added, the key files of a sign-in, an import)
        reload quietly: only what another computer or program changed is announced, and how."""
        vault = self.vault
        if vault is None:
            return False
        try:
            if not vault.changed_on_disk():
                return False
        except Exception:
            return False
        return self._reload_changes(vault)

    def _reload_changes(self, vault: Vault) -> bool:
        try:
            records_before, people_before = _state(vault)
            conflicts_before = len(vault.conflicts())
            vault.reload()
        except Exception:  # a half-synced file is picked up on the next check
            return False
        records_after, people_after = _state(vault)
        change = RecordChanges.between(records_before, records_after)
        people_changed = people_before != people_after
        conflicts = vault.conflicts()
        if not change and not people_changed and len(conflicts) == conflicts_before:
            return False
        self.records_changed.emit()
        kinds = [kind for kind in ENTRY_KINDS if people_changed or kind in change.kinds]
        if kinds:
            self.entries_reloaded.emit(kinds)
        sentences = self.describe_changes(change)
        if people_changed and not sentences:
            sentences.append(self.tr("Who shares this vault was changed on another computer."))
        if conflicts:
            sentences.append(
                self.tr("Records changed on two computers: {0}. Both versions are kept.").format(
                    len(conflicts)
                )
            )
        self.external_change.emit(" ".join(sentences))
        if self.index is not None:
            self.build_index()
        return True

    def describe_changes(self, change: RecordChanges) -> list[str]:
        """Plain sentences for what another computer or program changed ("2 records changed by Mary.");
        a name is the person's display name in this vault, shown here and never stored."""
        vault = self.vault
        sentences: list[str] = []
        for writer, count in sorted(change.added.items()):
            if vault is not None and writer and writer != vault.person.id:
                name = vault.person_name(writer)
                text = (
                    self.tr("1 record added by {0}.") if count == 1 else self.tr("{1} records added by {0}.")
                )
                sentences.append(text.format(name, count))
            else:
                text = (
                    self.tr("1 record added on another computer or from the command line.")
                    if count == 1
                    else self.tr("{0} records added on another computer or from the command line.")
                )
                sentences.append(text.format(count))
        for writer, count in sorted(change.changed.items()):
            if vault is not None and writer and writer != vault.person.id:
                name = vault.person_name(writer)
                text = (
                    self.tr("1 record changed by {0}.")
                    if count == 1
                    else self.tr("{1} records changed by {0}.")
                )
                sentences.append(text.format(name, count))
            else:
                text = (
                    self.tr("1 record changed on another computer or from the command line.")
                    if count == 1
                    else self.tr("{0} records changed on another computer or from the command line.")
                )
                sentences.append(text.format(count))
        if change.removed:
            text = (
                self.tr("1 record removed on another computer or from the command line.")
                if change.removed == 1
                else self.tr("{0} records removed on another computer or from the command line.")
            )
            sentences.append(text.format(change.removed))
        return sentences

    def readers(self) -> ReaderPool:
        """The PDF readers this session's imports share (made now if needed; not started)."""
        if self._readers is None:
            self._readers = ReaderPool()
        return self._readers

    def start_readers(self) -> None:
        """Start the import's PDF workers in the background (when the person is about to choose files),
        so reading pays no start; nothing when they run already or the vault is locked."""
        if self.vault is None or self._readers_worker is not None or self.readers().pids():
            return
        self._readers_worker = worker = TaskWorker(self.readers().start)
        worker.signals.finished.connect(self._readers_started)
        worker.signals.failed.connect(self._readers_started)
        start(worker)

    def _readers_started(self, *_: object) -> None:
        self._readers_worker = None
        if self._stop_readers_when_started:
            self.stop_readers()

    def stop_readers(self) -> None:
        """The person chose no files after all: end the idle PDF workers `start_readers` began (about
        30 MiB each), now or as soon as they have started. Workers an import uses are left alone."""
        self._stop_readers_when_started = self._readers_worker is not None
        if not self._stop_readers_when_started and self._readers is not None:
            self._readers.stop_idle()

    def close(self) -> None:
        if self._readers is not None:  # no PDF worker outlives the lock
            self._readers.close()
        self._watch_timer.stop()
        self._poll_worker = None  # its answer, if it comes, finds another vault (or none)
        self._index_timer.stop()
        self._pending.clear()
        self._pending_entries.clear()
        self._appointments = {}
        if self._index_worker is not None:
            self._index_worker.cancel.set()
        if self.index is not None:
            self.index.close()
            self.index = None
        if self.vault is not None:
            self.vault.close()
            self.vault = None
