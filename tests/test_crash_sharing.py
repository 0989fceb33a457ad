"""Crash injection for issue 10: a child process is killed with SIGKILL during the upgrade from
format 1, a key rotation, adding a person and a passphrase change (a new identity key).

Kill points are chosen (just before each rename the operation makes, when its temporary file is
complete but not in place) and random (a seeded delay over the operation's measured duration).
After each kill the owner opens the vault, which finishes what was started; then verify() must
find no problem, every record must be there with byte-identical documents, and the people who
could open the vault must still open it. The default run tries a few points of each operation;
`pytest -m slow` tries every rename point and random kills, 200 or more trials in all.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, TEST_WORK_FACTOR

from mbc_vault.errors import IntegrityError, WrongPassphrase
from mbc_vault.vault import Vault

OWNER = "crash owner passphrase"
MEMBER = "crash member passphrase"
NEW = "crash new owner passphrase"
NEW_MEMBER = "crash new member passphrase"
FORMAT1 = DATA / "format1-vault"
FORMAT1_OWNER, FORMAT1_LEE = "format one owner passphrase", "format one lee passphrase"
SEED = 20261201
HANG_GUARD_S = 120

CHILD = r"""
import os, sys
armed = False
stop_at = int(os.environ.get("CRASH_STOP_AT", "0"))
real_replace = os.replace
calls = 0
def replace(src, dst, *args, **kwargs):
    global calls
    if armed:
        calls += 1
        if calls == stop_at:
            print("STOP", flush=True)
            sys.stdin.readline()
    return real_replace(src, dst, *args, **kwargs)
os.replace = replace
from mbc_vault.vault import Vault
op, path, passphrase = sys.argv[1], sys.argv[2], sys.argv[3]
if op in ("upgrade", "take-in"):
    armed = True
    print("GO", flush=True)
    Vault.open(path, passphrase).close()
else:
    vault = Vault.open(path, passphrase)
    armed = True
    print("GO", flush=True)
    if op == "rotate":
        vault.rotate_scope("medical")
    elif op == "add-person":
        vault.add_person(
            "Robin", "friend", ["legal"], can_edit=False, passphrase="robin words", work_factor=12
        )
    elif op == "passwd":
        vault.change_passphrase(os.environ["CRASH_NEW"], work_factor=12)
