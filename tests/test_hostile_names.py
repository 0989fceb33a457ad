"""File names with newlines, right-to-left marks or "..\\" (issue 11) are shown safely in progress: the
item of every progress report of reading and importing is fsutil.safe_name of the file's name, on one
line, with no direction mark and no path separator; the real CLI's `add` says one line a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdfmaker import text_pdf

from mbc_vault.importer import import_files, read_for_import
from mbc_vault.vault import Vault

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="these names cannot exist on Windows")

CLI = str(Path(sys.executable).parent / "mbc-vault")
#: a newline, a right-to-left override that turns "fdp.exe" around, a right-to-left mark, "..\"
HOSTILE = [
    "CT report\nplease sign.pdf",
    "labs\u202efdp.exe.pdf",
    "\u200fnote\u2028two.txt",
    "..\\..\\scan.pdf",
]
UNSAFE = ("\n", "\r", "\u202e", "\u200f", "\u2028", "\\", "/")


def hostile_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number, name in enumerate(HOSTILE):
        path = folder / name
        if name.endswith(".txt"):
            path.write_text(f"Day {number}: tired after the infusion.\n")
        else:
            text_pdf(path, [[f"Report number {number}", "Impression: stable"]])
        files.append(path)
    return files


def shows_safely(text: str) -> bool:
    return not any(mark in text for mark in UNSAFE)


def test_reading_and_importing_report_safe_names(vault: Vault, tmp_path: Path) -> None:
    files = hostile_files(tmp_path / "in")
    items: list[str] = []

    def progress(done: int, total: int, stage: str, item: str) -> None:
        items.append(item)

    extracted = read_for_import(vault, files, progress)
    assert all(facts.ok for facts in extracted), [facts.problem for facts in extracted]
    report = import_files(vault, files, progress=progress, extracted={f.path: f for f in extracted})
    assert len(report.added) == len(files)
    named = [item for item in items if item]
    assert len(named) >= 2 * len(files) and all(shows_safely(item) for item in named), named
    assert "CT report please sign.pdf" in named and ".._.._scan.pdf" in named
    assert all(shows_safely(record.original_name) for record in report.added)


def test_the_cli_prints_safe_names(
    vault: Vault, vault_path: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    files = hostile_files(tmp_path / "in")
    vault.close()
    result = subprocess.run(
        [
            CLI,
            "add",
            str(vault_path),
            *map(str, files),
            "--passphrase-file",
            str(passphrase_file),
            "--category",
            "lab-result",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "Traceback" not in out and shows_safely(out.replace("\n", "")), out
    assert "please sign" in out and "\nplease sign" not in out, out
    assert len(out.splitlines()) == len(files)
