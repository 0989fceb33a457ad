"""A crash must not write secrets to disk: core dumps off for the app, the CLI and their children.

A core file holds the whole memory of the process: the passphrase, secret keys, decrypted pages. At
start the app and the CLI set RLIMIT_CORE to 0 (inherited by every child, the PDF worker included)
and, on Linux, mark the process not dumpable (PR_SET_DUMPABLE 0), which also covers a core_pattern
that pipes dumps to a collector and keeps other programs of the same user from attaching to it.
Windows has no core dumps unless an administrator turned on Windows Error Reporting's LocalDumps.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Any

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3


def _prctl() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    return getattr(libc, "prctl", None)


def disable_core_dumps() -> None:
    """No core file for this process or its children, whatever `ulimit -c` said."""
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        prctl = _prctl()
        if prctl is not None:
            prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> bool | None:
    """Whether this process could leave a core dump (None where that cannot be asked)."""
    try:
        import resource
    except ImportError:
        return None
    if resource.getrlimit(resource.RLIMIT_CORE)[0] == 0:
        return False
    if sys.platform.startswith("linux"):
        prctl = _prctl()
        if prctl is not None:
            return bool(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
    return True
