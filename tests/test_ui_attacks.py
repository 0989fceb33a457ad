"""Issue 10 in the app: what the owner sees when a member tampered with the folder."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from conftest import PASSPHRASE, TEST_WORK_FACTOR
from PySide6.QtCore import QThreadPool

from mbc_vault.vault import Vault
from ui.app import setup_application
from ui.sections.overview import OverviewSection
from ui.session import VaultSession


def test_the_overview_says_the_folder_went_back(
    qtbot, vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    setup_application()
    vault.add_document(io.BytesIO(b"fictional will " * 10), category="will", title="Will")
    person, _ = vault.add_person(
        "Lee", scopes=["legal"], passphrase="lee words", work_factor=TEST_WORK_FACTOR
    )
    shutil.copytree(vault_path, tmp_path / "older")
    vault.remove_person(person.id)
    vault.close()
    shutil.rmtree(vault_path)
    shutil.copytree(tmp_path / "older", vault_path)  # someone puts back the older copy
    session = VaultSession(Vault.open(vault_path, PASSPHRASE))
    overview = OverviewSection()
    qtbot.addWidget(overview)
    overview.set_session(session)
    overview.refresh()
    assert overview.summary.text().startswith("This vault folder went back to an older state")
    assert "restore it from your sync tool or backup" in overview.summary.text()
    QThreadPool.globalInstance().waitForDone(10_000)
    session.close()
