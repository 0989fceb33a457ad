"""A rebuildable, encrypted cache of decrypted record metadata, kept outside the vault.

Opening a vault of 10,000 records would otherwise cost 10,000 X25519 operations. The cache
maps each record file (by name, size, mtime and inode) to its metadata; a file that changed in
any of these is read again. It lives in the user's cache folder, encrypted to the person's own
key, so a synced vault folder never carries it, and deleting it loses nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

import platformdirs

from . import age, system
from .fsutil import atomic_write_bytes

log = logging.getLogger(__name__)
CACHE_VERSION = 2
FileKey = tuple[int, int, int]  # size, mtime_ns, inode
#: the cache folder's name (no author folder above it: appauthor=False)
CACHE_APP_NAME = "mbc-vault"


def default_cache_root() -> Path:
    """The folder of the record caches: MBC_VAULT_CACHE_DIR if set, else this user's cache folder
    (platformdirs): $XDG_CACHE_HOME/mbc-vault or ~/.cache/mbc-vault on Linux (where it always was),
    ~/Library/Caches/mbc-vault on macOS, %LOCALAPPDATA%\\mbc-vault\\Cache on Windows (never the
    roaming profile)."""
    override = os.environ.get("MBC_VAULT_CACHE_DIR")
    if override:
        return Path(override)
    return platformdirs.user_cache_path(CACHE_APP_NAME, appauthor=False)


def file_key(stat: os.stat_result) -> FileKey:
    """What tells a changed record file from the one the cache read (system.stat_key)."""
    return system.stat_key(stat)


class RecordCache:
    def __init__(self, path: Path | None, identity: age.X25519Identity, keyring_fingerprint: str) -> None:
        self.path = path
        self._identity: age.X25519Identity | None = identity
        self._fingerprint = keyring_fingerprint
        self.entries: dict[str, tuple[FileKey, dict[str, Any] | None]] = {}
        #: what this computer has seen of the vault, to detect a folder that goes back (rollback):
        #: the highest vault-info epoch and the highest revision of each record. Kept when the
        #: entries are dropped (a keyring change), never when the cache file is lost.
        self.seen: dict[str, Any] = {}
        self.dirty = False

    @staticmethod
    def fingerprint(public_keys: list[bytes]) -> str:
        return hashlib.sha256(b"".join(sorted(public_keys))).hexdigest()

    def close(self) -> None:
        """Forget the key and every entry; nothing is loaded or saved afterwards (the vault's close)."""
        self.path, self._identity = None, None
        self.entries, self.seen, self.dirty = {}, {}, False

    def load(self) -> None:
        if self.path is None or self._identity is None or not self.path.exists():
            return
        try:
            data = json.loads(age.decrypt_bytes(self.path.read_bytes(), [self._identity]))
            if isinstance(data.get("seen"), dict):
                self.seen = data["seen"]
            if data.get("version") != CACHE_VERSION or data.get("keyring") != self._fingerprint:
                return
            self.entries = {name: (tuple(entry[0]), entry[1]) for name, entry in data["entries"].items()}
        except (age.AgeError, ValueError, KeyError, TypeError, OSError):
            log.info("record cache unreadable; rebuilding it")
            self.entries = {}

    def see(self, *, epoch: int | None = None, revisions: dict[str, int] | None = None) -> None:
        """Remember the newest state seen (never lowers what was seen)."""
        if epoch is not None and epoch > int(self.seen.get("epoch", 0)):
            self.seen["epoch"] = epoch
            self.dirty = True
        if revisions:
            known = self.seen.setdefault("revisions", {})
            for rid, rev in revisions.items():
                if rev > 1 and rev > int(known.get(rid, 0) or 0):  # revision 1 cannot go back
                    known[rid] = rev
                    self.dirty = True

    def rewrap(self, identity: age.X25519Identity) -> None:
        """Encrypt the cache to a new identity from now on (after a passphrase change)."""
        self._identity = identity
        self.dirty = True

    def lookup(self, name: str, key: FileKey) -> tuple[bool, dict[str, Any] | None]:
        entry = self.entries.get(name)
        if entry is not None and entry[0] == key:
            return True, entry[1]
        return False, None

    def put(self, name: str, key: FileKey, record: dict[str, Any] | None) -> None:
        """Remember *record* (a checked record's fields) for the file *name*; its signature is left
        out: it was checked already, and is checked again whenever the file changes."""
        if record is not None and "signature" in record:
            record = {k: v for k, v in record.items() if k != "signature"}
        self.entries[name] = (key, record)
        self.dirty = True

    def forget_missing(self, present: set[str]) -> None:
        for name in list(self.entries):
            if name not in present:
                del self.entries[name]
                self.dirty = True

    def save(self) -> None:
        if self.path is None or self._identity is None or not self.dirty:
            return
        payload = json.dumps(
            {
                "version": CACHE_VERSION,
                "keyring": self._fingerprint,
                "seen": self.seen,
                "entries": {name: [list(key), rec] for name, (key, rec) in self.entries.items()},
            },
            ensure_ascii=False,
        ).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write_bytes(self.path, age.encrypt_bytes(payload, [self._identity.recipient()]))
            self.dirty = False
        except OSError as exc:  # a cache that cannot be written only costs speed
            log.warning("could not write the record cache: %s", exc.strerror)
