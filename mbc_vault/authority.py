"""Who wrote what: Ed25519 signatures over the vault's keys, people and records.

Anyone who can write the vault folder can encrypt a file to any public key they know, so
encryption alone says nothing about who wrote a file. Every file that decides who holds which
key, and every record, therefore carries a signature inside its encrypted payload:

- the owner signs the vault info (``info.age``: the format, the vault id, an epoch that grows with
  every change of keys or people, each part's current key generation and public key, and the hash
  of every person's profile), every profile and every keyring;
- each person signs the records and page texts they write with their own signing key, which the
  owner gave them in their (owner-signed) keyring. A record is accepted only if its signer may
  edit its part (see vault-format.md, "Authorship"); the owner may vouch for any record.

The trust anchor is the owner's public signing key written in each person's passphrase-protected
key file (``# owner=...``): nobody without that person's passphrase can change it.

Signed JSON objects carry a ``signature`` field {"by": <person id>, "sig": <hex>} over the
canonical encoding of every other field (UTF-8, sorted keys, Python's default separators), so the
files stay plain JSON that the recovery steps can read with the stock age tool.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from . import age

SIGNATURE = "signature"


class SigningKey:
    """A person's Ed25519 signing key. Its seed is a bytearray of its own, overwritten by `wipe()`
    (see age/secret.py); after that it signs nothing."""

    def __init__(self, seed: bytes | bytearray) -> None:
        if len(seed) != 32:
            raise ValueError("a signing key is 32 bytes")
        self.seed = bytearray(seed)
        self._key: Ed25519PrivateKey | None = Ed25519PrivateKey.from_private_bytes(self.seed)
        self.public = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(
            Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        )

    @classmethod
    def from_hex(cls, text: str | bytes | bytearray) -> SigningKey:
        """The key whose seed *text* spells in hex; bytes-like text is read without a `str` copy."""
        seed = bytearray(bytes.fromhex(text)) if isinstance(text, str) else age.unhex(text)
        try:
            return cls(seed)
        finally:
            age.wipe(seed)

    def seed_hex(self) -> bytearray:
        """The seed in hex, as a bytearray for the caller to wipe (a keyring's signing-key line)."""
        return age.hexlify(self.seed)

    def sign(self, data: bytes | bytearray | memoryview) -> str:
        if self._key is None:
            raise ValueError("this signing key was wiped (the vault was locked)")
        return self._key.sign(data).hex()

    def mac_key(self, label: bytes) -> bytes:
        """A secret derived from this key for MACs only its holder checks (the rotation record)."""
        digest = hashlib.sha256(b"mbc-vault signing-key mac v2\x00" + label + b"\x00")
        digest.update(self.seed)  # not `+ self.seed`: that would leave a bytes copy of the seed
        return digest.digest()

    def wipe(self) -> None:
        """Overwrite the seed and let go of the key."""
        age.wipe(self.seed)
        self._key = None


_PUBLIC_CACHE: dict[str, Ed25519PublicKey] = {}
_CACHE_LOCK = threading.Lock()


def verify(public_hex: str, data: bytes | bytearray | memoryview, sig_hex: str) -> bool:
    """Whether *sig_hex* is *public_hex*'s signature of *data* (never raises for bad input)."""
    try:
        key = _PUBLIC_CACHE.get(public_hex)
        if key is None:
            key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
            with _CACHE_LOCK:
                _PUBLIC_CACHE[public_hex] = key
        key.verify(bytes.fromhex(sig_hex), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def canonical(obj: Mapping[str, Any]) -> bytes:
    """The bytes a signature covers: every field but the signature, sorted keys, UTF-8."""
    return json.dumps(
        {k: v for k, v in obj.items() if k != SIGNATURE}, ensure_ascii=False, sort_keys=True
    ).encode("utf-8")


def sign_object(obj: dict[str, Any], signer_id: str, key: SigningKey) -> dict[str, Any]:
    """Add (or replace) the signature of *obj*; returns it."""
    obj.pop(SIGNATURE, None)
    obj[SIGNATURE] = {"by": signer_id, "sig": key.sign(canonical(obj))}
    return obj


def signer_of(obj: Mapping[str, Any]) -> str | None:
    sig = obj.get(SIGNATURE)
    if isinstance(sig, dict) and isinstance(sig.get("by"), str):
        return sig["by"]
    return None


def check_object(obj: Mapping[str, Any], public_hex: str) -> bool:
    sig = obj.get(SIGNATURE)
    if not isinstance(sig, dict) or not isinstance(sig.get("sig"), str):
        return False
    return verify(public_hex, canonical(obj), sig["sig"])


# ----------------------------------------------------------------- records: signed bytes, MAC fast path
#: a record file's plaintext is the canonical JSON of its fields with the signature appended as
#: the last member, so the signed bytes are found by cutting, not by encoding the object again
_SEAL = b', "signature": '


def record_mac_key(signing: SigningKey) -> bytes:
    """A MAC key only the writer and the owner can compute (the owner derives every member's
    signing key). Checking a MAC costs microseconds, an Ed25519 signature about 140 here."""
    return signing.mac_key(b"record")


def seal(obj: dict[str, Any], signer_id: str, key: SigningKey) -> tuple[bytes, dict[str, Any]]:
    """(the bytes to store, the signature object) for *obj*: signed by *key*, MAC'd for the owner."""
    body = canonical(obj)
    sig = {
        "by": signer_id,
        "sig": key.sign(body),
        "mac": hmac.new(record_mac_key(key), body, hashlib.sha256).hexdigest(),
    }
    data = (
        body[:-1]
        + (_SEAL if len(body) > 2 else b'"signature": ')
        + json.dumps(sig, sort_keys=True).encode()
        + b"}"
    )
    return data, sig


def signed_part(raw: bytes, obj: Mapping[str, Any]) -> bytes:
    """The bytes the signature of *obj* (parsed from *raw*) covers: cut from *raw* when it was
    written by seal, else the canonical encoding of the object."""
    cut = raw.rfind(_SEAL)
    if cut > 0 and raw.endswith(b"}"):
        try:
            if json.loads(raw[cut + len(_SEAL) : -1]) == obj.get(SIGNATURE):
                return raw[:cut] + b"}"
        except ValueError:
            pass
    return canonical(obj)


def check_mac(body: bytes, sig: Mapping[str, Any], mac_key: bytes) -> bool:
    mac = sig.get("mac")
    return isinstance(mac, str) and hmac.compare_digest(
        mac, hmac.new(mac_key, body, hashlib.sha256).hexdigest()
    )


def check_bytes(body: bytes, sig: Mapping[str, Any], public_hex: str) -> bool:
    return isinstance(sig.get("sig"), str) and verify(public_hex, body, sig["sig"])


# ----------------------------------------------------------------- signed identity files (keyrings)
_SIG_LINE = "# signature="


def sign_text(text: bytes | bytearray, key: SigningKey) -> bytearray:
    """An identity file's text with a signature line appended (a comment to the stock age tool), in a
    new bytearray (the text holds secret keys: the caller wipes both)."""
    body = age.join([text, b"" if text.endswith(b"\n") else b"\n"])
    try:
        return age.join([body, f"{_SIG_LINE}{key.sign(body)}\n".encode("ascii")])
    finally:
        age.wipe(body)


def signed_length(text: bytes | bytearray) -> tuple[int, str | None]:
    """(how many first bytes of *text* are signed, the signature) of a text written by sign_text;
    (its whole length, None) if unsigned. Nothing of the signed part is copied."""
    end = len(text)
    while end and text[end - 1] == 0x0A:
        end -= 1
    cut = text.rfind(b"\n", 0, end)
    last = bytes(text[cut + 1 : end]).decode("ascii", "replace")  # the signature line: public
    if not last.startswith(_SIG_LINE):
        return len(text), None
    return cut + 1, last[len(_SIG_LINE) :].strip()


def split_signed_text(text: bytes) -> tuple[bytes, str | None]:
    """(the signed part, the signature) of a text written by sign_text; (text, None) if unsigned."""
    size, sig = signed_length(text)
    return (text, None) if sig is None else (text[:size], sig)
