"""The vault: a directory of standard age files, one per record and one per document.

See docs/vault-format.md for the layout. Every public method raises only VaultError
subclasses (whose text is a plain sentence for the user) for expected failures.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from . import age, authority
from .authority import SigningKey
from .cache import FileKey, RecordCache, default_cache_root, file_key
from .categories import ALL_SCOPES, ENTRY_KINDS, SCOPES, VAULT_SCOPE, scope_of
from .documents import DocumentStream, sniff_media_type
from .errors import (
    Cancelled,
    ConflictError,
    DuplicateDocument,
    InputFileError,
    IntegrityError,
    NotAVault,
    PermissionDenied,
    RecordNotFound,
    UnsupportedFormat,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from .fsutil import atomic_write, atomic_write_bytes, clean_temp_files, fsync_dir, remove_file, writer_lock
from .keys import Keyring, PersonKey, ScopeKey, parse_person_key, person_key_text
from .people import (REQUESTS, ROTATION, NotShared, PeopleMixin, Person,
                     normalize_setup_code)
from .pipeline import HashingReader, WritebackHint
from .records import DocumentRef, Record, check_category, check_date, new_id, now_iso
from . import sync

log = logging.getLogger(__name__)

FORMAT_NAME = "mbc-vault"
FORMAT_VERSION = 2
#: the plaintext marker: new vaults use a neutral name; vaults made before format 2 keep theirs
MARKER = "vault.json"
OLD_MARKER = "MBC-VAULT.json"
MARKERS = (MARKER, OLD_MARKER)
README_NAME = "README.txt"
KEYS, KEYRINGS, PEOPLE, RECORDS, DOCUMENTS, TEXTS = "keys", "keyrings", "people", "records", "documents", "texts"
DATA_DIRS = (KEYS, KEYRINGS, PEOPLE, RECORDS, DOCUMENTS, TEXTS, REQUESTS)
INFO = "info.age"
CONFLICTS_DIR, VERSIONS_DIR = sync.CONFLICTS, sync.VERSIONS
LOCK = ".lock"
MAX_RECORD_BYTES = 8 << 20
WRONG_PASSPHRASE_TEXT = "Wrong passphrase for this vault."  # a record file is small JSON; refuse to buffer hostile giants

ProgressFn = Callable[[int, int, str], None]

VAULT_README = """This folder is an encrypted vault. Every file ending in .age is a standard
age file (https://age-encryption.org). If the program that made it is not
available, the files can be recovered with the stock `age` tool and your
passphrase: see the recovery steps in your emergency kit.
Do not rename or edit the files in this folder.
"""
ROLLBACK_TEXT = ("This vault folder went back to an older state than this computer saw before (an older copy "
                 "or backup was put in its place, or someone rolled it back). Changes and key changes are "
                 "refused until the newest copy of the folder is back; restore it from your sync tool or "
                 "backup.")
OLD_FORMAT_MEMBER_TEXT = ("This vault was made by an older version of MBC Vault. Its owner must open it once "
                          "with this version before you can use it.")


class CancelFlag:
    """Anything with is_set() (threading.Event works)."""

    def is_set(self) -> bool:  # pragma: no cover - protocol
        return False


@dataclass
class Problem:
    """One damaged file found by verify or while opening."""

    path: str
    message: str
    record_id: str | None = None
    title: str | None = None

    def describe(self) -> str:
        about = f'record {self.record_id} ("{self.title}")' if self.record_id and self.title else (
            f"record {self.record_id}" if self.record_id else self.path)
        return f"{about}: {self.message} ({self.path})"


@dataclass
class VerifyReport:
    records_checked: int = 0
    documents_checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    #: record files this person cannot decrypt (scopes they were not given)
    not_readable: int = 0
    #: document files no record of ours points to (left by an interrupted add, or mid-sync)
    unreferenced: list[str] = field(default_factory=list)
    #: files in the vault's folders that are not part of the vault (not damage; see docs "Sync")
    not_in_vault: list[str] = field(default_factory=list)
    #: sync tools' conflict copies not folded back yet (not damage), with what they are
    sync_copies: list[str] = field(default_factory=list)
    #: ids of records whose two versions (edited on two synced copies) wait for a choice
    conflicts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def marker_path(path: Path) -> Path:
    """The marker file of the vault at *path* (the neutral name, or the name of format 1)."""
    for name in MARKERS:
        if (path / name).exists():
            return path / name
    return path / MARKER


def read_marker(path: Path) -> dict[str, Any]:
    if not path.is_dir():
        raise NotAVault(f"{path} is not a folder; give the folder that holds the vault.")
    marker = marker_path(path)
    try:
        data = json.loads(_read_small(marker).decode("utf-8"))
    except FileNotFoundError:
        raise NotAVault(f"{path} is not an MBC Vault (it has no {MARKER}); pick the vault's folder.") from None
    except (ValueError, OSError, age.AgeError):
        raise NotAVault(f"{marker} is damaged; restore it from a backup or see docs/recovery.md.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise NotAVault(f"{path} is not an MBC Vault.")
    version = data.get("version")
    if not isinstance(version, int) or version < 1 or version > FORMAT_VERSION:
        raise UnsupportedFormat(
            f"This vault uses format version {version}, newer than this program understands "
            f"({FORMAT_VERSION}); update MBC Vault to open it."
        )
    if not isinstance(data.get("vault_id"), str):
        raise NotAVault(f"{marker} is damaged (it has no vault id); restore it from a backup.")
    return data


def _age_files(directory: Path) -> list[Path]:
    """The files of *directory* with canonical names (sync.is_canonical): never the ".tmp-..." files
    of a writer at work or one that crashed, a sync tool's temporary files or its conflict copies."""
    if not directory.is_dir():
        return []
    folder = directory.name
    return sorted(p for p in directory.iterdir() if sync.is_canonical(folder, p.name))


@dataclass
class RecordVersion:
    """One version of a record that was changed on two synced copies of the vault."""

    version_id: str      #: 16 hex digits (sync.version_id of the record's JSON)
    record: Record
    current: bool        #: the version the vault shows (the record file)
    path: Path


def _read_small(path: Path) -> bytes:
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_RECORD_BYTES:
            raise age.HeaderError("file too large for a record")
        return handle.read(size + 1)


class Vault(PeopleMixin):
    """An open vault, unlocked by one person."""

    def __init__(self, path: Path, vault_id: str, person: Person, identity: age.X25519Identity,
                 keyring: Keyring, cache: RecordCache, owner_key: str = "") -> None:
        self.path = path
        self.vault_id = vault_id
        self.person = person
        self._identity = identity
        self._keyring = keyring
        self._identities = keyring.identities()
        self._scope_of_key = {k.identity.public_key: k for k in keyring.keys}
        self._cache = cache
        #: the owner's public signing key (hex): this person's trust anchor, from their key file
        self._owner_key = owner_key
        self._signing: SigningKey | None = keyring.signing_key
        self._mac_keys: dict[str, bytes] = {}
        #: the verified vault info (owner-signed): epoch, each part's current generation, people
        self.info: dict[str, Any] = {}
        self.epoch = 0
        #: set when the folder holds an older state than this computer saw (see ROLLBACK_TEXT)
        self.rolled_back = False
        self._records: dict[str, Record] = {}
        self._by_sha256: dict[str, str] = {}
        self.name = ""
        self.people: dict[str, Person] = {}
        #: names of people who were removed, so their records still say who wrote them
        self.former_people: dict[str, str] = {}
        #: record files that could not be read when the vault was opened
        self.load_problems: list[Problem] = []
        self.not_readable = 0
        #: what folding sync tools' copies back did, or could not do (plain sentences, not damage)
        self.sync_notes: list[str] = []
        self._snapshot: sync.Snapshot = {}

    # ----------------------------------------------------------------- create / open
    @classmethod
    def create(cls, path: str | os.PathLike[str], passphrase: str, *, name: str = "",
               owner_name: str | None = None, work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR,
               cache_root: Path | None = None) -> "Vault":
        """Create a new vault at *path* (a new or empty folder) with its owner; returns it unlocked."""
        from .people import info_object, profile_object

        path = Path(path)
        if not passphrase:
            raise ValueError("The passphrase cannot be empty.")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultExists(f"{path} already exists and is not an empty folder; choose a new folder.")
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.parent / f".{path.name}.creating-{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        try:
            vault_id = secrets.token_hex(16)
            signing = SigningKey.generate()
            identity = age.X25519Identity.generate()
            owner = Person(id=new_id(), name=owner_name or name or "Owner", role="owner",
                           relationship="self", scopes=list(SCOPES), can_edit=True, created=now_iso(),
                           recipient=str(identity.recipient()), signing_key=signing.public)
            keyring = Keyring([ScopeKey(s, 1, age.X25519Identity.generate()) for s in ALL_SCOPES],
                              signing, owner.id, vault_id, epoch=1)
            for sub in DATA_DIRS:
                (staging / sub).mkdir()
            vault_recipient = [keyring.keys[0].recipient]
            profile = profile_object(owner, owner.id, signing)
            atomic_write_bytes(staging / KEYRINGS / f"{owner.id}.age",
                               age.encrypt_bytes(keyring.to_text(signing), [identity.recipient()]))
            atomic_write_bytes(staging / PEOPLE / f"{owner.id}.age",
                               age.encrypt_bytes(_json_bytes(profile), vault_recipient))
            info = info_object(vault_id=vault_id, name=name or owner.name, created=now_iso(), epoch=1,
                               owner=owner.id, signing=signing, keys=keyring.keys, people={owner.id: profile},
                               former={})
            atomic_write_bytes(staging / INFO, age.encrypt_bytes(_json_bytes(info), vault_recipient))
            cls._write_person_key(staging, owner.id, identity, passphrase, work_factor,
                                  vault_id=vault_id, owner_key=signing.public)
            atomic_write_bytes(staging / README_NAME, VAULT_README.encode())
            marker = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "vault_id": vault_id}
            atomic_write_bytes(staging / MARKER, (json.dumps(marker, indent=2) + "\n").encode())
            if path.exists():
                path.rmdir()
            os.rename(staging, path)
            fsync_dir(path.parent)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return cls._unlocked(path, vault_id, owner.id, PersonKey(identity, vault_id, signing.public),
                             cache_root=cache_root)

    @staticmethod
    def _write_person_key(root: Path, person_id: str, identity: age.X25519Identity, passphrase: str,
                          work_factor: int, *, vault_id: str = "", owner_key: str = "") -> None:
        data = age.encrypt_bytes(person_key_text(person_id, identity, vault_id=vault_id, owner_key=owner_key),
                                 [age.ScryptRecipient(passphrase.encode("utf-8"), work_factor)])
        atomic_write_bytes(root / KEYS / f"{person_id}.age", data)

    @staticmethod
    def person_ids(path: str | os.PathLike[str]) -> list[str]:
        """Ids of the people who have a key in the vault (no names: those are encrypted)."""
        return [p.stem for p in _age_files(Path(path) / KEYS)]

    @classmethod
    def unlock_identity(cls, path: Path, passphrase: str, person_id: str | None = None
                        ) -> tuple[str, age.X25519Identity]:
        """Find whose key *passphrase* opens (trying *person_id* first); raises WrongPassphrase."""
        pid, key = cls.unlock_key(path, passphrase, person_id)
        return pid, key.identity

    @classmethod
    def unlock_key(cls, path: Path, passphrase: str, person_id: str | None = None) -> tuple[str, PersonKey]:
        """Find whose key file *passphrase* opens (trying *person_id* first) and read it."""
        candidates = cls.person_ids(path)
        if not candidates:
            raise NotAVault(f"{path} has no keys; it is not a usable vault.")
        if person_id in candidates:
            candidates.remove(person_id)
            candidates.insert(0, person_id)
        scrypt: list[age.ScryptIdentity] = [age.ScryptIdentity(passphrase.encode("utf-8"))]
        code = normalize_setup_code(passphrase)
        if code is not None and code != passphrase:  # a setup code typed loosely (lower case, no dashes)
            scrypt.append(age.ScryptIdentity(code.encode("utf-8")))
        unreadable: list[str] = []
        for candidate in candidates:
            key_path = path / KEYS / f"{candidate}.age"
            try:
                text = age.decrypt_bytes(_read_small(key_path), scrypt)
            except age.NoIdentityMatch:
                continue
            except (age.HMACError, age.PayloadError):
                # the passphrase unwrapped this file's key, so it is right: the file was altered
                raise IntegrityError(f"The key file {key_path} is damaged (the passphrase is right); "
                                     "restore it from a backup.", path=str(key_path)) from None
            except (age.AgeError, OSError) as exc:
                log.warning("key file %s unusable: %s", key_path.name, type(exc).__name__)
                unreadable.append(f"{KEYS}/{key_path.name}")
                continue
            try:
                return candidate, parse_person_key(text, candidate)
            except (ValueError, age.AgeError):
                raise IntegrityError(f"The key file {key_path} does not belong to this person; "
                                     "it was swapped or altered. Restore it from a backup.",
                                     path=str(key_path)) from None
        if unreadable:
            raise WrongPassphrase(f"Wrong passphrase for this vault, or the key file {', '.join(unreadable)} "
                                  "is damaged; if you are sure of the passphrase, restore it from a backup.")
        raise WrongPassphrase(WRONG_PASSPHRASE_TEXT)

    @classmethod
    def open(cls, path: str | os.PathLike[str], passphrase: str, *, person_id: str | None = None,
             cache_root: Path | None = None, use_cache: bool = True, finish_rotation: bool = True,
             progress: ProgressFn | None = None) -> "Vault":
        """Unlock the vault. For the owner, a vault of format 1 is upgraded first (see upgrade.py),
        people's key changes are taken in, and a key rotation left unfinished is finished, unless
        *finish_rotation* is false (then see pending_rotation / resume_rotation)."""
        path = Path(path)
        marker = read_marker(path)
        vault_id = str(marker["vault_id"])
        pid, key = cls.unlock_key(path, passphrase, person_id)
        if key.vault_id and key.vault_id != vault_id:
            raise IntegrityError(f"The vault's marker {marker_path(path).name} names another vault than your key "
                                 "file; it was changed. Restore it from a backup.", path=str(marker_path(path)))
        if marker["version"] < FORMAT_VERSION:
            from .upgrade import upgrade_vault

            key = upgrade_vault(path, vault_id, pid, key, passphrase, progress=progress)
        if not key.owner_key:
            key = cls._pin_owner_key(path, vault_id, pid, key, passphrase)
        vault = cls._unlocked(path, vault_id, pid, key, cache_root=cache_root, use_cache=use_cache)
        if vault.is_owner and not vault.rolled_back:
            vault.clean_stale_files()
            vault.take_in_requests()
            if finish_rotation and (path / ROTATION).exists():
                try:
                    report = vault.resume_rotation()
                    vault.load_problems.extend(report.problems)
                except VaultError as exc:  # busy, or damaged: the vault still opens; the marker stays
                    log.warning("could not finish the key rotation: %s", type(exc).__name__)
                    vault.load_problems.append(Problem(ROTATION, f"the key change could not be finished: {exc}"))
        elif vault.person.can_edit and not vault.rolled_back:
            vault.clean_stale_files()
        vault._fold_and_reload()
        return vault

    @classmethod
    def _pin_owner_key(cls, path: Path, vault_id: str, pid: str, key: PersonKey, passphrase: str) -> PersonKey:
        """A member whose key file predates format 2 has no trust anchor yet: take the owner's key
        from the vault info (trust on first use, see vault-format.md) and write it into their key file."""
        try:
            keyring = Keyring.from_text(age.decrypt_bytes(_read_small(path / KEYRINGS / f"{pid}.age"), [key.identity]))
            info = json.loads(age.decrypt_bytes(_read_small(path / INFO), keyring.identities()))
            owner_key = str(info["owner_key"])
        except (age.AgeError, OSError, ValueError, KeyError, TypeError):
            raise IntegrityError("The vault's keys cannot be checked: your keyring or the vault's info is "
                                 "damaged. Ask the vault's owner to open the vault.") from None
        if not authority.check_object(info, owner_key) or info.get("vault_id") != vault_id:
            raise IntegrityError("The vault's info was not written by its owner; ask the owner to open the vault.")
        with writer_lock(path / LOCK):
            cls._write_person_key(path, pid, key.identity, passphrase, _work_factor_of(path / KEYS / f"{pid}.age"),
                                  vault_id=vault_id, owner_key=owner_key)
        return PersonKey(key.identity, vault_id, owner_key)

    @classmethod
    def _unlocked(cls, path: Path, vault_id: str, pid: str, key: PersonKey, *,
                  cache_root: Path | None = None, use_cache: bool = True) -> "Vault":
        keyring_path = path / KEYRINGS / f"{pid}.age"
        try:
            keyring = Keyring.from_text(age.decrypt_bytes(_read_small(keyring_path), [key.identity]), key.owner_key)
        except (age.AgeError, OSError, ValueError):
            raise IntegrityError(f"The keyring {keyring_path} is damaged or missing; restore it from a backup.",
                                 path=str(keyring_path)) from None
        if not keyring.signed or keyring.person_id != pid or keyring.vault_id != vault_id:
            raise IntegrityError(f"The keyring {KEYRINGS}/{keyring_path.name} was not written by the vault's owner "
                                 "(someone who can write the folder replaced it); nothing was read with it. "
                                 "Restore it from a backup, or ask the owner to open the vault.",
                                 path=str(keyring_path))
        cache_path = None
        if use_cache and vault_id:
            cache_path = (cache_root or default_cache_root()) / vault_id / f"{pid}.age"
        fingerprint = RecordCache.fingerprint([k.identity.public_key for k in keyring.keys])
        cache = RecordCache(cache_path, key.identity, fingerprint)
        cache.load()
        person = Person(id=pid, name="", scopes=[])
        vault = cls(path, vault_id, person, key.identity, keyring, cache, key.owner_key)
        vault._load_people_and_info(strict=True)
        vault._load_records()
        return vault

    def _decrypt_small(self, path: Path) -> bytes:
        return self._decrypt_scoped(path)[0]

    def _decrypt_scoped(self, path: Path) -> tuple[bytes, ScopeKey]:
        """Decrypt a small file; returns the plaintext and the scope key that opened it."""
        decryptor = age.Decryptor(io.BytesIO(_read_small(path)), self._identities)
        plaintext = decryptor.read_all()
        matched = decryptor.identity
        if self._identities and self._identities[0] is not matched:
            # Most records share a scope: trying the last key that worked first saves X25519 work.
            # A new list, assigned at once: other threads reading the old one are not disturbed.
            self._identities = [matched, *(i for i in self._identities if i is not matched)]  # type: ignore[list-item]
        return plaintext, self._scope_of_key[matched.public_key]  # type: ignore[union-attr]

    def _load_people_and_info(self, strict: bool = False) -> None:
        self.load_problems.extend(self._read_people_and_info())

    def _read_people_and_info(self) -> list[Problem]:
        """(Re)read and check the owner-signed vault info and everyone's details; returns the problems
        found. Raises IntegrityError when the info itself cannot be trusted (nothing is read then)."""
        problems: list[Problem] = []
        vault_keys = [k.identity for k in self._keyring.keys if k.scope == VAULT_SCOPE]
        info = self._read_info(self.path / INFO, vault_keys)
        if info is None:  # a sync tool's copy of it may be the good one (folded back later)
            copies = [c for c in sync.scan(self.path).conflicts if c.folder == "" and c.original == INFO]
            good = [i for i in (self._read_info(c.path, vault_keys) for c in copies) if isinstance(i, dict)]
            if not good:
                raise IntegrityError(f"The vault's info ({INFO}) is damaged, missing or was not written by the "
                                     "vault's owner (someone who can write the folder replaced it); nothing was "
                                     "read with it. Restore it from a backup.", path=str(self.path / INFO))
            info = max(good, key=lambda i: int(i.get("epoch", 0)))
        if info.get("vault_id") != self.vault_id or info.get("format") != FORMAT_VERSION:
            raise IntegrityError(f"The vault's marker ({marker_path(self.path).name}) does not match the vault's "
                                 "signed info: its vault id or format version was changed. Restore it from a backup.",
                                 path=str(marker_path(self.path)))
        epoch = int(info.get("epoch", 0))
        seen = self._cache.seen
        self.rolled_back = epoch < int(seen.get("epoch", 0))
        if self.rolled_back:
            problems.append(Problem(INFO, ROLLBACK_TEXT))
        else:
            self._cache.see(epoch=epoch)
        self.info, self.epoch = info, epoch
        self.name = str(info.get("name", ""))
        former = info.get("former_people")
        self.former_people = {str(k): str(v) for k, v in former.items()} if isinstance(former, dict) else {}
        listed = info.get("people") if isinstance(info.get("people"), dict) else {}
        people: dict[str, Person] = {}
        for pid, obj in listed.items():
            try:
                if not isinstance(obj, dict) or obj.get("id") != pid or not authority.check_object(obj, self._owner_key):
                    raise ValueError("not signed")
                people[pid] = Person.from_obj(obj)
            except (TypeError, ValueError):
                problems.append(Problem(INFO, f"the details of person {pid} in the vault's info cannot be read"))
        problems.extend(self._check_profile_files(listed, vault_keys))
        self.people = people
        owner_id = str(info.get("owner", ""))
        me = people.get(self.person.id)
        if me is None and self.person.id == owner_id:
            me = Person(id=owner_id, name="", role="owner", scopes=list(SCOPES), can_edit=True)
        if me is None:
            raise IntegrityError("Your details in this vault are missing or were not written by its owner, so "
                                 "nothing was opened; ask the vault's owner to open the vault and check the people.")
        if self.person.id == owner_id:
            me.role, me.scopes = "owner", list(SCOPES)
        else:
            if me.role == "owner":
                me.role = "member"
            if me.setup_pending and self.pending_request(me.id) is not None:
                me.setup_pending = False  # chosen already; the owner's next open takes it in
        self.person = me
        problems.extend(self._choose_keys(info))
        return problems

    def _read_info(self, file: Path, vault_keys: list[age.X25519Identity]) -> dict[str, Any] | None:
        """The vault info in *file* if the owner signed it; None if damaged, missing or forged."""
        try:
            info = json.loads(age.decrypt_bytes(_read_small(file), vault_keys))
        except (age.AgeError, OSError, ValueError):
            return None
        if (not isinstance(info, dict) or not authority.check_object(info, self._owner_key)
                or authority.signer_of(info) != info.get("owner")):
            return None
        return info

    def _check_profile_files(self, listed: dict[str, Any], vault_keys: list[age.X25519Identity]) -> list[Problem]:
        """people/<person>.age are copies of the signed details in the info (kept for other tools and
        the recovery steps); one that differs, or names someone not listed, is reported, never used."""
        problems = []
        for file in _age_files(self.path / PEOPLE):
            rel = f"{PEOPLE}/{file.name}"
            try:
                obj = json.loads(age.decrypt_bytes(_read_small(file), vault_keys))
            except (age.AgeError, OSError, ValueError):
                problems.append(Problem(rel, "a person's details cannot be read"))
                continue
            if file.stem not in listed:
                problems.append(Problem(rel, "these details of a person were not written by the vault's owner, or "
                                             "adding that person was interrupted; they are not used"))
            elif obj != listed[file.stem]:
                problems.append(Problem(rel, "this person's details differ from the ones the vault's owner signed "
                                             "(changed or put back by someone else); they are not used"))
        return problems

    def _choose_keys(self, info: dict[str, Any]) -> list[Problem]:
        """Use only the keys of the parts this person's signed details give them, and write each part
        with the generation the signed info names (so a forged or older keyring is never written to)."""
        problems: list[Problem] = []
        allowed = set(self.person.scopes) | {VAULT_SCOPE}
        if self.person.role == "owner":
            allowed = set(ALL_SCOPES)
        scopes = info.get("scopes") if isinstance(info.get("scopes"), dict) else {}
        self._write_keys: dict[str, ScopeKey] = {}
        for scope in sorted(allowed):
            want = scopes.get(scope) or {}
            key = next((k for k in self._keyring.keys if k.scope == scope
                        and k.generation == want.get("generation") and str(k.recipient) == want.get("recipient")),
                       None)
            if key is not None:
                self._write_keys[scope] = key
            elif self.person.role == "owner":
                raise IntegrityError(f"Your keyring does not hold the current key of the {scope} part that the "
                                     "vault's signed info names; it was replaced by an older or forged one. "
                                     "Restore it from a backup.", path=str(self.path / KEYRINGS))
            elif scope in scopes:
                problems.append(Problem(f"{KEYRINGS}/{self.person.id}.age",
                                        f"your keyring does not hold the current key of the {scope} part yet; "
                                        "ask the vault's owner to open the vault"))
        usable = [k for k in self._keyring.keys if k.scope in allowed]
        self._identities = [k.identity for k in sorted(usable, key=lambda k: -k.generation)]
        self._scope_of_key = {k.identity.public_key: k for k in usable}
        return problems

    @property
    def holds_all_scopes(self) -> bool:
        return set(SCOPES) <= {k.scope for k in self._scope_of_key.values()}

    def signer_may_write(self, obj: dict[str, Any], scope: str, raw: bytes | None = None) -> str | None:
        """Why the signed object *obj* (parsed from *raw*), opened with *scope*'s key, must not be
        accepted (None if it may)."""
        signer = authority.signer_of(obj)
        if signer is None:
            return "it is not signed by anyone in this vault, so it was not written by this program"
        person = self.people.get(signer)
        if person is None or not person.signing_key:
            return "it is signed by someone who is not in this vault"
        body = authority.signed_part(raw, obj) if raw is not None else authority.canonical(obj)
        mac_key = self._mac_key(signer)
        if not ((mac_key is not None and authority.check_mac(body, obj[authority.SIGNATURE], mac_key))
                or authority.check_bytes(body, obj[authority.SIGNATURE], person.signing_key)):
            return "its signature does not match: it was changed by someone who may not write it"
        if person.role == "owner":
            return None
        if not person.can_edit or scope not in person.scopes:
            return f"it was written by {person.name or signer}, who may not change the {scope} part"
        return None

    def _mac_key(self, signer: str) -> bytes | None:
        """For the owner, who can derive everyone's record MAC key: *signer*'s (a fast check)."""
        if self._signing is None or self.person.role != "owner":
            return None
        key = self._mac_keys.get(signer)
        if key is None:
            from .people import member_signing_key

            signing = self._signing if signer == self.person.id else member_signing_key(self._signing, signer)
            key = self._mac_keys[signer] = authority.record_mac_key(signing)
        return key

    def _read_record_file(self, file: Path) -> Record:
        """Decrypt and check one record file; raises NoIdentityMatch, IntegrityError."""
        try:
            raw, key = self._decrypt_scoped(file)
        except age.NoIdentityMatch:
            raise
        except (age.AgeError, OSError) as exc:
            raise IntegrityError(f"the record file is damaged ({exc})", path=str(file)) from None
        return self._accept_record(raw, key.scope, file, expected_id=file.stem)

    def _accept_record(self, raw: bytes, scope: str, file: Path, expected_id: str) -> Record:
        """The record in *raw* (opened with *scope*'s key) if its writer may write it; IntegrityError if not."""
        try:
            obj = json.loads(raw.decode("utf-8"))
            if not isinstance(obj, dict):
                raise ValueError("not an object")
            record = Record.from_dict(obj)
        except (ValueError, TypeError, KeyError):
            raise IntegrityError("the record file does not hold a valid record", path=str(file)) from None
        if record.id != expected_id:
            raise IntegrityError("the record file holds another record (files were swapped or renamed)",
                                 record_id=expected_id, path=str(file))
        try:
            record_scope = record.scope
        except ValueError:
            raise IntegrityError("the record has an unknown category", record_id=record.id, path=str(file)) from None
        if record_scope != scope:
            raise IntegrityError(f"it claims to be a {record_scope} record but was stored with the key of the {scope} "
                                 "part, so it was not written by this program; it is not used",
                                 record_id=record.id, path=str(file))
        why = self.signer_may_write(obj, scope, raw)
        if why is None and authority.signer_of(obj) != self.info.get("owner") \
                and authority.signer_of(obj) != record.modified_by:
            why = "it names another person as its last writer than the one who signed it"
        if why is not None:
            raise IntegrityError(f"{why}; it is not used", record_id=record.id, path=str(file))
        return record

    def _load_records(self) -> None:
        records_dir = self.path / RECORDS
        present: set[str] = set()
        self._records.clear()
        self._by_sha256.clear()
        self.load_problems = [p for p in self.load_problems if not p.path.startswith(RECORDS)]
        self.not_readable = 0
        revisions = self._cache.seen.get("revisions", {})
        misses: list[tuple[Path, FileKey]] = []
        with os.scandir(records_dir) as entries:
            for entry in entries:
                if not sync.is_canonical(RECORDS, entry.name):
                    continue
                present.add(entry.name)
                try:
                    key = file_key(entry.stat())
                except FileNotFoundError:
                    continue
                hit, data = self._cache.lookup(entry.name, key)
                if hit:
                    if data is None:
                        self.not_readable += 1
                    else:
                        record = Record.from_dict(data)
                        self._remember(record)
                    continue
                misses.append((Path(entry.path), key))
        self._load_uncached(misses)
        for record in self._records.values():
            seen = revisions.get(record.id)
            if isinstance(seen, int) and record.revision < seen:
                self.load_problems.append(Problem(
                    f"{RECORDS}/{record.id}.age", f"this record went back to an older version (revision "
                    f"{record.revision}; this computer saw revision {seen}): an older copy was put back",
                    record_id=record.id, title=record.title))
        if not self.rolled_back:
            self._cache.see(revisions={r.id: max(r.revision, int(revisions.get(r.id, 0) or 0))
                                       for r in self._records.values()})
        self._cache.forget_missing(present)
        self._cache.save()
        self._snapshot = sync.snapshot(self.path)

    def _classify_record_file(self, file: Path) -> Record | Problem | None:
        """The record in *file*; a Problem if the file is damaged; None if it belongs to a scope
        this person was not given (for the owner, who holds every key, that is damage too)."""
        rel = f"{RECORDS}/{file.name}"
        try:
            return self._read_record_file(file)
        except age.NoIdentityMatch:
            if self.holds_all_scopes:
                return Problem(rel, "no key of this vault opens it: it is damaged", record_id=file.stem)
            return None
        except IntegrityError as exc:
            return Problem(rel, str(exc), record_id=exc.record_id or file.stem)

    def _load_uncached(self, misses: list[tuple[Path, FileKey]]) -> None:
        """Read, decrypt and check the record files the cache did not know (serially: a thread pool was
        measured slower, as most of the work per file holds the GIL; docs/performance.md)."""
        for file, key in misses:
            self._load_one(file, key)

    def _load_one(self, file: Path, key: FileKey) -> None:
        record = self._classify_record_file(file)
        if record is None:
            self.not_readable += 1
            self._cache.put(file.name, key, None)
            return
        if isinstance(record, Problem):
            self.load_problems.append(record)
            return
        self._remember(record)
        self._cache.put(file.name, key, record.to_dict())

    def reload(self) -> None:
        """Pick up changes made by another program or a sync tool (folding its conflict copies back)."""
        self.load_problems = [p for p in self.load_problems if p.path.startswith(RECORDS)]
        self.load_problems.extend(self._read_people_and_info())
        if self.is_owner and not self.rolled_back:
            self.take_in_requests()
        self._load_records()
        self._fold_and_reload()

    def changed_on_disk(self) -> bool:
        """Whether files of the vault changed since it was read (a sync tool, another program).

        Cheap (names, sizes, mtimes and inodes only): the app can poll it and call reload().
        This vault's own writes of records, documents and texts do not count.
        """
        return sync.snapshot(self.path) != self._snapshot

    def _note_own_write(self, file: Path) -> None:
        rel = f"{file.parent.name}/{file.name}"
        try:
            self._snapshot[rel] = sync.stat_key(file.stat())
        except FileNotFoundError:
            self._snapshot.pop(rel, None)

    def close(self) -> None:
        """Save the cache and drop keys and decrypted metadata from memory."""
        with contextlib.suppress(Exception):
            self._cache.save()
        self._records.clear()
        self._identities = []
        self._keyring = Keyring()
        self._cache.entries.clear()

    def __enter__(self) -> "Vault":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------- reading
    def records(self, *, category: str | None = None, include_trashed: bool = False,
                kind: str | None = "document") -> list[Record]:
        """Records newest first; documents only unless *kind* names another kind (None: every kind)."""
        out = [r for r in list(self._records.values())
               if (include_trashed or not r.in_trash) and (category is None or r.category == category)
               and (kind is None or r.kind == kind)]
        return sorted(out, key=lambda r: (r.date or "", r.created), reverse=True)

    def entries(self, kind: str, *, include_trashed: bool = False) -> list[Record]:
        """Structured entries of one kind (diagnosis, treatment-line, symptom...), newest first."""
        return self.records(kind=kind, include_trashed=include_trashed)

    def trash(self, kind: str | None = "document") -> list[Record]:
        return sorted((r for r in list(self._records.values()) if r.in_trash and (kind is None or r.kind == kind)),
                      key=lambda r: r.trashed or "", reverse=True)

    def add_entry(self, kind: str, data: dict[str, Any], *, title: str, date: str | None = None,
                  links: Iterable[str] = (), notes: str = "") -> Record:
        """Store a structured entry (no document) as its own record."""
        if kind not in ENTRY_KINDS:
            raise ValueError(f'"{kind}" is not a kind of entry.')
        self._require_edit(scope_of(kind))
        stamp = now_iso()
        record = Record(id=new_id(), category=kind, kind=kind, title=title.strip() or ENTRY_KINDS[kind][1],
                        date=check_date(date), data=dict(data), links=list(links), notes=notes, created=stamp,
                        modified=stamp, author=self.person.id, modified_by=self.person.id)
        with self._lock():
            self._write_record(record)
        return record

    def update_entry(self, record_id: str, *, data: dict[str, Any] | None = None, title: str | None = None,
                     date: str | None | bool = False, links: Iterable[str] | None = None,
                     notes: str | None = None) -> Record:
        """Change an entry; only the arguments given change (date=False means unchanged)."""
        record = self.get(record_id)
        changes: dict[str, Any] = {}
        if data is not None:
            changes["data"] = dict(data)
        if title is not None:
            changes["title"] = title.strip() or record.title
        if date is not False:
            changes["date"] = check_date(date)  # type: ignore[arg-type]
        if links is not None:
            changes["links"] = list(links)
        if notes is not None:
            changes["notes"] = notes
        return self._rewrite(record, changes)

    def get(self, record_id: str) -> Record:
        """Find a record by id or by a unique prefix of at least 4 characters."""
        record = self._records.get(record_id)
        if record is not None:
            return record
        matches = [r for rid, r in self._records.items() if len(record_id) >= 4 and rid.startswith(record_id)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise RecordNotFound(f'"{record_id}" matches {len(matches)} records; give more of the id.')
        if (not self.holds_all_scopes and len(record_id) == 20 and record_id.isalnum()
                and (self.path / RECORDS / f"{record_id}.age").exists()):
            raise NotShared(f'The record "{record_id}" is in a section of the vault that was not shared with '
                            "you, so it cannot be opened with your key.")
        raise RecordNotFound(f'No record with id "{record_id}" in this vault (see `mbc-vault list`).')

    def _remember(self, record: Record) -> None:
        self._records[record.id] = record
        if record.document is not None:
            self._by_sha256[record.sha256] = record.id

    def find_by_sha256(self, sha256: str) -> Record | None:
        record = self._records.get(self._by_sha256.get(sha256, ""))
        if record is None and sha256 in self._by_sha256:  # that record was purged: another may remain
            record = next((r for r in self._records.values() if r.sha256 == sha256 and r.document), None)
        return record

    def open_document(self, record_id: str) -> DocumentStream:
        """A readable stream of the document's bytes; raises IntegrityError on any damage.

        Bytes are released only from authenticated chunks; the size and SHA-256 are checked when
        the end is reached. Whoever writes them somewhere must commit only after the end.
        """
        return self._open_document(self.get(record_id))

    def _open_document(self, record: Record) -> DocumentStream:
        if record.document is None:
            raise RecordNotFound(f'Record "{record.title}" has no document attached.')
        path = self.path / DOCUMENTS / f"{record.document.id}.age"
        try:
            handle = open(path, "rb")
        except FileNotFoundError:
            raise IntegrityError(f'The document of "{record.title}" is missing ({path}); '
                                 "restore it from a backup or wait for the sync to finish.",
                                 record_id=record.id, path=str(path)) from None
        try:
            stream = DocumentStream(handle, self._identities, record, path)
        except BaseException:
            handle.close()
            raise
        key = self._scope_of_key.get(stream.identity.public_key)  # type: ignore[union-attr]
        if key is None or key.scope != record.scope:
            stream.close()
            raise IntegrityError(f'The document file of "{record.title}" belongs to another part of the vault than '
                                 "its record (someone who can write the folder pointed the record at it); not a byte "
                                 "of it was read or copied.", record_id=record.id, path=str(path))
        return stream

    def export_document(self, record_id: str, out: str | os.PathLike[str], *, overwrite: bool = False,
                        progress: ProgressFn | None = None) -> Path:
        """Write the document's plaintext to *out*; only a complete, verified copy ever appears there.

        The copy is readable by its owner only (0600 from the start); a device, pipe or other special
        file at *out* is never replaced, even with *overwrite* (OutputFileError, nothing written)."""
        from .fsutil import atomic_write_private, private_target

        out_path = Path(out)
        private_target(out_path, overwrite)  # before anything is decrypted; checked again when written
        record = self.get(record_id)

        def write(handle: BinaryIO) -> None:
            with self.open_document(record.id) as stream:
                done = 0
                for chunk in stream.chunks():
                    handle.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, record.size, record.title)

        try:
            atomic_write_private(out_path, write, overwrite)
        except PermissionError:
            raise InputFileError(f"Cannot write {out_path}: permission denied; choose another folder.") from None
        return out_path

    # ------------------------------------------------------------------- writing
    def _lock(self) -> contextlib.AbstractContextManager[None]:
        return writer_lock(self.path / LOCK)

    def _require_edit(self, scope: str) -> ScopeKey:
        if self.rolled_back:
            raise PermissionDenied(ROLLBACK_TEXT)
        if not self.person.can_edit:
            raise PermissionDenied(f"{self.person.name or 'This person'} may only view this vault, not change it.")
        if scope not in self.person.scopes and scope != VAULT_SCOPE and self.person.role != "owner":
            raise PermissionDenied(f"You were not given access to {scope} records, so you cannot add or change them.")
        key = self._write_keys.get(scope)
        if key is None:
            raise PermissionDenied(f"Your keyring does not hold the current key of the {scope} part yet, so you "
                                   "cannot add or change its records; ask the vault's owner to open the vault.")
        if self._signing is None:
            raise PermissionDenied("Your keyring has no signing key yet; ask the vault's owner to open the vault.")
        return key

    def _signed_json(self, obj: dict[str, Any]) -> bytes:
        """*obj* as stored: its canonical JSON, signed (and MAC'd for the owner) by this person; the
        signature is also put in *obj*."""
        assert self._signing is not None
        obj.pop(authority.SIGNATURE, None)
        data, obj[authority.SIGNATURE] = authority.seal(obj, self.person.id, self._signing)
        return data

    def _write_record(self, record: Record) -> None:
        key = self._require_edit(record.scope)
        obj = dict(record.to_dict())
        payload = self._signed_json(obj)
        record.extra[authority.SIGNATURE] = obj[authority.SIGNATURE]
        data = age.encrypt_bytes(payload, [key.recipient])
        file = self.path / RECORDS / f"{record.id}.age"
        atomic_write_bytes(file, data)
        self._note_own_write(file)
        self._remember(record)
        with contextlib.suppress(FileNotFoundError):
            self._cache.put(file.name, file_key(file.stat()), record.to_dict())

    def add_document(self, source: str | os.PathLike[str] | BinaryIO, *, category: str,
                     title: str | None = None, date: str | None = None, provider: str = "",
                     tags: Iterable[str] = (), notes: str = "", original_name: str | None = None,
                     media_type: str | None = None, pages: int | None = None,
                     progress: ProgressFn | None = None, cancel: CancelFlag | None = None,
                     allow_duplicate: bool = False, page_texts: list[str] | None = None) -> Record:
        """Encrypt a document (a path or a binary stream) into the vault and create its record.

        Streams in 64 KiB chunks (bounded memory). Raises DuplicateDocument, without storing
        anything, if the same content is already in the vault. Nothing half-written survives
        a failure, a cancel or a crash. *page_texts* (the text of each page) is stored encrypted
        beside the document for search.
        """
        check_category(category)
        date = check_date(date)
        scope_key = self._require_edit(scope_of(category))
        if isinstance(source, (str, os.PathLike)):
            src_path = Path(source)
            try:
                handle: BinaryIO = open(src_path, "rb")
            except FileNotFoundError:
                raise InputFileError(f"{src_path} does not exist; check the file name.") from None
            except IsADirectoryError:
                raise InputFileError(f"{src_path} is a folder, not a file; give the files inside it.") from None
            except PermissionError:
                raise InputFileError(f"{src_path} cannot be read (permission denied).") from None
            original_name = original_name or src_path.name
            total = os.fstat(handle.fileno()).st_size
        else:
            handle, src_path, total = source, None, 0
        original_name = original_name or ""
        label = original_name or "document"
        try:
            head = handle.read(4096) if src_path else b""
            if src_path is not None:
                if not head:
                    raise InputFileError(f"{src_path} is empty; there is nothing to store.")
                handle.seek(0)
            media_type = media_type or sniff_media_type(head, original_name)
            result = self._store_document(handle, scope_key, total, label, progress, cancel)
        finally:
            if src_path is not None:
                handle.close()
        doc_id, nonce, size, sha256 = result
        doc_file = self.path / DOCUMENTS / f"{doc_id}.age"
        record_id = new_id()
        try:
            if size == 0:
                raise InputFileError(f"{label} is empty; there is nothing to store.")
            existing = self.find_by_sha256(sha256)
            if existing is not None and not allow_duplicate:
                where = " (in the trash)" if existing.in_trash else ""
                raise DuplicateDocument(f'{label} is already in the vault as "{existing.title}"{where}; '
                                        "it was not stored twice.", existing.id)
            stamp = now_iso()
            record = Record(
                id=record_id, category=category,
                title=(title or Path(original_name).stem or "Untitled document").strip(),
                date=date, provider=provider.strip(), tags=_clean_tags(tags), notes=notes,
                original_name=original_name, media_type=media_type, size=size, sha256=sha256, pages=pages,
                document=DocumentRef(id=doc_id, nonce=nonce.hex()), created=stamp, modified=stamp,
                author=self.person.id, modified_by=self.person.id,
            )
            if page_texts is not None:
                self._write_texts(record, page_texts)
            with self._lock():
                self._write_record(record)
        except BaseException:
            remove_file(doc_file)
            remove_file(self._texts_file(record_id))
            raise
        return record

    # ------------------------------------------------------------------- page texts
    def _texts_file(self, record_id: str) -> Path:
        return self.path / TEXTS / f"{record_id}.age"

    def _write_texts(self, record: Record, page_texts: list[str]) -> None:
        key = self._require_edit(record.scope)
        payload = self._signed_json({"record": record.id, "sha256": record.sha256, "pages": list(page_texts)})
        (self.path / TEXTS).mkdir(exist_ok=True)
        atomic_write_bytes(self._texts_file(record.id), age.encrypt_bytes(payload, [key.recipient]))
        self._note_own_write(self._texts_file(record.id))

    def set_page_texts(self, record_id: str, page_texts: list[str]) -> None:
        """Store (or replace) the extracted text of a record's pages, e.g. after OCR."""
        record = self.get(record_id)
        with self._lock():
            self._write_texts(record, page_texts)

    def page_texts(self, record_id: str) -> list[str] | None:
        """The stored text of each page, or None if none was stored. Raises IntegrityError if damaged."""
        return self._page_texts_of(self.get(record_id))

    def _page_texts_of(self, record: Record) -> list[str] | None:
        file = self._texts_file(record.id)
        try:
            with open(file, "rb") as handle:
                decryptor = age.Decryptor(handle, self._identities)
                raw = decryptor.read_all()
                data = json.loads(raw)
                scope = self._scope_of_key[decryptor.identity.public_key].scope  # type: ignore[union-attr]
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except FileNotFoundError:
            return None
        except (age.AgeError, ValueError, OSError) as exc:
            raise IntegrityError(f'The search text of "{record.title}" is damaged ({exc}); '
                                 "it can be rebuilt from the document.", record_id=record.id,
                                 path=str(file)) from None
        if data.get("record") != record.id or data.get("sha256") != record.sha256:
            raise IntegrityError(f'The search text stored for "{record.title}" belongs to another document.',
                                 record_id=record.id, path=str(file))
        why = ("it was stored with another part's key" if scope != record.scope
               else self.signer_may_write(data, scope, raw))
        if why is not None:
            raise IntegrityError(f'The search text stored for "{record.title}" is not used: {why}. '
                                 "It can be rebuilt from the document.", record_id=record.id, path=str(file))
        return [str(p) for p in data.get("pages", [])]

    def _store_document(self, handle: BinaryIO, scope_key: ScopeKey, total: int, label: str,
                        progress: ProgressFn | None, cancel: CancelFlag | None) -> tuple[str, bytes, int, str]:
        state = {"size": 0}

        def on_chunk(chunk: bytes) -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled(f"Adding {label} was cancelled; nothing was stored.")
            state["size"] += len(chunk)
            if progress is not None:
                progress(state["size"], total, label)

        doc_id = new_id()
        doc_file = self.path / DOCUMENTS / f"{doc_id}.age"
        # Read and SHA-256 in a helper thread, encrypt and write here (see pipeline.py).
        with HashingReader(handle) as reader:
            def write(out: BinaryIO) -> bytes:
                nonce = age.encrypt_stream(reader, WritebackHint(out),  # type: ignore[arg-type]
                                           [scope_key.recipient], on_chunk=on_chunk)
                if reader.size != state["size"]:  # the hash must cover exactly what was encrypted
                    raise age.AgeError("the document was not read consistently")
                return nonce

            nonce = atomic_write(doc_file, write)
        self._note_own_write(doc_file)
        assert isinstance(nonce, bytes)
        return doc_id, nonce, reader.size, reader.digest.hexdigest()

    def update_metadata(self, record_id: str, **changes: Any) -> Record:
        """Change title, category, date, provider, tags or notes; bumps the revision.

        Raises ConflictError if the record changed on disk since this vault read it.
        A change of category to another scope re-encrypts the document for that scope.
        """
        allowed = {"title", "category", "date", "provider", "tags", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"These fields cannot be changed: {', '.join(sorted(unknown))}.")
        record = self.get(record_id)
        if "category" in changes:
            check_category(changes["category"])
        if "date" in changes:
            changes["date"] = check_date(changes["date"])
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        if "title" in changes and not str(changes["title"]).strip():
            raise ValueError("The title cannot be empty.")
        return self._rewrite(record, changes)

    def _rewrite(self, record: Record, changes: dict[str, Any]) -> Record:
        self._require_edit(record.scope)
        with self._lock():
            self._check_not_changed_on_disk(record)
            updated = Record.from_dict({**record.to_dict(), **changes})
            updated.revision = record.revision + 1
            updated.modified = now_iso()
            updated.modified_by = self.person.id
            old_doc = None
            if updated.scope != record.scope and record.document is not None:
                old_doc = record.document
                updated.document = self._reencrypt_document(record, updated.scope)
            if updated.scope != record.scope:
                texts = self._texts_or_none(record.id)
                if texts is not None:
                    self._write_texts(updated, texts)
            self._write_record(updated)
            if old_doc is not None:
                remove_file(self.path / DOCUMENTS / f"{old_doc.id}.age")
        return updated

    def _texts_or_none(self, record_id: str) -> list[str] | None:
        try:
            return self.page_texts(record_id)
        except IntegrityError:
            return None  # damaged text is rebuilt later rather than carried along

    def _reencrypt_document(self, record: Record, scope: str) -> DocumentRef:
        key = self._require_edit(scope)
        with self.open_document(record.id) as stream:
            doc_id, nonce, size, sha256 = self._store_document(stream, key, record.size, record.title, None, None)
        if (size, sha256) != (record.size, record.sha256):
            remove_file(self.path / DOCUMENTS / f"{doc_id}.age")
            raise IntegrityError(f'The document of "{record.title}" is damaged; it was not moved.',
                                 record_id=record.id)
        return DocumentRef(id=doc_id, nonce=nonce.hex())

    def _check_not_changed_on_disk(self, record: Record) -> None:
        file = self.path / RECORDS / f"{record.id}.age"
        try:
            on_disk = self._read_record_file(file)
        except FileNotFoundError:
            return
        except (age.AgeError, IntegrityError):
            return  # a damaged file is replaced by the good copy we hold
        if on_disk.revision != record.revision or on_disk.modified != record.modified:
            self._remember(on_disk)
            raise ConflictError(f'"{record.title}" was changed by someone else since you opened it; '
                                "your change was not saved. Look at the new version and try again.")

    def remove(self, record_id: str) -> Record:
        """Move a record to the trash (it can be restored)."""
        record = self.get(record_id)
        if record.in_trash:
            return record
        return self._rewrite(record, {"trashed": now_iso()})

    def restore(self, record_id: str) -> Record:
        record = self.get(record_id)
        if not record.in_trash:
            return record
        return self._rewrite(record, {"trashed": None})

    def purge(self, record_id: str) -> None:
        """Delete a trashed record and its document for good."""
        record = self.get(record_id)
        if not record.in_trash:
            raise VaultError(f'"{record.title}" is not in the trash; remove it first, then purge it.')
        self._require_edit(record.scope)
        with self._lock():
            remove_file(self.path / RECORDS / f"{record.id}.age")
            remove_file(self._texts_file(record.id))
            if record.document is not None:
                remove_file(self.path / DOCUMENTS / f"{record.document.id}.age")
            for folder in sync.VERSION_FOLDERS:  # its other versions go with it
                for kept in _age_files(self.path / folder):
                    if kept.name.startswith(f"{record.id}-"):
                        remove_file(kept)
            for rel in [r for r in self._snapshot if record.id in r or (
                    record.document is not None and record.document.id in r)]:
                self._snapshot.pop(rel, None)
        self._records.pop(record.id, None)

    def change_passphrase(self, new_passphrase: str, *,
                          work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR) -> str:
        """Give this person a new passphrase and a new identity key (see people.change_identity);
        returns one plain sentence saying what an old copy of the key file can still open."""
        if not new_passphrase:
            raise ValueError("The new passphrase cannot be empty.")
        return self.change_identity(new_passphrase, work_factor)

    def clean_up(self) -> int:
        """Remove temporary files that crashed writers left behind."""
        with self._lock():
            return sum(clean_temp_files(self.path / sub) for sub in DATA_DIRS)

    def clean_stale_files(self) -> int:
        """Remove this program's temporary files not touched for 15 minutes (a crashed or killed
        writer's; a live writer keeps writing to its own). Run when an editor opens the vault."""
        try:
            with writer_lock(self.path / LOCK, timeout_s=0.5):
                return sum(clean_temp_files(self.path / sub, older_than_s=900) for sub in (*DATA_DIRS, *sync.VERSION_FOLDERS))
        except VaultError:
            return 0

    # ------------------------------------------------------------------- sync tools' copies
    def _fold_and_reload(self) -> None:
        """Fold sync tools' conflict copies back (only for people who may edit, with the lock held)."""
        if not self.person.can_edit:
            return
        self.sync_notes = []
        found = sync.scan(self.path)
        if not found.conflicts:
            return
        try:
            with self._lock():
                changed = self.fold_sync_copies(sync.scan(self.path).conflicts)
        except VaultError as exc:  # busy: the next open or reload folds them
            self.sync_notes.append(f"The sync tool's copies could not be folded back yet: {exc}")
            return
        if changed:
            self.load_problems = [p for p in self.load_problems if p.path != INFO and not p.path.startswith(PEOPLE)]
            self._load_people_and_info()
            self._load_records()

    def fold_sync_copies(self, copies: Iterable[sync.ConflictCopy]) -> bool:
        """Fold conflict copies back into the vault (the caller holds the lock); idempotent.

        Returns whether any file changed. Nothing is deleted unless an identical copy remains
        (or, for texts, the copy is derived data that no longer matches its document).
        """
        changed = False
        for copy in copies:
            if not copy.path.exists():
                continue
            try:
                if copy.folder == RECORDS:
                    changed |= self._fold_record_copy(copy)
                elif copy.folder in sync.VERSION_FOLDERS:
                    changed |= self._fold_version_copy(copy)
                elif copy.folder == DOCUMENTS:
                    changed |= self._fold_document_copy(copy)
                elif copy.folder == TEXTS:
                    changed |= self._fold_texts_copy(copy)
                else:
                    changed |= self._fold_other_copy(copy)
            except OSError as exc:
                self.sync_notes.append(f"{copy.rel} could not be folded back ({exc}); it was left as it is.")
        return changed

    def _decrypt_copy(self, path: Path) -> tuple[bytes, bytes]:
        """(ciphertext, plaintext) of a small file; raises age errors and OSError."""
        data = _read_small(path)
        plain = age.decrypt_bytes(data, self._identities)
        return data, plain

    def _checked_record_copy(self, path: Path, record_id: str) -> tuple[bytes, bytes, Record]:
        """(ciphertext, plaintext, record) of a record version file whose writer may write it;
        raises age errors, OSError, and IntegrityError (forged, wrong part, another record)."""
        data = _read_small(path)
        decryptor = age.Decryptor(io.BytesIO(data), self._identities)
        plain = decryptor.read_all()
        scope = self._scope_of_key[decryptor.identity.public_key].scope  # type: ignore[union-attr]
        return data, plain, self._accept_record(plain, scope, path, expected_id=record_id)

    def _unreadable_copy(self, copy: sync.ConflictCopy, exc: Exception) -> bool:
        if isinstance(exc, age.NoIdentityMatch):
            self.sync_notes.append(f"{copy.rel} is a {copy.tool} conflict copy in a section not shared with you; "
                                   "it was left for someone who holds that section.")
        else:
            self.sync_notes.append(f"{copy.rel} is a {copy.tool} conflict copy that cannot be read ({exc}); "
                                   "it was left as it is.")
        return False

    def _fold_record_copy(self, copy: sync.ConflictCopy) -> bool:
        record_id = copy.original[:-len(".age")]
        target = copy.original_path
        try:
            copy_ct, copy_plain, theirs = self._checked_record_copy(copy.path, record_id)
        except (age.AgeError, ValueError, TypeError, KeyError) as exc:
            return self._unreadable_copy(copy, exc)
        except IntegrityError as exc:
            self.sync_notes.append(f"{copy.rel} is not used: {exc}. It was left as it is.")
            return False
        try:
            ours_ct, ours_plain, ours = self._checked_record_copy(target, record_id)
        except FileNotFoundError:
            os.replace(copy.path, target)  # the only copy: it is the record
            fsync_dir(target.parent)
            return True
        except (age.AgeError, ValueError, TypeError, KeyError, IntegrityError):
            self.sync_notes.append(f"{copy.rel}: the record file it is a copy of cannot be read; both were left "
                                   "as they are (see `mbc-vault verify`).")
            return False
        if ours_plain == copy_plain:
            remove_file(copy.path)
            return True
        ours_vid, theirs_vid = sync.version_id(ours_plain), sync.version_id(copy_plain)
        theirs_newer = (theirs.modified, theirs.revision, theirs_vid) > (ours.modified, ours.revision, ours_vid)
        loser_ct, loser_vid = (ours_ct, ours_vid) if theirs_newer else (copy_ct, theirs_vid)
        self._keep_version(record_id, loser_vid, loser_ct, CONFLICTS_DIR)
        if theirs_newer:
            os.replace(copy.path, target)
            fsync_dir(target.parent)
        else:
            remove_file(copy.path)
        return True

    def _keep_version(self, record_id: str, vid: str, ciphertext: bytes, folder: str) -> None:
        """Keep one version of a record (its record file's bytes, unchanged) unless already kept."""
        name = f"{record_id}-{vid}.age"
        if (self.path / VERSIONS_DIR / name).exists():
            return  # kept already (a conflict that was resolved)
        if folder == VERSIONS_DIR:
            pending = self.path / CONFLICTS_DIR / name
            if pending.exists():
                (self.path / VERSIONS_DIR).mkdir(exist_ok=True)
                os.replace(pending, self.path / VERSIONS_DIR / name)
                fsync_dir(self.path / VERSIONS_DIR)
                return
        elif (self.path / folder / name).exists():
            return
        (self.path / folder).mkdir(exist_ok=True)
        atomic_write_bytes(self.path / folder / name, ciphertext)

    def _fold_version_copy(self, copy: sync.ConflictCopy) -> bool:
        """Both copies folded the same conflict: the same version, made twice."""
        target = copy.original_path
        try:
            copy_ct, copy_plain, record = self._checked_record_copy(copy.path, copy.original[:20])
        except (age.AgeError, ValueError, TypeError, KeyError) as exc:
            return self._unreadable_copy(copy, exc)
        except IntegrityError as exc:
            self.sync_notes.append(f"{copy.rel} is not used: {exc}. It was left as it is.")
            return False
        try:
            same = self._decrypt_copy(target)[1] == copy_plain
        except FileNotFoundError:
            same = False
        except age.AgeError:
            same = False
        if not same:
            vid = sync.version_id(copy_plain)
            if vid + ".age" == copy.original[21:] and not target.exists():
                os.replace(copy.path, target)
                fsync_dir(target.parent)
                return True
            self._keep_version(record.id, vid, copy_ct, CONFLICTS_DIR)
        remove_file(copy.path)
        return True

    def _fold_document_copy(self, copy: sync.ConflictCopy) -> bool:
        target = copy.original_path
        if not target.exists():
            os.replace(copy.path, target)
            fsync_dir(target.parent)
            return True
        if _same_bytes(copy.path, target):
            remove_file(copy.path)
            return True
        doc_id = copy.original[:-len(".age")]
        try:
            with open(copy.path, "rb") as handle:
                copy_nonce = age.Decryptor(handle, self._identities).nonce.hex()
        except age.AgeError as exc:
            return self._unreadable_copy(copy, exc)
        try:
            with open(target, "rb") as handle:
                target_nonce: str | None = age.Decryptor(handle, self._identities).nonce.hex()
        except age.AgeError:
            target_nonce = None
        wanted = {r.document.nonce for r in [*self._records.values(), *self._kept_version_records()]
                  if r.document is not None and r.document.id == doc_id}
        spare = self.path / DOCUMENTS / f"{new_id()}.age"
        if copy_nonce in wanted and target_nonce not in wanted:
            os.replace(target, spare)  # kept, unreferenced: verify lists it
            os.replace(copy.path, target)
        else:
            os.replace(copy.path, spare)
        fsync_dir(target.parent)
        self.sync_notes.append(f"{copy.rel}: a {copy.tool} conflict copy of a document that differs from the one "
                               f"its record points to; kept as {DOCUMENTS}/{spare.name} (unreferenced).")
        return True

    def _fold_texts_copy(self, copy: sync.ConflictCopy) -> bool:
        target = copy.original_path
        record_id = copy.original[:-len(".age")]
        if not target.exists():
            os.replace(copy.path, target)
            fsync_dir(target.parent)
            return True
        try:
            _, copy_plain = self._decrypt_copy(copy.path)
        except age.AgeError as exc:
            return self._unreadable_copy(copy, exc)
        record = self._records.get(record_id)

        def matches(plain: bytes) -> bool:
            try:
                data = json.loads(plain)
            except ValueError:
                return False
            return record is not None and data.get("record") == record_id and data.get("sha256") == record.sha256

        try:
            target_plain: bytes | None = self._decrypt_copy(target)[1]
        except age.AgeError:
            target_plain = None
        if target_plain is not None and (target_plain == copy_plain or matches(target_plain)
                                         or not matches(copy_plain)):
            remove_file(copy.path)  # derived data: the text kept matches the document (or can be rebuilt)
        else:
            os.replace(copy.path, target)
            fsync_dir(target.parent)
        return True

    def _fold_other_copy(self, copy: sync.ConflictCopy) -> bool:
        """Keys, keyrings, people, info, rotation: keep the one that reads and validates."""
        target = copy.original_path
        if not target.exists():
            os.replace(copy.path, target)
            fsync_dir(target.parent)
            return True
        if _same_bytes(copy.path, target):
            remove_file(copy.path)
            return True
        valid_target, valid_copy = self._validates(copy, target), self._validates(copy, copy.path)
        if valid_copy is True and valid_target is False:
            damaged = target.with_name(f"{target.stem}.damaged-{secrets.token_hex(4)}.age")
            os.replace(target, damaged)
            os.replace(copy.path, target)
            fsync_dir(target.parent)
            self.sync_notes.append(f"{copy.rel} replaced the damaged {copy.original}, which was kept as "
                                   f"{damaged.name}.")
            return True
        self.sync_notes.append(f"{copy.rel} is a {copy.tool} conflict copy of {copy.original} that differs from it; "
                               f"{copy.original} is used and the copy was left beside it.")
        return False

    def _validates(self, copy: sync.ConflictCopy, path: Path) -> bool | None:
        """Whether *path* holds a valid file for *copy*'s folder; None if this person cannot tell."""
        stem = copy.original[:-len(".age")]
        try:
            vault_keys = [k.identity for k in self._keyring.keys if k.scope == VAULT_SCOPE]
            if copy.folder == PEOPLE:
                return json.loads(age.decrypt_bytes(_read_small(path), vault_keys)) == \
                    (self.info.get("people") or {}).get(stem)
            if copy.folder == "" and copy.original == INFO:
                return self._read_info(path, vault_keys) is not None
            if copy.folder == KEYRINGS and stem == self.person.id:
                ring = Keyring.from_text(age.decrypt_bytes(_read_small(path), [self._identity]), self._owner_key)
                return ring.signed and ring.person_id == stem
        except age.NoIdentityMatch:
            return None
        except (age.AgeError, OSError, ValueError, TypeError, KeyError):
            return False
        return None

    def _kept_version_records(self) -> list[Record]:
        out = []
        for folder in sync.VERSION_FOLDERS:
            for file in _age_files(self.path / folder):
                try:
                    out.append(self._checked_record_copy(file, file.name[:20])[2])
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
        return out

    def _check_kept_versions(self) -> list[Problem]:
        """Every file in conflicts/ and versions/ this person can open, checked like a record."""
        problems = []
        for folder in sync.VERSION_FOLDERS:
            for file in _age_files(self.path / folder):
                rel = f"{folder}/{file.name}"
                try:
                    self._checked_record_copy(file, file.name[:20])
                except age.NoIdentityMatch:
                    if self.holds_all_scopes:
                        problems.append(Problem(rel, "no key of this vault opens this kept version: it is damaged",
                                                record_id=file.name[:20]))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError) as exc:
                    problems.append(Problem(rel, f"this kept version of a record is damaged ({exc})",
                                            record_id=file.name[:20]))
                except IntegrityError as exc:
                    problems.append(Problem(rel, f"this kept version of a record is not used: {exc}",
                                            record_id=file.name[:20]))
        return problems

    def conflicts(self) -> dict[str, list[RecordVersion]]:
        """Records changed on two synced copies, waiting for a choice: id -> its versions, the one
        shown (current) first. Only records this person can read are listed."""
        pending: dict[str, list[Path]] = {}
        for file in _age_files(self.path / CONFLICTS_DIR):
            pending.setdefault(file.name[:20], []).append(file)
        out: dict[str, list[RecordVersion]] = {}
        for record_id, files in sorted(pending.items()):
            versions = []
            for file, current in [(self.path / RECORDS / f"{record_id}.age", True), *((f, False) for f in files)]:
                try:
                    _, plain, record = self._checked_record_copy(file, record_id)
                    versions.append(RecordVersion(sync.version_id(plain), record, current, file))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
            if any(not v.current for v in versions):
                out[record_id] = versions
        return out

    def versions(self, record_id: str) -> list[RecordVersion]:
        """Every kept version of a record (the current one first), resolved conflicts included."""
        record_id = self.get(record_id).id
        out = list(self.conflicts().get(record_id, []))
        if not out:
            file = self.path / RECORDS / f"{record_id}.age"
            plain = self._decrypt_small(file)
            out = [RecordVersion(sync.version_id(plain), Record.from_json(plain), True, file)]
        for file in _age_files(self.path / VERSIONS_DIR):
            if file.name.startswith(f"{record_id}-"):
                try:
                    _, plain, record = self._checked_record_copy(file, record_id)
                    out.append(RecordVersion(sync.version_id(plain), record, False, file))
                except (age.AgeError, OSError, ValueError, TypeError, KeyError, IntegrityError):
                    continue
        return out

    def resolve_conflict(self, record_id: str, keep_version_id: str) -> Record:
        """Make the chosen version of a record in conflict current (as a new revision); every other
        version, and the chosen one as it was, is kept in versions/."""
        versions = self.conflicts().get(record_id)
        if not versions:
            raise RecordNotFound(f'The record "{record_id}" has no versions waiting for a choice.')
        chosen = next((v for v in versions if v.version_id == keep_version_id), None)
        if chosen is None:
            raise RecordNotFound(f'The record "{record_id}" has no version "{keep_version_id}".')
        self._require_edit(chosen.record.scope)
        with self._lock():
            if chosen.record.document is not None and not (
                    self.path / DOCUMENTS / f"{chosen.record.document.id}.age").exists():
                raise IntegrityError(f'The document of the chosen version of "{chosen.record.title}" is missing; '
                                     "wait for the sync to finish and try again.", record_id=record_id)
            for version in versions:  # first keep everything, then write the choice
                self._keep_version(record_id, version.version_id, version.path.read_bytes(), VERSIONS_DIR)
            updated = Record.from_dict(chosen.record.to_dict())
            updated.revision = max(v.record.revision for v in versions) + 1
            updated.modified = now_iso()
            updated.modified_by = self.person.id
            self._write_record(updated)
            for version in versions:
                if not version.current:
                    remove_file(self.path / CONFLICTS_DIR / version.path.name)
        return updated

    # ------------------------------------------------------------------- verify
    def verify(self, progress: ProgressFn | None = None, cancel: CancelFlag | None = None) -> VerifyReport:
        """Read and authenticate every record and document file this person can open."""
        report = VerifyReport()
        try:
            report.problems.extend(self._read_people_and_info())
        except IntegrityError as exc:
            report.problems.append(Problem(exc.path and os.path.relpath(exc.path, self.path) or INFO, str(exc)))
            return report
        report.problems.extend(self._check_kept_versions())
        report.problems.extend(self._check_people_files())
        files = _age_files(self.path / RECORDS)
        records: dict[str, Record] = {}
        total = len(files)
        for index, file in enumerate(files):
            if cancel is not None and cancel.is_set():
                raise Cancelled("Checking the vault was cancelled.")
            record = self._classify_record_file(file)
            if record is None:
                report.not_readable += 1
                continue
            if isinstance(record, Problem):
                report.problems.append(record)
                continue
            report.records_checked += 1
            records[record.id] = record
            if progress:
                progress(index + 1, total, record.title)
        referenced = set()
        for record in records.values():
            if record.document is None:
                continue
            referenced.add(f"{record.document.id}.age")
            rel = f"{DOCUMENTS}/{record.document.id}.age"
            self._records.setdefault(record.id, record)
            try:  # the document of the record as it is on disk now, which may be newer than ours
                with self._open_document(record) as stream:
                    for _ in stream.chunks():
                        if cancel is not None and cancel.is_set():
                            raise Cancelled("Checking the vault was cancelled.")
                report.documents_checked += 1
            except IntegrityError as exc:
                report.problems.append(Problem(rel, str(exc), record_id=record.id, title=record.title))
            try:
                self._page_texts_of(record)
            except IntegrityError as exc:
                report.problems.append(Problem(f"{TEXTS}/{record.id}.age", str(exc), record_id=record.id,
                                               title=record.title))
        for kept in self._kept_version_records():
            if kept.document is not None:
                referenced.add(f"{kept.document.id}.age")
        for file in _age_files(self.path / DOCUMENTS):
            if file.name not in referenced and self._opens_with_my_keys(file):
                report.unreferenced.append(f"{DOCUMENTS}/{file.name}")
        found = sync.scan(self.path)
        report.not_in_vault = found.unknown
        report.sync_copies = [f"{c.rel}: a {c.tool} conflict copy of {c.folder + '/' if c.folder else ''}"
                              f"{c.original}, not folded back yet (it is folded when someone who may edit "
                              "opens the vault)" for c in found.conflicts]
        report.conflicts = sorted(self.conflicts())
        return report

    def _opens_with_my_keys(self, file: Path) -> bool:
        try:
            with open(file, "rb") as handle:
                age.Decryptor(handle, self._identities)
            return True
        except (age.AgeError, OSError):
            return False


def _json_bytes(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _work_factor_of(key_file: Path) -> int:
    """The scrypt work factor a key file was written with (kept when it is rewritten)."""
    try:
        header = _read_small(key_file).split(b"\n", 2)[1].decode("ascii")
        parts = header.split()
        if parts[:2] == ["->", "scrypt"]:
            return min(int(parts[3]), age.MAX_SCRYPT_WORK_FACTOR)
    except (OSError, IndexError, ValueError, age.AgeError):
        pass
    return age.DEFAULT_SCRYPT_WORK_FACTOR


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            ca, cb = fa.read(1 << 16), fb.read(1 << 16)
            if ca != cb:
                return False
            if not ca:
                return True


def _clean_tags(tags: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        tag = str(tag).strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


@contextlib.contextmanager
def opened(path: str | os.PathLike[str], passphrase: str, **kwargs: Any) -> Iterator[Vault]:
    vault = Vault.open(path, passphrase, **kwargs)
    try:
        yield vault
    finally:
        vault.close()
