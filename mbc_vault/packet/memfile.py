"""Anonymous in-memory files (memfd): plaintext handed to qpdf as /dev/fd/N, never written to disk."""

from __future__ import annotations

import os
from typing import BinaryIO


class MemFile:
    """A memfd holding bytes; `path` names it for a child process started with pass_fds=[fd]."""

    def __init__(self, name: str = "packet-part") -> None:
        self.fd = os.memfd_create(name, os.MFD_CLOEXEC)

    @classmethod
    def of(cls, data: bytes, name: str = "packet-part") -> MemFile:
        mem = cls(name)
        mem.write(data)
        return mem

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]

    @property
    def path(self) -> str:
        return f"/dev/fd/{self.fd}"

    @property
    def size(self) -> int:
        return os.fstat(self.fd).st_size

    def reader(self) -> BinaryIO:
        """A reader positioned at 0, sharing nothing with self.fd's offset."""
        return open(f"/proc/self/fd/{self.fd}", "rb")

    def read_all(self) -> bytes:
        with self.reader() as handle:
            return handle.read()

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def __del__(self) -> None:  # pragma: no cover - safety net
        try:
            self.close()
        except OSError:
            pass
