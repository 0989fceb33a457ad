"""The chosen documents: decrypted into memory, then checked and made safe in the PDF worker (a PDF),
made pages there too (a photo or scan), or typeset by Qt here (a text note).

A PDF is parsed only in the worker (`mbc_vault/pdf/sanitize.py`): its decrypted bytes go there
through the pipe, and the cleaned document stays in the worker's memory under the part's key until
the packet is assembled. A photo or scan is decoded only in the worker as well, with the checks of its
import (`mbc_vault/pdf/images.py`), and comes back as PDF pages, one for each page of a TIFF. Nothing
touches the disk.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..documents import sniff_media_type
from ..errors import Cancelled, VaultError
from ..pdf.client import PdfError, PdfWorker
from ..progress import CancelFlag
from ..render import typeset
from .model import DocumentProblem

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

log = logging.getLogger(__name__)

IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")
#: time for the worker to check one batch of documents (a looping or hostile file is stopped here).
#: bench/bench_hostile.py: the 1 GiB deflate bomb is checked at once (it is not decoded: its packet
#: takes as long as a 1-page one), a 20,000-page document in about 6 s on the shared 2-core machine
#: under load 7 (it took 44 s and was stopped here before its pages were copied one by one)
CHECK_TIME_S = 30.0
#: documents checked in one call of the worker (fewer round trips): up to this many, or bytes
BATCH_DOCUMENTS = 16
BATCH_BYTES = 16 << 20
#: documents up to this size are decrypted in one go (a cancel waits for at most this much)
DECRYPT_AT_ONCE = 32 << 20
#: threads decrypting documents ahead, while this thread typesets pages and the worker checks documents
DECRYPT_WORKERS = 2
#: documents are decrypted ahead of the one being checked: a batch, or more up to this many bytes. The
#: worker's start (Python, then pikepdf: 0.15-0.2 s) is time enough to decrypt 60 documents of 57 MB;
#: decrypted only a batch ahead, most of them were decrypted while the worker checked the first ones,
#: the threads and the pipe writes contending with each other (docs/performance.md)
DECRYPT_AHEAD_BYTES = 64 << 20
#: time for the worker to make one photo or scan pages (every page of a TIFF)
IMAGE_TIME_S = 60.0
#: the worker's memory limit is this much more than the documents it already holds. bench/bench_hostile.py:
#: the whole process tree of `mbc-vault packet` peaked at 290 MiB for the bomb and 298 MiB for
#: 20,000 pages, no process above 289 MiB (the CLI during the unlock's scrypt): the hostile files
#: need far less than this, which is kept for large honest documents (scans of hundreds of MB)
MEMORY_HEADROOM = 1 << 30
#: why a document cannot go in, when the worker was stopped on it (the worker's codes say "this file")
WORKER_STOPPED = {
    "pdf-worker-timeout": "pdf-too-slow",
    "pdf-worker-memory": "pdf-too-much-memory",
    "pdf-worker-crashed": "pdf-reader-stopped",
}
#: the same for a photo or scan; the worker's own codes for images are reasons as they are
IMAGE_STOPPED = {**WORKER_STOPPED, "pdf-worker-crashed": "image-damaged", "pdf-job-failed": "image-damaged"}
IMAGE_CODES = ("image-damaged", "image-too-large", "image-too-many-pages")


@dataclass
class Part:
    """One part of the packet: a PDF typeset here (`data`), or a document held by the worker (`key`)."""

    title: str
    kind: str
    pages: int
    record_id: str | None = None
    data: bytes | None = None
    key: str | None = None
    #: which of the worker's processes holds `key` (PdfWorker.starts when it was checked)
    generation: int = 0
    size: int = 0
    stripped: list[str] = field(default_factory=list)


class DocumentRejected(VaultError):
    """Why a chosen document cannot go in the packet; its sentence follows "cannot be included:"."""


def document_title(record: Any) -> str:
    return f"{record.title} ({record.date})" if record.date else record.title


def memory_limit(held: int) -> int:
    """The worker's memory limit while it holds *held* bytes of documents."""
    return MEMORY_HEADROOM + 3 * held


