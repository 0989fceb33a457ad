"""Crash-safe file writing and the vault's writer lock."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import VaultBusy

TEMP_PREFIX = ".tmp-"


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems (FAT on USB drives) cannot fsync a directory
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def temp_path_for(path: Path) -> Path:
    return path.with_name(f"{TEMP_PREFIX}{secrets.token_hex(8)}-{path.name}")


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> object:
    """Write *path* through a temporary file in the same directory: fsync, rename, fsync the directory.

    A crash at any instant leaves either the old file or the new one, never a mix.
    If *write* raises, the temporary file is removed and the target is untouched.
    """
    tmp = temp_path_for(path)
    try:
        with open(tmp, "xb") as handle:
            result = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return result


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))


def remove_file(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    fsync_dir(path.parent)


def clean_temp_files(directory: Path, older_than_s: float = 3600.0) -> int:
    """Remove temporary files a crashed writer left behind (only old ones: a live writer may own new ones)."""
    removed = 0
    now = time.time()
    if not directory.is_dir():
        return 0
    for entry in os.scandir(directory):
        if entry.name.startswith(TEMP_PREFIX):
            try:
                if now - entry.stat().st_mtime > older_than_s:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:
                pass
    return removed


@contextlib.contextmanager
def writer_lock(lock_path: Path, timeout_s: float = 10.0) -> Iterator[None]:
    """Hold the vault's writer lock (an OS file lock: a crashed holder releases it at once).

    Writers from several processes are serialized; one that waits longer than *timeout_s*
    is refused with VaultBusy.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout_s
        delay = 0.01
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise VaultBusy(
                        "Another MBC Vault program is saving changes to this vault; "
                        "wait for it to finish or close it, then try again."
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
        yield
    finally:
        os.close(fd)  # closing releases the lock
