"""The framing between the app and its PDF worker, over the worker's standard input and output.

A request is a 4-byte length, a JSON header ({"job", "args", "sizes", "time", "memory"}) and then the
blobs whose sizes the header lists (a `FileBlob` is copied from an open file in chunks as it is sent,
so a large document is never held whole in the app). The worker answers with messages, each a kind
byte and an 8-byte length: b"O" a chunk of streamed output, b"P" progress (JSON [done, total]), and
last either b"R" the reply (JSON) or b"E" an error (JSON {"code", "params"}). Nothing is pickled: a
hostile child could otherwise run code in the app.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

OUTPUT, PROGRESS, REPLY, ERROR = b"O", b"P", b"R", b"E"
_LEN4, _MSG = struct.Struct("<I"), struct.Struct("<cQ")
#: a header or reply larger than this is refused (a worker gone wrong cannot make the app allocate)
MAX_HEADER = 64 << 20


class JobError(Exception):
    """An expected failure of a job (a password, a damaged file): a code and params for messages.py."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


@dataclass
class Request:
    """What a job receives: the JSON `args`, the raw `blobs`, a stream `out` for large results, the
    worker's `store` (kept between calls on one worker, gone when it restarts) and `progress`."""

    args: dict[str, Any]
    blobs: list[bytes] = field(default_factory=list)
    out: BinaryIO | None = None
    store: dict[str, Any] = field(default_factory=dict)
    progress: Callable[[int, int], None] = lambda done, total: None


def read_exact(stream: BinaryIO, count: int) -> bytes:
    """*count* bytes (callers check sizes first). One read fills one buffer of that size, without
    joining pieces: a document sent to the worker is not copied again."""
    first = stream.read(count) if count else b""
    if len(first) == count:
        return first
    chunks, left = [first], count - len(first)
    if not first:
        raise EOFError
    while left:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


@dataclass
class FileBlob:
    """A blob sent from an open file: *size* bytes from its current position, read in chunks."""

    file: BinaryIO
    size: int


Blob = bytes | memoryview | FileBlob
SEND_CHUNK = 1 << 20


def _blob_size(blob: Blob) -> int:
    return blob.size if isinstance(blob, FileBlob) else memoryview(blob).nbytes


def _send_file(stream: BinaryIO, blob: FileBlob) -> None:
    """Copy exactly blob.size bytes; a file that became shorter raises EOFError (the request is then
    incomplete, so the caller must end the worker)."""
    buffer = memoryview(bytearray(min(SEND_CHUNK, max(blob.size, 1))))
    left = blob.size
    while left:
        count = blob.file.readinto(buffer[: min(left, len(buffer))])  # type: ignore[attr-defined]
        if not count:
            raise EOFError("the file became shorter while it was sent")
        stream.write(buffer[:count])
        left -= count


def write_request(stream: BinaryIO, header: dict[str, Any], blobs: Sequence[Blob]) -> None:
    raw = json.dumps({**header, "sizes": [_blob_size(b) for b in blobs]}).encode()
    stream.write(_LEN4.pack(len(raw)) + raw)
    for blob in blobs:
        if isinstance(blob, FileBlob):
            _send_file(stream, blob)
        else:
            stream.write(blob)
    stream.flush()


def read_request(stream: BinaryIO) -> tuple[dict[str, Any], list[bytes]]:
    """The next request; EOFError when the app closed the pipe."""
    (size,) = _LEN4.unpack(read_exact(stream, _LEN4.size))
    if size > MAX_HEADER:
        raise ProtocolError("request header too large")
    header = json.loads(read_exact(stream, size))
    blobs = [read_exact(stream, int(n)) for n in header.pop("sizes", [])]
    return header, blobs


def write_message(stream: BinaryIO, kind: bytes, payload: bytes | memoryview) -> None:
    stream.write(_MSG.pack(kind, len(payload)))
    stream.write(payload)


def read_header(stream: BinaryIO, max_size: int) -> tuple[bytes, int]:
    """(kind, size) of the next message, whose payload follows; EOFError if the worker is gone,
    ProtocolError if it sent nonsense."""
    kind, size = _MSG.unpack(read_exact(stream, _MSG.size))
    if kind not in (OUTPUT, PROGRESS, REPLY, ERROR):
        raise ProtocolError("unknown message kind")
    if size > (max_size if kind == OUTPUT else MAX_HEADER):
        raise ProtocolError("message too large")
    return kind, int(size)


def read_message(stream: BinaryIO, max_size: int) -> tuple[bytes, bytes]:
    """(kind, payload); EOFError if the worker is gone, ProtocolError if it sent nonsense."""
    kind, size = read_header(stream, max_size)
    return kind, read_exact(stream, size)
