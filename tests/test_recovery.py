"""docs/recovery.md works: documents come back byte for byte with only the stock `age` CLI.

The shell blocks of the procedure are taken from docs/recovery.md itself (each is marked with
`<!-- recovery-step: NAME -->`) and run, in the doc's order, with /bin/sh in a copy of the vault,
as the helper would type them. Placeholders the reader fills in (PERSON-ID, RECORD-ID, ...) are
replaced with what the earlier steps printed. Passphrases are typed on a pseudo-terminal
(tests/ptyhelper.py), as age reads them from /dev/tty. Nothing of mbc_vault is used to recover.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR, require_tool
from ptyhelper import PtyResult, run_with_tty

from mbc_vault import age
from mbc_vault.keys import Keyring, person_key_text
from mbc_vault.records import Record, new_id
from mbc_vault.vault import Vault

DOC = Path(__file__).resolve().parent.parent / "docs" / "recovery.md"
STEP = re.compile(r"<!-- recovery-step: (?P<name>[a-z-]+) -->\n```sh\n(?P<code>.*?)```", re.S)
STEPS_IN_ORDER = [
    "private",
    "find-key",
    "unlock-keyring",
    "show-record",
    "restore-one",
    "restore-all",
    "clean-up",
]
PDF = DATA / "pdf-samples" / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf"
JPG = DATA / "images" / "lab-report-photo.jpg"
PNG = DATA / "images" / "lab-report-scan.png"
OTHER_PASSPHRASE = "someone else's passphrase"


@pytest.fixture(autouse=True)
def _age() -> None:
    require_tool("age")


def doc_steps() -> dict[str, str]:
    steps = {m["name"]: m["code"] for m in STEP.finditer(DOC.read_text("utf-8"))}
    assert list(steps) == STEPS_IN_ORDER, "docs/recovery.md: the marked steps changed; update this test"
    return steps


def run_step(
    steps: dict[str, str], name: str, cwd: Path, answers: str | Sequence[str] = (), **placeholders: str
) -> PtyResult:
    """Run one block of the doc with /bin/sh in *cwd*, after the doc's `umask` line (step 2)."""
    script = steps[name]
    for placeholder, value in placeholders.items():
        placeholder = placeholder.replace("_", "-")
        assert placeholder in script, f"{placeholder} is not in step {name}"
        script = script.replace(placeholder, value)
    return run_with_tty(["/bin/sh", "-c", steps["private"] + script], answers, cwd=cwd)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


class Fixture:
    """A vault with several kinds of records, and what a full recovery must give back."""

    def __init__(self, vault: Vault, vault_path: Path) -> None:
        self.vault, self.path = vault, vault_path
        self.pdf = vault.add_document(PDF, category="pathology-report", title="Liver biopsy")
        self.jpg = vault.add_document(JPG, category="lab-result", title="Blood count")
        # legal scope; several chunks; a name with quotes, which the doc's loop does not use
        self.will_bytes = random.Random(7).randbytes(3 * age.CHUNK_SIZE + 5)
        self.will = vault.add_document(
            io.BytesIO(self.will_bytes), category="will", original_name='my "final" will.txt'
        )
        # same original name as the PDF: the later one in `records/*.age` order gets its id in front
        self.copy_bytes = b"%PDF-1.4 another document with the same file name\n" * 100
        self.copy = vault.add_document(
            io.BytesIO(self.copy_bytes), category="medical-other", original_name=PDF.name
        )
        # in the trash: recovered too
        self.png = vault.add_document(PNG, category="clinical-note", title="Scan")
        self.png = vault.remove(self.png.id)
        self.documents = {
            self.pdf.id: PDF.read_bytes(),
            self.jpg.id: JPG.read_bytes(),
            self.will.id: self.will_bytes,
            self.copy.id: self.copy_bytes,
            self.png.id: PNG.read_bytes(),
        }
        self.records = {r.id: r for r in (self.pdf, self.jpg, self.will, self.copy, self.png)}
        scope_keys = self._scope_keys()
        # a record of a later kind, with no document (care scope)
        self.note = Record(
            id=new_id(),
            category="questions",
            title="Questions for the oncologist",
            kind="question-list",
            notes="Ask about the scan.",
        )
        self._write_record(self.note, scope_keys.current("care").recipient)  # type: ignore[union-attr]
        self.records[self.note.id] = self.note
        # a record of a scope this person was not given: encrypted to a key they do not hold
        self.foreign_id = new_id()
        foreign = Record(id=self.foreign_id, category="will", title="Not yours")
        self._write_record(foreign, age.X25519Identity.generate().recipient())
        # a second person, so step 3 has to pick the right key file
        self.other_id = new_id()
        (vault_path / "keys" / f"{self.other_id}.age").write_bytes(
            age.encrypt_bytes(
                person_key_text(self.other_id, age.X25519Identity.generate()),
                [age.ScryptRecipient(OTHER_PASSPHRASE.encode(), TEST_WORK_FACTOR)],
            )
        )

    def _scope_keys(self) -> Keyring:
        person, identity = Vault.unlock_identity(self.path, PASSPHRASE, self.vault.person.id)
        raw = age.decrypt_bytes((self.path / "keyrings" / f"{person}.age").read_bytes(), [identity])
        return Keyring.from_text(raw)

    def _write_record(self, record: Record, recipient: age.X25519Recipient) -> None:
        (self.path / "records" / f"{record.id}.age").write_bytes(
            age.encrypt_bytes(record.to_json(), [recipient])
        )

    def expected_restored(self) -> dict[str, bytes]:
        """File name in restored/ -> content, by the rules docs/recovery.md states for step 6."""
        out: dict[str, bytes] = {}
        for rid in sorted(self.documents):  # the shell's `records/*.age` order (hex ids)
            record = self.records[rid]
            assert record.document is not None
            name = record.original_name if not set('"\\/') & set(record.original_name) else record.document.id
            if name in out:
                name = f"{rid}-{name}"
            out[name] = self.documents[rid]
        return out


