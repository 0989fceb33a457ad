"""The file dialogs keep no history of the folders a person imported from (issue 11): Qt's dialog
writes them into its own settings file (QtProject.conf); the app's dialogs remove them at once."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog

from ui import file_dialogs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def qt_settings_home(tmp_path: Path) -> Iterator[Path]:
    """QSettings of the user scope go to a new folder for this test."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(Path.home() / ".config"))


def _choose_in_qts_dialog(path: Path) -> list[str]:
    """Qt's own file dialog (offscreen has no native one), *path* chosen and accepted, then destroyed:
    the moment Qt writes the folder into its settings."""
    dialog = QFileDialog(None, "Choose documents to import", str(path.parent), "PDF (*.pdf)")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.selectFile(str(path))
    QTimer.singleShot(200, dialog.accept)
    dialog.exec()
    chosen = dialog.selectedFiles()
    shiboken6.delete(dialog)
    return chosen


def _remembered() -> dict[str, object]:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    return {key: settings.value(key) for key in settings.allKeys()}


def test_qts_dialog_remembers_the_folder_and_forget_history_removes_it(
    qapp, qt_settings_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "hospital-records"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    assert _choose_in_qts_dialog(folder / "scan.pdf") == [str(folder / "scan.pdf")]
    assert "hospital-records" in str(_remembered().get("history"))  # what Qt alone leaves
    file_dialogs.forget_history()
    remembered = _remembered()
    assert "history" not in remembered and "lastVisited" not in remembered
    assert all("hospital" not in str(value) for value in remembered.values())
    written = "".join(p.read_text(errors="replace") for p in qt_settings_home.rglob("*") if p.is_file())
    assert "hospital" not in written


def test_no_module_of_the_app_opens_a_file_dialog_but_through_file_dialogs() -> None:
    calls = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "file_dialogs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "QFileDialog"
            ):
                calls.append(f"{path.relative_to(ROOT)}:{node.lineno} QFileDialog.{node.attr}")
    assert calls == []


def test_every_dialog_function_forgets_the_history_however_it_ends() -> None:
    """Each function that opens a dialog calls forget_history() in a `finally`."""
    tree = ast.parse((ROOT / "ui" / "file_dialogs.py").read_text())
    opening = [f for f in tree.body if isinstance(f, ast.FunctionDef) and "QFileDialog" in ast.unparse(f)]
    assert {f.name for f in opening} == {"open_files", "open_file", "choose_folder", "save_file"}
    for function in opening:
        tries = [n for n in ast.walk(function) if isinstance(n, ast.Try)]
        assert tries and any("forget_history()" in ast.unparse(t.finalbody) for t in tries), function.name
