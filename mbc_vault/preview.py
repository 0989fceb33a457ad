"""The app's preview of a document, drawn page by page in a PDF worker of its own.

The document's decrypted bytes go to the worker through its pipe (never a file); the worker parses
and draws them under its time and memory limits (mbc_vault.pdf.client), so a hostile file costs the
app neither its responsiveness nor its memory: only the page images come back, at the size shown.
One `Previewer` serves one preview pane: its worker is reused from one document to the next, any
thread may call it (calls run one at a time), and `stop()`, from any thread, ends the call in
progress and the worker at once (a new selection, the lock, quitting).
"""

from __future__ import annotations

import codecs
import io
import itertools
import threading
from dataclasses import dataclass, field
from typing import Any

from .errors import Cancelled
from .pdf.client import PdfWorker

#: a preview that takes longer than this, or more memory, is "too complex to preview here"
PREVIEW_TIME_LIMIT_S = 10.0
PREVIEW_MEMORY_LIMIT_BYTES = 1 << 30
#: codes of a document the preview gave up on because of its cost, not because it is unreadable (a
#: worker that ran out of its memory inside PDFium ends as "crashed": PDFium aborts then)
TOO_COMPLEX = frozenset(
    {"preview-too-large", "pdf-worker-timeout", "pdf-worker-memory", "pdf-worker-crashed"}
)
#: a text preview shows at most this many characters, in lines of at most PREVIEW_TEXT_LINE: a text
#: view lays out a long line as one block (one line of 200,000 letters without a space took 12 s)
PREVIEW_TEXT_CHARS = 100_000
PREVIEW_TEXT_LINE = 1_000
#: the most bytes those characters can take in UTF-8: what the preview reads of a text document
PREVIEW_TEXT_BYTES = 4 * PREVIEW_TEXT_CHARS
_serials = itertools.count(1)


@dataclass
class TextPreview:
    """What a text preview shows: the text, and whether it is only the beginning of the document."""

    text: str
    cut: bool


