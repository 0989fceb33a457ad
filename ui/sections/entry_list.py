"""A titled table of structured entries (cancer record or care plan): Add, Edit, Move to trash (undoable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import Model
from mbc_vault.entries import Entry, EntryStore
from mbc_vault.records import Record

from ..entry_commands import SaveEntryCommand, TrashCommand
from ..forms.entry_form import EntryFormDialog, FieldSpec
from ..keyboard import tab_leaves
from ..models.entries import Column, EntriesTableModel, EntryRole
from ..session import VaultSession
from ..vocab_labels import entry_title
from ..widgets import columns_follow_scroll, rows_follow_widths

#: a table of up to this many rows fits its columns to all of them
FIT_ALL_ROWS = 40
#: the rows past the view that a longer table's columns fit (resizeContentsPrecision)
LONG_TABLE_PRECISION = 20


class EntryListBox(QGroupBox):
    """One kind of entry: the table and its buttons. The form is EntryFormDialog.ask (patchable in tests);
    `form_class` may name a subclass. `store` picks the session's store (default: the cancer record),
    `entries` what of it `load()` shows."""

    form_class: type[EntryFormDialog] = EntryFormDialog

    def __init__(
        self,
        title: str,
        kind: str,
        columns: list[Column],
        fields: Callable[[], list[FieldSpec]],
        new_model: Callable[[], Model],
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        with_documents: bool = True,
        store: Callable[[VaultSession], EntryStore | None] | None = None,
        entries: Callable[[Any], list[Entry[Any]]] | None = None,
        min_height: int = 0,
        stretch_column: int | None = None,
        wrap_rows: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.kind, self.fields, self.new_model, self.undo_stack = kind, fields, new_model, undo_stack
        self.store: Callable[[VaultSession], EntryStore | None] = store or (lambda s: s.cancer)
        self.with_documents = with_documents
        # the entries `load()` shows, from the store (e.g. CarePlan.trials)
        self.entries = entries
        self.session: VaultSession | None = None
        #: the records the last load() has still to read (None: the table shows them)
        self.loading: list[Record] | None = None
        #: the kind's model (the store reads each record's data into one)
        self.model_type: type[Model] = type(new_model())
        self._generation = 0
        self.model = EntriesTableModel(columns, self)
        layout = QVBoxLayout(self)
        self.table = QTableView(self)
        columns_follow_scroll(self.table)  # a long table's columns fit the rows scrolled to
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # columns fit every row of a short table, not every row of thousands (set_entries)
        self.table.horizontalHeader().setResizeContentsPrecision(-1)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(title)
        self.table.activated.connect(lambda _: self.edit_selected())  # Enter or a double-click
        if min_height:
            self.table.setMinimumHeight(min_height)
        if stretch_column is not None:
            self.table.horizontalHeader().setStretchLastSection(False)
            self.table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        if wrap_rows:
            rows_follow_widths(self.table)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add…"), self)
        self.edit_btn = QPushButton(self.tr("Edit…"), self)
        self.remove_btn = QPushButton(self.tr("Move to trash"), self)
        for button, name in (
            (self.add_btn, self.tr("Add to {0}")),
            (self.edit_btn, self.tr("Edit in {0}")),
            (self.remove_btn, self.tr("Move to trash from {0}")),
        ):
            button.setAccessibleName(name.format(title))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.add_btn.clicked.connect(self.add)
        self.edit_btn.clicked.connect(self.edit_selected)
        self.remove_btn.clicked.connect(self.remove_selected)

    #: a table of more entries than this reads them from their records this many at a turn of the event
    #: loop, and fills when all are read (a portal import: 2,500 visits take ~70 ms; read in the thread
    #: pool, they made every call the window's paint makes into Python wait for the GIL: the section
    #: stalled 110-140 ms, docs/performance.md, issue 15); fewer are read at once
    DECODE_STEP = 100

    def load(self) -> None:
        """Show `entries` of the session's store (nothing when locked); many are read a slice at a time
        between turns of the event loop, and the table keeps what it showed until all are (`loading`:
        the records still to read)."""
        self._generation += 1  # a read still under way is for a load before this one: dropped
        self.loading = None
        store = self.store(self.session) if self.session is not None else None
        if store is None or self.entries is None or store.vault.count_entries(self.kind) <= self.DECODE_STEP:
            self.set_entries(self._entries_now())
            return
        self._show_buttons()
        self.loading = store.vault.entries(self.kind)
        generation = self._generation
        QTimer.singleShot(0, lambda: self._read_some(generation))

    def _read_some(self, generation: int) -> None:
        store = self.store(self.session) if self.session is not None else None
        if generation != self._generation or self.loading is None or store is None:
            return  # a newer load, or the lock, came meanwhile
        store.read_ahead(self.model_type, self.loading[: self.DECODE_STEP])
        del self.loading[: self.DECODE_STEP]
        if self.loading:
            QTimer.singleShot(0, lambda: self._read_some(generation))
        else:
            self.loading = None
            self.set_entries(self._entries_now())  # all read: only sorted

    def finish_loading(self) -> None:
        """A load under way is needed now (a search hit's row): read the rest here."""
        if self.loading is not None:
            self._generation += 1
            self.loading = None
            self.set_entries(self._entries_now())

    def _entries_now(self) -> list[Entry[Any]]:
        """`entries` of the session's store, decoded here (none when locked)."""
        store = self.store(self.session) if self.session is not None else None
        return self.entries(store) if store is not None and self.entries is not None else []

    def set_entries(self, entries: list[Entry[Any]]) -> None:
        vault = self.session.vault if self.session is not None else None
        self.model.name_of = vault.person_name if vault is not None else (lambda pid: pid[:8])
        # the columns fit every row of a short table; of a longer one the rows in view and 20 more (Qt
        # measures each cell at each layout, 30-65 us a cell: 105 rows of 5 columns took 35 ms at each
        # reload and show, 2,500 rows with 100 more 60-100 ms, docs/performance.md, issue 15)
        self.table.horizontalHeader().setResizeContentsPrecision(
            -1 if len(entries) <= FIT_ALL_ROWS else LONG_TABLE_PRECISION
        )
        self.model.set_entries(entries)
        self._show_buttons()

    def _show_buttons(self) -> None:
        vault = self.session.vault if self.session is not None else None
        self.setEnabled(self.session is not None)
        may_edit = vault is not None and vault.person.can_edit
        for button in (self.add_btn, self.edit_btn, self.remove_btn):
            button.setVisible(may_edit)  # view-only people see the list, not buttons that would be refused

    def selected(self) -> Entry[Any] | None:
        index = self.table.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select(self, entry_id: str) -> bool:
        """Choose the row of *entry_id* and put the keyboard there; False if it is not listed."""
        self.finish_loading()
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self.table.setFocus()
        return True

    def _documents(self) -> list[tuple[str, str]]:
        if not self.with_documents or self.session is None or self.session.vault is None:
            return []
        return [(r.id, f"{r.title}  ({r.date or ''})") for r in self.session.vault.records()]

    def add(self) -> None:
        self._open(self.new_model(), None, [])

    def edit_selected(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open(entry.model, entry.id, entry.record.links)

    def may_edit(self) -> bool:
        """The person using the vault may add and change entries (not view only)."""
        vault = self.session.vault if self.session is not None else None
        return vault is not None and vault.person.can_edit

    def _open(self, model: Model, record_id: str | None, links: list[str]) -> None:
        store = self.store(self.session) if self.session is not None else None
        if self.session is None or store is None or not self.may_edit():
            return  # a view-only person gets no form that would refuse only on Save
        before = model.to_data()
        title = (
            self.tr("Edit: {0}").format(self.title())
            if record_id
            else self.tr("Add: {0}").format(self.title())
        )
        entry = self.form_class.ask(
            title,
            model,
            self.fields(),
            store,
            record_id=record_id,
            links=links,
            documents=self._documents(),
            parent=self,
        )
        if entry is None:
            return
        if record_id is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    self.session,
                    self.kind,
                    record_id,
                    before,
                    entry.model.to_data(),
                    entry_title(entry.model),
                )
            )
        self.session.entry_saved(self.kind)

    def remove_selected(self) -> None:
        entry = self.selected()
        if entry is not None and self.session is not None and self.may_edit():
            self.undo_stack.push(TrashCommand(self.session, entry.id, entry_title(entry.model), self.kind))
