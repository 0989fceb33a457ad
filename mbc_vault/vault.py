"""The vault: a directory of standard age files, one per record and one per document.

`Vault` is the facade the app and the command line use. It is built from small layers, each in
its own module (see docs/architecture.md):

- layout.py       the folder's names, the marker and small readers
- keys.py         identities: key files, keyrings, setup codes; authority.py: signatures
- folder.py       one unlocked folder: read, decrypt, check, write, lock (VaultFolder)
- owner.py        what the owner signs: vault info, profiles, keyrings (OwnerKeys)
- rotation.py     scope-key rotation (Rotation); sharing.py: people and passphrases (PeopleAdmin)
- sync_fold.py    sync tools' conflict copies and kept versions (SyncFolding)
- verify.py       the damage report (Checker); upgrade.py: format 1 to 2

Every public method raises only VaultError subclasses (whose text is a plain sentence for the
user) for expected failures. See docs/vault-format.md for the format and the threat model.
The facade: one delegating method per vault operation, so it is long on purpose.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

from . import age, authority, keys, sync
from .authority import SigningKey
from .cache import RecordCache, default_cache_root
from .categories import ALL_SCOPES, ENTRY_KINDS, SCOPES, scope_of
from .documents import DocumentStream, sniff_media_type
from .errors import (
    ConflictError,
    DuplicateDocument,
    InputFileError,
    IntegrityError,
    InvalidValue,
    NotAVault,
    UnsupportedFormat,
    VaultError,
    VaultExists,
)
from .folder import VaultFolder
from .fsutil import atomic_write_bytes, clean_temp_files, fsync_dir, remove_file, safe_name, writer_lock
from .keys import Keyring, PersonKey, ScopeKey, write_person_key
from .layout import (
    DATA_DIRS,
    DOCUMENTS,
    FORMAT_NAME,
    FORMAT_VERSION,
    INFO,
    KEYRINGS,
    KEYS,
    LOCK,
    MARKER,
    PEOPLE,
    README_NAME,
    RECORDS,
    ROTATION,
    UPGRADE,
    VAULT_README,
    Problem,
    age_files,
    json_bytes,
    marker_path,
    read_marker,
    read_small,
    work_factor_of,
)
from .owner import OwnerKeys
from .people import Person, info_object, profile_object
from .progress import CancelFlag, ProgressFn, Stage
from .records import Clock, DocumentRef, Record, check_category, check_date, new_id, now_iso
from .rotation import Rotation, RotationReport
from .sharing import PeopleAdmin
from .sync_fold import RecordVersion, SyncFolding
from .verify import Checker, VerifyReport

__all__ = [
    "Vault",
    "opened",
    "Problem",
    "VerifyReport",
    "RecordVersion",
    "RotationReport",
    "CancelFlag",
    "ProgressFn",
    "MARKER",
    "FORMAT_VERSION",
    "NotAVault",
    "UnsupportedFormat",
    "read_marker",
    "marker_path",
]

log = logging.getLogger(__name__)


class Vault:
    """An open vault, unlocked by one person: the layers put together, and the record operations."""

    def __init__(self, folder: VaultFolder) -> None:
        self.folder = folder
        self.owner = OwnerKeys(folder)
        self.rotation = Rotation(folder, self.owner)
        self.sharing = PeopleAdmin(folder, self.owner, self.rotation)
        self.folding = SyncFolding(folder)
        self.checker = Checker(folder, self.folding, self.owner)

    # ----------------------------------------------------------------- the folder's state
    path = property(lambda self: self.folder.path)
    vault_id = property(lambda self: self.folder.vault_id)
    person = property(lambda self: self.folder.person)
    people = property(lambda self: self.folder.people)
    name = property(lambda self: self.folder.name)
    former_people = property(lambda self: self.folder.former_people)
    info = property(lambda self: self.folder.info)
    epoch = property(lambda self: self.folder.epoch)
    rolled_back = property(lambda self: self.folder.rolled_back)
    not_readable = property(lambda self: self.folder.not_readable)
    is_owner = property(lambda self: self.folder.is_owner)
    holds_all_scopes = property(lambda self: self.folder.holds_all_scopes)
    sync_notes = property(lambda self: self.folding.sync_notes)

    @property
    def clock(self) -> Clock:
        """Where this vault takes "now" for what it stamps: the real UTC clock unless a test sets one."""
        return self.folder.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.folder.clock = clock

    @property
    def load_problems(self) -> list[Problem]:
        """Files that could not be read, or were refused, when the vault was opened (plain sentences)."""
        return self.folder.load_problems

    # ----------------------------------------------------------------- delegated to the layers
    def get(self, record_id: str) -> Record:
        """Find a record by id or by a unique prefix of at least 4 characters."""
        return self.folder.get(record_id)

    def find_by_sha256(self, sha256: str) -> Record | None:
        return self.folder.find_by_sha256(sha256)

    def person_name(self, person_id: str | None) -> str:
        return self.folder.person_name(person_id)

    def find_person(self, person_id: str) -> Person:
        return self.folder.find_person(person_id)

    def pending_request(self, person_id: str) -> dict[str, Any] | None:
        return self.folder.pending_request(person_id)

    def verify(self, progress: ProgressFn | None = None, cancel: CancelFlag | None = None) -> VerifyReport:
        """Read and authenticate every record and document file this person can open."""
        return self.checker.verify(progress, cancel)

    def conflicts(self) -> dict[str, list[RecordVersion]]:
        return self.folding.conflicts()

    def versions(self, record_id: str) -> list[RecordVersion]:
        return self.folding.versions(record_id)

    def resolve_conflict(self, record_id: str, keep_version_id: str) -> Record:
        return self.folding.resolve_conflict(record_id, keep_version_id)

    def fold_sync_copies(self, copies: Iterable[sync.ConflictCopy]) -> bool:
        return self.folding.fold_sync_copies(copies)

    # people and keys (sharing.py, rotation.py): see those modules for what each one does
    def add_person(
        self,
        name: str,
        relationship: str = "",
        scopes: Iterable[str] = (),
        can_edit: bool = False,
        passphrase: str | None = None,
        *,
        work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR,
    ) -> tuple[Person, str | None]:
        return self.sharing.add_person(
            name, relationship, scopes, can_edit, passphrase, work_factor=work_factor
        )

    def set_scopes(self, person_id: str, scopes: Iterable[str]) -> Person:
        return self.sharing.set_scopes(person_id, scopes)

    def grant(self, person_id: str, scope: str) -> Person:
        return self.sharing.grant(person_id, scope)

    def revoke(
        self,
        person_id: str,
        scope: str,
        *,
        rotate: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> Person:
        return self.sharing.revoke(person_id, scope, rotate=rotate, progress=progress, cancel=cancel)

    def set_can_edit(self, person_id: str, can_edit: bool) -> Person:
        return self.sharing.set_can_edit(person_id, can_edit)

    def set_person_details(
        self, person_id: str, *, name: str | None = None, relationship: str | None = None
    ) -> Person:
        return self.sharing.set_person_details(person_id, name=name, relationship=relationship)

    def remove_person(
        self,
        person_id: str,
        *,
        rotate: bool = True,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> RotationReport | None:
        return self.sharing.remove_person(person_id, rotate=rotate, progress=progress, cancel=cancel)

    def take_in_requests(self) -> list[Problem]:
        return self.sharing.take_in_requests()

    def pending_rotation(self) -> dict[str, int]:
        return self.rotation.pending_rotation()

    def rotate_scope(
        self, scope: str, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
    ) -> RotationReport:
        return self.rotation.rotate_scope(scope, progress, cancel)

    def rotate_scopes(
        self,
        scopes: Iterable[str],
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
        *,
        reencrypt: bool = True,
    ) -> RotationReport:
        return self.rotation.rotate_scopes(scopes, progress, cancel, reencrypt=reencrypt)

    def resume_rotation(
        self, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
    ) -> RotationReport:
        return self.rotation.resume_rotation(progress, cancel)

    # ----------------------------------------------------------------- create / open
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        name: str = "",
        owner_name: str | None = None,
        work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR,
        cache_root: Path | None = None,
    ) -> Vault:
        """Create a new vault at *path* (a new or empty folder) with its owner; returns it unlocked."""
        path = Path(path)
        if not passphrase:
            raise InvalidValue("passphrase-empty")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise VaultExists("folder-not-empty", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.parent / f".{path.name}.creating-{secrets.token_hex(4)}"
        staging.mkdir(mode=0o700)
        try:
            vault_id = secrets.token_hex(16)
            signing = SigningKey.generate()
            identity = age.X25519Identity.generate()
            owner = Person(
                id=new_id(),
                name=owner_name or name or "Owner",
                role="owner",
                relationship="self",
                scopes=list(SCOPES),
                can_edit=True,
                created=now_iso(),
                recipient=str(identity.recipient()),
                signing_key=signing.public,
            )
            keyring = Keyring(
                [ScopeKey(s, 1, age.X25519Identity.generate()) for s in ALL_SCOPES],
                signing,
                owner.id,
                vault_id,
                epoch=1,
            )
            for sub in DATA_DIRS:
                (staging / sub).mkdir()
            vault_recipient = [keyring.keys[0].recipient]
            profile = profile_object(owner, owner.id, signing)
            atomic_write_bytes(
                staging / KEYRINGS / f"{owner.id}.age",
                age.encrypt_secret(keyring.to_text(signing), [identity.recipient()]),
            )
            atomic_write_bytes(
                staging / PEOPLE / f"{owner.id}.age", age.encrypt_bytes(json_bytes(profile), vault_recipient)
            )
            info = info_object(
                vault_id=vault_id,
                name=name or owner.name,
                created=now_iso(),
                epoch=1,
                owner=owner.id,
                signing=signing,
                keys=keyring.keys,
                people={owner.id: profile},
                former={},
            )
            atomic_write_bytes(staging / INFO, age.encrypt_bytes(json_bytes(info), vault_recipient))
            write_person_key(
                staging,
                owner.id,
                identity,
                passphrase,
                work_factor,
                vault_id=vault_id,
                owner_key=signing.public,
            )
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
        return cls._unlocked(
            path, vault_id, owner.id, PersonKey(identity, vault_id, signing.public), cache_root=cache_root
        )

    @staticmethod
    def person_ids(path: str | os.PathLike[str]) -> list[str]:
        """Ids of the people who have a key in the vault (no names: those are encrypted)."""
        return keys.person_ids(path)

    @staticmethod
    def unlock_identity(
        path: Path, passphrase: str, person_id: str | None = None
    ) -> tuple[str, age.X25519Identity]:
        """Find whose key *passphrase* opens (trying *person_id* first); raises WrongPassphrase."""
        pid, key = keys.unlock_key(path, passphrase, person_id)
        return pid, key.identity

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        person_id: str | None = None,
        cache_root: Path | None = None,
        use_cache: bool = True,
        finish_rotation: bool = True,
        progress: ProgressFn | None = None,
    ) -> Vault:
        """Unlock the vault. For the owner, a vault of format 1 is upgraded first (see upgrade.py),
        people's key changes are taken in, and a key rotation left unfinished is finished, unless
        *finish_rotation* is false (then see pending_rotation / resume_rotation)."""
        path = Path(path)
        marker = read_marker(path)
        vault_id = str(marker["vault_id"])
        pid, key = keys.unlock_key(path, passphrase, person_id)
        if key.vault_id and key.vault_id != vault_id:
            raise IntegrityError(
                "marker-other-vault", marker=marker_path(path).name, path=str(marker_path(path))
            )
        if marker["version"] < FORMAT_VERSION:
            from .upgrade import upgrade_vault

            key = upgrade_vault(path, vault_id, pid, key, passphrase, progress=progress)
        if not key.owner_key:
            key = cls._pin_owner_key(path, vault_id, pid, key, passphrase)
        vault = cls._unlocked(path, vault_id, pid, key, cache_root=cache_root, use_cache=use_cache)
        if vault.is_owner and not vault.rolled_back:
            vault.clean_stale_files()
            if (path / UPGRADE).exists():  # an upgrade killed after its last step: only its key is left
                with writer_lock(path / LOCK):
                    remove_file(path / UPGRADE)
            vault.take_in_requests()
            if finish_rotation and (path / ROTATION).exists():
                try:
                    report = vault.resume_rotation()
                    vault.load_problems.extend(report.problems)
                except VaultError as exc:  # busy, or damaged: the vault still opens; the marker stays
                    log.warning("could not finish the key rotation: %s", type(exc).__name__)
                    vault.load_problems.append(Problem.of(ROTATION, "key-change-not-finished", why=exc))
        elif vault.person.can_edit and not vault.rolled_back:
            vault.clean_stale_files()
        vault.folding.fold_and_reload()
        return vault

    @classmethod
    def _pin_owner_key(
        cls, path: Path, vault_id: str, pid: str, key: PersonKey, passphrase: str
    ) -> PersonKey:
        """A member whose key file predates format 2 has no trust anchor yet: take the owner's key
        from the vault info (trust on first use, see vault-format.md) and write it into their key file."""
        try:
            keyring = Keyring.decrypt(read_small(path / KEYRINGS / f"{pid}.age"), key.identity)
            try:
                info = json.loads(age.decrypt_bytes(read_small(path / INFO), keyring.identities()))
            finally:
                keyring.wipe()  # only read to check the info: the open that follows reads it again
            owner_key = str(info["owner_key"])
        except (age.AgeError, OSError, ValueError, KeyError, TypeError):
            raise IntegrityError("keys-uncheckable") from None
        if not authority.check_object(info, owner_key) or info.get("vault_id") != vault_id:
            raise IntegrityError("info-not-by-owner")
        with writer_lock(path / LOCK):
            write_person_key(
                path,
                pid,
                key.identity,
                passphrase,
                work_factor_of(path / KEYS / f"{pid}.age"),
                vault_id=vault_id,
                owner_key=owner_key,
            )
        return PersonKey(key.identity, vault_id, owner_key)

    @classmethod
    def _unlocked(
        cls,
        path: Path,
        vault_id: str,
        pid: str,
        key: PersonKey,
        *,
        cache_root: Path | None = None,
        use_cache: bool = True,
    ) -> Vault:
        keyring_path = path / KEYRINGS / f"{pid}.age"
        try:
            keyring = Keyring.decrypt(read_small(keyring_path), key.identity, key.owner_key)
        except (age.AgeError, OSError, ValueError):
            raise IntegrityError("keyring-damaged", path=str(keyring_path)) from None
        if not keyring.signed or keyring.person_id != pid or keyring.vault_id != vault_id:
            raise IntegrityError(
                "keyring-not-by-owner", keyring=f"{KEYRINGS}/{keyring_path.name}", path=str(keyring_path)
            )
        cache_path = None
        if use_cache and vault_id:
            cache_path = (cache_root or default_cache_root()) / vault_id / f"{pid}.age"
        fingerprint = RecordCache.fingerprint([k.identity.public_key for k in keyring.keys])
        cache = RecordCache(cache_path, key.identity, fingerprint)
        cache.load()
        folder = VaultFolder(
            path, vault_id, Person(id=pid, name="", scopes=[]), key.identity, keyring, cache, key.owner_key
        )
        folder.load_people_and_info()
        folder.load_records()
        return cls(folder)

    def reload(self) -> None:
        """Pick up changes made by another program or a sync tool (folding its conflict copies back)."""
        self.folder.load_problems = [p for p in self.folder.load_problems if p.path.startswith(RECORDS)]
        self.folder.load_problems.extend(self.folder.read_people_and_info())
        if self.folder.is_owner and not self.folder.rolled_back:
            self.sharing.take_in_requests()
        self.folder.load_records()
        self.folding.fold_and_reload()

    def changed_on_disk(self) -> bool:
        """Whether files of the vault changed since it was read (a sync tool, another program).

        Cheap (names, sizes, mtimes and inodes only): the app can poll it and call reload().
        This vault's own writes of records, documents and texts do not count.
        """
        return self.folder.changed_on_disk()

    def close(self) -> None:
        """Save the cache, then overwrite and drop every key and forget everything decrypted
        (VaultFolder.close): the vault opens nothing afterwards, and using it raises VaultClosed."""
        if self.folder.closed:
            return
        with contextlib.suppress(Exception):
            self.folder.cache.save()
        self.folding.sync_notes = []
        self.folder.close()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------- reading
    def records(
        self, *, category: str | None = None, include_trashed: bool = False, kind: str | None = "document"
    ) -> list[Record]:
        """Records newest first; documents only unless *kind* names another kind (None: every kind)."""
        out = [
            r
            for r in self.folder.of_kind(kind)
            if (category is None or r.category == category) and (include_trashed or not r.in_trash)
        ]
        return sorted(out, key=lambda r: (r.date or "", r.created), reverse=True)

    def entries(self, kind: str, *, include_trashed: bool = False) -> list[Record]:
        """Structured entries of one kind (diagnosis, treatment-line, symptom...), newest first."""
        return self.records(kind=kind, include_trashed=include_trashed)

    def count_entries(self, kind: str) -> int:
        """How many entries of one kind there are, trashed ones included (no sorting: cheap for thousands)."""
        return len(self.folder.by_kind.get(kind, {}))

    def trash(self, kind: str | None = "document") -> list[Record]:
        return sorted(
            (r for r in self.folder.of_kind(kind) if r.in_trash),
            key=lambda r: r.trashed or "",
            reverse=True,
        )

    def add_entry(
        self,
        kind: str,
        data: dict[str, Any],
        *,
        title: str,
        date: str | None = None,
        links: Iterable[str] = (),
        notes: str = "",
    ) -> Record:
        """Store a structured entry (no document) as its own record."""
        if kind not in ENTRY_KINDS:
            raise InvalidValue("entry-kind-unknown", kind=kind)
        self.folder.require_edit(scope_of(kind))
        stamp = self.folder.now()
        record = Record(
            id=new_id(),
            category=kind,
            kind=kind,
            title=title.strip() or ENTRY_KINDS[kind][1],
            date=check_date(date),
            data=dict(data),
            links=list(links),
            notes=notes,
            created=stamp,
            modified=stamp,
            author=self.folder.person.id,
            modified_by=self.folder.person.id,
        )
        with self.folder.lock():
            self.folder.write_record(record)
        return record

    def update_entry(
        self,
        record_id: str,
        *,
        data: dict[str, Any] | None = None,
        title: str | None = None,
        date: str | None | Literal[False] = False,
        links: Iterable[str] | None = None,
        notes: str | None = None,
    ) -> Record:
        """Change an entry; only the arguments given change (date=False means unchanged)."""
        record = self.folder.get(record_id)
        changes: dict[str, Any] = {}
        if data is not None:
            changes["data"] = dict(data)
        if title is not None:
            changes["title"] = title.strip() or record.title
        if date is not False:
            changes["date"] = check_date(date)
        if links is not None:
            changes["links"] = list(links)
        if notes is not None:
            changes["notes"] = notes
        return self._rewrite(record, changes)

    def open_document(self, record_id: str) -> DocumentStream:
        """A readable stream of the document's bytes; raises IntegrityError on any damage.

        Bytes are released only from authenticated chunks; the size and SHA-256 are checked when
        the end is reached. Whoever writes them somewhere must commit only after the end.
        """
        return self.folder.open_record_document(self.folder.get(record_id))

    def export_document(
        self,
        record_id: str,
        out: str | os.PathLike[str],
        *,
        overwrite: bool = False,
        progress: ProgressFn | None = None,
    ) -> Path:
        """Write the document's plaintext to *out*; only a complete, verified copy ever appears there.

        The copy is readable by its owner only (0600 from the start); a device, pipe or other special
        file at *out* is never replaced, even with *overwrite* (OutputFileError, nothing written)."""
        from .fsutil import atomic_write_private, private_target

        out_path = Path(out)
        private_target(out_path, overwrite)  # before anything is decrypted; checked again when written
        record = self.folder.get(record_id)

        def write(handle: BinaryIO) -> None:
            with self.open_document(record.id) as stream:
                done = 0
                for chunk in stream.chunks():
                    handle.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, record.size, Stage.EXPORT, "")

        try:
            atomic_write_private(out_path, write, overwrite)
        except PermissionError:
            raise InputFileError("output-permission-denied", path=out_path) from None
        return out_path

    def add_document(
        self,
        source: str | os.PathLike[str] | BinaryIO,
        *,
        category: str,
        title: str | None = None,
        date: str | None = None,
        provider: str = "",
        tags: Iterable[str] = (),
        notes: str = "",
        original_name: str | None = None,
        media_type: str | None = None,
        pages: int | None = None,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
        allow_duplicate: bool = False,
        page_texts: list[str] | None = None,
    ) -> Record:
        """Encrypt a document (a path or a binary stream) into the vault and create its record.

        Streams in 64 KiB chunks (bounded memory). Raises DuplicateDocument, without storing
        anything, if the same content is already in the vault. Nothing half-written survives
        a failure, a cancel or a crash. *page_texts* (the text of each page) is stored encrypted
        beside the document for search.
        """
        check_category(category)
        date = check_date(date)
        scope_key = self.folder.require_edit(scope_of(category))
        if isinstance(source, (str, os.PathLike)):
            src_path = Path(source)
            try:
                handle: BinaryIO = open(src_path, "rb")
            except FileNotFoundError:
                raise InputFileError("input-missing", path=src_path) from None
            except IsADirectoryError:
                raise InputFileError("input-is-folder", path=src_path) from None
            except PermissionError:
                raise InputFileError("input-unreadable", path=src_path) from None
            original_name = original_name or src_path.name
            total = os.fstat(handle.fileno()).st_size
        else:
            handle, src_path, total = source, None, 0
        original_name = safe_name(original_name or "")  # no newline, direction mark or separator
        label = original_name or "document"
        try:
            head = handle.read(4096) if src_path else b""
            if src_path is not None:
                if not head:
                    raise InputFileError("input-empty", label=src_path)
                handle.seek(0)
            media_type = media_type or sniff_media_type(head, original_name)
            result = self.folder.store_document(handle, scope_key, total, label, progress, cancel)
        finally:
            if src_path is not None:
                handle.close()
        doc_id, nonce, size, sha256 = result
        doc_file = self.folder.path / DOCUMENTS / f"{doc_id}.age"
        record_id = new_id()
        try:
            if size == 0:
                raise InputFileError("input-empty", label=label)
            stamp = self.folder.now()
            record = Record(
                id=record_id,
                category=category,
                title=(title or Path(original_name).stem or "Untitled document").strip(),
                date=date,
                provider=provider.strip(),
                tags=_clean_tags(tags),
                notes=notes,
                original_name=original_name,
                media_type=media_type,
                size=size,
                sha256=sha256,
                pages=pages,
                document=DocumentRef(id=doc_id, nonce=nonce.hex()),
                created=stamp,
                modified=stamp,
                author=self.folder.person.id,
                modified_by=self.folder.person.id,
            )
            with self.folder.lock():
                # the duplicate check runs under the writer lock, against the records on disk now:
                # another program may have stored the same document since this vault read them
                if self.changed_on_disk():
                    self.folder.load_records()
                existing = self.folder.find_by_sha256(sha256)
                if existing is not None and not allow_duplicate:
                    raise DuplicateDocument(
                        "duplicate-document-in-trash" if existing.in_trash else "duplicate-document",
                        existing_id=existing.id,
                        label=label,
                        title=existing.title,
                    )
                if page_texts is not None:
                    self.folder.write_texts(record, page_texts)
                self.folder.write_record(record)
        except BaseException:
            remove_file(doc_file)
            remove_file(self.folder.texts_file(record_id))
            raise
        return record

    def set_page_texts(self, record_id: str, page_texts: list[str]) -> None:
        """Store (or replace) the extracted text of a record's pages, e.g. after OCR."""
        record = self.folder.get(record_id)
        with self.folder.lock():
            self.folder.write_texts(record, page_texts)

    def page_texts(self, record_id: str) -> list[str] | None:
        """The stored text of each page, or None if none was stored. Raises IntegrityError if damaged."""
        return self.folder.page_texts_of(self.folder.get(record_id))

    def update_metadata(self, record_id: str, **changes: Any) -> Record:
        """Change title, category, date, provider, tags or notes; bumps the revision.

        Raises ConflictError if the record changed on disk since this vault read it.
        A change of category to another scope re-encrypts the document for that scope.
        """
        allowed = {"title", "category", "date", "provider", "tags", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidValue("fields-not-changeable", fields=", ".join(sorted(unknown)))
        record = self.folder.get(record_id)
        if "category" in changes:
            check_category(changes["category"])
        if "date" in changes:
            changes["date"] = check_date(changes["date"])
        if "tags" in changes:
            changes["tags"] = _clean_tags(changes["tags"])
        if "title" in changes and not str(changes["title"]).strip():
            raise InvalidValue("title-empty")
        return self._rewrite(record, changes)

    def _rewrite(self, record: Record, changes: dict[str, Any]) -> Record:
        self.folder.require_edit(record.scope)
        with self.folder.lock():
            self._check_not_changed_on_disk(record)
            updated = Record.from_dict({**record.to_dict(), **changes})
            updated.revision = record.revision + 1
            updated.modified = self.folder.now()
            updated.modified_by = self.folder.person.id
            old_doc = None
            if updated.scope != record.scope and record.document is not None:
                old_doc = record.document
                updated.document = self._reencrypt_document(record, updated.scope)
            if updated.scope != record.scope:
                texts = self._texts_or_none(record.id)
                if texts is not None:
                    self.folder.write_texts(updated, texts)
            self.folder.write_record(updated)
            if old_doc is not None:
                remove_file(self.folder.path / DOCUMENTS / f"{old_doc.id}.age")
        return updated

    def _texts_or_none(self, record_id: str) -> list[str] | None:
        try:
            return self.page_texts(record_id)
        except IntegrityError:
            return None  # damaged text is rebuilt later rather than carried along

    def _reencrypt_document(self, record: Record, scope: str) -> DocumentRef:
        key = self.folder.require_edit(scope)
        with self.open_document(record.id) as stream:
            doc_id, nonce, size, sha256 = self.folder.store_document(
                stream, key, record.size, record.title, None, None
            )
        if (size, sha256) != (record.size, record.sha256):
            remove_file(self.folder.path / DOCUMENTS / f"{doc_id}.age")
            raise IntegrityError("document-damaged-not-moved", title=record.title, record_id=record.id)
        return DocumentRef(id=doc_id, nonce=nonce.hex())

    def _check_not_changed_on_disk(self, record: Record) -> None:
        file = self.folder.path / RECORDS / f"{record.id}.age"
        try:
            on_disk = self.folder.read_record_file(file)
        except FileNotFoundError:
            return
        except (age.AgeError, IntegrityError):
            return  # a damaged file is replaced by the good copy we hold
        if on_disk.revision != record.revision or on_disk.modified != record.modified:
            self.folder.remember(on_disk)
            raise ConflictError(title=record.title)

    def remove(self, record_id: str) -> Record:
        """Move a record to the trash (it can be restored)."""
        record = self.folder.get(record_id)
        if record.in_trash:
            return record
        return self._rewrite(record, {"trashed": self.folder.now()})

    def restore(self, record_id: str) -> Record:
        record = self.folder.get(record_id)
        if not record.in_trash:
            return record
        return self._rewrite(record, {"trashed": None})

    def purge(self, record_id: str) -> None:
        """Delete a trashed record and its document for good."""
        record = self.folder.get(record_id)
        if not record.in_trash:
            raise VaultError("purge-not-in-trash", title=record.title)
        self.folder.require_edit(record.scope)
        with self.folder.lock():
            remove_file(self.folder.path / RECORDS / f"{record.id}.age")
            remove_file(self.folder.texts_file(record.id))
            if record.document is not None:
                remove_file(self.folder.path / DOCUMENTS / f"{record.document.id}.age")
            for folder in sync.VERSION_FOLDERS:  # its other versions go with it
                for kept in age_files(self.folder.path / folder):
                    if kept.name.startswith(f"{record.id}-"):
                        remove_file(kept)
            for rel in [
                r
                for r in self.folder.snapshot
                if record.id in r or (record.document is not None and record.document.id in r)
            ]:
                self.folder.snapshot.pop(rel, None)
        self.folder.forget(record.id)

    def change_passphrase(
        self, new_passphrase: str, *, work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR
    ) -> str:
        """Give this person a new passphrase and a new identity key (see people.change_identity);
        returns one plain sentence saying what an old copy of the key file can still open."""
        if not new_passphrase:
            raise InvalidValue("new-passphrase-empty")
        return self.sharing.change_identity(new_passphrase, work_factor)

    def clean_up(self) -> int:
        """Remove temporary files that crashed writers left behind."""
        with self.folder.lock():
            return sum(clean_temp_files(self.folder.path / sub) for sub in DATA_DIRS)

    def clean_stale_files(self) -> int:
        """Remove this program's temporary files not touched for 15 minutes (a crashed or killed
        writer's; a live writer keeps writing to its own). Run when an editor opens the vault."""
        try:
            with writer_lock(self.folder.path / LOCK, timeout_s=0.5):
                return sum(
                    clean_temp_files(self.folder.path / sub, older_than_s=900)
                    for sub in (*DATA_DIRS, *sync.VERSION_FOLDERS)
                )
        except VaultError:
            return 0


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
