"""The age ASCII armor (strict PEM with type AGE ENCRYPTED FILE)."""

from __future__ import annotations

import base64
import binascii

from .errors import ArmorError

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
COLUMNS = 64
MAX_ARMORED_BYTES = 64 << 20
_WHITESPACE = b" \t\r\n"


def encode(data: bytes) -> bytes:
    text = base64.b64encode(data)
    lines = [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
    return b"\n".join([BEGIN, *lines, END]) + b"\n"


def decode(data: bytes) -> bytes:
    """Decode an armored age file; raises ArmorError on any deviation from the spec."""
    if len(data) > MAX_ARMORED_BYTES:
        raise ArmorError("armored file too large")
    data = data.lstrip(_WHITESPACE)
    uses_crlf = data.startswith(BEGIN + b"\r\n")
    eol = b"\r\n" if uses_crlf else b"\n"
    if not data.startswith(BEGIN + eol):
        raise ArmorError("missing armor begin line")
    body = data[len(BEGIN) + len(eol) :]
    end_at = body.find(END)
    if end_at < 0:
        raise ArmorError("missing armor end line")
    if body[end_at + len(END) :].strip(_WHITESPACE):
        raise ArmorError("garbage after the armor end line")
    text = body[:end_at]
    if text and not text.endswith(eol):
        raise ArmorError("malformed armor end")
    lines = text.split(eol)[:-1] if text else []
    for index, line in enumerate(lines):
        if (uses_crlf is False and b"\r" in line) or not line:
            raise ArmorError("malformed armor line")
        if len(line) > COLUMNS or (index < len(lines) - 1 and len(line) != COLUMNS):
            raise ArmorError("armor lines must be 64 columns")
    joined = b"".join(lines)
    if len(joined) % 4:
        raise ArmorError("armor base64 is not padded")
    try:
        decoded = base64.b64decode(joined, validate=True)
    except binascii.Error:
        raise ArmorError("invalid base64 in armor") from None
    if base64.b64encode(decoded) != joined:
        raise ArmorError("armor base64 is not canonical")
    return decoded
