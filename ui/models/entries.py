"""A table model over cancer-record entries, with columns given as (header, function)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from mbc_vault.cancer.models import Model
from mbc_vault.entries import Entry

from .provenance import NameOf, provenance, short_id

EntryRole = Qt.ItemDataRole.UserRole + 1
Column = tuple[str, Callable[[Entry[Any]], str]]


class EntriesTableModel(QAbstractTableModel):
    """Rows are entries; each column shows what its function returns."""

    def __init__(
        self,
        columns: list[Column],
        parent: Any = None,
        *,
        tooltip: Callable[[Entry[Any], int], str | None] | None = None,
        right_aligned: tuple[int, ...] = (),
    ) -> None:
        """*tooltip(entry, column)* replaces the default tooltip (who added the entry, and when)."""
        super().__init__(parent)
        self._columns = columns
        self._tooltip = tooltip
        self._right_aligned = right_aligned
        self._entries: list[Entry[Any]] = []
        #: turns a person id into a name (the section sets it from the open vault)
        self.name_of: NameOf = short_id

    def set_entries(self, entries: list[Entry[Any]]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[Entry[Any]]:
        return list(self._entries)

    def entry(self, row: int) -> Entry[Any] | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: str) -> int:
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # the tooltip shows the whole title where a narrow stretching column elides it
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._columns[section][0]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](entry)
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            if self._tooltip is not None:
                return self._tooltip(entry, index.column())
            return provenance(entry.record, self.name_of)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


M = TypeVar("M", bound=Model)


def copy_model(model: M, **changes: Any) -> M:
    """A new model of the same kind with *changes* (the entry shown stays as it was)."""
    return type(model).from_data({**model.to_data(), **changes})
