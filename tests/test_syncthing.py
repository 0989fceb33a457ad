"""End to end with two real Syncthing instances on 127.0.0.1 (Debian package `syncthing`), syncing
one vault between two homes: concurrent edits on both sides converge, `mbc-vault verify` passes on
both, nothing is lost.

Discovery (global and local), relays, NAT traversal, upgrades, usage reports and crash reports are
off; each instance listens and serves its GUI/REST API on loopback ports only, with its own API key
and its own home. The test is bounded (DEADLINE_S) and stops both instances in a finally.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE, FakeClock, require_tool

from mbc_vault import sync
from mbc_vault.vault import Vault

DEADLINE_S = 120.0
FOLDER = "mbc-vault"
PNG = DATA / "images" / "lab-report-scan.png"
PDF = DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf"
JPG = DATA / "images" / "lab-report-photo.jpg"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    device_id: str
    gui_port: int
    listen_port: int
    api_key: str
    process: subprocess.Popen[bytes] | None = None

    def rest(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", method=method, headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            body = response.read()
        return json.loads(body) if body.strip() else None


def _config(me: Instance, peer: Instance) -> str:
    devices = "".join(f'<device id="{d.device_id}" introducedBy=""></device>' for d in (me, peer))
    known = "".join(
        f'<device id="{d.device_id}" name="{d.name}" compression="metadata" introducer="false">'
        f"<address>tcp://127.0.0.1:{d.listen_port}</address><autoAcceptFolders>false</autoAcceptFolders></device>"
        for d in (me, peer)
    )
    return f"""<configuration version="36">
    <folder id="{FOLDER}" label="vault" path="{me.folder}" type="sendreceive" rescanIntervalS="5"
            fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>{devices}
        <maxConflicts>10</maxConflicts>
        <pullerPauseS>2</pullerPauseS>
    </folder>
    {known}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{me.gui_port}</address>
        <apikey>{me.api_key}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://127.0.0.1:{me.listen_port}</listenAddress>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <urAccepted>-1</urAccepted>
        <crashReportingEnabled>false</crashReportingEnabled>
        <startBrowser>false</startBrowser>
        <setLowPriority>false</setLowPriority>
        <announceLANAddresses>false</announceLANAddresses>
    </options>
