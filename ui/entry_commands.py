"""Undoable changes to cancer-record and care entries (QUndoCommand): save and move to trash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from mbc_vault.cancer.models import MODELS, Model
from mbc_vault.care.models import MODELS as CARE_MODELS
from mbc_vault.entries import EntryStore
from mbc_vault.errors import VaultError
from mbc_vault.history.models import MODELS as HISTORY_MODELS

from .errors import describe
from .session import VaultSession
from .widgets import tell


class SaveEntryCommand(QUndoCommand):
    """Undo restores the fields the entry had before (as a new revision: nothing is lost)."""

    def __init__(
        self,
        session: VaultSession,
        kind: str,
        record_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
        label: str,
    ) -> None:
        super().__init__(QCoreApplication.translate("EntryCommands", "Change “{0}”").format(label))
        self.session, self.kind, self.record_id, self.before, self.after = (
            session,
            kind,
            record_id,
            before,
            after,
        )
        self._first = True

    def _apply(self, data: dict[str, Any]) -> None:
        store: EntryStore | None
        if self.kind in HISTORY_MODELS:
            store = self.session.history
        else:
            store = self.session.care if self.kind in CARE_MODELS else self.session.cancer
        if store is None:
            return
        model_type = CARE_MODELS.get(self.kind) or HISTORY_MODELS.get(self.kind) or MODELS[self.kind]
        store.save(model_type.from_data(data), record_id=self.record_id)
        self.session.entry_saved(self.kind)

    def redo(self) -> None:
        if self._first:  # the change was already saved by the form
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class TrashCommand(QUndoCommand):
    """Move a record or an entry (of *kind*) to the trash; undo restores it. With *parent*, a failure is
    shown in a message and what was done is said in its status_message."""

    def __init__(
        self, session: VaultSession, record_id: str, label: str, kind: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("EntryCommands", "Move “{0}” to the trash").format(label))
        self.session, self.record_id, self.kind, self.widget = session, record_id, kind, parent

    def apply(self, trash: bool) -> None:
        vault = self.session.vault
        if vault is None:
            return
        try:
            record = vault.remove(self.record_id) if trash else vault.restore(self.record_id)
        except (VaultError, ValueError, OSError) as exc:
            if self.widget is None:
                raise
            tell(
                self.widget,
                QCoreApplication.translate("TrashCommand", "Not changed"),
                describe(exc),
                warning=True,
            )
            return
        if self.kind:
            self.session.entry_saved(self.kind)
        else:
            self.session.record_updated(record)
        status = getattr(self.widget, "status_message", None)
        if status is not None:
            done = (
                QCoreApplication.translate("TrashCommand", "Moved “{0}” to the trash. Undo with Ctrl+Z.")
                if trash
                else QCoreApplication.translate("TrashCommand", "Restored “{0}”.")
            )
            status.emit(done.format(record.title))

    def redo(self) -> None:
        self.apply(True)

    def undo(self) -> None:
        self.apply(False)


def model_data(model: Model) -> dict[str, Any]:
    return dict(model.to_data())


Saver = Callable[[Model], Any]
