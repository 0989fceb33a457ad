"""People and scopes (issue 7): a family member opens the shared vault and sees only what they
were given; the limit is cryptographic (shown with the stock `age` CLI); the owner grants,
revokes, removes and rotates scope keys, and an interrupted rotation resumes."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR, require_tool
from ptyhelper import run_with_tty

from mbc_vault import age
from mbc_vault.errors import IntegrityError, PermissionDenied, RecordNotFound, WrongPassphrase
from mbc_vault.keys import Keyring, normalize_setup_code
from mbc_vault.people import NotShared, Person
from mbc_vault.vault import Vault

SAM_PASS = "sam's own passphrase"
ALEX_PASS = "alex's own passphrase"
WF = TEST_WORK_FACTOR


class Family:
    """The owner's vault with medical, legal and care records, and two family members."""

    def __init__(self, vault: Vault, path: Path) -> None:
        self.vault, self.path = vault, path
        self.will_bytes = os.urandom(3 * age.CHUNK_SIZE + 11)  # several chunks
        self.will = vault.add_document(
            io.BytesIO(self.will_bytes),
            category="will",
            title="My will",
            original_name="will.pdf",
            page_texts=["I leave everything"],
        )
        self.pathology = vault.add_document(
            io.BytesIO(b"%PDF-1.4 pathology " * 500),
            category="pathology-report",
            title="Liver biopsy",
            original_name="path.pdf",
        )
        self.diagnosis = vault.add_entry("diagnosis", {"stage": "IV"}, title="Metastatic breast cancer")
        self.questions = vault.add_document(
            io.BytesIO(b"what next? " * 50), category="questions", title="Questions", original_name="q.txt"
        )
        self.sam, _ = vault.add_person(
            "Sam", "son", ["legal"], can_edit=False, passphrase=SAM_PASS, work_factor=WF
        )
        self.alex, _ = vault.add_person(
            "Alex",
            "partner",
            ["legal", "care", "medical"],
            can_edit=True,
            passphrase=ALEX_PASS,
            work_factor=WF,
        )

    def record_file(self, record_id: str) -> Path:
        return self.path / "records" / f"{record_id}.age"

    def document_file(self, record_id: str, vault: Vault | None = None) -> Path:
        record = (vault or self.vault).get(record_id)
        assert record.document is not None
        return self.path / "documents" / f"{record.document.id}.age"


@pytest.fixture
def family(vault: Vault, vault_path: Path) -> Family:
    return Family(vault, vault_path)


