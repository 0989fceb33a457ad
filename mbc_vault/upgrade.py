"""Upgrading a vault of format 1 to format 2 (owner-signed keys and people, signed records).

Run by Vault.open when the owner opens a format-1 vault. Every step is an atomic write and the
whole upgrade is idempotent: killed at any instant, the next open by the owner starts it again
and ends in the same state. The owner's new signing key is kept in ``upgrade.age`` (encrypted to
the owner alone) until the marker says format 2, so a resumed upgrade uses the same key.

Order: upgrade.age, keyrings (signed), every record, page text and kept version signed again by
the owner (vouching for what format 1 could not attribute), profiles, the signed info, the
owner's key file with the trust anchor, and last the marker. Until the marker changes, a program
of format 1 still reads everything (the new fields are unknown fields it keeps).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from . import age, authority, sync
from . import layout as v
from .authority import SigningKey
from .categories import ALL_SCOPES, SCOPES, VAULT_SCOPE, scope_of
from .errors import IntegrityError, PermissionDenied
from .fsutil import atomic_write_bytes, remove_file, writer_lock
from .keys import Keyring, PersonKey, write_person_key
from .people import Person, info_object, member_signing_key, profile_object
from .progress import ProgressFn, Stage

UPGRADE = "upgrade.age"
_V1_SEAL_LABEL = b"mbc-vault owner seal v1\x00"


def _v1_seal_ok(person: dict[str, Any], owner: age.X25519Identity) -> bool:
    authority_bytes = json.dumps(
        {
            "id": person.get("id"),
            "role": person.get("role"),
            "scopes": sorted(person.get("scopes") or []),
            "can_edit": bool(person.get("can_edit")),
            "recipient": person.get("recipient"),
        },
        sort_keys=True,
    ).encode("utf-8")
    key = hashlib.sha256(_V1_SEAL_LABEL + owner.secret).digest()
    return hmac.compare_digest(
        str(person.get("seal", "")), hmac.new(key, authority_bytes, hashlib.sha256).hexdigest()
    )


def upgrade_vault(
    path: Path,
    vault_id: str,
    pid: str,
    key: PersonKey,
    passphrase: str,
    *,
    progress: ProgressFn | None = None,
) -> PersonKey:
    """Upgrade the vault at *path* if *pid* is its owner; raises PermissionDenied for anyone else."""
    identity = key.identity
    try:
        keyring = Keyring.decrypt(v.read_small(path / v.KEYRINGS / f"{pid}.age"), identity)
    except (age.AgeError, OSError, ValueError):
        raise IntegrityError("keyring-damaged-own") from None
    if not set(ALL_SCOPES) <= keyring.scopes():
        raise PermissionDenied("old-format-member")
    vault_ids = [k.identity for k in keyring.keys if k.scope == VAULT_SCOPE]
    with writer_lock(path / v.LOCK, timeout_s=30):
        signing = _upgrade_key(path, identity)
        profiles: dict[str, dict[str, Any]] = {}
        for file in v.age_files(path / v.PEOPLE):
            try:
                obj = json.loads(age.decrypt_bytes(v.read_small(file), vault_ids))
            except (age.AgeError, OSError, ValueError):
                continue
            if not isinstance(obj, dict) or obj.get("id") != file.stem:
                continue
            if _v1_seal_ok(obj, identity) or authority.check_object(obj, signing.public) or file.stem == pid:
                profiles[file.stem] = obj
        if pid not in profiles or profiles[pid].get("role") != "owner":
            raise PermissionDenied("old-format-member")
        people: dict[str, Person] = {}
        for person_id, obj in profiles.items():
            obj = {k: val for k, val in obj.items() if k not in ("seal", authority.SIGNATURE)}
            person = Person.from_obj(obj)
            person.signing_key = (
                signing.public if person_id == pid else member_signing_key(signing, person_id).public
            )
            if person_id == pid:
                person.role, person.scopes, person.can_edit = "owner", list(SCOPES), True
            people[person_id] = person
        current = {
            k.scope: k
            for k in keyring.keys
            if k.generation == max(g.generation for g in keyring.keys if g.scope == k.scope)
        }
        # 1. keyrings, signed by the owner
        keyring.signing_key, keyring.person_id, keyring.vault_id, keyring.epoch = signing, pid, vault_id, 1
        atomic_write_bytes(
            path / v.KEYRINGS / f"{pid}.age",
            age.encrypt_secret(keyring.to_text(signing), [identity.recipient()]),
        )
        for person in people.values():
            if person.id == pid or not person.recipient:
                continue
            wanted = set(person.scopes) | {VAULT_SCOPE}
            theirs = Keyring(
                [k for k in keyring.keys if k.scope in wanted],
                member_signing_key(signing, person.id),
                person.id,
                vault_id,
                1,
            )
            atomic_write_bytes(
                path / v.KEYRINGS / f"{person.id}.age",
                age.encrypt_secret(theirs.to_text(signing), [age.X25519Recipient.parse(person.recipient)]),
            )
        # 2. every record, page text and kept version: signed again by the owner
        by_public = {k.identity.public_key: k for k in keyring.keys}
        files = [
            f for folder in (v.RECORDS, v.TEXTS, *sync.VERSION_FOLDERS) for f in v.age_files(path / folder)
        ]
        for index, file in enumerate(files):
            _resign(file, keyring, by_public, current, pid, signing)
            if progress is not None:
                progress(index + 1, len(files), Stage.UPGRADE, "")
        # 3. profiles and the signed info
        signed_profiles = {p.id: profile_object(p, pid, signing) for p in people.values()}
        for person_id, obj in signed_profiles.items():
            atomic_write_bytes(
                path / v.PEOPLE / f"{person_id}.age",
                age.encrypt_bytes(v.json_bytes(obj), [current[VAULT_SCOPE].recipient]),
            )
        try:
            old_info = json.loads(age.decrypt_bytes(v.read_small(path / v.INFO), vault_ids))
            old_info = old_info if isinstance(old_info, dict) else {}
        except (age.AgeError, OSError, ValueError):
            old_info = {}
        info = info_object(
            vault_id=vault_id,
            name=str(old_info.get("name", "")),
            created=str(old_info.get("created", "")),
            epoch=1,
            owner=pid,
            signing=signing,
            keys=current.values(),
            people=signed_profiles,
            former={str(a): str(b) for a, b in (old_info.get("former_people") or {}).items()},
        )
        atomic_write_bytes(
            path / v.INFO, age.encrypt_bytes(v.json_bytes(info), [current[VAULT_SCOPE].recipient])
        )
        # 4. the owner's key file with the trust anchor, then the marker
        write_person_key(
            path,
            pid,
            identity,
            passphrase,
            v.work_factor_of(path / v.KEYS / f"{pid}.age"),
            vault_id=vault_id,
            owner_key=signing.public,
        )
        marker = v.marker_path(path)
        atomic_write_bytes(
            marker,
            (
                json.dumps(
                    {"format": v.FORMAT_NAME, "version": v.FORMAT_VERSION, "vault_id": vault_id}, indent=2
                )
                + "\n"
            ).encode(),
        )
        remove_file(path / UPGRADE)
    return PersonKey(identity, vault_id, signing.public)


def _upgrade_key(path: Path, identity: age.X25519Identity) -> SigningKey:
    file = path / UPGRADE
    try:
        data = json.loads(age.decrypt_bytes(file.read_bytes(), [identity]))
        return SigningKey.from_hex(str(data["signing"]))
    except FileNotFoundError:
        pass
    except (age.AgeError, OSError, ValueError, KeyError, TypeError):
        raise IntegrityError("upgrade-file-damaged", upgrade=UPGRADE) from None
    signing = SigningKey.generate()
    atomic_write_bytes(
        file, age.encrypt_bytes(json.dumps({"signing": signing.seed.hex()}).encode(), [identity.recipient()])
    )
    return signing


def _resign(
    file: Path,
    keyring: Keyring,
    by_public: dict[bytes, Any],
    current: dict[str, Any],
    pid: str,
    signing: SigningKey,
) -> None:
    """Sign one small file again in the owner's name, if it is of the part whose key opens it."""
    try:
        decryptor = age.Decryptor(__import__("io").BytesIO(v.read_small(file)), keyring.identities())
        obj = json.loads(decryptor.read_all())
    except (age.AgeError, OSError, ValueError):
        return  # damaged: verify reports it after the upgrade
    key = by_public.get(decryptor.public_key)
    if not isinstance(obj, dict) or key is None:
        return
    if "category" in obj:
        try:
            if scope_of(str(obj["category"])) != key.scope:
                return  # a record of another part under this key: never vouched for
        except ValueError:
            return
    obj.pop(authority.SIGNATURE, None)
    data = authority.seal(obj, pid, signing)[0]
    atomic_write_bytes(file, age.encrypt_bytes(data, [key.recipient]))
