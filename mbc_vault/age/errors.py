"""Errors raised by the age implementation, one per failure class of the age spec."""


class AgeError(Exception):
    """Base class for every age failure."""


class HeaderError(AgeError):
    """The header is malformed or uses a forbidden combination of stanzas."""


class HMACError(HeaderError):
    """The header MAC does not match: the header was altered."""


class WorkFactorTooHigh(HeaderError):
    """A passphrase stanza asks for more scrypt work than the caller allows (a planted slow file)."""


class NoIdentityMatch(AgeError):
    """None of the given identities can open this file (wrong key or passphrase)."""


class PayloadError(AgeError):
    """The encrypted payload is damaged, truncated or has trailing data."""


class ArmorError(AgeError):
    """The ASCII armor is malformed."""
