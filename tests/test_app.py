"""The desktop app's window (offscreen), and that `mbc-vault` with no command starts it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbc_vault import cli


def test_main_window_shows_welcome(qtbot, tmp_path: Path) -> None:
    from ui.app import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "MBC Vault"
    assert "encrypted" in window.welcome.text()
    shot = tmp_path / "main-window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_no_subcommand_starts_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.app

    started = []

    def fake_main() -> int:  # the dispatcher is under test here, not the app
        started.append(True)
        return 0

    monkeypatch.setattr(ui.app, "main", fake_main)
    assert cli.main([]) == 0 and started == [True]
