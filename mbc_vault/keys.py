"""People's keys: a passphrase-encrypted identity file per person and a keyring of scope keys.

keys/<person>.age      an age identity file (AGE-SECRET-KEY-1...), scrypt-encrypted with the
                       person's passphrase: the only stanza in its file, as the age spec requires.
                       Comment lines name the person and the vault, and hold the owner's public
                       signing key: the person's trust anchor, which only their passphrase opens.
keyrings/<person>.age  an age identity file holding the scope keys the person was granted and
                       their signing key, encrypted to the person's X25519 key and signed by the
                       owner (a last comment line). Comment lines say which scope and generation
                       each key is, so `age -d -i` can use the file as it is.

Both are read and written as bytearrays that are wiped when done (age/secret.py): a secret key or
the signing key never becomes a `str`; `wipe()` on a Keyring, ScopeKey or PersonKey overwrites the
keys it holds (the vault does so on close).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import age
from .authority import SigningKey, sign_text, signed_length, verify
from .errors import IntegrityError, NotAVault, WrongPassphrase
from .fsutil import atomic_write_bytes
from .layout import KEYS, age_files, read_small

log = logging.getLogger(__name__)
#: letters and digits that cannot be mistaken for one another when read aloud or written down
SETUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SETUP_GROUPS, SETUP_GROUP_LEN = 6, 4

_SCOPE_LINE = re.compile(r"^# scope=(?P<scope>[a-z-]+) generation=(?P<generation>\d+)$")
_FIELD_LINE = re.compile(r"^# (?P<name>person|vault|owner|epoch|signing-key)=(?P<value>[0-9a-zA-Z-]+)$")


@dataclass
class ScopeKey:
    scope: str
    generation: int
    identity: age.X25519Identity

    @property
    def recipient(self) -> age.X25519Recipient:
        return self.identity.recipient()


@dataclass
class PersonKey:
    """What a person's key file holds."""

    identity: age.X25519Identity
    vault_id: str = ""
    #: the owner's public signing key (hex); empty in a key file written before format 2
    owner_key: str = ""


_SIGNING_KEY = b"# signing-key="


@contextmanager
def _lines(text: bytes | bytearray | memoryview) -> Iterator[list[tuple[bytearray, bytearray]]]:
    """The (line, stripped line) pairs of a decrypted key file or keyring, as bytearrays wiped after."""
    own = bytearray(text)
    lines = own.splitlines()
    stripped = [line.strip() for line in lines]
    try:
        yield list(zip(lines, stripped, strict=True))
    finally:
        age.wipe(own, *lines, *stripped)


def _comment(line: bytearray) -> str:
    """A line that holds no secret, as text (never call it on a key line or the signing-key line)."""
    return line.decode("ascii")


def person_key_text(
    person_id: str, identity: age.X25519Identity, *, vault_id: str = "", owner_key: str = ""
) -> bytearray:
    """The text of a person's key file, for the caller to wipe (age.encrypt_secret does)."""
    created = dt.datetime.now(dt.UTC).date().isoformat()
    lines = ["# MBC Vault person key", f"# person={person_id}"]
    if vault_id:
        lines.append(f"# vault={vault_id}")
    if owner_key:
        lines.append(f"# owner={owner_key}")
    lines.append(f"# created={created}")
    key = identity.secret_text()
    try:
        return age.join([("\n".join(lines) + "\n").encode("ascii"), key, b"\n"])
    finally:
        age.wipe(key)


def parse_person_key(text: bytes | bytearray, person_id: str) -> PersonKey:
    """Read a decrypted person key file; it must name the person it belongs to (catches swapped files)."""
    if not text.isascii():
        raise ValueError("a key file is ASCII text")
    if f"# person={person_id}\n".encode("ascii") not in text:
        raise ValueError("the key file belongs to another person")
    fields = {}
    with _lines(text) as lines:
        for _, line in lines:
            if line.startswith(b"#") and not line.startswith(_SIGNING_KEY):
                match = _FIELD_LINE.match(_comment(line))
                if match:
                    fields[match["name"]] = match["value"]
    return PersonKey(age.parse_identities(text)[0], fields.get("vault", ""), fields.get("owner", ""))


