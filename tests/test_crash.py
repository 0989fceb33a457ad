"""Crash injection: a child process using the core API is killed with SIGKILL in the middle of
adding a multi-MB document, moving a record to the trash and changing the passphrase.

Kill points are random (a seeded delay, uniform over the operation's duration measured once at
the start) and also chosen: just before each rename the operation makes, when its temporary
file is complete but not yet in place. After every kill the vault must open (with the old
passphrase, or for a passphrase change with exactly one of old and new), verify() must find no
problem, every record committed before must be there with byte-identical documents, and no
plaintext may be left in any file (vault, record cache, the child's temporary folder).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR

from mbc_vault import age
from mbc_vault.errors import WrongPassphrase
from mbc_vault.fsutil import TEMP_PREFIX, temp_path_for
from mbc_vault.keys import person_key_text
from mbc_vault.vault import Vault

AGE_MAGIC = b"age-encryption.org/v1\n"
TITLE = "Crash sentinel title"
PLAIN = b"CRASH-PLAINTEXT"
NEW_PASSPHRASE = "crash new passphrase"
DOC_SIZE = (2 << 20) + 12345  # 2 MiB and a bit: 33 payload chunks, the last one short
SEED = 20260311
#: uninterrupted runs that measure an operation (the shortest counts: a busy machine only
#: makes the operation slower, so kills still land inside it)
CALIBRATION_RUNS = 2
#: a guard against a hung child, not a performance limit
HANG_GUARD_S = 120

#: The child: open the vault, say GO, do one operation, say DONE. With CRASH_STOP_AT=N it
#: stops before its N-th os.replace (the rename that commits a file) and waits to be killed.
CHILD = r"""
import os, sys
def say(*words):
    # one write per line: print() writes each word on its own when PYTHONUNBUFFERED is set
    # (as on CI), and a kill between two writes left a line "ADDED " without its id
    os.write(1, (" ".join(words) + "\n").encode())
armed = False
stop_at = int(os.environ.get("CRASH_STOP_AT", "0"))
real_replace = os.replace
calls = 0
def replace(src, dst, *args, **kwargs):
    global calls
    if armed:
        calls += 1
        if calls == stop_at:
            say("STOP", os.fspath(dst))
            sys.stdin.readline()  # the parent kills us here
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace

from mbc_vault.vault import Vault
op = sys.argv[1]
vault = Vault.open(os.environ["CRASH_VAULT"], os.environ["CRASH_PASSPHRASE"])
armed = True
say("GO")
if op == "add":
    record = vault.add_document(sys.argv[2], category="imaging-report", title=sys.argv[3],
                                page_texts=[sys.argv[4]])
    say("ADDED", record.id)
elif op == "remove":
    vault.remove(sys.argv[2])
elif op == "passwd":
    vault.change_passphrase(os.environ["CRASH_NEW_PASSPHRASE"], work_factor=int(sys.argv[2]))
else:
    raise SystemExit("unknown operation " + op)
