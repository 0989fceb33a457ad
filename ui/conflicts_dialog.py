"""Records changed on two computers: compare the versions side by side and choose one to keep.

Nothing is lost either way: the vault keeps every version (see Vault.resolve_conflict)."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.errors import VaultError
from mbc_vault.records import Record
from mbc_vault.vault import RecordVersion

from .category_names import category_label
from .errors import describe
from .keyboard import tab_leaves
from .reflow import FlowLayout, fit_to_screen
from .session import VaultSession
from .widgets import DialogFooter, heading, note


def _fields(record: Record, name_of: Callable[[str | None], str]) -> list[tuple[str, str]]:
    data = json.dumps(record.data, ensure_ascii=False, sort_keys=True) if record.data else ""
    return [
        ("title", record.title),
        ("category", category_label(record.category)),
        ("date", record.date or ""),
        ("provider", record.provider),
        ("tags", ", ".join(record.tags)),
        ("notes", record.notes),
        ("details", data),
        ("changed", f"{record.modified[:16].replace('T', ' ')}"),
        ("by", name_of(record.modified_by)),
    ]


class ConflictsDialog(QDialog):
    """One row per field, one column per version; differences are marked."""

    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed on two computers"))
        self.session = session
        self.versions: list[RecordVersion] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Changed on two computers"), self, 1.4))
        layout.addWidget(
            note(
                self.tr(
                    "These records were changed on two computers before they synced. Both versions are kept; "
                    "the newer one is shown. Compare them and choose the one to keep. Nothing is deleted: "
                    "the other version stays in the vault's history."
                ),
                self,
            )
        )
        row = QHBoxLayout()
        self.records = QListWidget(self)
        self.records.setAccessibleName(self.tr("Records changed on two computers"))
        self.records.setMaximumWidth(260)
        self.records.currentRowChanged.connect(self._show)
        self.table = QTableWidget(self)
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setAccessibleName(self.tr("The versions side by side"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        row.addWidget(self.records)
        row.addWidget(self.table, 1)
        layout.addLayout(row, 1)
        choose = FlowLayout()  # one "Keep version n" per version: they wrap at large text
        self.keep_buttons: list[QPushButton] = []
        self.choose_row = choose
        layout.addLayout(choose)
        footer = DialogFooter(self, line="hint", error_hidden=False)
        self.message = footer.error
        layout.addWidget(footer)
        fit_to_screen(self, 1000, 600)
        self.refresh()

    def refresh(self) -> None:
        vault = self.session.vault
        self.records.clear()
        conflicts = vault.conflicts() if vault is not None else {}
        for record_id, versions in conflicts.items():
            item = QListWidgetItem(versions[0].record.title, self.records)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
        if conflicts:
            self.records.setCurrentRow(0)
        else:
            self.table.clear()
            self.table.setRowCount(0)
            self._set_buttons([])
            self.message.setText(self.tr("Nothing is waiting for a choice."))

    def _set_buttons(self, versions: list[RecordVersion]) -> None:
        for button in self.keep_buttons:
            button.deleteLater()
        self.keep_buttons = []
        for number, version in enumerate(versions, 1):
            label = (
                self.tr("Keep version {0} (shown now)").format(number)
                if version.current
                else self.tr("Keep version {0}").format(number)
            )
            button = QPushButton(label, self)
            button.clicked.connect(lambda _=False, v=version: self.keep(v))
            self.choose_row.addWidget(button)
            self.keep_buttons.append(button)

    def _show(self, row: int) -> None:
        vault = self.session.vault
        item = self.records.item(row)
        if vault is None or item is None:
            return
        self.versions = vault.conflicts().get(item.data(Qt.ItemDataRole.UserRole), [])
        labels = {
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "date": self.tr("Date"),
            "provider": self.tr("Provider"),
            "tags": self.tr("Tags"),
            "notes": self.tr("Notes"),
            "details": self.tr("Details"),
            "changed": self.tr("Changed"),
            "by": self.tr("Changed by"),
        }
        columns = [_fields(v.record, vault.person_name) for v in self.versions]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(labels))
        self.table.setVerticalHeaderLabels(list(labels.values()))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version {0}").format(n) for n in range(1, len(columns) + 1)]
        )
        for r, key in enumerate(labels):
            values = [dict(c)[key] for c in columns]
            differs = len(set(values)) > 1
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if differs:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self._set_buttons(self.versions)
        self.message.setText(self.tr("Differences are in bold."))

    def keep(self, version: RecordVersion) -> None:
        vault = self.session.vault
        if vault is None:
            return
        try:
            record = vault.resolve_conflict(version.record.id, version.version_id)
        except (VaultError, ValueError, OSError) as exc:
            self.message.setText(describe(exc))
            return
        self.session.record_updated(record) if record.kind == "document" else self.session.entry_saved(
            record.kind
        )
        self.refresh()
        self.message.setText(self.tr("Kept the version you chose of “{0}”.").format(record.title))
