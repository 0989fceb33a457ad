"""A crash never writes secrets to disk: the app's and the CLI's entry points turn core dumps off.

Each case starts a process under `ulimit -c unlimited` in an empty folder, goes through an entry
point, then crashes it with SIGSEGV, and looks for a core file. The control (no entry point) shows
that this machine does write one when the app does not prevent it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="core dumps are a POSIX matter")

PRELUDE = "import ctypes, resource, sys\nresource.setrlimit(resource.RLIMIT_CORE, (-1, -1))\n"
CRASH = "\nsys.stdout.flush()\nctypes.string_at(0)\n"
ENTRIES = {
    # a command that fails at once (argparse may exit): only the entry point's start matters
    "cli": "from mbc_vault import cli\ntry:\n    cli.main(['search'])\nexcept SystemExit:\n    pass",
    "launcher": "from ui import launch\ntry:\n    launch.main(['search'])\nexcept SystemExit:\n    pass",
    # the window is up when the crash comes
    "app": "import threading\nimport ui.app as app\n"
    "threading.Timer(4, lambda: ctypes.string_at(0)).start()\napp.main([])",
    "worker-child": "from mbc_vault.crashsafe import disable_core_dumps\ndisable_core_dumps()\n"
    "import subprocess\n"
    "r = subprocess.run([sys.executable, '-c', 'import ctypes; ctypes.string_at(0)'], cwd=sys.argv[1])\n"
    "print(r.returncode)",
}


def _core_pattern() -> str:
    try:
        return Path("/proc/sys/kernel/core_pattern").read_text().strip()
    except OSError:
        return ""


def _crash(tmp_path: Path, body: str) -> tuple[int, list[Path]]:
    script = PRELUDE + body + CRASH
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path),
        },
        check=False,
    )
    cores = [p for p in tmp_path.rglob("*") if p.name.startswith("core")]
    return done.returncode, cores


@pytest.fixture
def plain_core_files() -> None:
    pattern = _core_pattern()
    if sys.platform.startswith("linux") and (not pattern or pattern.startswith("|") or "/" in pattern):
        pytest.skip(f"core_pattern {pattern!r} does not write core files into the working folder")


def test_control_without_the_entry_point_a_crash_writes_a_core_file(tmp_path: Path, plain_core_files) -> None:
    code, cores = _crash(tmp_path, "pass")
    assert code == -signal.SIGSEGV
    assert cores, "this machine writes core files: the other cases would prove nothing otherwise"


@pytest.mark.parametrize(
    "entry",
    # the app's case opens its window: Qt's GUI (make test-core runs without it)
    [pytest.param(name, marks=pytest.mark.qt) if name == "app" else name for name in sorted(ENTRIES)],
)
def test_after_an_entry_point_a_crash_writes_no_core_file(
    tmp_path: Path, plain_core_files, entry: str
) -> None:
    code, cores = _crash(tmp_path, ENTRIES[entry])
    assert code == -signal.SIGSEGV
    assert cores == []


def test_the_process_says_it_cannot_be_dumped() -> None:
    script = (
        "from mbc_vault.crashsafe import disable_core_dumps, dumpable\n"
        "print(dumpable())\ndisable_core_dumps()\nprint(dumpable())"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "False"] or done.stdout.split()[-1] == "False"
    if sys.platform.startswith("linux"):
        check = (
            "import ctypes, resource\nfrom mbc_vault.crashsafe import disable_core_dumps, _prctl\n"
            "disable_core_dumps()\nprint(_prctl()(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE))"
        )
        out = subprocess.run(
            [sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60
        )
        assert out.stdout.strip() == "0 (0, 0)"
