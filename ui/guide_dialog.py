"""Help › First steps: a short guide to the first things a patient does (import, search, prepare a
visit, build a packet, share with a family member, keep the emergency kit), in the app's language.

The guide is HTML in ui/resources/guide/ (guide_<language>.html, shipped in the package); it is shown
in a QTextBrowser in the app's font, so larger text makes it larger too."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .i18n import app_language

# in the package (pyproject package-data), found as ui.app finds the other resources
GUIDE_FOLDER = Path(str(files("ui.resources"))) / "guide"


def guide_html(language: str) -> str:
    """The guide in *language* ("en", "es"), or in English when there is none in it."""
    for code in (language, "en"):
        path = GUIDE_FOLDER / f"guide_{code}.html"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    """The guide in a window of its own, beside the app (not modal: the steps can be followed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("First steps"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("First steps guide"))
        self.browser.setOpenExternalLinks(False)
        self.language = app_language()  # picks guide_<code>.html
        self.browser.setHtml(guide_html(self.language))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setDefault(True)
        layout.addWidget(buttons)
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """About 60 characters wide and 30 lines high in the app's font, never more than the screen."""
        metrics = QFontMetrics(self.font())
        wanted = QSize(metrics.averageCharWidth() * 64, metrics.lineSpacing() * 32)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            wanted = wanted.boundedTo(screen.availableGeometry().size() * 0.9)
        return wanted
