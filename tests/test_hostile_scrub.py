"""After the lock, freed chunks of the C library's heap are overwritten (issue 11): words left in a
freed malloc chunk (as SQLite's index buffers and JSON text over 512 bytes leave them) are gone once
scrub.release_freed_memory() ran. Counted in a child process's memory (/proc/<pid>/mem, Linux)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from memscan import count_secrets, supported

pytestmark = pytest.mark.skipif(
    not supported() or sys.implementation.name != "cpython", reason="reads /proc/<pid>/mem (Linux)"
)

#: the child writes a word made of computed code points into freed C heap chunks of several sizes (a
#: tcache chunk, a small-bin one, one over a page), never as a Python object; then scrubs on request
CHILD = """
import ctypes, os, sys
sys.path.insert(0, os.getcwd())
from mbc_vault.scrub import release_freed_memory
libc = ctypes.CDLL(None)
libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
libc.free.argtypes = [ctypes.c_void_p]
blocks = [libc.malloc(size) for size in (600, 3000, 20000)]
for block in blocks:
    cells = (ctypes.c_ubyte * 30).from_address(block + 64)  # past what free() writes into a chunk
    for i in range(30):
        cells[i] = 0x41 + (i * 13) % 26
libc.malloc(64)  # a live block after them: the 20,000 bytes do not merge into the heap's free top
for block in blocks:
    libc.free(block)
os.write(1, b"freed\\n")
os.read(0, 1)
release_freed_memory()
os.write(1, b"scrubbed\\n")
os.read(0, 1)
"""


def word() -> str:
    return "".join(chr(0x41 + (i * 13) % 26) for i in range(30))


def test_release_overwrites_the_freed_chunks_of_the_c_heap() -> None:
    with subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as child:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline() == b"freed\n"
        before = count_secrets(child.pid, {"word": word()}).total["word"]
        child.stdin.write(b"x")
        child.stdin.flush()
        assert child.stdout.readline() == b"scrubbed\n"
        after = count_secrets(child.pid, {"word": word()}).total["word"]
        child.stdin.close()
    assert before >= 3  # the control: each freed chunk still holds it
    assert after == 0