@dataclass
class Keyring:
    keys: list[ScopeKey] = field(default_factory=list)
    #: the person's own signing key (None in a keyring written before format 2)
    signing_key: SigningKey | None = None
    person_id: str = ""
    vault_id: str = ""
    #: the vault info epoch the owner wrote this keyring at
    epoch: int = 0
    #: whether the owner's signature on the file checked out (set by from_text with owner_key)
    signed: bool = False

    def wipe(self) -> None:
        """Overwrite every key this keyring holds (scope keys, the signing key) and forget them."""
        for key in self.keys:
            key.identity.wipe()
        if self.signing_key is not None:
            self.signing_key.wipe()
        self.keys = []
        self.signing_key = None

    def identities(self) -> list[age.X25519Identity]:
        """Newest generation first: new records are tried against the current key first."""
        return [k.identity for k in sorted(self.keys, key=lambda k: -k.generation)]

    def current(self, scope: str) -> ScopeKey | None:
        candidates = [k for k in self.keys if k.scope == scope]
        return max(candidates, key=lambda k: k.generation) if candidates else None

    def scopes(self) -> set[str]:
        return {k.scope for k in self.keys}

    def to_text(self, owner_signing_key: SigningKey | None = None) -> bytearray:
        """The keyring's text (signed with *owner_signing_key*), for the caller to wipe
        (age.encrypt_secret does)."""
        lines = ["# MBC Vault keyring: the scope keys this person holds"]
        if self.person_id:
            lines.append(f"# person={self.person_id}")
        if self.vault_id:
            lines.append(f"# vault={self.vault_id}")
        if owner_signing_key is not None:
            lines.append(f"# epoch={self.epoch}")
        parts: list[bytes | bytearray | memoryview] = [("\n".join(lines) + "\n").encode("ascii")]
        held: list[bytearray] = []
        if self.signing_key is not None:
            held.append(self.signing_key.seed_hex())
            parts += [_SIGNING_KEY, held[-1], b"\n"]
        for key in sorted(self.keys, key=lambda k: (k.scope, k.generation)):
            held.append(key.identity.secret_text())
            parts += [
                f"# scope={key.scope} generation={key.generation}\n".encode("ascii"),
                held[-1],
                b"\n",
            ]
        text = age.join(parts)
        age.wipe(*held)
        if owner_signing_key is None:
            return text
        try:
            return sign_text(text, owner_signing_key)
        finally:
            age.wipe(text)

    @classmethod
    def decrypt(cls, data: bytes, identity: age.X25519Identity, owner_key: str | None = None) -> Keyring:
        """The keyring in the encrypted file *data*, opened with *identity* (see from_text); its
        decrypted text is wiped."""
        text = age.decrypt_secret(data, [identity])
        try:
            return cls.from_text(text, owner_key)
        finally:
            age.wipe(text)

    @classmethod
    def from_text(cls, text: bytes | bytearray, owner_key: str | None = None) -> Keyring:
        """Parse a keyring; with *owner_key* (hex), `signed` says whether the owner signed it. The text
        is read as bytearrays that are wiped: no key in it becomes a `str`."""
        if not text.isascii():
            raise ValueError("a keyring is ASCII text")
        size, sig = signed_length(text)
        body = memoryview(text)[:size]
        keyring = cls()
        pending: tuple[str, int] | None = None
        with _lines(body) as lines:
            for line, stripped in lines:
                if line.startswith(b"AGE-SECRET-KEY-1"):
                    if pending:
                        keyring.keys.append(ScopeKey(*pending, age.X25519Identity.parse(line)))
                        pending = None
                    continue
                if stripped.startswith(_SIGNING_KEY):
                    seed = stripped[len(_SIGNING_KEY) :]
                    try:
                        keyring.signing_key = SigningKey.from_hex(seed)
                    finally:
                        age.wipe(seed)
                    continue
                match = _SCOPE_LINE.match(_comment(stripped))
                fieldm = _FIELD_LINE.match(_comment(stripped))
                if match:
                    pending = (match["scope"], int(match["generation"]))
                elif fieldm:
                    name, value = fieldm["name"], fieldm["value"]
                    if name == "person":
                        keyring.person_id = value
                    elif name == "vault":
                        keyring.vault_id = value
                    elif name == "epoch":
                        keyring.epoch = int(value)
        if owner_key and sig is not None:
            keyring.signed = verify(owner_key, body, sig)
        return keyring


# ----------------------------------------------------------------- setup codes
def new_setup_code() -> str:
    """A one-time code to read aloud: 6 groups of 4 (about 119 bits), e.g. "K7QM-3RTA-..."."""
    return "-".join(
        "".join(secrets.choice(SETUP_ALPHABET) for _ in range(SETUP_GROUP_LEN)) for _ in range(SETUP_GROUPS)
    )


