"""Shared fixtures. Vaults made here use a low scrypt work factor (2^12) so tests run fast;
the format and code paths are the same as with the default 2^18."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mbc_vault.vault import Vault

DATA = Path(__file__).parent / "data"
PASSPHRASE = "correct horse battery staple"
TEST_WORK_FACTOR = 12


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings of every test inside its own temporary folder."""
    monkeypatch.setenv("MBC_VAULT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("MBC_VAULT_PASSPHRASE", raising=False)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.create(vault_path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    yield v
    v.close()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; `make test` installs it (Debian package)")
    return path


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp):  # type: ignore[no-untyped-def]
    """Create the QApplication first: core code that renders PDFs or charts would otherwise make a
    plain QGuiApplication, after which no test could create widgets."""
    yield qapp
