"""After the vault is locked: freed memory is overwritten, or given back to the system.

Dropping every reference (Vault.close, the app's lock) frees the decrypted records, page texts and the
search index, but freed memory keeps its bytes until it is used again: Python's allocator keeps freed
small blocks in its pools, and the C allocator keeps freed chunks in its heaps. `release_freed_memory`
(the app calls it when it locks):

- fills the free blocks of Python's small-object allocator with zeroed objects and frees them again,
  so each one is overwritten (CPython on Linux: it knows a block is free when a new object lands in
  memory the process already had; Python's new arenas are mappings of their own);
- fills the free chunks of the C library's (glibc's) main heap the same way: blocks of falling sizes
  are taken with malloc and zeroed until one lands in memory the process did not have, then freed;
- asks the C library (glibc) to give free pages back to the system (malloc_trim), which reads them
  back as zeros.

What it cannot reach is in docs/performance.md, "Secrets in memory after lock": freed chunks in the
heaps glibc keeps for other threads (each thread that allocates gets one), and freed memory that Qt
keeps in allocators of its own.
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
            _fill_free_chunks()
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


#: the sizes of C heap blocks taken while filling, largest first: a free chunk is used by the largest
#: that fits, and what is left of it by the next ones (glibc keeps requests from 128 KiB up apart).
#: Below 1,040 bytes every size class of glibc's per-thread cache (which serves a class only to a
#: request of that class), 16 bytes apart: 1,032 bytes asked is a chunk of 1,040
_CHUNK_SIZES = (*(1 << n for n in range(16, 10, -1)), *range(1032, 23, -16))


def _fill_free_chunks() -> None:
    """glibc only: for each size of _CHUNK_SIZES, malloc blocks and zero them (all their usable bytes)
    until one lands outside the memory the process had (the main heap's free chunks of that size, and
    its free top, are used up), then free them all."""
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):
        return
    usable = getattr(libc, "malloc_usable_size", None)  # glibc only
    if usable is None:
        return
    malloc, free = libc.malloc, libc.free
    malloc.restype, malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    free.restype, free.argtypes = None, [ctypes.c_void_p]
    usable.restype, usable.argtypes = ctypes.c_size_t, [ctypes.c_void_p]
    starts, ends = _mappings()

    def had(address: int) -> bool:
        at = bisect.bisect_right(starts, address) - 1
        return at >= 0 and address < ends[at]

    held: list[int] = []
    spent = 0
    try:
        for size in _CHUNK_SIZES:
            while spent < FILL_LIMIT:
                block = malloc(size)
                if not block:
                    break
                held.append(block)
                if not had(block):
                    break
                length = usable(block)
                ctypes.memset(block, 0, length)
                spent += length
    finally:
        for block in held:
            free(block)


def _trim_c_heap() -> None:
    try:
        libc = ctypes.CDLL(None)
    except (OSError, TypeError):  # Windows has no process-wide C library handle
        return
    trim = getattr(libc, "malloc_trim", None)  # glibc only
    if trim is not None:
        trim(0)
