"""A person of the vault and the owner-signed objects that say who holds which part.

- `Person`: id, name, relationship, role, the parts (scopes) they hold, whether they may edit,
  their public age key and public signing key, and whether a one-time setup code is pending.
- `profile_object` and `info_object`: the signed forms the owner writes (see owner.py, and
  docs/vault-format.md, "Keys, people and scopes" and "Authorship").
- `member_signing_key`: a member's signing key, derived from the owner's, so the owner can write
  their keyring again and check their records' MACs.

Adding, changing and removing people is in sharing.py; rotation in rotation.py.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from . import authority
from .authority import SigningKey
from .categories import SCOPES
from .errors import InvalidValue, PermissionDenied, RecordNotFound
from .keys import ScopeKey

ROLES = ("owner", "member")
_MEMBER_KEY_LABEL = b"mbc-vault member signing key v2\x00"


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
    #: which of the member's signing keys is current (member_signing_key); it changes with their passphrase
    key_version: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    _KNOWN = (
        "id",
        "name",
        "role",
        "relationship",
        "scopes",
        "can_edit",
        "created",
        "recipient",
        "setup_pending",
        "signing_key",
        "key_version",
    )

    def to_obj(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "extra"}
        data.update({k: v for k, v in self.extra.items() if k not in (authority.SIGNATURE, "seal")})
        return data

    def to_json(self) -> bytes:
        return json.dumps(self.to_obj(), ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_obj(cls, data: dict[str, Any]) -> Person:
        person = cls(
            **{k: v for k, v in data.items() if k in cls._KNOWN},
            extra={k: v for k, v in data.items() if k not in cls._KNOWN},
        )
        if not isinstance(person.id, str) or not isinstance(person.scopes, list):
            raise ValueError("a person's details need an id and a list of parts")
        return person

    @classmethod
    def from_json(cls, raw: bytes) -> Person:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("a person's details must be a JSON object")
        return cls.from_obj(data)

    def public_view(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "relationship": self.relationship,
            "scopes": sorted(self.scopes),
            "can_edit": self.can_edit,
            "created": self.created,
            "setup_pending": self.setup_pending,
        }


def member_signing_key(owner: SigningKey, person_id: str, version: int = 0) -> SigningKey:
    """A member's signing key, derived from the owner's (the owner can write their keyring again).
    *version* grows each time the owner takes in the member's passphrase change."""
    suffix = b"" if version == 0 else f"#{version}".encode("ascii")
    return SigningKey(
        hashlib.sha256(_MEMBER_KEY_LABEL + owner.seed + person_id.encode("ascii") + suffix).digest()
    )


def profile_object(person: Person, owner_id: str, owner: SigningKey) -> dict[str, Any]:
    return authority.sign_object(person.to_obj(), owner_id, owner)


def info_object(
    *,
    vault_id: str,
    name: str,
    created: str,
    epoch: int,
    owner: str,
    signing: SigningKey,
    keys: Iterable[ScopeKey],
    people: dict[str, dict[str, Any]],
    former: dict[str, str],
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The owner-signed vault info: the format, the vault id, the epoch, each part's current key, the
    hash of every person's signed profile."""
    from .layout import FORMAT_VERSION

    current: dict[str, ScopeKey] = {}
    for key in keys:
        if key.scope not in current or key.generation > current[key.scope].generation:
            current[key.scope] = key
    obj = dict(extra or {})
    obj.update(
        {
            "type": "vault-info",
            "format": FORMAT_VERSION,
            "vault_id": vault_id,
            "name": name,
            "created": created,
            "epoch": epoch,
            "owner": owner,
            "owner_key": signing.public,
            "scopes": {
                s: {"generation": k.generation, "recipient": str(k.recipient)}
                for s, k in sorted(current.items())
            },
            # every person's signed details, in the one file that changes atomically
            "people": {pid: obj for pid, obj in sorted(people.items())},
            "former_people": dict(former),
        }
    )
    return authority.sign_object(obj, owner, signing)


def check_scopes(scopes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for scope in scopes:
        if scope not in SCOPES:
            raise InvalidValue("scope-unknown", scope=scope, choices=", ".join(SCOPES))
        if scope not in out:
            out.append(scope)
    return sorted(out)