def decrypt_document(vault: Vault, record: Any, cancel: CancelFlag | None = None) -> bytes | bytearray:
    """*record*'s document decrypted and verified, in memory; raises DocumentRejected. Safe to run in a
    thread: file reads, ChaCha20-Poly1305 and SHA-256 release the GIL. A document of up to
    DECRYPT_AT_ONCE bytes is decrypted in place into one buffer (no chunks joined: one copy less of
    every byte); a larger one chunk by chunk, so a cancel stops it between chunks."""
    chunks = []
    try:
        with vault.open_document(record.id) as stream:
            if isinstance(record.size, int) and record.size <= DECRYPT_AT_ONCE:
                return stream.read_secret()
            for chunk in stream.chunks():
                chunks.append(chunk)
                if cancel is not None and cancel.is_set():
                    raise Cancelled("packet-cancelled")
    except VaultError as exc:
        if isinstance(exc, Cancelled):
            raise
        raise DocumentRejected("unreadable-in-vault", why=exc) from None
    return b"".join(chunks)


def rejected(code: str, params: dict[str, Any]) -> DocumentRejected:
    """The worker's answer about a document (a job's code, or the worker stopped) as the reason it
    cannot go in."""
    if code in WORKER_STOPPED:
        return DocumentRejected(WORKER_STOPPED[code])
    if code in ("pdf-password-protected", "pdf-no-pages"):
        return DocumentRejected(code)
    detail = params.get("detail") or "the PDF reader could not read it"
    return DocumentRejected("pdf-damaged", detail=str(detail))


def check_pdfs(
    worker: PdfWorker, documents: list[tuple[str, bytes | bytearray]], held: int, trial: bool = False
) -> list[dict[str, Any] | DocumentRejected]:
    """The worker checks and cleans each PDF of *documents* ((key, decrypted bytes)), in one call, and
    keeps it under its key; for each, its {"pages", "stripped", "generation"} (the worker process that
    holds it: PdfWorker.starts) or why it cannot go in. When one of them stops the worker, each is sent
    again on its own, to find which. *trial*: each is also written once (finds a document that would
    break the assembly)."""
    if not documents:
        return []
    size = sum(len(data) for _, data in documents)
    try:
        reply = worker.call(
            "packet-sanitize",
            {"keys": [key for key, _ in documents], "check": trial},
            [memoryview(data) for _, data in documents],
            time_limit=CHECK_TIME_S,
            memory_limit=memory_limit(held + size),
        )
    except PdfError as exc:
        if len(documents) == 1:
            return [rejected(exc.code, exc.params)]
        answers: list[dict[str, Any] | DocumentRejected] = []
        for document in documents:  # the stopped worker lost the others of the batch too
            answers.extend(check_pdfs(worker, [document], held, trial))
            if isinstance(answers[-1], dict):
                held += len(document[1])
        return answers
    found: list[dict[str, Any] | DocumentRejected] = []
    for answer in reply["documents"]:
        if "code" in answer:
            found.append(rejected(str(answer["code"]), dict(answer["params"])))
        else:
            found.append({**answer, "generation": worker.starts})
    return found


def pdf_part(record: Any, answer: dict[str, Any], size: int) -> Part:
    """The part of a PDF the worker checked and holds (its key is the record's id)."""
    stripped = [str(s) for s in answer.get("stripped") or []]
    if stripped:
        log.info("removed active content from %s: %s", record.id, ", ".join(stripped))
    title, pages, generation = document_title(record), int(answer["pages"]), int(answer["generation"])
    return Part(title, "document", pages, record.id, None, record.id, generation, size, stripped)


