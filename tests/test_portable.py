"""The code that differs on Windows (mbc_vault/system.py), run here by forcing its branch
(tests/windows_like.py), and what must hold on every system: the cache folder, file names a
Windows computer takes, and command-line output in a legacy code page.

The writer lock on the Windows branch is also tested across processes in tests/test_concurrency.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR
from windows_like import LOCKING, O_BINARY
from windows_like import PRELUDE as WINDOWS_PRELUDE

from mbc_vault import cli, fsutil, system
from mbc_vault.cache import default_cache_root
from mbc_vault.errors import IntegrityError, OutputFileError, VaultBusy
from mbc_vault.fsutil import (
    PrivateFile,
    atomic_write_bytes,
    atomic_write_private_bytes,
    portable_file_name,
    writer_lock,
)
from mbc_vault.vault import Vault

PNG = DATA / "images" / "lab-report-scan.png"
PDF = DATA / "pdf-samples" / "001-trivial" / "minimal-document.pdf"
ROOT = Path(__file__).resolve().parents[1]


# -- the Windows branch ------------------------------------------------------------------------
def test_windows_writes_files_without_opening_a_folder_and_in_binary_mode(
    windows: list[tuple[str, int]], tmp_path: Path
) -> None:
    target = tmp_path / "notes.bin"
    atomic_write_bytes(target, b"line one\nline two\n")  # would fsync the folder: Windows cannot open it
    assert target.read_bytes() == b"line one\nline two\n"
    private = tmp_path / "export.pdf"
    atomic_write_private_bytes(private, b"%PDF-1.7\n\x00\xff")
    assert private.read_bytes() == b"%PDF-1.7\n\x00\xff"
    (flags,) = [f for path, f in windows if Path(path).name.endswith("-export.pdf")]
    assert flags & O_BINARY, "Windows would write \\r\\n for every \\n of the PDF"
    assert not flags & (os.O_NOFOLLOW | os.O_CLOEXEC)  # Windows has neither
    assert not [path for path, _ in windows if Path(path).is_dir()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.pdf", "notes.bin"]


def test_windows_never_replaces_an_existing_file_unless_asked(
    windows: list[tuple[str, int]], tmp_path: Path
) -> None:
    target = tmp_path / "packet.pdf"
    out = PrivateFile(target)
    os.write(out.fd, b"new")
    target.write_bytes(b"made meanwhile")  # appears while the new file is written
    with pytest.raises(OutputFileError) as caught:
        out.commit()
    assert caught.value.code == "file-exists"
    assert target.read_bytes() == b"made meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["packet.pdf"]  # the temporary file went
    atomic_write_private_bytes(target, b"replaced", overwrite=True)
    assert target.read_bytes() == b"replaced"


def test_windows_tries_a_rename_again_while_another_program_holds_the_file(
    windows: list[tuple[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A virus scanner or a sync tool that has the file open makes Windows refuse a rename for a
    moment (PermissionError): the write waits for it, then goes on."""
    real_replace = os.replace
    refusals = {"left": 3}

    def busy_replace(source: Path, target: Path) -> None:
        if refusals["left"]:
            refusals["left"] -= 1
            raise PermissionError(13, "The process cannot access the file", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", busy_replace)
    target = tmp_path / "record.age"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and refusals["left"] == 0

    refusals["left"] = 10**6  # held for good: the error goes up, the old file stays, no leftovers
    monkeypatch.setattr(system, "BUSY_RETRY_S", 0.05)
    with pytest.raises(PermissionError):
        atomic_write_bytes(target, b"newer")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["record.age"]


def test_the_posix_branch_does_not_wait_for_a_refused_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def refused(source: Path, target: Path) -> None:
        calls.append(target)
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "x", b"x")
    assert len(calls) == 1  # on Linux and macOS a refusal is an answer, not a moment's lock