def age_cli_scope_keys(tmp_path: Path, vault_path: Path, person_id: str, passphrase: str) -> Path:
    """With only the stock age CLI: the person's identity from their key file (passphrase typed on a
    terminal), then their keyring (the scope keys) decrypted with it."""
    identity = tmp_path / f"{person_id}-identity.txt"
    run_with_tty(["age", "-d", "-o", identity, vault_path / "keys" / f"{person_id}.age"], passphrase).check()
    assert identity.read_text().count("AGE-SECRET-KEY-1") == 1
    scope_keys = tmp_path / f"{person_id}-scope-keys.txt"
    done = subprocess.run(
        ["age", "-d", "-i", identity, "-o", scope_keys, vault_path / "keyrings" / f"{person_id}.age"],
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return scope_keys


def age_decrypt(keys: Path, file: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["age", "-d", "-i", keys, file], capture_output=True, timeout=60)


# ----------------------------------------------------------------------------- seeing and not seeing
def test_member_sees_only_their_scopes(family: Family, vault_path: Path) -> None:
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert sam.person.id == family.sam.id and sam.person.name == "Sam" and not sam.is_owner
        assert [r.id for r in sam.records()] == [family.will.id]
        assert sam.records(kind=None) == sam.records()  # no diagnosis entry either
        assert sam.not_readable == 3
        assert sam.open_document(family.will.id).read_all() == family.will_bytes
        assert sam.page_texts(family.will.id) == ["I leave everything"]
        with pytest.raises(NotShared, match="not shared with you"):
            sam.open_document(family.pathology.id)
        with pytest.raises(RecordNotFound):  # NotShared is also a RecordNotFound (existing callers)
            sam.get(family.diagnosis.id)
        with pytest.raises(RecordNotFound, match="No record"):
            sam.get("0" * 20)  # a record that does not exist at all is still "not found"
        # names of everyone, and who added what
        assert {p.name for p in sam.people.values()} == {"Jane Example", "Sam", "Alex"}
        assert sam.person_name(sam.get(family.will.id).author) == "Jane Example"
        report = sam.verify()
        assert report.ok and report.records_checked == 1 and report.not_readable == 3


def test_view_only_member_cannot_change_anything(family: Family, vault_path: Path) -> None:
    with Vault.open(vault_path, SAM_PASS) as sam:
        with pytest.raises(PermissionDenied, match="only view"):
            sam.add_document(io.BytesIO(b"a new policy"), category="insurance", original_name="p.txt")
        with pytest.raises(PermissionDenied):
            sam.update_metadata(family.will.id, title="Changed")
        with pytest.raises(PermissionDenied):
            sam.remove(family.will.id)
        with pytest.raises(PermissionDenied, match="Only the vault's owner"):
            sam.add_person("Eve", "", ["medical"], passphrase="x" * 10, work_factor=WF)
        with pytest.raises(PermissionDenied):
            sam.grant(family.sam.id, "medical")
    assert len(list((vault_path / "records").glob("*.age"))) == 4


def test_editing_member_adds_and_changes_within_scopes(family: Family, vault_path: Path) -> None:
    family.vault.revoke(family.alex.id, "medical")
    with Vault.open(vault_path, ALEX_PASS) as alex:
        policy = alex.add_document(
            io.BytesIO(b"insurance policy"), category="insurance", original_name="p.txt"
        )
        alex.update_metadata(family.will.id, title="My last will")
        with pytest.raises(PermissionDenied, match="not given access to medical"):
            alex.add_entry("symptom", {"name": "fatigue"}, title="Fatigue")
        with pytest.raises(PermissionDenied):  # moving a record into a scope they do not hold
            alex.update_metadata(policy.id, category="clinical-note")
    family.vault.reload()
    will = family.vault.get(family.will.id)
    assert (will.title, will.author, will.modified_by) == (
        "My last will",
        family.vault.person.id,
        family.alex.id,
    )
    assert family.vault.person_name(will.modified_by) == "Alex"
    assert family.vault.get(policy.id).author == family.alex.id


def test_only_the_owner_manages_people_and_names_are_required(family: Family, vault_path: Path) -> None:
    with pytest.raises(ValueError, match="name"):
        family.vault.add_person("  ", "", ["legal"], passphrase="x" * 10, work_factor=WF)
    with pytest.raises(ValueError, match="not a section"):
        family.vault.add_person("Eve", "", ["vault"], passphrase="x" * 10, work_factor=WF)
    with pytest.raises(ValueError, match="not a section"):
        family.vault.add_person("Eve", "", ["secrets"], passphrase="x" * 10, work_factor=WF)
    with pytest.raises(PermissionDenied, match="owner"):
        family.vault.remove_person(family.vault.person.id)
    with Vault.open(vault_path, ALEX_PASS) as alex:  # holds every scope, but is not the owner
        assert not alex.is_owner
        with pytest.raises(PermissionDenied):
            alex.remove_person(family.sam.id)
        with pytest.raises(PermissionDenied):
            alex.rotate_scope("legal")


# ----------------------------------------------------------------------------- the cryptographic limit
def test_the_limit_is_cryptographic_with_the_stock_age_cli(
    family: Family, vault_path: Path, tmp_path: Path
) -> None:
    require_tool("age")
    keys = age_cli_scope_keys(tmp_path, vault_path, family.sam.id, SAM_PASS)
    assert Keyring.from_text(keys.read_bytes()).scopes() == {"vault", "legal"}
    # the legal record and its document open with the stock tool
    shown = age_decrypt(keys, family.record_file(family.will.id))
    assert shown.returncode == 0 and json.loads(shown.stdout)["title"] == "My will"
    doc = age_decrypt(keys, family.document_file(family.will.id))
    assert doc.returncode == 0 and doc.stdout == family.will_bytes
    # the medical record, its document, its structured entry and the care record do not
    for file in (
        family.record_file(family.pathology.id),
        family.document_file(family.pathology.id),
        family.record_file(family.diagnosis.id),
        family.record_file(family.questions.id),
        family.document_file(family.questions.id),
    ):
        failed = age_decrypt(keys, file)
        assert failed.returncode != 0 and failed.stdout == b"", file
        assert b"no identity matched" in failed.stderr
    # and the vault's names are readable (everyone holds the vault key), the owner's key file is not
    assert age_decrypt(keys, vault_path / "people" / f"{family.sam.id}.age").returncode == 0
    assert age_decrypt(keys, vault_path / "keyrings" / f"{family.vault.person.id}.age").returncode != 0


# ----------------------------------------------------------------------------- setup codes, passphrases
def test_setup_code_opens_once_then_the_person_chooses_a_passphrase(vault: Vault, vault_path: Path) -> None:
    will = vault.add_document(io.BytesIO(b"will"), category="will", original_name="w.txt")
    person, code = vault.add_person("Maria", "sister", ["legal"], can_edit=False, work_factor=WF)
    assert code is not None and normalize_setup_code(code) == code
    assert len(code) == 29 and code.count("-") == 5 and code.replace("-", "").isalnum()
    assert person.setup_pending and vault.people[person.id].setup_pending
    # typed loosely: lower case, spaces instead of dashes
    loose = code.lower().replace("-", " ")
    with Vault.open(vault_path, loose) as maria:
        assert maria.person.id == person.id and maria.person.setup_pending
        assert [r.id for r in maria.records()] == [will.id]
        maria.change_passphrase("maria's own words", work_factor=WF)
        assert not maria.person.setup_pending
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, code)  # the code no longer works
    with Vault.open(vault_path, "maria's own words") as maria:
        assert not maria.person.setup_pending and maria.person.scopes == ["legal"]
    vault.reload()
    vault.folder.read_people_and_info()
    assert not vault.people[person.id].setup_pending
    # the person clearing the flag did not break the owner's seal: the owner can still grant
    vault.grant(person.id, "care")
    assert vault.people[person.id].scopes == ["care", "legal"]