@pytest.fixture
def setup(vault: Vault, vault_path: Path) -> Fixture:
    return Fixture(vault, vault_path)


def copy_to_usb(vault_path: Path, tmp_path: Path) -> Path:
    """Step 2: a working copy on the (here pretend) encrypted disk."""
    work = tmp_path / "usb" / "MyVault"
    shutil.copytree(vault_path, work)
    return work


def find_my_key(steps: dict[str, str], work: Path, passphrase: str) -> tuple[PtyResult, list[str]]:
    result = run_step(steps, "find-key", work, passphrase).check()
    mine = re.findall(r"^==> This key file is yours: keys/([0-9a-f]+)\.age$", result.stdout.decode(), re.M)
    return result, mine


def test_the_doc_marks_every_step() -> None:
    steps = doc_steps()
    assert "PERSON-ID" in steps["unlock-keyring"]
    assert "scope-keys.txt" in steps["restore-all"] and "age -d" in steps["restore-all"]


def test_recovery_procedure_restores_every_document(setup: Fixture, vault_path: Path, tmp_path: Path) -> None:
    steps = doc_steps()
    work = copy_to_usb(vault_path, tmp_path)

    # Step 3: try the passphrase on every key file; one prompt per file, exactly one is ours
    found, mine = find_my_key(steps, work, PASSPHRASE)
    assert found.prompts == ["Enter passphrase:"] * 2
    assert mine == [setup.vault.person.id]
    assert found.stdout.decode().count("not this one") == 1
    me = mine[0]

    # Step 4: unlock the keyring with the passphrase-protected key file
    unlocked = run_step(steps, "unlock-keyring", work, [PASSPHRASE], PERSON_ID=me).check()
    assert unlocked.prompts == [f'Enter passphrase for identity file "keys/{me}.age":']
    scope_keys = work / "scope-keys.txt"
    assert private(scope_keys)
    assert Keyring.from_text(scope_keys.read_bytes()).scopes() == {"vault", "medical", "legal", "care"}

    # Step 5: show one record, read its document id and original name, restore that one document
    shown = run_step(steps, "show-record", work, RECORD_ID=setup.pdf.id).check()
    assert f"{setup.pdf.id}.age" in shown.stdout.decode().split()  # from `ls records`
    line = shown.stdout.decode().splitlines()[-1]
    assert line.startswith("{") and json.loads(line) == json.loads(setup.pdf.to_json())
    shown_record = json.loads(line)
    doc_id, original = shown_record["document"]["id"], shown_record["original_name"]
    assert (shown_record["title"], original) == ("Liver biopsy", PDF.name)
    run_step(steps, "restore-one", work, ORIGINAL_NAME=original, DOCUMENT_ID=doc_id).check()
    assert (work / PDF.name).read_bytes() == PDF.read_bytes()

    # Step 6: everything at once; no passphrase asked (a prompt would fail the run)
    restored_all = run_step(steps, "restore-all", work, []).check()
    report = restored_all.stdout.decode()
    restored = work / "restored"
    expected = setup.expected_restored()
    assert sorted(p.name for p in restored.iterdir() if p.is_file()) == sorted(expected)
    for name, content in expected.items():
        assert (restored / name).read_bytes() == content, name
        assert private(restored / name)
        assert f"restored restored/{name}\n" in report
    assert (restored / setup.will.document.id).read_bytes() == setup.will_bytes  # type: ignore[union-attr]
    assert (restored / PDF.name).exists() and len([n for n in expected if n.endswith(PDF.name)]) == 2
    # every record we may read has its details; the foreign one is skipped, the note has no document
    details = restored / "details"
    assert sorted(p.stem for p in details.iterdir()) == sorted(setup.records)
    for rid, record in setup.records.items():
        if rid == setup.png.id:
            assert record.trashed is not None
        assert json.loads((details / f"{rid}.json").read_bytes()) == json.loads(record.to_json())
    assert f"skipped {setup.foreign_id}: not shared with you, or damaged" in report
    assert f"{setup.note.id} has no document" in report
    assert "FAILED" not in report

    # Step 7: the secret key file goes away
    run_step(steps, "clean-up", work).check()
    assert not scope_keys.exists()


