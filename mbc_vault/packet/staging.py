"""A place in memory (a tmpfs) where a packet can be built and looked over before it is saved.

The packet is plaintext, so it must not touch a disk before the person chooses where it goes.
/run/user/<uid> (XDG_RUNTIME_DIR) and /dev/shm are RAM-backed file systems on Linux; a private
folder (0700) in one of them holds the packet until it is saved or dropped.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

RAM_FILESYSTEMS = {"tmpfs", "ramfs"}


def _mount_type(path: Path) -> str:
    """The file-system type of the mount that holds *path* (from /proc/mounts), or ''."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    best, kind = "", ""
    target = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and (target == fields[1] or target.startswith(fields[1].rstrip("/") + "/")):
            if len(fields[1]) > len(best):
                best, kind = fields[1], fields[2]
    return kind


def ram_folder() -> Path | None:
    """A new private folder on a RAM-backed file system, or None if there is none."""
    for base in (os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"):
        if not base or not os.path.isdir(base) or not os.access(base, os.W_OK):
            continue
        if _mount_type(Path(base)) not in RAM_FILESYSTEMS:
            continue
        folder = Path(base) / f"mbc-vault-packet-{secrets.token_hex(8)}"
        folder.mkdir(mode=0o700)
        return folder
    return None


def drop(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
