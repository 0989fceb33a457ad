"""The MBC Vault desktop app (PySide6)."""
