"""The app's file dialogs: Qt's own, leaving no trace of where a person went.

Qt's file dialog records every folder it was used in ("history", "lastVisited") in its own settings
file (QtProject.conf on Linux, the registry on Windows), readable by any program of the user and kept
in backups: the folders a person imported records from are health information. Every dialog of the
app goes through these functions, which remove those entries as soon as the dialog closes; the app
also removes them at start and at quit. Dialogs open in the person's home folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

#: what Qt's file dialog writes about the folders it visited
HISTORY_KEYS = ("history", "lastVisited")


def forget_history() -> None:
    """Remove the folders Qt's file dialog remembered."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in HISTORY_KEYS:
        settings.remove(key)
    settings.endGroup()
    settings.sync()


def open_files(parent: QWidget | None, title: str, folder: str, file_filter: str) -> list[str]:
    try:
        files, _ = QFileDialog.getOpenFileNames(parent, title, folder, file_filter)
    finally:
        forget_history()
    return files


def open_file(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str:
    try:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
    finally:
        forget_history()
    return path


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    try:
        return QFileDialog.getExistingDirectory(parent, title, folder)
    finally:
        forget_history()


def save_file(parent: QWidget | None, title: str, path: str, file_filter: str) -> str:
    try:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, path, file_filter)
    finally:
        forget_history()
    return chosen
