"""The desktop app's entry point: application set-up, style, translations, the main window."""

from __future__ import annotations

import logging
import sys
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mbc_vault.crashsafe import disable_core_dumps

#: the app's own files, inside the package (a wheel installs them as files, so they have a path)
RESOURCES = Path(str(files("ui.resources")))


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


def setup_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("MBC Vault")
    app.setOrganizationName("MBC Vault")
    app.setApplicationDisplayName("MBC Vault")
    style = RESOURCES / "styles" / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def main(argv: list[str] | None = None) -> int:
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
    return app.exec()
