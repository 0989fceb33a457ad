"""The scrypt cap of an unlock (issue 11): a key file the unlock was not pointed at is skipped when it
asks for more work than keys.UNNAMED_MAX_WORK_FACTOR, what this program writes. The cap is a constant,
not a field of the owner-signed vault info, because that info can only be read after an unlock
(docs/vault-format.md); these tests hold both halves of that: the info is sealed to a key no
passphrase reaches, and a real key file one step above the cap is never tried by the real CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PASSPHRASE

from mbc_vault import age
from mbc_vault.age.header import read_header
from mbc_vault.keys import UNNAMED_MAX_WORK_FACTOR, write_person_key
from mbc_vault.layout import INFO, KEYS, work_factor_of
from mbc_vault.vault import Vault

CLI = str(Path(sys.executable).parent / "mbc-vault")
PLANTED = "0" * 20  # sorts before every real id: the unlock meets it first


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *map(str, args)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


def test_the_cap_is_what_this_program_writes() -> None:
    assert UNNAMED_MAX_WORK_FACTOR == age.DEFAULT_SCRYPT_WORK_FACTOR < age.MAX_SCRYPT_WORK_FACTOR


def test_the_vault_info_is_sealed_to_a_key_no_passphrase_reaches(vault: Vault, vault_path: Path) -> None:
    """So it cannot say how much scrypt work to allow before the unlock: only X25519 stanzas."""
    with open(vault_path / INFO, "rb") as handle:
        header = read_header(handle)
    assert header.stanzas and {stanza.type for stanza in header.stanzas} == {"X25519"}
    with open(vault_path / KEYS / f"{vault.person.id}.age", "rb") as handle:
        assert [stanza.type for stanza in read_header(handle).stanzas] == ["scrypt"]


def test_a_real_key_file_above_the_cap_is_never_tried_without_person(
    vault: Vault, vault_path: Path, passphrase_file: Path
) -> None:
    """A copy of the owner's own key under another id, one step above the cap, that the passphrase
    opens: had the CLI tried it, the open would fail (its id is not the one inside). The CLI opens
    the vault without --person and verify names the planted file."""
    write_person_key(
        vault_path,
        PLANTED,
        vault.folder.identity,
        PASSPHRASE,
        UNNAMED_MAX_WORK_FACTOR + 1,
        vault_id=vault.folder.vault_id,
        owner_key=vault.folder.owner_key,
    )
    vault.close()
    assert work_factor_of(vault_path / KEYS / f"{PLANTED}.age") == UNNAMED_MAX_WORK_FACTOR + 1
    result = run("verify", vault_path, "--passphrase-file", passphrase_file)
    out = result.stdout + result.stderr
    assert f"keys/{PLANTED}.age" in out and f"work factor {UNNAMED_MAX_WORK_FACTOR + 1}" in out, out
    assert "Traceback" not in out and "keyrings/" not in out  # the planted key was never used
    listed = run("list", vault_path, "--passphrase-file", passphrase_file)
    assert listed.returncode == 0, listed.stderr
