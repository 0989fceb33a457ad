"""Several programs writing to one vault: simultaneous adds all land intact; the writer lock
refuses a second writer with a clear message and is released by the OS when its holder dies.

The writers' tests run twice: on this system's branch of mbc_vault.system and on Windows' (flock, or
msvcrt.locking: tests/windows_like.py), in the test and in every program it starts."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE
from windows_like import PRELUDE

from mbc_vault.errors import VaultBusy
from mbc_vault.fsutil import TEMP_PREFIX, writer_lock
from mbc_vault.records import Record
from mbc_vault.vault import Vault

#: a guard against a hung child, not a performance limit
HANG_GUARD_S = 120

#: Open the vault, say READY, wait for "go" on stdin (the barrier), then add each file given
#: and rename one existing record.
ADDER = r"""
import os, sys
from mbc_vault.vault import Vault
vault_path, rename_id, *sources = sys.argv[1:]
vault = Vault.open(vault_path, os.environ["MBC_VAULT_PASSPHRASE"])
print("READY", flush=True)
if sys.stdin.readline() != "go\n":
    raise SystemExit("no go")
for source in sources:
    record = vault.add_document(source, category="lab-result", title=os.path.basename(source),
                                page_texts=["text of " + os.path.basename(source)])
    print("ADDED", record.id, flush=True)
vault.update_metadata(rename_id, title="renamed by " + os.path.basename(sources[0]))
vault.close()
print("DONE", flush=True)
"""

#: Take the writer lock, say LOCKED, and keep it until killed.
HOLDER = r"""
import sys
from pathlib import Path
from mbc_vault.fsutil import writer_lock
with writer_lock(Path(sys.argv[1])):
    print("LOCKED", flush=True)
    sys.stdin.read()
