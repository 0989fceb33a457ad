"""X25519 and scrypt recipients and identities (age v1)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from . import bech32
from .errors import AgeError, HeaderError, WorkFactorTooHigh
from .header import Stanza, b64_decode_raw, b64_encode_raw

FILE_KEY_SIZE = 16
ZERO_NONCE = bytes(12)
X25519_LABEL = b"age-encryption.org/v1/X25519"
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
#: Work factor (log2 N) we write: about 0.6 s on the reference machine.
DEFAULT_SCRYPT_WORK_FACTOR = 18
#: Highest work factor we accept when decrypting (as Go age): caps time and memory.
MAX_SCRYPT_WORK_FACTOR = 22
_DECIMAL = re.compile(r"^[1-9][0-9]*$")


class Recipient(Protocol):
    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    def unwrap(self, stanza: Stanza) -> bytes | None:
        """Return the file key, None if this stanza is not for us; raise HeaderError if malformed."""
        ...


def _wrap_key(shared: bytes, salt: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=label).derive(shared)


def _open_body(key: bytes, body: bytes) -> bytes | None:
    if len(body) != FILE_KEY_SIZE + 16:
        raise HeaderError("wrapped file key has the wrong length")
    try:
        return ChaCha20Poly1305(key).decrypt(ZERO_NONCE, body, None)
    except InvalidTag:
        return None


@dataclass(frozen=True)
class X25519Recipient:
    public_key: bytes

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        try:
            hrp, data = bech32.decode(text.strip())
        except ValueError as exc:
            raise AgeError(f"invalid age recipient: {exc}") from None
        if hrp != "age" or len(data) != 32 or text.strip() != text.strip().lower():
            raise AgeError("invalid age recipient")
        return cls(data)

    def __str__(self) -> str:
        return bech32.encode("age", self.public_key)

    def wrap(self, file_key: bytes) -> list[Stanza]:
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(self.public_key))
        key = _wrap_key(shared, share + self.public_key, X25519_LABEL)
        body = ChaCha20Poly1305(key).encrypt(ZERO_NONCE, file_key, None)
        return [Stanza("X25519", [b64_encode_raw(share)], body)]


class X25519Identity:
    """An age X25519 secret key (AGE-SECRET-KEY-1...)."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != 32:
            raise AgeError("X25519 secret key must be 32 bytes")
        self.secret = secret
        self._key = X25519PrivateKey.from_private_bytes(secret)
        self.public_key = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @classmethod
    def generate(cls) -> X25519Identity:
        key = X25519PrivateKey.generate()
        return cls(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        text = text.strip()
        try:
            hrp, data = bech32.decode(text)
        except ValueError as exc:
            raise AgeError(f"invalid age secret key: {exc}") from None
        if hrp != "age-secret-key-" or len(data) != 32 or text != text.upper():
            raise AgeError("invalid age secret key")
        return cls(data)

    def __str__(self) -> str:
        return bech32.encode("age-secret-key-", self.secret).upper()

    def recipient(self) -> X25519Recipient:
        return X25519Recipient(self.public_key)

    def unwrap(self, stanza: Stanza) -> bytes | None:
        if stanza.type != "X25519":
            return None
        if len(stanza.args) != 1:
            raise HeaderError("X25519 stanza must have exactly one argument")
        share = b64_decode_raw(stanza.args[0])
        if len(share) != 32:
            raise HeaderError("X25519 share must be 32 bytes")
        if len(stanza.body) != FILE_KEY_SIZE + 16:
            raise HeaderError("X25519 wrapped file key has the wrong length")
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:  # low-order point: all-zero shared secret
            raise HeaderError("X25519 share is a low-order point") from None
        if shared == bytes(32):
            raise HeaderError("X25519 share is a low-order point")
        key = _wrap_key(shared, share + self.public_key, X25519_LABEL)
        return _open_body(key, stanza.body)


def _scrypt_key(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    kdf = Scrypt(salt=SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1)
    return kdf.derive(passphrase)


@dataclass(frozen=True)
class ScryptRecipient:
    passphrase: bytes
    work_factor: int = DEFAULT_SCRYPT_WORK_FACTOR

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(16)
        key = _scrypt_key(self.passphrase, salt, self.work_factor)
        body = ChaCha20Poly1305(key).encrypt(ZERO_NONCE, file_key, None)
        return [Stanza("scrypt", [b64_encode_raw(salt), str(self.work_factor)], body)]


@dataclass(frozen=True)
class ScryptIdentity:
    passphrase: bytes
    max_work_factor: int = MAX_SCRYPT_WORK_FACTOR

    def unwrap(self, stanza: Stanza) -> bytes | None:
        if stanza.type != "scrypt":
            return None
        if len(stanza.args) != 2:
            raise HeaderError("scrypt stanza must have exactly two arguments")
        salt = b64_decode_raw(stanza.args[0])
        if len(salt) != 16:
            raise HeaderError("scrypt salt must be 16 bytes")
        if not _DECIMAL.match(stanza.args[1]) or len(stanza.args[1]) > 2:
            raise HeaderError("scrypt work factor is not a valid number")
        work_factor = int(stanza.args[1])
        if work_factor > MAX_SCRYPT_WORK_FACTOR:  # beyond any file age itself writes: a header failure
            raise HeaderError(f"scrypt work factor {work_factor} is above the limit {MAX_SCRYPT_WORK_FACTOR}")
        if work_factor > self.max_work_factor:  # beyond what this caller allows (a planted slow file)
            limit = self.max_work_factor
            raise WorkFactorTooHigh(f"scrypt work factor {work_factor} is above the limit {limit}")
        if len(stanza.body) != FILE_KEY_SIZE + 16:
            raise HeaderError("scrypt wrapped file key has the wrong length")
        return _open_body(_scrypt_key(self.passphrase, salt, work_factor), stanza.body)


def parse_identities(text: str) -> list[X25519Identity]:
    """Parse an age identity file: AGE-SECRET-KEY-1 lines, '#' comments and blank lines."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            out.append(X25519Identity.parse(line))
        except AgeError:
            raise AgeError(f"line {number} of the identity file is not an age secret key") from None
    if not out:
        raise AgeError("the identity file holds no keys")
    return out
