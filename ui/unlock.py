"""Unlocking: who you are (when several people use the vault) and your passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)

from mbc_vault.errors import WrongPassphrase
from mbc_vault.vault import WRONG_PASSPHRASE_TEXT
from mbc_vault.vault import Vault

from .settings import AppSettings
from .widgets import heading, note
from .workers import TaskWorker, start

SOMEONE_ELSE = ""


class UnlockScreen(QWidget):
    """Asks for the passphrase; key derivation runs in the thread pool with a busy bar."""

    unlocked = Signal(object)  # Vault
    back_requested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._worker: TaskWorker | None = None
        self.vault_path: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(14)
        self.title = heading(self.tr("Unlock your vault"), self, 1.9)
        self.where = note("", self)
        layout.addWidget(self.title)
        layout.addWidget(self.where)
        form = self.form = QFormLayout()
        self.person_combo = QComboBox(self)
        self.person_combo.setAccessibleName(self.tr("Who are you?"))
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.pass_edit.returnPressed.connect(self.unlock)
        form.addRow(self.tr("Who are you?"), self.person_combo)
        form.addRow(self.tr("Passphrase:"), self.pass_edit)
        layout.addLayout(form)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.error = note("", self, "error")
        self.error.setAccessibleName(self.tr("Unlock message"))
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.back_btn = QPushButton(self.tr("Back"), self)
        self.back_btn.setAccessibleName(self.tr("Back to the welcome screen"))
        self.back_btn.clicked.connect(self.back_requested)
        self.unlock_btn = QPushButton(self.tr("Unlock"), self)
        self.unlock_btn.setDefault(True)
        self.unlock_btn.setAccessibleName(self.tr("Unlock"))
        self.unlock_btn.clicked.connect(self.unlock)
        row.addWidget(self.back_btn)
        row.addStretch(1)
        row.addWidget(self.unlock_btn)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_vault(self, path: Path, name_hint: str = "") -> None:
        self.vault_path = path
        self.where.setText(self.tr("Vault folder: {0}").format(str(path)))
        self.error.setText("")
        self.pass_edit.clear()
        self.person_combo.clear()
        known = self._settings.known_people(path)
        last = self._settings.last_person(path)
        for pid, name in sorted(known.items(), key=lambda kv: (kv[0] != last, kv[1])):
            self.person_combo.addItem(name, pid)
        self.person_combo.addItem(self.tr("Someone else (not listed)") if known else self.tr("Me"), SOMEONE_ELSE)
        many = len(Vault.person_ids(path)) > 1 or bool(known)
        self.person_combo.setVisible(many)
        label = self.form.labelForField(self.person_combo)
        if label is not None:
            label.setVisible(many)
        self.pass_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def unlock(self) -> None:
        if self._worker is not None or self.vault_path is None:
            return
        passphrase = self.pass_edit.text()
        if not passphrase:
            self.error.setText(self.tr("Type your passphrase."))
            return
        self.error.setText("")
        self.busy.setVisible(True)
        self.unlock_btn.setEnabled(False)
        person = self.person_combo.currentData() or None
        worker = TaskWorker(self._open, self.vault_path, passphrase, person)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self._worker = start(worker)

    @staticmethod
    def _open(path: Path, passphrase: str, person: str | None) -> Vault | str:
        try:
            return Vault.open(path, passphrase, person_id=person)
        except WrongPassphrase as exc:
            # The plain case says so and nothing else; a damaged key file adds its hint.
            return "" if str(exc) == WRONG_PASSPHRASE_TEXT else str(exc)

    def _done(self, result: Vault | str) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.unlock_btn.setEnabled(True)
        if isinstance(result, str):
            self.error.setText(result or self.tr("Wrong passphrase."))
            self.pass_edit.selectAll()
            self.pass_edit.setFocus()
            return
        self.pass_edit.clear()
        self._settings.remember_person(result.path, result.person.id, result.person.name)
        self.unlocked.emit(result)

    def _failed(self, message: str) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.unlock_btn.setEnabled(True)
        self.error.setText(message)
