"""The PDF worker process: bytes through a pipe, limits on time and memory on every platform's branch,
cancel, crashes, and no files or core dumps. The selftest jobs play the hostile file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mbc_vault.errors import Cancelled
from mbc_vault.pdf import client, protocol
from mbc_vault.pdf.client import PdfError, PdfWorker
from mbc_vault.pdf.worker import WORKER_FLAG

LINUX = sys.platform == "linux"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone for our purposes
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


def test_bytes_go_in_and_a_stream_comes_out() -> None:
    blobs = [os.urandom(3 << 20), b"", b"abc"]
    sink = io.BytesIO()
    steps: list[tuple[int, int]] = []
    with PdfWorker() as worker:
        reply = worker.call("stream", {}, blobs, out=sink, progress=lambda d, t: steps.append((d, t)))
    assert reply == {"count": 3}
    assert sink.getvalue() == b"".join(b[::-1] for b in blobs)
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_one_worker_serves_many_calls_and_keeps_its_store_until_it_stops() -> None:
    with PdfWorker() as worker:
        worker.call("echo", {"keep": "a"}, [b"1", b"2"])
        assert worker.call("echo", {})["store"] == ["a-0", "a-1"]
        first = worker.pid
        with pytest.raises(PdfError) as stopped:
            worker.call("crash")
        assert stopped.value.code == "pdf-worker-crashed"
        assert first is not None and not _alive(first)
        assert worker.call("echo", {})["store"] == []  # a new process, an empty store
        assert worker.starts == 2


def test_a_jobs_own_failure_comes_back_as_its_code_and_the_worker_stays() -> None:
    with PdfWorker() as worker:
        with pytest.raises(PdfError) as failed:
            worker.call("echo", {"fail": 3})
        assert failed.value.code == "pdf-damaged" and failed.value.params == {"detail": "page 3"}
        with pytest.raises(PdfError) as unknown:
            worker.call("no-such-job")
        assert unknown.value.code == "pdf-job-unknown"
        assert worker.call("echo", {"x": 1})["args"] == {"x": 1}
        assert worker.starts == 1


def test_an_endless_loop_is_stopped_at_the_time_limit() -> None:
    with PdfWorker(time_limit=1.0) as worker:
        worker.call("echo")
        pid = worker.pid
        with pytest.raises(PdfError) as stopped:
            worker.call("spin")
        assert stopped.value.code == "pdf-worker-timeout"
        assert pid is not None and not _alive(pid)
        assert worker.call("echo", {"after": True})["args"] == {"after": True}


@pytest.mark.skipif(not LINUX, reason="the address-space rlimit is the Linux branch")
def test_a_memory_bomb_hits_the_rlimit_and_the_app_is_untouched() -> None:
    with PdfWorker(memory_limit=400 << 20, rlimits=True, memory_watchdog=False) as worker:
        with pytest.raises(PdfError) as stopped:
            worker.call("hog", {"mib": 2000})
        assert stopped.value.code == "pdf-worker-memory"


def test_the_windows_branch_a_watchdog_ends_a_worker_past_its_memory() -> None:
    """What Windows and macOS use, forced here: no rlimits, the watchdog reads the memory and kills."""
    with PdfWorker(memory_limit=300 << 20, rlimits=False, memory_watchdog=True) as worker:
        worker.call("echo")
        pid = worker.pid
        with pytest.raises(PdfError) as stopped:
            worker.call("hog", {"mib": 4000}, time_limit=60)
        assert stopped.value.code == "pdf-worker-memory"
        assert pid is not None and not _alive(pid)
        assert worker.call("limits") is not None  # started again


def test_the_windows_branch_a_watchdog_ends_a_worker_past_its_time() -> None:
    with PdfWorker(time_limit=1.0, rlimits=False, memory_watchdog=True) as worker:
        with pytest.raises(PdfError) as stopped:
            worker.call("spin")
        assert stopped.value.code == "pdf-worker-timeout"


def test_cancel_ends_the_worker_at_once() -> None:
    cancel = threading.Event()
    worker = PdfWorker(cancel, time_limit=120)
    worker.call("echo")
    pid = worker.pid
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    with pytest.raises(Cancelled):
        worker.call("spin")
    timer.join()
    assert pid is not None and not _alive(pid)
    with pytest.raises(Cancelled):  # still set: nothing starts
        worker.call("echo")
    assert worker.pid is None


@pytest.mark.skipif(sys.platform == "win32", reason="rlimits")
def test_the_worker_writes_no_files_and_no_core_dumps(tmp_path: Path) -> None:
    target = tmp_path / "leak.bin"
    with PdfWorker() as worker:
        limits = worker.call("limits")
        assert limits["core"] == [0, 0] and limits["fsize"] == [0, 0]
        with pytest.raises(PdfError) as refused:
            worker.call("write-file", {"path": str(target)})
        assert refused.value.code == "pdf-job-failed"
    assert not target.exists() or target.stat().st_size == 0


def test_the_bundled_program_runs_as_the_worker_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen branch: the bundle starts itself with WORKER_FLAG, and serve_if_asked answers."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert client.worker_command() == [sys.executable, WORKER_FLAG]
    monkeypatch.delattr(sys, "frozen")
    script = "import sys; from mbc_vault.pdf.worker import serve_if_asked; serve_if_asked(); sys.exit(7)"
    bundle = [sys.executable, "-c", script]
    monkeypatch.setattr(client, "worker_command", lambda: [*bundle, WORKER_FLAG])
    with PdfWorker() as worker:
        assert worker.call("echo", {"frozen": 1})["args"] == {"frozen": 1}
    assert subprocess.run(bundle, check=False).returncode == 7  # without the flag: the program itself


def test_a_worker_that_sends_nonsense_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    noise = [sys.executable, "-c", "import sys; sys.stdout.buffer.write(b'Zgarbage' * 100); sys.stdin.read()"]
    monkeypatch.setattr(client, "worker_command", lambda: noise)
    with PdfWorker() as worker, pytest.raises(PdfError) as stopped:
        worker.call("echo")
    assert stopped.value.code == "pdf-worker-crashed"


def test_a_blob_is_streamed_from_an_open_file_in_chunks(tmp_path: Path) -> None:
    data = os.urandom(protocol.SEND_CHUNK * 2 + 12345)
    source = tmp_path / "scan.pdf"
    source.write_bytes(data)
    wire = io.BytesIO()
    with open(source, "rb") as handle:
        handle.seek(10)
        protocol.write_request(wire, {"job": "echo"}, [b"abc", protocol.FileBlob(handle, len(data) - 10)])
    wire.seek(0)
    header, blobs = protocol.read_request(wire)
    assert header == {"job": "echo"} and blobs == [b"abc", data[10:]]
    with open(source, "rb") as handle, PdfWorker() as worker:
        reply = worker.call("stream", {}, [protocol.FileBlob(handle, len(data))], out=(sink := io.BytesIO()))
    assert reply == {"count": 1} and sink.getvalue() == data[::-1]


def test_a_file_that_became_shorter_stops_the_request_and_its_worker(tmp_path: Path) -> None:
    source = tmp_path / "shrunk.pdf"
    source.write_bytes(b"%PDF-1.4 short")
    with open(source, "rb") as handle:
        with pytest.raises(EOFError):
            protocol.write_request(io.BytesIO(), {}, [protocol.FileBlob(handle, 1000)])
        handle.seek(0)
        with PdfWorker() as worker:
            worker.call("echo")
            pid = worker.pid
            with pytest.raises(PdfError) as stopped:
                worker.call("echo", {}, [protocol.FileBlob(handle, 1000)])
            assert stopped.value.code == "pdf-worker-crashed"
            assert pid is not None and not _alive(pid)
            assert worker.call("echo", {}, [b"next"])["sizes"] == [4]  # a new worker, in step again
