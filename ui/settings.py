"""The app's own settings on this computer (QSettings): recent vaults, who signed in, idle time, text size.

The settings file is plain text that any program of this user (and a backup) can read, so it holds
only opaque ids and paths: the recent vault folders, and per vault (under a hash of its path) the id
of the person who last unlocked it here. Never a person's name, a vault's title or anything else from
inside a vault: those are shown once the vault is unlocked. Names that older versions kept here
(the "people" group) are removed when the settings are opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 8
#: where versions before issue 10 kept "person id = name" per vault
LEGACY_NAMES_GROUP = "people"


#: the folder in Documents that holds the vaults made where the app suggests
APP_FOLDER = "MBC Vault"


def default_vault_path() -> Path:
    """Where a new vault is suggested: Documents/MBC Vault/My vault, where a person looks for their
    own files and what their backup copies (Qt knows each system's Documents folder)."""
    Location = QStandardPaths.StandardLocation
    documents = QStandardPaths.writableLocation(Location.DocumentsLocation)
    return Path(documents or QStandardPaths.writableLocation(Location.HomeLocation)) / APP_FOLDER / "My vault"


def demo_vault_path() -> Path:
    """The demo vault, beside the person's own: Documents/MBC Vault/Demo vault."""
    return default_vault_path().with_name("Demo vault")


def former_default_vault_path() -> Path | None:
    """Where versions before issue 14 suggested the vault: the app's data folder, which Qt names after
    the organization and the app, so "MBC Vault" twice (~/.local/share/MBC Vault/MBC Vault/My vault).
    A vault there is still found when no recent vault is remembered."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "My vault" if base else None


class AppSettings:
    """Typed access to QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()
        if LEGACY_NAMES_GROUP in self._s.childGroups():  # names written by older versions
            self._s.remove(LEGACY_NAMES_GROUP)
            self._s.sync()

    # recent vaults -------------------------------------------------------------
    def recent_vaults(self) -> list[str]:
        value = self._s.value("recent_vaults", [])
        items = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [p for p in items if Path(p).is_dir()]

    def add_recent_vault(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_vaults() if p != path]
        self._s.setValue("recent_vaults", [path, *items][:MAX_RECENT])

    # who unlocked here (an id only) ------------------------------------------------
    def remember_person(self, vault: str | Path, person_id: str) -> None:
        """Keep the id of the person who unlocked *vault* here: their key is tried first next time."""
        self._s.setValue(f"last_person/{_key(vault)}", person_id)

    def last_person(self, vault: str | Path) -> str | None:
        value = self._s.value(f"last_person/{_key(vault)}")
        return str(value) if value else None

    # preferences ---------------------------------------------------------------
    def idle_minutes(self) -> int:
        return _int(self._s.value("idle_minutes", 5))

    def set_idle_minutes(self, minutes: int) -> None:
        self._s.setValue("idle_minutes", int(minutes))

    def text_scale(self) -> int:
        """Text size in percent of the system font (100 to 200)."""
        return max(100, min(200, _int(self._s.value("text_scale", 100))))

    def set_text_scale(self, percent: int) -> None:
        self._s.setValue("text_scale", max(100, min(200, int(percent))))

    def pane_share(self, pane: str, default: float) -> float:
        """The part of the room the person gave a pane (e.g. the documents preview): a number only."""
        try:
            return float(str(self._s.value(f"pane_share/{pane}", default)))
        except ValueError:
            return default

    def set_pane_share(self, pane: str, share: float) -> None:
        self._s.setValue(f"pane_share/{pane}", round(float(share), 3))

    def language(self) -> str:
        return str(self._s.value("language", ""))

    def set_language(self, code: str) -> None:
        self._s.setValue("language", code)

    def demo_passphrase(self) -> str:
        """The demo vault holds only fictional records, so its passphrase may be kept here."""
        return str(self._s.value("demo_passphrase", ""))

    def set_demo_passphrase(self, passphrase: str) -> None:
        self._s.setValue("demo_passphrase", passphrase)

    def sync(self) -> None:
        self._s.sync()


def _key(vault: str | Path) -> str:
    import hashlib

    return hashlib.sha256(str(Path(vault).resolve()).encode()).hexdigest()[:16]


def _int(value: object) -> int:
    """A number setting: QSettings gives back the number stored, or its text once read from the file."""
    assert isinstance(value, int | float | str), "a number setting holds a number"
    return int(value)
