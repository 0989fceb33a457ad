"""Lab values and tumor markers: a chart over time with the lines of treatment, a table, add/edit/trash, CSV.

The chart view and the trash command are in timeseries.py, shared with the symptoms section.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.cancer.labs_csv import CsvReport, export_lab_csv, import_lab_csv
from mbc_vault.cancer.models import FieldError, LabValue, TreatmentLine
from mbc_vault.cancer.vocab import MARKERS
from mbc_vault.entries import Entry

from ..session import VaultSession
from ..widgets import heading, note
from ..workers import TaskWorker, start
from .timeseries import (
    AnyIndex,
    EntryRole,
    EntryTrashCommand,
    TimelineChartView,
    legend_html,
    treatment_bands,
)

COL_DATE, COL_VALUE, COL_UNIT, COL_LAB = range(4)
CSV_FILTER = "CSV files (*.csv *.CSV);;All files (*)"


class LabValuesModel(QAbstractTableModel):
    """The values of one test, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry[LabValue]] = []
        self._headers = [self.tr("Date"), self.tr("Value"), self.tr("Unit"), self.tr("Lab")]

    def set_entries(self, entries: Sequence[Entry[LabValue]]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.model.date or "", e.record.created), reverse=True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry(self, row: int) -> Entry[LabValue] | None:
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
        value = entry.model
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (value.date, f"{value.value:g}" if value.value is not None else "", value.unit, value.lab)[
                index.column()
            ]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# ----------------------------------------------------------------------------------- the form
