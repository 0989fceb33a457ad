"""Vault file names, and the files sync tools (Syncthing, Dropbox, Nextcloud) put beside them.

Every file of a vault has a strictly validated canonical name (see docs/vault-format.md,
"Sync"). Any other name in a vault folder is one of:

- a sync tool's *conflict copy* of a canonical file (folded back into the vault on open);
- a *temporary* file of a sync tool, or of our own writer (``.tmp-*``): ignored, never damage;
- *unknown*: reported plainly by verify as "not part of the vault", never as damage.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import system
from .fsutil import kind_of

ID20 = r"[0-9a-f]{20}"
HEX16 = r"[0-9a-f]{16}"

#: folders of the vault and the pattern of the canonical file names in each ("" is the vault folder)
ID_FOLDERS = ("keys", "keyrings", "people", "records", "documents", "texts", "requests")
CONFLICTS, VERSIONS = "conflicts", "versions"
VERSION_FOLDERS = (CONFLICTS, VERSIONS)
ROOT_AGE_FILES = ("info.age", "rotation.age", "upgrade.age")
#: the writers' lock file: made by the first write, never changed after (not a change of the vault)
LOCK_FILE = ".lock"
ROOT_PLAIN_FILES = ("vault.json", "MBC-VAULT.json", "README.txt", LOCK_FILE)
_CANONICAL = {
    **{folder: re.compile(rf"^{ID20}\.age$") for folder in ID_FOLDERS},
    CONFLICTS: re.compile(rf"^{ID20}-{HEX16}\.age$"),
    VERSIONS: re.compile(rf"^{ID20}-{HEX16}\.age$"),
}

# -- conflict copies ---------------------------------------------------------------------------
# Syncthing: "<stem>.sync-conflict-<YYYYMMDD>-<HHMMSS>-<7 char device id>.<ext>"
_SYNCTHING = re.compile(r"^(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}(?P<ext>\.[^.]*)?$")
# Dropbox: "<stem> (<device or user>'s conflicted copy <YYYY-MM-DD>[ (n)]).<ext>", also
# "<stem> (conflicted copy <YYYY-MM-DD> <HHMMSS>).<ext>" in newer clients, and the
# "(Case Conflict)" / "(Selective Sync Conflict)" copies
_DROPBOX = re.compile(
    r"^(?P<stem>.+?) \((?:[^()]*['\u2019]s conflicted copy[^()]*(?:\(\d+\))?[^()]*"
    r"|Case Conflict(?: \d+)?|Selective Sync Conflict(?: \d+)?)\)(?P<ext>\.[^.]*)?$"
)
# Nextcloud / ownCloud desktop client: "<stem> (conflicted copy <YYYY-MM-DD> <HHMMSS>).<ext>",
# "<stem> (conflicted copy from <user> <YYYY-MM-DD> <HHMMSS>).<ext>", "<stem> (case clash from ...)",
# and the older "<stem>_conflict-<YYYYMMDD>-<HHMMSS>.<ext>"
_NEXTCLOUD = re.compile(
    r"^(?P<stem>.+?)"
    r"(?: \((?:conflicted copy|case clash from)[^()]*\)|_conflict-\d{8}-\d{6})"
    r"(?P<ext>\.[^.]*)?$"
)

# -- temporary files ---------------------------------------------------------------------------
_TEMP = [
    re.compile(r"^\.tmp-"),  # our own writer (see fsutil.TEMP_PREFIX)
    re.compile(r"^\.syncthing\..*\.tmp$"),  # Syncthing (Unix)
    re.compile(r"^~syncthing~.*\.tmp$"),  # Syncthing (Windows)
    re.compile(r"^\.~"),  # Dropbox partial files, office lock files
    re.compile(r"\.tmp$"),  # Dropbox and others
    re.compile(r"^\.~lock\."),  # Nextcloud / LibreOffice lock files
    re.compile(r"\.part$"),  # Nextcloud partial downloads
    re.compile(r"^\..+\.~[0-9a-f]+$"),  # Nextcloud / ownCloud download in progress
    re.compile(r"^\.owncloudsync\.log"),  # Nextcloud / ownCloud journal
    re.compile(r"^\._sync_[0-9a-f]+\.db"),  # Nextcloud / ownCloud journal
    re.compile(r"^\.sync_[0-9a-f]+\.db"),
]
#: files and folders sync tools and operating systems keep in synced folders: ignored
_TOOL_NAMES = {
    ".stfolder",
    ".stignore",
    ".stversions",
    ".dropbox",
    ".dropbox.attr",
    ".dropbox.cache",
    ".sync",
    ".nextcloudsync.log",
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
    "Icon\r",
}


@dataclass(frozen=True)
class ConflictCopy:
    path: Path
    folder: str  #: "" for the vault folder, else the data folder's name
    original: str  #: the canonical name this is a copy of
    tool: str  #: "Syncthing", "Dropbox" or "Nextcloud"

    @property
    def rel(self) -> str:
        return f"{self.folder}/{self.path.name}" if self.folder else self.path.name

    @property
    def original_path(self) -> Path:
        return self.path.with_name(self.original)


def is_canonical(folder: str, name: str) -> bool:
    if folder == "":
        return name in ROOT_AGE_FILES or name in ROOT_PLAIN_FILES
    pattern = _CANONICAL.get(folder)
    return bool(pattern and pattern.match(name))


def is_temporary(name: str) -> bool:
    return name in _TOOL_NAMES or any(p.search(name) for p in _TEMP)


def conflict_original(name: str) -> tuple[str, str] | None:
    """(canonical name, tool) if *name* is a sync tool's conflict copy of a file named so; else None.

    Only the name is looked at; whether the original is canonical is the caller's check.
    """
    for tool, pattern in (("Syncthing", _SYNCTHING), ("Dropbox", _DROPBOX), ("Nextcloud", _NEXTCLOUD)):
        match = pattern.match(name)
        if match:
            stem, ext = match.group("stem"), match.group("ext") or ""
            inner = conflict_original(stem + ext)  # a conflict copy of a conflict copy
            return (inner[0], tool) if inner else (stem + ext, tool)
    return None


def classify(folder: str, name: str) -> str:
    """ "canonical", "conflict", "temporary" or "unknown" for the file *name* in *folder*."""
    if is_canonical(folder, name):
        return "canonical"
    if is_temporary(name):
        return "temporary"
    original = conflict_original(name)
    if original and is_canonical(folder, original[0]) and original[0] not in ROOT_PLAIN_FILES:
        return "conflict"
    return "unknown"


@dataclass
class Scan:
    """Every non-canonical file of a vault, by kind."""

    conflicts: list[ConflictCopy]
    unknown: list[str]


def scan(root: Path) -> Scan:
    conflicts: list[ConflictCopy] = []
    unknown: list[str] = []
    for folder in ("", *ID_FOLDERS, *VERSION_FOLDERS):
        directory = root / folder if folder else root
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            name = entry.name
            if folder == "" and name in (*ID_FOLDERS, *VERSION_FOLDERS):
                continue
            kind = classify(folder, name)
            rel = f"{folder}/{name}" if folder else name
            if kind == "canonical" and not entry.is_file():
                unknown.append(f"{rel} ({_kind_in_words(entry)}, not a file of the vault)")
                continue
            if kind in ("canonical", "temporary"):
                continue
            found = conflict_original(name) if kind == "conflict" else None
            if found and entry.is_file(follow_symlinks=False):
                conflicts.append(ConflictCopy(Path(entry.path), folder, *found))
            else:
                unknown.append(rel + ("/" if entry.is_dir() else ""))
    return Scan(conflicts, unknown)


def _kind_in_words(entry: os.DirEntry[str]) -> str:
    try:
        return kind_of(entry.stat().st_mode) or "a link"
    except OSError:
        return "a link to nothing"


def version_id(record_json: bytes) -> str:
    """The id of a kept version of a record: the first 16 hex digits of the SHA-256 of its JSON.

    Both copies of a synced vault folding the same conflict give the same name.
    """
    return hashlib.sha256(record_json).hexdigest()[:16]


# -- noticing changes made by a sync tool ------------------------------------------------------
Snapshot = dict[str, tuple[int, int, int]]


def snapshot(root: Path) -> Snapshot:
    """Names, sizes, mtimes and inodes of the vault's files (temporary files and the lock file left out)."""
    items: Snapshot = {}
    for folder in ("", *ID_FOLDERS, *VERSION_FOLDERS):
        directory = root / folder if folder else root
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if is_temporary(entry.name) or (
                        folder == "" and entry.name in (*ID_FOLDERS, *VERSION_FOLDERS, LOCK_FILE)
                    ):
                        continue
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue
                    items[f"{folder}/{entry.name}"] = stat_key(st)
        except (FileNotFoundError, NotADirectoryError):
            continue
    return items


def stat_key(st: os.stat_result) -> tuple[int, int, int]:
    """(size, mtime, inode) of a file (system.stat_key: no inode on Windows)."""
    return system.stat_key(st)
