"""Unlocking: who you are (when several people use the vault) and your passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.age import DEFAULT_SCRYPT_WORK_FACTOR
from mbc_vault.errors import WrongPassphrase
from mbc_vault.vault import Vault

from .dialog_fit import fit_dialog, scrolling_dialog
from .errors import describe
from .settings import AppSettings
from .widgets import PassphrasePair, heading, note
from .workers import TaskWorker, start

#: scrypt work factor of the passphrase chosen after a setup code (tests lower it)
WORK_FACTOR = DEFAULT_SCRYPT_WORK_FACTOR


class UnlockScreen(QWidget):
    """Asks for the passphrase; key derivation runs in the thread pool with a busy bar.

    Nobody is asked who they are: the passphrase finds the person. People's names are encrypted in the
    vault and never kept in the settings, so before unlocking there is no name to show; the settings
    keep the id of whoever unlocked last on this computer, whose key is tried first."""

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
        #: why the vault was locked, when the app locked it by itself (auto-lock)
        self.reason = note("", self)
        self.reason.setAccessibleName(self.tr("Why the vault was locked"))
        self.reason.setVisible(False)
        layout.addWidget(self.title)
        layout.addWidget(self.reason)
        layout.addWidget(self.where)
        form = self.form = QFormLayout()
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.pass_edit.returnPressed.connect(self.unlock)
        form.addRow(self.tr("Passphrase:"), self.pass_edit)
        layout.addLayout(form)
        self.code_hint = note(
            self.tr("The first time, type the setup code you were given instead of a passphrase."), self
        )
        layout.addWidget(self.code_hint)
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
        self.set_reason("")
        # someone may have been given a setup code, and nobody has unlocked this vault here yet: once
        # someone has (the owner, say), the hint is not theirs to read
        self.code_hint.setVisible(
            len(Vault.person_ids(path)) > 1 and self._settings.last_person(path) is None
        )
        self.pass_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_reason(self, text: str) -> None:
        """Say why the vault was locked (empty: no reason shown)."""
        self.reason.setText(text)
        self.reason.setVisible(bool(text))

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
        person = self._settings.last_person(self.vault_path)  # tried first; the passphrase finds anyone else
        worker = TaskWorker(self._open, self.vault_path, passphrase, person)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self._worker = start(worker)

    @staticmethod
    def _open(path: Path, passphrase: str, person: str | None) -> Vault | WrongPassphrase:
        try:
            return Vault.open(path, passphrase, person_id=person)
        except WrongPassphrase as exc:
            return exc

    def _done(self, result: Vault | WrongPassphrase) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.unlock_btn.setEnabled(True)
        if isinstance(result, WrongPassphrase):
            # The plain case says so and nothing else; a damaged key file adds its hint.
            plain = result.code == "wrong-passphrase"
            self.error.setText(self.tr("Wrong passphrase.") if plain else describe(result))
            self.pass_edit.selectAll()
            self.pass_edit.setFocus()
            return
        self.pass_edit.clear()
        self._settings.remember_person(result.path, result.person.id)
        self.unlocked.emit(result)

    def _failed(self, message: str) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.unlock_btn.setEnabled(True)
        self.error.setText(message)


class ChoosePassphraseDialog(QDialog):
    """After unlocking with a one-time setup code: choose a passphrase of your own (twice)."""

    def __init__(self, vault: Vault, parent: QWidget | None = None, *, first_time: bool = True) -> None:
        super().__init__(parent)
        self.vault = vault
        self._worker: TaskWorker | None = None
        layout, foot = scrolling_dialog(self)
        name = vault.person.name
        if first_time:
            self.setWindowTitle(self.tr("Choose your passphrase"))
            layout.addWidget(
                heading(self.tr("Welcome, {0}").format(name) if name else self.tr("Welcome"), self)
            )
            layout.addWidget(
                note(
                    self.tr(
                        "The setup code you were given works only this once. Choose a passphrase of your "
                        "own: you will type it every time you open this vault."
                    ),
                    self,
                )
            )
        else:
            self.setWindowTitle(self.tr("Change my passphrase"))
            layout.addWidget(heading(self.tr("Change my passphrase"), self))
            layout.addWidget(
                note(
                    self.tr(
                        "From now on this vault opens with the new passphrase, for you only. The old one "
                        "stops working on this vault."
                    ),
                    self,
                )
            )
        form = QFormLayout()
        self.passphrase = PassphrasePair(
            form,
            self,
            label=self.tr("New passphrase:"),
            again_label=self.tr("Passphrase again:"),
            name=self.tr("Your new passphrase"),
            again_name=self.tr("Your new passphrase again"),
        )
        self.pass_edit, self.again_edit = self.passphrase.pass_edit, self.passphrase.again_edit
        self.strength, self.match = self.passphrase.strength, self.passphrase.match
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "If you forget it, nobody can recover it for you: the owner of the vault would have to "
                    "add you again. Write it down and keep it somewhere safe."
                ),
                self,
                "warning",
            )
        )
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Saving your passphrase"))
        self.error = note("", self, "error")
        foot.addWidget(self.busy)
        foot.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_btn = self.buttons.addButton(
            self.tr("Save my passphrase"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_btn.setDefault(True)
        self.save_btn.setAccessibleName(self.tr("Save my passphrase"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        foot.addWidget(self.buttons)
        for edit in (self.pass_edit, self.again_edit):
            edit.textChanged.connect(self._validate)
        self.again_edit.returnPressed.connect(self.save)
        self._validate()
        fit_dialog(self, 85)

    def _validate(self) -> bool:
        ok = self.passphrase.check()
        self.save_btn.setEnabled(ok and self._worker is None)
        return ok

    def save(self) -> None:
        if self._worker is not None or not self._validate():
            return
        self.error.setText("")
        self.busy.setVisible(True)
        self.save_btn.setEnabled(False)
        worker = TaskWorker(self.vault.change_passphrase, self.pass_edit.text(), work_factor=WORK_FACTOR)
        worker.signals.finished.connect(self._saved)
        worker.signals.failed.connect(self._failed)
        self._worker = start(worker)

    def _saved(self, _: object) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.pass_edit.clear()
        self.again_edit.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.busy.setVisible(False)
        self.error.setText(message)
        self._validate()

    def reject(self) -> None:
        if self._worker is None:  # never close while the new key file is being written
            super().reject()
