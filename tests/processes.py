"""Child processes in tests: a fake `tesseract` that hangs, and waiting for children to appear or end."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import psutil
import pytest


def fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `tesseract` first on PATH that reads its image and then never answers (a hung recognizer)."""
    folder = tmp_path / "bin"
    folder.mkdir()
    fake = folder / "tesseract"
    fake.write_text(f"#!{sys.executable}\nimport sys, time\nsys.stdin.buffer.read()\ntime.sleep(3600)\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return fake


def children_when(condition: str, timeout: float = 30.0) -> list[psutil.Process]:
    """This process's children once one of them has *condition* in its command line."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = psutil.Process().children(recursive=True)
        try:
            if any(condition in " ".join(c.cmdline()) for c in children):
                return children
        except psutil.Error:
            pass
        time.sleep(0.02)  # polling for a condition, not ordering
    pytest.fail(f"no child process running {condition}")


def gone(process: psutil.Process) -> bool:
    try:
        return process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
