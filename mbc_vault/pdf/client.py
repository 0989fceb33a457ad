"""The app's side of the PDF worker: start it, send it bytes through a pipe, enforce its limits.

Limits hold on every platform:
- time: a watchdog thread ends the worker when a call runs past its time limit (and the worker also
  has a CPU limit where `resource` exists);
- memory: on Linux the worker's own address-space rlimit; elsewhere (macOS does not enforce
  RLIMIT_AS, Windows has no rlimits) the watchdog reads the worker's memory with psutil and ends it;
- cancel: the watchdog ends the worker as soon as the caller's cancel flag is set, so nothing keeps
  working after the app locks.
A stopped worker is started again by the next call; what it kept in its store is gone.
Both limit mechanisms can be chosen on any platform (`rlimits=`, `memory_watchdog=`): the tests run
the Windows branch on Linux.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, BinaryIO

from ..errors import Cancelled, VaultError
from ..progress import CancelFlag
from .protocol import OUTPUT, PROGRESS, REPLY, Blob, ProtocolError, read_exact, read_header, write_request
from .worker import WORKER_FLAG

TIME_LIMIT_S = 30.0
MEMORY_LIMIT_BYTES = 1 << 30
#: the largest streamed chunk the app accepts from the worker
MAX_CHUNK = 16 << 20
WATCH_INTERVAL_S = 0.02
#: rlimits where the platform enforces them; the memory watchdog where it does not
RLIMITS = sys.platform != "win32"
MEMORY_WATCHDOG = sys.platform != "linux"


STOPPED = {"timeout": "pdf-worker-timeout", "memory": "pdf-worker-memory", "crashed": "pdf-worker-crashed"}


class PdfError(VaultError):
    """A job's expected failure (its code: pdf-password, pdf-damaged…), or the worker stopped:
    pdf-worker-timeout, pdf-worker-memory, pdf-worker-crashed."""


def worker_command() -> list[str]:
    """How to start the worker: the bundled program itself, or this Python in isolated mode."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-I", "-m", "mbc_vault.pdf.worker"]