def is_pdf(data: bytes | bytearray, record: Any) -> bool:
    return sniff_media_type(bytes(data[:2048]), record.original_name) == "application/pdf"


def image_rejected(code: str, params: dict[str, Any]) -> DocumentRejected:
    """The worker's answer about a photo or scan as the reason it cannot go in."""
    if code in IMAGE_CODES or code == "pdf-job-unknown":  # (unknown: a copy built without Pillow)
        return DocumentRejected(code, **params)
    return DocumentRejected(IMAGE_STOPPED.get(code, "image-damaged"))


def image_part(
    worker: PdfWorker, data: bytes | bytearray, record: Any, media: str, page_size: str, held: int
) -> Part:
    """A photo or scan made PDF pages in the worker, with the checks of its import: fit to the page,
    upright, every page of a TIFF. Raises DocumentRejected (a damaged image: one imported before images
    were checked, or changed since) or Cancelled."""
    title = document_title(record)
    out = io.BytesIO()
    try:
        reply = worker.call(
            "image-pages",
            {"media": media, "page_size": page_size, "title": title},
            [memoryview(data)],
            out=out,
            time_limit=IMAGE_TIME_S,
            memory_limit=memory_limit(held + len(data)),
        )
    except PdfError as exc:
        raise image_rejected(exc.code, exc.params) from None
    pdf = out.getvalue()
    return Part(title, "document", int(reply["pages"]), record.id, pdf, size=len(pdf))


def typeset_part(data: bytes | bytearray, record: Any, page_size: str) -> Part:
    """A text note typeset by Qt into PDF pages; raises DocumentRejected for any other format."""
    media = sniff_media_type(bytes(data[:2048]), record.original_name)
    if media == "text/plain":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        pdf, pages = typeset.text_pdf(text, title=record.title, page_size=page_size)
    else:
        raise DocumentRejected("format-not-supported", media=media or "unknown")
    return Part(document_title(record), "document", pages, record.id, pdf, size=len(pdf))


def problem_for(record: Any, reason: VaultError) -> DocumentProblem:
    return DocumentProblem(record.id, record.title, str(reason), reason)


