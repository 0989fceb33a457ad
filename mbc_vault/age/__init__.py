"""A small, strict implementation of the age v1 file format (C2SP age) on `cryptography`.

Only X25519 and scrypt (passphrase) recipients are supported; other stanza types
(plugins, the post-quantum hybrid) are treated as "not for us".
"""

from .errors import (
    AgeError,
    ArmorError,
    HeaderError,
    HMACError,
    NoIdentityMatch,
    PayloadError,
    WorkFactorTooHigh,
)
from .recipients import (
    DEFAULT_SCRYPT_WORK_FACTOR,
    MAX_SCRYPT_WORK_FACTOR,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    parse_identities,
)
from .stream import CHUNK_SIZE, Decryptor, decrypt_bytes, decrypt_stream, encrypt_bytes, encrypt_stream

__all__ = [
    "AgeError",
    "ArmorError",
    "HeaderError",
    "WorkFactorTooHigh",
    "HMACError",
    "NoIdentityMatch",
    "PayloadError",
    "DEFAULT_SCRYPT_WORK_FACTOR",
    "MAX_SCRYPT_WORK_FACTOR",
    "ScryptIdentity",
    "ScryptRecipient",
    "X25519Identity",
    "X25519Recipient",
    "parse_identities",
    "CHUNK_SIZE",
    "Decryptor",
    "decrypt_bytes",
    "decrypt_stream",
    "encrypt_bytes",
    "encrypt_stream",
]
