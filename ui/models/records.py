"""Table model of records, and the proxy that filters by category, tag and trash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mbc_vault.records import Record

from ..category_names import category_label
from .provenance import NameOf, provenance, short_id

COL_TITLE, COL_CATEGORY, COL_DATE, COL_PROVIDER, COL_TAGS, COL_PAGES, COL_ADDED = range(7)
RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class RecordsTableModel(QAbstractTableModel):
    """All records of the open vault (trash included; the proxy decides what shows)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Record] = []
        #: turns a person id into a name (the documents section sets it from the open vault)
        self.name_of: NameOf = short_id
        self._headers = [
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Date"),
            self.tr("Provider"),
            self.tr("Tags"),
            self.tr("Pages"),
            self.tr("Added"),
        ]

    def set_records(self, records: list[Record]) -> None:
        """Show *records*. When none of the current ones is gone, the rows are updated in place and
        new ones appended (the proxy sorts and filters only those), instead of a reset that makes
        the proxy filter and sort every row again (~80 ms at 1,000 records, on the GUI thread)."""
        records = list(records)
        by_id = {record.id: record for record in records}
        if (
            not self._records
            or len(by_id) < len(self._records)
            or any(r.id not in by_id for r in self._records)
        ):
            self.beginResetModel()
            self._records = records
            self.endResetModel()
            return
        last_column = self.columnCount() - 1
        for row, old in enumerate(self._records):
            new = by_id.pop(old.id)
            if new is not old and new != old:
                self._records[row] = new
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
        if by_id:  # the new ones, in the order given
            added = [record for record in records if record.id in by_id]
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records) + len(added) - 1)
            self._records.extend(added)
            self.endInsertRows()

    def clear(self) -> None:
        self.set_records([])

    def upsert(self, record: Record) -> None:
        for row, existing in enumerate(self._records):
            if existing.id == record.id:
                self._records[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
        self._records.append(record)
        self.endInsertRows()

    def remove_id(self, record_id: str) -> None:
        for row, existing in enumerate(self._records):
            if existing.id == record_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._records[row]
                self.endRemoveRows()
                return

    def records(self) -> list[Record]:
        return list(self._records)

    def row_of(self, record_id: str) -> int:
        return next((row for row, r in enumerate(self._records) if r.id == record_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # the tooltip shows the whole title where a narrow stretching column elides it
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == SortRole:
            if column == COL_PAGES:
                return record.pages or 0
            if column == COL_ADDED:
                return record.created
            return (self._display(record, column) or "").lower()
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return f"{record.original_name}\n{provenance(record, self.name_of)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_PAGES:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _display(record: Record, column: int) -> str:
        if column == COL_TITLE:
            return record.title
        if column == COL_CATEGORY:
            return category_label(record.category)
        if column == COL_DATE:
            return record.date or ""
        if column == COL_PROVIDER:
            return record.provider
        if column == COL_TAGS:
            return ", ".join(record.tags)
        if column == COL_PAGES:
            return str(record.pages) if record.pages else ""
        if column == COL_ADDED:
            return record.created[:10]
        return ""


class RecordsFilterProxy(QSortFilterProxyModel):
    """Shows either the library or the trash, optionally one category and one tag."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._category: str | None = None
        self._tag: str | None = None
        self._trash = False
        self._only_ids: set[str] | None = None

    def set_category(self, category: str | None) -> None:
        if (category or None) == self._category:
            return  # unchanged: rows that were added or changed are filtered as they come
        self.beginFilterChange()
        self._category = category or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tag(self, tag: str | None) -> None:
        if (tag or None) == self._tag:
            return
        self.beginFilterChange()
        self._tag = tag or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_trash(self, trash: bool) -> None:
        self.beginFilterChange()
        self._trash = trash
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def showing_trash(self) -> bool:
        return self._trash

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        record: Record = self.sourceModel().index(source_row, 0, source_parent).data(RecordRole)
        if record is None or record.in_trash != self._trash:
            return False
        if self._category and record.category != self._category:
            return False
        if self._tag and self._tag not in record.tags:
            return False
        return self._only_ids is None or record.id in self._only_ids
