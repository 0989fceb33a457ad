"""Where the app suggests and looks for vaults, and the file names it suggests: the person's
Documents folder with "MBC Vault" once in the path, a vault at the place older versions suggested
still found, and a suggested file name that every system takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PASSPHRASE, TEST_WORK_FACTOR
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from mbc_vault.vault import Vault
from ui import settings
from ui.main_window import MainWindow
from ui.widgets import ask_save_path


def test_a_new_vault_is_suggested_in_documents_under_mbc_vault_once(qapp: object) -> None:
    from ui.app import setup_application

    setup_application()  # the organization and app names, which Qt's app-data folder is named after
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    assert settings.default_vault_path() == documents / "MBC Vault" / "My vault"
    assert settings.demo_vault_path() == documents / "MBC Vault" / "Demo vault"
    for path in (settings.default_vault_path(), settings.demo_vault_path()):
        assert path.parts.count("MBC Vault") == 1, path
    former = settings.former_default_vault_path()
    assert former is not None and former.parts[-3:] == ("MBC Vault", "MBC Vault", "My vault")


def test_a_vault_where_older_versions_suggested_it_is_still_found(window: MainWindow) -> None:
    former = settings.former_default_vault_path()
    assert former is not None
    Vault.create(former, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    assert window.settings.recent_vaults() == []
    window.start()
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.unlock_screen.vault_path == former


def test_after_the_demo_the_next_start_opens_the_person_own_vault(window: MainWindow, tmp_path: Path) -> None:
    own = tmp_path / "mine"
    Vault.create(own, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR).close()
    demo = settings.demo_vault_path()
    Vault.create(demo, PASSPHRASE, name="Demo", work_factor=TEST_WORK_FACTOR).close()
    window.settings.add_recent_vault(demo)  # the demo only: the welcome screen, with it in the list
    window.start()
    assert window.stack.currentWidget() is window.welcome
    window.settings.add_recent_vault(own)
    window.settings.add_recent_vault(demo)  # the demo was the last one opened
    window.start()
    assert window.stack.currentWidget() is window.unlock_screen
    assert window.unlock_screen.vault_path == own.resolve()


def test_the_window_title_does_not_repeat_the_app_name(window: MainWindow, tmp_path: Path) -> None:
    """The system adds the app's display name to every title ("Jane's records — MBC Vault")."""
    assert window.windowTitle() == ""
    window.enter_vault(
        Vault.create(tmp_path / "v", PASSPHRASE, name="Jane's records", work_factor=TEST_WORK_FACTOR)
    )
    assert window.windowTitle() == "Jane's records"
    window.lock()
    assert window.windowTitle() == ""


def test_a_suggested_file_name_holds_nothing_windows_forbids(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document's title or original name becomes the suggested file name: "/" made a folder of it,
    and ":" is refused by Windows."""
    asked: list[str] = []

    def dialog(parent: QWidget, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    parent = QWidget()
    assert ask_save_path(parent, "Save", "CT chest/abdomen: 2024.pdf", "PDF (*.pdf)", caution=None) == ""
    parent.deleteLater()
    assert asked == [str(Path.home() / "CT chest-abdomen- 2024.pdf")]
