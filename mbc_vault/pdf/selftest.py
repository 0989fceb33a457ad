"""Jobs that check the worker itself: limits, streaming, crashes (used by tests/test_pdf_worker.py)."""

from __future__ import annotations

import ctypes
import os
import time
from typing import Any

from .protocol import JobError, Request


def echo(request: Request) -> dict[str, Any]:
    """The args back, with the sizes of the blobs and the store's keys; `keep` stores the blobs."""
    if request.args.get("fail"):
        raise JobError("pdf-damaged", detail=f"page {request.args['fail']}")
    for index, blob in enumerate(request.blobs):
        if request.args.get("keep"):
            request.store[f"{request.args['keep']}-{index}"] = blob
    return {"args": request.args, "sizes": [len(b) for b in request.blobs], "store": sorted(request.store)}


def stream(request: Request) -> dict[str, Any]:
    """Writes each blob to `out` reversed, in chunks, reporting progress."""
    assert request.out is not None
    for index, blob in enumerate(request.blobs):
        data = blob[::-1]
        for start in range(0, len(data), 1 << 16):
            request.out.write(data[start : start + (1 << 16)])
        request.progress(index + 1, len(request.blobs))
    return {"count": len(request.blobs)}


def hog(request: Request) -> dict[str, Any]:
    """Allocates and touches memory until told to stop (a planted bomb)."""
    held = []
    for _ in range(int(request.args.get("mib", 1 << 16))):
        block = bytearray(1 << 20)
        block[::4096] = b"x" * len(block[::4096])
        held.append(block)
    return {"held": len(held)}


def spin(request: Request) -> dict[str, Any]:
    """Loops for `seconds` (an endless page tree)."""
    end = time.monotonic() + float(request.args.get("seconds", 3600))
    while time.monotonic() < end:
        pass
    return {}


def crash(request: Request) -> dict[str, Any]:
    """Dies like a segfault in a C library."""
    ctypes.string_at(0)
    return {}  # pragma: no cover


def write_file(request: Request) -> dict[str, Any]:
    """Tries to write a file: the worker may not (RLIMIT_FSIZE 0 where rlimits apply)."""
    path = str(request.args["path"])
    with open(path, "wb") as handle:
        handle.write(b"plaintext")
    return {"size": os.path.getsize(path)}


def limits(request: Request) -> dict[str, Any]:
    """The limits the worker runs under (core dumps, file size), where `resource` exists."""
    try:
        import resource
    except ImportError:
        return {}
    return {
        "core": list(resource.getrlimit(resource.RLIMIT_CORE)),
        "fsize": list(resource.getrlimit(resource.RLIMIT_FSIZE)),
        "as": list(resource.getrlimit(resource.RLIMIT_AS)),
    }
