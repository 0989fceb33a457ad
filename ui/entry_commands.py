"""Undoable changes to cancer-record and care entries (QUndoCommand): save and move to trash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from mbc_vault.cancer.models import MODELS, Model
from mbc_vault.care.models import MODELS as CARE_MODELS

from .session import VaultSession


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
        store = self.session.care if self.kind in CARE_MODELS else self.session.cancer
        if store is None:
            return
        model_type = CARE_MODELS.get(self.kind) or MODELS[self.kind]
        store.save(model_type.from_data(data), record_id=self.record_id)
        self.session.entry_saved(self.kind)

    def redo(self) -> None:
        if self._first:  # the change was already saved by the form
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class TrashEntryCommand(QUndoCommand):
    def __init__(self, session: VaultSession, kind: str, record_id: str, label: str) -> None:
        super().__init__(QCoreApplication.translate("EntryCommands", "Move “{0}” to the trash").format(label))
        self.session, self.kind, self.record_id = session, kind, record_id

    def _apply(self, trash: bool) -> None:
        if self.session.vault is None:
            return
        (self.session.vault.remove if trash else self.session.vault.restore)(self.record_id)
        self.session.entry_saved(self.kind)

    def redo(self) -> None:
        self._apply(True)

    def undo(self) -> None:
        self._apply(False)


def model_data(model: Model) -> dict[str, Any]:
    return dict(model.to_data())


Saver = Callable[[Model], Any]
