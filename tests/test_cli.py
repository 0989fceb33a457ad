"""The `mbc-vault` command line, run as a real subprocess: names, JSON, exit codes, messages."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, PASSPHRASE

from mbc_vault.vault import Vault

PDF = DATA / "pdf-samples/004-pdflatex-4-pages/pdflatex-4-pages.pdf"
JPG = DATA / "images/lab-report-photo.jpg"


def run(
    *args: str | Path, env: dict[str, str] | None = None, module: bool = False
) -> subprocess.CompletedProcess[str]:
    command = (
        [sys.executable, "-m", "mbc_vault"] if module else [str(Path(sys.executable).parent / "mbc-vault")]
    )
    # start_new_session: no controlling terminal, so the CLI cannot prompt (as in CI, even from a terminal)
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert len(result.stderr.strip().splitlines()) <= 1 or result.returncode == 0


@pytest.fixture
def pw(passphrase_file: Path) -> list[str]:
    return ["--passphrase-file", str(passphrase_file)]


def test_init_add_list_export_round_trip(tmp_path: Path, pw: list[str]) -> None:
    vault = tmp_path / "v"
    created = run("init", vault, "--name", "Jane Example", *pw)
    assert created.returncode == 0, created.stderr
    added = run(
        "add",
        vault,
        PDF,
        JPG,
        "--category",
        "pathology-report",
        "--title",
        "Core biopsy",
        "--date",
        "2026-02-03",
        "--provider",
        "Fictional General",
        "--tag",
        "biopsy",
        "--tag",
        "liver",
        "--json",
        *pw,
    )
    assert added.returncode == 0, added.stderr
    items = json.loads(added.stdout)
    assert len(items) == 2
    for item in items:
        assert {"id", "title", "category", "sha256"} <= item.keys()
    assert {i["sha256"] for i in items} == {hashlib.sha256(p.read_bytes()).hexdigest() for p in (PDF, JPG)}
    listed = run("list", vault, "--json", *pw)
    assert listed.returncode == 0
    rows = json.loads(listed.stdout)
    for row in rows:
        assert {"id", "title", "category", "date", "tags", "sha256", "size", "media_type"} <= row.keys()
        assert row["tags"] == ["biopsy", "liver"] and row["date"] == "2026-02-03"
    pdf_row = next(r for r in rows if r["media_type"] == "application/pdf")
    assert pdf_row["size"] == PDF.stat().st_size
    out = tmp_path / "restored.pdf"
    exported = run("export", vault, pdf_row["id"], "--out", out, *pw)
    assert exported.returncode == 0, exported.stderr
    assert out.read_bytes() == PDF.read_bytes()
    again = run("export", vault, pdf_row["id"], "--out", out, *pw)
    assert again.returncode == 1 and "already exists" in again.stderr
    no_traceback(again)


def test_pdf_pages_and_default_title(vault: Vault, vault_path: Path, pw: list[str]) -> None:
    vault.close()
    added = run("add", vault_path, PDF, "--json", *pw)
    item = json.loads(added.stdout)[0]
    assert item["pages"] == 4
    assert item["title"] == "pdflatex-4-pages" or item["title"]  # PDF title or file name
    assert item["category"] == "medical-other"


def test_list_filters_by_category(vault: Vault, vault_path: Path, pw: list[str]) -> None:
    vault.add_document(PDF, category="will", title="My will")
    vault.add_document(JPG, category="lab-result", title="Labs")
    vault.close()
    rows = json.loads(run("list", vault_path, "--category", "will", "--json", *pw).stdout)
    assert [r["title"] for r in rows] == ["My will"]
    text = run("list", vault_path, *pw).stdout
    assert "My will" in text and "Labs" in text


def test_remove_trash_restore(vault: Vault, vault_path: Path, pw: list[str]) -> None:
    record = vault.add_document(JPG, category="lab-result", title="Labs")
    vault.close()
    removed = run("remove", vault_path, record.id, *pw)
    assert removed.returncode == 0 and "restore" in removed.stdout
    assert json.loads(run("list", vault_path, "--json", *pw).stdout) == []
    assert [r["id"] for r in json.loads(run("trash", vault_path, "--json", *pw).stdout)] == [record.id]
    assert run("restore", vault_path, record.id[:8], *pw).returncode == 0
    assert [r["id"] for r in json.loads(run("list", vault_path, "--json", *pw).stdout)] == [record.id]


def test_exit_codes_and_one_line_errors(
    vault: Vault, vault_path: Path, pw: list[str], tmp_path: Path
) -> None:
    vault.close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    result = run("list", vault_path, "--passphrase-file", wrong)
    assert result.returncode == 3 and result.stderr.strip() == "mbc-vault: Wrong passphrase for this vault."
    result = run("list", vault_path)  # no terminal, no file, no environment
    assert result.returncode == 2 and "--passphrase-file" in result.stderr
    no_traceback(result)
    result = run("add", vault_path, JPG, "--date", "2026-02-30", *pw)
    assert result.returncode == 2 and "not a real calendar date" in result.stderr
    result = run("add", vault_path, JPG, "--category", "recipes", *pw)
    assert result.returncode == 2
    result = run("export", vault_path, "ffffffff", "--out", tmp_path / "x", *pw)
    assert result.returncode == 1 and "No record" in result.stderr
    no_traceback(result)
    result = run("list", tmp_path / "nowhere", *pw)
    assert result.returncode == 1 and "not a folder" in result.stderr
    no_traceback(result)
    result = run("frobnicate", vault_path)
    assert result.returncode == 2


def test_batch_goes_on_past_bad_files(vault: Vault, vault_path: Path, pw: list[str], tmp_path: Path) -> None:
    vault.close()
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = run("add", vault_path, empty, tmp_path / "missing.pdf", JPG, JPG, "--json", *pw)
    assert result.returncode == 1
    assert [i["original_name"] for i in json.loads(result.stdout)] == ["lab-report-photo.jpg"]
    assert "empty.pdf is empty" in result.stderr
    assert "missing.pdf does not exist" in result.stderr
    assert "already in the vault" in result.stderr
    assert "Traceback" not in result.stderr


def test_passphrase_from_environment_and_python_m(vault: Vault, vault_path: Path) -> None:
    vault.add_document(JPG, category="lab-result", title="Labs")
    vault.close()
    result = run("list", vault_path, "--json", env={"MBC_VAULT_PASSPHRASE": PASSPHRASE}, module=True)
    assert result.returncode == 0 and json.loads(result.stdout)[0]["title"] == "Labs"


def test_verify_clean_vault(vault: Vault, vault_path: Path, pw: list[str]) -> None:
    vault.add_document(PDF, category="lab-result")
    vault.close()
    result = run("verify", vault_path, "--json", *pw)
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["records_checked"] == 1 and report["documents_checked"] == 1


def test_passwd(vault: Vault, vault_path: Path, pw: list[str], tmp_path: Path) -> None:
    vault.close()
    new = tmp_path / "new.txt"
    new.write_text("the new long passphrase\n")
    short = tmp_path / "short.txt"
    short.write_text("short\n")
    refused = run("passwd", vault_path, "--new-passphrase-file", short, *pw)
    assert refused.returncode == 2 and "at least 8" in refused.stderr
    changed = run("passwd", vault_path, "--new-passphrase-file", new, *pw)
    assert changed.returncode == 0, changed.stderr
    assert run("list", vault_path, *pw).returncode == 3
    assert run("list", vault_path, "--passphrase-file", new).returncode == 0


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for name in ("init", "add", "list", "export", "remove", "restore", "trash", "verify", "passwd"):
        assert name in result.stdout


def test_passphrase_is_asked_on_the_terminal_without_echo(vault: Vault, vault_path: Path) -> None:
    from ptyhelper import run_with_tty

    vault.add_document(JPG, category="lab-result", title="Labs")
    vault.close()
    exe = Path(sys.executable).parent / "mbc-vault"
    env = {k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"}
    result = run_with_tty([exe, "list", vault_path, "--json"], PASSPHRASE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.prompts == ["Passphrase:"]
    assert PASSPHRASE.encode() not in result.tty  # not echoed
    assert json.loads(result.stdout)[0]["title"] == "Labs"
    wrong = run_with_tty([exe, "list", vault_path], "not it", env=env)
    assert wrong.returncode == 3


def test_init_asks_twice_on_the_terminal(tmp_path: Path) -> None:
    from ptyhelper import run_with_tty

    exe = Path(sys.executable).parent / "mbc-vault"
    env = {k: v for k, v in os.environ.items() if k != "MBC_VAULT_PASSPHRASE"}
    differ = run_with_tty([exe, "init", tmp_path / "a"], ["first passphrase", "second passphrase"], env=env)
    assert differ.returncode == 2 and b"differ" in differ.stderr and not (tmp_path / "a").exists()
    same = run_with_tty([exe, "init", tmp_path / "b", "--name", "Jane"], [PASSPHRASE, PASSPHRASE], env=env)
    assert same.returncode == 0, same.stderr
    assert same.prompts == ["Passphrase:", "Passphrase again:"]
