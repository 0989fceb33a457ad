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


def _fresh_home_env(tmp_path: Path) -> dict[str, str]:
    """The environment of an app started offscreen with a new, empty home and settings."""
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "c"),
        "XDG_DATA_HOME": str(tmp_path / "d"),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }


def test_app_module_builds_the_main_window_offscreen(tmp_path: Path) -> None:
    code = (
        "import sys; from PySide6.QtCore import QTimer; from ui.app import setup_application; "
        "app = setup_application(['t']); from ui.main_window import MainWindow; w = MainWindow(); w.show(); "
        "QTimer.singleShot(0, app.quit); app.exec(); print(w.stack.currentWidget().__class__.__name__)"
    )
    env = _fresh_home_env(tmp_path)
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


def test_the_first_window_imports_and_builds_no_section(tmp_path: Path) -> None:
    """Start-up makes only what the first screen needs: no section module is imported and no section
    built until the first unlock (or until one is asked for), and then they all are."""
    code = (
        "import sys; from ui.app import setup_application; app = setup_application(['t']); "
        "from ui.main_window import MainWindow; w = MainWindow(); w.show(); app.processEvents(); "
        "print(sorted(m for m in sys.modules if m.startswith(('ui.sections', 'ui.sharing.section')))); "
        "print(w.sections.count(), 'labs' in vars(w)); labs = w.labs; "
        "print(w.sections.count(), type(labs).__name__, len(w.gates), len(w.entry_sections))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_fresh_home_env(tmp_path),
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["[]", "0 False", "14 LabsSection 11 12"]


def test_open_with_a_vault_goes_to_the_app_and_anything_else_to_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ui.app

    calls: list[object] = []

    def fake_app(open_path: str | None = None) -> int:
        calls.append(("app", open_path))
        return 0

    monkeypatch.setattr(ui.app, "main", fake_app)
    monkeypatch.setattr(cli, "main", lambda argv: calls.append(("cli", argv)) or 0)
    assert launch.main(["--open", "/v/vault.json"]) == 0
    assert launch.main(["--open"]) == 0  # the desktop entry without a file (%f left out)
    assert launch.main(["--open", "a", "b"]) == 0
    assert calls == [("app", "/v/vault.json"), ("app", None), ("cli", ["--open", "a", "b"])]


def test_a_vault_is_opened_from_its_folder_or_its_marker_file(tmp_path: Path) -> None:
    from ui.app import vault_folder

    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "vault.json").write_text("{}")
    (folder / "notes.json").write_text("{}")
    assert vault_folder(folder / "vault.json") == folder
    assert vault_folder(folder) == folder
    assert vault_folder(folder / "notes.json") == folder / "notes.json"  # open_folder says it is no vault


def _start_app(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The app in a new process, as a person starts it, with MBC_VAULT_SCREENSHOT set: it saves its
    first window and quits; it prints the screen it showed."""
    shot = tmp_path / "first-window.png"
    code = (
        "import sys; import ui.app; from PySide6.QtWidgets import QApplication\n"
        "status = ui.app.main(['mbc-vault'], open_path=(sys.argv[1:] or [None])[0])\n"
        "windows = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == 'MainWindow']\n"
        "print(status, type(windows[0].stack.currentWidget()).__name__)"
    )
    env = {**_fresh_home_env(tmp_path), "MBC_VAULT_SCREENSHOT": str(shot)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    return done, shot


@pytest.mark.qt  # reads the PNG with QtGui
def test_the_screenshot_setting_saves_the_first_window_and_quits(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    done, shot = _start_app(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "WelcomeScreen"]
    image = QImage(str(shot))
    assert image.width() >= 640 and image.height() >= 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text and buttons were drawn, not an empty frame


def test_the_app_opened_at_a_vault_file_shows_its_unlock_screen(tmp_path: Path) -> None:
    from mbc_vault.vault import Vault

    Vault.create(tmp_path / "Family vault", "correct horse battery staple", work_factor=12).close()
    done, shot = _start_app(tmp_path, str(tmp_path / "Family vault" / "vault.json"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "UnlockScreen"] and shot.is_file()
