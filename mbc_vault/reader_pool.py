"""PDF readers an unlocked session keeps for its imports: started early (in the background, when
the person opens the file chooser), reused batch after batch, ended at lock.

The pool's readers are `extract.Reader`s; their workers end at once when the pool is closed, even
in the middle of a batch or of their start (the pool's own cancel flag, `closing`, is watched by
every call), and the last one to use them reaps them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import Cancelled, VaultError
from .extract import BATCH_WORKERS, Reader, batch_workers
from .progress import CancelFlag


class EitherFlag:
    """A cancel flag set when any of *flags* is set (a batch's own flag or the pool closing)."""

    def __init__(self, *flags: CancelFlag | None) -> None:
        self.flags = [flag for flag in flags if flag is not None]

    def is_set(self) -> bool:
        return any(flag.is_set() for flag in self.flags)


class ReaderPool:
    """Up to `batch_workers` readers, made at the first `start` or `borrow`, kept until `close`.

    One user at a time: `start` (loading PDFium and pikepdf in each worker) or a batch that borrowed
    them. A batch that comes while another holds them gets None (it makes readers of its own); one
    that comes while they start waits for them."""

    def __init__(self, count: int | None = None) -> None:
        self.count = count if count is not None else batch_workers(BATCH_WORKERS)
        self.closing = threading.Event()
        self._readers: list[Reader] = []
        self._state = threading.Condition()
        self._busy = False  # started or borrowed by some thread
        self._starting = False

    def _make(self) -> list[Reader]:
        if not self._readers:
            self._readers = [Reader(self.closing) for _ in range(self.count)]
        return self._readers

    def start(self) -> None:
        """Start every reader's worker now (call it off the GUI thread: it takes ~0.1-0.5 s). Does
        nothing when they are in use or closed; a worker that fails to start is started again by
        its first read."""
        with self._state:
            if self._busy or self.closing.is_set() or any(r.worker.pid for r in self._readers):
                return
            readers = self._make()
            self._busy = self._starting = True
        try:
            for reader in readers:
                try:
                    reader.start()
                except Cancelled:
                    break
                except VaultError:  # a worker that cannot start: its first read will say why
                    reader.close()
        finally:
            self._release(readers, starting=True)

    @contextmanager
    def borrow(self) -> Iterator[list[Reader] | None]:
        """The readers for one batch (`extract.read_files(readers=...)`), or None when another batch
        holds them or the pool is closed. Pass `EitherFlag(cancel, pool.closing)` as the batch's
        cancel flag so that closing the pool ends the batch."""
        with self._state:
            while self._starting and not self.closing.is_set():
                self._state.wait()
            if self._busy or self.closing.is_set():
                readers = None
            else:
                readers = self._make()
                self._busy = True
        try:
            yield readers
        finally:
            if readers is not None:
                self._release(readers)

    def _release(self, readers: list[Reader], *, starting: bool = False) -> None:
        with self._state:
            self._busy = False
            if starting:
                self._starting = False
            self._state.notify_all()
            closed = self.closing.is_set()
        if closed:  # closed while in use: the user reaps the workers (already ended by the flag)
            for reader in readers:
                reader.close()

    def stop_idle(self) -> bool:
        """End the workers if no batch holds them and they are not starting (the person chose no
        files after all); a later `start` or `borrow` makes new ones. False when they are in use."""
        with self._state:
            if self._busy:
                return False
            readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()
        return True

    def pids(self) -> list[int]:
        """The running workers' process ids (tests, benchmarks)."""
        return [pid for reader in self._readers if (pid := reader.worker.pid) is not None]

    def close(self) -> None:
        """End every worker: at once when idle, else the thread using them ends them within one
        watchdog turn (their calls watch `closing`) and reaps them. Never waits for that thread."""
        with self._state:
            self.closing.set()
            self._state.notify_all()
            idle = not self._busy
        if idle:
            for reader in self._readers:
                reader.close()
