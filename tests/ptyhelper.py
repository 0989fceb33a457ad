"""Run a program with a pseudo-terminal as its controlling terminal and answer its passphrase prompts.

`age -p`, `age -d` of a passphrase file and `age -d -i <encrypted identity file>` read the
passphrase from /dev/tty, never from stdin, so tests drive them the way a person would: the
program's controlling terminal is a pty whose other end we hold; we read what it writes there
(the prompts) and type the answer. stdin, stdout and stderr stay ordinary pipes, so binary
output can be captured and the prompts never mix with it.

The child gets its own session (setsid) with the pty slave as controlling terminal, so
/dev/tty inside it, and inside anything it starts (a `sh -c` loop running age several times),
is our pty. We keep a copy of the slave open ourselves: the master then never reports EIO
between two programs of a script; the end of the run is the end of the child's stdout and
stderr, then its exit status.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import re
import selectors
import signal
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: what age prints before reading a passphrase (all end with ":" and wait for a line):
#:   "Enter passphrase:", "Confirm passphrase:",
#:   "Enter passphrase (leave empty to autogenerate a secure one):",
#:   'Enter passphrase for identity file "keys/x.age":'
PASSPHRASE_PROMPT = re.compile(rb"passphrase[^\r\n]*:[ \t]*\Z", re.IGNORECASE)

_ESCAPE = re.compile(rb"\x1b\[[0-9;]*[A-Za-z]|\r")

#: a guard against a hung child (a prompt we did not recognise), not a performance limit
DEFAULT_DEADLINE = 120.0


class PtyError(AssertionError):
    """The run could not complete: an unexpected prompt, or the child hung."""


@dataclass
class PtyResult:
    returncode: int
    stdout: bytes
    stderr: bytes
    #: everything the program wrote to the terminal: the prompts, and sometimes an answer echoed
    #: (when we typed it before the program had switched echo off; it still reads it correctly)
    tty: bytes
    #: the prompt lines that were answered, in order ("Enter passphrase:")
    prompts: list[str] = field(default_factory=list)

    def check(self) -> PtyResult:
        if self.returncode != 0:
            raise PtyError(
                f"exit status {self.returncode}\nstderr: {self.stderr.decode(errors='replace')}"
                f"\ntty: {self.tty.decode(errors='replace')}"
            )
        return self


def _take_controlling_tty(slave: int) -> None:
    # runs in the child after setsid() (start_new_session=True)
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)


def run_with_tty(
    argv: Sequence[str | os.PathLike[str]],
    answers: str | Sequence[str] = (),
    *,
    input: bytes | None = None,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    prompt: re.Pattern[bytes] = PASSPHRASE_PROMPT,
    deadline: float = DEFAULT_DEADLINE,
) -> PtyResult:
    """Run *argv*; answer each terminal prompt matching *prompt*.

    *answers*: one string answers every prompt; a sequence answers them in order, and a prompt
    beyond its end is an error (the child is killed and PtyError raised). *input* goes to
    the child's stdin (otherwise stdin is /dev/null).
    """
    master, slave = pty.openpty()
    proc = None
    try:
        proc = subprocess.Popen(
            [os.fspath(a) for a in argv],
            stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=dict(env) if env is not None else None,
            start_new_session=True,
            pass_fds=(slave,),
            preexec_fn=lambda: _take_controlling_tty(slave),
        )
        return _interact(proc, master, answers, input, prompt, deadline)
    except BaseException:
        if proc is not None and proc.poll() is None:
            _kill(proc)
        raise
    finally:
        if proc is not None:
            for stream in (proc.stdin, proc.stdout, proc.stderr):
                if stream is not None and not stream.closed:
                    stream.close()
        os.close(master)
        os.close(slave)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _interact(
    proc: subprocess.Popen[bytes],
    master: int,
    answers: str | Sequence[str],
    input: bytes | None,
    prompt: re.Pattern[bytes],
    deadline: float,
) -> PtyResult:
    assert proc.stdout is not None and proc.stderr is not None
    os.set_blocking(master, False)
    sel = selectors.DefaultSelector()
    out = {proc.stdout.fileno(): bytearray(), proc.stderr.fileno(): bytearray()}
    for fd in out:
        os.set_blocking(fd, False)
        sel.register(fd, selectors.EVENT_READ)
    sel.register(master, selectors.EVENT_READ)
    to_send = memoryview(input or b"")
    stdin_fd = -1
    if proc.stdin is not None:
        stdin_fd = proc.stdin.fileno()
        os.set_blocking(stdin_fd, False)
        if to_send:
            sel.register(stdin_fd, selectors.EVENT_WRITE)
        else:
            proc.stdin.close()
    tty = bytearray()
    pending = bytearray()  # terminal output since the last answer
    prompts: list[str] = []
    remaining_answers = None if isinstance(answers, str) else list(answers)
    open_pipes = set(out)
    end = time.monotonic() + deadline

    def read_tty() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except BlockingIOError:
                return
            except OSError as exc:  # EIO: no slave open any more
                if exc.errno == errno.EIO:
                    return
                raise
            if not data:
                return
            tty.extend(data)
            pending.extend(data)

    while open_pipes:
        left = end - time.monotonic()
        if left <= 0:
            _kill(proc)
            raise PtyError(
                f"{proc.args!r} did not finish within {deadline} s; terminal said: "
                f"{bytes(tty).decode(errors='replace')!r}"
            )
        for key, _ in sel.select(timeout=left):
            fd = key.fd
            if fd == master:
                read_tty()
                match = prompt.search(pending)
                if match is None:
                    continue
                line = bytes(pending).rsplit(b"\n", 1)[-1]
                text = _ESCAPE.sub(b"", line).strip().decode(errors="replace")
                if remaining_answers is None:
                    reply = answers
                elif remaining_answers:
                    reply = remaining_answers.pop(0)
                else:
                    _kill(proc)
                    raise PtyError(
                        f"unexpected prompt {text!r} (no answer left); terminal said: "
                        f"{bytes(tty).decode(errors='replace')!r}"
                    )
                assert isinstance(reply, str)
                prompts.append(text)
                del pending[:]
                os.write(master, reply.encode("utf-8") + b"\n")
            elif fd == stdin_fd:
                try:
                    sent = os.write(fd, to_send[:65536])
                except BrokenPipeError:
                    sent = len(to_send)  # the child stopped reading; its exit status tells why
                to_send = to_send[sent:]
                if not to_send:
                    sel.unregister(fd)
                    proc.stdin.close()
            else:
                data = os.read(fd, 65536)
                if data:
                    out[fd].extend(data)
                else:
                    sel.unregister(fd)
                    open_pipes.discard(fd)
    if proc.stdin is not None and not proc.stdin.closed:
        sel.unregister(stdin_fd)
        proc.stdin.close()
    sel.close()
    try:
        returncode = proc.wait(timeout=max(end - time.monotonic(), 0.001))
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise PtyError(f"{proc.args!r} closed its output but did not exit") from None
    read_tty()
    return PtyResult(
        returncode, bytes(out[proc.stdout.fileno()]), bytes(out[proc.stderr.fileno()]), bytes(tty), prompts
    )


def age_passphrase_encrypt(plaintext: bytes, passphrase: str, out: Path, *, armor: bool = False) -> PtyResult:
    """`age -p [-a] -o out` with the plaintext on stdin and the passphrase typed twice on the terminal."""
    argv = ["age", "-p", *(["-a"] if armor else []), "-o", str(out)]
    return run_with_tty(argv, [passphrase, passphrase], input=plaintext)
