"""The time limit of reading one portal file: a `Deadline` is the cancel check the readers already call
(between chunks and every few thousand elements of the XML parse, every few hundred entries or
resources of the mapping), and it also raises `ReadTooSlow` once READ_SECONDS have passed, so that a
file that would take minutes (damaged, or built to be slow) gets one sentence and the batch goes on.

`read.read_portal_file` starts one for the whole file (every document of a zip shares it);
`read_ccda` and `read_fhir` start their own when called with a plain cancel flag or none.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from ..errors import InputFileError

#: seconds one file may take to read. The largest file read (64 MiB of C-CDA, just under the element
#: limit) takes some 7 s on the 2-core machine of docs/performance.md; this leaves a slow laptop
#: several times that.
READ_SECONDS = 60.0


class ReadTooSlow(InputFileError):
    """A portal file took longer than READ_SECONDS to read ("portal-read-too-slow"). The readers of a
    zip's documents let it through: the whole file is refused, not counted as one unreadable member."""


class Deadline:
    """A cancel check with a time limit for reading the file *name*: calling it returns *cancel*()
    (False when there is none), or raises ReadTooSlow once READ_SECONDS (read when it is made) have
    passed."""

    def __init__(self, name: str, cancel: Callable[[], bool] | None = None) -> None:
        self.name = name
        self.cancel = cancel
        self.seconds = READ_SECONDS
        self.end = time.monotonic() + self.seconds

    def __call__(self) -> bool:
        if time.monotonic() >= self.end:
            raise ReadTooSlow("portal-read-too-slow", name=self.name, seconds=f"{self.seconds:g}")
        return self.cancel is not None and self.cancel()


def within(name: str, cancel: Callable[[], bool] | None) -> Deadline:
    """*cancel* when it is already a Deadline (the file's, for a document of a zip), else a new one."""
    return cancel if isinstance(cancel, Deadline) else Deadline(name, cancel)
