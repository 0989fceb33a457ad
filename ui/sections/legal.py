"""“Legal and planning papers”: a checklist of the usual papers, whether each is started or signed,
where the original is, who has copies, and when to look at it again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mbc_vault.care import vocab
from mbc_vault.care.models import LegalItem
from mbc_vault.entries import Entry

from ..entry_commands import SaveEntryCommand, TrashCommand
from ..forms.care_forms import legal_fields
from ..forms.entry_form import EntryFormDialog
from ..keyboard import tab_leaves
from ..vocab_labels import entry_title, vocab_label
from ..widgets import note, rows_follow_widths
from .base import SectionPage

COLUMNS = ("paper", "status", "signed", "review", "original", "copies", "papers")
OVERDUE_TEXT, OVERDUE_BACK = QColor("#a30000"), QColor("#fdecea")
SOON_TEXT, SOON_BACK = QColor("#8a4b00"), QColor("#fff4e5")


class LegalSection(SectionPage):
    """One row per paper of vocab.LEGAL_ITEMS, recorded or not."""

    KINDS = (LegalItem.KIND,)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self.items: list[tuple[str, Entry[LegalItem] | None]] = [(key, None) for key in vocab.LEGAL_ITEMS]
        layout = self.page(
            self.tr("Legal and planning papers"),
            self.tr(
                "This is a checklist, not legal advice. The names of these papers and what they need differ "
                "from one state or country to another. A lawyer, a social worker or your care team can tell "
                "you which ones apply to you."
            ),
        )
        body = self.body
        assert self.note is not None
        self.disclaimer = self.note
        self.disclaimer.setAccessibleName(self.disclaimer.text())
        self.summary = note("", body, "warning")
        self.summary.setVisible(False)
        layout.addWidget(self.summary)

        self.table = QTableWidget(len(self.items), len(COLUMNS), body)
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Paper"),
                self.tr("Status"),
                self.tr("Signed"),
                self.tr("Review by"),
                self.tr("Original"),
                self.tr("Copies with"),
                self.tr("Papers"),
            ]
        )
        self.table.setAccessibleName(self.tr("Legal and planning papers"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(
            0, self.fontMetrics().horizontalAdvance("Health care power of attorney ") + 16
        )
        rows_follow_widths(self.table)
        self.table.activated.connect(lambda _: self.edit_selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.edit_btn = QPushButton(self.tr("Update…"), body)
        self.edit_btn.setAccessibleName(self.tr("Update the chosen paper"))
        self.edit_btn.clicked.connect(self.edit_selected)
        self.remove_btn = QPushButton(self.tr("Move to trash"), body)
        self.remove_btn.setAccessibleName(self.tr("Move what is recorded for the chosen paper to the trash"))
        self.remove_btn.clicked.connect(self.remove_selected)
        row.addWidget(self.edit_btn)
        row.addWidget(self.remove_btn)
        row.addStretch(1)
        layout.addLayout(row)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        care = self.session.care if self.session else None
        latest: dict[str, Entry[LegalItem]] = {}
        for saved in care.legal_items() if care is not None else []:
            known = latest.get(saved.model.item)
            if known is None or saved.record.modified > known.record.modified:
                latest[saved.model.item] = saved
        self.items = [(key, latest.get(key)) for key in vocab.LEGAL_ITEMS]
        row_before = self.table.currentRow()
        overdue: list[str] = []
        soon: list[str] = []
        for row, (key, entry) in enumerate(self.items):
            self._fill_row(row, key, entry if care is not None else None)
            state = entry.model.review_state() if entry else ""
            (overdue if state == "overdue" else soon if state == "soon" else []).append(
                vocab_label(vocab.LEGAL_ITEMS, key)
            )
        self.table.resizeRowsToContents()
        self.table.property("rowsTimer").start()
        parts = []
        if overdue:
            parts.append(self.tr("Time to look again at: {0}.").format(", ".join(overdue)))
        if soon:
            parts.append(self.tr("Coming up for a look soon: {0}.").format(", ".join(soon)))
        self.summary.setText(" ".join(parts))
        self.summary.setVisible(bool(parts))
        self.setEnabled(care is not None)
        if care is not None:
            self.table.setCurrentCell(max(0, row_before), 0)
        self._update_buttons()

    def _fill_row(self, row: int, key: str, entry: Entry[LegalItem] | None) -> None:
        m = entry.model if entry else None
        state = m.review_state() if m else ""
        review = (m.review_by or "") if m else ""
        if state == "overdue":
            review = self.tr("{0}\nReview overdue").format(review)
        elif state == "soon":
            review = self.tr("{0}\nReview soon").format(review)
        texts = [
            vocab_label(vocab.LEGAL_ITEMS, key),
            vocab_label(vocab.LEGAL_STATUS, m.status) if m else self.tr("Not started"),
            (m.date_signed or "") if m else "",
            review,
            m.original_location if m else "",
            m.copies_held_by if m else "",
            str(len(entry.record.links)) if entry and entry.record.links else "",
        ]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == 3 and state:
                item.setForeground(QBrush(OVERDUE_TEXT if state == "overdue" else SOON_TEXT))
                item.setBackground(QBrush(OVERDUE_BACK if state == "overdue" else SOON_BACK))
                font = QFont(self.table.font())
                font.setBold(True)
                item.setFont(font)
                item.setToolTip(
                    self.tr("The date to look at this paper again has passed.")
                    if state == "overdue"
                    else self.tr("The date to look at this paper again is within two months.")
                )
            if column == 1 and not m:
                item.setForeground(QBrush(QColor("#4a5560")))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.table.setItem(row, column, item)

    def review_text(self, key: str) -> str:
        """What the review column says for *key* (for tests and screen readers)."""
        row = list(vocab.LEGAL_ITEMS).index(key)
        item = self.table.item(row, 3)
        return item.text() if item else ""

    def status_text(self, key: str) -> str:
        row = list(vocab.LEGAL_ITEMS).index(key)
        item = self.table.item(row, 1)
        return item.text() if item else ""

    def select_item(self, key: str) -> None:
        self.table.setCurrentCell(list(vocab.LEGAL_ITEMS).index(key), 0)

    def show_entry(self, kind: str, entry_id: str, item: int | None = None) -> bool:
        """A search hit: choose the row of the paper the entry records."""
        row = next((r for r, (_, entry) in enumerate(self.items) if entry and entry.id == entry_id), -1)
        if kind != LegalItem.KIND or row < 0:
            return False
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        return True

    def selected(self) -> tuple[str, Entry[LegalItem] | None] | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def may_edit(self) -> bool:
        """The person using the vault may change these papers (not view only)."""
        vault = self.session.vault if self.session is not None else None
        return vault is not None and vault.person.can_edit

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_btn.setEnabled(self.session is not None and chosen is not None)
        self.remove_btn.setEnabled(self.session is not None and chosen is not None and chosen[1] is not None)
        for button in (self.edit_btn, self.remove_btn):
            button.setVisible(self.may_edit())  # view only: no form that would refuse only on Save

    def _documents(self) -> list[tuple[str, str]]:
        if self.session is None or self.session.vault is None:
            return []
        return [(r.id, f"{r.title}  ({r.date or ''})") for r in self.session.vault.records()]

    def edit_selected(self) -> None:
        chosen = self.selected()
        care = self.session.care if self.session else None
        if chosen is None or care is None or self.session is None:
            return
        key, entry = chosen
        if not self.may_edit():
            return
        model: Any = entry.model if entry else LegalItem(item=key)
        before = model.to_data()
        result = EntryFormDialog.ask(
            vocab_label(vocab.LEGAL_ITEMS, key),
            model,
            legal_fields(),
            care,
            record_id=entry.id if entry else None,
            links=entry.record.links if entry else [],
            documents=self._documents(),
            parent=self,
        )
        if result is None:
            return
        if entry is not None:
            self.undo_stack.push(
                SaveEntryCommand(
                    self.session,
                    LegalItem.KIND,
                    entry.id,
                    before,
                    result.model.to_data(),
                    entry_title(result.model),
                )
            )
        self.session.entry_saved(LegalItem.KIND)

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[1] is None or self.session is None or not self.may_edit():
            return
        entry = chosen[1]
        self.undo_stack.push(TrashCommand(self.session, entry.id, entry_title(entry.model), LegalItem.KIND))
        self.status_message.emit(self.tr("Moved to the trash. Edit ▸ Undo brings it back."))
