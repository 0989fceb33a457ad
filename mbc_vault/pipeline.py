"""Overlapping the steps of storing a large document, in bounded memory.

Storing a document reads it, hashes it (SHA-256, for its record), encrypts it (ChaCha20-Poly1305)
and writes it; done one after the other on one core, the hash alone is a third of the time.
HashingReader reads and hashes in a helper thread (file reads and hashlib release the GIL, as
do `cryptography`'s AEAD and file writes), so hashing runs on one core while encryption and
writing run on another. writeback_hint() asks the kernel to start writing out what was written
so far, so the fsync before the atomic rename has little left to wait for.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import queue
import threading
from typing import BinaryIO

BLOCK_SIZE = 1 << 20  # one read, one hash update and one hand-over per MiB (not per 64 KiB chunk)
QUEUE_BLOCKS = 8  # blocks waiting in the queue: with the two in hand, at most ~10 MiB in memory
WRITEBACK_EVERY = 8 << 20


class HashingReader:
    """A read-only stream over *src* that a helper thread reads ahead, in BLOCK_SIZE blocks,
    hashing each block before handing it over. `digest` and `size` cover everything handed
    over; read them after close(). An error of the helper thread (a read error, a damaged
    source) is raised by the read() that reaches it. close() stops the thread and waits for
    it, so *src* is not touched after it returns; use it as a context manager.
    """

    def __init__(self, src: BinaryIO | io.RawIOBase) -> None:
        self._src = src
        self.digest = hashlib.sha256()
        self.size = 0
        self._queue: queue.Queue[bytes | BaseException | None] = queue.Queue(QUEUE_BLOCKS)
        self._stop = threading.Event()
        self._view = memoryview(b"")
        self._ended = False
        self._thread: threading.Thread | None = None
        # The first block is read here: a small document (most of them) needs no thread at all.
        first = self._read_block()
        self.digest.update(first)
        self.size = len(first)
        if first:
            self._queue.put(first)
        if len(first) == BLOCK_SIZE:
            self._thread = threading.Thread(target=self._run, name="mbc-vault-read-hash", daemon=True)
            self._thread.start()
        else:
            self._queue.put(None)

    def _read_block(self) -> bytes:
        """BLOCK_SIZE bytes, fewer only at the end of the source (b"" there)."""
        parts: list[bytes] = []
        got = 0
        while got < BLOCK_SIZE and not self._stop.is_set():
            data = self._src.read(BLOCK_SIZE - got)
            if not data:  # b"" at the end; None (nothing yet) is treated as the end, as _read_full does
                break
            parts.append(data)
            got += len(data)
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def _run(self) -> None:  # in the helper thread
        last: BaseException | None = None
        try:
            while not self._stop.is_set():
                block = self._read_block()
                if not block:
                    break
                self.digest.update(block)
                self.size += len(block)
                self._queue.put(block)
        except BaseException as exc:  # handed to the reading thread
            last = exc
        self._queue.put(last)  # None: the end

    def read(self, size: int = -1) -> bytes | memoryview:
        """Up to *size* bytes (exactly *size* unless the end is reached); b"" at the end."""
        pieces: list[memoryview] = []
        want = size if size >= 0 else 1 << 62
        while want > 0:
            if not self._view:
                if self._ended:
                    break
                item = self._queue.get()
                if item is None or isinstance(item, BaseException):
                    self._ended = True
                    if item is not None:
                        raise item
                    break
                self._view = memoryview(item)
            piece, self._view = self._view[:want], self._view[want:]
            pieces.append(piece)
            want -= len(piece)
        if not pieces:
            return b""
        return pieces[0] if len(pieces) == 1 else b"".join(pieces)

    def close(self) -> None:
        self._stop.set()
        while self._thread is not None and self._thread.is_alive():
            with contextlib.suppress(queue.Empty):  # unblock a put() waiting for room
                while True:
                    self._queue.get_nowait()
            self._thread.join(0.01)
        self._view = memoryview(b"")

    def __enter__(self) -> HashingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WritebackHint:
    """Writes through to *handle*; every WRITEBACK_EVERY bytes it asks the kernel to start
    writing the new part out (posix_fadvise DONTNEED, which starts writeback of dirty pages
    without waiting: what PostgreSQL's pg_flush_data does where sync_file_range is missing).
    The fsync that commits the file is still done, and still reports any write error.
    Where posix_fadvise does not exist it is a plain pass-through.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._written = 0
        self._hinted = 0
        self._enabled = hasattr(os, "posix_fadvise")

    def write(self, data: bytes | memoryview) -> int:
        n = self._handle.write(data)
        self._written += len(data)
        if self._enabled and self._written - self._hinted >= WRITEBACK_EVERY:
            self._handle.flush()
            try:
                os.posix_fadvise(
                    self._handle.fileno(), self._hinted, self._written - self._hinted, os.POSIX_FADV_DONTNEED
                )
            except OSError:  # only a hint: some file systems refuse it
                self._enabled = False
            self._hinted = self._written
        return n
