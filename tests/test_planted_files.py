"""Special files planted in the vault folder (a member can write to it) never hang or break an open
(issue 11): a FIFO, a folder or a link to nothing under a vault file's name is skipped, never opened,
and `verify` names each as not part of the vault. Every command runs in a child process with a
timeout, so a hang fails the test."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mbc_vault.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks are POSIX here")

CLI = str(Path(sys.executable).parent / "mbc-vault")
NAME = "0123456789abcdef0123"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *map(str, args)], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


def _plant(vault_path: Path) -> list[str]:
    planted = []
    for folder in ("keys", "records", "people", "texts", "keyrings"):
        os.mkfifo(vault_path / folder / f"{NAME}.age")
        planted.append(f"{folder}/{NAME}.age (a pipe (FIFO), not a file of the vault)")
    (vault_path / "records" / f"{'1' * 20}.age").mkdir()
    planted.append(f"records/{'1' * 20}.age (a folder, not a file of the vault)")
    (vault_path / "records" / f"{'2' * 20}.age").symlink_to(vault_path / "nowhere")
    planted.append(f"records/{'2' * 20}.age (a link to nothing, not a file of the vault)")
    return sorted(planted)


def test_planted_special_files_are_skipped_and_named_by_verify(
    vault: Vault, vault_path: Path, passphrase_file: Path
) -> None:
    vault.add_document(
        io.BytesIO(b"zebrawood note"),
        category="medical-other",
        original_name="n.txt",
        title="Night note",
        page_texts=["zebrawood note"],
    )
    vault.close()
    planted = _plant(vault_path)
    pw = ["--passphrase-file", passphrase_file]
    listed = run("list", vault_path, *pw)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 1
    found = run("search", vault_path, "zebrawood", *pw)
    assert found.returncode == 0 and "Night note" in found.stdout
    verify = run("verify", vault_path, "--json", *pw)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert sorted(json.loads(verify.stdout)["not_in_vault"]) == planted
    text = run("verify", vault_path, *pw).stdout
    assert (
        f"Not part of the vault (left alone): keys/{NAME}.age (a pipe (FIFO), not a file of the vault)"
        in text
    )


def test_a_pipe_in_place_of_a_document_is_a_missing_document_not_a_hang(
    vault: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    record = vault.add_document(io.BytesIO(b"quokka letter"), category="medical-other", original_name="q.txt")
    vault.close()
    assert record.document is not None
    document = vault_path / "documents" / f"{record.document.id}.age"
    document.unlink()
    os.mkfifo(document)
    pw = ["--passphrase-file", passphrase_file]
    exported = run("export", vault_path, record.id, "--out", tmp_path / "out.txt", *pw)
    assert exported.returncode == 1
    assert "missing" in exported.stderr and "Traceback" not in exported.stderr
    verify = run("verify", vault_path, *pw)
    assert verify.returncode == 1
    assert "missing" in verify.stdout + verify.stderr


def test_a_pipe_as_the_marker_gets_a_sentence(vault: Vault, vault_path: Path, passphrase_file: Path) -> None:
    vault.close()
    (vault_path / "vault.json").unlink()
    os.mkfifo(vault_path / "vault.json")
    result = run("list", vault_path, "--passphrase-file", passphrase_file)
    assert result.returncode == 1
    assert "vault.json is damaged" in result.stderr and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("version", ['"1"', "true", "0", "null", "1.5"])
def test_a_marker_with_a_version_that_is_not_a_number_is_damaged(
    vault: Vault, vault_path: Path, passphrase_file: Path, version: str
) -> None:
    vault.close()
    marker = vault_path / "vault.json"
    data = json.loads(marker.read_text())
    marker.write_text(json.dumps(data).replace(f'"version": {data["version"]}', f'"version": {version}'))
    result = run("list", vault_path, "--passphrase-file", passphrase_file)
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == "mbc-vault: vault.json is damaged; restore it from a backup or see docs/recovery.md."
        or ("vault.json is damaged" in result.stderr)
    )
