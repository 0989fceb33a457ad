"""Crash-safe file writing, private plaintext files (exports, kit, packets) and the vault's writer lock."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from . import system
from .errors import OutputFileError, VaultBusy
from .system import fsync_dir  # the vault's modules fsync folders through fsutil

TEMP_PREFIX = ".tmp-"


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
        system.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return result


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))


#: characters no file name may hold on Windows (and "/" nowhere), the control characters, and the
#: marks that turn the direction of text (a right-to-left override can show "fdp.exe" as "exe.pdf")
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+')
#: what a name from elsewhere may not bring into a sentence, a title or a record: control characters
#: (a newline would split a message), line separators and the direction marks
_HIDDEN_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]+")
#: names Windows keeps for devices, with any extension ("NUL.pdf" is the device too)
_DEVICE_NAMES = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\.|$)", re.IGNORECASE)
MAX_NAME_CHARS = 120


def portable_file_name(name: str, fallback: str = "document") -> str:
    """*name* (a title, an original file name, a center's name) as a file name every system takes:
    what Windows forbids (<>:"/\\|?* and control characters) becomes "-", no trailing dot or space,
    never a device name (CON, NUL, COM1...), at most MAX_NAME_CHARS characters with the extension
    kept. A file saved on Linux may be copied to a Windows computer or a USB drive."""
    name = _NOT_IN_NAMES.sub("-", name).strip().rstrip(". ")
    if _DEVICE_NAMES.match(name):
        name = f"_{name}"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        ext = f"{dot}{ext}" if stem and len(ext) <= 8 else ""
        name = name[: MAX_NAME_CHARS - len(ext)].rstrip(". ") + ext
    return name or fallback


def safe_name(name: str) -> str:
    """*name* (a file's name, from anywhere) fit to show on one line and to store: control characters
    (newlines), line separators and text-direction marks become a space, and a path separator "_",
    so "..\\..\\x.pdf" is one harmless name. Spaces are collapsed; "" stays ""."""
    name = _HIDDEN_IN_NAMES.sub(" ", name).replace("/", "_").replace("\\", "_")
    return " ".join(name.split())


#: what a path that is not an ordinary file is, in words
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a disk device"),
    (stat.S_ISFIFO, "a pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words ("a pipe (FIFO)"), or "" for an ordinary file."""
    if stat.S_ISREG(mode):
        return ""
    return next((name for test, name in _KINDS if test(mode)), "not an ordinary file")


def _not_a_file(path: Path, mode: int) -> OutputFileError:
    return OutputFileError("not-a-file", path=path, kind=kind_of(mode))


class NotAFile(OSError):
    """A path that should be an ordinary file is a pipe, a device, a socket or a folder (`kind`)."""

    kind = "not an ordinary file"


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open an ordinary file for reading without ever waiting: a FIFO planted where a file should be
    would block a plain open() forever (O_NONBLOCK opens it at once, then it is refused), and a device
    or folder is refused before anything is read. Raises NotAFile (an OSError) for those."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        fd = os.open(path, flags)
    except PermissionError:  # Windows cannot open a folder at all; Linux and macOS open it, fstat tells
        if os.path.isdir(path):
            raise NotAFile(errno.EISDIR, f"{os.fspath(path)} is a folder, not an ordinary file") from None
        raise
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind:
            error = NotAFile(errno.EINVAL, f"{os.fspath(path)} is {kind}, not an ordinary file")
            error.kind = kind
            raise error
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def private_target(path: str | os.PathLike[str], overwrite: bool = False) -> Path:
    """Where a plaintext file asked for at *path* goes: *path* itself, or the ordinary file a link there
    points to (the link is kept). Raises OutputFileError, in one plain sentence, if the folder is missing,
    if *path* exists and *overwrite* is false, or if it is a device, a pipe, a socket, a folder or a link
    to nothing: those are never replaced, even with *overwrite*."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        if not path.parent.is_dir():
            raise OutputFileError("folder-missing", folder=path.parent) from None
        return path
    target = path
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise OutputFileError("dangling-link", path=path) from None
        target = Path(os.path.realpath(path))
    if not stat.S_ISREG(st.st_mode):
        raise _not_a_file(path, st.st_mode)
    if not overwrite:
        raise OutputFileError("file-exists", path=path)
    return target


class PrivateFile:
    """A new file only its owner may read (0600 from the moment it is created), written under a temporary
    name in the folder of its target and put in place by commit(): fsync, rename, fsync the folder.

    The target is checked when the file is made and again just before the rename (see private_target), so
    an existing device, pipe or other special file is never replaced. *fd* is open for reading and writing.
    """

    def __init__(self, path: str | os.PathLike[str], overwrite: bool = False) -> None:
        self.requested = Path(path)
        self.overwrite = overwrite
        self.path = private_target(self.requested, overwrite)
        self.tmp = temp_path_for(self.path)
        self.fd = os.open(self.tmp, system.private_create_flags(), 0o600)  # 0600: see docs/architecture.md
        self._done = False

    def close_fd(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    def commit(self) -> Path:
        """fsync and put the file in place; returns where it went."""
        if self._done:
            return self.path
        try:
            if self.fd >= 0:
                os.fsync(self.fd)
                self.close_fd()
            target = private_target(self.requested, self.overwrite)  # nothing special appeared meanwhile
            if target != self.path:
                raise OutputFileError("file-changed-while-writing", path=self.requested)
            if self.overwrite:
                system.replace(self.tmp, target)
            else:
                try:
                    system.rename_no_replace(self.tmp, target)
                except FileExistsError:
                    raise OutputFileError("file-exists", path=target) from None
        except BaseException:
            self.discard()
            raise
        self._done = True
        fsync_dir(self.path.parent)
        return self.path

    def discard(self) -> None:
        """Remove the temporary file (the target is untouched)."""
        self.close_fd()
        if not self._done:
            self._done = True
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.tmp)


@contextlib.contextmanager
def private_output(path: str | os.PathLike[str], overwrite: bool = False) -> Iterator[PrivateFile]:
    """A PrivateFile committed when the block ends normally and removed if it raises."""
    out = PrivateFile(path, overwrite)
    try:
        yield out
        out.commit()
    except BaseException:
        out.discard()
        raise


def atomic_write_private(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], overwrite: bool = False
) -> object:
    """Like atomic_write, for a plaintext file the person asked for (an export, the emergency kit, a
    packet, a printout): mode 0600 from the start, and never in place of a device, pipe or other special
    file (OutputFileError); an existing ordinary file is replaced only if *overwrite*.

    A crash leaves the old file or the new one; if *write* raises, the target is untouched."""
    with private_output(path, overwrite) as out, os.fdopen(out.fd, "wb", closefd=False) as handle:
        result = write(handle)
        handle.flush()
    return result


def atomic_write_private_bytes(path: str | os.PathLike[str], data: bytes, overwrite: bool = False) -> None:
    atomic_write_private(path, lambda handle: handle.write(data), overwrite)


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
        while not system.try_lock(fd):
            if time.monotonic() >= deadline:
                raise VaultBusy() from None
            time.sleep(delay)
            delay = min(delay * 2, 0.2)
        try:
            yield
        finally:
            system.unlock(fd)
    finally:
        os.close(fd)  # closing releases the lock (on Windows, unlock() did)