def test_two_setup_codes_differ(vault: Vault) -> None:
    _, first = vault.add_person("A", "", ["care"], work_factor=WF)
    _, second = vault.add_person("B", "", ["care"], work_factor=WF)
    assert first != second


# ----------------------------------------------------------------------------- grant, revoke, edit
def test_grant_then_revoke(family: Family, vault_path: Path) -> None:
    family.vault.grant(family.sam.id, "medical")
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert {r.id for r in sam.records(kind=None)} == {
            family.will.id,
            family.pathology.id,
            family.diagnosis.id,
        }
        assert sam.open_document(family.pathology.id).read_all().startswith(b"%PDF-1.4 pathology")
        assert sam.person.scopes == ["legal", "medical"]
    family.vault.revoke(family.sam.id, "medical")
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert {r.id for r in sam.records(kind=None)} == {family.will.id}
        assert sam.person.scopes == ["legal"]
    family.vault.set_can_edit(family.sam.id, True)
    with Vault.open(vault_path, SAM_PASS) as sam:
        sam.update_metadata(family.will.id, notes="kept at the notary")
    family.vault.set_can_edit(family.sam.id, False)
    with Vault.open(vault_path, SAM_PASS) as sam, pytest.raises(PermissionDenied):
        sam.update_metadata(family.will.id, notes="again")


def test_revoke_with_rotation_locks_out_an_earlier_copy_of_the_keyring(
    family: Family, vault_path: Path, tmp_path: Path
) -> None:
    require_tool("age")
    family.vault.grant(family.sam.id, "medical")
    keys = age_cli_scope_keys(tmp_path, vault_path, family.sam.id, SAM_PASS)  # Sam keeps a copy
    assert age_decrypt(keys, family.document_file(family.pathology.id)).returncode == 0
    family.vault.revoke(family.sam.id, "medical", rotate=True)
    assert age_decrypt(keys, family.record_file(family.pathology.id)).returncode != 0
    assert age_decrypt(keys, family.document_file(family.pathology.id)).returncode != 0
    assert age_decrypt(keys, family.record_file(family.will.id)).returncode == 0  # legal was not rotated
    with Vault.open(vault_path, ALEX_PASS) as alex:  # still holds medical: got the new key
        assert alex.open_document(family.pathology.id).read_all().startswith(b"%PDF-1.4 pathology")