def normalize_setup_code(text: str) -> str | None:
    """The canonical form of a setup code typed loosely (lower case, spaces, no dashes), or None
    if *text* does not look like a setup code. A passphrase is given here on every unlock: it is read
    a character at a time and given up at its first character that no code has, so no upper-cased
    copy of it is made."""
    size = SETUP_GROUPS * SETUP_GROUP_LEN
    compact: list[str] = []
    for char in text:
        for upper in char.upper():
            if upper in " -\t":
                continue
            upper = {"0": "O", "1": "I"}.get(upper, upper)  # never in codes; forgive the look-alikes
            if upper not in SETUP_ALPHABET or len(compact) == size:
                return None
            compact.append(upper)
    if len(compact) != size:
        return None
    return "-".join("".join(compact[i : i + SETUP_GROUP_LEN]) for i in range(0, size, SETUP_GROUP_LEN))


# ----------------------------------------------------------------- key files
def write_person_key(
    root: Path,
    person_id: str,
    identity: age.X25519Identity,
    passphrase: str,
    work_factor: int,
    *,
    vault_id: str = "",
    owner_key: str = "",
) -> None:
    secret = age.utf8(passphrase)  # handed to scrypt, then wiped
    try:
        data = age.encrypt_secret(
            person_key_text(person_id, identity, vault_id=vault_id, owner_key=owner_key),
            [age.ScryptRecipient(secret, work_factor)],
        )
    finally:
        age.wipe(secret)
    atomic_write_bytes(root / KEYS / f"{person_id}.age", data)


def person_ids(path: str | os.PathLike[str]) -> list[str]:
    """Ids of the people who have a key in the vault (no names: those are encrypted)."""
    return [p.stem for p in age_files(Path(path) / KEYS)]


#: the most scrypt work an unlock spends on a key file it was not pointed at (what this program writes).
#: A constant, not a field of the owner-signed vault info: that info is encrypted to a key that only an
#: unlocked key file leads to, so it cannot bound the scrypt run before it (docs/vault-format.md)
UNNAMED_MAX_WORK_FACTOR = age.DEFAULT_SCRYPT_WORK_FACTOR


def unlock_key(path: Path, passphrase: str, person_id: str | None = None) -> tuple[str, PersonKey]:
    """Find whose key file *passphrase* opens (trying *person_id* first) and read it."""
    candidates = person_ids(path)
    if not candidates:
        raise NotAVault("no-keys", path=path)
    if person_id in candidates:
        candidates.remove(person_id)
        candidates.insert(0, person_id)
    passphrases = [age.utf8(passphrase)]  # handed to scrypt, wiped when done
    code = normalize_setup_code(passphrase)
    if code is not None and code != passphrase:  # a setup code typed loosely (lower case, no dashes)
        passphrases.append(age.utf8(code))
    try:
        return _unlock_with(path, candidates, passphrases, person_id)
    finally:
        age.wipe(*passphrases)


def _unlock_with(
    path: Path, candidates: list[str], passphrases: list[bytearray], person_id: str | None
) -> tuple[str, PersonKey]:
    unreadable: list[str] = []
    slow: list[str] = []
    for candidate in candidates:
        key_path = path / KEYS / f"{candidate}.age"
        # a key file planted with a huge work factor must not make every unlock slow: only the person
        # named (remembered on this computer, or --person) may have more than this program writes
        limit = age.MAX_SCRYPT_WORK_FACTOR if candidate == person_id else UNNAMED_MAX_WORK_FACTOR
        scrypt = [age.ScryptIdentity(secret, limit) for secret in passphrases]
        try:
            text = age.decrypt_secret(read_small(key_path), scrypt)
        except age.NoIdentityMatch:
            continue
        except age.WorkFactorTooHigh:
            slow.append(f"{KEYS}/{key_path.name}")
            continue
        except (age.HMACError, age.PayloadError):
            # the passphrase unwrapped this file's key, so it is right: the file was altered
            raise IntegrityError("key-file-damaged", path=str(key_path)) from None
        except (age.AgeError, OSError) as exc:
            log.warning("key file %s unusable: %s", key_path.name, type(exc).__name__)
            unreadable.append(f"{KEYS}/{key_path.name}")
            continue
        try:
            return candidate, parse_person_key(text, candidate)
        except (ValueError, age.AgeError):
            raise IntegrityError("key-file-not-theirs", path=str(key_path)) from None
        finally:
            age.wipe(text)
    if unreadable:
        raise WrongPassphrase("wrong-passphrase-or-damaged-key", files=", ".join(unreadable))
    if slow:
        raise WrongPassphrase("wrong-passphrase-or-slow-key", files=", ".join(slow))
    raise WrongPassphrase()
