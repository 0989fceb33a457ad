"""Step 2 of the packet wizard: choose the documents and their order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mbc_vault.packet import default_document_ids
from mbc_vault.records import Record

from ..category_names import category_label
from ..reflow import FlowLayout, ReflowSplitter, scroll_body
from ..widgets import heading, note
from . import STEPS


def document_label(record: Record) -> str:
    when = f" ({record.date})" if record.date else ""
    return f"{record.title}{when} · {category_label(record.category)}"


class DocumentsPage(QWizardPage):
    """The documents in the packet, in order: the usual set chosen; add, remove, reorder (drag or buttons)."""

    def __init__(self, vault: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        layout = scroll_body(self)  # at 200 % text on a small screen the page scrolls
        layout.addWidget(
            heading(self.tr("Step {0} of {1}: choose and order the documents").format(2, STEPS), self, 1.5)
        )
        layout.addWidget(
            note(
                self.tr(
                    "The usual second-opinion set is already chosen, by kind: pathology, treatment plan, "
                    "surgery and hospital stays, imaging, labs, genomic tests; newest first within each. "
                    "Drag to change the order, or use Move up and Move down (Ctrl+Up, Ctrl+Down)."
                ),
                self,
            )
        )
        # the two lists side by side when there is room, one under the other at large text
        self.splitter = ReflowSplitter(side_by_side=100, share=0.4, parent=self)
        left = QWidget(self.splitter)
        right = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        right_layout = QVBoxLayout(right)
        left_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setContentsMargins(0, 0, 0, 0)
        chosen_label = QLabel(self.tr("In the packet, in this order:"), left)
        chosen_label.setWordWrap(True)
        self.chosen = QListWidget(left)
        self.chosen.setAccessibleName(self.tr("Documents in the packet, in order"))
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.chosen.setWordWrap(True)
        self.chosen.setSpacing(2)
        chosen_label.setBuddy(self.chosen)
        self.up_btn = QPushButton(self.tr("Move &up"), left)
        self.down_btn = QPushButton(self.tr("Move &down"), left)
        self.remove_btn = QPushButton(self.tr("&Remove"), left)
        self.reset_btn = QPushButton(self.tr("Use the usual set"), left)
        self.up_btn.setAccessibleName(self.tr("Move the document up"))
        self.down_btn.setAccessibleName(self.tr("Move the document down"))
        self.remove_btn.setAccessibleName(self.tr("Remove the document from the packet"))
        self.up_btn.clicked.connect(lambda: self.move_selected(-1))
        self.down_btn.clicked.connect(lambda: self.move_selected(1))
        self.remove_btn.clicked.connect(self.remove_selected)
        self.reset_btn.clicked.connect(self.use_default_set)
        self.chosen.installEventFilter(self)  # Ctrl+Up, Ctrl+Down, Delete
        buttons = FlowLayout()  # the buttons wrap onto two lines at large text
        for button in (self.up_btn, self.down_btn, self.remove_btn, self.reset_btn):
            buttons.addWidget(button)
        available_label = QLabel(self.tr("More documents from the vault:"), right)
        available_label.setWordWrap(True)
        self.filter_edit = QLineEdit(right)
        self.filter_edit.setPlaceholderText(self.tr("Type to find a document"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Find a document to add"))
        self.filter_edit.textChanged.connect(self._filter)
        self.available = QListWidget(right)
        self.available.setAccessibleName(self.tr("More documents from the vault"))
        self.available.setWordWrap(True)
        self.available.setSpacing(2)
        available_label.setBuddy(self.available)
        self.available.itemActivated.connect(lambda _: self.add_selected())
        self.add_btn = QPushButton(self.tr("&Add to the packet"), right)
        self.add_btn.setAccessibleName(self.tr("Add the document to the packet"))
        self.add_btn.clicked.connect(self.add_selected)
        left_layout.addWidget(chosen_label)
        left_layout.addWidget(self.chosen, 1)
        left_layout.addLayout(buttons)
        right_layout.addWidget(available_label)
        right_layout.addWidget(self.filter_edit)
        right_layout.addWidget(self.available, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_btn)
        add_row.addStretch(1)
        right_layout.addLayout(add_row)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        layout.addWidget(self.splitter, 1)
        self._size_lists()
        self.use_default_set()

    def _size_lists(self) -> None:
        """Each list shows a few rows at any text size (the page scrolls rather than squeeze them)."""
        rows = self.fontMetrics().height() * 6
        self.chosen.setMinimumHeight(rows)
        self.available.setMinimumHeight(rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._size_lists()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if watched is self.chosen and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _item(self, record: Record) -> QListWidgetItem:
        item = QListWidgetItem(document_label(record))
        item.setData(Qt.ItemDataRole.UserRole, record.id)
        item.setToolTip(document_label(record))
        return item

    def use_default_set(self) -> None:
        self.set_document_ids(default_document_ids(self.vault))

    def set_document_ids(self, ids: list[str]) -> None:
        self.chosen.clear()
        for record_id in ids:
            self.chosen.addItem(self._item(self.vault.get(record_id)))
        if self.chosen.count():
            self.chosen.setCurrentRow(0)
        self._fill_available()

    def document_ids(self) -> list[str]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]

    def _fill_available(self) -> None:
        chosen = set(self.document_ids())
        self.available.clear()
        for record in self.vault.records():
            if record.id not in chosen:
                self.available.addItem(self._item(record))
        self._filter()

    def _filter(self) -> None:
        words = self.filter_edit.text().lower().split()
        for row in range(self.available.count()):
            item = self.available.item(row)
            item.setHidden(not all(w in item.text().lower() for w in words))

    def move_selected(self, step: int) -> None:
        row = self.chosen.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chosen.count():
            return
        item = self.chosen.takeItem(row)
        self.chosen.insertItem(target, item)
        self.chosen.setCurrentRow(target)

    def remove_selected(self) -> None:
        row = self.chosen.currentRow()
        if row < 0:
            return
        self.chosen.takeItem(row)
        self.chosen.setCurrentRow(min(row, self.chosen.count() - 1))
        self._fill_available()

    def add_selected(self) -> None:
        item = self.available.currentItem()
        if item is None or item.isHidden():
            return
        record_id = item.data(Qt.ItemDataRole.UserRole)
        self.chosen.addItem(self._item(self.vault.get(record_id)))
        self.chosen.setCurrentRow(self.chosen.count() - 1)
        row = self.available.currentRow()
        self._fill_available()
        self.available.setCurrentRow(min(row, self.available.count() - 1))