def test_a_profile_forged_by_a_member_gets_no_keys(family: Family, vault_path: Path) -> None:
    """Everyone holds the vault key, so a member can write people/; only the owner-signed info counts."""
    forged = Person.from_json(family.vault.people[family.sam.id].to_json())
    forged.scopes = ["legal", "medical"]
    vault_key = Keyring.from_text(
        age.decrypt_bytes(
            (vault_path / "keyrings" / f"{family.sam.id}.age").read_bytes(),
            [Vault.unlock_identity(vault_path, SAM_PASS)[1]],
        )
    ).current("vault")
    assert vault_key is not None
    (vault_path / "people" / f"{family.sam.id}.age").write_bytes(
        age.encrypt_bytes(forged.to_json(), [vault_key.recipient])
    )
    report = family.vault.verify()
    assert any(p.path == f"people/{family.sam.id}.age" for p in report.problems)
    family.vault.rotate_scope("medical")
    assert family.vault.people[family.sam.id].scopes == ["legal"]
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert {r.id for r in sam.records(kind=None)} == {family.will.id}
        assert "medical" not in {k.scope for k in sam.folder.keyring.keys}


# ----------------------------------------------------------------------------- remove and rotate
def test_remove_with_rotation(family: Family, vault_path: Path, tmp_path: Path) -> None:
    require_tool("age")
    keys = age_cli_scope_keys(tmp_path, vault_path, family.sam.id, SAM_PASS)
    old_copy = tmp_path / "sam-copy"
    shutil.copytree(vault_path, old_copy)  # what Sam copied before being removed
    old_will_doc = family.document_file(family.will.id)
    report = family.vault.remove_person(family.sam.id, rotate=True)
    assert report is not None and report.complete and report.scopes == {"legal": 2, "vault": 2}
    for sub in ("keys", "keyrings", "people"):
        assert not (vault_path / sub / f"{family.sam.id}.age").exists()
    assert family.sam.id not in Vault.person_ids(vault_path)
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, SAM_PASS)
    # the copy still opens the old files...
    copied_doc = old_copy / "documents" / old_will_doc.name
    assert age_decrypt(keys, copied_doc).stdout == family.will_bytes
    assert age_decrypt(keys, old_copy / "records" / f"{family.will.id}.age").returncode == 0
    # ...but not the re-encrypted ones, nor the new names file
    assert not old_will_doc.exists()  # the document moved to a new file
    for file in (
        family.record_file(family.will.id),
        family.document_file(family.will.id),
        vault_path / "texts" / f"{family.will.id}.age",
        vault_path / "info.age",
        vault_path / "people" / f"{family.alex.id}.age",
    ):
        assert age_decrypt(keys, file).returncode != 0, file
    # the owner and the remaining member read everything
    for passphrase in (PASSPHRASE, ALEX_PASS):
        with Vault.open(vault_path, passphrase) as v:
            assert v.open_document(family.will.id).read_all() == family.will_bytes
            assert v.page_texts(family.will.id) == ["I leave everything"]
            assert len(v.records(kind=None)) == 4
            assert v.name == "Jane Example"
            assert set(v.people) == {family.vault.person.id, family.alex.id}
            assert v.person_name(family.sam.id) == "Sam (removed)"
            assert v.verify().ok
    # new records go to the new generation
    with Vault.open(vault_path, ALEX_PASS) as alex:
        added = alex.add_document(io.BytesIO(b"new policy"), category="insurance", original_name="n.txt")
    assert age_decrypt(keys, family.record_file(added.id)).returncode != 0


def test_remove_without_rotation_keeps_keys(family: Family, vault_path: Path) -> None:
    assert family.vault.remove_person(family.sam.id, rotate=False) is None
    assert family.vault.pending_rotation() == {}
    with pytest.raises(WrongPassphrase):
        Vault.open(vault_path, SAM_PASS)
    with Vault.open(vault_path, ALEX_PASS) as alex:
        assert len(alex.records(kind=None)) == 4


