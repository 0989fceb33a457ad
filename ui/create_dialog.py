"""Creating a vault: name, folder, passphrase twice, a strength hint and a plain warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mbc_vault.vault import Vault

from .dialog_fit import fit_dialog, scrolling_dialog
from .file_dialogs import choose_folder
from .widgets import DialogFooter, PassphrasePair, heading, note
from .workers import TaskWorker, start


class CreateVaultDialog(QDialog):
    """Asks for what a new vault needs and creates it off the GUI thread."""

    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create my vault"))
        self.vault: Vault | None = None
        self._worker: TaskWorker | None = None
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Create my vault"), self))
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Jane Example"))
        self.folder_edit = QLineEdit(str(default_folder), self)
        self.folder_edit.setAccessibleName(self.tr("Vault folder"))
        self.browse_btn = QPushButton(self.tr("Choose…"), self)
        self.browse_btn.setAccessibleName(self.tr("Choose the vault folder"))
        self.browse_btn.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_btn)
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow(self.tr("Folder:"), folder_row)
        self.passphrase = PassphrasePair(
            form,
            self,
            label=self.tr("Passphrase:"),
            again_label=self.tr("Passphrase again:"),
            name=self.tr("Passphrase"),
            again_name=self.tr("Passphrase again"),
        )
        self.pass_edit, self.again_edit = self.passphrase.pass_edit, self.passphrase.again_edit
        self.strength, self.match = self.passphrase.strength, self.passphrase.match
        layout.addLayout(form)
        layout.addWidget(
            note(
                self.tr(
                    "Important: if you forget this passphrase, nobody can open your vault, not even us. "
                    "Write it down and keep it somewhere safe, like with your will."
                ),
                self,
                "warning",
            )
        )
        self.footer = DialogFooter(
            self,
            self._create,
            accept_text=self.tr("Create vault"),
            busy=self.tr("Creating the vault"),
            error_hidden=False,
        )
        self.busy, self.error, self.create_btn = self.footer.busy, self.footer.error, self.footer.save_btn
        foot.addWidget(self.footer)
        for edit in (self.name_edit, self.pass_edit, self.again_edit, self.folder_edit):
            edit.textChanged.connect(self._validate)
        self._validate()
        fit_dialog(self, 90)  # wide enough for a folder path, at most the screen; the body scrolls

    @classmethod
    def ask(cls, default_folder: Path, parent: QWidget | None = None) -> Vault | None:
        """Show the dialog; the new, unlocked vault, or None if the person cancelled."""
        dialog = cls(default_folder, parent)
        return dialog.vault if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _browse(self) -> None:
        folder = choose_folder(
            self, self.tr("Where should the vault folder go?"), str(Path(self.folder_edit.text()).parent)
        )
        if folder:
            self.folder_edit.setText(str(Path(folder) / "My vault"))

    def _validate(self) -> bool:
        ok = (
            self.passphrase.check()
            and bool(self.name_edit.text().strip())
            and bool(self.folder_edit.text().strip())
        )
        self.create_btn.setEnabled(ok and self._worker is None)
        return ok

    def _create(self) -> None:
        if not self._validate():
            return
        self.footer.working()
        worker = TaskWorker(
            Vault.create,
            Path(self.folder_edit.text().strip()),
            self.pass_edit.text(),
            name=self.name_edit.text().strip(),
        )
        worker.signals.finished.connect(self._created)
        worker.signals.failed.connect(self._failed)
        self._worker = start(worker)

    def _created(self, vault: Vault) -> None:
        self.vault = vault
        self._worker = None
        self.footer.done()
        self.pass_edit.clear()
        self.again_edit.clear()
        self.accept()

    def _failed(self, message: str) -> None:
        self._worker = None
        self.footer.done(message)
        self._validate()
