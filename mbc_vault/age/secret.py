"""Secrets in bytearrays, overwritten when they are no longer needed.

Python's `bytes` and `str` cannot be changed, so a key kept in one stays readable in the process's
memory after it is dropped, until the allocator happens to reuse that memory. Where the key's bytes
are ours (a key file's text, a secret scalar, a derived key, a passphrase handed to scrypt) they live
in a `bytearray` that is overwritten with zeros by `wipe` when done. `cryptography` copies what it is
given into OpenSSL, which clears its own copy when the key object is freed; with a version that has
`decrypt_into` and `derive_into` (45 and later) no `bytes` copy of a key or of a decrypted key file
is made on the way, with an older one these fall back to `decrypt` and `derive` (a copy is left).
"""

from __future__ import annotations

from typing import Protocol

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305


class _Derivation(Protocol):
    def derive(self, key_material: bytes, /) -> bytes: ...


def wipe(*buffers: bytearray | memoryview | None) -> None:
    """Overwrite each buffer with zeros, in place (its size stays the same)."""
    for buffer in buffers:
        if buffer is not None and len(buffer):
            buffer[:] = bytes(len(buffer))


def utf8(text: str) -> bytearray:
    """*text* encoded as UTF-8 into a bytearray of its exact size, a character at a time, so no whole
    `bytes` copy is made (one ASCII character encodes to one of Python's shared one-byte objects)."""
    size = sum(1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in text)
    out = bytearray(size)
    at = 0
    for char in text:
        piece = char.encode("utf-8")  # a lone surrogate raises UnicodeEncodeError, as str.encode does
        out[at : at + len(piece)] = piece
        at += len(piece)
    return out


def derive(kdf: _Derivation, material: bytes | bytearray, length: int) -> bytearray:
    """The key *kdf* (HKDF, scrypt) derives from *material*, in a new bytearray."""
    out = bytearray(length)
    into = getattr(kdf, "derive_into", None)
    if into is not None:
        into(material, out)
    else:  # cryptography before derive_into: the bytes it returns are left behind
        out[:] = kdf.derive(material)  # type: ignore[arg-type]
    return out


def decrypt_into(
    aead: ChaCha20Poly1305, nonce: bytes, data: bytes | bytearray | memoryview, out: bytearray | memoryview
) -> None:
    """Open *data* into *out* (exactly len(data) - 16 bytes); raises InvalidTag, after which *out* is
    wiped (nothing unauthenticated is left in it)."""
    into = getattr(aead, "decrypt_into", None)
    try:
        if into is not None:
            into(nonce, data, None, out)
        else:  # cryptography before decrypt_into: the bytes it returns are left behind
            out[:] = aead.decrypt(nonce, bytes(data), None)
    except BaseException:
        wipe(out)
        raise


def join(parts: list[bytes | bytearray | memoryview]) -> bytearray:
    """The parts one after another in a new bytearray of the exact size (`+` on a growing bytearray
    would leave its earlier buffers behind, unwiped)."""
    out = bytearray(sum(len(part) for part in parts))
    at = 0
    for part in parts:
        out[at : at + len(part)] = part
        at += len(part)
    return out


_HEX = b"0123456789abcdef"
_HEX_VALUES = bytes(int(chr(b), 16) if chr(b) in "0123456789abcdefABCDEF" else 255 for b in range(256))


def hexlify(data: bytes | bytearray) -> bytearray:
    """*data* as lower-case hex digits in a bytearray (bytes.hex() makes a `str`)."""
    out = bytearray(2 * len(data))
    for at, byte in enumerate(data):
        out[2 * at] = _HEX[byte >> 4]
        out[2 * at + 1] = _HEX[byte & 15]
    return out


def unhex(text: bytes | bytearray | memoryview) -> bytearray:
    """The bytes that hex digits *text* stand for, in a bytearray; ValueError if it is not hex."""
    if len(text) % 2:
        raise ValueError("an odd number of hex digits")
    out = bytearray(len(text) // 2)
    for at in range(len(out)):
        high, low = _HEX_VALUES[text[2 * at]], _HEX_VALUES[text[2 * at + 1]]
        if high == 255 or low == 255:
            wipe(out)
            raise ValueError("not a hex digit")
        out[at] = high << 4 | low
    return out
