"""Issue 10: a family member who can write the vault folder tries to break the sharing promise.

Each test performs the attack against the real vault (files written as the member could, with the
keys the member really holds), then checks that it is refused or reported and that nothing of the
owner's is lost. Where the stock `age` CLI proves a limit, it is used.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR, cli_env, require_tool
from test_people import age_cli_scope_keys, age_decrypt

from mbc_vault import age, authority
from mbc_vault.errors import IntegrityError, PermissionDenied
from mbc_vault.keys import Keyring, ScopeKey
from mbc_vault.messages import text
from mbc_vault.vault import Vault

LEE_PASS = "lee's own passphrase, legal only"
ALEX_PASS = "alex's own passphrase, medical"
WF = TEST_WORK_FACTOR


class Folder:
    """The owner's vault with a medical and a legal document, Lee (legal, may edit) and Alex (medical)."""

    def __init__(self, vault: Vault, path: Path) -> None:
        self.vault, self.path = vault, path
        self.scan = vault.add_document(
            io.BytesIO(b"%PDF-1.4 operative report, fictional " * 400),
            category="operative-report",
            title="Operative report",
            original_name="op.pdf",
        )
        self.will = vault.add_document(
            io.BytesIO(b"fictional will " * 100), category="will", title="My will", original_name="will.txt"
        )
        self.lee, _ = vault.add_person(
            "Lee", "brother", ["legal"], can_edit=True, passphrase=LEE_PASS, work_factor=WF
        )
        self.alex, _ = vault.add_person(
            "Alex", "partner", ["medical"], can_edit=True, passphrase=ALEX_PASS, work_factor=WF
        )

    def member_keys(self, pid: str, passphrase: str) -> Keyring:
        """What the member really holds: their keyring, opened with their own key file."""
        identity = Vault.unlock_identity(self.path, passphrase, pid)[1]
        return Keyring.from_text(
            age.decrypt_bytes((self.path / "keyrings" / f"{pid}.age").read_bytes(), [identity])
        )

    def info_as(self, keyring: Keyring) -> dict:
        vault_keys = [k.identity for k in keyring.keys if k.scope == "vault"]
        return json.loads(age.decrypt_bytes((self.path / "info.age").read_bytes(), vault_keys))

    def plant(self, rel: str, obj: dict, recipient: age.X25519Recipient) -> Path:
        file = self.path / rel
        file.write_bytes(age.encrypt_bytes(json.dumps(obj, sort_keys=True).encode(), [recipient]))
        return file


@pytest.fixture
def folder(vault: Vault, vault_path: Path) -> Folder:
    return Folder(vault, vault_path)


def cli(*args: str, input_pass: str = PASSPHRASE, tmp: Path) -> subprocess.CompletedProcess[str]:
    pw = tmp / "pw.txt"
    pw.write_text(input_pass + "\n")
    return subprocess.run(
        [sys.executable, "-m", "mbc_vault", *args, "--passphrase-file", str(pw)],
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(),
    )


# ------------------------------------------------------------------------- 1. forged owner keyring
def test_a_member_cannot_forge_the_owners_keyring(folder: Folder, vault_path: Path, tmp_path: Path) -> None:
    lee = folder.member_keys(folder.lee.id, LEE_PASS)
    info = folder.info_as(lee)
    owner_recipient = age.X25519Recipient.parse(info["people"][folder.vault.person.id]["recipient"])
    mine = Keyring(
        [ScopeKey(s, 9, age.X25519Identity.generate()) for s in ("medical", "care")] + lee.keys,
        lee.signing_key,
        folder.vault.person.id,
        folder.vault.vault_id,
        99,
    )
    keyring_file = vault_path / "keyrings" / f"{folder.vault.person.id}.age"
    good = keyring_file.read_bytes()
    keyring_file.write_bytes(age.encrypt_bytes(mine.to_text(lee.signing_key), [owner_recipient]))
    with pytest.raises(IntegrityError, match="keyring .* was not written by the vault's owner"):
        Vault.open(vault_path, PASSPHRASE)
    done = cli("verify", str(vault_path), tmp=tmp_path)
    assert done.returncode == 1 and "not written by the vault's owner" in done.stderr
    assert "Traceback" not in done.stderr
    keyring_file.write_bytes(good)  # the owner restores it: everything is there
    with Vault.open(vault_path, PASSPHRASE) as owner:
        assert {r.id for r in owner.records()} == {folder.scan.id, folder.will.id}
        assert owner.verify().ok


