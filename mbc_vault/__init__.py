"""MBC Vault core library: an encrypted, age-format records vault. Never imports QtWidgets."""

__version__ = "0.1.0"
