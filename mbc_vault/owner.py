"""The owner's signed state: the vault info, profiles and keyrings the owner writes, vouching
for records when someone may no longer write them, and cleaning up after interrupted changes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from . import age, authority, sync
from .authority import SigningKey
from .cache import RecordCache, file_key
from .categories import VAULT_SCOPE
from .errors import IntegrityError, PermissionDenied
from .folder import VaultFolder
from .fsutil import atomic_write_bytes, remove_file
from .keys import Keyring, ScopeKey
from .layout import (
    INFO,
    KEYRINGS,
    KEYS,
    PEOPLE,
    RECORDS,
    TEXTS,
    Problem,
    age_files,
    json_bytes,
    read_small,
)
from .people import Person, info_object, member_signing_key, profile_object
from .records import Record

log = logging.getLogger(__name__)


class OwnerKeys:
    """What only the owner of an unlocked folder can write."""

    def __init__(self, folder: VaultFolder) -> None:
        self.folder = folder

    def require_owner(self) -> None:
        if not self.folder.is_owner:
            raise PermissionDenied("owner-only-people")
        if self.folder.rolled_back:
            raise PermissionDenied("vault-rolled-back")

    def signing_key(self) -> SigningKey:
        signing = self.folder.signing
        assert signing is not None
        return signing

    def publish(
        self,
        changed: Iterable[Person] = (),
        removed: Iterable[str] = (),
        former: dict[str, str] | None = None,
        keys: list[ScopeKey] | None = None,
    ) -> None:
        """Write the changed profiles, then the vault info that lists them, at a new epoch (the
        caller holds the lock). Until the info is written, the new profiles are not used by anyone."""
        signing = self.signing_key()
        changed = list(changed)
        for person in changed:
            self.folder.people[person.id] = person
        for pid in removed:
            self.folder.people.pop(pid, None)
        info = dict(self.folder.info)
        profiles = {
            pid: profile_object(p, self.folder.person.id, signing) for pid, p in self.folder.people.items()
        }
        current = keys if keys is not None else list(self.folder.write_keys.values())
        new_info = info_object(
            vault_id=self.folder.vault_id,
            name=self.folder.name,
            created=str(info.get("created", "")),
            epoch=self.folder.epoch + 1,
            owner=self.folder.person.id,
            signing=signing,
            keys=current,
            people=profiles,
            former=former if former is not None else self.folder.former_people,
            extra={k: val for k, val in info.items() if k not in ("signature",)},
        )
        target = next(k for k in current if k.scope == VAULT_SCOPE)
        atomic_write_bytes(
            self.folder.path / INFO, age.encrypt_bytes(json_bytes(new_info), [target.recipient])
        )
        self.folder.info, self.folder.epoch = new_info, new_info["epoch"]
        self.folder.cache.see(epoch=self.folder.epoch)
        if former is not None:
            self.folder.former_people = dict(former)
        self.folder.choose_keys(new_info)
        for person in changed:  # the copies in people/ (the info above is what counts)
            atomic_write_bytes(
                self.folder.path / PEOPLE / f"{person.id}.age",
                age.encrypt_bytes(json_bytes(profiles[person.id]), [target.recipient]),
            )

    def keyring_for(self, person: Person) -> Keyring:
        """Every generation of the scopes *person* holds, from the owner's keyring, and their signing key."""
        wanted = set(person.scopes) | {VAULT_SCOPE}
        return Keyring(
            [k for k in self.folder.keyring.keys if k.scope in wanted],
            member_signing_key(self.signing_key(), person.id, person.key_version),
            person.id,
            self.folder.vault_id,
            self.folder.epoch,
        )

    def write_keyring(self, person: Person) -> None:
        signing = self.signing_key()
        if person.id == self.folder.person.id:
            keyring = self.folder.keyring
            keyring.person_id, keyring.vault_id, keyring.epoch = (
                person.id,
                self.folder.vault_id,
                self.folder.epoch,
            )
            recipient = self.folder.identity.recipient()
        else:
            if not person.recipient:
                raise IntegrityError("person-no-public-key", name=person.name)
            keyring, recipient = self.keyring_for(person), age.X25519Recipient.parse(person.recipient)
        atomic_write_bytes(
            self.folder.path / KEYRINGS / f"{person.id}.age",
            age.encrypt_secret(keyring.to_text(signing), [recipient]),
        )

    def my_keyring_changed(self) -> None:
        self.folder.scope_of_key = {k.identity.public_key: k for k in self.folder.keyring.keys}
        self.folder.identities = self.folder.keyring.identities()
        cache: RecordCache = self.folder.cache
        cache._fingerprint = RecordCache.fingerprint(
            [k.identity.public_key for k in self.folder.keyring.keys]
        )
        cache.dirty = True

    def repair_profile_files(self) -> int:
        """Write again every people/ copy that differs from the owner-signed info (after a crash, or
        one changed by someone else). Owner only; returns how many were written."""
        if not self.folder.is_owner or self.folder.rolled_back:
            return 0
        vault_key = self.folder.write_keys[VAULT_SCOPE]
        vault_keys = [k.identity for k in self.folder.keyring.keys if k.scope == VAULT_SCOPE]
        count = 0
        for pid, obj in (self.folder.info.get("people") or {}).items():
            file = self.folder.path / PEOPLE / f"{pid}.age"
            try:
                same = json.loads(age.decrypt_bytes(read_small(file), vault_keys)) == obj
            except (age.AgeError, OSError, ValueError):
                same = False
            if not same:
                with self.folder.lock():
                    atomic_write_bytes(file, age.encrypt_bytes(json_bytes(obj), [vault_key.recipient]))
                count += 1
        if count:
            self.folder.load_problems = [
                p for p in self.folder.load_problems if not p.path.startswith(PEOPLE)
            ]
        return count

    def revouch(self, person_id: str, scopes: set[str]) -> int:
        """The owner signs again, in the owner's name, every record, kept version and page text of
        *scopes* that *person_id* signed (the caller holds the lock): it stays accepted after that
        person may no longer write those parts. Returns how many files were signed again."""
        count = 0
        for folder in (RECORDS, TEXTS, *sync.VERSION_FOLDERS):
            for file in age_files(self.folder.path / folder):
                try:
                    raw, key = self.folder.decrypt_scoped(file)
                    obj = json.loads(raw)
                except (age.AgeError, OSError, ValueError):
                    continue
                if (
                    not isinstance(obj, dict)
                    or key.scope not in scopes
                    or authority.signer_of(obj) != person_id
                ):
                    continue
                if self.folder.signer_may_write(obj, key.scope) is not None and folder == RECORDS:
                    pass  # checked below against the signature itself
                who = self.folder.people.get(person_id)
                if who is None or not authority.check_object(obj, who.signing_key):
                    continue  # forged in their name: never vouched for
                data = self.folder.signed_json(obj)
                with self.folder.own_write(file):
                    atomic_write_bytes(
                        file, age.encrypt_bytes(data, [self.folder.write_keys[key.scope].recipient])
                    )
                count += 1
                if folder == RECORDS:
                    record = Record.from_dict(json.loads(data))
                    self.folder.remember(record)
                    try:
                        self.folder.cache.put(file.name, file_key(file.stat()), record.to_dict())
                    except FileNotFoundError:
                        pass
        return count

    def clean_interrupted_people(self) -> list[Problem]:
        """Remove what an interrupted add_person left: files of a person the signed info does not
        list, whose profile the owner signed. Returns what was done, one Problem a person."""
        if not self.folder.is_owner or self.folder.rolled_back:
            return []
        listed = set(self.folder.info.get("people", {}))
        notes: list[Problem] = []
        vault_keys = [k.identity for k in self.folder.keyring.keys if k.scope == VAULT_SCOPE]
        for file in age_files(self.folder.path / PEOPLE):
            if file.stem in listed:
                continue
            try:
                obj = json.loads(age.decrypt_bytes(read_small(file), vault_keys))
            except (age.AgeError, OSError, ValueError):
                continue
            if not isinstance(obj, dict) or not authority.check_object(obj, self.signing_key().public):
                continue  # not the owner's: verify reports it; never deleted silently
            for folder in (KEYS, KEYRINGS, PEOPLE):
                remove_file(self.folder.path / folder / f"{file.stem}.age")
            notes.append(
                Problem.of(f"{PEOPLE}/{file.name}", "person-addition-cleaned", name=str(obj.get("name", "")))
            )
        return notes

    def check_people_files(self) -> list[Problem]:
        """Key files and keyrings of people who are not in the vault (verify reports them)."""
        listed = set(self.folder.info.get("people", {}))
        problems = []
        for folder in (KEYS, KEYRINGS):
            for file in age_files(self.folder.path / folder):
                if file.stem not in listed:
                    problems.append(Problem.of(f"{folder}/{file.name}", "file-of-no-one"))
        return problems