def test_a_wrong_passphrase_finds_no_key_and_leaves_no_key_file(
    setup: Fixture, vault_path: Path, tmp_path: Path
) -> None:
    steps = doc_steps()
    work = copy_to_usb(vault_path, tmp_path)
    found, mine = find_my_key(steps, work, "correct horse battery stapler")
    assert mine == []
    assert found.stdout.decode().count("not this one") == 2
    unlocked = run_step(
        steps, "unlock-keyring", work, ["correct horse battery stapler"], PERSON_ID=setup.vault.person.id
    )
    assert unlocked.returncode != 0
    assert b"incorrect passphrase" in unlocked.stderr
    assert not (work / "scope-keys.txt").exists()


def test_the_other_person_recovers_with_their_own_passphrase(
    setup: Fixture, vault_path: Path, tmp_path: Path
) -> None:
    """Step 3 is not tied to the owner: the other key file answers to the other passphrase."""
    steps = doc_steps()
    _, mine = find_my_key(steps, copy_to_usb(vault_path, tmp_path), OTHER_PASSPHRASE)
    assert mine == [setup.other_id]


def test_a_damaged_document_is_reported_and_leaves_no_partial_file(
    setup: Fixture, vault_path: Path, tmp_path: Path
) -> None:
    steps = doc_steps()
    work = copy_to_usb(vault_path, tmp_path)
    _, (me,) = find_my_key(steps, work, PASSPHRASE)
    run_step(steps, "unlock-keyring", work, [PASSPHRASE], PERSON_ID=me).check()
    # flip a byte in the last chunk: age has already written the first three chunks when it fails
    damaged = work / "documents" / f"{setup.will.document.id}.age"  # type: ignore[union-attr]
    data = bytearray(damaged.read_bytes())
    data[-20] ^= 0x01
    damaged.write_bytes(bytes(data))
    report = run_step(steps, "restore-all", work, []).check().stdout.decode()
    assert f"FAILED {setup.will.id}: documents/{setup.will.document.id}.age is missing or damaged" in report  # type: ignore[union-attr]
    assert not (work / "restored" / setup.will.document.id).exists()  # type: ignore[union-attr]
    expected = setup.expected_restored()
    del expected[setup.will.document.id]  # type: ignore[union-attr]
    for name, content in expected.items():
        assert (work / "restored" / name).read_bytes() == content


def test_recovery_after_the_upgrade_from_format_1(tmp_path: Path) -> None:
    """A vault of format 1, upgraded by its owner's open: the same steps recover every document."""
    old = tmp_path / "old-vault"
    shutil.copytree(DATA / "format1-vault", old)
    owner_pass = "format one owner passphrase"
    with Vault.open(old, owner_pass) as owner:  # the upgrade
        expected = {r.id: owner.open_document(r.id).read_all() for r in owner.records()}
        me = owner.person.id
    steps = doc_steps()
    work = copy_to_usb(old, tmp_path)
    _, mine = find_my_key(steps, work, owner_pass)
    assert mine == [me]
    run_step(steps, "unlock-keyring", work, [owner_pass], PERSON_ID=me).check()
    report = run_step(steps, "restore-all", work, []).check().stdout.decode()
    assert "FAILED" not in report and "skipped" not in report
    details = work / "restored" / "details"
    for rid, content in expected.items():
        record = json.loads((details / f"{rid}.json").read_text())
        assert record["signature"]["by"] == me  # the owner vouched for it at the upgrade
        assert (work / "restored" / record["original_name"]).read_bytes() == content