"""


@pytest.fixture(params=["posix", "windows"])
def branch(request: pytest.FixtureRequest) -> str:
    """Which branch of mbc_vault.system the test and the programs it starts take."""
    if request.param == "windows":
        request.getfixturevalue("windows")
    return str(request.param)


def _child(code: str, *args: str, cwd: Path, branch: str = "posix") -> subprocess.Popen[str]:
    env = {**os.environ, "MBC_VAULT_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "-c", (PRELUDE if branch == "windows" else "") + code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
    )


def _expect_line(proc: subprocess.Popen[str], expected: str) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line != expected + "\n":
        proc.kill()
        _out, err = proc.communicate()
        pytest.fail(f"expected {expected!r} from the child, got {line!r}: {err}")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_simultaneous_adds_from_three_processes(
    tmp_path: Path, vault: Vault, vault_path: Path, branch: str
) -> None:
    rng = random.Random(42)
    existing = [
        vault.add_document(DATA / "images" / "lab-report-scan.png", category="lab-result"),
        vault.add_document(
            DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf", category="pathology-report"
        ),
    ]
    note = tmp_path / "note.txt"
    note.write_text("Questions for the next visit.\n")
    existing.append(vault.add_document(note, category="questions"))
    sources: dict[str, bytes] = {}
    batches = []
    for child in range(3):
        batch = []
        for n in range(3):
            data = rng.randbytes((1 << 20) + 1000 * child + n)  # 1 MiB each, all different
            source = tmp_path / f"child{child}-doc{n}.bin"
            source.write_bytes(data)
            sources[source.name] = data
            batch.append(str(source))
        batches.append(batch)

    # a vault opened before the others write sees their records after reload()
    watcher = Vault.open(vault_path, PASSPHRASE)
    children = [
        _child(ADDER, str(vault_path), existing[i].id, *batch, cwd=tmp_path, branch=branch)
        for i, batch in enumerate(batches)
    ]
    for proc in children:
        _expect_line(proc, "READY")
    for proc in children:  # the barrier: all are open and waiting; release them together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    added: set[str] = set()
    for proc in children:
        out, err = proc.communicate(timeout=HANG_GUARD_S)
        assert proc.returncode == 0, err
        lines = out.splitlines()
        assert lines[-1] == "DONE", out
        added |= {line.split()[1] for line in lines if line.startswith("ADDED ")}
    assert len(added) == 9

    watcher.reload()
    assert {r.id for r in watcher.records()} == added | {r.id for r in existing}
    watcher.close()

    with Vault.open(vault_path, PASSPHRASE) as after:
        assert after.load_problems == []
        report = after.verify()
        assert report.ok, [p.describe() for p in report.problems]
        assert report.records_checked == report.documents_checked == 12
        assert report.unreferenced == []
        records = {r.id: r for r in after.records()}
        assert set(records) == added | {r.id for r in existing}
        for rid in added:
            record = records[rid]
            with after.open_document(rid) as stream:
                assert stream.read_all() == sources[record.title]
            assert after.page_texts(rid) == [f"text of {record.title}"]
        renamed = {records[r.id].title for r in existing}
        assert renamed == {f"renamed by child{i}-doc0.bin" for i in range(3)}
        assert all(records[r.id].revision == 2 for r in existing)
    assert not [p for p in vault_path.rglob(f"{TEMP_PREFIX}*")], "a writer left a temporary file"


def test_writer_lock_refuses_a_second_writer_and_dies_with_its_holder(
    tmp_path: Path, vault: Vault, vault_path: Path, branch: str
) -> None:
    record: Record = vault.add_document(DATA / "images" / "lab-report-scan.png", category="lab-result")
    lock = vault_path / ".lock"
    holder = _child(HOLDER, str(lock), cwd=tmp_path, branch=branch)
    try:
        _expect_line(holder, "LOCKED")
        with pytest.raises(VaultBusy) as caught:
            with writer_lock(lock, timeout_s=0.2):
                pytest.fail("took the writer lock while another process holds it")
        message = str(caught.value)
        assert "Another MBC Vault program is saving changes to this vault" in message
        assert "try again" in message and "\n" not in message
        assert holder.poll() is None  # the refusal was because of the live holder
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=HANG_GUARD_S)
        assert holder.returncode == -signal.SIGKILL
        # no stale lock: the OS released it with the process, so a writer that does not wait at all gets it
        with writer_lock(lock, timeout_s=0):
            pass
        assert vault.remove(record.id).in_trash
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.get(record.id).in_trash and reopened.verify().ok


def test_waiting_writer_goes_on_when_the_holder_is_killed(
    tmp_path: Path, vault: Vault, vault_path: Path, branch: str
) -> None:
    record = vault.add_document(DATA / "images" / "lab-report-scan.png", category="lab-result")
    holder = _child(HOLDER, str(vault_path / ".lock"), cwd=tmp_path, branch=branch)
    errors: list[BaseException] = []

    def remove() -> None:
        try:
            vault.remove(record.id)  # waits for the lock (up to the vault's 10 s)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    try:
        _expect_line(holder, "LOCKED")
        writer = threading.Thread(target=remove)
        writer.start()
        writer.join(timeout=0.3)
        assert writer.is_alive() and not errors, errors  # blocked behind the holder, not failed
        with Vault.open(vault_path, PASSPHRASE) as other:
            assert not other.get(record.id).in_trash
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=HANG_GUARD_S)
        writer.join(timeout=HANG_GUARD_S)
        assert not writer.is_alive() and errors == []
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.get(record.id).in_trash and reopened.verify().ok


#: Move one record to another category, so another scope: its document is re-encrypted and
#: the old document file deleted.
RECATEGORIZE = r"""
import os, sys
from mbc_vault.vault import Vault
with Vault.open(sys.argv[1], os.environ["MBC_VAULT_PASSPHRASE"]) as vault:
    vault.update_metadata(sys.argv[2], category=sys.argv[3])
print("DONE", flush=True)
"""


def test_verify_after_another_program_changed_a_record(
    tmp_path: Path, vault: Vault, vault_path: Path
) -> None:
    """A program that opened the vault earlier checks what is on disk now, not its older copy."""
    record = vault.add_document(
        DATA / "images" / "lab-report-scan.png", category="lab-result", page_texts=["blood count"]
    )
    assert record.document is not None
    other = _child(RECATEGORIZE, str(vault_path), record.id, "questions", cwd=tmp_path)
    out, err = other.communicate(timeout=HANG_GUARD_S)
    assert other.returncode == 0 and out == "DONE\n", err
    assert not (vault_path / "documents" / f"{record.document.id}.age").exists()  # re-encrypted elsewhere
    report = vault.verify()  # `vault` still holds the record as it was before the change
    assert report.ok, [p.describe() for p in report.problems]
    assert report.documents_checked == 1 and report.unreferenced == []
    vault.reload()
    moved = vault.get(record.id)
    assert moved.category == "questions" and vault.page_texts(record.id) == ["blood count"]
    with vault.open_document(record.id) as stream:
        assert stream.read_all() == (DATA / "images" / "lab-report-scan.png").read_bytes()
