"""One unlocked vault folder: the person's keys, the checked vault info and people, the record map;
reading, decrypting, checking and writing single files under the writer lock. No operation of
several steps lives here (people, rotation, sync folding and verify are built on it).

What "checked" means is in docs/vault-format.md, "Authorship": the owner-signed info decides who
holds which key and who may edit which part; a record is accepted only if its writer may.
Long on purpose: every read and write of one folder under the one writer lock and its checks.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from . import age, authority, sync
from .authority import SigningKey
from .cache import FileKey, RecordCache, file_key
from .categories import ALL_SCOPES, SCOPES, VAULT_SCOPE
from .documents import DocumentStream
from .errors import (
    Cancelled,
    InputFileError,
    IntegrityError,
    PermissionDenied,
    Reason,
    RecordNotFound,
    VaultClosed,
)
from .fsutil import NotAFile, atomic_write, atomic_write_bytes, open_regular, writer_lock
from .keys import Keyring, ScopeKey
from .layout import (
    DOCUMENTS,
    FORMAT_VERSION,
    INFO,
    KEYRINGS,
    LOCK,
    PEOPLE,
    RECORDS,
    REQUESTS,
    TEXTS,
    Problem,
    age_files,
    marker_path,
    read_small,
)
from .people import NotShared, Person
from .pipeline import HashingReader, WritebackHint
from .progress import CancelFlag, ProgressFn, Stage
from .records import Clock, Record, json_object, new_id, now_iso, utc_now

log = logging.getLogger(__name__)


class VaultFolder:
    """A vault folder unlocked by one person. `close()` overwrites and drops its keys and everything
    decrypted; afterwards its keys raise VaultClosed."""

    def __init__(
        self,
        path: Path,
        vault_id: str,
        person: Person,
        identity: age.X25519Identity,
        keyring: Keyring,
        cache: RecordCache,
        owner_key: str = "",
    ) -> None:
        self.path = path
        self.vault_id = vault_id
        self.person = person
        #: set by close(): the keys are gone
        self.closed = False
        self._identity: age.X25519Identity | None = identity
        self._keyring: Keyring | None = keyring
        self._identities: list[age.X25519Identity] | None = keyring.identities()
        self.scope_of_key = {k.identity.public_key: k for k in keyring.keys}
        self.write_keys: dict[str, ScopeKey] = {}
        self.cache = cache
        #: the owner's public signing key (hex): this person's trust anchor, from their key file
        self.owner_key = owner_key
        self.signing: SigningKey | None = keyring.signing_key
        self._mac_keys: dict[str, bytes] = {}
        #: the verified vault info (owner-signed): epoch, each part's current generation, people
        self.info: dict[str, Any] = {}
        self.epoch = 0
        #: set when the folder holds an older state than this computer saw (see "vault-rolled-back")
        self.rolled_back = False
        self.by_id: dict[str, Record] = {}
        #: the same records by kind (document, diagnosis, condition...): a section lists one kind of
        #: thousands without going through all (remember, forget and clear keep the two together)
        self.by_kind: dict[str, dict[str, Record]] = {}
        #: a structured entry as read from its record, by record id: (the record, what was read from
        #: it), kept by entries.EntryStore so that a long list is read from its records once, not at
        #: each reload (a new revision is a new Record: read again); cleared with the records
        self.decoded: dict[str, tuple[Record, object]] = {}
        self._by_sha256: dict[str, str] = {}
        self.name = ""
        self.people: dict[str, Person] = {}
        #: names of people who were removed, so their records still say who wrote them
        self.former_people: dict[str, str] = {}
        #: record files that could not be read when the vault was opened
        self.load_problems: list[Problem] = []
        self.not_readable = 0
        self.snapshot: sync.Snapshot = {}
        #: held while this program writes a file and notes it in `snapshot`, and while
        #: changed_on_disk() compares: a snapshot taken between a write and its note would take this
        #: program's own write (an import in a worker thread) for another program's
        self._own_writes = threading.Lock()
        #: the time stamped on what this person writes (created, modified, trashed); tests set a fake one
        self.clock: Clock = utc_now

    def now(self) -> str:
        """This moment by the folder's clock, as records are stamped."""
        return now_iso(self.clock)

    # ------------------------------------------------------------------- keys, until close()
    @property
    def identity(self) -> age.X25519Identity:
        """This person's own key (from their key file)."""
        if self._identity is None:
            raise VaultClosed()
        return self._identity

    @identity.setter
    def identity(self, identity: age.X25519Identity) -> None:
        self._identity = identity

    @property
    def keyring(self) -> Keyring:
        """The scope keys and signing key the owner gave this person."""
        if self._keyring is None:
            raise VaultClosed()
        return self._keyring

    @keyring.setter
    def keyring(self, keyring: Keyring) -> None:
        self._keyring = keyring

    @property
    def identities(self) -> list[age.X25519Identity]:
        """The scope keys this person may use to read, the one that worked last first."""
        if self._identities is None:
            raise VaultClosed()
        return self._identities

    @identities.setter
    def identities(self, identities: list[age.X25519Identity]) -> None:
        self._identities = identities

    def close(self) -> None:
        """Overwrite and drop every key (this person's identity, which is also the cache's key, the
        scope keys, the signing key, the MAC keys) and forget everything decrypted (records, people,
        the vault info, the cache's entries, the problems found). Reading or writing afterwards raises
        VaultClosed; the cache is not saved again."""
        self.closed = True
        if self._keyring is not None:
            self._keyring.wipe()  # the scope keys and the signing key
        if self._identity is not None:
            self._identity.wipe()
        if self.signing is not None:
            self.signing.wipe()
        self._identity = self._keyring = self._identities = None
        self.signing = None
        self.scope_of_key, self.write_keys = {}, {}
        self._mac_keys.clear()
        self.cache.close()
        self.by_id.clear()
        self.by_kind.clear()
        self.decoded.clear()
        self._by_sha256.clear()
        self.info, self.people, self.former_people, self.name = {}, {}, {}, ""
        self.person = Person(id=self.person.id, name="", role=self.person.role, scopes=[])
        self.load_problems, self.snapshot = [], {}
        self.not_readable = 0

    def decrypt_small(self, path: Path) -> bytes:
        return self.decrypt_scoped(path)[0]

    def decrypt_scoped(self, path: Path) -> tuple[bytes, ScopeKey]:
        """Decrypt a small file; returns the plaintext and the scope key that opened it."""
        decryptor = age.Decryptor(io.BytesIO(read_small(path)), self.identities)
        plaintext = decryptor.read_all()
        key = self.scope_of_key[decryptor.public_key]
        if self.identities and self.identities[0] is not key.identity:
            # Most records share a scope: trying the last key that worked first saves X25519 work.
            # A new list, assigned at once: other threads reading the old one are not disturbed.
            self.identities = [key.identity, *(i for i in self.identities if i is not key.identity)]
        return plaintext, key

    def load_people_and_info(self) -> None:
        self.load_problems.extend(self.read_people_and_info())

    def read_people_and_info(self) -> list[Problem]:
        """(Re)read and check the owner-signed vault info and everyone's details; returns the problems
        found. Raises IntegrityError when the info itself cannot be trusted (nothing is read then)."""
        problems: list[Problem] = []
        vault_keys = [k.identity for k in self.keyring.keys if k.scope == VAULT_SCOPE]
        info = self.read_info(self.path / INFO, vault_keys)
        if info is None:  # a sync tool's copy of it may be the good one (folded back later)
            copies = [c for c in sync.scan(self.path).conflicts if c.folder == "" and c.original == INFO]
            good = [i for i in (self.read_info(c.path, vault_keys) for c in copies) if isinstance(i, dict)]
            if not good:
                raise IntegrityError("info-damaged", info=INFO, path=str(self.path / INFO))
            info = max(good, key=lambda i: int(i.get("epoch", 0)))
        if info.get("vault_id") != self.vault_id or info.get("format") != FORMAT_VERSION:
            raise IntegrityError(
                "marker-mismatch", marker=marker_path(self.path).name, path=str(marker_path(self.path))
            )
        epoch = int(info.get("epoch", 0))
        seen = self.cache.seen
        self.rolled_back = epoch < int(seen.get("epoch", 0))
        if self.rolled_back:
            problems.append(Problem.of(INFO, "vault-rolled-back"))
        else:
            self.cache.see(epoch=epoch)
        self.info, self.epoch = info, epoch
        self.name = str(info.get("name", ""))
        former = info.get("former_people")
        self.former_people = {str(k): str(v) for k, v in former.items()} if isinstance(former, dict) else {}
        listed: dict[str, Any] = info["people"] if isinstance(info.get("people"), dict) else {}
        people: dict[str, Person] = {}
        for pid, obj in listed.items():
            try:
                if (
                    not isinstance(obj, dict)
                    or obj.get("id") != pid
                    or not authority.check_object(obj, self.owner_key)
                ):
                    raise ValueError("not signed")
                people[pid] = Person.from_obj(obj)
            except (TypeError, ValueError):
                problems.append(Problem.of(INFO, "person-details-in-info-unreadable", person=pid))
        problems.extend(self.check_profile_files(listed, vault_keys))
        self.people = people
        owner_id = str(info.get("owner", ""))
        me = people.get(self.person.id)
        if me is None and self.person.id == owner_id:
            me = Person(id=owner_id, name="", role="owner", scopes=list(SCOPES), can_edit=True)
        if me is None:
            raise IntegrityError("own-details-missing")
        if self.person.id == owner_id:
            me.role, me.scopes = "owner", list(SCOPES)
        else:
            if me.role == "owner":
                me.role = "member"
            if me.setup_pending and self.pending_request(me.id) is not None:
                me.setup_pending = False  # chosen already; the owner's next open takes it in
        self.person = me
        problems.extend(self.choose_keys(info))
        return problems

    def read_info(self, file: Path, vault_keys: list[age.X25519Identity]) -> dict[str, Any] | None:
        """The vault info in *file* if the owner signed it; None if damaged, missing or forged."""
        try:
            info = json_object(age.decrypt_bytes(read_small(file), vault_keys))
        except (age.AgeError, OSError, ValueError):
            return None
        if (
            not isinstance(info, dict)
            or not authority.check_object(info, self.owner_key)
            or authority.signer_of(info) != info.get("owner")
        ):
            return None
        return info

    def check_profile_files(
        self, listed: dict[str, Any], vault_keys: list[age.X25519Identity]
    ) -> list[Problem]:
        """people/<person>.age are copies of the signed details in the info (kept for other tools and
        the recovery steps); one that differs, or names someone not listed, is reported, never used."""
        problems = []
        for file in age_files(self.path / PEOPLE):
            rel = f"{PEOPLE}/{file.name}"
            try:
                obj = json_object(age.decrypt_bytes(read_small(file), vault_keys))
            except (age.AgeError, OSError, ValueError):
                problems.append(Problem.of(rel, "person-details-unreadable"))
                continue
            if file.stem not in listed:
                problems.append(Problem.of(rel, "person-details-not-owners"))
            elif obj != listed[file.stem]:
                problems.append(Problem.of(rel, "person-details-differ"))
        return problems

    def choose_keys(self, info: dict[str, Any]) -> list[Problem]:
        """Use only the keys of the parts this person's signed details give them, and write each part
        with the generation the signed info names (so a forged or older keyring is never written to)."""
        problems: list[Problem] = []
        allowed = set(self.person.scopes) | {VAULT_SCOPE}
        if self.person.role == "owner":
            allowed = set(ALL_SCOPES)
        scopes: dict[str, Any] = info["scopes"] if isinstance(info.get("scopes"), dict) else {}
        self.write_keys = {}
        for scope in sorted(allowed):
            want = scopes.get(scope) or {}
            key = next(
                (
                    k
                    for k in self.keyring.keys
                    if k.scope == scope
                    and k.generation == want.get("generation")
                    and str(k.recipient) == want.get("recipient")
                ),
                None,
            )
            if key is not None:
                self.write_keys[scope] = key
            elif self.person.role == "owner":
                raise IntegrityError("keyring-key-replaced", scope=scope, path=str(self.path / KEYRINGS))
            elif scope in scopes:
                problems.append(
                    Problem.of(f"{KEYRINGS}/{self.person.id}.age", "keyring-key-not-yet", scope=scope)
                )
        usable = [k for k in self.keyring.keys if k.scope in allowed]
        self.identities = [k.identity for k in sorted(usable, key=lambda k: -k.generation)]
        self.scope_of_key = {k.identity.public_key: k for k in usable}
        return problems

    @property
    def holds_all_scopes(self) -> bool:
        return set(SCOPES) <= {k.scope for k in self.scope_of_key.values()}

    def signer_may_write(self, obj: dict[str, Any], scope: str, raw: bytes | None = None) -> Reason | None:
        """Why the signed object *obj* (parsed from *raw*), opened with *scope*'s key, must not be
        accepted (None if it may)."""
        signer = authority.signer_of(obj)
        if signer is None:
            return Reason("unsigned")
        person = self.people.get(signer)
        if person is None or not person.signing_key:
            return Reason("signer-unknown")
        body = authority.signed_part(raw, obj) if raw is not None else authority.canonical(obj)
        mac_key = self._mac_key(signer)
        if not (
            (mac_key is not None and authority.check_mac(body, obj[authority.SIGNATURE], mac_key))
            or authority.check_bytes(body, obj[authority.SIGNATURE], person.signing_key)
        ):
            return Reason("signature-mismatch")
        if person.role == "owner":
            return None
        if not person.can_edit or scope not in person.scopes:
            return Reason("writer-may-not-change", name=person.name or signer, scope=scope)
        return None

    def _mac_key(self, signer: str) -> bytes | None:
        """For the owner, who can derive everyone's record MAC key: *signer*'s (a fast check)."""
        if self.signing is None or self.person.role != "owner":
            return None
        key = self._mac_keys.get(signer)
        if key is None:
            from .people import member_signing_key

            who = self.people.get(signer)
            if who is None:
                return None
            signing = (
                self.signing
                if signer == self.person.id
                else member_signing_key(self.signing, signer, who.key_version)
            )
            key = self._mac_keys[signer] = authority.record_mac_key(signing)
        return key

    def read_record_file(self, file: Path) -> Record:
        """Decrypt and check one record file; raises NoIdentityMatch, IntegrityError."""
        try:
            raw, key = self.decrypt_scoped(file)
        except age.NoIdentityMatch:
            raise
        except (age.AgeError, OSError) as exc:
            raise IntegrityError("record-file-damaged", detail=exc, path=str(file)) from None
        return self.accept_record(raw, key.scope, file, expected_id=file.stem)

    def accept_record(self, raw: bytes, scope: str, file: Path, expected_id: str) -> Record:
        """The record in *raw* (opened with *scope*'s key) if its writer may write it; else IntegrityError."""
        try:
            obj = json_object(raw)
            record = Record.from_dict(obj)
        except (ValueError, TypeError, KeyError):
            raise IntegrityError("record-file-invalid", path=str(file)) from None
        if record.id != expected_id:
            raise IntegrityError("record-file-swapped", record_id=expected_id, path=str(file))
        try:
            record_scope = record.scope
        except ValueError:
            raise IntegrityError("record-category-unknown", record_id=record.id, path=str(file)) from None
        if record_scope != scope:
            raise IntegrityError(
                "record-scope-mismatch",
                record_scope=record_scope,
                scope=scope,
                record_id=record.id,
                path=str(file),
            )
        why = self.signer_may_write(obj, scope, raw)
        if (
            why is None
            and authority.signer_of(obj) != self.info.get("owner")
            and authority.signer_of(obj) != record.modified_by
        ):
            why = Reason("writer-mismatch")
        if why is not None:
            raise IntegrityError("record-not-used", why=why, record_id=record.id, path=str(file))
        return record

    def load_records(self) -> None:
        if self.closed:
            raise VaultClosed()
        records_dir = self.path / RECORDS
        present: set[str] = set()
        self.by_id.clear()
        self.by_kind.clear()
        self.decoded.clear()
        self._by_sha256.clear()
        self.load_problems = [p for p in self.load_problems if not p.path.startswith(RECORDS)]
        self.not_readable = 0
        revisions = self.cache.seen.get("revisions", {})
        misses: list[tuple[Path, FileKey]] = []
        with os.scandir(records_dir) as entries:
            for entry in entries:
                # a pipe, folder or dangling link under a record's name is skipped (verify names it)
                if not sync.is_canonical(RECORDS, entry.name) or not entry.is_file():
                    continue
                present.add(entry.name)
                try:
                    key = file_key(entry.stat())
                except FileNotFoundError:
                    continue
                hit, data = self.cache.lookup(entry.name, key)
                if hit:
                    if data is None:
                        self.not_readable += 1
                        continue
                    try:
                        cached: Record | None = Record.from_dict(data)
                    except (ValueError, TypeError, KeyError):
                        cached = None  # cached by an older version, refused by today's checks: read the file
                    if cached is not None:
                        self.remember(cached)
                        continue
                misses.append((Path(entry.path), key))
        self._load_uncached(misses)
        for rid, seen in revisions.items():  # only records seen past revision 1: a small dict
            went_back = self.by_id.get(rid)
            if went_back is not None and isinstance(seen, int) and went_back.revision < seen:
                self.load_problems.append(
                    Problem.of(
                        f"{RECORDS}/{rid}.age",
                        "record-went-back",
                        record_id=rid,
                        title=went_back.title,
                        revision=went_back.revision,
                        seen=seen,
                    )
                )
        if not self.rolled_back:
            self.cache.see(revisions={r.id: r.revision for r in self.by_id.values() if r.revision > 1})
        self.cache.forget_missing(present)
        self.cache.save()
        self.snapshot = sync.snapshot(self.path)

    def classify_record_file(self, file: Path) -> Record | Problem | None:
        """The record in *file*; a Problem if the file is damaged; None if it belongs to a scope
        this person was not given (for the owner, who holds every key, that is damage too)."""
        rel = f"{RECORDS}/{file.name}"
        try:
            return self.read_record_file(file)
        except age.NoIdentityMatch:
            if self.holds_all_scopes:
                return Problem.of(rel, "record-file-unopenable", record_id=file.stem)
            return None
        except IntegrityError as exc:
            return Problem(rel, exc, record_id=exc.record_id or file.stem)

    def _load_uncached(self, misses: list[tuple[Path, FileKey]]) -> None:
        """Read, decrypt and check the record files the cache did not know (serially: a thread pool was
        measured slower, as most of the work per file holds the GIL; docs/performance.md)."""
        for file, key in misses:
            self._load_one(file, key)

    def _load_one(self, file: Path, key: FileKey) -> None:
        record = self.classify_record_file(file)
        if record is None:
            self.not_readable += 1
            self.cache.put(file.name, key, None)
            return
        if isinstance(record, Problem):
            self.load_problems.append(record)
            return
        self.remember(record)
        self.cache.put(file.name, key, record.to_dict())

    @contextlib.contextmanager
    def own_write(self, file: Path) -> Iterator[None]:
        """Write *file* inside: this program's write, noted in `snapshot` when it is done, so that
        changed_on_disk() does not take it for a sync tool's."""
        with self._own_writes:
            yield
            rel = f"{file.parent.name}/{file.name}"
            try:
                self.snapshot[rel] = sync.stat_key(file.stat())
            except FileNotFoundError:
                self.snapshot.pop(rel, None)

    def changed_on_disk(self) -> bool:
        """Whether files of the folder changed since it was read, by another program. False while this
        program is writing one (asked again at the next poll)."""
        if not self._own_writes.acquire(blocking=False):
            return False
        try:
            return sync.snapshot(self.path) != self.snapshot
        finally:
            self._own_writes.release()

    def get(self, record_id: str) -> Record:
        """Find a record by id or by a unique prefix of at least 4 characters."""
        if self.closed:
            raise VaultClosed()
        record = self.by_id.get(record_id)
        if record is not None:
            return record
        matches = [r for rid, r in self.by_id.items() if len(record_id) >= 4 and rid.startswith(record_id)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise RecordNotFound("id-ambiguous", record_id=record_id, count=len(matches))
        if (
            not self.holds_all_scopes
            and len(record_id) == 20
            and record_id.isalnum()
            and (self.path / RECORDS / f"{record_id}.age").exists()
        ):
            raise NotShared("record-not-shared", record_id=record_id)
        raise RecordNotFound("record-not-found", record_id=record_id)

    def remember(self, record: Record) -> None:
        before = self.by_id.get(record.id)
        if before is not None and before.kind != record.kind:  # a new revision keeps its kind, today
            self.by_kind.get(before.kind, {}).pop(record.id, None)
        self.by_id[record.id] = record
        self.by_kind.setdefault(record.kind, {})[record.id] = record
        if record.document is not None:
            self._by_sha256[record.sha256] = record.id

    def of_kind(self, kind: str | None) -> list[Record]:
        """The records of one kind (None: every kind), a copy: the pool may read while the app writes."""
        return list((self.by_id if kind is None else self.by_kind.get(kind, {})).values())

    def forget(self, record_id: str) -> None:
        """Drop the record from what is listed (purged); its document's hash stays, see find_by_sha256."""
        record = self.by_id.pop(record_id, None)
        self.decoded.pop(record_id, None)
        if record is not None:
            self.by_kind.get(record.kind, {}).pop(record_id, None)

    def find_by_sha256(self, sha256: str) -> Record | None:
        record = self.by_id.get(self._by_sha256.get(sha256, ""))
        if record is None and sha256 in self._by_sha256:  # that record was purged: another may remain
            record = next((r for r in self.by_id.values() if r.sha256 == sha256 and r.document), None)
        return record

    def open_record_document(self, record: Record) -> DocumentStream:
        if record.document is None:
            raise RecordNotFound("no-document", title=record.title)
        path = self.path / DOCUMENTS / f"{record.document.id}.age"
        try:
            handle = open_regular(path)
        except (FileNotFoundError, NotAFile):  # a pipe or device planted there is not the document
            raise IntegrityError(
                "document-missing", title=record.title, record_id=record.id, path=str(path)
            ) from None
        try:
            stream = DocumentStream(handle, self.identities, record, path)
        except BaseException:
            handle.close()
            raise
        key = self.scope_of_key.get(stream.public_key)
        if key is None or key.scope != record.scope:
            stream.close()
            raise IntegrityError(
                "document-other-part", title=record.title, record_id=record.id, path=str(path)
            )
        return stream

    # ------------------------------------------------------------------- writing
    def lock(self) -> contextlib.AbstractContextManager[None]:
        return writer_lock(self.path / LOCK)

    def require_edit(self, scope: str) -> ScopeKey:
        if self.closed:
            raise VaultClosed()
        if self.rolled_back:
            raise PermissionDenied("vault-rolled-back")
        if not self.person.can_edit:
            raise (
                PermissionDenied("view-only", name=self.person.name)
                if self.person.name
                else PermissionDenied("view-only-unnamed")
            )
        if scope not in self.person.scopes and scope != VAULT_SCOPE and self.person.role != "owner":
            raise PermissionDenied("scope-not-given", scope=scope)
        key = self.write_keys.get(scope)
        if key is None:
            raise PermissionDenied("scope-key-missing", scope=scope)
        if self.signing is None:
            raise PermissionDenied("signing-key-missing")
        return key

    def signed_json(self, obj: dict[str, Any]) -> bytes:
        """*obj* as stored: its canonical JSON, signed (and MAC'd for the owner) by this person; the
        signature is also put in *obj*."""
        assert self.signing is not None
        obj.pop(authority.SIGNATURE, None)
        data, obj[authority.SIGNATURE] = authority.seal(obj, self.person.id, self.signing)
        return data

    def write_record(self, record: Record) -> None:
        key = self.require_edit(record.scope)
        obj = dict(record.to_dict())
        payload = self.signed_json(obj)
        record.extra[authority.SIGNATURE] = obj[authority.SIGNATURE]
        data = age.encrypt_bytes(payload, [key.recipient])
        file = self.path / RECORDS / f"{record.id}.age"
        with self.own_write(file):
            atomic_write_bytes(file, data)
        self.remember(record)
        with contextlib.suppress(FileNotFoundError):
            self.cache.put(file.name, file_key(file.stat()), record.to_dict())

    # ------------------------------------------------------------------- page texts
    def texts_file(self, record_id: str) -> Path:
        return self.path / TEXTS / f"{record_id}.age"

    def write_texts(self, record: Record, page_texts: list[str]) -> None:
        key = self.require_edit(record.scope)
        payload = self.signed_json({"record": record.id, "sha256": record.sha256, "pages": list(page_texts)})
        (self.path / TEXTS).mkdir(exist_ok=True)
        file = self.texts_file(record.id)
        with self.own_write(file):
            atomic_write_bytes(file, age.encrypt_bytes(payload, [key.recipient]))

    def page_texts_of(self, record: Record) -> list[str] | None:
        file = self.texts_file(record.id)
        try:
            with open_regular(file) as handle:
                decryptor = age.Decryptor(handle, self.identities)
                raw = decryptor.read_all()
                data = json_object(raw)
                scope = self.scope_of_key[decryptor.public_key].scope
        except FileNotFoundError:
            return None
        except (age.AgeError, ValueError, OSError) as exc:
            raise IntegrityError(
                "search-text-damaged", title=record.title, detail=exc, record_id=record.id, path=str(file)
            ) from None
        if data.get("record") != record.id or data.get("sha256") != record.sha256:
            raise IntegrityError(
                "search-text-other-document", title=record.title, record_id=record.id, path=str(file)
            )
        why = Reason("other-part-key") if scope != record.scope else self.signer_may_write(data, scope, raw)
        if why is not None:
            raise IntegrityError(
                "search-text-not-used", title=record.title, why=why, record_id=record.id, path=str(file)
            )
        return [str(p) for p in data.get("pages", [])]

    def store_document(
        self,
        handle: BinaryIO | io.RawIOBase,
        scope_key: ScopeKey,
        total: int,
        label: str,
        progress: ProgressFn | None,
        cancel: CancelFlag | None,
    ) -> tuple[str, bytes, int, str]:
        state = {"size": 0}

        def on_chunk(chunk: bytes | memoryview) -> None:
            if cancel is not None and cancel.is_set():
                raise Cancelled("add-cancelled", label=label)
            state["size"] += len(chunk)
            if progress is not None:
                progress(state["size"], total, Stage.STORE, label)

        doc_id = new_id()
        doc_file = self.path / DOCUMENTS / f"{doc_id}.age"
        # Read and SHA-256 in a helper thread, encrypt and write here (see pipeline.py).
        with HashingReader(handle) as reader:

            def write(out: BinaryIO) -> bytes:
                nonce = age.encrypt_stream(
                    reader,
                    WritebackHint(out),
                    [scope_key.recipient],
                    on_chunk=on_chunk,
                )
                if reader.size != state["size"]:  # the hash must cover exactly what was encrypted
                    raise InputFileError("document-read-inconsistently", label=label)
                return nonce

            with self.own_write(doc_file):
                nonce = atomic_write(doc_file, write)
        assert isinstance(nonce, bytes)
        return doc_id, nonce, reader.size, reader.digest.hexdigest()

    def checked_record_copy(self, path: Path, record_id: str) -> tuple[bytes, bytes, Record]:
        """(ciphertext, plaintext, record) of a record version file whose writer may write it;
        raises age errors, OSError, and IntegrityError (forged, wrong part, another record)."""
        data = read_small(path)
        decryptor = age.Decryptor(io.BytesIO(data), self.identities)
        plain = decryptor.read_all()
        scope = self.scope_of_key[decryptor.public_key].scope
        return data, plain, self.accept_record(plain, scope, path, expected_id=record_id)

    # ------------------------------------------------------------------ helpers
    @property
    def is_owner(self) -> bool:
        """The owner manages people; they hold every scope's key."""
        return (
            self.person.role == "owner"
            and self.person.id == self.info.get("owner")
            and bool(self.holds_all_scopes)
        )

    def person_name(self, person_id: str | None) -> str:
        """A name to show for *person_id* (authors, last changed by)."""
        if not person_id:
            return ""
        person = self.people.get(person_id)
        if person is not None and person.name:
            return person.name
        former = getattr(self, "former_people", {}).get(person_id)
        if former:
            return f"{former} (removed)"
        return "someone no longer in this vault"

    def find_person(self, person_id: str) -> Person:
        person = self.people.get(person_id)
        if person is None:
            matches = [
                p for pid, p in self.people.items() if len(person_id) >= 4 and pid.startswith(person_id)
            ]
            if len(matches) == 1:
                person = matches[0]
        if person is None:
            raise RecordNotFound("person-not-found", person_id=person_id)
        return person

    def pending_request(self, person_id: str) -> dict[str, Any] | None:
        file = self.path / REQUESTS / f"{person_id}.age"
        try:
            obj = json_object(
                age.decrypt_bytes(
                    read_small(file), [k.identity for k in self.keyring.keys if k.scope == VAULT_SCOPE]
                )
            )
        except (FileNotFoundError, age.AgeError, OSError, ValueError):
            return None
        person = self.people.get(person_id)
        if (
            not isinstance(obj, dict)
            or person is None
            or obj.get("person") != person_id
            or obj.get("vault_id") != self.vault_id
            or authority.signer_of(obj) != person_id
            or not authority.check_object(obj, person.signing_key)
        ):
            return None
        return obj
