"""People and scopes: the owner adds, changes and removes the people who share the vault, and
rotates scope keys so that someone who lost a scope cannot open files written or re-encrypted
after that (see docs/vault-format.md, "Keys, people and scopes" and "Authorship").

What is cryptographic and what is not:
- A person holds, in keyrings/<person>.age, only the keys of the scopes they were given (plus the
  internal `vault` scope): without a key no tool can open that scope's files.
- A copy of a keyring made earlier keeps opening the files encrypted to the keys it holds until
  the scope is rotated (rotate_scope re-encrypts every file of the scope to a new key).
- Who holds which key is decided by files the owner signs (authority.py): the vault info, every
  profile and every keyring. Records are signed by their writer, and accepted only if the writer
  may edit the record's part; so "view only" holds against other tools too.
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

from . import age, authority
from .authority import SigningKey
from .cache import RecordCache, file_key
from .categories import SCOPES, VAULT_SCOPE
from .errors import Cancelled, IntegrityError, PermissionDenied, RecordNotFound, VaultError
from .fsutil import atomic_write_bytes, remove_file
from .keys import Keyring, ScopeKey
from .records import DocumentRef

if TYPE_CHECKING:  # pragma: no cover
    from .vault import Problem

log = logging.getLogger(__name__)

ROTATION = "rotation.age"
REQUESTS = "requests"
ROLES = ("owner", "member")
#: letters and digits that cannot be mistaken for one another when read aloud or written down
SETUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SETUP_GROUPS, SETUP_GROUP_LEN = 6, 4
_MEMBER_KEY_LABEL = b"mbc-vault member signing key v2\x00"

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
    #: the person's public signing key (hex): their records are checked with it
    signing_key: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    _KNOWN = ("id", "name", "role", "relationship", "scopes", "can_edit", "created", "recipient",
              "setup_pending", "signing_key")

    def to_obj(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "extra"}
        data.update({k: v for k, v in self.extra.items() if k not in (authority.SIGNATURE, "seal")})
        return data

    def to_json(self) -> bytes:
        return json.dumps(self.to_obj(), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_obj(cls, data: dict[str, Any]) -> "Person":
        person = cls(**{k: v for k, v in data.items() if k in cls._KNOWN},
                     extra={k: v for k, v in data.items() if k not in cls._KNOWN})
        if not isinstance(person.id, str) or not isinstance(person.scopes, list):
            raise ValueError("a person's details need an id and a list of parts")
        return person

    @classmethod
    def from_json(cls, raw: bytes) -> "Person":
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("a person's details must be a JSON object")
        return cls.from_obj(data)

    def public_view(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "relationship": self.relationship,
                "scopes": sorted(self.scopes), "can_edit": self.can_edit, "created": self.created,
                "setup_pending": self.setup_pending}


def member_signing_key(owner: SigningKey, person_id: str) -> SigningKey:
    """A member's signing key, derived from the owner's (the owner can write their keyring again)."""
    return SigningKey(hashlib.sha256(_MEMBER_KEY_LABEL + owner.seed + person_id.encode("ascii")).digest())


def profile_object(person: Person, owner_id: str, owner: SigningKey) -> dict[str, Any]:
    return authority.sign_object(person.to_obj(), owner_id, owner)


def info_object(*, vault_id: str, name: str, created: str, epoch: int, owner: str, signing: SigningKey,
                keys: Iterable[ScopeKey], people: dict[str, dict[str, Any]], former: dict[str, str],
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """The owner-signed vault info: the format, the vault id, the epoch, each part's current key, the
    hash of every person's signed profile."""
    from .vault import FORMAT_VERSION

    current: dict[str, ScopeKey] = {}
    for key in keys:
        if key.scope not in current or key.generation > current[key.scope].generation:
            current[key.scope] = key
    obj = dict(extra or {})
    obj.update({
        "type": "vault-info", "format": FORMAT_VERSION, "vault_id": vault_id, "name": name, "created": created,
        "epoch": epoch, "owner": owner, "owner_key": signing.public,
        "scopes": {s: {"generation": k.generation, "recipient": str(k.recipient)} for s, k in sorted(current.items())},
        # every person's signed details, in the one file that changes atomically
        "people": {pid: obj for pid, obj in sorted(people.items())},
        "former_people": dict(former),
    })
    return authority.sign_object(obj, owner, signing)


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
        return (self.person.role == "owner" and self.person.id == self.info.get("owner")  # type: ignore[attr-defined]
                and bool(self.holds_all_scopes))  # type: ignore[attr-defined]

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
        if self.rolled_back:  # type: ignore[attr-defined]
            from .vault import ROLLBACK_TEXT

            raise PermissionDenied(ROLLBACK_TEXT)

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
        """The person's profile as the owner last signed it (checked when the vault was read)."""
        person = self.people.get(person_id)
        if person is None:
            raise RecordNotFound(f'No person with id "{person_id}" in this vault.')
        return person

    def _owner_signing(self) -> SigningKey:
        signing = self._signing  # type: ignore[attr-defined]
        assert signing is not None
        return signing

    def _publish(self, changed: Iterable[Person] = (), removed: Iterable[str] = (),
                 former: dict[str, str] | None = None, keys: list[ScopeKey] | None = None) -> None:
        """Write the changed profiles, then the vault info that lists them, at a new epoch (the
        caller holds the lock). Until the info is written, the new profiles are not used by anyone."""
        v = self._v()
        signing = self._owner_signing()
        changed = list(changed)
        for person in changed:
            self.people[person.id] = person
        for pid in removed:
            self.people.pop(pid, None)
        info = dict(self.info)  # type: ignore[attr-defined]
        profiles = {pid: profile_object(p, self.person.id, signing) for pid, p in self.people.items()}
        current = keys if keys is not None else list(self._write_keys.values())  # type: ignore[attr-defined]
        new_info = info_object(vault_id=self.vault_id, name=self.name, created=str(info.get("created", "")),  # type: ignore[attr-defined]
                               epoch=self.epoch + 1, owner=self.person.id, signing=signing,  # type: ignore[attr-defined]
                               keys=current, people=profiles,
                               former=former if former is not None else self.former_people,  # type: ignore[attr-defined]
                               extra={k: val for k, val in info.items() if k not in ("signature",)})
        target = next(k for k in current if k.scope == VAULT_SCOPE)
        atomic_write_bytes(self.path / v.INFO, age.encrypt_bytes(v._json_bytes(new_info), [target.recipient]))
        self.info, self.epoch = new_info, new_info["epoch"]  # type: ignore[attr-defined]
        self._cache.see(epoch=self.epoch)  # type: ignore[attr-defined]
        if former is not None:
            self.former_people = dict(former)  # type: ignore[attr-defined]
        self._choose_keys(new_info)  # type: ignore[attr-defined]
        for person in changed:  # the copies in people/ (the info above is what counts)
            atomic_write_bytes(self.path / v.PEOPLE / f"{person.id}.age",
                               age.encrypt_bytes(v._json_bytes(profiles[person.id]), [target.recipient]))

    def repair_profile_files(self) -> int:
        """Write again every people/ copy that differs from the owner-signed info (after a crash, or
        one changed by someone else). Owner only; returns how many were written."""
        if not self.is_owner or self.rolled_back:  # type: ignore[attr-defined]
            return 0
        v = self._v()
        vault_key = self._write_keys[VAULT_SCOPE]  # type: ignore[attr-defined]
        vault_keys = [k.identity for k in self._keyring.keys if k.scope == VAULT_SCOPE]
        count = 0
        for pid, obj in (self.info.get("people") or {}).items():  # type: ignore[attr-defined]
            file = self.path / v.PEOPLE / f"{pid}.age"
            try:
                same = json.loads(age.decrypt_bytes(v._read_small(file), vault_keys)) == obj
            except (age.AgeError, OSError, ValueError):
                same = False
            if not same:
                with self._lock():  # type: ignore[attr-defined]
                    atomic_write_bytes(file, age.encrypt_bytes(v._json_bytes(obj), [vault_key.recipient]))
                count += 1
        if count:
            self.load_problems = [p for p in self.load_problems if not p.path.startswith(v.PEOPLE)]  # type: ignore[attr-defined]
        return count

    def _keyring_for(self, person: Person) -> Keyring:
        """Every generation of the scopes *person* holds, from the owner's keyring, and their signing key."""
        wanted = set(person.scopes) | {VAULT_SCOPE}
        return Keyring([k for k in self._keyring.keys if k.scope in wanted],
                       member_signing_key(self._owner_signing(), person.id), person.id,
                       self.vault_id, self.epoch)  # type: ignore[attr-defined]

    def _write_keyring(self, person: Person) -> None:
        v = self._v()
        signing = self._owner_signing()
        if person.id == self.person.id:
            keyring = self._keyring
            keyring.person_id, keyring.vault_id, keyring.epoch = person.id, self.vault_id, self.epoch  # type: ignore[attr-defined]
            recipient = self._identity.recipient()
        else:
            if not person.recipient:
                raise IntegrityError(f'The details of "{person.name}" have no public key; remove the person '
                                     "and add them again.")
            keyring, recipient = self._keyring_for(person), age.X25519Recipient.parse(person.recipient)
        atomic_write_bytes(self.path / v.KEYRINGS / f"{person.id}.age",
                           age.encrypt_bytes(keyring.to_text(signing), [recipient]))

    def _my_keyring_changed(self) -> None:
        self._scope_of_key = {k.identity.public_key: k for k in self._keyring.keys}  # type: ignore[attr-defined]
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
        pid = new_id()
        person = Person(id=pid, name=name, role="member", relationship=(relationship or "").strip(),
                        scopes=granted, can_edit=bool(can_edit), created=now_iso(),
                        recipient=str(identity.recipient()), setup_pending=setup_code is not None,
                        signing_key=member_signing_key(self._owner_signing(), pid).public)
        with self._lock():  # type: ignore[attr-defined]
            # profile copy, keyring and key file first, the signed info that lists them last: a crash
            # before it leaves an unlisted person (known by the owner-signed profile copy, written
            # first), whom the owner's next open cleans up
            signing = self._owner_signing()
            atomic_write_bytes(self.path / v.PEOPLE / f"{person.id}.age",
                               age.encrypt_bytes(v._json_bytes(profile_object(person, self.person.id, signing)),
                                                 [self._write_keys[VAULT_SCOPE].recipient]))  # type: ignore[attr-defined]
            self._write_keyring(person)
            v.Vault._write_person_key(self.path, person.id, identity, passphrase or setup_code, work_factor,
                                      vault_id=self.vault_id, owner_key=signing.public)  # type: ignore[attr-defined]
            self._publish([person])
        return person, setup_code

    def clean_interrupted_people(self) -> list[str]:
        """Remove what an interrupted add_person left: files of a person the signed info does not
        list, whose profile the owner signed. Returns plain sentences of what was done."""
        if not self.is_owner or self.rolled_back:  # type: ignore[attr-defined]
            return []
        v = self._v()
        listed = set(self.info.get("people", {}))  # type: ignore[attr-defined]
        notes = []
        vault_keys = [k.identity for k in self._keyring.keys if k.scope == VAULT_SCOPE]
        for file in v._age_files(self.path / v.PEOPLE):
            if file.stem in listed:
                continue
            try:
                obj = json.loads(age.decrypt_bytes(v._read_small(file), vault_keys))
            except (age.AgeError, OSError, ValueError):
                continue
            if not isinstance(obj, dict) or not authority.check_object(obj, self._owner_signing().public):
                continue  # not the owner's: verify reports it; never deleted silently
            for folder in (v.KEYS, v.KEYRINGS, v.PEOPLE):
                remove_file(self.path / folder / f"{file.stem}.age")
            notes.append(f'Adding "{obj.get("name", "")}" was interrupted; it was cleaned up. Add them again.')
        return notes

    def _check_people_files(self) -> list["Problem"]:
        """Key files and keyrings of people who are not in the vault (verify reports them)."""
        v = self._v()
        listed = set(self.info.get("people", {}))  # type: ignore[attr-defined]
        problems = []
        for folder in (v.KEYS, v.KEYRINGS):
            for file in v._age_files(self.path / folder):
                if file.stem not in listed:
                    problems.append(v.Problem(f"{folder}/{file.name}", "this file belongs to no one in the vault "
                                              "(an interrupted addition, or planted); the owner's next open removes "
                                              "the owner's own leftovers, anything else was left as it is"))
        return problems

    def set_scopes(self, person_id: str, scopes: Iterable[str]) -> Person:
        self._require_owner()
        granted = check_scopes(scopes)
        with self._lock():  # type: ignore[attr-defined]
            person = self._member(person_id)
            lost = set(person.scopes) - set(granted)
            person = Person.from_obj({**person.to_obj(), "scopes": granted})
            self._write_keyring(person)
            self._publish([person])
            if lost:
                self._revouch(person.id, lost)
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
            person = Person.from_obj({**person.to_obj(), "can_edit": bool(can_edit)})
            self._publish([person])
            if not can_edit:
                self._revouch(person.id, set(SCOPES))
        return person

    def set_person_details(self, person_id: str, *, name: str | None = None,
                           relationship: str | None = None) -> Person:
        self._require_owner()
        with self._lock():  # type: ignore[attr-defined]
            person = self._member(person_id)
            person = Person.from_obj(person.to_obj())
            if name is not None:
                if not name.strip():
                    raise ValueError("The person's name cannot be empty.")
                person.name = name.strip()
            if relationship is not None:
                person.relationship = relationship.strip()
            self._publish([person])
        return person

    def remove_person(self, person_id: str, *, rotate: bool = True, progress: ProgressFn | None = None,
                      cancel: Any = None) -> RotationReport | None:
        """Delete the person's key file, keyring and profile; with rotate (the default), rotate every
        scope they held (and the vault scope, which holds everyone's names) so that a copy they made
        earlier does not open the re-encrypted files. What they wrote is vouched for by the owner
        first, so it stays accepted after their signing key is gone."""
        self._require_owner()
        v = self._v()
        person = self.find_person(person_id)
        if person.role == "owner" or person.id == self.person.id:
            raise PermissionDenied("The vault's owner cannot be removed.")
        held = [s for s in person.scopes if s in SCOPES]
        with self._lock():  # type: ignore[attr-defined]
            self._revouch(person.id, set(SCOPES))
            remove_file(self.path / v.KEYS / f"{person.id}.age")  # first: they can no longer unlock
            remove_file(self.path / v.KEYRINGS / f"{person.id}.age")
            former = {**self.former_people, person.id: person.name}  # type: ignore[attr-defined]
            self._publish(removed=[person.id], former=former)
            remove_file(self.path / v.PEOPLE / f"{person.id}.age")
        if not rotate:
            return None
        return self.rotate_scopes([*held, VAULT_SCOPE], progress=progress, cancel=cancel)

    def _revouch(self, person_id: str, scopes: set[str]) -> int:
        """The owner signs again, in the owner's name, every record, kept version and page text of
        *scopes* that *person_id* signed (the caller holds the lock): it stays accepted after that
        person may no longer write those parts. Returns how many files were signed again."""
        v = self._v()
        count = 0
        for folder in (v.RECORDS, v.TEXTS, *v.sync.VERSION_FOLDERS):
            for file in v._age_files(self.path / folder):
                try:
                    raw, key = self._decrypt_scoped(file)  # type: ignore[attr-defined]
                    obj = json.loads(raw)
                except (age.AgeError, OSError, ValueError):
                    continue
                if not isinstance(obj, dict) or key.scope not in scopes or authority.signer_of(obj) != person_id:
                    continue
                if self.signer_may_write(obj, key.scope) is not None and folder == v.RECORDS:  # type: ignore[attr-defined]
                    pass  # checked below against the signature itself
                who = self.people.get(person_id)
                if who is None or not authority.check_object(obj, who.signing_key):
                    continue  # forged in their name: never vouched for
                data = self._signed_json(obj)  # type: ignore[attr-defined]
                atomic_write_bytes(file, age.encrypt_bytes(data, [self._write_keys[key.scope].recipient]))  # type: ignore[attr-defined]
                count += 1
                if folder == v.RECORDS:
                    self._note_own_write(file)  # type: ignore[attr-defined]
                    record = v.Record.from_dict(json.loads(data))
                    self._remember(record)  # type: ignore[attr-defined]
                    try:
                        self._cache.put(file.name, file_key(file.stat()), record.to_dict())  # type: ignore[attr-defined]
                    except FileNotFoundError:
                        pass
        return count

    def clear_setup_pending(self) -> None:
        """Kept for callers: a member's first passphrase is taken in by the owner (take_in_requests)."""
        return None

    # ------------------------------------------------------------------ passphrase and identity
    def change_identity(self, new_passphrase: str, work_factor: int) -> str:
        """A new passphrase and a new X25519 identity key. The keyring is wrapped to both keys, then
        the key file is replaced, then the keyring is wrapped to the new key alone. The owner then
        makes new generations of every part (no file is re-encrypted), so an old copy of the key file
        with the old passphrase opens nothing written after the change. A member's change is taken in
        by the owner's next open (see take_in_requests), which does the same for the member's parts."""
        v = self._v()
        if self.rolled_back:  # type: ignore[attr-defined]
            raise PermissionDenied(v.ROLLBACK_TEXT)
        owner = self.is_owner
        if owner and (self.path / ROTATION).exists():
            self.resume_rotation()
        new_identity = age.X25519Identity.generate()
        keyring_file = self.path / v.KEYRINGS / f"{self.person.id}.age"
        with self._lock():  # type: ignore[attr-defined]
            signed_text = age.decrypt_bytes(v._read_small(keyring_file), [self._identity])
            atomic_write_bytes(keyring_file, age.encrypt_bytes(signed_text, [self._identity.recipient(),
                                                                             new_identity.recipient()]))
            v.Vault._write_person_key(self.path, self.person.id, new_identity, new_passphrase, work_factor,
                                      vault_id=self.vault_id, owner_key=self._owner_key)  # type: ignore[attr-defined]
            atomic_write_bytes(keyring_file, age.encrypt_bytes(signed_text, [new_identity.recipient()]))
            self._identity = new_identity
            self._cache.rewrap(new_identity)  # type: ignore[attr-defined]
            if not owner:
                self._write_request(new_identity)
        if owner:
            me = Person.from_obj({**self.person.to_obj(), "recipient": str(new_identity.recipient())})
            with self._lock():  # type: ignore[attr-defined]
                self._publish([me])
                self.person = me
            self.rotate_scopes(list(v.ALL_SCOPES), reencrypt=False)
            return ("Your old passphrase no longer opens this vault, and an old copy of your key file opens "
                    "nothing written from now on.")
        return ("Your old passphrase no longer opens this vault. An old copy of your key file opens nothing "
                "written after the vault's owner next opens the vault.")

    def _write_request(self, identity: age.X25519Identity) -> None:
        """A member's signed note to the owner: their new public key, and that their setup code is gone."""
        v = self._v()
        from .records import now_iso

        obj = {"type": "key-change", "person": self.person.id, "vault_id": self.vault_id,  # type: ignore[attr-defined]
               "recipient": str(identity.recipient()), "setup_done": True, "created": now_iso()}
        (self.path / REQUESTS).mkdir(exist_ok=True)
        atomic_write_bytes(self.path / REQUESTS / f"{self.person.id}.age",
                           age.encrypt_bytes(self._signed_json(obj),  # type: ignore[attr-defined]
                                             [self._write_keys[VAULT_SCOPE].recipient]))  # type: ignore[attr-defined]
        self.person.setup_pending = False

    def pending_request(self, person_id: str) -> dict[str, Any] | None:
        v = self._v()
        file = self.path / REQUESTS / f"{person_id}.age"
        try:
            obj = json.loads(age.decrypt_bytes(v._read_small(file), [k.identity for k in self._keyring.keys
                                                                     if k.scope == VAULT_SCOPE]))
        except (FileNotFoundError, age.AgeError, OSError, ValueError):
            return None
        person = self.people.get(person_id)
        if (not isinstance(obj, dict) or person is None or obj.get("person") != person_id
                or obj.get("vault_id") != self.vault_id or authority.signer_of(obj) != person_id  # type: ignore[attr-defined]
                or not authority.check_object(obj, person.signing_key)):
            return None
        return obj

    def take_in_requests(self) -> list[str]:
        """The owner takes in members' passphrase changes: their new public key goes into their signed
        details, their parts get new key generations (nothing is re-encrypted), the note is removed."""
        if not self.is_owner or self.rolled_back:  # type: ignore[attr-defined]
            return []
        v = self._v()
        notes = self.clean_interrupted_people()
        self.repair_profile_files()
        changed, scopes = [], set()
        for file in v._age_files(self.path / REQUESTS):
            obj = self.pending_request(file.stem)
            if obj is None:
                notes.append(f"{REQUESTS}/{file.name} was not written by the person it names; it was not used.")
                continue
            person = self.people[file.stem]
            changed.append(Person.from_obj({**person.to_obj(), "recipient": str(obj["recipient"]),
                                            "setup_pending": False}))
            scopes |= set(person.scopes) | {VAULT_SCOPE}
        if changed:
            with self._lock():  # type: ignore[attr-defined]
                self._publish(changed)
                for person in changed:
                    self._write_keyring(person)
            self.rotate_scopes(sorted(scopes), reencrypt=False)
            for person in changed:
                remove_file(self.path / REQUESTS / f"{person.id}.age")
        self.load_problems.extend(v.Problem(REQUESTS, n) for n in notes)  # type: ignore[attr-defined]
        return notes

    # ------------------------------------------------------------------ rotation
    def pending_rotation(self) -> dict[str, int]:
        """Scopes whose rotation was started and not finished: scope -> target generation ({} if none).
        Only the owner can read it."""
        marker = self._read_marker()
        return {scope: int(item["generation"]) for scope, item in marker.items()} if marker else {}

    def _marker_mac(self, body: bytes) -> str:
        return hmac.new(self._owner_signing().mac_key(b"rotation"), body, hashlib.sha256).hexdigest()

    def _read_marker(self) -> dict[str, dict[str, Any]]:
        file = self.path / ROTATION
        if not file.exists():
            return {}
        self._require_owner()
        try:
            outer = json.loads(age.decrypt_bytes(file.read_bytes(), [self._identity]))
            body = outer["body"]
            if not hmac.compare_digest(str(outer["mac"]), self._marker_mac(body.encode("utf-8"))):
                raise ValueError("seal")
            data = json.loads(body)
            self._rotation_reencrypt = bool(data.get("reencrypt", True))
            return {str(s): {"generation": int(i["generation"]), "key": str(i["key"])}
                    for s, i in data["scopes"].items()}
        except (age.AgeError, OSError, ValueError, KeyError, TypeError):
            raise IntegrityError(f"The key rotation record {ROTATION} is damaged or was not written by the "
                                 "owner; restore it from a backup or remove it and rotate again.",
                                 path=str(file)) from None

    def _write_marker(self, scopes: dict[str, dict[str, Any]], reencrypt: bool = True) -> None:
        file = self.path / ROTATION
        if not scopes:
            remove_file(file)
            return
        body = json.dumps({"scopes": scopes, "reencrypt": reencrypt}, sort_keys=True)
        outer = {"body": body, "mac": self._marker_mac(body.encode("utf-8"))}
        atomic_write_bytes(file, age.encrypt_bytes(json.dumps(outer).encode("utf-8"), [self._identity.recipient()]))

    def rotate_scope(self, scope: str, progress: ProgressFn | None = None, cancel: Any = None) -> RotationReport:
        """Make a new generation of *scope*'s key, give it to everyone who keeps the scope, and
        re-encrypt every file of the scope to it. Safe to interrupt: resume_rotation (run by
        Vault.open for the owner) finishes it."""
        return self.rotate_scopes([scope], progress=progress, cancel=cancel)

    def rotate_scopes(self, scopes: Iterable[str], progress: ProgressFn | None = None,
                      cancel: Any = None, *, reencrypt: bool = True) -> RotationReport:
        """New generations of *scopes*; with *reencrypt* (the default) every file of them is
        re-encrypted too, without it only what is written from now on uses the new keys."""
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
            self._write_marker(pending, reencrypt)  # first: the new key is never used before it is recorded
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
            reencrypt = getattr(self, "_rotation_reencrypt", True)
            # the signed info names the new generations: from now on every writer uses them
            current = {k.scope: k for k in self._write_keys.values()}  # type: ignore[attr-defined]
            current.update(targets)
            self._publish(keys=list(current.values()))
            # everyone who keeps a rotated scope gets its new key (rewritten every time: idempotent)
            for person in list(self.people.values()):
                if person.id == self.person.id:
                    continue
                if set(person.scopes) & set(targets) or VAULT_SCOPE in targets:
                    self._write_keyring(person)
            self._write_keyring(self.person)
        if reencrypt:
            self._reencrypt_all(targets, report, progress, cancel)
        with self._lock():  # type: ignore[attr-defined]
            # files that could not be moved are named in the report (and by verify); not a byte of
            # them was copied, so the rotation does not stay pending to try them again on every open
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
        file first, then the record, then the old document is deleted. The record must be one its
        writer could write, and its document must be of the record's own part, before a byte is
        written: re-encryption never carries one part's bytes under another part's key."""
        v = self._v()
        rel = f"{v.RECORDS}/{file.name}"
        try:
            raw = v._read_small(file)
            decryptor = age.Decryptor(io.BytesIO(raw), self._keyring.identities())
            plaintext = decryptor.read_all()
            key = by_public.get(decryptor.identity.public_key)  # type: ignore[union-attr]
            if key is None:
                raise ValueError("no key")
            record = self._accept_record(plaintext, key.scope, file, expected_id=file.stem)  # type: ignore[attr-defined]
        except FileNotFoundError:
            return file.stem  # purged meanwhile
        except (age.AgeError, OSError, ValueError, TypeError, KeyError) as exc:
            report.problems.append(v.Problem(rel, f"the record file is damaged ({exc})", record_id=file.stem))
            return file.stem
        except IntegrityError as exc:
            report.problems.append(v.Problem(rel, f"{exc}; it was not re-encrypted", record_id=file.stem))
            return file.stem
        if key.scope not in targets:
            return record.title
        target = targets[key.scope]
        rewrite_record = key.generation < target.generation
        old_doc = None
        if record.document is not None:
            doc_path = self.path / v.DOCUMENTS / f"{record.document.id}.age"
            try:
                with open(doc_path, "rb") as handle:
                    doc_key = by_public.get(age.Decryptor(handle, self._keyring.identities()).identity.public_key)  # type: ignore[union-attr]
                if doc_key is None or doc_key.scope != key.scope:
                    raise IntegrityError("the document file belongs to another part of the vault than its record "
                                         "(someone who can write the folder pointed the record at it); not a byte "
                                         "of it was copied")
                if doc_key.generation < target.generation:
                    with self._open_document(record) as stream:  # type: ignore[attr-defined]
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
            # a new document id means a new record: the owner signs it (vouching for it)
            data = self._signed_json(dict(record.to_dict())) if old_doc is not None else plaintext  # type: ignore[attr-defined]
            atomic_write_bytes(file, age.encrypt_bytes(data, [target.recipient]))
            report.files_reencrypted += 1
            if old_doc is not None:
                remove_file(self.path / v.DOCUMENTS / f"{old_doc.id}.age")
            fresh = v.Record.from_json(data)
            self._remember(fresh)  # type: ignore[attr-defined]
            try:
                self._cache.put(file.name, file_key(file.stat()), fresh.to_dict())  # type: ignore[attr-defined]
            except FileNotFoundError:
                pass
        return record.title