vault.close()
say("DONE")
"""


@dataclass
class Expected:
    title: str
    size: int
    sha256: str


@dataclass
class Outcome:
    completed: bool
    lines: list[str]


class Harness:
    """One vault, reused across trials, and what must be in it."""

    def __init__(self, tmp_path: Path, vault: Vault) -> None:
        self.tmp = tmp_path
        self.path = vault.path
        self.passphrase = PASSPHRASE
        self.expected: dict[str, Expected] = {
            r.id: Expected(r.title, r.size, r.sha256) for r in vault.records(include_trashed=True)
        }
        self.cache = Path(os.environ["MBC_VAULT_CACHE_DIR"])
        self.child_tmp = tmp_path / "child-tmp"
        self.child_tmp.mkdir()
        self.sources = tmp_path / "sources"
        self.sources.mkdir()
        self.stderr = tmp_path / "child-stderr.txt"
        self.stats: Counter[str] = Counter()
        self.needles = [
            PLAIN,
            TITLE.encode(),
            b"AGE-SECRET-KEY-1",
            PASSPHRASE.encode(),
            NEW_PASSPHRASE.encode(),
        ]

    # ---------------------------------------------------------------- children
    def start(self, args: list[str], *, stop_at: int = 0, new_passphrase: str = "") -> subprocess.Popen[str]:
        env = {
            **os.environ,
            "CRASH_VAULT": str(self.path),
            "CRASH_PASSPHRASE": self.passphrase,
            "CRASH_NEW_PASSPHRASE": new_passphrase,
            "CRASH_STOP_AT": str(stop_at),
            "TMPDIR": str(self.child_tmp),
        }
        with open(self.stderr, "w") as stderr:
            proc = subprocess.Popen(
                [sys.executable, "-c", CHILD, *args],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
                env=env,
                cwd=self.tmp,
            )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line != "GO\n":
            proc.kill()
            proc.wait()
            pytest.fail(f"the child did not start: {line!r} {self.stderr.read_text()}")
        return proc

    def finish(self, proc: subprocess.Popen[str], killed: bool, read: list[str] | None = None) -> Outcome:
        assert proc.stdout is not None and proc.stdin is not None
        try:
            code = proc.wait(timeout=HANG_GUARD_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            pytest.fail(f"the child hung: {self.stderr.read_text()}")
        lines = [line.strip() for line in read or []] + proc.stdout.read().splitlines()
        proc.stdout.close()
        proc.stdin.close()
        completed = "DONE" in lines
        if killed:  # (the child may have exited just before the signal)
            assert code == -signal.SIGKILL or (code == 0 and completed), (code, self.stderr.read_text())
        else:
            assert code == 0, (code, self.stderr.read_text())
        self.stats["completed" if completed else "killed"] += 1
        return Outcome(completed, lines)

    def run_to_end(self, args: list[str], new_passphrase: str = "") -> float:
        """Run the operation uninterrupted; returns its duration (GO to DONE)."""
        proc = self.start(args, new_passphrase=new_passphrase)
        assert proc.stdout is not None
        began = time.monotonic()
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if line == "DONE\n":
                break
        duration = time.monotonic() - began
        outcome = self.finish(proc, killed=False, read=lines)
        assert outcome.completed, outcome.lines
        return duration

    def run_killed_after(self, args: list[str], delay: float, new_passphrase: str = "") -> Outcome:
        proc = self.start(args, new_passphrase=new_passphrase)
        killed = False
        try:
            proc.wait(timeout=delay)  # waits on the child: it may finish first
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            killed = True
        return self.finish(proc, killed)

    def run_killed_before_rename(self, args: list[str], n: int, new_passphrase: str = "") -> Outcome:
        """Kill the child just before its n-th rename; Outcome.completed if it has fewer."""
        before = set(self.temp_files(self.path, self.cache))
        proc = self.start(args, stop_at=n, new_passphrase=new_passphrase)
        assert proc.stdout is not None
        read = []
        for line in proc.stdout:
            read.append(line)
            if line.startswith("STOP ") or line == "DONE\n":
                break
        killed = line.startswith("STOP ")
        if killed:
            target = Path(line.split(" ", 1)[1].strip())
            temps = [p for p in set(self.temp_files(target.parent)) - before if p.name.endswith(target.name)]
            assert len(temps) == 1 and temps[0].stat().st_size > 0, temps  # complete, fsynced, not renamed
            self.stats[f"stopped before renaming into {target.parent.name}/"] += 1
            proc.send_signal(signal.SIGKILL)
        return self.finish(proc, killed, read=read)

    # ---------------------------------------------------------------- checks
    def open(self, passphrase: str) -> Vault:
        return Vault.open(self.path, passphrase)

    def check(self, new: dict[str, Expected] | None = None, must_have: set[str] | None = None) -> None:
        """The vault after a crash: opens, verifies clean, holds every committed record intact."""
        with self.open(self.passphrase) as vault:
            assert vault.load_problems == []
            report = vault.verify()
            assert report.ok, [p.describe() for p in report.problems]
            present = {r.id: r for r in vault.records(include_trashed=True)}
            appeared = set(present) - set(self.expected)
            for rid in appeared:  # only the record the interrupted add was making may appear
                record = present[rid]
                candidates = [
                    e
                    for e in (new or {}).values()
                    if (e.title, e.size, e.sha256) == (record.title, record.size, record.sha256)
                ]
                assert len(candidates) == 1, f"unexpected record {rid} {record.title}"
                self.expected[rid] = candidates[0]
            assert (must_have or set()) <= set(present)
            missing = set(self.expected) - set(present)
            assert not missing, f"committed records lost: {missing}"
            for rid, expected in self.expected.items():
                record = present[rid]
                assert (record.title, record.size, record.sha256) == (
                    expected.title,
                    expected.size,
                    expected.sha256,
                )
                digest = hashlib.sha256()
                with vault.open_document(rid) as stream:
                    for chunk in stream.chunks():
                        digest.update(chunk)
                assert digest.hexdigest() == expected.sha256, f"document of {rid} changed"
            self.stats["orphan documents"] = len(report.unreferenced)
        self.assert_no_plaintext()

    def assert_no_plaintext(self) -> None:
        assert list(self.child_tmp.iterdir()) == [], "the child left files in its temporary folder"
        for root in (self.path, self.cache):
            for file in root.rglob("*"):
                if not file.is_file():
                    continue
                data = file.read_bytes()
                for needle in self.needles:
                    assert needle not in data, f"{needle!r} in plaintext in {file}"
                if file.name.startswith(TEMP_PREFIX):
                    self.stats["temporary files seen"] += 1
                    # a crashed writer's temporary file: empty, or the start of an age file
                    assert data.startswith(AGE_MAGIC) or AGE_MAGIC.startswith(data), file
                elif file.name not in ("vault.json", "MBC-VAULT.json", "README.txt", ".lock"):
                    assert data.startswith(AGE_MAGIC), file

    def temp_files(self, *roots: Path) -> list[Path]:
        return [p for root in roots or (self.path,) for p in root.rglob(f"{TEMP_PREFIX}*") if p.is_file()]

    # ---------------------------------------------------------------- operations
    def new_document(self, label: str) -> tuple[list[str], dict[str, Expected]]:
        """A fresh multi-MB document (unique content) and the arguments to add it."""
        line = f"{PLAIN.decode()} {label} ".encode()
        body = b"".join(line + b"%07d " % i + b"." * 40 + b"\n" for i in range(DOC_SIZE // 60 + 1))[:DOC_SIZE]
        source = self.sources / f"{label}.bin"
        source.write_bytes(body)
        title = f"{TITLE} {label}"
        expected = Expected(title, len(body), hashlib.sha256(body).hexdigest())
        return ["add", str(source), title, f"{PLAIN.decode()} page text {label}"], {label: expected}


@pytest.fixture
def harness(tmp_path: Path, vault: Vault) -> Harness:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    vault.add_document(
        DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf",
        category="pathology-report",
        title=f"{TITLE} biopsy",
        page_texts=["page one"],
    )
    vault.add_document(DATA / "images" / "lab-report-scan.png", category="lab-result", title=f"{TITLE} blood")
    for i in range(16):
        note = inputs / f"note-{i}.txt"
        note.write_text(f"{PLAIN.decode()} note {i}: questions for the next visit.\n" * (i + 1))
        vault.add_document(note, category="questions", title=f"{TITLE} note {i}")
    vault.close()
    with Vault.open(vault.path, PASSPHRASE) as opened:
        h = Harness(tmp_path, opened)
    h.check()
    return h


def test_random_kills_during_add(harness: Harness) -> None:
    h = harness
    rng = random.Random(SEED)
    durations = []
    for n in range(CALIBRATION_RUNS):
        args, new = h.new_document(f"calibration-{n}")
        durations.append(h.run_to_end(args))
        h.check(new)
    duration = min(durations)
    for trial in range(20):
        args, new = h.new_document(f"trial-{trial:02d}")
        before = set(h.temp_files())
        outcome = h.run_killed_after(args, rng.uniform(0, duration * 1.1))
        added = {line.split()[1] for line in outcome.lines if line.startswith("ADDED ")}
        h.check(new, must_have=added)
        if any(p.parent.name == "documents" for p in set(h.temp_files()) - before):
            h.stats["document writes cut"] += 1
    assert h.stats["killed"] >= 1 and h.stats["document writes cut"] >= 1, h.stats
    # leftovers of the crashes are ciphertext; clean_up removes them once they are old
    leftovers = h.temp_files()
    old = time.time() - 2 * 3600
    for file in leftovers:
        os.utime(file, (old, old))
    assert leftovers
    with h.open(h.passphrase) as vault:  # an editor's open removes stale temporary files
        assert vault.clean_up() == 0
    assert h.temp_files() == []
    h.check()
    print(f"\nadd: {len(h.expected)} records, one add takes {duration * 1000:.0f} ms; {dict(h.stats)}")


def test_random_kills_during_remove(harness: Harness) -> None:
    h = harness
    rng = random.Random(SEED + 1)
    with h.open(h.passphrase) as vault:
        order = [r.id for r in vault.records()]
    rng.shuffle(order)
    duration = min(h.run_to_end(["remove", order.pop()]) for _ in range(CALIBRATION_RUNS))
    h.check()
    for _ in range(15):
        rid = order.pop()
        outcome = h.run_killed_after(["remove", rid], rng.uniform(0, duration * 1.1))
        h.check()
        with h.open(h.passphrase) as vault:
            record = vault.get(rid)
            if outcome.completed:
                assert record.in_trash
            # either the old record or the new one, never a mix
            assert (record.revision, record.in_trash) in ((1, False), (2, True))
            h.stats["trashed" if record.in_trash else "not trashed"] += 1
    assert h.stats["killed"] >= 1, h.stats
    print(f"\nremove: one takes {duration * 1000:.0f} ms; {dict(h.stats)}")


def _passwd_trial(h: Harness, outcome_of: Callable[[str], Outcome], new: str) -> Outcome:
    old = h.passphrase
    outcome = outcome_of(new)
    works = []
    for candidate in (old, new):
        try:
            Vault.open(h.path, candidate, use_cache=False).close()
            works.append(candidate)
        except WrongPassphrase:
            pass
    assert len(works) == 1, f"passphrases that open the vault: {len(works)}"
    if outcome.completed:
        assert works == [new]
    h.passphrase = works[0]
    h.stats["new passphrase" if works == [new] else "old passphrase"] += 1
    h.check()
    return outcome


def test_random_kills_during_passwd(harness: Harness) -> None:
    h = harness
    rng = random.Random(SEED + 2)
    began_with = h.passphrase
    durations = []
    for n in range(CALIBRATION_RUNS):
        new = f"{NEW_PASSPHRASE} calibration {n}"
        durations.append(h.run_to_end(["passwd", str(TEST_WORK_FACTOR)], new_passphrase=new))
        h.passphrase = new
        h.check()
    duration = min(durations)
    for trial in range(1, 16):
        delay = rng.uniform(0, duration * 1.1)
        _passwd_trial(
            h,
            lambda new, delay=delay: h.run_killed_after(
                ["passwd", str(TEST_WORK_FACTOR)], delay, new_passphrase=new
            ),
            f"{NEW_PASSPHRASE} {trial}",
        )
    assert h.stats["killed"] >= 1, h.stats
    with pytest.raises(WrongPassphrase):
        Vault.open(h.path, began_with)
    print(f"\npasswd: one takes {duration * 1000:.0f} ms; {dict(h.stats)}")


def test_kills_just_before_each_rename(harness: Harness) -> None:
    """Chosen kill points: each temporary file complete and fsynced, but not yet renamed."""
    h = harness
    n = 0
    while True:  # add: document, page text, record, record cache
        n += 1
        args, new = h.new_document(f"rename-{n}")
        outcome = h.run_killed_before_rename(args, n)
        h.check(new, must_have={line.split()[1] for line in outcome.lines if line.startswith("ADDED ")})
        if outcome.completed:
            break
    assert n >= 4, n
    with h.open(h.passphrase) as vault:
        victims = [r.id for r in vault.records()]
    n = 0
    while True:  # remove: record, record cache
        n += 1
        rid = victims.pop()
        outcome = h.run_killed_before_rename(["remove", rid], n)
        h.check()
        if outcome.completed:
            break
    assert n >= 2, n
    n = 0
    while True:  # passwd: the key file
        n += 1
        outcome = _passwd_trial(
            h,
            lambda new, n=n: h.run_killed_before_rename(
                ["passwd", str(TEST_WORK_FACTOR)], n, new_passphrase=new
            ),
            f"{NEW_PASSPHRASE} rename {n}",
        )
        if outcome.completed:
            break
    assert n >= 2, n
    assert h.stats["stopped before renaming into keys/"] == 1
    assert h.stats["stopped before renaming into records/"] == 2
    print(f"\nrenames: {dict(h.stats)}")


def test_complete_temporary_files_are_not_part_of_the_vault(vault: Vault, vault_path: Path) -> None:
    """A writer killed between fsync and rename leaves a complete ciphertext under a .tmp- name:
    it is neither damage (verify), nor a key to try, nor an unreferenced document."""
    record = vault.add_document(DATA / "images" / "lab-report-scan.png", category="lab-result")
    assert record.document is not None
    record_file = vault_path / "records" / f"{record.id}.age"
    doc_file = vault_path / "documents" / f"{record.document.id}.age"
    for file in (record_file, doc_file):
        temp_path_for(file).write_bytes(file.read_bytes())
    pid, identity = Vault.unlock_identity(vault_path, PASSPHRASE)
    key_file = vault_path / "keys" / f"{pid}.age"
    temp_path_for(key_file).write_bytes(
        age.encrypt_bytes(
            person_key_text(pid, identity), [age.ScryptRecipient(b"the new passphrase", TEST_WORK_FACTOR)]
        )
    )
    report = vault.verify()
    assert report.problems == [] and report.unreferenced == []
    with Vault.open(vault_path, PASSPHRASE) as reopened:
        assert reopened.load_problems == []
        assert [r.id for r in reopened.records()] == [record.id]
    assert Vault.person_ids(vault_path) == [pid]
    with pytest.raises(WrongPassphrase):  # the rename never happened: the new passphrase is not in force
        Vault.open(vault_path, "the new passphrase")