def _generation_of(vault: Vault, file: Path) -> tuple[str, int]:
    by_public = {k.identity.public_key: k for k in vault.folder.keyring.keys}
    with open(file, "rb") as handle:
        key = by_public[age.Decryptor(handle, vault.folder.keyring.identities()).identity.public_key]
    return key.scope, key.generation


class Interrupt(Exception):
    pass


def test_interrupted_rotation_resumes_on_open(vault: Vault, vault_path: Path) -> None:
    payloads = [os.urandom(age.CHUNK_SIZE + i) for i in range(6)]
    docs = [
        vault.add_document(
            io.BytesIO(payloads[i]), category="will", original_name=f"will-{i}.bin", page_texts=[f"page {i}"]
        )
        for i in range(6)
    ]
    medical = vault.add_document(io.BytesIO(b"lab"), category="lab-result", original_name="lab.txt")
    member, _ = vault.add_person("Sam", "son", ["legal"], passphrase=SAM_PASS, work_factor=WF)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _stage: str, _item: str) -> None:
        seen.append((done, total))
        if done == 3:
            raise Interrupt()

    with pytest.raises(Interrupt):
        vault.rotate_scope("legal", progress=progress)
    assert seen == [(1, 6), (2, 6), (3, 6)]
    assert vault.pending_rotation() == {"legal": 2}
    generations = sorted(_generation_of(vault, vault_path / "records" / f"{d.id}.age")[1] for d in docs)
    assert generations == [1, 1, 1, 2, 2, 2]  # half done
    # meanwhile everyone can read everything: the member already holds the new key too
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert len(sam.records()) == 6
        for d in docs:
            sam.open_document(d.id).read_all()
    vault.close()
    with Vault.open(vault_path, PASSPHRASE, finish_rotation=False) as owner:
        assert owner.pending_rotation() == {"legal": 2}
    with Vault.open(vault_path, PASSPHRASE) as owner:  # the owner's open finishes it
        assert owner.pending_rotation() == {}
        assert not (vault_path / "rotation.age").exists()
        for d in docs:
            record = owner.get(d.id)
            assert _generation_of(owner, vault_path / "records" / f"{d.id}.age") == ("legal", 2)
            assert record.document is not None
            assert _generation_of(owner, vault_path / "documents" / f"{record.document.id}.age") == (
                "legal",
                2,
            )
            assert _generation_of(owner, vault_path / "texts" / f"{d.id}.age") == ("legal", 2)
            assert owner.open_document(d.id).read_all() == payloads[docs.index(d)]
            assert owner.page_texts(d.id) == [f"page {docs.index(d)}"]
        assert _generation_of(owner, vault_path / "records" / f"{medical.id}.age") == ("medical", 1)
        report = owner.verify()
        assert report.ok and report.records_checked == 7 and report.documents_checked == 7
        assert not report.unreferenced
        # idempotent: running again re-encrypts nothing
        again = owner.rotate_scope("legal")
        assert again.scopes == {"legal": 3} and again.files_reencrypted == 6 * 3
        assert owner.resume_rotation().files_reencrypted == 0
    with Vault.open(vault_path, SAM_PASS) as sam:
        assert sam.person.id == member.id
        for d in docs:
            sam.open_document(d.id).read_all()


def test_rotation_skips_files_already_on_the_new_key(vault: Vault, vault_path: Path) -> None:
    for i in range(3):
        vault.add_document(io.BytesIO(b"x" * (100 + i)), category="appointments", original_name=f"a{i}.txt")
    calls: list[int] = []

    def stop_after_one(done: int, _total: int, _stage: str, _item: str) -> None:
        calls.append(done)
        if done == 1:
            raise Interrupt()

    with pytest.raises(Interrupt):
        vault.rotate_scope("care", progress=stop_after_one)
    report = vault.resume_rotation()
    # one record (record + document) was done before the interruption: only two are left
    assert report.records_checked == 3 and report.files_reencrypted == 2 * 2
    assert vault.verify().ok


