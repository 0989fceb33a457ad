"""The PDF worker process: reads requests on standard input, runs jobs, answers on standard output.

Started by `client.PdfWorker` as `python -I -m mbc_vault.pdf.worker`, or as the bundled program with
WORKER_FLAG. It hardens itself first: no core dumps (a crash must not write decrypted pages to disk),
no files written (RLIMIT_FSIZE 0), and before each job an address-space and CPU limit where the
platform has `resource` (Linux, macOS). Library noise on file descriptor 1 goes to stderr, which the
app discards, so only this module writes to the channel.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, BinaryIO

from . import jobs
from .protocol import ERROR, OUTPUT, PROGRESS, REPLY, JobError, Request, read_request, write_message

#: the argument that makes the bundled program (PyInstaller) run as this worker
WORKER_FLAG = "--mbc-vault-pdf-worker"


class _Output:
    """A write-only stream whose writes become OUTPUT messages."""

    def __init__(self, channel: BinaryIO) -> None:
        self._channel = channel

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data)
        if view.nbytes:
            write_message(self._channel, OUTPUT, view.cast("B"))
        return view.nbytes

    def flush(self) -> None:
        self._channel.flush()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False


def _harden() -> None:
    try:
        import resource
    except ImportError:  # Windows: the app's watchdog keeps the limits
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _limit(memory: int | None, seconds: float | None) -> None:
    """This job's limits: the soft address-space limit, and CPU seconds from now (hard limits stay)."""
    try:
        import resource
    except ImportError:
        return
    if memory:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    if seconds:
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime + seconds) + 1
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        resource.setrlimit(
            resource.RLIMIT_CPU, (cpu if hard == resource.RLIM_INFINITY else min(cpu, hard), hard)
        )


def _unlimit() -> None:
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def serve(requests: BinaryIO, channel: BinaryIO) -> None:
    """Answer requests until the app closes the pipe."""
    store: dict[str, Any] = {}
    output = _Output(channel)

    def progress(done: int, total: int) -> None:
        write_message(channel, PROGRESS, json.dumps([int(done), int(total)]).encode())
        channel.flush()

    while True:
        try:
            header, blobs = read_request(requests)
        except EOFError:
            return
        try:
            job = jobs.find(str(header.get("job")))
            if header.get("rlimits", True):
                _limit(header.get("memory"), header.get("time"))
            try:
                reply = job(Request(header.get("args") or {}, blobs, output, store, progress))  # type: ignore[arg-type]
            finally:
                _unlimit()
                del blobs
            write_message(channel, REPLY, json.dumps(reply).encode())
        except JobError as exc:
            write_message(channel, ERROR, json.dumps({"code": exc.code, "params": exc.params}).encode())
        except MemoryError:
            _unlimit()
            write_message(channel, ERROR, json.dumps({"code": "pdf-worker-memory", "params": {}}).encode())
        except Exception as exc:  # noqa: BLE001 - a library failed on a file: the job's caller says so
            detail = {"code": "pdf-job-failed", "params": {"kind": type(exc).__name__}}
            write_message(channel, ERROR, json.dumps(detail).encode())
        channel.flush()


def main() -> None:
    _harden()
    channel = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the channel
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, channel)
    # the app closed the pipe: leave at once, without tearing down what the jobs kept (decrypted
    # documents in the store are freed with the process; nothing is left to write)
    channel.flush()
    os._exit(0)


def serve_if_asked(argv: list[str] | None = None) -> None:
    """In the bundled program: run as the worker (and exit) when started with WORKER_FLAG."""
    args = sys.argv if argv is None else argv
    if len(args) > 1 and args[1] == WORKER_FLAG:
        main()
        sys.exit(0)


if __name__ == "__main__":
    main()
