"""The import dialog shows file names with newlines, right-to-left marks or "..\\" safely (issue 11):
its table, the category list's accessible name and its progress bar's words, while it reads the
files and while it imports them, all use fsutil.safe_name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_hostile_names import hostile_files, shows_safely

from ui.import_dialog import COL_CATEGORY, COL_FILE, ImportDialog
from ui.session import VaultSession

pytestmark = [
    pytest.mark.qt,
    pytest.mark.skipif(sys.platform == "win32", reason="these names cannot exist on Windows"),
]
TIMEOUT = 30_000


def test_the_import_dialog_shows_hostile_names_safely(
    qtbot, session: VaultSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = hostile_files(tmp_path / "in")
    shown: list[str] = []  # every progress text the dialog's bar gets
    real = ImportDialog._on_progress

    def record(self: ImportDialog, done: int, total: int, stage: str, item: str) -> None:
        real(self, done, total, stage, item)
        shown.append(self.progress.format())

    monkeypatch.setattr(ImportDialog, "_on_progress", record)
    dialog = ImportDialog(session, files)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.import_btn.isEnabled(), timeout=TIMEOUT)
    names = [dialog.table.item(row, COL_FILE).text() for row in range(dialog.table.rowCount())]
    assert sorted(names) == sorted(
        ["CT report please sign.pdf", "labs fdp.exe.pdf", "note two.txt", ".._.._scan.pdf"]
    )
    for row in range(dialog.table.rowCount()):
        assert shows_safely(dialog.table.cellWidget(row, COL_CATEGORY).accessibleName())
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=TIMEOUT)
    assert len(dialog.report.added) == len(files)
    named = [text for text in shown if "pdf" in text or "txt" in text]
    assert len(named) >= len(files) and all(shows_safely(text) for text in named), named
