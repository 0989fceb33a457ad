"""People's keys: a passphrase-encrypted identity file per person and a keyring of scope keys.

keys/<person>.age      an age identity file (AGE-SECRET-KEY-1...), scrypt-encrypted with the
                       person's passphrase: the only stanza in its file, as the age spec requires.
keyrings/<person>.age  an age identity file holding the scope keys the person was granted,
                       encrypted to the person's X25519 key. Comment lines say which scope and
                       generation each key is, so `age -d -i` can use the file as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import age

_SCOPE_LINE = re.compile(r"^# scope=(?P<scope>[a-z-]+) generation=(?P<generation>\d+)$")


@dataclass
class ScopeKey:
    scope: str
    generation: int
    identity: age.X25519Identity

    @property
    def recipient(self) -> age.X25519Recipient:
        return self.identity.recipient()


def person_key_text(person_id: str, identity: age.X25519Identity) -> bytes:
    created = dt.datetime.now(dt.timezone.utc).date().isoformat()
    return (
        f"# MBC Vault person key\n# person={person_id}\n# created={created}\n{identity}\n"
    ).encode("ascii")


def parse_person_key(text: bytes, person_id: str) -> age.X25519Identity:
    """Read a decrypted person key file; it must name the person it belongs to (catches swapped files)."""
    decoded = text.decode("ascii")
    if f"# person={person_id}\n" not in decoded:
        raise ValueError("the key file belongs to another person")
    return age.parse_identities(decoded)[0]


@dataclass
class Keyring:
    keys: list[ScopeKey] = field(default_factory=list)

    def identities(self) -> list[age.X25519Identity]:
        """Newest generation first: new records are tried against the current key first."""
        return [k.identity for k in sorted(self.keys, key=lambda k: -k.generation)]

    def current(self, scope: str) -> ScopeKey | None:
        candidates = [k for k in self.keys if k.scope == scope]
        return max(candidates, key=lambda k: k.generation) if candidates else None

    def scopes(self) -> set[str]:
        return {k.scope for k in self.keys}

    def to_text(self) -> bytes:
        lines = ["# MBC Vault keyring: the scope keys this person holds"]
        for key in sorted(self.keys, key=lambda k: (k.scope, k.generation)):
            lines.append(f"# scope={key.scope} generation={key.generation}")
            lines.append(str(key.identity))
        return ("\n".join(lines) + "\n").encode("ascii")

    @classmethod
    def from_text(cls, text: bytes) -> "Keyring":
        keyring = cls()
        pending: tuple[str, int] | None = None
        for line in text.decode("ascii").splitlines():
            match = _SCOPE_LINE.match(line.strip())
            if match:
                pending = (match["scope"], int(match["generation"]))
            elif line.startswith("AGE-SECRET-KEY-1") and pending:
                keyring.keys.append(ScopeKey(pending[0], pending[1], age.X25519Identity.parse(line)))
                pending = None
        return keyring
