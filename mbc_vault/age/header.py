"""The age v1 header: stanzas and the header MAC, parsed strictly as the spec requires."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import HeaderError, HMACError

VERSION_LINE = b"age-encryption.org/v1\n"
STANZA_PREFIX = b"-> "
MAC_PREFIX = b"--- "
COLUMNS = 64
#: a hostile file cannot make us buffer more than this (the largest real header, 16 post-quantum
#: stanzas, is about 25 KiB)
MAX_HEADER_BYTES = 128 << 10
#: nor make us try more recipient stanzas than this: each one costs an X25519 or ML-KEM operation per
#: identity, and five planted files of 10,000 stanzas each took 16 s to open. Files this program
#: writes have one to a few stanzas; the age tool itself is not limited by this.
MAX_STANZAS = 16


def b64_encode_raw(data: bytes) -> str:
    """Standard base64 without padding."""
    return base64.b64encode(data).decode("ascii").rstrip("=")


def b64_decode_raw(text: str | bytes) -> bytes:
    """Strict, canonical, unpadded standard base64 (as age requires)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("ascii")
        except UnicodeDecodeError:
            raise HeaderError("non-ASCII base64") from None
    if "=" in text or "\r" in text or "\n" in text:
        raise HeaderError("base64 must be unpadded")
    if len(text) % 4 == 1:
        raise HeaderError("invalid base64 length")
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except binascii.Error:
        raise HeaderError("invalid base64") from None
    if b64_encode_raw(data) != text:
        raise HeaderError("non-canonical base64")
    return data


@dataclass
class Stanza:
    """One recipient stanza: a type, arguments and a binary body."""

    type: str
    args: list[str]
    body: bytes = b""

    def encode(self) -> bytes:
        line = " ".join([self.type, *self.args])
        out = [STANZA_PREFIX + line.encode("ascii") + b"\n"]
        text = b64_encode_raw(self.body)
        for i in range(0, len(text), COLUMNS):
            out.append(text[i : i + COLUMNS].encode("ascii") + b"\n")
        if len(text) % COLUMNS == 0:
            out.append(b"\n")  # the body always ends with a short (maybe empty) line
        return b"".join(out)


@dataclass
class Header:
    stanzas: list[Stanza] = field(default_factory=list)
    mac: bytes = b""
    #: bytes covered by the MAC: everything up to and including "---"
    mac_input: bytes = b""


def header_mac(file_key: bytes, mac_input: bytes) -> bytes:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"", info=b"header").derive(file_key)
    return hmac.new(key, mac_input, hashlib.sha256).digest()


def encode_header(stanzas: list[Stanza], file_key: bytes) -> bytes:
    mac_input = VERSION_LINE + b"".join(s.encode() for s in stanzas) + b"---"
    mac = header_mac(file_key, mac_input)
    return mac_input + b" " + b64_encode_raw(mac).encode("ascii") + b"\n"


def _is_vchar_arg(arg: bytes) -> bool:
    return len(arg) > 0 and all(33 <= c <= 126 for c in arg)


class _LineReader:
    def __init__(self, src: BinaryIO) -> None:
        self.src = src
        self.total = 0

    def line(self) -> bytes:
        data = self.src.readline(MAX_HEADER_BYTES - self.total + 1)
        self.total += len(data)
        if self.total > MAX_HEADER_BYTES:
            raise HeaderError("header too large")
        if not data.endswith(b"\n"):
            raise HeaderError("unexpected end of header")
        return data


def read_header(src: BinaryIO) -> Header:
    """Parse a header from *src*, leaving it positioned at the payload nonce."""
    reader = _LineReader(src)
    first = reader.line()
    if first != VERSION_LINE:
        raise HeaderError("unsupported age version or not an age file")
    consumed = [first]
    stanzas: list[Stanza] = []
    while True:
        line = reader.line()
        if line.startswith(MAC_PREFIX):
            mac_text = line[len(MAC_PREFIX) : -1]
            if len(mac_text) != 43:
                raise HeaderError("malformed header MAC")
            mac = b64_decode_raw(mac_text)
            consumed.append(b"---")
            return Header(stanzas=stanzas, mac=mac, mac_input=b"".join(consumed))
        if not line.startswith(STANZA_PREFIX):
            raise HeaderError("malformed stanza line")
        if len(stanzas) >= MAX_STANZAS:
            raise HeaderError(f"more than {MAX_STANZAS} recipient stanzas")
        consumed.append(line)
        parts = line[len(STANZA_PREFIX) : -1].split(b" ")
        if not parts or not all(_is_vchar_arg(p) for p in parts):
            raise HeaderError("malformed stanza arguments")
        body_parts: list[bytes] = []
        while True:
            body_line = reader.line()
            consumed.append(body_line)
            text = body_line[:-1]
            if len(text) > COLUMNS:
                raise HeaderError("stanza body line too long")
            body_parts.append(b64_decode_raw(text))
            if len(text) < COLUMNS:
                break
        names = [p.decode("ascii") for p in parts]
        stanzas.append(Stanza(type=names[0], args=names[1:], body=b"".join(body_parts)))


def verify_mac(header: Header, file_key: bytes) -> None:
    if not hmac.compare_digest(header_mac(file_key, header.mac_input), header.mac):
        raise HMACError("header MAC mismatch: the file was altered")