print("CALLS", calls, flush=True)
print("DONE", flush=True)
"""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Harness:
    def __init__(self, tmp: Path, op: str) -> None:
        self.tmp, self.op = tmp, op
        self.template = tmp / "template"
        self.path = tmp / "vault"
        self.cache = tmp / "cache"
        if op == "upgrade":
            shutil.copytree(FORMAT1, self.template)
            self.passphrase, self.member = FORMAT1_OWNER, FORMAT1_LEE
        else:
            self.passphrase, self.member = OWNER, MEMBER
            with Vault.create(
                self.template,
                OWNER,
                name="Crash family",
                work_factor=TEST_WORK_FACTOR,
                cache_root=tmp / "template-cache",
            ) as vault:
                for i in range(3):
                    vault.add_document(
                        io.BytesIO(f"fictional report {i} ".encode() * 3000),
                        category="pathology-report",
                        title=f"Report {i}",
                        page_texts=[f"page {i}"],
                    )
                vault.add_document(io.BytesIO(b"fictional will " * 100), category="will", title="Will")
                vault.add_person(
                    "Alex",
                    "partner",
                    ["medical", "legal"],
                    can_edit=True,
                    passphrase=MEMBER,
                    work_factor=TEST_WORK_FACTOR,
                )
            if op == "take-in":  # Alex changed passphrase; the owner's open (the child) takes it in
                with Vault.open(self.template, MEMBER, cache_root=tmp / "member-cache") as alex:
                    alex.add_document(
                        io.BytesIO(b"fictional note by Alex " * 20), category="will", title="Alex's"
                    )
                    alex.change_passphrase(NEW_MEMBER, work_factor=TEST_WORK_FACTOR)
                self.member = NEW_MEMBER
        probe = tmp / "probe"  # opening upgrades a format-1 vault: read the expected records from a copy
        shutil.copytree(self.template, probe)
        with Vault.open(probe, self.passphrase, cache_root=tmp / "template-cache") as vault:
            self.expected = {
                r.id: digest(vault.open_document(r.id).read_all()) if r.document else ""
                for r in vault.records(kind=None, include_trashed=True)
            }

    def fresh(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        shutil.rmtree(self.cache, ignore_errors=True)
        shutil.copytree(self.template, self.path)

    def child(self, stop_at: int = 0) -> subprocess.Popen[str]:
        env = dict(os.environ, MBC_VAULT_CACHE_DIR=str(self.cache), CRASH_STOP_AT=str(stop_at), CRASH_NEW=NEW)
        return subprocess.Popen(
            [sys.executable, "-c", CHILD, self.op, str(self.path), self.passphrase],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).parent.parent,
        )

    def measure(self) -> tuple[int, float]:
        """(renames the operation makes, its duration) from one uninterrupted run."""
        self.fresh()
        proc = self.child()
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "GO"
        start = time.monotonic()
        out, err = proc.communicate(timeout=HANG_GUARD_S)
        took = time.monotonic() - start
        assert proc.returncode == 0, err
        calls = int(next(line.split()[1] for line in out.splitlines() if line.startswith("CALLS")))
        self.check()
        return calls, took

    def kill_at_rename(self, stop_at: int) -> None:
        self.fresh()
        proc = self.child(stop_at)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "GO"
        line = proc.stdout.readline().strip()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=HANG_GUARD_S)
        assert line in ("STOP", "CALLS 0", "") or line.startswith("CALLS"), line
        self.check()

    def kill_after(self, delay: float) -> None:
        self.fresh()
        proc = self.child()
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "GO"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=HANG_GUARD_S)
        self.check()

    def open_owner(self) -> Vault:
        try:
            return Vault.open(self.path, self.passphrase, cache_root=self.cache)
        except WrongPassphrase:
            assert self.op == "passwd"
            return Vault.open(self.path, NEW, cache_root=self.cache)

    def check(self) -> None:
        with self.open_owner() as owner:  # finishes what the child started
            report = owner.verify()
            assert report.ok, [p.describe() for p in report.problems]
            assert not report.unreferenced or self.op == "rotate", report.unreferenced
            found = {
                r.id: digest(owner.open_document(r.id).read_all()) if r.document else ""
                for r in owner.records(kind=None, include_trashed=True)
            }
            assert found == self.expected
            listed = set(owner.people)
            assert {p.stem for p in (self.path / "keys").iterdir() if p.suffix == ".age"} <= listed | {
                p.stem for p in (self.path / "keys").iterdir() if p.name.startswith(".tmp-")
            }
            assert not (self.path / "rotation.age").exists()
            assert not (self.path / "upgrade.age").exists()
            assert not (self.path / "requests").exists() or not list((self.path / "requests").iterdir())
        with Vault.open(self.path, self.member, cache_root=self.cache) as member:
            assert member.records(kind=None)  # the member still opens and reads their parts
        if self.op == "add-person":
            try:
                with Vault.open(self.path, "robin words", cache_root=self.cache) as robin:
                    assert robin.person.scopes == ["legal"]
            except (WrongPassphrase, IntegrityError):
                pass  # killed before Robin was added: Robin was cleaned up, nobody half-added


OPS = ["upgrade", "rotate", "add-person", "passwd", "take-in"]


@pytest.mark.parametrize("op", OPS)
def test_kills_at_a_few_rename_points(tmp_path: Path, op: str) -> None:
    h = Harness(tmp_path, op)
    calls, _ = h.measure()
    assert calls >= 3
    for stop_at in sorted({1, calls // 2, calls}):
        h.kill_at_rename(stop_at)


@pytest.mark.slow
@pytest.mark.parametrize("op", OPS)
def test_kills_at_every_rename_point_and_at_random(tmp_path: Path, op: str) -> None:
    h = Harness(tmp_path, op)
    calls, took = h.measure()
    for stop_at in range(1, calls + 1):
        h.kill_at_rename(stop_at)
    rng = random.Random(SEED + OPS.index(op))
    for _ in range(max(0, 55 - calls)):
        h.kill_after(rng.uniform(0, took * 1.1))
