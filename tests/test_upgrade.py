"""Issue 10: a vault of format 1 (tests/data/format1-vault, written by the program before format 2)
is upgraded on its owner's next open; members see a clear sentence until then; the stock `age`
CLI still recovers everything afterwards."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DATA, require_tool
from test_people import age_cli_scope_keys, age_decrypt

from mbc_vault import age
from mbc_vault.errors import PermissionDenied
from mbc_vault.vault import Vault

OWNER, LEE = "format one owner passphrase", "format one lee passphrase"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    path = tmp_path / "old-vault"
    shutil.copytree(DATA / "format1-vault", path)
    return path


def test_a_member_is_told_to_wait_for_the_owner(old_vault: Path) -> None:
    with pytest.raises(PermissionDenied) as raised:
        Vault.open(old_vault, LEE)
    assert raised.value.code == "old-format-member"
    assert str(raised.value) == (
        "This vault was made by an older version of MBC Vault. Its owner must open it once "
        "with this version before you can use it."
    )
    assert json.loads((old_vault / "MBC-VAULT.json").read_text())["version"] == 1  # nothing was changed


def test_the_owners_open_upgrades_and_everything_is_still_there(old_vault: Path, tmp_path: Path) -> None:
    with Vault.open(old_vault, OWNER) as owner:
        titles = {r.title for r in owner.records(kind=None)}
        assert titles == {"Liver biopsy", "My will", "Letrozole 2.5 mg", "Oncology visit", "Insurance card"}
        biopsy = next(r for r in owner.records() if r.title == "Liver biopsy")
        assert owner.page_texts(biopsy.id) == ["liver biopsy zebrawood"]
        assert owner.open_document(biopsy.id).read_all().startswith(b"%PDF-1.4 fictional pathology")
        report = owner.verify()
        assert report.ok, [p.describe() for p in report.problems]
        lee_id = next(p for p in owner.people.values() if p.name == "Lee Example").id
        card = next(r for r in owner.records() if r.title == "Insurance card")
        assert card.author == lee_id  # what Lee wrote still says so (vouched for by the owner)
    assert json.loads((old_vault / "MBC-VAULT.json").read_text())["version"] == 2
    assert not (old_vault / "upgrade.age").exists()
    with Vault.open(old_vault, LEE) as lee:  # takes the owner's key as its anchor at this first open
        assert {r.title for r in lee.records()} == {"My will", "Insurance card"}
        note = tmp_path / "note.txt"
        note.write_text("fictional note for the will")
        lee.add_document(note, category="will", title="Note")
    with Vault.open(old_vault, OWNER) as owner:
        assert "Note" in {r.title for r in owner.records()}
        assert owner.verify().ok


def test_recovery_with_stock_age_after_the_upgrade(old_vault: Path, tmp_path: Path) -> None:
    require_tool("age")
    with Vault.open(old_vault, OWNER) as owner:
        biopsy = next(r for r in owner.records() if r.title == "Liver biopsy")
        assert biopsy.document is not None
        expected = owner.open_document(biopsy.id).read_all()
        pid = owner.person.id
    keys = age_cli_scope_keys(tmp_path, old_vault, pid, OWNER)
    record = age_decrypt(keys, old_vault / "records" / f"{biopsy.id}.age")
    assert record.returncode == 0 and json.loads(record.stdout)["title"] == "Liver biopsy"
    document = age_decrypt(keys, old_vault / "documents" / f"{biopsy.document.id}.age")
    assert document.returncode == 0 and document.stdout == expected


def test_the_upgrade_signs_nothing_of_another_part(old_vault: Path) -> None:
    """A record planted before the upgrade with a medical category under the legal key (format 1
    could not tell) is not vouched for by the upgrade: it is reported, not listed."""
    with _legal_keyring(old_vault) as legal:
        fake = {
            "id": "feedfacefeedfacefeed",
            "category": "pathology-report",
            "kind": "document",
            "title": "Planted report",
            "revision": 1,
            "schema": 1,
        }
        (old_vault / "records" / "feedfacefeedfacefeed.age").write_bytes(
            age.encrypt_bytes(json.dumps(fake).encode(), [legal.recipient])
        )
    with Vault.open(old_vault, OWNER) as owner:
        assert "Planted report" not in {r.title for r in owner.records(kind=None)}
        assert any(p.record_id == "feedfacefeedfacefeed" for p in owner.verify().problems)


class _legal_keyring:
    """Lee's legal key in the format-1 vault, as Lee holds it."""

    def __init__(self, path: Path) -> None:
        from mbc_vault.keys import Keyring

        pid, identity = Vault.unlock_identity(path, LEE)
        ring = Keyring.from_text(
            age.decrypt_bytes((path / "keyrings" / f"{pid}.age").read_bytes(), [identity])
        )
        key = ring.current("legal")
        assert key is not None
        self.recipient = key.recipient

    def __enter__(self) -> _legal_keyring:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
