"""`mbc-vault` with no command starts the desktop app; `python -m mbc_vault` is the command line alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mbc_vault import cli, crashsafe
from ui import launch


@pytest.fixture(autouse=True)
def _core_dumps_left_on(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """launch.main turns core dumps off for good (the hard limit too): here, in the test run's own
    process, it only says it would, so tests/test_crashsafe.py's control can still crash with a core."""
    calls: list[bool] = []
    monkeypatch.setattr(crashsafe, "disable_core_dumps", lambda: calls.append(True))
    return calls


def test_no_subcommand_starts_the_app(
    qapp, monkeypatch: pytest.MonkeyPatch, _core_dumps_left_on: list[bool]
) -> None:
    import ui.app

    started = []

    def fake_main() -> int:  # the dispatcher is under test here, not the app
        started.append(True)
        return 0

    monkeypatch.setattr(ui.app, "main", fake_main)
    assert launch.main([]) == 0 and started == [True]
    assert _core_dumps_left_on == [True]


def test_a_command_goes_to_the_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app

    calls: list[list[str]] = []

    def fake_app() -> int:
        calls.append(["the app"])
        return 0

    def fake_cli(argv: list[str]) -> int:
        calls.append(argv)
        return 0

    monkeypatch.setattr(ui.app, "main", fake_app)
    monkeypatch.setattr(cli, "main", fake_cli)
    assert launch.main(["verify", "somewhere"]) == 0 and calls == [["verify", "somewhere"]]


def test_the_core_command_line_without_a_command_prints_its_usage_and_how_to_open_the_app() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mbc_vault"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).resolve().parents[1],
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == cli.EXIT_USAGE, done.stderr
    assert done.stdout.startswith("usage: mbc-vault") and cli.APP_HINT in " ".join(done.stdout.split())


def test_app_module_builds_the_main_window_offscreen(tmp_path: Path) -> None:
    code = (
        "import sys; from PySide6.QtCore import QTimer; from ui.app import setup_application; "
        "app = setup_application(['t']); from ui.main_window import MainWindow; w = MainWindow(); w.show(); "
        "QTimer.singleShot(0, app.quit); app.exec(); print(w.stack.currentWidget().__class__.__name__)"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "WelcomeScreen"
