"""`mbc-vault self-check`: a fictional first day in a temporary folder, one line per step, exit 0 only
if every step held (make package-check runs it on the installed bundle)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mbc_vault import cli, selfcheck
from mbc_vault.selfcheck import STEPS, CheckFailed, run_self_check


@pytest.mark.qt  # the program it starts paints the PDF and the photo with Qt
def test_the_command_goes_through_every_step_and_leaves_nothing_behind(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mbc-vault"), "self-check"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=home,
        stdin=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp), "LANG": "C.UTF-8"},
    )
    assert done.returncode == cli.EXIT_OK, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        f"{number}/{len(STEPS)} {name}" for number, (name, _) in enumerate(STEPS, 1)
    ]
    assert all(": OK (" in line for line in lines[:-1]), done.stdout
    assert lines[-1] == "Self-check passed: MBC Vault works on this computer."
    assert "AES-256" in lines[5] and "found on page 1" in lines[4]
    assert list(tmp.iterdir()) == []  # its folder, vault and cache are gone
    left_in_home = [p for p in home.rglob("*") if p.is_file()]
    assert not [p for p in left_in_home if p.name.endswith((".age", ".pdf", ".jpg")) or "vault" in p.name]


def test_a_failed_step_is_named_with_its_reason_and_the_later_steps_are_not_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []

    def first(state: object) -> str:
        ran.append("first")
        return "fine"

    def broken(state: object) -> str:
        raise CheckFailed("'quillfeather' found 0 records")

    def later(state: object) -> str:
        ran.append("later")
        return ""

    monkeypatch.setattr(selfcheck, "STEPS", [("first", first), ("search", broken), ("lock", later)])
    monkeypatch.setattr(selfcheck.tempfile, "tempdir", str(tmp_path))
    assert cli.main(["self-check"]) == cli.EXIT_FAILURE
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1/3 first: OK (fine; ")
    assert lines[1:] == [
        "2/3 search: FAILED: 'quillfeather' found 0 records",
        "3/3 lock: not run",
        "Self-check FAILED.",
    ]
    assert ran == ["first"]
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_error_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(state: object) -> str:
        raise KeyError("media_type")

    monkeypatch.setattr(selfcheck, "STEPS", [("import a photo", broken)])
    lines: list[str] = []
    assert run_self_check(lines.append, root=tmp_path) is False
    assert lines == ["1/1 import a photo: FAILED: unexpected KeyError: 'media_type'", "Self-check FAILED."]