class LabValueDialog(QDialog):
    """Add or change one lab value; each field's problem is shown under it. Saves on Save."""

    FIELDS = ("date", "test", "value", "unit", "lab")

    def __init__(
        self,
        session: VaultSession,
        parent: QWidget | None = None,
        *,
        entry: Entry[LabValue] | None = None,
        test: str = "",
        tests: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.session, self.original = session, entry
        self.entry: Entry[LabValue] | None = None
        title = self.tr("Change a lab value") if entry else self.tr("Add a lab value")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, self, 1.4))
        form = QFormLayout()
        model = entry.model if entry else LabValue(date=dt.date.today().isoformat(), test=test)
        self.date_edit = QLineEdit(model.date or "", self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.test_combo = QComboBox(self)
        self.test_combo.setEditable(True)
        self.test_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.test_combo.addItems(list(dict.fromkeys([*MARKERS, *tests])))
        self.test_combo.setEditText(model.test)
        self.value_edit = QLineEdit("" if model.value is None else f"{model.value:g}", self)
        self.unit_edit = QLineEdit(model.unit or MARKERS.get(model.test, ""), self)
        self.lab_edit = QLineEdit(model.lab, self)
        self.lab_edit.setPlaceholderText(self.tr("Optional, e.g. City Hospital lab"))
        self.test_combo.currentTextChanged.connect(self._test_changed)
        self.errors: dict[str, QLabel] = {}
        widgets = {
            "date": self.date_edit,
            "test": self.test_combo,
            "value": self.value_edit,
            "unit": self.unit_edit,
            "lab": self.lab_edit,
        }
        labels = {
            "date": self.tr("Date:"),
            "test": self.tr("Test:"),
            "value": self.tr("Value:"),
            "unit": self.tr("Unit:"),
            "lab": self.tr("Lab:"),
        }
        for name in self.FIELDS:
            widget = widgets[name]
            widget.setAccessibleName(labels[name].rstrip(":"))
            error = note("", self, "error")
            error.setVisible(False)
            error.setAccessibleName(self.tr("Problem with {0}").format(labels[name].rstrip(":")))
            self.errors[name] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(labels[name], cell)
        self.widgets = widgets
        layout.addLayout(form)
        self.general_error = note("", self, "error")
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_btn = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_btn.setDefault(True)
        self.save_btn.setAccessibleName(self.tr("Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.adjustSize()
        (self.value_edit if entry is None and model.test else self.date_edit).setFocus()

    @classmethod
    def ask(
        cls, session: VaultSession, parent: QWidget | None = None, **kwargs: Any
    ) -> Entry[LabValue] | None:
        """The saved entry, or None if cancelled."""
        dialog = cls(session, parent, **kwargs)
        return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _test_changed(self, text: str) -> None:
        expected = MARKERS.get(text.strip())
        if expected and (
            not self.unit_edit.text().strip() or self.unit_edit.text().strip() in MARKERS.values()
        ):
            self.unit_edit.setText(expected)

    def show_error(self, field: str, message: str) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.setVisible(False)
        label = self.errors.get(field, self.general_error)
        label.setText(message)
        label.setVisible(True)
        self.adjustSize()  # room for the message (a wrapped label needs the height for its width)
        if field in self.widgets:
            self.widgets[field].setFocus()

    def save(self) -> None:
        cancer = self.session.cancer if self.session is not None else None
        if cancer is None:
            self.reject()
            return
        base = LabValue.from_data(self.original.record.data) if self.original else LabValue()
        base.date = self.date_edit.text().strip()
        base.test = self.test_combo.currentText()
        base.value = self.value_edit.text()  # type: ignore[assignment]  # validate() reads the number
        base.unit = self.unit_edit.text()
        base.lab = self.lab_edit.text().strip()
        try:
            self.entry = cancer.save(base, record_id=self.original.id if self.original else None)
        except FieldError as exc:
            self.show_error(exc.field, str(exc))
            return
        except Exception as exc:  # VaultError and friends: plain sentences
            self.show_error("", str(exc))
            return
        self.session.entry_saved(LabValue.KIND)
        self.accept()


# ----------------------------------------------------------------------------------- the section
class LabsSection(QWidget):
    """Lab values and tumor markers over time, with the lines of treatment."""

    status_message = Signal(str)
    KINDS = (LabValue.KIND, TreatmentLine.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.undo_stack = undo_stack
        self._values: list[Entry[LabValue]] = []
        self._lines: list[Entry[TreatmentLine]] = []
        self._workers: set[TaskWorker] = set()
        self._importing: threading.Event | None = None
        self.last_message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Lab values and tumor markers"), self, 1.4))
        bar = QHBoxLayout()
        test_label = QLabel(self.tr("Test:"), self)
        self.test_combo = QComboBox(self)
        self.test_combo.setAccessibleName(self.tr("Test to show"))
        self.test_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.test_combo.setMinimumContentsLength(12)
        test_label.setBuddy(self.test_combo)
        self.test_combo.currentIndexChanged.connect(lambda _: self.show_test())
        self.add_btn = QPushButton(self.tr("Add a value…"), self)
        self.import_btn = QPushButton(self.tr("Import CSV…"), self)
        self.export_btn = QPushButton(self.tr("Export CSV…"), self)
        self.add_btn.clicked.connect(self.add_value)
        self.import_btn.clicked.connect(self.choose_and_import)
        self.export_btn.clicked.connect(self.export_csv)
        bar.addWidget(test_label)
        bar.addWidget(self.test_combo)
        bar.addStretch(1)
        for button in (self.add_btn, self.import_btn, self.export_btn):
            button.setAccessibleName(button.text().rstrip("…"))
            bar.addWidget(button)
        layout.addLayout(bar)
        self.empty_hint = note(
            self.tr(
                "No lab values yet. Click “Add a value…”, or “Import CSV…” to bring in a file with the columns "
                "date, test, value, unit."
            ),
            self,
        )
        layout.addWidget(self.empty_hint)

        self.chart_view = TimelineChartView(self)
        self.chart_view.setAccessibleName(self.tr("Chart of the chosen test over time"))
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Lines of treatment shown as bands"))
        self.hover_label = note(self.tr("Point at a dot to see its date and value."), self)
        self.hover_label.setAccessibleName(self.tr("Value under the pointer"))
        self.chart_view.hovered.connect(self._hovered)
        self.unit_note = note("", self)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_view, 1)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.hover_label)
        chart_layout.addWidget(self.unit_note)

        self.model = LabValuesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Values of the chosen test"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LAB, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        heads = QFontMetricsF(bold)
        for column, sample in ((COL_DATE, "2099-12-31"), (COL_VALUE, "1234.5"), (COL_UNIT, "ng/mL")):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            header.resizeSection(
                column, int(max(metrics.horizontalAdvance(sample), heads.horizontalAdvance(title))) + 24
            )
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
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 400])
        layout.addWidget(splitter, 1)
        self._update_actions()

    # session ----------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        if self.session is not None and self.session is not session:
            try:
                self.session.entries_changed.disconnect(self._entries_changed)
            except (RuntimeError, TypeError):
                pass
        if session is None and self._importing is not None:
            self._importing.wait(30)  # never close the vault under an import that is writing
        self.session = session
        if session is not None:
            session.entries_changed.connect(self._entries_changed)
        self.refresh()

    def _entries_changed(self, kind: str) -> None:
        if kind == LabValue.KIND:
            self.refresh()
        elif kind == TreatmentLine.KIND:
            cancer = self.session.cancer if self.session else None
            self._lines = cancer.treatment_lines() if cancer else []
            self.show_test()

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        self._values = cancer.lab_values() if cancer else []
        self._lines = cancer.treatment_lines() if cancer else []
        seen = Counter(e.model.test for e in self._values)
        tests = [t for t in MARKERS if t in seen] + sorted(set(seen) - set(MARKERS))
        current = self.test_combo.currentData()
        self.test_combo.blockSignals(True)
        self.test_combo.clear()
        for test in tests:
            label = self.tr("{0} (1 value)") if seen[test] == 1 else self.tr("{0} ({1} values)")
            self.test_combo.addItem(label.format(test, seen[test]), test)
        self.test_combo.setCurrentIndex(max(0, self.test_combo.findData(current)))
        self.test_combo.blockSignals(False)
        self.empty_hint.setVisible(cancer is not None and not self._values)
        self.show_test()

    def current_test(self) -> str:
        return self.test_combo.currentData() or ""

    def show_test(self) -> None:
        test = self.current_test()
        entries = [e for e in self._values if e.model.test == test] if test else []
        selected = self.selected_entry()
        self.model.set_entries(entries)
        units = Counter(e.model.unit for e in entries)
        unit = units.most_common(1)[0][0] if units else MARKERS.get(test, "")
        drawn = [(e.model.date, e.model.value) for e in entries if e.model.unit == unit]
        other = len(entries) - len(drawn)
        if other == 1:
            self.unit_note.setText(self.tr("1 value in another unit is listed in the table but not drawn."))
        else:
            self.unit_note.setText(
                self.tr("{0} values in another unit are listed in the table but not drawn.").format(other)
                if other
                else ""
            )
        self.unit_note.setVisible(bool(other))
        if self.session is None:
            self.chart_view.clear()
            self.legend.clear()
        else:
            self.chart_view.set_data(drawn, treatment_bands(self._lines), title=test, unit=unit)
            self.legend.setText(legend_html(self.chart_view.bands))
        self.hover_label.setText(self.tr("Point at a dot to see its date and value."))
        if selected is not None:
            self.select_entry(selected.id)
        self._update_actions()

    def _hovered(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Point at a dot to see its date and value."))

    # selection -----------------------------------------------------------------------------------
    def selected_entry(self) -> Entry[LabValue] | None:
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
        if entry is not None and entry.model.value is not None and entry.model.date:
            self.chart_view.mark_value(entry.model.date, entry.model.value)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.session is not None and self.session.vault is not None
        can_edit = unlocked and self.session.vault.person.can_edit  # type: ignore[union-attr]
        has = self.selected_entry() is not None
        busy = self._importing is not None
        self.add_btn.setEnabled(bool(can_edit))
        self.import_btn.setEnabled(bool(can_edit) and not busy)
        self.export_btn.setEnabled(unlocked and bool(self._values))
        self.edit_btn.setEnabled(bool(can_edit) and has)
        self.remove_btn.setEnabled(bool(can_edit) and has)

    # add, edit, trash -------------------------------------------------------------------------------
    def _tests(self) -> list[str]:
        return [self.test_combo.itemData(i) for i in range(self.test_combo.count())]

    def add_value(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        entry = LabValueDialog.ask(
            self.session, self, test=self.current_test() or "CA 15-3", tests=self._tests()
        )
        if entry is not None:
            self._show_saved(entry)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session is None or self.session.vault is None:
            return
        saved = LabValueDialog.ask(self.session, self, entry=entry, tests=self._tests())
        if saved is not None:
            self._show_saved(saved)

    def _show_saved(self, entry: Entry[LabValue]) -> None:
        index = self.test_combo.findData(entry.model.test)
        if index >= 0:
            self.test_combo.setCurrentIndex(index)
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
        self.session.entry_saved(LabValue.KIND)  # type: ignore[union-attr]
        if trash:
            self.status_message.emit(
                self.tr("Moved “{0}” to the trash. Undo with Ctrl+Z.").format(record.title)
            )
        else:
            self.status_message.emit(self.tr("Restored “{0}”.").format(record.title))

    # CSV ---------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CSV file of lab values"), str(Path.home()), CSV_FILTER
        )
        if path:
            self.import_csv(path)

    def import_csv(self, path: str | Path) -> TaskWorker | None:
        """Import in the background; every row or none (see import_lab_csv). The result is shown in a message."""
        cancer = self.session.cancer if self.session else None
        if cancer is None or self._importing is not None:
            return None
        done = threading.Event()
        self._importing = done

        def run() -> CsvReport:
            try:
                return import_lab_csv(cancer, path)
            finally:
                done.set()

        worker = TaskWorker(run)
        worker.signals.finished.connect(lambda report: self._imported(report, Path(path).name))
        worker.signals.failed.connect(lambda message: self._import_failed(message))
        self._update_actions()
        self.status_message.emit(self.tr("Importing lab values from {0}…").format(Path(path).name))
        self._workers.add(worker)
        start(worker)
        return worker

    def _import_done(self) -> bool:
        self._importing = None
        self._workers.clear()
        self._update_actions()
        return self.session is not None

    def _imported(self, report: CsvReport, name: str) -> None:
        if not self._import_done():
            return
        if report.errors:
            shown = report.errors[:12]
            more = len(report.errors) - len(shown)
            text = "\n".join(f"• {e}" for e in shown)
            if more:
                text += "\n" + self.tr("…and {0} more.").format(more)
            self.tell(
                self.tr("Nothing was imported"),
                self.tr(
                    "Nothing was imported from {0}: {1} rows need fixing. Correct them in the file, "
                    "save it, and import it again."
                ).format(name, len(report.errors)),
                text,
                details="\n".join(report.errors),
                warning=True,
            )
            return
        if report.added:
            self.session.entry_saved(LabValue.KIND)  # type: ignore[union-attr]
        count = len(report.added)
        text = (
            self.tr("Imported 1 value from {1}.") if count == 1 else self.tr("Imported {0} values from {1}.")
        ).format(count, name)
        if report.skipped_duplicates:
            skipped = report.skipped_duplicates
            text += " " + (
                self.tr("1 was already in your record and was skipped.")
                if skipped == 1
                else self.tr("{0} were already in your record and were skipped.")
            ).format(skipped)
        self.status_message.emit(text)
        self.tell(self.tr("Lab values imported"), text)

    def _import_failed(self, message: str) -> None:
        if self._import_done():
            self.tell(self.tr("Nothing was imported"), message, warning=True)

    def ask_export_target(self) -> str:
        """Warn that the file is not encrypted, then ask where to save it ('' if cancelled)."""
        answer = QMessageBox.warning(
            self,
            self.tr("Export lab values"),
            self.tr(
                "The CSV file will NOT be encrypted: anyone who can open that folder can read your lab "
                "values. Delete it when you no longer need it. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return ""
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export lab values"), str(Path.home() / "lab-values.csv"), CSV_FILTER
        )
        return target

    def export_csv(self) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            return
        target = self.ask_export_target()
        if not target:
            return
        try:
            count = export_lab_csv(cancer, target)
        except Exception as exc:
            self.tell(self.tr("Not exported"), str(exc), warning=True)
            return
        self.status_message.emit(
            self.tr("Exported {0} lab values to {1} (not encrypted).").format(count, target)
        )

    def tell(
        self, title: str, text: str, informative: str = "", *, details: str = "", warning: bool = False
    ) -> QMessageBox:
        """A message that does not block the event loop (kept in `last_message` for tests)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self,
        )
        if informative:
            box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        box.destroyed.connect(lambda *_: setattr(self, "last_message", None))
        return box
