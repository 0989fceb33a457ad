"""The chosen documents: decrypted into memory, then checked and made safe in the PDF worker (a PDF),
or typeset by Qt here (a photo, a scan, a text note).

A PDF is parsed only in the worker (`mbc_vault/pdf/sanitize.py`): its decrypted bytes go there
through the pipe, and the cleaned document stays in the worker's memory under the part's key until
the packet is assembled. Nothing touches the disk.
"""

from __future__ import annotations

import logging
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
#: time for the worker to check one document (a looping or hostile file is stopped here)
CHECK_TIME_S = 30.0
#: the worker's memory limit is this much more than the documents it already holds
MEMORY_HEADROOM = 1 << 30
#: why a document cannot go in, when the worker was stopped on it (the worker's codes say "this file")
WORKER_STOPPED = {
    "pdf-worker-timeout": "pdf-too-slow",
    "pdf-worker-memory": "pdf-too-much-memory",
    "pdf-worker-crashed": "pdf-reader-stopped",
}


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


def decrypt_document(vault: Vault, record: Any, cancel: CancelFlag | None = None) -> bytes:
    """*record*'s document decrypted and verified, in memory; raises DocumentRejected. Safe to run in a
    thread: file reads, ChaCha20-Poly1305 and SHA-256 release the GIL."""
    chunks = []
    try:
        with vault.open_document(record.id) as stream:
            for chunk in stream.chunks():
                chunks.append(chunk)
                if cancel is not None and cancel.is_set():
                    raise Cancelled("packet-cancelled")
    except VaultError as exc:
        if isinstance(exc, Cancelled):
            raise
        raise DocumentRejected("unreadable-in-vault", why=exc) from None
    return b"".join(chunks)


def rejected(error: PdfError) -> DocumentRejected:
    """The worker's answer about a document as the reason it cannot go in."""
    if error.code in WORKER_STOPPED:
        return DocumentRejected(WORKER_STOPPED[error.code])
    if error.code in ("pdf-password-protected", "pdf-no-pages"):
        return DocumentRejected(error.code)
    detail = error.params.get("detail") or "the PDF reader could not read it"
    return DocumentRejected("pdf-damaged", detail=str(detail))


def check_pdf(worker: PdfWorker, data: bytes, key: str, held: int, trial: bool = False) -> dict[str, Any]:
    """The worker checks and cleans the PDF *data* and keeps it under *key*; raises DocumentRejected.
    *trial*: it also writes the pages once (finds a document that would break the assembly)."""
    try:
        return worker.call(
            "packet-sanitize",
            {"key": key, "check": trial},
            [data],
            time_limit=CHECK_TIME_S,
            memory_limit=memory_limit(held + len(data)),
        )
    except PdfError as exc:
        raise rejected(exc) from None


def document_part(
    worker: PdfWorker, data: bytes, record: Any, page_size: str, held: int = 0, trial: bool = False
) -> Part:
    """The decrypted document *data* as a safe part of the packet; raises DocumentRejected. A PDF goes
    to the worker (which holds *held* bytes already); anything else is typeset here by Qt."""
    media = sniff_media_type(data[:2048], record.original_name)
    title = document_title(record)
    if media == "application/pdf":
        reply = check_pdf(worker, data, record.id, held, trial)
        stripped = [str(s) for s in reply.get("stripped") or []]
        if stripped:
            log.info("removed active content from %s: %s", record.id, ", ".join(stripped))
        pages = int(reply["pages"])
        return Part(title, "document", pages, record.id, None, record.id, worker.starts, len(data), stripped)
    if media in IMAGE_TYPES:
        try:
            pdf, pages = typeset.image_pdf(data, title=title, page_size=page_size)
        except typeset.ImageError as exc:
            raise DocumentRejected("image-unreadable", detail=str(exc)) from None
    elif media == "text/plain":
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        pdf, pages = typeset.text_pdf(text, title=record.title, page_size=page_size)
    else:
        raise DocumentRejected("format-not-supported", media=media or "unknown")
    return Part(title, "document", pages, record.id, pdf, size=len(pdf))


def problem_for(record: Any, reason: VaultError) -> DocumentProblem:
    return DocumentProblem(record.id, record.title, str(reason), reason)
