"""The frame of the labs and symptoms sections: one series at a time (chosen in a list) as a chart over
the lines of treatment, its entries in a table below a splitter, edit and move to trash (undoable)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import TreatmentLine
from mbc_vault.entries import Entry

from ..entry_commands import TrashCommand
from ..keyboard import tab_leaves
from ..models.entries import Column, EntriesTableModel, EntryRole
from ..reflow import FlowLayout, ReflowSplitter, fit_header_titles
from ..widgets import heading, note
from .base import SectionPage
from .timeseries import TimelineChartView


class ChartedEntriesSection(SectionPage):
    """A chosen series of entries of KINDS[0] over time, with the lines of treatment as bands."""

    def __init__(
        self,
        undo_stack: QUndoStack,
        parent: QWidget | None,
        *,
        title: str,
        choice: str,
        columns: list[Column],
        stretch_column: int,
        table_share: int,
        **model_options: Any,
    ) -> None:
        """*choice* labels the list of series; *table_share* is the table's stretch against the chart's 3."""
        super().__init__(undo_stack, parent)
        self._lines: list[Entry[TreatmentLine]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, self, 1.4))
        self.bar = FlowLayout()  # wraps in a narrow window or at large text
        choice_label = QLabel(choice, self)
        self.choice = QComboBox(self)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        choice_label.setBuddy(self.choice)
        self.choice.currentIndexChanged.connect(lambda _: self.show_series())
        self.bar.addWidget(choice_label)
        self.bar.addWidget(self.choice)
        layout.addLayout(self.bar)
        self.empty_hint = note("", self)
        layout.addWidget(self.empty_hint)

        self.chart_view = TimelineChartView(self)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(
            QCoreApplication.translate("ChartedEntriesSection", "Lines of treatment shown as bands")
        )
        self.hover_label = note("", self)
        self.chart_view.hovered.connect(lambda text: self.hover_label.setText(text or self.hover_hint()))
        chart_box = QWidget(self)
        self.chart_layout = QVBoxLayout(chart_box)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_layout.addWidget(self.chart_view, 1)
        self.chart_layout.addWidget(self.legend)
        self.chart_layout.addWidget(self.hover_label)

        self.model = EntriesTableModel(columns, self, **model_options)
        self.table = QTableView(self)
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(
            lambda _: self.edit_selected() if self.can_edit() else None
        )  # Enter, double-click
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.edit_btn = QPushButton(QCoreApplication.translate("ChartedEntriesSection", "Edit…"), self)
        self.remove_btn = QPushButton(
            QCoreApplication.translate("ChartedEntriesSection", "Move to trash"), self
        )
        self.edit_btn.clicked.connect(self.edit_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in (self.edit_btn, self.remove_btn):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        table_layout.addLayout(row)
        # the table beside the chart when there is room, under it in a narrow window or at large text
        self.splitter = splitter = ReflowSplitter(
            side_by_side=120, share=(table_share + 1) / (table_share + 4), parent=self
        )
        splitter.addWidget(chart_box)
        splitter.addWidget(table_box)
        layout.addWidget(splitter, 1)

    def size_columns(self, samples: Sequence[tuple[int, str]]) -> None:
        """Columns as wide as their sample text or their bold header (again when the text size changes)."""
        self._column_samples = tuple(samples)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        heads = QFontMetricsF(bold)
        for column, sample in samples:
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(sample), heads.horizontalAdvance(title))
            self.table.horizontalHeader().resizeSection(column, int(width) + 24)
        fit_header_titles(self.table.horizontalHeader())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange and getattr(self, "_column_samples", None):
            self.size_columns(self._column_samples)
        super().changeEvent(event)

    def add_button(self, text: str, slot: Any) -> QPushButton:
        """A button at the right of the bar (its accessible name is its text)."""
        button = QPushButton(text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        self.bar.addWidget(button)
        return button

    # what a section says ---------------------------------------------------------------------
    def hover_hint(self) -> str:
        """What the line under the chart says when no point is under the pointer."""
        return ""

    def show_series(self) -> None:
        """Show the chosen series in the chart and the table."""

    def edit_selected(self) -> None:
        """Open the chosen entry's form."""

    # session ------------------------------------------------------------------------------------
    def entries_changed(self, kind: str) -> None:
        if kind == TreatmentLine.KIND:
            cancer = self.session.cancer if self.session else None
            self._lines = cancer.treatment_lines() if cancer else []
            self.show_series()
        else:
            self.refresh()

    def fill_choice(self, items: Sequence[tuple[str, str]]) -> None:
        """(label, series) items in the list; the series chosen before stays chosen."""
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for label, series in items:
            self.choice.addItem(label, series)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        self.choice.blockSignals(False)

    # selection -----------------------------------------------------------------------------------
    def selected_entry(self) -> Entry[Any] | None:
        index = self.table.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def show_entry(self, kind: str, entry_id: str, item: int | None = None) -> bool:
        """A search hit: choose the series (symptom, test) that holds the entry, then its row."""
        if kind != self.KINDS[0]:
            return False
        for index in [self.choice.currentIndex(), *range(self.choice.count())]:
            self.choice.setCurrentIndex(index)
            if self.model.row_of(entry_id) >= 0:
                self.select_entry(entry_id)
                self.table.scrollTo(self.table.currentIndex())
                self.table.setFocus()
                return True
        return False

    def point_of(self, entry: Entry[Any]) -> tuple[str, float] | None:
        """Where *entry* is drawn (date, value), or None."""
        return None

    def entry_title(self, entry: Entry[Any]) -> str:
        """What the status line and the undo step call *entry*."""
        return entry.model.title()

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        point = self.point_of(entry) if entry is not None else None
        if point is not None:
            self.chart_view.mark_value(*point)
        self._update_actions()

    def can_edit(self) -> bool:
        vault = self.session.vault if self.session is not None else None
        return vault is not None and vault.person.can_edit

    def _update_actions(self) -> None:
        has = self.can_edit() and self.selected_entry() is not None
        self.edit_btn.setEnabled(has)
        self.remove_btn.setEnabled(has)
        for button in (self.edit_btn, self.remove_btn):
            button.setVisible(self.can_edit())  # view only: no buttons that would be refused

    def show_saved(self, entry: Entry[Any], series: str) -> None:
        """After a save: choose the entry's series and the entry; say so."""
        index = self.choice.findData(series)
        if index >= 0:
            self.choice.setCurrentIndex(index)
        self.select_entry(entry.id)
        self.status_message.emit(
            QCoreApplication.translate("ChartedEntriesSection", "Saved {0}.").format(self.entry_title(entry))
        )

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None and self.session is not None:
            self.undo_stack.push(
                TrashCommand(self.session, entry.id, self.entry_title(entry), self.KINDS[0], self)
            )