</configuration>
"""


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ST")}
    env.update(STNOUPGRADE="1", STNORESTART="1", STNODEFAULTFOLDER="1", STHOMEDIR=str(home), HOME=str(home))
    return env


def _deadline_left(deadline: float, what: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        pytest.fail(f"Syncthing test ran out of time ({DEADLINE_S:.0f} s) while {what}")
    return left


def _wait(deadline: float, what: str, check) -> None:  # type: ignore[no-untyped-def]
    while True:
        _deadline_left(deadline, what)
        try:
            if check():
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.25)


def _tree(root: Path) -> dict[str, str]:
    """The synced files of a vault folder (not the lock, Syncthing's own or temporary files)."""
    out = {}
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if (
            path.is_dir()
            or rel.parts[0].startswith(".st")
            or path.name == ".lock"
            or sync.is_temporary(path.name)
        ):
            continue
        try:
            out[str(rel)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:
            continue
    return out


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Instance, Instance]]:
    binary = require_tool("syncthing")
    instances = []
    for name in ("desk", "laptop"):
        home = tmp_path / f"st-{name}"
        subprocess.run(
            [binary, "generate", f"--home={home}", "--no-default-folder"],
            env=_env(home),
            check=True,
            capture_output=True,
            timeout=30,
        )
        device_id = subprocess.run(
            [binary, "--device-id", f"--home={home}"],
            env=_env(home),
            check=True,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        folder = tmp_path / f"vault-{name}"
        folder.mkdir()
        (folder / ".stfolder").mkdir()
        (folder / ".stignore").write_text(".lock\n")  # the writer lock is per computer
        instances.append(
            Instance(name, home, folder, device_id, _free_port(), _free_port(), secrets.token_hex(16))
        )
    a, b = instances
    for me, peer in ((a, b), (b, a)):
        (me.home / "config.xml").write_text(_config(me, peer))
    try:
        for inst in instances:
            log = open(inst.home / "syncthing.log", "wb")
            inst.process = subprocess.Popen(
                [binary, "serve", f"--home={inst.home}", "--no-browser", "--no-restart", "--logflags=3"],
                env=_env(inst.home),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
            log.close()
        yield a, b
    finally:
        for inst in instances:
            if inst.process is not None and inst.process.poll() is None:
                os.killpg(inst.process.pid, signal.SIGTERM)
        for inst in instances:
            if inst.process is not None:
                try:
                    inst.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(inst.process.pid, signal.SIGKILL)
                    inst.process.wait(timeout=10)


def _converged(a: Instance, b: Instance) -> bool:
    for inst in (a, b):
        status = inst.rest(f"/rest/db/status?folder={FOLDER}")
        assert isinstance(status, dict)
        if status.get("state") != "idle" or status.get("needTotalItems", 0) != 0:
            return False
        peer = b if inst is a else a
        completion = inst.rest(f"/rest/db/completion?folder={FOLDER}&device={peer.device_id}")
        assert isinstance(completion, dict)
        if completion.get("completion") != 100:
            return False
    return _tree(a.folder) == _tree(b.folder)


def _sync(a: Instance, b: Instance, deadline: float, what: str) -> None:
    for inst in (a, b):
        inst.rest(f"/rest/db/scan?folder={FOLDER}", method="POST")
    stable_since = None

    def settled() -> bool:  # converged, and still so a moment later (nothing else in flight)
        nonlocal stable_since
        if not _converged(a, b):
            stable_since = None
            return False
        stable_since = stable_since or time.monotonic()
        return time.monotonic() - stable_since > 1.5

    _wait(deadline, what, settled)


def _verify_cli(folder: Path, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    passfile = tmp_path / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "mbc-vault"),
            "verify",
            str(folder),
            "--passphrase-file",
            str(passfile),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def test_two_syncthing_instances(pair: tuple[Instance, Instance], tmp_path: Path, clock: FakeClock) -> None:
    a, b = pair
    deadline = time.monotonic() + DEADLINE_S
    for inst in (a, b):
        _wait(deadline, f"starting Syncthing ({inst.name})", lambda inst=inst: inst.rest("/rest/system/ping"))
    _wait(
        deadline,
        "connecting the two instances",
        lambda: a.rest("/rest/system/connections")["connections"][b.device_id]["connected"],
    )  # type: ignore[index]

    # the patient makes the vault on the desk computer; it syncs to the laptop
    with Vault.create(
        a.folder / "v", PASSPHRASE, name="Jane Example", work_factor=12, cache_root=tmp_path / "ca"
    ) as v:
        shared = v.add_document(PNG, category="lab-result", title="Blood count", page_texts=["CBC"])
        entry = v.add_entry(
            "symptom", {"symptom": "fatigue", "severity": 4}, title="Fatigue", date="2026-01-02"
        )
    _sync(a, b, deadline, "syncing the new vault to the laptop")
    desk, laptop = a.folder / "v", b.folder / "v"
    assert (laptop / "vault.json").exists()

    # apart (both instances paused): both edit the same record and the same entry, and each adds one
    for inst in (a, b):
        inst.rest("/rest/system/pause", method="POST")
    with Vault.open(desk, PASSPHRASE, cache_root=tmp_path / "ca") as v:
        v.clock = clock
        v.update_metadata(shared.id, title="Blood count (desk)", tags=["desk"])
        v.update_entry(entry.id, notes="worse in the evening")
        will = v.add_document(PDF, category="will", title="Will")
    clock.advance()  # the laptop's edits are the newer
    with Vault.open(laptop, PASSPHRASE, cache_root=tmp_path / "cb") as v:
        v.clock = clock
        v.update_metadata(shared.id, title="Blood count (laptop)", notes="from the laptop")
        v.update_entry(entry.id, data={"symptom": "fatigue", "severity": 6})
        photo = v.add_document(JPG, category="imaging-report", title="Photo")
    for inst in (a, b):
        inst.rest("/rest/system/resume", method="POST")
    _sync(a, b, deadline, "syncing the concurrent edits")
    copies = sync.scan(desk).conflicts
    assert {c.original for c in copies} == {f"{shared.id}.age", f"{entry.id}.age"}
    assert {c.tool for c in copies} == {"Syncthing"}

    # each side opens the vault before the other's folding arrives: the conflict copies are folded back
    # the same way on both (same names, same bytes), so Syncthing has nothing to disagree about
    with Vault.open(desk, PASSPHRASE, cache_root=tmp_path / "ca") as v:
        assert set(v.conflicts()) == {shared.id, entry.id}
    with Vault.open(laptop, PASSPHRASE, cache_root=tmp_path / "cb") as v:
        assert set(v.conflicts()) == {shared.id, entry.id}
    _sync(a, b, deadline, "syncing the folded vault")
    for folder, cache in ((desk, "ca"), (laptop, "cb")):
        assert sync.scan(folder).conflicts == [] and sync.scan(folder).unknown == []
        with Vault.open(folder, PASSPHRASE, cache_root=tmp_path / cache) as v:
            assert v.get(shared.id).title == "Blood count (laptop)"  # the newer is shown
            versions = v.conflicts()
            assert {x.record.title for x in versions[shared.id]} == {
                "Blood count (desk)",
                "Blood count (laptop)",
            }
            entry_versions = {(x.record.notes, x.record.data.get("severity")) for x in versions[entry.id]}
            assert entry_versions == {("worse in the evening", 4), ("", 6)}  # nothing lost
            assert {r.title for r in v.records()} == {"Blood count (laptop)", "Will", "Photo"}
            for record_id, source in ((will.id, PDF), (photo.id, JPG), (shared.id, PNG)):
                with v.open_document(record_id) as stream:
                    assert stream.read() == source.read_bytes()
        report = _verify_cli(folder, tmp_path)
        assert report["ok"] and report["problems"] == [] and report["unreferenced"] == []

    # the desk chooses its version; the choice reaches the laptop
    with Vault.open(desk, PASSPHRASE, cache_root=tmp_path / "ca") as v:
        mine = next(x for x in v.conflicts()[shared.id] if x.record.title == "Blood count (desk)")
        v.resolve_conflict(shared.id, mine.version_id)
    _sync(a, b, deadline, "syncing the choice")
    with Vault.open(laptop, PASSPHRASE, cache_root=tmp_path / "cb") as v:
        assert v.get(shared.id).title == "Blood count (desk)"
        assert set(v.conflicts()) == {entry.id}
        assert {x.record.title for x in v.versions(shared.id)} >= {
            "Blood count (desk)",
            "Blood count (laptop)",
        }
    for folder in (desk, laptop):
        assert _verify_cli(folder, tmp_path)["ok"]
