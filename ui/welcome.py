"""The first screen: create a vault, open one someone shared, or explore a demo; recent vaults."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from .keyboard import enter_presses
from .widgets import heading, note


class WelcomeScreen(QWidget):
    """Three large choices and the list of recently used vaults."""

    create_requested = Signal()
    open_shared_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Welcome to MBC Vault"), self, 1.9))
        layout.addWidget(
            note(
                self.tr(
                    "Keep your medical and legal records in one encrypted place on this computer. "
                    "Only people you choose can open them."
                ),
                self,
            )
        )
        self.create_btn = self._choice(
            self.tr("Create my vault"), self.tr("Start a new, empty vault protected by your passphrase.")
        )
        self.open_btn = self._choice(
            self.tr("Open a vault someone shared with me"),
            self.tr("Choose the folder (USB drive, shared or synced folder)."),
        )
        self.demo_btn = self._choice(
            self.tr("Explore a demo vault"),
            self.tr("Look around with fictional records first. Nothing real is used."),
        )
        self.create_btn.clicked.connect(self.create_requested)
        self.open_btn.clicked.connect(self.open_shared_requested)
        self.demo_btn.clicked.connect(self.demo_requested)
        for button in (self.create_btn, self.open_btn, self.demo_btn):
            layout.addWidget(button)
        enter_presses(self.create_btn, self.open_btn, self.demo_btn)  # Enter, as Space, presses a choice
        self.recent_label = note(
            self.tr("Recently opened vaults (double-click or press Enter to open):"), self
        )
        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName(self.tr("Recently opened vaults"))
        self.recent_list.itemActivated.connect(
            lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list)
        layout.addStretch(1)

    def _choice(self, title: str, detail: str) -> QPushButton:
        button = QPushButton(f"{title}\n{detail}", self)
        button.setObjectName("bigChoice")
        button.setAccessibleName(title)
        button.setAccessibleDescription(detail)
        button.setMinimumHeight(72)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        button.setFont(font)
        return button

    def set_recent(self, paths: list[str]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}    {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        visible = bool(paths)
        self.recent_label.setVisible(visible)
        self.recent_list.setVisible(visible)