# ------------------------------------------------------------------------- 2. cross-part temp leak
def test_a_legal_record_pointing_at_a_medical_document_never_copies_it(
    folder: Folder, vault_path: Path
) -> None:
    lee_keys = folder.member_keys(folder.lee.id, LEE_PASS)
    scan = folder.vault.get(folder.scan.id)
    assert scan.document is not None
    with Vault.open(vault_path, LEE_PASS) as lee:  # Lee writes a legal record the honest way, then edits it
        bait = lee.add_document(
            io.BytesIO(b"insurance card, fictional"),
            category="insurance",
            title="Card",
            original_name="card.txt",
        )
    obj = json.loads(
        age.decrypt_bytes((vault_path / "records" / f"{bait.id}.age").read_bytes(), lee_keys.identities())
    )
    obj.update(
        {"document": {"id": scan.document.id, "nonce": scan.document.nonce}, "size": 10, "sha256": "0" * 64}
    )
    assert lee_keys.signing_key is not None
    authority.sign_object(obj, folder.lee.id, lee_keys.signing_key)  # a valid signature: Lee may edit legal
    folder.plant(f"records/{bait.id}.age", obj, lee_keys.current("legal").recipient)
    folder.vault.reload()
    before = set((vault_path / "documents").iterdir())
    with pytest.raises(IntegrityError, match="another part of the vault"):
        folder.vault.update_metadata(bait.id, category="clinical-note")
    report = folder.vault.rotate_scope("legal")
    assert any(p.record_id == bait.id for p in report.problems)
    assert not (vault_path / "rotation.age").exists()  # does not stay pending to leak on every open
    # nothing in documents/ (temporary files included) opens with any legal key Lee holds or gets now
    lee_now = folder.member_keys(folder.lee.id, LEE_PASS)
    for file in (vault_path / "documents").iterdir():
        try:
            plain = age.decrypt_bytes(file.read_bytes(), lee_now.identities())
        except age.AgeError:
            continue
        assert b"operative report" not in plain, file
    assert not [f for f in set((vault_path / "documents").iterdir()) - before if f.name.startswith(".tmp-")]
    assert folder.vault.open_document(folder.scan.id).read_all().startswith(b"%PDF-1.4 operative")


# ------------------------------------------------------------------------- 3. forged medical records
@pytest.mark.parametrize("how", ["category-under-legal-key", "medical-key", "replace-existing", "view-only"])
def test_a_member_cannot_plant_records_of_a_part_they_may_not_edit(
    folder: Folder, vault_path: Path, tmp_path: Path, how: str
) -> None:
    lee = folder.member_keys(folder.lee.id, LEE_PASS)
    info = folder.info_as(lee)
    medical = age.X25519Recipient.parse(info["scopes"]["medical"]["recipient"])
    rid = folder.scan.id if how == "replace-existing" else "1234567890abcdef1234"
    fake = {
        "id": rid,
        "category": "medication",
        "kind": "medication",
        "title": "Warfarin 50 mg three times a day",
        "data": {"name": "Warfarin", "dose": "50 mg"},
        "author": folder.lee.id,
        "modified_by": folder.lee.id,
        "revision": 7,
        "schema": 1,
        "created": "2026-01-01T00:00:00+00:00",
        "modified": "2026-01-01T00:00:00+00:00",
    }
    signer, key = folder.lee.id, lee.signing_key
    if how == "view-only":
        folder.vault.set_can_edit(folder.lee.id, False)
        fake.update({"category": "will", "kind": "document", "title": "A new will"})
        recipient = lee.current("legal").recipient
    elif how == "category-under-legal-key":
        recipient = lee.current("legal").recipient
    else:
        recipient = medical
    assert key is not None
    folder.plant(f"records/{rid}.age", authority.sign_object(fake, signer, key), recipient)
    with Vault.open(vault_path, PASSPHRASE, use_cache=False) as owner:
        assert rid not in {r.id for r in owner.records(kind=None, include_trashed=True)}
        assert any(p.record_id == rid for p in owner.load_problems)
    done = cli("verify", str(vault_path), tmp=tmp_path)
    assert done.returncode == 1 and rid in done.stdout + done.stderr
    with Vault.open(vault_path, ALEX_PASS) as alex:  # another member does not accept it either
        assert rid not in {r.id for r in alex.records(kind=None)}


