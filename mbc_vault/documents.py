"""Reading a stored document back: an authenticated, integrity-checked stream; media types."""

from __future__ import annotations

import codecs
import hashlib
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import age
from .errors import IntegrityError, Reason

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

    from .records import Record

MEDIA_TYPES_BY_SUFFIX = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".txt": "text/plain",
    ".heic": "image/heic",
}


def sniff_media_type(head: bytes, name: str = "") -> str:
    """The media type from the first bytes of a file, falling back to its name."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    suffix = Path(name).suffix.lower()
    if suffix in MEDIA_TYPES_BY_SUFFIX:
        return MEDIA_TYPES_BY_SUFFIX[suffix]
    if head:
        try:  # not final: the head may end inside a character that the rest of the file completes
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            return "text/plain"
        except UnicodeDecodeError:
            pass
    return "application/octet-stream"


class DocumentStream(io.RawIOBase):
    """The plaintext of one document. Every byte comes from an authenticated age chunk; at the
    end the size and SHA-256 are compared with the record, and IntegrityError is raised on any
    difference (the document file was swapped, truncated or altered)."""

    def __init__(
        self, handle: BinaryIO, identities: Sequence[age.X25519Identity], record: Record, path: Path
    ) -> None:
        super().__init__()
        self._handle = handle
        self._record = record
        self._path = path
        try:
            self._decryptor = age.Decryptor(handle, identities)
        except age.AgeError as exc:
            raise self._damaged(Reason("header-damaged", detail=exc)) from None
        if record.document is None or self._decryptor.nonce.hex() != record.document.nonce:
            raise self._damaged(Reason("not-this-document"))
        #: the public key of the scope key that opened the document
        self.public_key = self._decryptor.public_key
        self._iter = self._verified_chunks()
        self._buffer = b""

    def _damaged(self, why: Reason) -> IntegrityError:
        return IntegrityError(
            "document-damaged",
            title=self._record.title,
            why=why,
            record_id=self._record.id,
            path=str(self._path),
        )

    def _verified_chunks(self) -> Iterator[bytes]:
        digest = hashlib.sha256()
        size = 0
        try:
            for chunk in self._decryptor.chunks():
                digest.update(chunk)
                size += len(chunk)
                if size > self._record.size:
                    raise self._damaged(Reason("document-too-long"))
                yield chunk
        except age.AgeError as exc:
            raise self._damaged(Reason("payload-damaged", detail=exc)) from None
        if size != self._record.size or digest.hexdigest() != self._record.sha256:
            raise self._damaged(Reason("fingerprint-mismatch"))

    def chunks(self) -> Iterator[bytes]:
        """Authenticated plaintext chunks; raises IntegrityError at the point damage is found."""
        if self._buffer:
            yield self._buffer
            self._buffer = b""
        yield from self._iter

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        if not self._buffer:
            self._buffer = next(self._iter, b"")
        view = memoryview(buffer).cast("B")
        n = min(len(view), len(self._buffer))
        view[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n

    def read_all(self) -> bytes:
        return b"".join(self.chunks())

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()
