"""What differs between Windows and Linux or macOS, each behind one name (docs/architecture.md,
"Windows and macOS"). The rest of the core calls these and never asks which system it runs on.

Every function reads `WINDOWS` when it is called, so a test forces the Windows branch on Linux by
setting it (tests/windows_like.py also gives the calls those branches make Windows' behaviour).
macOS takes the POSIX branches: it has flock, O_NOFOLLOW, hard links and directory fsync.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

WINDOWS = sys.platform == "win32"

#: how long a rename on Windows is tried again while another program (a virus scanner, a search
#: indexer, a sync tool) holds the file open, which Windows refuses and Linux and macOS allow
BUSY_RETRY_S = 2.0


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in *directory* durable (fsync the folder itself).

    Windows cannot open a folder as a file; NTFS journals renames, so there is nothing to do there."""
    if WINDOWS:
        return
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems (FAT on USB drives) cannot fsync a directory
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
            raise
    finally:
        os.close(fd)


def private_create_flags() -> int:
    """os.open flags for a new file that must not exist yet: never through a link (POSIX), always in
    binary mode (Windows opens in text mode unless told, turning every \\n written into \\r\\n).
    Windows has no O_NOFOLLOW (a new file with O_EXCL is never a link there) and no O_CLOEXEC
    (Python's descriptors are not inherited anyway)."""
    if WINDOWS:
        return os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    return os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def rename_no_replace(source: Path, target: Path) -> None:
    """Give *source* the name *target* unless something is there already (FileExistsError).

    Windows' own rename refuses an existing target. On Linux and macOS a rename replaces, so a hard link
    is made and the old name removed; where the file system has no hard links (FAT, some network
    drives), the target is checked and then renamed over."""
    if WINDOWS:
        _while_busy(os.rename, source, target)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except OSError as exc:  # no hard links here: check, then rename
        if exc.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EXDEV,
            errno.EMLINK,
            errno.ENOSYS,
        ):
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(source, target)
        return
    os.unlink(source)


def replace(source: Path, target: Path) -> None:
    """os.replace: *source* takes the name *target*, in one step, whether or not *target* exists.

    On Windows, a file another program has open cannot be renamed or replaced for a moment; the
    rename is tried again for up to BUSY_RETRY_S before the PermissionError goes up."""
    if WINDOWS:
        _while_busy(os.replace, source, target)
    else:
        os.replace(source, target)


def _while_busy(rename: Callable[[Path, Path], None], source: Path, target: Path) -> None:
    deadline = time.monotonic() + BUSY_RETRY_S
    delay = 0.01
    while True:
        try:
            rename(source, target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


def try_lock(fd: int) -> bool:
    """Take the exclusive OS lock on the open lock file *fd* without waiting; False if another
    program (or another open of the file in this one) holds it. The OS releases it when its holder
    ends, even by a crash. Windows locks the file's first byte (msvcrt.locking); Linux and macOS
    lock the whole file (flock)."""
    if WINDOWS:
        try:
            _locking(fd, "LK_NBLCK")
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EDEADLK):
                raise
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        return False
    return True


def unlock(fd: int) -> None:
    """Release what try_lock took, before *fd* is closed. Closing releases it on Linux and macOS;
    Windows asks for the byte to be unlocked first (else it is released "eventually")."""
    if WINDOWS:
        _locking(fd, "LK_UNLCK")


def _locking(fd: int, mode: str) -> None:
    """msvcrt.locking of the file's first byte (it locks from the current position)."""
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)
    # typeshed declares msvcrt on Windows only; mypy runs on Linux
    msvcrt.locking(fd, getattr(msvcrt, mode), 1)  # type: ignore[attr-defined, unused-ignore]


def stat_key(st: os.stat_result) -> tuple[int, int, int]:
    """(size, mtime in ns, inode) of a file, to notice that it changed. On Windows the inode is left
    out (0): os.scandir does not give it there while os.stat does, and a key must not depend on which
    of the two read the file."""
    return (st.st_size, st.st_mtime_ns, 0 if WINDOWS else st.st_ino)


def console_device() -> str:
    """The file that is the terminal a passphrase can be asked on (getpass reads it without echo)."""
    return "CONIN$" if WINDOWS else "/dev/tty"