# ------------------------------------------------------------------------- 4. rollback
def test_a_revoked_member_putting_back_their_profile_gets_nothing(
    folder: Folder, vault_path: Path, tmp_path: Path
) -> None:
    profile = vault_path / "people" / f"{folder.alex.id}.age"
    old_profile = profile.read_bytes()
    folder.vault.revoke(folder.alex.id, "medical", rotate=True)
    profile.write_bytes(old_profile)  # Alex puts back the profile that still said "medical"
    folder.vault.reload()
    assert folder.vault.people[folder.alex.id].scopes == []
    folder.vault.rotate_scope("medical")  # the next routine rotation
    new = folder.vault.add_document(
        io.BytesIO(b"new scan, fictional"), category="imaging-report", title="CT", original_name="ct.txt"
    )
    require_tool("age")
    keys = age_cli_scope_keys(tmp_path, vault_path, folder.alex.id, ALEX_PASS)
    assert age_decrypt(keys, vault_path / "records" / f"{new.id}.age").returncode != 0
    with Vault.open(vault_path, ALEX_PASS) as alex:
        assert new.id not in {r.id for r in alex.records(kind=None)}


def test_a_folder_rolled_back_to_an_older_state_is_reported_and_refused(
    folder: Folder, vault_path: Path, tmp_path: Path
) -> None:
    snapshot = tmp_path / "snapshot"
    shutil.copytree(vault_path, snapshot)  # the removed member kept this copy
    folder.vault.remove_person(folder.lee.id)
    folder.vault.close()
    shutil.rmtree(vault_path)
    shutil.copytree(snapshot, vault_path)  # ... and puts it back
    with Vault.open(vault_path, PASSPHRASE) as owner:
        assert owner.rolled_back
        assert any(p.message == text("vault-rolled-back") for p in owner.load_problems)
        with pytest.raises(PermissionDenied, match="went back to an older state"):
            owner.add_document(io.BytesIO(b"a new scan, fictional"), category="imaging-report", title="Scan")
        with pytest.raises(PermissionDenied, match="went back to an older state"):
            owner.rotate_scope("legal")
        assert {r.id for r in owner.records()} == {folder.scan.id, folder.will.id}  # still readable
    done = cli("verify", str(vault_path), tmp=tmp_path)
    assert done.returncode == 1 and "went back to an older state" in done.stdout + done.stderr


# ------------------------------------------------------------------------- 5. passwd
def test_an_old_key_file_opens_nothing_written_after_passwd(
    folder: Folder, vault_path: Path, tmp_path: Path
) -> None:
    require_tool("age")
    old_keys = (
        age_cli_scope_keys(tmp_path / "old", vault_path, folder.vault.person.id, PASSPHRASE)
        if (tmp_path / "old").mkdir() is None
        else None
    )
    assert old_keys is not None
    said = folder.vault.change_passphrase("a brand new passphrase", work_factor=WF)
    assert "opens nothing written from now on" in said
    later = folder.vault.add_document(
        io.BytesIO(b"written after the change, fictional"),
        category="will",
        title="Codicil",
        original_name="codicil.txt",
        page_texts=["codicil"],
    )
    assert later.document is not None
    for file in (
        vault_path / "records" / f"{later.id}.age",
        vault_path / "documents" / f"{later.document.id}.age",
        vault_path / "texts" / f"{later.id}.age",
    ):
        assert age_decrypt(old_keys, file).returncode != 0
    assert (
        age_decrypt(old_keys, vault_path / "records" / f"{folder.will.id}.age").returncode == 0
    )  # older: as before
    with Vault.open(vault_path, "a brand new passphrase") as owner:
        assert owner.verify().ok and later.id in {r.id for r in owner.records()}


