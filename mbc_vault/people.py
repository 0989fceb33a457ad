"""People and scopes: the owner adds, changes and removes the people who share the vault, and
rotates scope keys so that someone who lost a scope cannot open files written or re-encrypted
after that (see docs/vault-format.md, "Keys, people and scopes").

What is cryptographic and what is not:
- A person holds, in keyrings/<person>.age, only the keys of the scopes they were given (plus the
  internal `vault` scope): without a key no tool can open that scope's files.
- A copy of a keyring made earlier keeps opening the files encrypted to the keys it holds until
  the scope is rotated (rotate_scope re-encrypts every file of the scope to a new key).
- "View only" (can_edit false) is enforced by this program, not by cryptography.
- Anyone holding the `vault` key can write a profile in people/. The owner therefore seals the
  fields that decide who gets which key (id, role, scopes, can_edit, public key) with a MAC keyed
  by the owner's own secret, and refuses to hand out keys on a profile whose seal is wrong. The
  rotation marker is sealed the same way.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import age
from .cache import RecordCache, file_key
from .categories import SCOPES, VAULT_SCOPE
from .errors import Cancelled, IntegrityError, PermissionDenied, RecordNotFound, VaultError
from .fsutil import atomic_write_bytes, remove_file
from .keys import Keyring, ScopeKey

if TYPE_CHECKING:  # pragma: no cover
    from .vault import Problem

log = logging.getLogger(__name__)

ROTATION = "rotation.age"
ROLES = ("owner", "member")
#: letters and digits that cannot be mistaken for one another when read aloud or written down
SETUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SETUP_GROUPS, SETUP_GROUP_LEN = 6, 4
_SEAL_LABEL = b"mbc-vault owner seal v1\x00"

ProgressFn = Callable[[int, int, str], None]


class NotShared(PermissionDenied, RecordNotFound):
    """The record exists but belongs to a scope this person was not given."""


@dataclass
class Person:
    id: str
    name: str
    role: str = "member"  # "owner" or "member"
    relationship: str = ""
    scopes: list[str] = field(default_factory=list)
    can_edit: bool = True
    created: str = ""
    #: the person's age public key (age1...), so the owner can write their keyring
    recipient: str = ""
    #: the key file is still under the one-time setup code: ask for a passphrase of their own
    setup_pending: bool = False
    #: the owner's MAC over id, role, scopes, can_edit and recipient (see module docstring)
    seal: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    _KNOWN = ("id", "name", "role", "relationship", "scopes", "can_edit", "created", "recipient",
              "setup_pending", "seal")

    def to_json(self) -> bytes:
        data = {k: v for k, v in self.__dict__.items() if k != "extra"}
        data.update(self.extra)
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> "Person":
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("a person's details must be a JSON object")
        return cls(**{k: v for k, v in data.items() if k in cls._KNOWN},
                   extra={k: v for k, v in data.items() if k not in cls._KNOWN})

    def authority(self) -> bytes:
        """The fields that decide who gets which key, canonically encoded (what the seal covers)."""
        return json.dumps({"id": self.id, "role": self.role, "scopes": sorted(self.scopes),
                           "can_edit": bool(self.can_edit), "recipient": self.recipient},
                          sort_keys=True).encode("utf-8")

    def public_view(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "relationship": self.relationship,
                "scopes": sorted(self.scopes), "can_edit": self.can_edit, "created": self.created,
                "setup_pending": self.setup_pending}


def owner_mac(owner: age.X25519Identity, data: bytes) -> str:
    key = hashlib.sha256(_SEAL_LABEL + owner.secret).digest()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def seal_person(person: Person, owner: age.X25519Identity) -> None:
    person.seal = owner_mac(owner, person.authority())


def new_setup_code() -> str:
    """A one-time code to read aloud: 6 groups of 4 (about 119 bits), e.g. "K7QM-3RTA-..."."""
    return "-".join("".join(secrets.choice(SETUP_ALPHABET) for _ in range(SETUP_GROUP_LEN))
                    for _ in range(SETUP_GROUPS))


def normalize_setup_code(text: str) -> str | None:
    """The canonical form of a setup code typed loosely (lower case, spaces, no dashes), or None
    if *text* does not look like a setup code."""
    compact = "".join(ch for ch in text.upper() if ch not in " -\t")
    compact = compact.replace("0", "O").replace("1", "I")  # never in codes; forgive the look-alikes
    size = SETUP_GROUPS * SETUP_GROUP_LEN
    if len(compact) != size or any(ch not in SETUP_ALPHABET for ch in compact):
        return None
    return "-".join(compact[i:i + SETUP_GROUP_LEN] for i in range(0, size, SETUP_GROUP_LEN))


def check_scopes(scopes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for scope in scopes:
        if scope not in SCOPES:
            raise ValueError(f'"{scope}" is not a section that can be shared; use one of: {", ".join(SCOPES)}.')
        if scope not in out:
            out.append(scope)
    return sorted(out)


@dataclass
class RotationReport:
    scopes: dict[str, int] = field(default_factory=dict)  # scope -> generation now current
    files_reencrypted: int = 0
    records_checked: int = 0
    problems: list["Problem"] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.problems


class PeopleMixin:
    """The owner's people and key operations; mixed into vault.Vault (uses its state and helpers)."""

    # provided by Vault
    path: Path
    person: Person
    people: dict[str, Person]
    _identity: age.X25519Identity
    _keyring: Keyring

    # ------------------------------------------------------------------ helpers
    @property
    def is_owner(self) -> bool:
        """The owner manages people; they hold every scope's key."""
        return self.person.role == "owner" and bool(self.holds_all_scopes)  # type: ignore[attr-defined]

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

    def _require_owner(self) -> None:
        if not self.is_owner:
            raise PermissionDenied("Only the vault's owner can add, change or remove people.")

    def _v(self):  # type: ignore[no-untyped-def]
        from . import vault as v

        return v

    def find_person(self, person_id: str) -> Person:
        person = self.people.get(person_id)
        if person is None:
            matches = [p for pid, p in self.people.items() if len(person_id) >= 4 and pid.startswith(person_id)]
            if len(matches) == 1:
                person = matches[0]
        if person is None:
            raise RecordNotFound(f'No person with id "{person_id}" in this vault (see `mbc-vault person list`).')
        return person

    def _fresh_person(self, person_id: str) -> Person:
        """The person's profile as it is on disk now, with the owner's seal checked."""
        v = self._v()
        file = self.path / v.PEOPLE / f"{person_id}.age"
        try:
            person = Person.from_json(self._decrypt_small(file))  # type: ignore[attr-defined]
        except FileNotFoundError:
            raise RecordNotFound(f'No person with id "{person_id}" in this vault.') from None
        except (age.AgeError, OSError, ValueError, TypeError):
            raise IntegrityError(f"The details of person {person_id} are damaged; restore "
                                 f"{v.PEOPLE}/{file.name} from a backup.", path=str(file)) from None
        if person.id != person_id:
            raise IntegrityError(f"The file {v.PEOPLE}/{file.name} holds another person's details "
                                 "(files were swapped).", path=str(file))
        if person.id != self.person.id and not hmac.compare_digest(
                person.seal, owner_mac(self._identity, person.authority())):
            raise IntegrityError(f'The details of "{person.name or person_id}" were changed outside this '
                                 "program (the owner's seal does not match); no keys were given to them. "
                                 "Remove the person and add them again.", path=str(file))
        self.people[person.id] = person
        return person

    def _write_profile(self, person: Person) -> None:
        v = self._v()
        vault_key = self._keyring.current(VAULT_SCOPE)
        if vault_key is None:
            raise PermissionDenied("This keyring has no vault key; people cannot be changed with it.")
        atomic_write_bytes(self.path / v.PEOPLE / f"{person.id}.age",
                           age.encrypt_bytes(person.to_json(), [vault_key.recipient]))
        self.people[person.id] = person

    def _keyring_for(self, person: Person) -> Keyring:
        """Every generation of the scopes *person* holds, from the owner's keyring."""
        wanted = set(person.scopes) | {VAULT_SCOPE}
        return Keyring([k for k in self._keyring.keys if k.scope in wanted])

    def _write_keyring(self, person: Person) -> None:
        v = self._v()
        if person.id == self.person.id:
            keyring, recipient = self._keyring, self._identity.recipient()
        else:
            if not person.recipient:
                raise IntegrityError(f'The details of "{person.name}" have no public key; remove the person '
                                     "and add them again.")
            keyring, recipient = self._keyring_for(person), age.X25519Recipient.parse(person.recipient)
        atomic_write_bytes(self.path / v.KEYRINGS / f"{person.id}.age",
                           age.encrypt_bytes(keyring.to_text(), [recipient]))

    def _my_keyring_changed(self) -> None:
        self._identities = self._keyring.identities()  # type: ignore[attr-defined]
        cache: RecordCache = self._cache  # type: ignore[attr-defined]
        cache._fingerprint = RecordCache.fingerprint([k.identity.public_key for k in self._keyring.keys])
        cache.dirty = True

    # ------------------------------------------------------------------ people
    def add_person(self, name: str, relationship: str = "", scopes: Iterable[str] = (), can_edit: bool = False,
                   passphrase: str | None = None, *, work_factor: int = age.DEFAULT_SCRYPT_WORK_FACTOR
                   ) -> tuple[Person, str | None]:
        """Add someone who may open the vault with the given scopes.

        Their key file is encrypted with *passphrase*, or, if none is given, with a new one-time
        setup code (returned) that they turn into a passphrase of their own at first unlock.
        """
        self._require_owner()
        name = (name or "").strip()
        if not name:
            raise ValueError("The person's name cannot be empty.")
        if passphrase is not None and not passphrase:
            raise ValueError("The passphrase cannot be empty.")
        granted = check_scopes(scopes)
        v = self._v()
        from .records import new_id, now_iso

        identity = age.X25519Identity.generate()
        setup_code = None if passphrase is not None else new_setup_code()
        person = Person(id=new_id(), name=name, role="member", relationship=(relationship or "").strip(),
                        scopes=granted, can_edit=bool(can_edit), created=now_iso(),
                        recipient=str(identity.recipient()), setup_pending=setup_code is not None)
        seal_person(person, self._identity)
        with self._lock():  # type: ignore[attr-defined]
            # keyring and profile first: a key file without them is not a usable person (and a
            # crash leaves no one able to unlock with half a setup)
            self._write_keyring(person)
            self._write_profile(person)
            v.Vault._write_person_key(self.path, person.id, identity, passphrase or setup_code, work_factor)
        return person, setup_code

    def set_scopes(self, person_id: str, scopes: Iterable[str]) -> Person:
        self._require_owner()
        granted = check_scopes(scopes)
        with self._lock():  # type: ignore[attr-defined]
            person = self._member(person_id)
            person.scopes = granted
            seal_person(person, self._identity)
            self._write_keyring(person)
            self._write_profile(person)
        return person

    def _member(self, person_id: str) -> Person:
        person = self._fresh_person(self.find_person(person_id).id)
        if person.role == "owner" or person.id == self.person.id:
            raise PermissionDenied("The owner always holds every section and can edit; "
                                   "that cannot be changed.")
        return person

    def grant(self, person_id: str, scope: str) -> Person:
        """Give *person_id* the keys of *scope* (every generation, so older files open too)."""
        self._require_owner()
        check_scopes([scope])
        person = self._member(self.find_person(person_id).id)
        return self.set_scopes(person.id, [*person.scopes, scope])

    def revoke(self, person_id: str, scope: str, *, rotate: bool = False,
               progress: ProgressFn | None = None, cancel: Any = None) -> Person:
        """Take *scope* from *person_id*. Without rotate, a copy of their keyring made earlier still
        opens the scope's files; with rotate, every file of the scope is re-encrypted to a new key."""
        self._require_owner()
        check_scopes([scope])
        person = self._member(self.find_person(person_id).id)
        person = self.set_scopes(person.id, [s for s in person.scopes if s != scope])
        if rotate:
            self.rotate_scopes([scope], progress=progress, cancel=cancel)
        return person

    def set_can_edit(self, person_id: str, can_edit: bool) -> Person:
        self._require_owner()
        with self._lock():  # type: ignore[attr-defined]
            person = self._member(person_id)
            person.can_edit = bool(can_edit)
            seal_person(person, self._identity)
            self._write_profile(person)
        return person

    def set_person_details(self, person_id: str, *, name: str | None = None,
                           relationship: str | None = None) -> Person:
        self._require_owner()
        with self._lock():  # type: ignore[attr-defined]
            person = self._member(person_id)
            if name is not None:
                if not name.strip():
                    raise ValueError("The person's name cannot be empty.")
                person.name = name.strip()
            if relationship is not None:
                person.relationship = relationship.strip()
            self._write_profile(person)
        return person

    def remove_person(self, person_id: str, *, rotate: bool = True, progress: ProgressFn | None = None,
                      cancel: Any = None) -> RotationReport | None:
        """Delete the person's key file, keyring and profile; with rotate (the default), rotate every
        scope they held (and the vault scope, which holds everyone's names) so that a copy they made
        earlier does not open the re-encrypted files."""
        self._require_owner()
        v = self._v()
        person = self.find_person(person_id)
        if person.role == "owner" or person.id == self.person.id:
            raise PermissionDenied("The vault's owner cannot be removed.")
        held = [s for s in person.scopes if s in SCOPES]
        with self._lock():  # type: ignore[attr-defined]
            remove_file(self.path / v.KEYS / f"{person.id}.age")  # first: they can no longer unlock
            remove_file(self.path / v.KEYRINGS / f"{person.id}.age")
            remove_file(self.path / v.PEOPLE / f"{person.id}.age")
            self.people.pop(person.id, None)
            self._remember_former(person)
        if not rotate:
            return None
        return self.rotate_scopes([*held, VAULT_SCOPE], progress=progress, cancel=cancel)

    def _remember_former(self, person: Person) -> None:
        """Keep the name of a removed person in info.age, so records still say who wrote them."""
        v = self._v()
        try:
            info = json.loads(self._decrypt_small(self.path / v.INFO))  # type: ignore[attr-defined]
        except (age.AgeError, OSError, ValueError):
            return  # a damaged info file is reported elsewhere; names are a nicety
        former = dict(info.get("former_people") or {})
        former[person.id] = person.name
        info["former_people"] = former
        vault_key = self._keyring.current(VAULT_SCOPE)
        assert vault_key is not None
        atomic_write_bytes(self.path / v.INFO, age.encrypt_bytes(json.dumps(info).encode(), [vault_key.recipient]))
        self.former_people = former  # type: ignore[attr-defined]

    def clear_setup_pending(self) -> None:
        """Called when a person replaced their setup code with a passphrase of their own."""
        person = self.people.get(self.person.id)
        if person is None or not person.setup_pending:
            return
        person.setup_pending = False
        self._write_profile(person)  # the seal does not cover this field: the person may write it
        self.person = person

    # ------------------------------------------------------------------ rotation
    def pending_rotation(self) -> dict[str, int]:
        """Scopes whose rotation was started and not finished: scope -> target generation ({} if none).
        Only the owner can read it."""
        marker = self._read_marker()
        return {scope: int(item["generation"]) for scope, item in marker.items()} if marker else {}

    def _read_marker(self) -> dict[str, dict[str, Any]]:
        file = self.path / ROTATION
        if not file.exists():
            return {}
        self._require_owner()
        try:
            outer = json.loads(age.decrypt_bytes(file.read_bytes(), [self._identity]))
            body = outer["body"]
            if not hmac.compare_digest(str(outer["mac"]), owner_mac(self._identity, body.encode("utf-8"))):
                raise ValueError("seal")
            data = json.loads(body)
            return {str(s): {"generation": int(i["generation"]), "key": str(i["key"])}
                    for s, i in data["scopes"].items()}
        except (age.AgeError, OSError, ValueError, KeyError, TypeError):
            raise IntegrityError(f"The key rotation record {ROTATION} is damaged or was not written by the "
                                 "owner; restore it from a backup or remove it and rotate again.",
                                 path=str(file)) from None

    def _write_marker(self, scopes: dict[str, dict[str, Any]]) -> None:
        file = self.path / ROTATION
        if not scopes:
            remove_file(file)
            return
        body = json.dumps({"scopes": scopes}, sort_keys=True)
        outer = {"body": body, "mac": owner_mac(self._identity, body.encode("utf-8"))}
        atomic_write_bytes(file, age.encrypt_bytes(json.dumps(outer).encode("utf-8"), [self._identity.recipient()]))

    def rotate_scope(self, scope: str, progress: ProgressFn | None = None, cancel: Any = None) -> RotationReport:
        """Make a new generation of *scope*'s key, give it to everyone who keeps the scope, and
        re-encrypt every file of the scope to it. Safe to interrupt: resume_rotation (run by
        Vault.open for the owner) finishes it."""
        return self.rotate_scopes([scope], progress=progress, cancel=cancel)

    def rotate_scopes(self, scopes: Iterable[str], progress: ProgressFn | None = None,
                      cancel: Any = None) -> RotationReport:
        self._require_owner()
        wanted = []
        for scope in scopes:
            if scope != VAULT_SCOPE:
                check_scopes([scope])
            if scope not in wanted:
                wanted.append(scope)
        if self.pending_rotation():
            self.resume_rotation(progress=progress, cancel=cancel)
        with self._lock():  # type: ignore[attr-defined]
            pending = self._read_marker()
            for scope in wanted:
                current = max((k.generation for k in self._keyring.keys if k.scope == scope), default=0)
                pending[scope] = {"generation": current + 1, "key": str(age.X25519Identity.generate())}
            self._write_marker(pending)  # first: the new key is never used before it is recorded
        return self.resume_rotation(progress=progress, cancel=cancel)

    def resume_rotation(self, progress: ProgressFn | None = None, cancel: Any = None) -> RotationReport:
        """Finish a rotation that was started (idempotent: files already on the new key are skipped)."""
        self._require_owner()
        report = RotationReport()
        with self._lock():  # type: ignore[attr-defined]
            marker = self._read_marker()
            if not marker:
                return report
            targets: dict[str, ScopeKey] = {}
            changed = False
            for scope, item in marker.items():
                key = ScopeKey(scope, item["generation"], age.X25519Identity.parse(item["key"]))
                known = [k for k in self._keyring.keys if k.scope == scope and k.generation == key.generation]
                if known and known[0].identity.secret != key.identity.secret:
                    raise IntegrityError(f"Two different keys claim generation {key.generation} of the "
                                         f"{scope} section; restore {ROTATION} from a backup.")
                if not known:
                    self._keyring.keys.append(key)
                    changed = True
                targets[scope] = key
                report.scopes[scope] = key.generation
            if changed:
                self._write_keyring(self.person)
                self._my_keyring_changed()
            # everyone who keeps a rotated scope gets its new key (rewritten every time: idempotent)
            v = self._v()
            for file in v._age_files(self.path / v.PEOPLE):
                if file.stem == self.person.id:
                    continue
                try:
                    person = self._fresh_person(file.stem)
                except VaultError as exc:
                    report.problems.append(v.Problem(f"{v.PEOPLE}/{file.name}", str(exc)))
                    continue
                if set(person.scopes) & set(targets) or VAULT_SCOPE in targets:
                    self._write_keyring(person)
        self._reencrypt_all(targets, report, progress, cancel)
        if not report.problems:
            with self._lock():  # type: ignore[attr-defined]
                remaining = {s: i for s, i in self._read_marker().items()
                             if not (s in targets and i["generation"] == targets[s].generation)}
                self._write_marker(remaining)
        return report

    def _reencrypt_all(self, targets: dict[str, ScopeKey], report: RotationReport,
                       progress: ProgressFn | None, cancel: Any) -> None:
        v = self._v()
        by_public = {k.identity.public_key: k for k in self._keyring.keys}
        todo: list[Path] = []
        for file in v._age_files(self.path / v.RECORDS):
            try:
                with open(file, "rb") as handle:
                    matched = age.Decryptor(handle, self._keyring.identities()).identity
            except (age.AgeError, OSError):
                continue  # damaged: verify reports it; nothing to re-encrypt
            key = by_public.get(matched.public_key)  # type: ignore[attr-defined]
            if key is not None and key.scope in targets:
                todo.append(file)
        vault_files: list[Path] = []
        if VAULT_SCOPE in targets:
            vault_files = [self.path / v.INFO, *v._age_files(self.path / v.PEOPLE)]
        total = len(todo) + len(vault_files)
        done = 0
        for file in vault_files:
            if cancel is not None and cancel.is_set():
                raise Cancelled("Changing the keys was interrupted; it continues the next time the owner opens the vault.")
            with self._lock():  # type: ignore[attr-defined]
                try:
                    if self._reencrypt_small(file, targets, by_public):
                        report.files_reencrypted += 1
                except (age.AgeError, OSError) as exc:
                    report.problems.append(v.Problem(str(file.relative_to(self.path)), f"cannot be re-encrypted ({exc})"))
            done += 1
            if progress is not None:
                progress(done, total, file.name)
        for file in todo:
            if cancel is not None and cancel.is_set():
                raise Cancelled("Changing the keys was interrupted; it continues the next time the owner opens the vault.")
            with self._lock():  # type: ignore[attr-defined]
                label = self._reencrypt_record(file, targets, by_public, report)
            report.records_checked += 1
            done += 1
            if progress is not None:
                progress(done, total, label)

    def _reencrypt_small(self, file: Path, targets: dict[str, ScopeKey], by_public: dict[bytes, ScopeKey]) -> bool:
        """Re-encrypt one small file in place if it is on an older generation of a rotated scope."""
        v = self._v()
        try:
            raw = v._read_small(file)
        except FileNotFoundError:
            return False
        decryptor = age.Decryptor(io.BytesIO(raw), self._keyring.identities())
        plaintext = decryptor.read_all()
        key = by_public.get(decryptor.identity.public_key)  # type: ignore[attr-defined]
        if key is None or key.scope not in targets or key.generation >= targets[key.scope].generation:
            return False
        atomic_write_bytes(file, age.encrypt_bytes(plaintext, [targets[key.scope].recipient]))
        return True

    def _reencrypt_record(self, file: Path, targets: dict[str, ScopeKey], by_public: dict[bytes, ScopeKey],
                          report: RotationReport) -> str:
        """One record with its document and page texts (holding the writer lock): the new document
        file first, then the record, then the old document is deleted."""
        v = self._v()
        from .documents import DocumentStream
        from .records import DocumentRef, Record

        rel = f"{v.RECORDS}/{file.name}"
        try:
            raw = v._read_small(file)
            decryptor = age.Decryptor(io.BytesIO(raw), self._keyring.identities())
            plaintext = decryptor.read_all()
            record = Record.from_json(plaintext)
            if record.id != file.stem:
                raise ValueError("swapped")
        except FileNotFoundError:
            return file.stem  # purged meanwhile
        except (age.AgeError, OSError, ValueError, TypeError, KeyError) as exc:
            report.problems.append(v.Problem(rel, f"the record file is damaged ({exc})", record_id=file.stem))
            return file.stem
        key = by_public.get(decryptor.identity.public_key)  # type: ignore[attr-defined]
        if key is None or key.scope not in targets:
            return record.title
        target = targets[key.scope]
        rewrite_record = key.generation < target.generation
        old_doc = None
        if record.document is not None:
            doc_path = self.path / v.DOCUMENTS / f"{record.document.id}.age"
            try:
                with open(doc_path, "rb") as handle:
                    doc_key = by_public.get(age.Decryptor(handle, self._keyring.identities()).identity.public_key)  # type: ignore[attr-defined]
                if doc_key is None or doc_key.generation < target.generation:
                    with DocumentStream(open(doc_path, "rb"), self._keyring.identities(), record, doc_path) as stream:
                        doc_id, nonce, size, sha256 = self._store_document(  # type: ignore[attr-defined]
                            stream, target, record.size, record.title, None, None)
                    if (size, sha256) != (record.size, record.sha256):
                        remove_file(self.path / v.DOCUMENTS / f"{doc_id}.age")
                        raise IntegrityError("its content does not match the record")
                    old_doc = record.document
                    record.document = DocumentRef(id=doc_id, nonce=nonce.hex())
                    record.revision += 1  # an editor holding the old version must reload (ConflictError)
                    report.files_reencrypted += 1
                    rewrite_record = True
            except (OSError, age.AgeError, IntegrityError) as exc:
                report.problems.append(v.Problem(f"{v.DOCUMENTS}/{record.document.id}.age",
                                                 f"the document cannot be re-encrypted ({exc})",
                                                 record_id=record.id, title=record.title))
                return record.title
        texts = self.path / v.TEXTS / f"{record.id}.age"
        try:
            if self._reencrypt_small(texts, targets, by_public):
                report.files_reencrypted += 1
        except (age.AgeError, OSError):
            pass  # damaged search text is rebuilt from the document (reindex), not carried along
        if rewrite_record:
            data = record.to_json() if old_doc is not None else plaintext
            atomic_write_bytes(file, age.encrypt_bytes(data, [target.recipient]))
            report.files_reencrypted += 1
            if old_doc is not None:
                remove_file(self.path / v.DOCUMENTS / f"{old_doc.id}.age")
            fresh = Record.from_json(data)
            self._remember(fresh)  # type: ignore[attr-defined]
            try:
                self._cache.put(file.name, file_key(file.stat()), fresh.to_dict())  # type: ignore[attr-defined]
            except FileNotFoundError:
                pass
        return record.title
