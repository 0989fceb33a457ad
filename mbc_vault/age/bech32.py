"""Bech32 (BIP 173) encoding as used by age keys, without the 90-character limit."""

from __future__ import annotations

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            chk ^= _GEN[i] if (top >> i) & 1 else 0
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, pad: bool) -> list[int]:
    acc = bits = 0
    out: list[int] = []
    maxv = (1 << to_bits) - 1
    for value in data:
        if value >> from_bits:
            raise ValueError("invalid bech32 data")
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & maxv)
    elif bits >= from_bits or ((acc << (to_bits - bits)) & maxv):
        raise ValueError("invalid bech32 padding")
    return out


def encode(hrp: str, data: bytes) -> str:
    """Encode *data* with human-readable part *hrp* (lower case result)."""
    hrp = hrp.lower()
    values = _convert_bits(data, 8, 5, True)
    polymod = _polymod(_hrp_expand(hrp) + values + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[v] for v in values + checksum)


def decode(text: str) -> tuple[str, bytes]:
    """Decode a bech32 string into (hrp, data); raises ValueError if invalid."""
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case in bech32 string")
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        raise ValueError("invalid bech32 separator position")
    hrp, rest = text[:pos], text[pos + 1 :]
    if any(ord(c) < 33 or ord(c) > 126 for c in hrp):
        raise ValueError("invalid bech32 prefix")
    try:
        values = [CHARSET.index(c) for c in rest]
    except ValueError:
        raise ValueError("invalid bech32 character") from None
    if _polymod(_hrp_expand(hrp) + values) != 1:
        raise ValueError("invalid bech32 checksum")
    return hrp, bytes(_convert_bits(values[:-6], 5, 8, False))