def test_a_members_passwd_is_taken_in_by_the_owner(folder: Folder, vault_path: Path, tmp_path: Path) -> None:
    require_tool("age")
    (tmp_path / "old").mkdir()
    old_keys = age_cli_scope_keys(tmp_path / "old", vault_path, folder.lee.id, LEE_PASS)
    with Vault.open(vault_path, LEE_PASS) as lee:
        said = lee.change_passphrase("lee's new words", work_factor=WF)
        assert "after the vault's owner next opens the vault" in said
    folder.vault.close()
    with Vault.open(vault_path, PASSPHRASE) as owner:
        later = owner.add_document(
            io.BytesIO(b"after, fictional"), category="will", title="Later", original_name="later.txt"
        )
        assert not (vault_path / "requests" / f"{folder.lee.id}.age").exists()
    assert age_decrypt(old_keys, vault_path / "records" / f"{later.id}.age").returncode != 0
    with Vault.open(vault_path, "lee's new words") as lee:
        assert later.id in {r.id for r in lee.records()}


# ------------------------------------------------------------------------- 6. silent losses
def test_a_damaged_kept_version_is_reported(folder: Folder, vault_path: Path) -> None:
    (vault_path / "conflicts").mkdir(exist_ok=True)
    kept = vault_path / "conflicts" / f"{folder.will.id}-0123456789abcdef.age"
    shutil.copyfile(vault_path / "records" / f"{folder.will.id}.age", kept)
    assert folder.vault.verify().ok
    data = bytearray(kept.read_bytes())
    data[-5] ^= 1
    kept.write_bytes(bytes(data))
    report = folder.vault.verify()
    assert [p.path for p in report.problems] == [f"conflicts/{kept.name}"]


