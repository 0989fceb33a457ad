"""The packet's output in the app: the sink that hashes the worker's stream on a thread of its own,
the in-memory buffer read straight into (and what goes past the size it expected), the private file
synced while it is written."""

from __future__ import annotations

import hashlib
import io
import os
import threading
from pathlib import Path

import pytest

from mbc_vault.packet.finish import FileOutput, MemoryOutput, Sink

CHUNKS = [os.urandom(n) for n in (1 << 20, 3, 70_000, 1 << 20, 1)]
WHOLE = b"".join(CHUNKS)


def stream_into(sink: Sink) -> None:
    """The chunks as the PdfWorker client passes them: each read from the pipe by the sink itself."""
    pipe = io.BufferedReader(io.BytesIO(WHOLE))  # type: ignore[arg-type]
    for chunk in CHUNKS:
        sink.read_from(pipe, len(chunk))
    sink.finish()


@pytest.mark.parametrize("expected", [0, 100, len(WHOLE) // 2, len(WHOLE), len(WHOLE) + 5000])
def test_memory_output_holds_the_stream_in_order_whatever_size_it_expected(expected: int) -> None:
    output = MemoryOutput()
    sink = output.start(expected)
    stream_into(sink)
    data = output.value()
    assert isinstance(data, bytes)
    assert data == WHOLE
    assert sink.size == len(WHOLE)
    assert sink.digest.hexdigest() == hashlib.sha256(WHOLE).hexdigest()


def test_memory_output_starts_again_empty_after_a_discard() -> None:
    output = MemoryOutput()
    sink = output.start(len(WHOLE))
    sink.read_from(io.BufferedReader(io.BytesIO(WHOLE[:10])), 10)  # type: ignore[arg-type]
    sink.stop()
    output.discard()
    stream_into(output.start(len(WHOLE)))
    assert output.value() == WHOLE


def test_file_output_is_the_stream_synced_while_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flushed = threading.Event()
    real = os.fsync

    def watched(fd: int) -> None:
        if threading.current_thread().name == "packet-fsync":
            flushed.set()
        real(fd)

    monkeypatch.setattr(os, "fsync", watched)
    monkeypatch.setattr(FileOutput, "SYNC_EVERY", 1 << 20)
    out = tmp_path / "packet.pdf"
    output = FileOutput(out, overwrite=False)
    sink = output.start(len(WHOLE))
    stream_into(sink)
    assert flushed.wait(30)  # flushed by its thread while written, before the commit
    output.commit()
    assert out.read_bytes() == WHOLE
    assert sink.digest.hexdigest() == hashlib.sha256(WHOLE).hexdigest()
    assert os.stat(out).st_mode & 0o777 == 0o600


def test_a_failing_write_is_raised_and_nothing_is_left(tmp_path: Path) -> None:
    class Full:
        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    sink = Sink(Full())
    sink.write(b"x" * 10)
    with pytest.raises(OSError):
        sink.finish()
    sink = Sink(Full())
    sink.write(b"x" * 10)
    sink.stop()  # the thread has passed the chunk on (and failed)
    with pytest.raises(OSError):
        sink.write(b"more")
