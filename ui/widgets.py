"""Small shared widgets and helpers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def heading(text: str, parent: QWidget | None = None, factor: float = 1.6) -> QLabel:
    """A large bold label."""
    label = QLabel(text, parent)
    label.setObjectName("heading")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setProperty("scale", factor)  # the window re-applies it when the text size changes
    return label


def note(text: str, parent: QWidget | None = None, name: str = "hint") -> QLabel:
    """A wrapped explanatory label (objectName selects its style: hint, warning, error)."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.open()


def passphrase_strength(text: str) -> tuple[int, str]:
    """A rough 0-3 score and a hint; long passphrases of several words are what we encourage."""
    if not text:
        return 0, QCoreApplication.translate("Passphrase", "Use four or more unrelated words, e.g. \"maple river lantern orchard\".")
    classes = sum([any(c.islower() for c in text), any(c.isupper() for c in text),
                   any(c.isdigit() for c in text), any(not c.isalnum() for c in text)])
    words = len([w for w in text.replace("-", " ").split() if w])
    if len(text) < 10:
        return 0, QCoreApplication.translate("Passphrase", "Too short: at least 10 characters, better four or more words.")
    if len(text) >= 20 or (words >= 4 and len(text) >= 16):
        return 3, QCoreApplication.translate("Passphrase", "Strong.")
    if len(text) >= 14 or classes >= 3:
        return 2, QCoreApplication.translate("Passphrase", "Fair. A few more words would make it strong.")
    return 1, QCoreApplication.translate("Passphrase", "Weak. Add more words.")