def test_an_interrupted_person_add_is_cleaned_up(
    folder: Folder, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies just before the signed info lists the person

    with monkeypatch.context() as patch:
        patch.setattr(folder.vault.owner, "publish", crash)
        with pytest.raises(KeyboardInterrupt):
            folder.vault.add_person("Ghost", scopes=["legal"], passphrase="ghost words", work_factor=WF)
    report = folder.vault.verify()
    assert any("belongs to no one" in p.message for p in report.problems)
    with pytest.raises(IntegrityError, match="missing or were not written"):
        Vault.open(vault_path, "ghost words")
    folder.vault.close()
    with Vault.open(vault_path, PASSPHRASE) as owner:
        assert owner.verify().ok
        assert sorted(p.stem for p in (vault_path / "keys").iterdir()) == sorted(owner.people)


# ------------------------------------------------------------------------- 8. the marker
def test_a_changed_marker_is_detected(folder: Folder, vault_path: Path) -> None:
    marker = vault_path / "vault.json"
    data = json.loads(marker.read_text())
    data["vault_id"] = data["vault_id"][:-1] + ("0" if data["vault_id"][-1] != "0" else "1")
    marker.write_text(json.dumps(data))
    with pytest.raises(IntegrityError, match="marker"):
        Vault.open(vault_path, PASSPHRASE)


# ------------------------------------------------------------------------- planted key files
def test_a_planted_key_file_and_keyring_open_nothing(
    folder: Folder, vault_path: Path, tmp_path: Path
) -> None:
    """Someone plants a person of their own: a key file under a passphrase they chose, and a keyring
    (with keys they made) 'signed' by a signing key they made. No program accepts that person."""
    from mbc_vault.authority import SigningKey
    from mbc_vault.keys import write_person_key

    fake_id = "abcdefabcdefabcdef00"
    identity, signing = age.X25519Identity.generate(), SigningKey.generate()
    write_person_key(
        vault_path,
        fake_id,
        identity,
        "planted words",
        WF,
        vault_id=folder.vault.vault_id,
        owner_key=signing.public,
    )
    ring = Keyring(
        [ScopeKey(s, 1, age.X25519Identity.generate()) for s in ("vault", "medical")],
        signing,
        fake_id,
        folder.vault.vault_id,
        1,
    )
    (vault_path / "keyrings" / f"{fake_id}.age").write_bytes(
        age.encrypt_bytes(ring.to_text(signing), [identity.recipient()])
    )
    with pytest.raises(IntegrityError, match="info.age"):
        Vault.open(vault_path, "planted words")  # their own "owner key" signs no info of this vault
    report = folder.vault.verify()
    assert {p.path for p in report.problems} == {f"keys/{fake_id}.age", f"keyrings/{fake_id}.age"}
    done = cli("verify", str(vault_path), tmp=tmp_path)
    assert done.returncode == 1 and f"keys/{fake_id}.age" in done.stdout + done.stderr
    with Vault.open(vault_path, PASSPHRASE) as owner:  # the owner's data is all there
        assert {r.id for r in owner.records()} == {folder.scan.id, folder.will.id}


def test_an_older_copy_of_one_record_put_back_is_reported(folder: Folder, vault_path: Path) -> None:
    file = vault_path / "records" / f"{folder.will.id}.age"
    older = file.read_bytes()
    folder.vault.update_metadata(folder.will.id, title="My will (signed 2026)")
    folder.vault.close()
    with Vault.open(vault_path, PASSPHRASE):
        pass  # this computer has seen revision 2
    file.write_bytes(older)  # revision 1 put back
    with Vault.open(vault_path, PASSPHRASE) as owner:
        assert [p.message for p in owner.load_problems if p.record_id == folder.will.id] == [
            "this record went back to an older version (revision 1; this computer saw revision 2): an older "
            "copy was put back"
        ]


def test_rotation_re_encrypts_kept_versions(folder: Folder, vault_path: Path, tmp_path: Path) -> None:
    """A removed member's old keyring opens no kept version of a record after the rotation either."""
    require_tool("age")
    keys = age_cli_scope_keys(tmp_path, vault_path, folder.lee.id, LEE_PASS)
    (vault_path / "conflicts").mkdir(exist_ok=True)
    kept = vault_path / "conflicts" / f"{folder.will.id}-0123456789abcdef.age"
    shutil.copyfile(vault_path / "records" / f"{folder.will.id}.age", kept)
    assert age_decrypt(keys, kept).returncode == 0  # Lee could read it while holding legal
    report = folder.vault.remove_person(folder.lee.id)
    assert report is not None and report.complete
    assert age_decrypt(keys, kept).returncode != 0
    assert folder.vault.verify().ok
    assert folder.will.id in folder.vault.conflicts()  # still there, readable by the owner


def test_an_old_key_file_signs_nothing_after_the_owner_took_in_a_passphrase_change(
    folder: Folder, vault_path: Path
) -> None:
    """Lee changes passphrase; someone kept Lee's old key file and old passphrase. After the owner's
    next open, a record signed with Lee's old signing key is refused; what Lee wrote before stays."""
    old = folder.member_keys(folder.lee.id, LEE_PASS)  # the stolen copy: Lee's old keyring
    with Vault.open(vault_path, LEE_PASS) as lee:
        card = lee.add_document(
            io.BytesIO(b"insurance card, fictional"),
            category="insurance",
            title="Card",
            original_name="card.txt",
        )
        lee.change_passphrase("lee's new words", work_factor=WF)
    folder.vault.close()
    with Vault.open(vault_path, PASSPHRASE) as owner:  # takes the change in
        assert owner.people[folder.lee.id].key_version == 1
        legal = age.X25519Recipient.parse(owner.info["scopes"]["legal"]["recipient"])
    fake = {
        "id": "5555555555aaaaaaaaaa",
        "category": "will",
        "kind": "document",
        "title": "A planted will",
        "author": folder.lee.id,
        "modified_by": folder.lee.id,
        "revision": 1,
        "schema": 1,
    }
    assert old.signing_key is not None
    data, _ = authority.seal(fake, folder.lee.id, old.signing_key)
    (vault_path / "records" / "5555555555aaaaaaaaaa.age").write_bytes(age.encrypt_bytes(data, [legal]))
    with Vault.open(vault_path, PASSPHRASE, use_cache=False) as owner:
        titles = {r.title for r in owner.records()}
        assert "A planted will" not in titles and card.title in titles
        assert any(p.record_id == "5555555555aaaaaaaaaa" for p in owner.load_problems)
    with Vault.open(vault_path, "lee's new words") as lee:
        assert (
            lee.add_document(io.BytesIO(b"new note, fictional"), category="will", title="New").title == "New"
        )
        assert "A planted will" not in {r.title for r in lee.records()}
