"""The desktop app's entry point. For now a minimal window; the full app is its own issue."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


class MainWindow(QMainWindow):
    """The main window: a welcome text until the vault screens arrive."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("MBC Vault"))
        self.resize(900, 600)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(48, 48, 48, 48)
        heading = QLabel(self.tr("MBC Vault"), body)
        font = QFont(heading.font())
        font.setPointSize(28)
        font.setBold(True)
        heading.setFont(font)
        self.welcome = QLabel(self.tr(
            "Your records, encrypted on your own computer.\n\n"
            "For now, use the command line: mbc-vault --help"), body)
        text_font = QFont(self.welcome.font())
        text_font.setPointSize(16)
        self.welcome.setFont(text_font)
        self.welcome.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.welcome)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setCentralWidget(body)


def main(argv: list[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("MBC Vault")
    app.setOrganizationName("MBC Vault")
    window = MainWindow()
    window.show()
    return app.exec()
