"""Windows, as far as mbc_vault.system's branches can tell, on Linux.

It forces the Windows branch (`system.WINDOWS = True`) and gives the calls that branch makes the
behaviour they have on Windows, so a test of the branch can fail here as it would there:

- `msvcrt.locking`: an exclusive lock per open of the file, released when its holder ends; made here
  with flock, which behaves the same way for the one byte the vault locks;
- `os.open`: Windows cannot open a folder (PermissionError) and takes O_BINARY (its value, 0x8000, is
  stripped before Linux sees it); every call's flags are kept in `OPENED`;
- `os.rename` refuses an existing target (FileExistsError), as Windows does;
- `os.scandir`'s entries give no inode (st_ino 0), as on Windows (os.stat gives one there);
- `shutil.rmtree` walks by names, as on Windows (which has no folder descriptors);
- `fcntl` and `resource` cannot be imported, as on Windows.

The `windows` fixture (tests/conftest.py) installs it for one test; a child process runs `PRELUDE`
first.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mbc_vault import system

O_BINARY = 0x8000  # Windows' value
#: (path, flags) of every os.open while installed
OPENED: list[tuple[str, int]] = []
#: the mode of every msvcrt.locking call (2: take it without waiting, 0: release it)
LOCKING: list[int] = []
#: the first thing a child process runs, to take the Windows branch too
PRELUDE = (
    f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
    "import windows_like; windows_like.install_for_good()\n"
)

_real_open, _real_rename, _real_scandir = os.open, os.rename, os.scandir


def _locking(fd: int, mode: int, nbytes: int) -> None:
    LOCKING.append(mode)
    if mode in (2, 4):  # LK_NBLCK, LK_NBRLCK: fail at once if another holds it
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(errno.EACCES, "Permission denied") from None
    elif mode == 0:  # LK_UNLCK
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        raise NotImplementedError("the vault never waits inside msvcrt.locking")


def _msvcrt() -> types.ModuleType:
    module = types.ModuleType("msvcrt", "Windows' msvcrt, as far as the writer lock uses it")
    module.LK_UNLCK, module.LK_LOCK, module.LK_NBLCK, module.LK_RLCK, module.LK_NBRLCK = 0, 1, 2, 3, 4
    module.locking = _locking
    return module


def _open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
    if dir_fd is None:
        OPENED.append((os.fspath(path), flags))
        if os.path.isdir(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
    return _real_open(path, flags & ~O_BINARY, mode, dir_fd=dir_fd)


def _rename(
    source: Any, target: Any, *, src_dir_fd: int | None = None, dst_dir_fd: int | None = None
) -> None:
    if os.path.lexists(target):
        raise FileExistsError(
            errno.EEXIST, "Cannot create a file when that file already exists", os.fspath(source)
        )
    _real_rename(source, target, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)


def _no_inode(st: os.stat_result) -> os.stat_result:
    fields = list(st)[:10]
    fields[1] = 0  # st_ino
    times = ("st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns")
    return os.stat_result(fields, {name: getattr(st, name) for name in times})


class _Entry:
    """An os.DirEntry whose stat() has no inode."""

    def __init__(self, entry: os.DirEntry[Any]) -> None:
        self._entry = entry
        self.name, self.path = entry.name, entry.path

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        return _no_inode(self._entry.stat(follow_symlinks=follow_symlinks))

    def __fspath__(self) -> Any:
        return self._entry.path

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)


class _Scandir:
    def __init__(self, *args: Any) -> None:
        self._it = _real_scandir(*args)

    def __iter__(self) -> Iterator[_Entry]:
        return (_Entry(entry) for entry in self._it)

    def __enter__(self) -> _Scandir:
        return self

    def __exit__(self, *exc: object) -> None:
        self._it.close()

    def close(self) -> None:
        self._it.close()


def _patches() -> list[tuple[object, str, object]]:
    return [
        (system, "WINDOWS", True),
        (os, "O_BINARY", O_BINARY),
        (os, "open", _open),
        (os, "rename", _rename),
        (os, "scandir", _Scandir),
        (shutil, "_use_fd_functions", False),
    ]


#: modules Windows does not have (None in sys.modules: importing them raises ImportError)
ABSENT = ("fcntl", "resource")


def install_for_good() -> None:
    """Install it for the rest of this process (a child process of a test)."""
    sys.modules["msvcrt"] = _msvcrt()
    sys.modules.update(dict.fromkeys(ABSENT))
    for owner, name, value in _patches():
        setattr(owner, name, value)


def install(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Install it until *monkeypatch* undoes it (the `windows` fixture of tests/conftest.py);
    returns OPENED, emptied."""
    monkeypatch.setitem(sys.modules, "msvcrt", _msvcrt())
    for name in ABSENT:
        monkeypatch.setitem(sys.modules, name, None)
    for owner, name, value in _patches():
        monkeypatch.setattr(owner, name, value, raising=False)
    OPENED.clear()
    LOCKING.clear()
    return OPENED