def test_a_rotation_marker_not_written_by_the_owner_is_refused(family: Family, vault_path: Path) -> None:
    owner_recipient = age.X25519Recipient.parse(family.vault.people[family.vault.person.id].recipient)
    body = json.dumps({"scopes": {"legal": {"generation": 2, "key": str(age.X25519Identity.generate())}}})
    (vault_path / "rotation.age").write_bytes(
        age.encrypt_bytes(json.dumps({"body": body, "mac": "0" * 64}).encode(), [owner_recipient])
    )
    with pytest.raises(IntegrityError, match="rotation"):
        family.vault.resume_rotation()
    with Vault.open(vault_path, PASSPHRASE) as owner:  # opens anyway, and says what is wrong
        assert any(p.path == "rotation.age" for p in owner.load_problems)
        assert all(_generation_of(owner, family.record_file(r.id))[1] == 1 for r in owner.records(kind=None))


# ----------------------------------------------------------------------------- command line
def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).parent / "mbc-vault")]
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def test_cli_person_add_list_grant_revoke_remove(
    vault: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    will = vault.add_document(io.BytesIO(b"will"), category="will", original_name="w.txt")
    vault.close()
    pw = ["--passphrase-file", str(passphrase_file)]
    added = run_cli(
        "person", "add", vault_path, "--name", "Sam", "--relationship", "son", "--scope", "legal", *pw
    )
    assert added.returncode == 0, added.stderr
    lines = added.stdout.splitlines()
    sam_id = lines[0]
    assert len(sam_id) == 20 and "Setup code: " in added.stdout
    code = next(line for line in lines if line.startswith("Setup code: ")).split(": ", 1)[1]
    with Vault.open(vault_path, code) as sam:
        assert [r.id for r in sam.records()] == [will.id]
    own = tmp_path / "alex.txt"
    own.write_text(ALEX_PASS + "\n")
    added = run_cli(
        "person",
        "add",
        vault_path,
        "--name",
        "Alex",
        "--scope",
        "legal",
        "--scope",
        "care",
        "--can-edit",
        "--new-passphrase-file",
        own,
        "--json",
        *pw,
    )
    assert added.returncode == 0, added.stderr
    alex = json.loads(added.stdout)
    assert alex["setup_code"] is None and alex["scopes"] == ["care", "legal"] and alex["can_edit"]
    listed = run_cli("person", "list", vault_path, "--json", *pw)
    assert listed.returncode == 0, listed.stderr
    people = json.loads(listed.stdout)
    assert [p["name"] for p in people] == ["Jane Example", "Alex", "Sam"]
    assert people[2]["setup_pending"] and people[0]["role"] == "owner"
    text = run_cli("person", "list", vault_path, *pw).stdout
    assert "Sam (son)  view only  legal  (setup code not yet replaced)" in text
    # a member may list, not add
    denied = run_cli(
        "person", "add", vault_path, "--name", "Eve", "--scope", "medical", "--passphrase-file", own
    )
    assert denied.returncode == 1 and denied.stderr.startswith("mbc-vault: Only the vault's owner")
    assert len(denied.stderr.splitlines()) == 1
    assert run_cli("person", "grant", vault_path, sam_id, "--scope", "medical", *pw).returncode == 0
    revoked = run_cli("person", "revoke", vault_path, sam_id, "--scope", "medical", "--rotate", *pw)
    assert revoked.returncode == 0, revoked.stderr
    assert "New keys for: medical" in revoked.stdout
    bad = run_cli("person", "grant", vault_path, sam_id, "--scope", "vault", *pw)
    assert bad.returncode == 2
    unknown = run_cli("person", "remove", vault_path, "f" * 20, *pw)
    assert unknown.returncode == 1 and "No person" in unknown.stderr
    removed = run_cli("person", "remove", vault_path, sam_id, "--rotate", *pw)
    assert removed.returncode == 0, removed.stderr
    assert "Removed Sam" in removed.stdout and "New keys for: legal, vault" in removed.stdout
    listed = json.loads(run_cli("person", "list", vault_path, "--json", *pw).stdout)
    assert [p["name"] for p in listed] == ["Jane Example", "Alex"]
    verify = run_cli("verify", vault_path, *pw)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    wrong = run_cli("person", "list", vault_path, "--passphrase-file", passphrase_file.parent / "nope")
    assert wrong.returncode == 2
