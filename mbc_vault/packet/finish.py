"""The last step of a packet, asked of the PDF worker: one assembly of every part in order, with a
footer on every page, the contents page's links, one bookmark per section and, with a password,
AES-256 encryption (`mbc_vault/pdf/assemble.py`). The finished bytes come back through the worker's
pipe into a Sink here, hashed as they arrive, and go on to the output: the file the person chose
(`FileOutput`, a fsutil.PrivateFile) or memory (`MemoryOutput`, a BytesIO).

What the worker cannot do without Qt is done here: a name that Helvetica (WinAnsi) cannot show is
typeset once in DejaVu Sans and sent along as a one-line PDF (`FooterLead`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..fsutil import PrivateFile
from ..pdf.client import PdfError, PdfWorker
from ..pdf.footer import FOOTER_SIZE, can_use_helvetica
from ..pdf.protocol import read_exact
from ..render import typeset
from .frontmatter import LINK_SCHEME
from .model import Section
from .sources import Part, memory_limit

#: time for the assembly: this much, and one more second for every ASSEMBLY_RATE bytes. A wide margin:
#: bench/bench_hostile.py builds the whole 20,000-page packet in about 10 s quiet (the assembly took
#: 13.7 s under load 7 before footers were made cheap per page); a deflate bomb's packet takes as long
#: as a 1-page one
ASSEMBLY_TIME_S = 60.0
ASSEMBLY_RATE = 4 << 20


class Target(Protocol):
    def write(self, data: bytes) -> int: ...


class Sink:
    """The finished packet as it comes from the worker: counted, then hashed (SHA-256) and passed on
    by a thread of its own, so the pipe is read on at once and the worker writes on meanwhile (hashed
    and written by the thread that reads the pipe, the worker waited for both: docs/performance.md).
    `finish()` waits for the last chunk."""

    #: chunks (of about 1 MB) read and not yet passed on, at most
    QUEUE_CHUNKS = 16

    def __init__(self, target: Target) -> None:
        self.target, self.digest, self.size = target, hashlib.sha256(), 0
        self._queue: queue.Queue[bytes | memoryview | None] = queue.Queue(self.QUEUE_CHUNKS)
        self._failed: BaseException | None = None
        self._thread = threading.Thread(target=self._pass_on, name="packet-output", daemon=True)
        self._thread.start()

    def _pass_on(self) -> None:
        prepare = getattr(self.target, "prepare", None)
        if prepare is not None:
            prepare()  # (while the worker copies the pages, before the first byte comes)
        while (data := self._queue.get()) is not None:
            if self._failed is None:
                try:
                    self.digest.update(data)
                    if isinstance(data, memoryview):  # read into the target's room: already there
                        data.release()
                    else:
                        self.target.write(data)
                except BaseException as exc:  # noqa: BLE001 - raised again by write() or finish()
                    self._failed = exc

    def write(self, data: bytes) -> int:
        if self._failed is not None:
            raise self._failed
        self.size += len(data)
        self._queue.put(bytes(data))  # (bytes from the pipe: not copied again)
        return len(data)

    def read_from(self, stream: BinaryIO, size: int) -> None:
        """The next *size* bytes of *stream*, read straight into the target's room when it has some
        (MemoryOutput: no copy, and the read does not hold the GIL), else read and written."""
        room = getattr(self.target, "room", None)
        view = room(size) if room is not None else None
        if view is None:
            self.write(read_exact(stream, size))
            return
        if self._failed is not None:
            raise self._failed
        at = 0
        while at < size:
            count = stream.readinto(view[at:])  # type: ignore[attr-defined]
            if not count:
                raise EOFError
            at += count
        self.size += size
        self._queue.put(view)

    def flush(self) -> None:
        pass

    def stop(self) -> None:
        """Wait for the thread to pass on what it holds (or to drop it after a failure)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def finish(self) -> None:
        """Every chunk hashed and passed on; raises what passing one on raised."""
        self.stop()
        if self._failed is not None:
            raise self._failed