def test_windows_writer_lock_excludes_a_second_open_and_is_released(
    windows: list[tuple[str, int]], tmp_path: Path
) -> None:
    lock = tmp_path / ".lock"
    with writer_lock(lock):
        with pytest.raises(VaultBusy):
            with writer_lock(lock, timeout_s=0):
                pytest.fail("took the lock twice")
    with writer_lock(lock, timeout_s=0):  # released on the way out
        pass
    # taken, refused, released before the file was closed (Windows asks for that), taken, released
    assert LOCKING == [2, 2, 0, 2, 0]


@pytest.mark.parametrize("branch", ["windows", "posix"])
def test_a_rename_that_must_not_replace_refuses_an_existing_file(
    branch: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if branch == "windows":
        request.getfixturevalue("windows")
    source, target = tmp_path / "new", tmp_path / "there"
    source.write_bytes(b"new")
    target.write_bytes(b"kept")
    with pytest.raises(FileExistsError):
        system.rename_no_replace(source, target)
    assert target.read_bytes() == b"kept" and source.read_bytes() == b"new"
    target.unlink()
    system.rename_no_replace(source, target)
    assert target.read_bytes() == b"new" and not source.exists()


def test_a_vault_works_on_the_windows_branch(windows: list[tuple[str, int]], tmp_path: Path) -> None:
    """Create, add, change, fold a sync tool's copy, export, verify and reopen, all on the Windows
    branch; the vault's own writes are not taken for another program's (no inode from os.scandir)."""
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR) as new:
        record = new.add_document(PNG, category="lab-result", title="Blood count")
    vault = Vault.open(path, PASSPHRASE)
    note = vault.add_document(PDF, category="questions", title="Questions")
    assert not vault.changed_on_disk()
    vault.update_metadata(record.id, title="Blood count, March")
    assert not vault.changed_on_disk()
    # another computer's change, synced back as a Syncthing conflict copy
    laptop = tmp_path / "laptop"
    shutil.copytree(path, laptop)
    with Vault.open(laptop, PASSPHRASE, cache_root=tmp_path / "laptop-cache") as other:
        other.update_metadata(note.id, title="Questions for Dr. Rivera")
    copy = path / "records" / f"{note.id}.sync-conflict-20261127-124501-7XKQ3ZB.age"
    shutil.copyfile(laptop / "records" / f"{note.id}.age", copy)
    exported = vault.export_document(record.id, tmp_path / "blood count.png")
    assert exported.read_bytes() == PNG.read_bytes()
    vault.close()

    with Vault.open(path, PASSPHRASE) as again:
        assert not copy.exists()
        assert again.get(note.id).title == "Questions for Dr. Rivera"
        assert again.get(record.id).title == "Blood count, March"
        report = again.verify()
        assert report.ok, [p.describe() for p in report.problems]
        assert not again.changed_on_disk()
    assert not [p for p in path.rglob(f"{fsutil.TEMP_PREFIX}*")]


