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


#: archives, by their first bytes (offset, signature, media type): checked before "%PDF-", which a
#: zip of PDFs stored without compression holds within its first kilobyte
ARCHIVE_SIGNATURES = (
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"PK\x05\x06", "application/zip"),  # an empty zip
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"\x1f\x8b\x08", "application/gzip"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (4, b"1AY&SY", "application/x-bzip2"),  # after "BZh" and the block size
    (257, b"ustar\x00", "application/x-tar"),  # POSIX
    (257, b"ustar  \x00", "application/x-tar"),  # GNU
)
#: a few archive-like names: the program's words for each (extract's problem sentence)
ARCHIVE_NAMES = {
    "application/zip": "a zip file",
    "application/x-7z-compressed": "a 7-Zip archive",
    "application/vnd.rar": "a RAR archive",
    "application/gzip": "a compressed (gzip) file",
    "application/x-xz": "a compressed (xz) file",
    "application/x-bzip2": "a compressed (bzip2) file",
    "application/x-tar": "a tar archive",
}
#: office documents are zip files inside: named as what they are, not as archives
ZIPPED_DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".pages", ".numbers", ".key"}
)


def sniff_archive(head: bytes, name: str = "") -> str | None:
    """The media type of an archive (zip, 7-Zip, RAR, gzip, xz, bzip2, tar) from its first bytes;
    None for anything else, and for office documents, which are zip files inside."""
    for offset, signature, media_type in ARCHIVE_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            if media_type == "application/zip" and Path(name).suffix.lower() in ZIPPED_DOCUMENT_SUFFIXES:
                return None
            if media_type == "application/x-bzip2" and not head.startswith(b"BZh"):
                continue
            return media_type
    return None


def sniff_media_type(head: bytes, name: str = "") -> str:
    """The media type from the first bytes of a file, falling back to its name."""
    archive = sniff_archive(head, name)
    if archive is not None:
        return archive
    if head[:4] == b"PK\x03\x04":  # an office document: never a PDF, whatever it holds
        return "application/octet-stream"
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

    def read_secret(self) -> bytearray:
        """The whole document in one bytearray, decrypted into it in place (no `bytes` copy of it is
        made), checked as chunks() checks it; for the caller to wipe (age.wipe) when done with it.
        Only on a stream nothing was read from yet."""
        out = bytearray(self._record.size)
        try:
            try:
                size, more = self._decryptor.read_into(out)
            except age.AgeError as exc:
                raise self._damaged(Reason("payload-damaged", detail=exc)) from None
            if more:
                raise self._damaged(Reason("document-too-long"))
            if size != self._record.size or hashlib.sha256(out).hexdigest() != self._record.sha256:
                raise self._damaged(Reason("fingerprint-mismatch"))
        except BaseException:
            age.wipe(out)
            raise
        return out

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
        super().close()
