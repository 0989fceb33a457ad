"""The vault folder's layout: names, the plaintext marker, and small readers every core module may use.

Nothing here holds a key. See docs/vault-format.md for what each file is.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import age, sync
from .errors import IntegrityError, NotAVault, UnsupportedFormat, VaultError
from .fsutil import open_regular

FORMAT_NAME = "mbc-vault"
FORMAT_VERSION = 2
#: the plaintext marker: new vaults use a neutral name; vaults made before format 2 keep theirs
MARKER = "vault.json"
OLD_MARKER = "MBC-VAULT.json"
MARKERS = (MARKER, OLD_MARKER)
README_NAME = "README.txt"
KEYS, KEYRINGS, PEOPLE, RECORDS, DOCUMENTS, TEXTS = (
    "keys",
    "keyrings",
    "people",
    "records",
    "documents",
    "texts",
)
#: members' signed passphrase changes, until the owner takes them in
REQUESTS = "requests"
DATA_DIRS = (KEYS, KEYRINGS, PEOPLE, RECORDS, DOCUMENTS, TEXTS, REQUESTS)
INFO = "info.age"
#: only while a key rotation is unfinished
ROTATION = "rotation.age"
#: only while an upgrade from format 1 is unfinished
UPGRADE = "upgrade.age"
CONFLICTS_DIR, VERSIONS_DIR = sync.CONFLICTS, sync.VERSIONS
LOCK = ".lock"
#: a record file is small JSON; refuse to buffer hostile giants
MAX_RECORD_BYTES = 8 << 20

VAULT_README = """This folder is an encrypted vault. Every file ending in .age is a standard
age file (https://age-encryption.org). If the program that made it is not
available, the files can be recovered with the stock `age` tool and your
passphrase: see the recovery steps in your emergency kit.
Do not rename or edit the files in this folder.
"""


@dataclass
class Problem:
    """One damaged file found by verify or while opening: where it is, and what is wrong with it as
    a coded error (its English is `message`; the app words the code itself)."""

    path: str
    error: VaultError
    record_id: str | None = None
    title: str | None = None

    @classmethod
    def of(
        cls, path: str, code: str, *, record_id: str | None = None, title: str | None = None, **params: Any
    ) -> Problem:
        """A problem with a new IntegrityError of *code* and *params*."""
        return cls(path, IntegrityError(code, **params), record_id=record_id, title=title)

    @property
    def message(self) -> str:
        return str(self.error)

    def describe(self) -> str:
        about = (
            f'record {self.record_id} ("{self.title}")'
            if self.record_id and self.title
            else (f"record {self.record_id}" if self.record_id else self.path)
        )
        return f"{about}: {self.message} ({self.path})"


def detail(exc: BaseException) -> VaultError | str:
    """What went wrong in *exc* as a sentence's parameter: a coded error stays one (so the app can word
    it), anything else (a library's own message) is its text."""
    return exc if isinstance(exc, VaultError) else str(exc)


def marker_path(path: Path) -> Path:
    """The marker file of the vault at *path* (the neutral name, or the name of format 1)."""
    for name in MARKERS:
        if (path / name).exists():
            return path / name
    return path / MARKER


def read_marker(path: Path) -> dict[str, Any]:
    if not path.is_dir():
        raise NotAVault("not-a-folder", path=path)
    marker = marker_path(path)
    try:
        data = json.loads(read_small(marker).decode("utf-8"))
    except FileNotFoundError:
        raise NotAVault("no-marker", path=path, marker=MARKER) from None
    except (ValueError, OSError, age.AgeError):
        raise NotAVault("marker-damaged", marker=marker) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise NotAVault("not-a-vault", path=path)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise NotAVault("marker-damaged", marker=marker)
    if version > FORMAT_VERSION:
        raise UnsupportedFormat("format-too-new", version=version, supported=FORMAT_VERSION)
    if not isinstance(data.get("vault_id"), str):
        raise NotAVault("marker-no-id", marker=marker)
    return data


def age_files(directory: Path) -> list[Path]:
    """The files of *directory* with canonical names (sync.is_canonical): never the ".tmp-..." files
    of a writer at work or one that crashed, a sync tool's temporary files or its conflict copies."""
    if not directory.is_dir():
        return []
    folder = directory.name
    # only ordinary files: a pipe, device, socket or folder planted under a vault file's name is never
    # opened (a FIFO would hang the open); sync.scan lists it as not part of the vault
    return sorted(
        Path(entry.path)
        for entry in os.scandir(directory)
        if sync.is_canonical(folder, entry.name) and entry.is_file()
    )


def read_small(path: Path) -> bytes:
    """A vault file small enough to hold in memory (a record, a key file), refused past MAX_RECORD_BYTES
    and, when it is not an ordinary file, with NotAFile (an OSError) before anything is read."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_RECORD_BYTES:
            raise age.HeaderError("file too large for a record")
        return handle.read(size + 1)


def json_bytes(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")


def work_factor_of(key_file: Path) -> int:
    """The scrypt work factor a key file was written with (kept when it is rewritten)."""
    try:
        header = read_small(key_file).split(b"\n", 2)[1].decode("ascii")
        parts = header.split()
        if parts[:2] == ["->", "scrypt"]:
            return min(int(parts[3]), age.MAX_SCRYPT_WORK_FACTOR)
    except (OSError, IndexError, ValueError, age.AgeError):
        pass
    return age.DEFAULT_SCRYPT_WORK_FACTOR


def same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            ca, cb = fa.read(1 << 16), fb.read(1 << 16)
            if ca != cb:
                return False
            if not ca:
                return True
