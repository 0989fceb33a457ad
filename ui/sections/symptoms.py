"""Symptoms: severity of one symptom over time with the lines of treatment, a table, log/edit/trash."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.models import Symptom, TreatmentLine
from mbc_vault.cancer.vocab import SYMPTOMS
from mbc_vault.entries import Entry

from ..session import VaultSession
from ..symptom_dialog import QuickSymptomDialog
from ..widgets import heading, note
from .timeseries import (
    AnyIndex,
    EntryRole,
    EntryTrashCommand,
    TimelineChartView,
    legend_html,
    treatment_bands,
)

COL_DATE, COL_SEVERITY, COL_WHERE, COL_NOTES = range(4)
#: the chart's line is the average severity of this many days up to each day
TREND_DAYS = 28


def display_name(symptom: str) -> str:
    """'fatigue' -> 'Fatigue' (the vocabulary is stored in lower case)."""
    return symptom[:1].upper() + symptom[1:]


class SymptomEntriesModel(QAbstractTableModel):
    """The entries of one symptom, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry[Symptom]] = []
        self._headers = [self.tr("Date"), self.tr("Severity"), self.tr("Where"), self.tr("Notes")]

    def set_entries(self, entries: Sequence[Entry[Symptom]]) -> None:
        """*entries* oldest first (as the cancer record gives them)."""
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry(self, row: int) -> Entry[Symptom] | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: str) -> int:
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        symptom = entry.model
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == COL_SEVERITY:
                return self.tr("{0} of 10").format(symptom.severity)
            return (symptom.date, "", symptom.location, symptom.notes)[column]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_NOTES and symptom.notes:
            return symptom.notes
        return None


