"""People and sharing: the owner adds, changes and removes people; anyone changes their own
passphrase (a new identity key), which the owner takes in."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from . import age
from .categories import ALL_SCOPES, SCOPES, VAULT_SCOPE
from .errors import InvalidValue, PermissionDenied
from .folder import VaultFolder
from .fsutil import atomic_write_bytes, remove_file
from .keys import new_setup_code, write_person_key
from .layout import (
    KEYRINGS,
    KEYS,
    PEOPLE,
    REQUESTS,
    ROTATION,
    Problem,
    age_files,
    json_bytes,
    read_small,
)
from .owner import OwnerKeys
from .people import Person, check_scopes, member_signing_key, profile_object
from .progress import CancelFlag, ProgressFn
from .rotation import Rotation, RotationReport

log = logging.getLogger(__name__)


class PeopleAdmin:
    """Who may open the vault, and with which parts."""

    def __init__(self, folder: VaultFolder, owner: OwnerKeys, rotation: Rotation) -> None:
        self.folder, self.owner, self.rotation = folder, owner, rotation

    # ------------------------------------------------------------------ people
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
        """Add someone who may open the vault with the given scopes.

        Their key file is encrypted with *passphrase*, or, if none is given, with a new one-time
        setup code (returned) that they turn into a passphrase of their own at first unlock.
        """
        self.owner.require_owner()
        name = (name or "").strip()
        if not name:
            raise InvalidValue("person-name-empty")
        if passphrase is not None and not passphrase:
            raise InvalidValue("passphrase-empty")
        granted = check_scopes(scopes)
        from .records import new_id

        identity = age.X25519Identity.generate()
        setup_code = None if passphrase is not None else new_setup_code()
        pid = new_id()
        person = Person(
            id=pid,
            name=name,
            role="member",
            relationship=(relationship or "").strip(),
            scopes=granted,
            can_edit=bool(can_edit),
            created=self.folder.now(),
            recipient=str(identity.recipient()),
            setup_pending=setup_code is not None,
            signing_key=member_signing_key(self.owner.signing_key(), pid).public,
        )
        with self.folder.lock():
            # profile copy, keyring and key file first, the signed info that lists them last: a crash
            # before it leaves an unlisted person (known by the owner-signed profile copy, written
            # first), whom the owner's next open cleans up
            signing = self.owner.signing_key()
            atomic_write_bytes(
                self.folder.path / PEOPLE / f"{person.id}.age",
                age.encrypt_bytes(
                    json_bytes(profile_object(person, self.folder.person.id, signing)),
                    [self.folder.write_keys[VAULT_SCOPE].recipient],
                ),
            )
            self.owner.write_keyring(person)
            write_person_key(
                self.folder.path,
                person.id,
                identity,
                passphrase if passphrase is not None else str(setup_code),
                work_factor,
                vault_id=self.folder.vault_id,
                owner_key=signing.public,
            )
            self.owner.publish([person])
        return person, setup_code

    def set_scopes(self, person_id: str, scopes: Iterable[str]) -> Person:
        self.owner.require_owner()
        granted = check_scopes(scopes)
        with self.folder.lock():
            person = self._member(person_id)
            lost = set(person.scopes) - set(granted)
            person = Person.from_obj({**person.to_obj(), "scopes": granted})
            self.owner.write_keyring(person)
            self.owner.publish([person])
            if lost:
                self.owner.revouch(person.id, lost)
        return person

    def _member(self, person_id: str) -> Person:
        person = self.folder.find_person(self.folder.find_person(person_id).id)
        if person.role == "owner" or person.id == self.folder.person.id:
            raise PermissionDenied("owner-access-fixed")
        return person

    def grant(self, person_id: str, scope: str) -> Person:
        """Give *person_id* the keys of *scope* (every generation, so older files open too)."""
        self.owner.require_owner()
        check_scopes([scope])
        person = self._member(self.folder.find_person(person_id).id)
        return self.set_scopes(person.id, [*person.scopes, scope])

    def revoke(
        self,
        person_id: str,
        scope: str,
        *,
        rotate: bool = False,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> Person:
        """Take *scope* from *person_id*. Without rotate, a copy of their keyring made earlier still
        opens the scope's files; with rotate, every file of the scope is re-encrypted to a new key."""
        self.owner.require_owner()
        check_scopes([scope])
        person = self._member(self.folder.find_person(person_id).id)
        person = self.set_scopes(person.id, [s for s in person.scopes if s != scope])
        if rotate:
            self.rotation.rotate_scopes([scope], progress=progress, cancel=cancel)
        return person

    def set_can_edit(self, person_id: str, can_edit: bool) -> Person:
        self.owner.require_owner()
        with self.folder.lock():
            person = self._member(person_id)
            person = Person.from_obj({**person.to_obj(), "can_edit": bool(can_edit)})
            self.owner.publish([person])
            if not can_edit:
                self.owner.revouch(person.id, set(SCOPES))
        return person

    def set_person_details(
        self, person_id: str, *, name: str | None = None, relationship: str | None = None
    ) -> Person:
        self.owner.require_owner()
        with self.folder.lock():
            person = self._member(person_id)
            person = Person.from_obj(person.to_obj())
            if name is not None:
                if not name.strip():
                    raise InvalidValue("person-name-empty")
                person.name = name.strip()
            if relationship is not None:
                person.relationship = relationship.strip()
            self.owner.publish([person])
        return person

    def remove_person(
        self,
        person_id: str,
        *,
        rotate: bool = True,
        progress: ProgressFn | None = None,
        cancel: CancelFlag | None = None,
    ) -> RotationReport | None:
        """Delete the person's key file, keyring and profile; with rotate (the default), rotate every
        scope they held (and the vault scope, which holds everyone's names) so that a copy they made
        earlier does not open the re-encrypted files. What they wrote is vouched for by the owner
        first, so it stays accepted after their signing key is gone."""
        self.owner.require_owner()
        person = self.folder.find_person(person_id)
        if person.role == "owner" or person.id == self.folder.person.id:
            raise PermissionDenied("owner-not-removable")
        held = [s for s in person.scopes if s in SCOPES]
        with self.folder.lock():
            self.owner.revouch(person.id, set(SCOPES))
            remove_file(self.folder.path / KEYS / f"{person.id}.age")  # first: they can no longer unlock
            remove_file(self.folder.path / KEYRINGS / f"{person.id}.age")
            former = {**self.folder.former_people, person.id: person.name}
            self.owner.publish(removed=[person.id], former=former)
            remove_file(self.folder.path / PEOPLE / f"{person.id}.age")
        if not rotate:
            return None
        return self.rotation.rotate_scopes([*held, VAULT_SCOPE], progress=progress, cancel=cancel)

    # ------------------------------------------------------------------ passphrase and identity
    def change_identity(self, new_passphrase: str, work_factor: int) -> str:
        """A new passphrase and a new X25519 identity key. The keyring is wrapped to both keys, then
        the key file is replaced, then the keyring is wrapped to the new key alone. The owner then
        makes new generations of every part (no file is re-encrypted), so an old copy of the key file
        with the old passphrase opens nothing written after the change. A member's change is taken in
        by the owner's next open (see take_in_requests), which does the same for the member's parts."""
        if self.folder.rolled_back:
            raise PermissionDenied("vault-rolled-back")
        owner = self.folder.is_owner
        if owner and (self.folder.path / ROTATION).exists():
            self.rotation.resume_rotation()
        new_identity = age.X25519Identity.generate()
        keyring_file = self.folder.path / KEYRINGS / f"{self.folder.person.id}.age"
        with self.folder.lock():
            signed_text = age.decrypt_bytes(read_small(keyring_file), [self.folder.identity])
            atomic_write_bytes(
                keyring_file,
                age.encrypt_bytes(signed_text, [self.folder.identity.recipient(), new_identity.recipient()]),
            )
            write_person_key(
                self.folder.path,
                self.folder.person.id,
                new_identity,
                new_passphrase,
                work_factor,
                vault_id=self.folder.vault_id,
                owner_key=self.folder.owner_key,
            )
            atomic_write_bytes(keyring_file, age.encrypt_bytes(signed_text, [new_identity.recipient()]))
            self.folder.identity = new_identity
            self.folder.cache.rewrap(new_identity)
            if not owner:
                self._write_request(new_identity)
        if owner:
            me = Person.from_obj({**self.folder.person.to_obj(), "recipient": str(new_identity.recipient())})
            with self.folder.lock():
                self.owner.publish([me])
                self.folder.person = me
            self.rotation.rotate_scopes(list(ALL_SCOPES), reencrypt=False)
            return (
                "Your old passphrase no longer opens this vault, and an old copy of your key file opens "
                "nothing written from now on. Save a new emergency kit: the old one holds the old key."
            )
        return (
            "Your old passphrase no longer opens this vault. An old copy of your key file opens nothing "
            "written after the vault's owner next opens the vault. Save a new emergency kit: the old one "
            "holds the old key."
        )

    def _write_request(self, identity: age.X25519Identity) -> None:
        """A member's signed note to the owner: their new public key, and that their setup code is gone."""
        obj = {
            "type": "key-change",
            "person": self.folder.person.id,
            "vault_id": self.folder.vault_id,
            "recipient": str(identity.recipient()),
            "setup_done": True,
            "created": self.folder.now(),
        }
        (self.folder.path / REQUESTS).mkdir(exist_ok=True)
        atomic_write_bytes(
            self.folder.path / REQUESTS / f"{self.folder.person.id}.age",
            age.encrypt_bytes(self.folder.signed_json(obj), [self.folder.write_keys[VAULT_SCOPE].recipient]),
        )
        self.folder.person.setup_pending = False

    def _already_taken_in(self, file: Path) -> bool:
        """A request left by an interrupted take-in: the signed details already hold its new key."""
        person = self.folder.people.get(file.stem)
        try:
            vault_keys = [k.identity for k in self.folder.keyring.keys if k.scope == VAULT_SCOPE]
            obj = json.loads(age.decrypt_bytes(read_small(file), vault_keys))
        except (age.AgeError, OSError, ValueError):
            return False
        return person is not None and isinstance(obj, dict) and obj.get("recipient") == person.recipient

    def take_in_requests(self) -> list[Problem]:
        """The owner takes in members' passphrase changes: their new public key goes into their signed
        details, they get a new signing key (what they signed with the old one is vouched for by the
        owner first, so an old copy of their key file signs nothing that is accepted), their parts get
        new key generations (nothing is re-encrypted), and the note is removed."""
        if not self.folder.is_owner or self.folder.rolled_back:
            return []
        notes = self.owner.clean_interrupted_people()
        self.owner.repair_profile_files()
        changed, scopes = [], set()
        for file in age_files(self.folder.path / REQUESTS):
            if self._already_taken_in(file):
                remove_file(file)
                continue
            obj = self.folder.pending_request(file.stem)
            if obj is None:
                notes.append(Problem.of(f"{REQUESTS}/{file.name}", "request-not-from-person"))
                continue
            person = self.folder.people[file.stem]
            version = person.key_version + 1
            changed.append(
                Person.from_obj(
                    {
                        **person.to_obj(),
                        "recipient": str(obj["recipient"]),
                        "setup_pending": False,
                        "key_version": version,
                        "signing_key": member_signing_key(
                            self.owner.signing_key(), person.id, version
                        ).public,
                    }
                )
            )
            scopes |= set(person.scopes) | {VAULT_SCOPE}
        if changed:
            with self.folder.lock():
                for person in changed:  # first: what they signed with the old key stays accepted
                    self.owner.revouch(person.id, set(SCOPES))
                self.owner.publish(changed)
                for person in changed:
                    self.owner.write_keyring(person)
            self.rotation.rotate_scopes(sorted(scopes), reencrypt=False)
            for person in changed:
                remove_file(self.folder.path / REQUESTS / f"{person.id}.age")
        self.folder.load_problems.extend(notes)
        return notes
