"""Planted files cannot make opening slow (issue 11). A member who can write to the folder plants key
files with a huge scrypt work factor (each unlock attempt would take 21 s and 4 GB) and records whose
headers hold thousands of recipient stanzas (five took 16 s to open). The unlock skips key files it
was not pointed at when they ask for more work than this program writes, the age reader refuses
headers past 16 stanzas before any key work, and verify names each planted file.

The scrypt spy records the work factors asked for; it computes nothing above 18, so a regression fails
here at once instead of running for minutes."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest
from conftest import PASSPHRASE

from mbc_vault import age
from mbc_vault.age import recipients
from mbc_vault.errors import WrongPassphrase
from mbc_vault.vault import Vault


def _b64(count: int) -> str:
    return base64.b64encode(os.urandom(count)).decode().rstrip("=")


def _slow_key_file(work_factor: int = 22) -> bytes:
    """An age file whose only stanza is a passphrase stanza asking for 2**work_factor scrypt work."""
    header = f"age-encryption.org/v1\n-> scrypt {_b64(16)} {work_factor}\n{_b64(32)}\n--- {_b64(32)}\n"
    return header.encode() + os.urandom(64)


def _many_stanzas(count: int) -> bytes:
    lines = ["age-encryption.org/v1"]
    for _ in range(count):
        lines += [f"-> X25519 {_b64(32)}", _b64(32)]
    return ("\n".join(lines) + f"\n--- {_b64(32)}\n").encode() + os.urandom(64)


@pytest.fixture
def scrypt_spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asked: list[int] = []
    real = recipients._scrypt_key

    def spy(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
        asked.append(work_factor)
        if work_factor > age.DEFAULT_SCRYPT_WORK_FACTOR:
            raise RuntimeError(f"scrypt at work factor {work_factor} was started")
        return real(passphrase, salt, work_factor)

    monkeypatch.setattr(recipients, "_scrypt_key", spy)
    return asked


def _plant_slow_keys(vault_path: Path, count: int = 3) -> list[str]:
    names = []
    for number in range(count):
        name = f"{number:020x}.age"
        (vault_path / "keys" / name).write_bytes(_slow_key_file())
        names.append(f"keys/{name}")
    return names


def test_planted_slow_key_files_are_skipped_by_an_unlock_not_pointed_at_them(
    vault: Vault, vault_path: Path, scrypt_spy: list[int]
) -> None:
    vault.close()
    _plant_slow_keys(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as opened:
        assert opened.is_owner
    assert scrypt_spy and max(scrypt_spy) <= age.DEFAULT_SCRYPT_WORK_FACTOR


def test_a_wrong_passphrase_names_the_slow_files_it_skipped(
    vault: Vault, vault_path: Path, scrypt_spy: list[int]
) -> None:
    vault.close()
    planted = _plant_slow_keys(vault_path, 2)
    with pytest.raises(WrongPassphrase) as refused:
        Vault.open(vault_path, "not the passphrase at all")
    assert refused.value.code == "wrong-passphrase-or-slow-key"
    assert refused.value.params["files"] == ", ".join(planted)
    assert max(scrypt_spy) <= age.DEFAULT_SCRYPT_WORK_FACTOR


def test_the_named_person_may_have_a_slower_key_file(
    vault: Vault, vault_path: Path, scrypt_spy: list[int]
) -> None:
    """--person (or the person remembered on this computer) names the file: its own work factor is used."""
    vault.close()
    (name,) = _plant_slow_keys(vault_path, 1)
    with pytest.raises(RuntimeError, match="work factor 22 was started"):
        Vault.open(vault_path, PASSPHRASE, person_id=Path(name).stem)


def test_verify_names_each_planted_slow_key_file(vault: Vault, vault_path: Path) -> None:
    vault.close()
    planted = _plant_slow_keys(vault_path)
    with Vault.open(vault_path, PASSPHRASE) as opened:
        report = opened.verify()
    slow = [p for p in report.problems if p.error.code == "key-file-slow"]
    assert sorted(p.path for p in slow) == planted
    assert "scrypt work factor 22" in slow[0].message


def test_a_header_with_too_many_stanzas_is_refused_before_any_key_work() -> None:
    identity = age.X25519Identity.generate()
    tried: list[int] = []
    real = identity.unwrap

    class Counting:
        def unwrap(self, stanza: age.Stanza) -> bytes | None:
            tried.append(1)
            return real(stanza)

    with pytest.raises(age.HeaderError, match="more than 16 recipient stanzas"):
        age.decrypt_bytes(_many_stanzas(10_000), [Counting()])  # type: ignore[list-item]
    assert tried == []


def test_records_with_huge_headers_open_as_damaged_files_named_by_verify(
    vault: Vault, vault_path: Path
) -> None:
    kept = vault.add_document(io.BytesIO(b"kept note"), category="medical-other", original_name="k.txt")
    vault.close()
    planted = []
    for number in range(5):
        name = f"{number + 1:020x}.age"
        (vault_path / "records" / name).write_bytes(_many_stanzas(10_000))
        planted.append(f"records/{name}")
    with Vault.open(vault_path, PASSPHRASE, use_cache=False) as opened:
        assert [r.id for r in opened.records()] == [kept.id]
        report = opened.verify()
    assert sorted(p.path for p in report.problems) == planted
