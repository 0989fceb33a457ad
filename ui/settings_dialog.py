"""Preferences: auto-lock time and text size."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from .dialog_fit import fit_dialog, scrolling_dialog
from .i18n import QT_TRANSLATE_NOOP
from .settings import AppSettings
from .widgets import heading, note

LANGUAGES = [
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "System language")),
    ("en", "English"),
    ("es", "Español"),
]


class SettingsDialog(QDialog):
    """Edits AppSettings; the caller applies them after accept."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Settings"), self, 1.4))
        form = QFormLayout()
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(self.tr(" minutes"))
        self.idle_spin.setValue(settings.idle_minutes())
        self.idle_spin.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.text_combo = QComboBox(self)
        for percent in (100, 125, 150, 175, 200):
            self.text_combo.addItem(f"{percent} %", percent)
        self.text_combo.setCurrentIndex(max(0, self.text_combo.findData(settings.text_scale())))
        self.text_combo.setAccessibleName(self.tr("Text size"))
        self.language_combo = QComboBox(self)
        for code, name in LANGUAGES:
            self.language_combo.addItem(self.tr(name) if not code else name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language())))
        self.language_combo.setAccessibleName(self.tr("Language"))
        form.addRow(self.tr("Lock when idle for:"), self.idle_spin)
        form.addRow(self.tr("Text size:"), self.text_combo)
        form.addRow(self.tr("Language:"), self.language_combo)
        layout.addLayout(form)
        layout.addWidget(note(self.tr("A new language applies the next time the app starts."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        foot.addWidget(buttons)
        fit_dialog(self, 60)

    @classmethod
    def ask(cls, settings: AppSettings, parent: QWidget | None = None) -> bool:
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted

    def _save(self) -> None:
        self.settings.set_idle_minutes(self.idle_spin.value())
        self.settings.set_text_scale(self.text_combo.currentData())
        self.settings.set_language(self.language_combo.currentData())
        self.accept()
