"""After the vault is locked: freed memory is overwritten, or given back to the system.

Dropping every reference (Vault.close, the app's lock) frees the decrypted records, page texts and the
search index, but freed memory keeps its bytes until it is used again: Python's allocator keeps freed
small blocks in its pools, and the C allocator keeps freed chunks in its heaps. `release_freed_memory`
(the app calls it when it locks):

- fills the free blocks of Python's small-object allocator with zeroed objects and frees them again,
  so each one is overwritten (CPython on Linux: it knows a block is free when a new object lands in
  memory the process already had; Python's new arenas are mappings of their own);
- asks the C library (glibc) to give free pages back to the system (malloc_trim), which reads them
  back as zeros.

What it cannot reach is in docs/performance.md, "Secrets in memory after lock": freed chunks smaller
than a page in the C heaps, and the memory of Qt and of Qt's PDF engine.
"""

from __future__ import annotations

import bisect
import ctypes
import gc
import logging
import sys

log = logging.getLogger(__name__)

#: bytes(n) is a PyBytesObject of this many bytes plus n: its block size class is chosen by the total
_BYTES_HEADER = sys.getsizeof(b"")
#: Python's small-object allocator serves requests up to this size, in classes 16 bytes apart
_SMALL_MAX, _CLASS_STEP = 512, 16
#: never allocate more than this while filling (a process with more free small blocks is filled in part)
FILL_LIMIT = 256 << 20


def release_freed_memory() -> None:
    """Collect garbage, overwrite Python's free small blocks, and give the C heap's free pages back."""
    gc.collect()
    if sys.platform.startswith("linux") and sys.implementation.name == "cpython":
        try:
            _fill_free_blocks()
        except (OSError, ValueError, MemoryError) as exc:  # /proc unreadable: only the trim is done
            log.info("freed memory not overwritten: %s", type(exc).__name__)
    _trim_c_heap()


def _mappings() -> tuple[list[int], list[int]]:
    """The (sorted starts, ends) of every mapping this process has now."""
    spans = []
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        for line in maps:
            start, end = line.split(maxsplit=1)[0].split("-")
            spans.append((int(start, 16), int(end, 16)))
    spans.sort()
    return [s for s, _ in spans], [e for _, e in spans]


def _fill_free_blocks() -> None:
    """For each size class, allocate zeroed bytes objects until one lands outside the memory the
    process had (a new arena: the free blocks of that class, and the free pools, are used up)."""
    starts, ends = _mappings()

    def had(address: int) -> bool:
        at = bisect.bisect_right(starts, address) - 1
        return at >= 0 and address < ends[at]

    held: list[bytes] = []
    spent = 0
    for size in range(3 * _CLASS_STEP, _SMALL_MAX + 1, _CLASS_STEP):  # a block under 48 holds no text
        while spent < FILL_LIMIT:
            block = bytes(size - _BYTES_HEADER)  # zeroed (calloc), in a block of exactly this class
            if not had(id(block)):
                break
            held.append(block)
            spent += size
    held.clear()


def _trim_c_heap() -> None:
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):  # Windows has no process-wide C library handle
        return
    trim = getattr(libc, "malloc_trim", None)  # glibc only
    if trim is not None:
        trim(0)
