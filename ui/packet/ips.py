"""File ▸ Export as an International Patient Summary (IPS)…, beside the second-opinion packet: asks where
to save, writes the summary off the GUI thread (mbc_vault.portal.ips_export in a TaskWorker), then says
where it went in one sentence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from mbc_vault.errors import PermissionDenied
from mbc_vault.portal.ips_export import may_export, write_ips

from ..errors import describe
from ..widgets import ask_save_path
from ..workers import TaskWorker

if TYPE_CHECKING:
    from ..session import VaultSession


class Host(Protocol):
    """What the export needs of the main window (named here so this module does not import it)."""

    session: VaultSession | None

    def tell(self, title: str, text: str, warning: bool = False) -> QMessageBox: ...

    def _run(self, worker: TaskWorker) -> None: ...


class IpsExport(QObject):
    """The IPS export of the main window's unlocked vault."""

    def __init__(self, window: Host) -> None:
        assert isinstance(window, QMainWindow)
        super().__init__(window)
        self.window = window
        self.main = window  # the same object, as a QMainWindow (its status bar, the dialogs' parent)

    def ask_path(self) -> str:
        """Where to save the summary ('' if cancelled); first says the file will not be encrypted."""
        name = self.tr("patient-summary") + ".json"
        title = self.tr("Export as an International Patient Summary")
        return ask_save_path(self.main, title, name, self.tr("FHIR JSON (*.json)"))

    def run(self) -> None:
        """Ask where, then write the summary; a person without the medical part is told why not."""
        session = self.window.session
        if session is None or session.vault is None:
            return
        title = self.tr("Could not export the patient summary")
        if not may_export(session.vault):
            self.window.tell(title, describe(PermissionDenied("ips-medical-part-needed")), warning=True)
            return
        path = self.ask_path()
        if not path:
            return
        self.main.statusBar().showMessage(self.tr("Exporting the patient summary…"))
        worker = TaskWorker(write_ips, session.vault, path, overwrite=True)  # the dialog asked already
        worker.signals.finished.connect(lambda _: self._saved(path))
        worker.signals.failed.connect(lambda message: self._failed(title, message))
        self.window._run(worker)

    def _saved(self, path: str) -> None:
        self.main.statusBar().clearMessage()
        self.window.tell(
            self.tr("Patient summary saved"),
            self.tr("The International Patient Summary is saved to {0}.").format(path),
        )

    def _failed(self, title: str, message: str) -> None:
        self.main.statusBar().clearMessage()
        self.window.tell(title, message, warning=True)
