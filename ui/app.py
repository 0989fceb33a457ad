"""The desktop app's entry point: application set-up, style, translations, the main window."""

from __future__ import annotations

import logging
import os
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from mbc_vault.crashsafe import disable_core_dumps
from mbc_vault.layout import MARKERS

#: the app's own files, inside the package (a wheel installs them as files, so they have a path)
RESOURCES = Path(str(files("ui.resources")))
ICON = RESOURCES / "icons" / "mbc-vault.svg"
#: the desktop entry's name (mbc-vault.desktop): Wayland desktops match the window to it by this
DESKTOP_FILE = "mbc-vault"
#: a PNG path: the app saves its first window there once it is on the screen, then quits (exit status
#: 0 if saved). For checks of an installed app (`make package-check`) and the start-up benchmark.
SCREENSHOT_ENV = "MBC_VAULT_SCREENSHOT"


def load_translations(app: QApplication, language: str = "") -> list[QTranslator]:
    locale = QLocale(language) if language else QLocale.system()
    loaded = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("mbc_vault", str(RESOURCES / "i18n")),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


#: how long a thread runs Python before it hands the GIL to a thread that waits for it (Python's default
#: is 5 ms). The GUI thread takes the GIL each time Qt calls into Python (an event filter, a model's
#: data(), a slot) and gives it back when it returns to Qt: while a worker runs Python (a portal file
#: read and reviewed in the pool), each of those waits up to the interval, and a paint that calls
#: Python a hundred times stalls the window for half a second (docs/performance.md, issue 15).
GIL_SWITCH_INTERVAL_S = 0.0005


def setup_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("MBC Vault")
    app.setOrganizationName("MBC Vault")
    app.setApplicationDisplayName("MBC Vault")
    app.setDesktopFileName(DESKTOP_FILE)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    style = RESOURCES / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def vault_folder(path: Path) -> Path:
    """The vault folder a person pointed at: the folder itself, or the folder of its marker file
    (a double-click on vault.json opens its vault)."""
    return path.parent if path.name in MARKERS and path.is_file() else path


def save_when_shown(window: QWidget, path: Path, *, attempts: int = 400) -> None:
    """Once *window* is on the screen (exposed; at most *attempts* checks 25 ms apart), save what it
    shows to *path* as PNG and quit the event loop: exit status 0 if the file was written, else 1."""
    app = QApplication.instance()
    assert app is not None

    def shoot(left: int) -> None:
        handle = window.windowHandle()
        if (handle is None or not handle.isExposed()) and left > 0:
            QTimer.singleShot(25, lambda: shoot(left - 1))
            return
        app.exit(0 if window.grab().save(str(path), "PNG") else 1)

    QTimer.singleShot(0, lambda: shoot(attempts))


def main(argv: list[str] | None = None, *, open_path: str | None = None) -> int:
    """Start the app; with *open_path* (a vault folder or its vault.json) at that vault's unlock screen."""
    disable_core_dumps()
    logging.basicConfig(level=logging.WARNING)
    app = setup_application(argv)
    from .file_dialogs import forget_history
    from .main_window import MainWindow
    from .settings import AppSettings

    forget_history()  # what a dialog of an older version, or one not closed cleanly, left
    app.aboutToQuit.connect(forget_history)
    settings = AppSettings()
    load_translations(app, settings.language())  # children of app: they live as long as it
    window = MainWindow(settings)
    window.show()
    if open_path:
        window.open_folder(vault_folder(Path(open_path)))
    screenshot = os.environ.get(SCREENSHOT_ENV)
    if screenshot:
        save_when_shown(window, Path(screenshot))
    return app.exec()
