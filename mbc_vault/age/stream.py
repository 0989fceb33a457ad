"""age v1 encryption and decryption as bounded-memory streams (STREAM, 64 KiB chunks)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import armor
from .errors import AgeError, HeaderError, NoIdentityMatch, PayloadError
from .header import Header, encode_header, read_header, verify_mac
from .recipients import FILE_KEY_SIZE, Identity, Recipient

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16


def _payload_key(file_key: bytes, nonce: bytes) -> ChaCha20Poly1305:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload").derive(file_key)
    return ChaCha20Poly1305(key)


def _chunk_nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class Readable(Protocol):
    """What encrypt_stream reads: a binary file, or any object with its read()."""

    def read(self, size: int = -1, /) -> bytes | memoryview | None: ...


class Writable(Protocol):
    """What encrypt_stream writes to: a binary file, or any object with its write()."""

    def write(self, data: bytes, /) -> object: ...


def _read_full(src: Readable, size: int) -> bytes | memoryview:
    data = src.read(size) or b""
    if len(data) in (0, size):
        return data
    joined = bytearray(data)
    while len(joined) < size:
        more = src.read(size - len(joined))
        if not more:
            break
        joined += more
    return bytes(joined)


def encrypt_stream(
    src: Readable,
    dst: Writable,
    recipients: Sequence[Recipient],
    *,
    on_chunk: Callable[[bytes | memoryview], None] | None = None,
) -> bytes:
    """Encrypt *src* to *dst* for *recipients*; returns the 16-byte payload nonce.

    *on_chunk* sees each plaintext chunk (to hash it or report progress; raising aborts).
    """
    if not recipients:
        raise AgeError("no recipients")
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas = [s for r in recipients for s in r.wrap(file_key)]
    if any(s.type == "scrypt" for s in stanzas) and len(stanzas) != 1:
        raise AgeError("a passphrase recipient must be the only recipient")
    nonce = os.urandom(NONCE_SIZE)
    aead = _payload_key(file_key, nonce)
    dst.write(encode_header(stanzas, file_key))
    dst.write(nonce)
    counter = 0
    current = _read_full(src, CHUNK_SIZE)
    while True:
        following = _read_full(src, CHUNK_SIZE) if len(current) == CHUNK_SIZE else b""
        last = not following
        if on_chunk is not None:
            on_chunk(current)
        dst.write(aead.encrypt(_chunk_nonce(counter, last), current, None))
        if last:
            return nonce
        counter += 1
        current = following


def encrypt_bytes(data: bytes, recipients: Sequence[Recipient]) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, recipients)
    return out.getvalue()


def unwrap_file_key(header: Header, identities: Sequence[Identity]) -> tuple[bytes, Identity]:
    """Find the file key with *identities*, then check the header MAC; returns the key and the identity
    that matched."""
    if any(s.type == "scrypt" for s in header.stanzas) and len(header.stanzas) != 1:
        raise HeaderError("an scrypt stanza must be the only stanza in the header")
    for stanza in header.stanzas:
        for identity in identities:
            file_key = identity.unwrap(stanza)
            if file_key is not None:
                if len(file_key) != FILE_KEY_SIZE:
                    raise HeaderError("file key has the wrong length")
                verify_mac(header, file_key)
                return file_key, identity
    raise NoIdentityMatch("no identity matched any of the recipients")


class Decryptor:
    """Opens an age file: parses the header and unwraps the file key at once,
    then yields plaintext chunk by chunk, each released only after it authenticated.

    A caller that writes the plaintext somewhere must commit it only after the
    iteration finished without error (a later chunk may still fail).
    """

    def __init__(self, src: BinaryIO, identities: Sequence[Identity], *, armored: bool = False) -> None:
        if armored:
            src = io.BytesIO(armor.decode(src.read(armor.MAX_ARMORED_BYTES + 1)))
        self._src = src
        self.header = read_header(src)
        file_key, self.identity = unwrap_file_key(self.header, identities)
        nonce = bytes(_read_full(src, NONCE_SIZE))
        if len(nonce) != NONCE_SIZE:
            raise HeaderError("the payload nonce is missing or short")
        self.nonce = nonce
        self._aead = _payload_key(file_key, nonce)

    @property
    def public_key(self) -> bytes:
        """The X25519 public key of the identity that opened the file (b"" for a passphrase)."""
        return getattr(self.identity, "public_key", b"")

    def chunks(self) -> Iterator[bytes]:
        counter = 0
        src = self._src
        while True:
            enc = _read_full(src, ENC_CHUNK_SIZE)
            last = len(enc) < ENC_CHUNK_SIZE
            if len(enc) < TAG_SIZE:
                raise PayloadError("the encrypted payload is truncated")
            if last and len(enc) == TAG_SIZE and counter > 0:
                raise PayloadError("the final chunk is empty")
            try:
                plain = self._aead.decrypt(_chunk_nonce(counter, last), enc, None)
            except InvalidTag:
                if last:
                    raise PayloadError("a payload chunk failed authentication") from None
                try:  # a full-size chunk may be the final one
                    plain = self._aead.decrypt(_chunk_nonce(counter, True), enc, None)
                    last = True
                except InvalidTag:
                    raise PayloadError("a payload chunk failed authentication") from None
            yield plain
            if last:
                if src.read(1):
                    raise PayloadError("trailing data after the end of the encrypted payload")
                return
            counter += 1

    def read_all(self) -> bytes:
        return b"".join(self.chunks())


def decrypt_stream(
    src: BinaryIO, dst: BinaryIO, identities: Sequence[Identity], *, armored: bool = False
) -> None:
    for chunk in Decryptor(src, identities, armored=armored).chunks():
        dst.write(chunk)


def decrypt_bytes(data: bytes, identities: Sequence[Identity], *, armored: bool = False) -> bytes:
    return Decryptor(io.BytesIO(data), identities, armored=armored).read_all()