def text_preview(data: bytes | bytearray | memoryview, size: int | None = None) -> TextPreview:
    """The beginning of a text document for the preview: *data* is its first bytes (or all of them),
    *size* the whole document's size (len(data) if not given). At most PREVIEW_TEXT_CHARS characters
    of UTF-8 (undecodable bytes replaced), and lines longer than PREVIEW_TEXT_LINE broken after their
    last space within it, or at it: quick to show whatever the document holds."""
    view = memoryview(data)[:PREVIEW_TEXT_BYTES]
    whole = len(view) == len(data) and (size is None or size <= len(data))
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    text = decoder.decode(view, final=whole)
    cut = not whole
    if len(text) > PREVIEW_TEXT_CHARS:
        text, cut = text[:PREVIEW_TEXT_CHARS], True
    lines = []
    for line in text.splitlines(keepends=True):
        start, length = 0, len(line.rstrip("\r\n"))
        while length - start > PREVIEW_TEXT_LINE:
            space = line.rfind(" ", start + PREVIEW_TEXT_LINE // 2, start + PREVIEW_TEXT_LINE)
            end = space + 1 if space >= 0 else start + PREVIEW_TEXT_LINE
            lines.append(line[start:end].rstrip(" ") + "\n")
            start = end
        lines.append(line[start:])
    return TextPreview("".join(lines), cut)


def read_text_head(stream: io.RawIOBase, limit: int = PREVIEW_TEXT_BYTES) -> bytearray:
    """The first *limit* bytes of *stream* (fewer if it is shorter), in a bytearray for the caller to
    wipe: what a text preview reads of a document, however large it is."""
    out = bytearray(limit)
    view, got = memoryview(out), 0
    while got < limit:
        n = stream.readinto(view[got:])
        if not n:
            break
        got += n
    view.release()
    del out[got:]
    return out


@dataclass(eq=False)
class PreviewDocument:
    """A document to preview: its bytes (the owner wipes them), "pdf" or "image", and a password."""

    data: bytearray
    kind: str = "pdf"
    password: str = ""
    #: tells documents apart in the worker (an id() could be reused by the next document)
    serial: int = field(default_factory=lambda: next(_serials))


@dataclass
class PageSizes:
    """What the worker found: each page's width and height (points for a PDF, pixels for an image)."""

    sizes: list[tuple[float, float]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sizes)


@dataclass
class PageImage:
    """One page drawn: RGB rows, three bytes a pixel, no padding; *asked* is the width asked for (the
    image's own may differ by a pixel, PDFium rounding the scale)."""

    number: int
    width: int
    height: int
    pixels: bytes
    asked: int = 0


class Previewer:
    """One worker process for one preview pane, holding one document at a time."""

    def __init__(
        self, time_limit: float = PREVIEW_TIME_LIMIT_S, memory_limit: int = PREVIEW_MEMORY_LIMIT_BYTES
    ) -> None:
        self._worker = PdfWorker(time_limit=time_limit, memory_limit=memory_limit)
        self._calls = threading.Lock()  # one call at a time on the worker
        self._state = threading.Lock()  # guards _held and _cancel across threads
        self._held: tuple[int, int] | None = None  # (id of the document, worker start) the worker holds
        self._cancel: threading.Event | None = None
        self._job = ""

    @property
    def job(self) -> str:
        """The job the worker is running now ("preview-open", "preview-page"), or ""."""
        with self._state:
            return self._job

    @property
    def pid(self) -> int | None:
        """The worker's process id while it runs (tests)."""
        return self._worker.pid

    def open(self, document: PreviewDocument, cancel: threading.Event | None = None) -> PageSizes:
        """Send *document* to the worker and return its page sizes. Raises PdfError (its code says why;
        TOO_COMPLEX ones mean the document costs too much to preview) or Cancelled."""
        with self._calls:
            reply = self._send(document, cancel)
        return PageSizes([(float(w), float(h)) for w, h in reply["sizes"]])

    def page(
        self, document: PreviewDocument, number: int, width: int, cancel: threading.Event | None = None
    ) -> PageImage:
        """Page *number* (1-based) of *document* drawn *width* pixels wide (the document is sent again
        first if the worker no longer holds it, for example after it was stopped)."""
        with self._calls:
            with self._state:
                held = self._held == (document.serial, self._worker.starts) and self._worker.pid is not None
            if not held:
                self._send(document, cancel)
            sink = io.BytesIO()
            reply = self._call("preview-page", {"page": number, "width": width}, cancel, None, sink)
        return PageImage(number, int(reply["width"]), int(reply["height"]), sink.getvalue(), width)

    def _send(self, document: PreviewDocument, cancel: threading.Event | None) -> dict[str, Any]:
        with self._state:
            self._held = None
        reply = self._call(
            "preview-open", {"kind": document.kind, "password": document.password}, cancel, document
        )
        with self._state:
            self._held = (document.serial, self._worker.starts)
        return reply

    def _call(
        self,
        job: str,
        args: dict[str, Any],
        cancel: threading.Event | None,
        document: PreviewDocument | None,
        sink: io.BytesIO | None = None,
    ) -> dict[str, Any]:
        cancel = cancel if cancel is not None else threading.Event()  # stop() can always end it
        with self._state:
            self._cancel, self._job = cancel, job
            self._worker.cancel = cancel
        if cancel is not None and cancel.is_set():
            raise Cancelled("pdf-cancelled")
        blobs = [memoryview(document.data)] if document is not None else []
        try:
            return self._worker.call(job, args, blobs, out=sink)
        finally:
            with self._state:
                self._cancel, self._job = None, ""

    def cancel(self) -> None:
        """End the call in progress, if any (the worker is stopped; the next call starts a new one)."""
        with self._state:
            flag = self._cancel
        if flag is not None:
            flag.set()

    def stop(self) -> None:
        """End the call in progress and the worker, and wait until both have ended: nothing of the
        document is left in a process of ours. Safe from any thread, and again later."""
        self.cancel()
        with self._calls:
            with self._state:
                self._held = None
            self._worker.close()