class DocumentSet:
    """The chosen documents, decrypted ahead by threads (a batch ahead at most: the plaintext waits in
    memory), checked in the worker in batches, in the chosen order. A document chosen twice is checked
    once. `parts` and `problems` hold the outcome by record id."""

    def __init__(
        self, vault: Vault, worker: PdfWorker, page_size: str, records: list[Any], stop: CancelFlag
    ) -> None:
        self.vault, self.worker, self.page_size, self.stop = vault, worker, page_size, stop
        self.records = list({r.id: r for r in records}.values())
        self.pool = ThreadPoolExecutor(max_workers=DECRYPT_WORKERS, thread_name_prefix="packet-decrypt")
        self.futures: dict[str, Future[bytes | bytearray]] = {}
        self.submitted = 0
        self.sizes = [0]  # sizes[n]: the size of the first n documents
        for record in self.records:
            self.sizes.append(self.sizes[-1] + (record.size if isinstance(record.size, int) else 0))
        self.batch: list[tuple[Any, bytes | bytearray]] = []
        self.parts: dict[str, Part] = {}
        self.problems: dict[str, DocumentRejected] = {}
        self.warming: threading.Thread | None = None

    def start(self) -> None:
        """Start decrypting the first documents (a batch), and the worker: a first empty call, from a
        thread, starts its process and loads its PDF library while this thread typesets pages."""
        self._ahead(BATCH_DOCUMENTS)
        self.warming = threading.Thread(target=self._warm, name="packet-worker-start", daemon=True)
        self.warming.start()

    def _warm(self) -> None:
        with contextlib.suppress(VaultError):  # stopped or cancelled: the first real call says so
            self.worker.call("packet-sanitize", {"keys": []})

    def _ready(self) -> None:
        if self.warming is not None:
            self.warming.join()
            self.warming = None

    def _ahead(self, count: int, position: int = 0) -> None:
        """Decrypt ahead: the documents before *count*, and more while those after *position* (the
        one being checked) that are decrypting or waiting hold less than DECRYPT_AHEAD_BYTES."""
        while self.submitted < len(self.records) and (
            self.submitted < count
            or self.bytes_to(self.submitted) - self.bytes_to(position) < DECRYPT_AHEAD_BYTES
        ):
            record = self.records[self.submitted]
            self.futures[record.id] = self.pool.submit(decrypt_document, self.vault, record, self.stop)
            self.submitted += 1

    def bytes_to(self, index: int) -> int:
        """The size of the documents before *index* (as the vault recorded them)."""
        return self.sizes[min(index, len(self.sizes) - 1)]

    def held(self) -> int:
        """The bytes of documents the worker holds now (for its memory limit)."""
        return sum(p.size for p in self.parts.values() if p.key is not None)

    def add(self, record: Any) -> None:
        """Check *record*'s document. A PDF waits for its batch: it goes to the worker when the batch is
        full, or when the next document is not decrypted yet (so the worker works meanwhile)."""
        if (
            record.id in self.parts
            or record.id in self.problems
            or any(r.id == record.id for r, _ in self.batch)
        ):
            return
        position = next(n for n, r in enumerate(self.records) if r.id == record.id)
        self._ahead(position + 1 + BATCH_DOCUMENTS, position)
        try:
            data = self.futures.pop(record.id).result()
            if not is_pdf(data, record):
                media = sniff_media_type(bytes(data[:2048]), record.original_name)
                if media in IMAGE_TYPES:
                    self._ready()  # the worker is free (its first call, from a thread, is done)
                    part = image_part(self.worker, data, record, media, self.page_size, self.held())
                else:
                    part = typeset_part(data, record, self.page_size)
                self.parts[record.id] = part
                return
        except DocumentRejected as exc:
            self.problems[record.id] = exc
            return
        self.batch.append((record, data))
        following = (
            self.futures.get(self.records[position + 1].id) if position + 1 < len(self.records) else None
        )
        if (
            len(self.batch) >= BATCH_DOCUMENTS
            or sum(len(d) for _, d in self.batch) >= BATCH_BYTES
            or (following is not None and not following.done())
        ):
            self.flush()

    def flush(self, trial: bool = False) -> None:
        """Send the waiting PDFs to the worker in one call."""
        self._ready()
        batch, self.batch = self.batch, []
        answers = check_pdfs(self.worker, [(r.id, data) for r, data in batch], self.held(), trial)
        for (record, data), answer in zip(batch, answers, strict=True):
            self.parts.pop(record.id, None)
            if isinstance(answer, DocumentRejected):
                self.problems[record.id] = answer
            else:
                self.parts[record.id] = pdf_part(record, answer, len(data))

    def check_again(self, records: list[Any], trial: bool = False) -> None:
        """Decrypt and check *records*' PDFs again (a stopped worker lost them; *trial*: write them
        once too), in batches."""
        for record in records:
            data = decrypt_document(self.vault, record, self.stop)
            self.batch.append((record, data))
            if len(self.batch) >= BATCH_DOCUMENTS or sum(len(d) for _, d in self.batch) >= BATCH_BYTES:
                self.flush(trial)
        self.flush(trial)

    def refresh(self, records: list[Any]) -> None:
        """Send again the documents a stopped worker process held (its next process has none)."""
        alive = self.worker.starts if self.worker.pid is not None else -1
        stale = [
            r
            for r in {r.id: r for r in records}.values()
            if (part := self.parts.get(r.id)) is not None
            and part.key is not None
            and part.generation != alive
        ]
        self.check_again(stale)

    def close(self) -> None:
        self._ready()
        for future in self.futures.values():
            future.cancel()
        self.pool.shutdown(wait=True)
        self.futures.clear()
        self.batch.clear()