def test_windows_asks_for_the_passphrase_on_its_console(
    windows: list[tuple[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no /dev/tty: getpass reads the console, CONIN$ (here a file of that name stands in
    for it, in the current folder)."""
    monkeypatch.chdir(tmp_path)
    assert system.console_device() == "CONIN$"
    assert not cli._has_terminal()
    (tmp_path / "CONIN$").write_bytes(b"")
    assert cli._has_terminal()


# -- every system ------------------------------------------------------------------------------
def test_the_cache_is_in_this_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MBC_VAULT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert default_cache_root() == tmp_path / "xdg-cache" / "mbc-vault"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_root() == tmp_path / "home" / ".cache" / "mbc-vault"  # where it was before
    assert default_cache_root() == platformdirs.user_cache_path("mbc-vault", appauthor=False)
    monkeypatch.setenv("MBC_VAULT_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_root() == tmp_path / "mine"


@pytest.mark.parametrize(
    ("name", "portable"),
    [
        ("CT chest/abdomen.pdf", "CT chest-abdomen.pdf"),
        ('Clinic: "Oncology" <2>?.pdf', "Clinic- -Oncology- -2-.pdf"),
        ("back\\slash|pipe*.txt", "back-slash-pipe-.txt"),
        ("tab\there\x00.pdf", "tab-here-.pdf"),
        ("report. . ", "report"),
        ("nul.txt", "_nul.txt"),
        ("CON", "_CON"),
        ("com1.pdf", "_com1.pdf"),
        ("COM10.pdf", "COM10.pdf"),
        ("console.pdf", "console.pdf"),
        ("Größe ≥ 2 cm 漢字.pdf", "Größe ≥ 2 cm 漢字.pdf"),
        ("", "document"),
        ("///", "-"),
        ("...", "document"),
    ],
)
def test_file_names_a_windows_computer_takes(name: str, portable: str) -> None:
    assert portable_file_name(name) == portable


def test_a_long_file_name_keeps_its_extension() -> None:
    long = portable_file_name("Second opinion packet - " + "Memorial Cancer Center " * 20 + ".pdf")
    assert len(long) <= fsutil.MAX_NAME_CHARS and long.endswith("Center.pdf")
    assert long.startswith("Second opinion packet - Memorial Cancer Center")


def test_command_output_in_a_legacy_code_page_replaces_what_it_cannot_show(
    tmp_path: Path, passphrase_file: Path
) -> None:
    """Windows writes redirected output in its code page (cp1252 in Western Europe): a title with
    "≥" or a Chinese name is printed with "?" in their place, never an error instead of the list."""
    environ = {**os.environ, "PYTHONIOENCODING": "cp1252"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mbc_vault", *args],
            capture_output=True,
            env=environ,
            timeout=120,
            cwd=tmp_path,
            encoding="cp1252",
        )

    vault = tmp_path / "vault"
    Vault.create(vault, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    added = run(
        "add", str(vault), str(PNG), "--title", "Größe ≥ 2 cm 漢字", "--passphrase-file", str(passphrase_file)
    )
    assert added.returncode == 0, added.stderr
    listed = run("list", str(vault), "--passphrase-file", str(passphrase_file))
    assert listed.returncode == 0, listed.stderr
    assert "Größe ? 2 cm ??" in listed.stdout


def test_windows_takes_a_folder_planted_in_place_of_a_document_for_a_missing_one(
    windows: list[tuple[str, int]], vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    """Windows refuses to open a folder (PermissionError) where Linux opens it and then sees what it is:
    both are the same missing document, never an unexplained error."""
    record = vault.add_document(PNG, category="lab-result", title="Blood count")
    assert record.document is not None
    document = vault_path / "documents" / f"{record.document.id}.age"
    document.unlink()
    document.mkdir()
    with pytest.raises(IntegrityError) as caught:
        vault.export_document(record.id, tmp_path / "out.png")
    assert caught.value.code == "document-missing"
    report = vault.verify()
    assert [p.error.code for p in report.problems] == ["document-missing"]
    assert not (tmp_path / "out.png").exists()


#: in a child process (core dumps once off stay off): what disable_core_dumps leaves of RLIMIT_CORE and
#: of Linux's "dumpable" flag, and what dumpable() says; {branch} forces a system first
CORE_DUMPS = """
import ctypes, json, resource, sys
resource.setrlimit(resource.RLIMIT_CORE, (-1, -1))
{branch}
from mbc_vault.crashsafe import _prctl, disable_core_dumps, dumpable
disable_core_dumps()
print(json.dumps([resource.getrlimit(resource.RLIMIT_CORE), _prctl()(3, 0, 0, 0, 0), dumpable()]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's dumpable flag")
@pytest.mark.parametrize(
    ("branch", "left"),
    [
        (WINDOWS_PRELUDE, [[-1, -1], 1, None]),  # nothing to turn off, and no `resource` to do it with
        ("sys.platform = 'darwin'", [[0, 0], 1, False]),  # the rlimit only: macOS has no prctl
        ("", [[0, 0], 0, False]),
    ],
    ids=["windows", "macos", "linux"],
)
def test_core_dumps_are_turned_off_by_each_systems_branch(branch: str, left: list[object]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CORE_DUMPS.format(branch=branch)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == left