class _Syncer:
    """Flushes what was written of a file to the disk from a thread, while more is being written, so
    the fsync of the commit has little left to do (it is still the one that counts)."""

    def __init__(self, fd: int) -> None:
        self.fd, self.wanted, self.stopping = fd, threading.Event(), False
        self.thread = threading.Thread(target=self._run, name="packet-fsync", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                return
            with contextlib.suppress(OSError):  # the commit's own fsync reports a failing disk
                os.fsync(self.fd)

    def stop(self) -> None:
        """Wait for a flush under way (the file may be closed after this)."""
        self.stopping = True
        self.wanted.set()
        self.thread.join()


class FileOutput:
    """The packet written to *path* through a fsutil.PrivateFile (0600, renamed at the end); every
    SYNC_EVERY bytes what was written is flushed to the disk from a thread (_Syncer)."""

    SYNC_EVERY = 8 << 20

    def __init__(self, path: Path, overwrite: bool) -> None:
        self.path, self.overwrite = path, overwrite
        self.file: PrivateFile | None = None
        self.syncer: _Syncer | None = None
        self.unsynced = 0

    def start(self, expected: int = 0) -> Sink:
        """A new, empty private file (one made before is removed) and the sink that writes into it
        (*expected*, the size the packet is expected to have, is not needed here)."""
        self.discard()
        self.file = PrivateFile(self.path, self.overwrite)
        self.syncer, self.unsynced = _Syncer(self.file.fd), 0
        return Sink(self)

    def write(self, data: bytes) -> int:
        assert self.file is not None and self.syncer is not None
        view = memoryview(data)
        while view:
            view = view[os.write(self.file.fd, view) :]
        self.unsynced += len(data)
        if self.unsynced >= self.SYNC_EVERY:
            self.unsynced = 0
            self.syncer.wanted.set()
        return len(data)

    def _stop_syncing(self) -> None:
        if self.syncer is not None:
            self.syncer.stop()
            self.syncer = None

    def commit(self) -> None:
        assert self.file is not None
        self._stop_syncing()
        self.file.commit()  # fsync, rename, fsync the folder

    def discard(self) -> None:
        self._stop_syncing()
        if self.file is not None:
            self.file.discard()
            self.file = None


class MemoryOutput:
    """The packet kept in memory, in a BytesIO made as large as the packet is expected to be (its
    memory touched by the sink's thread before the first byte comes), the pipe read straight into it;
    what goes past the expected size is written after it at the end."""

    PREPARE_STEP = 4 << 20

    def __init__(self) -> None:
        self.buffer, self.expected = io.BytesIO(), 0
        self.view: memoryview | None = None
        self.at, self.full, self.ready = 0, False, threading.Event()
        self.overflow: list[bytes] = []

    def start(self, expected: int = 0) -> Sink:
        """An empty buffer, room for *expected* bytes made by the sink's thread, and the sink."""
        self.discard()
        self.expected = expected
        return Sink(self)

    def prepare(self) -> None:
        """Make the room (the sink's thread, first thing)."""
        if self.expected > 0:
            # zeroed once here, in the thread, not while the pipe waits; a few MB at a time, so the
            # GIL is not held for all of it at once (the caller is sending the worker its request)
            for end in range(self.PREPARE_STEP, self.expected + self.PREPARE_STEP, self.PREPARE_STEP):
                self.buffer.seek(min(end, self.expected) - 1)
                self.buffer.write(b"\0")
            self.view = self.buffer.getbuffer()
        self.ready.set()

    def room(self, size: int) -> memoryview | None:
        """The next *size* bytes of the room, or None when it is used up (or there is none)."""
        self.ready.wait()
        if self.full or self.view is None or self.at + size > len(self.view):
            self.full = True  # the rest goes after it, in order
            return None
        view = self.view[self.at : self.at + size]
        self.at += size
        return view

    def write(self, data: bytes) -> int:
        if self.view is not None:
            self.overflow.append(data)
        else:
            self.buffer.write(data)
        return len(data)

    def value(self) -> bytes:
        """The packet (once the sink finished): the buffer cut to its length, without a copy."""
        if self.view is not None:
            self.view.release()
            self.view = None
            self.buffer.truncate(self.at)
            self.buffer.seek(self.at)
            for data in self.overflow:
                self.buffer.write(data)
            self.overflow = []
        return self.buffer.getvalue()

    def commit(self) -> None:
        pass

    def discard(self) -> None:
        if self.view is not None:
            self.view.release()
        self.buffer, self.view, self.at, self.full, self.overflow = io.BytesIO(), None, 0, False, []
        self.ready = threading.Event()


@dataclass
class FinishPlan:
    sections: list[Section]  # in order; first_page 1-based
    #: the start of every footer (the name and date of birth); None: no footers
    footer_lead: str | None
    contents_part: int | None  # index in sections of the contents pages (their links are resolved)
    title: str
    password: str | None = None


def lead_form(text: str) -> tuple[bytes, dict[str, Any]] | None:
    """*text* typeset by Qt with an embedded font when Helvetica cannot show it (else None): the PDF and
    what the worker needs to place it (width, height and baseline in points)."""
    if not text or can_use_helvetica(text):
        return None
    data, width, height, baseline = typeset.text_strip(text, FOOTER_SIZE)
    return data, {"text": text, "width": width, "height": height, "baseline": baseline}


def assemble(
    worker: PdfWorker,
    parts: list[Part],
    plan: FinishPlan,
    sink: Sink,
    on_writing: Callable[[], None] | None = None,
) -> int:
    """The packet of *parts* streamed into *sink*; returns its page count. Raises PdfError (the worker
    failed or stopped) or Cancelled."""
    blobs: list[bytes] = []
    order: list[dict[str, Any]] = []
    for part in parts:
        if part.key is not None:
            order.append({"key": part.key})
        else:
            assert part.data is not None
            order.append({"blob": len(blobs)})
            blobs.append(part.data)
    footer = None
    if plan.footer_lead is not None:
        form = lead_form(plan.footer_lead)
        if form is not None:
            form[1]["blob"] = len(blobs)
            blobs.append(form[0])
        footer = {"lead": plan.footer_lead, "form": form[1] if form else None}
    links = None
    if plan.contents_part is not None:
        contents = plan.sections[plan.contents_part]
        links = {
            "scheme": LINK_SCHEME,
            "first": contents.first_page - 1,
            "count": contents.pages,
            "targets": [s.first_page - 1 for s in plan.sections],
        }
    args = {
        "parts": order,
        "footer": footer,
        "links": links,
        "outline": [{"title": s.title, "page": s.first_page - 1} for s in plan.sections],
        "title": plan.title,
        "password": plan.password or None,
        "release": True,  # the worker lets each document go once its pages are copied
    }
    held = sum(p.size for p in parts)

    def progress(done: int, total: int) -> None:
        if on_writing is not None and done == 1:
            on_writing()

    try:
        reply = worker.call(
            "packet-assemble",
            args,
            blobs,
            out=sink,  # type: ignore[arg-type]
            progress=progress,
            time_limit=ASSEMBLY_TIME_S + held / ASSEMBLY_RATE,
            memory_limit=memory_limit(held),
        )
    except BaseException:
        sink.stop()  # the call's own error is the one reported
        raise
    try:
        sink.finish()
    except OSError:  # as when the output could not be written while the call read the pipe
        raise PdfError("pdf-worker-crashed") from None
    return int(reply["pages"])