class PdfWorker:
    """One worker process, started on the first call and again after it was stopped."""

    def __init__(
        self,
        cancel: CancelFlag | None = None,
        *,
        time_limit: float = TIME_LIMIT_S,
        memory_limit: int = MEMORY_LIMIT_BYTES,
        rlimits: bool = RLIMITS,
        memory_watchdog: bool = MEMORY_WATCHDOG,
    ) -> None:
        self.cancel = cancel
        self.time_limit, self.memory_limit = time_limit, memory_limit
        self.rlimits, self.memory_watchdog = rlimits, memory_watchdog
        self._process: subprocess.Popen[bytes] | None = None
        self._stopped_because = ""
        self.starts = 0  # how many processes were started (tests, benchmarks)

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.stdin is not None and self._process.stdin.closed:
            self.close()  # its input was ended (end_input): it is leaving
        if self._process is None or self._process.poll() is not None:
            # on Windows the worker must not flash a console window (0x08000000: CREATE_NO_WINDOW)
            flags = 0x08000000 if sys.platform == "win32" else 0
            self._process = subprocess.Popen(
                worker_command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=None if os.environ.get("MBC_VAULT_PDF_DEBUG") else subprocess.DEVNULL,
                close_fds=True,
                creationflags=flags,
            )
            self.starts += 1
            _widen_pipes(self._process)
        return self._process

    def call(
        self,
        job: str,
        args: dict[str, Any] | None = None,
        blobs: Sequence[Blob] = (),
        *,
        out: BinaryIO | None = None,
        progress: Callable[[int, int], None] | None = None,
        time_limit: float | None = None,
        memory_limit: int | None = None,
    ) -> dict[str, Any]:
        """Run *job* in the worker; its streamed output goes to *out*. Raises PdfError (the job's own
        code, or the worker stopped), or Cancelled("pdf-cancelled") when the cancel flag was set."""
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("pdf-cancelled")
        seconds = time_limit or self.time_limit
        memory = memory_limit or self.memory_limit
        process = self._start()
        header = {"job": job, "args": args or {}, "time": seconds, "memory": memory, "rlimits": self.rlimits}
        self._stopped_because = ""
        done = threading.Event()
        watchdog = threading.Thread(
            target=self._watch, args=(process, done, time.monotonic() + seconds, memory), daemon=True
        )
        watchdog.start()
        try:
            assert process.stdin is not None and process.stdout is not None  # PIPEs
            write_request(process.stdin, header, blobs)  # type: ignore[arg-type]
            while True:
                kind, size = read_header(process.stdout, MAX_CHUNK)  # type: ignore[arg-type]
                if kind == OUTPUT:
                    if out is None:
                        raise ProtocolError("output without a sink")
                    read_from = getattr(out, "read_from", None)  # a sink that reads it itself
                    if read_from is not None:
                        read_from(process.stdout, size)
                    else:
                        out.write(read_exact(process.stdout, size))  # type: ignore[arg-type]
                    continue
                payload = read_exact(process.stdout, size)  # type: ignore[arg-type]
                if kind == PROGRESS:
                    if progress is not None:
                        step, total = json.loads(payload)
                        progress(int(step), int(total))
                elif kind == REPLY:
                    reply: dict[str, Any] = json.loads(payload)
                    return reply
                else:  # ERROR
                    error = json.loads(payload)
                    code, params = str(error.get("code")), dict(error.get("params") or {})
                    raise PdfError(code, **params)
        except (OSError, EOFError, ProtocolError, ValueError):
            self._kill(self._stopped_because or "crashed")
            raise self._stopped() from None
        finally:
            done.set()
            watchdog.join()
            if self._stopped_because:
                self._reap()

    def _stopped(self) -> VaultError:
        reason = self._stopped_because
        self._reap()
        if reason == "cancelled":
            return Cancelled("pdf-cancelled")
        return PdfError(STOPPED.get(reason, "pdf-worker-crashed"))

    def _watch(
        self, process: subprocess.Popen[bytes], done: threading.Event, deadline: float, memory: int
    ) -> None:
        probe = _memory_probe(process.pid) if self.memory_watchdog else None
        while not done.wait(WATCH_INTERVAL_S):
            if process.poll() is not None:
                return
            if self.cancel is not None and self.cancel.is_set():
                self._kill("cancelled")
            elif time.monotonic() > deadline:
                self._kill("timeout")
            elif probe is not None and probe() > memory:
                self._kill("memory")
            else:
                continue
            return

    def _kill(self, reason: str) -> None:
        if not self._stopped_because:
            self._stopped_because = reason
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def _reap(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass

    def end_input(self) -> None:
        """Close the worker's input without waiting: it leaves on its own (its memory is given back
        while the caller goes on); close() then only reaps it, and a next call starts a new one."""
        process = self._process
        if process is not None and process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass

    def close(self) -> None:
        """End the worker (closing its input lets it exit on its own; it is killed if it does not)."""
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pass
        self._reap()


#: the pipes' capacity asked for where it can be set (Linux: F_SETPIPE_SZ; 64 KiB by default)
PIPE_SIZE = 1 << 20


def _widen_pipes(process: subprocess.Popen[bytes]) -> None:
    """Where the platform allows it, pipes of PIPE_SIZE both ways: a 1 MB piece of the packet or a
    document then passes in one write instead of 16, each waiting for the other side to wake up and
    read (docs/performance.md). Elsewhere, or when refused (a lower system limit), they stay as they are."""
    if sys.platform == "win32":
        return
    import fcntl  # POSIX only

    size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if size is None:
        return
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                fcntl.fcntl(pipe.fileno(), size, PIPE_SIZE)


def _memory_probe(pid: int) -> Callable[[], int]:
    """The worker's resident memory in bytes, read with psutil (Windows, macOS; Linux when forced)."""
    import psutil

    try:
        handle = psutil.Process(pid)
    except psutil.Error:
        return lambda: 0

    def rss() -> int:
        try:
            return int(handle.memory_info().rss)
        except psutil.Error:
            return 0

    return rss


def run_job(
    job: str, args: dict[str, Any] | None = None, blobs: Sequence[bytes] = (), **kwargs: Any
) -> dict[str, Any]:
    """One call on a worker of its own (started and ended here)."""
    cancel = kwargs.pop("cancel", None)
    with PdfWorker(cancel) as worker:
        return worker.call(job, args, blobs, **kwargs)
