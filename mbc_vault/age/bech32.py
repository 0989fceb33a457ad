"""Bech32 (BIP 173) encoding as used by age keys, without the 90-character limit.

`decode_bytes` and `encode_bytes` work on bytes-like text and keep every copy of the data in a
bytearray they overwrite (see secret.py): a secret key read from a key file never becomes a `str`.
`decode` and `encode` are the same for `str` text (public keys, identity files given as text).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from .secret import wipe

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_BYTES = CHARSET.encode("ascii")
#: the 5-bit value of each byte of the charset, either case; 255 for any other byte
_VALUES = bytes(
    CHARSET.find(chr(b).lower()) if chr(b).lower() in CHARSET and b < 128 else 255 for b in range(256)
)
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: Iterable[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= _GEN[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: Iterable[int], from_bits: int, to_bits: int, pad: bool, size: int) -> bytearray:
    """Regroup *data* (*size* values of *from_bits* bits) into values of *to_bits* bits."""
    acc = bits = 0
    out = bytearray(-(-size * from_bits // to_bits) if pad else size * from_bits // to_bits)
    at = 0
    maxv = (1 << to_bits) - 1
    keep = (1 << (from_bits + to_bits)) - 1  # the accumulator never holds more than the bits pending
    for value in data:
        if value >> from_bits:
            wipe(out)
            raise ValueError("invalid bech32 data")
        acc = ((acc << from_bits) | value) & keep
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out[at] = (acc >> bits) & maxv
            at += 1
    if pad:
        if bits:
            out[at] = (acc << (to_bits - bits)) & maxv
    elif bits >= from_bits or ((acc << (to_bits - bits)) & maxv):
        wipe(out)
        raise ValueError("invalid bech32 padding")
    return out


def encode_bytes(hrp: str, data: bytes | bytearray, *, upper: bool = False) -> bytearray:
    """Encode *data* with human-readable part *hrp* (lower case, or upper with *upper*)."""
    hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, True, len(data))
    try:
        polymod = _polymod(chain(_hrp_expand(hrp), values, [0] * 6)) ^ 1
        checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
        prefix = (hrp.upper() if upper else hrp).encode("ascii") + b"1"
        charset = _CHARSET_BYTES.upper() if upper else _CHARSET_BYTES
        out = bytearray(len(prefix) + len(values) + 6)
        out[: len(prefix)] = prefix
        for at, value in enumerate(chain(values, checksum), len(prefix)):
            out[at] = charset[value]
        return out
    finally:
        wipe(values)


def decode_bytes(text: bytes | bytearray) -> tuple[str, bytearray]:
    """Decode bech32 *text* into (hrp, data); raises ValueError if invalid. The data is a bytearray
    for the caller to wipe; nothing else holding it is left unwiped."""
    view = memoryview(text)
    has_lower = any(97 <= b <= 122 for b in view)
    has_upper = any(65 <= b <= 90 for b in view)
    if has_lower and has_upper:
        raise ValueError("mixed case in bech32 string")
    pos = text.rfind(b"1")
    if pos < 1 or pos + 7 > len(view):
        raise ValueError("invalid bech32 separator position")
    if any(b < 33 or b > 126 for b in view[:pos]):
        raise ValueError("invalid bech32 prefix")
    hrp = bytes(view[:pos]).decode("ascii").lower()  # the human-readable part is public
    values = bytearray(len(view) - pos - 1)
    try:
        for at, byte in enumerate(view[pos + 1 :]):
            value = _VALUES[byte]
            if value == 255:
                raise ValueError("invalid bech32 character")
            values[at] = value
        if _polymod(chain(_hrp_expand(hrp), values)) != 1:
            raise ValueError("invalid bech32 checksum")
        return hrp, _convert_bits(memoryview(values)[:-6], 5, 8, False, len(values) - 6)
    finally:
        wipe(values)


def encode(hrp: str, data: bytes) -> str:
    """Encode *data* with human-readable part *hrp* (lower case result)."""
    return encode_bytes(hrp, data).decode("ascii")


def decode(text: str) -> tuple[str, bytes]:
    """Decode a bech32 string into (hrp, data); raises ValueError if invalid."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case in bech32 string")
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:  # no bech32 string has a character beyond ASCII
        pos = text.rfind("1")
        if pos < 1 or pos + 7 > len(text):
            raise ValueError("invalid bech32 separator position") from None
        if any(ord(c) < 33 or ord(c) > 126 for c in text[:pos]):
            raise ValueError("invalid bech32 prefix") from None
        raise ValueError("invalid bech32 character") from None
    hrp, data = decode_bytes(raw)
    return hrp, bytes(data)