class SymptomsSection(QWidget):
    """How a symptom's severity changed over time, with the lines of treatment."""

    status_message = Signal(str)
    KINDS = (Symptom.KIND, TreatmentLine.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.undo_stack = undo_stack
        self._by_symptom: dict[str, list[Entry[Symptom]]] = {}
        self._lines: list[Entry[TreatmentLine]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Symptoms"), self, 1.4))
        bar = QHBoxLayout()
        symptom_label = QLabel(self.tr("Symptom:"), self)
        self.symptom_combo = QComboBox(self)
        self.symptom_combo.setAccessibleName(self.tr("Symptom to show"))
        self.symptom_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.symptom_combo.setMinimumContentsLength(14)
        symptom_label.setBuddy(self.symptom_combo)
        self.symptom_combo.currentIndexChanged.connect(lambda _: self.show_symptom())
        self.log_btn = QPushButton(self.tr("Log a symptom…"), self)
        self.log_btn.setAccessibleName(self.tr("Log a symptom"))
        self.log_btn.setToolTip(self.tr("Shortcut: Ctrl+Shift+S"))
        self.log_btn.clicked.connect(self.log_symptom)
        bar.addWidget(symptom_label)
        bar.addWidget(self.symptom_combo)
        bar.addStretch(1)
        bar.addWidget(self.log_btn)
        layout.addLayout(bar)
        self.empty_hint = note(
            self.tr("No symptoms logged yet. Click “Log a symptom…”: it takes a few seconds."), self
        )
        layout.addWidget(self.empty_hint)

        self.chart_view = TimelineChartView(self)
        self.chart_view.setAccessibleName(self.tr("Chart of the chosen symptom's severity over time"))
        self.chart_view.value_text = lambda v: self.tr("{0} of 10").format(f"{v:g}")
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Lines of treatment shown as bands"))
        self.hover_label = note(self.tr("Point at a dot to see its date and severity."), self)
        self.hover_label.setAccessibleName(self.tr("Entry under the pointer"))
        self.chart_view.hovered.connect(self._hovered)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_view, 1)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.hover_label)

        self.model = SymptomEntriesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Entries of the chosen symptom"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTES, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        heads = QFontMetrics(bold)
        for column, sample in (
            (COL_DATE, "2099-12-31"),
            (COL_SEVERITY, self.tr("{0} of 10").format(10)),
            (COL_WHERE, "lower back"),
        ):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(sample), heads.horizontalAdvance(title))
            header.resizeSection(column, width + 24)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.edit_btn = QPushButton(self.tr("Edit…"), self)
        self.remove_btn = QPushButton(self.tr("Move to trash"), self)
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
        splitter = QSplitter(self)
        splitter.addWidget(chart_box)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 420])
        layout.addWidget(splitter, 1)
        self._update_actions()

    # session ----------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        if self.session is not None and self.session is not session:
            try:
                self.session.entries_changed.disconnect(self._entries_changed)
            except (RuntimeError, TypeError):
                pass
        self.session = session
        if session is not None:
            session.entries_changed.connect(self._entries_changed)
        self.refresh()

    def _entries_changed(self, kind: str) -> None:
        if kind == Symptom.KIND:
            self.refresh()
        elif kind == TreatmentLine.KIND:
            cancer = self.session.cancer if self.session else None
            self._lines = cancer.treatment_lines() if cancer else []
            self.show_symptom()

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        by_symptom: dict[str, list[Entry[Symptom]]] = defaultdict(list)
        for entry in cancer.symptoms() if cancer else []:
            by_symptom[entry.model.symptom].append(entry)
        self._by_symptom = dict(by_symptom)
        self._lines = cancer.treatment_lines() if cancer else []
        order = {name: i for i, name in enumerate(SYMPTOMS)}
        names = sorted(self._by_symptom, key=lambda n: (order.get(n, len(order)), n.lower()))
        current = self.symptom_combo.currentData()
        self.symptom_combo.blockSignals(True)
        self.symptom_combo.clear()
        for name in names:
            count = len(self._by_symptom[name])
            label = self.tr("{0} (1 entry)") if count == 1 else self.tr("{0} ({1} entries)")
            self.symptom_combo.addItem(label.format(display_name(name), count), name)
        self.symptom_combo.setCurrentIndex(max(0, self.symptom_combo.findData(current)))
        self.symptom_combo.blockSignals(False)
        self.empty_hint.setVisible(cancer is not None and not self._by_symptom)
        self.show_symptom()

    def _hovered(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Point at a dot to see its date and severity."))

    def current_symptom(self) -> str:
        return self.symptom_combo.currentData() or ""

    def show_symptom(self) -> None:
        name = self.current_symptom()
        entries = self._by_symptom.get(name, [])
        selected = self.selected_entry()
        self.model.set_entries(entries)
        self.table.setColumnHidden(COL_WHERE, not any(e.model.location for e in entries))
        if self.session is None:
            self.chart_view.clear()
            self.legend.clear()
        else:
            points = [
                (e.model.date, e.model.severity, e.model.location)
                for e in entries
                if e.model.date and e.model.severity is not None
            ]
            self.chart_view.set_data(
                points,
                treatment_bands(self._lines),
                title=display_name(name),
                unit=self.tr("Severity (0 to 10)"),
                y_range=(0, 10),
                trend_days=TREND_DAYS,
            )
            self.chart_view.unit = ""  # the hover text says "6 of 10"
            self.legend.setText(
                self.tr("Dots: each entry. Line: the average of the last {0} days.").format(TREND_DAYS)
                + "<br>"
                + legend_html(self.chart_view.bands)
            )
        self.hover_label.setText(self.tr("Point at a dot to see its date and severity."))
        if selected is not None:
            self.select_entry(selected.id)
        self._update_actions()

    # selection -----------------------------------------------------------------------------------
    def selected_entry(self) -> Entry[Symptom] | None:
        index = self.table.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.model.date and entry.model.severity is not None:
            self.chart_view.mark_value(entry.model.date, float(entry.model.severity))
        self._update_actions()

    def _update_actions(self) -> None:
        can_edit = bool(
            self.session is not None and self.session.vault is not None and self.session.vault.person.can_edit
        )
        has = self.selected_entry() is not None
        self.log_btn.setEnabled(can_edit)
        self.edit_btn.setEnabled(can_edit and has)
        self.remove_btn.setEnabled(can_edit and has)

    # log, edit, trash ---------------------------------------------------------------------------------
    def log_symptom(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        entry = QuickSymptomDialog.ask(
            self.session, self, symptom=self.current_symptom(), known=list(self._by_symptom)
        )
        if entry is not None:
            self._show_saved(entry)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session is None or self.session.vault is None:
            return
        saved = QuickSymptomDialog.ask(self.session, self, entry=entry, known=list(self._by_symptom))
        if saved is not None:
            self._show_saved(saved)

    def _show_saved(self, entry: Entry[Symptom]) -> None:
        index = self.symptom_combo.findData(entry.model.symptom)
        if index >= 0:
            self.symptom_combo.setCurrentIndex(index)
        self.select_entry(entry.id)
        self.status_message.emit(self.tr("Saved {0}.").format(entry.model.title()))

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.undo_stack.push(EntryTrashCommand(self, entry.id, entry.model.title()))

    def apply_trash(self, entry_id: str, trash: bool) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            return
        try:
            record = cancer.remove(entry_id) if trash else cancer.restore(entry_id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not changed"), str(exc))
            return
        self.session.entry_saved(Symptom.KIND)  # type: ignore[union-attr]
        if trash:
            self.status_message.emit(
                self.tr("Moved “{0}” to the trash. Undo with Ctrl+Z.").format(record.title)
            )
        else:
            self.status_message.emit(self.tr("Restored “{0}”.").format(record.title))
