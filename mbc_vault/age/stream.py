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
from .secret import decrypt_into, derive, wipe

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENC_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
NONCE_SIZE = 16


def _payload_key(file_key: bytes | bytearray, nonce: bytes) -> ChaCha20Poly1305:
    """The payload's cipher; the key derived for it is wiped (OpenSSL keeps its own copy, which it
    clears when the cipher is freed)."""
    key = derive(HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload"), file_key, 32)
    try:
        return ChaCha20Poly1305(key)
    finally:
        wipe(key)


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


class _ViewReader:
    """Reads *data* in place: a chunk is a slice of it, never a copy (BytesIO would copy it all)."""

    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self._view = memoryview(data)
        self._at = 0

    def read(self, size: int = -1, /) -> memoryview:
        end = len(self._view) if size < 0 else min(len(self._view), self._at + size)
        chunk, self._at = self._view[self._at : end], end
        return chunk


def encrypt_bytes(data: bytes | bytearray | memoryview, recipients: Sequence[Recipient]) -> bytes:
    out = io.BytesIO()
    encrypt_stream(_ViewReader(data), out, recipients)
    return out.getvalue()


def encrypt_secret(data: bytearray, recipients: Sequence[Recipient]) -> bytes:
    """encrypt_bytes for a secret text made for writing (a key file, a keyring): *data* is wiped."""
    try:
        return encrypt_bytes(data, recipients)
    finally:
        wipe(data)


def unwrap_file_key(header: Header, identities: Sequence[Identity]) -> tuple[bytearray, Identity]:
    """Find the file key with *identities*, then check the header MAC; returns the key (a bytearray for
    the caller to wipe) and the identity that matched."""
    if any(s.type == "scrypt" for s in header.stanzas) and len(header.stanzas) != 1:
        raise HeaderError("an scrypt stanza must be the only stanza in the header")
    for stanza in header.stanzas:
        for identity in identities:
            file_key = identity.unwrap(stanza)
            if file_key is not None:
                try:
                    if len(file_key) != FILE_KEY_SIZE:
                        raise HeaderError("file key has the wrong length")
                    verify_mac(header, file_key)
                except BaseException:
                    wipe(file_key)
                    raise
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
        try:
            nonce = bytes(_read_full(src, NONCE_SIZE))
            if len(nonce) != NONCE_SIZE:
                raise HeaderError("the payload nonce is missing or short")
            self.nonce = nonce
            self._aead = _payload_key(file_key, nonce)
        finally:
            wipe(file_key)

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

    def read_into(self, out: bytearray | memoryview) -> tuple[int, bool]:
        """Decrypt the payload into *out* in place, chunk by chunk, with chunks()'s checks (no `bytes`
        copy of the plaintext is made, see secret.py). Returns how many bytes were written and whether
        the payload goes on past the end of *out* (then its rest is left unread)."""
        view, at, counter = memoryview(out), 0, 0
        while True:
            enc = _read_full(self._src, ENC_CHUNK_SIZE)
            last = len(enc) < ENC_CHUNK_SIZE
            if len(enc) < TAG_SIZE:
                raise PayloadError("the encrypted payload is truncated")
            if last and len(enc) == TAG_SIZE and counter > 0:
                raise PayloadError("the final chunk is empty")
            size = len(enc) - TAG_SIZE
            if at + size > len(view):
                return at, True
            plain = view[at : at + size]
            try:
                decrypt_into(self._aead, _chunk_nonce(counter, last), enc, plain)
            except InvalidTag:
                if last:
                    raise PayloadError("a payload chunk failed authentication") from None
                try:  # a full-size chunk may be the final one
                    decrypt_into(self._aead, _chunk_nonce(counter, True), enc, plain)
                    last = True
                except InvalidTag:
                    raise PayloadError("a payload chunk failed authentication") from None
            at += size
            if last:
                if self._src.read(1):
                    raise PayloadError("trailing data after the end of the encrypted payload")
                return at, False
            counter += 1

    def read_secret(self, limit: int = 16 << 20) -> bytearray:
        """The whole plaintext of a small file (at most *limit* bytes) in one bytearray, decrypted
        into it in place (see secret.py), for the caller to wipe. Checks as chunks() does."""
        bound = limit + (limit // CHUNK_SIZE + 1) * TAG_SIZE
        encrypted = memoryview(bytes(_read_full(self._src, bound + 1)))
        if len(encrypted) > bound:
            raise PayloadError("the encrypted payload is longer than this kind of file can be")
        count = max(1, -(-len(encrypted) // ENC_CHUNK_SIZE))
        final = len(encrypted) - (count - 1) * ENC_CHUNK_SIZE
        if final < TAG_SIZE:
            raise PayloadError("the encrypted payload is truncated")
        if final == TAG_SIZE and count > 1:
            raise PayloadError("the final chunk is empty")
        out = bytearray(len(encrypted) - count * TAG_SIZE)
        view = memoryview(out)
        try:
            for counter in range(count):
                enc = encrypted[counter * ENC_CHUNK_SIZE : (counter + 1) * ENC_CHUNK_SIZE]
                plain = view[counter * CHUNK_SIZE : counter * CHUNK_SIZE + len(enc) - TAG_SIZE]
                try:
                    decrypt_into(self._aead, _chunk_nonce(counter, counter == count - 1), enc, plain)
                except InvalidTag:
                    raise PayloadError("a payload chunk failed authentication") from None
        except BaseException:
            wipe(out)
            raise
        return out


def decrypt_stream(
    src: BinaryIO, dst: BinaryIO, identities: Sequence[Identity], *, armored: bool = False
) -> None:
    for chunk in Decryptor(src, identities, armored=armored).chunks():
        dst.write(chunk)


def decrypt_bytes(data: bytes, identities: Sequence[Identity], *, armored: bool = False) -> bytes:
    return Decryptor(io.BytesIO(data), identities, armored=armored).read_all()


def decrypt_secret(data: bytes, identities: Sequence[Identity]) -> bytearray:
    """decrypt_bytes for a small file that holds secrets (a key file, a keyring): the plaintext is a
    bytearray decrypted in place, for the caller to wipe (Decryptor.read_secret)."""
    return Decryptor(io.BytesIO(data), identities).read_secret()
