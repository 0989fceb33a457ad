"""What a person can type at the CLI never ends in a traceback or an "unexpected error" (issue 11):
passphrase files of every kind, a closed pipe, and `person remove` that rotates by default as the app."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from hostilemaker import ODD_NAMES
from pdfmaker import text_pdf

from mbc_vault.vault import Vault

CLI = str(Path(sys.executable).parent / "mbc-vault")


def run(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"},
    )


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def small_vault(vault: Vault, vault_path: Path) -> Path:
    for number in range(3):
        vault.add_document(
            io.BytesIO(b"note %d" % number), category="medical-other", original_name=f"n{number}.txt"
        )
    vault.close()
    return vault_path


def test_a_passphrase_file_that_never_ends_is_read_only_up_to_a_limit(small_vault: Path) -> None:
    result = run("list", small_vault, "--passphrase-file", "/dev/zero", timeout=60)
    assert result.returncode == 2
    assert "/dev/zero is a device" in one_sentence(result)


def test_a_long_passphrase_file_without_a_line_is_refused(small_vault: Path, tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(b"x" * 100_000)
    result = run("list", small_vault, "--passphrase-file", blob)
    assert result.returncode == 2
    assert "no passphrase line in its first 4096 bytes" in one_sentence(result)


def test_a_folder_as_passphrase_file_gets_a_sentence(small_vault: Path, tmp_path: Path) -> None:
    result = run("list", small_vault, "--passphrase-file", tmp_path)
    assert result.returncode == 2
    assert "is a folder" in one_sentence(result)


def test_a_passphrase_through_a_pipe_still_works(small_vault: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "passphrase.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w") as handle:
            handle.write(PASSPHRASE + "\nignored second line\n")

    writer = threading.Thread(target=feed)
    writer.start()
    result = run("list", small_vault, "--passphrase-file", fifo)
    writer.join()
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_a_closed_pipe_ends_quietly_with_exit_0(small_vault: Path, passphrase_file: Path) -> None:
    """`mbc-vault list … | head -0`: the reader is gone before the first line is written."""
    process = subprocess.Popen(
        [CLI, "list", str(small_vault), "--passphrase-file", str(passphrase_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert stderr == ""


def test_person_remove_rotates_by_default_as_the_app_does(
    vault: Vault, vault_path: Path, passphrase_file: Path
) -> None:
    sam, _ = vault.add_person("Sam", "son", ["legal"], work_factor=TEST_WORK_FACTOR)
    kim, _ = vault.add_person("Kim", "friend", ["legal"], work_factor=TEST_WORK_FACTOR)
    vault.close()
    removed = run("person", "remove", vault_path, sam.id, "--passphrase-file", passphrase_file)
    assert removed.returncode == 0, removed.stderr
    assert "New keys for: legal" in removed.stdout and removed.stderr == ""
    skipped = run("person", "remove", vault_path, kim.id, "--no-rotate", "--passphrase-file", passphrase_file)
    assert skipped.returncode == 0, skipped.stderr
    assert "New keys" not in skipped.stdout
    assert one_sentence(skipped).startswith(
        "mbc-vault: warning: the sections they held were not re-encrypted"
    )


def test_adding_a_pipe_or_a_device_gets_a_sentence_not_a_hang(
    small_vault: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "scan.pdf"
    os.mkfifo(fifo)  # nobody ever writes to it: a plain open() would wait forever
    pw = ["--passphrase-file", passphrase_file]
    for target, kind in ((fifo, "a pipe (FIFO)"), (Path("/dev/zero"), "a device")):
        result = run("add", small_vault, target, "--category", "medical-other", *pw, timeout=60)
        assert result.returncode == 1
        assert f"{target.name} is {kind}, not a file" in one_sentence(result)


def test_odd_file_names_are_stored_under_safe_names_and_sentences_stay_on_one_line(
    small_vault: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    """A newline, a right-to-left override and Windows path separators ("..\\..\\") in a file's name:
    each file is imported under a name and title with none of them, nothing is written outside the
    vault, and the sentence for a damaged one is one printable line."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    files = [
        text_pdf(inbox / name, [[f"Report for case {kind}"]]) for kind, name in sorted(ODD_NAMES.items())
    ]
    damaged = inbox / "bad\nscan\u202efdp.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n")
    before = sorted(p for p in tmp_path.rglob("*") if small_vault not in p.parents)
    result = run("add", small_vault, *files, damaged, "--json", "--passphrase-file", passphrase_file)
    assert result.returncode == 1
    assert one_sentence(result).startswith("mbc-vault: bad scan fdp.pdf is damaged and cannot be read.")
    added = json.loads(result.stdout)
    assert len(added) == len(ODD_NAMES)
    for record in added:
        for text in (record["original_name"], record["title"]):
            assert text.isprintable() and not set(text) & set("\n\u202e/\\"), text
    assert sorted(r["original_name"] for r in added) == [
        ".._.._escape.pdf",
        "lab result.pdf",
        "scan fdp.exe.pdf",
    ]
    assert sorted(p for p in tmp_path.rglob("*") if small_vault not in p.parents) == before
    listed = run("list", small_vault, "--json", "--passphrase-file", passphrase_file)
    assert {r["title"] for r in json.loads(listed.stdout)} >= {"lab result", "scan fdp.exe", ".. .. escape"}
