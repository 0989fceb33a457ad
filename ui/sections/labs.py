"""Lab values and tumor markers: a chart over time with the lines of treatment, a table, add/edit/trash, CSV.

The frame (chart, table, trash) is ChartedEntriesSection (charted.py), shared with the symptoms section;
the form is forms/lab_dialog.py.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from mbc_vault.cancer.labs_csv import CsvReport, export_lab_csv, import_lab_csv
from mbc_vault.cancer.models import LabValue, TreatmentLine
from mbc_vault.cancer.vocab import MARKERS
from mbc_vault.entries import Entry
from mbc_vault.errors import VaultError

from ..errors import describe
from ..file_dialogs import open_file
from ..forms.lab_dialog import LabValueDialog
from ..session import VaultSession
from ..widgets import ask_save_path, note, tell
from ..workers import TaskWorker, start
from .charted import ChartedEntriesSection
from .timeseries import legend_html, treatment_bands

COL_DATE, COL_VALUE, COL_UNIT, COL_LAB = range(4)
CSV_FILTER = "CSV files (*.csv *.CSV);;All files (*)"


class LabsSection(ChartedEntriesSection):
    """Lab values and tumor markers over time, with the lines of treatment."""

    KINDS = (LabValue.KIND, TreatmentLine.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(
            undo_stack,
            parent,
            title=self.tr("Lab values and tumor markers"),
            choice=self.tr("Test:"),
            columns=[
                (self.tr("Date"), lambda e: e.model.date),
                (self.tr("Value"), lambda e: f"{e.model.value:g}" if e.model.value is not None else ""),
                (self.tr("Unit"), lambda e: e.model.unit),
                (self.tr("Lab"), lambda e: e.model.lab),
            ],
            stretch_column=COL_LAB,
            table_share=1,
            tooltip=lambda entry, column: None,
            right_aligned=(COL_VALUE,),
        )
        self._values: list[Entry[LabValue]] = []
        self._workers: set[TaskWorker] = set()
        self._importing: threading.Event | None = None
        self.last_message: QMessageBox | None = None
        self.test_combo = self.choice
        self.test_combo.setAccessibleName(self.tr("Test to show"))
        self.test_combo.setMinimumContentsLength(12)
        self.add_btn = self.add_button(self.tr("Add a value…"), self.add_value)
        self.import_btn = self.add_button(self.tr("Import CSV…"), self.choose_and_import)
        self.export_btn = self.add_button(self.tr("Export CSV…"), self.export_csv)
        self.empty_hint.setText(
            self.tr(
                "No lab values yet. Click “Add a value…”, or “Import CSV…” to bring in a file with the "
                "columns date, test, value, unit."
            )
        )
        self.chart_view.setAccessibleName(self.tr("Chart of the chosen test over time"))
        self.hover_label.setText(self.hover_hint())
        self.hover_label.setAccessibleName(self.tr("Value under the pointer"))
        self.unit_note = note("", self)
        self.chart_layout.addWidget(self.unit_note)
        self.table.setAccessibleName(self.tr("Values of the chosen test"))
        self.size_columns(((COL_DATE, "2099-12-31"), (COL_VALUE, "1234.5"), (COL_UNIT, "ng/mL")))
        self._update_actions()

    def hover_hint(self) -> str:
        return self.tr("Point at a dot to see its date and value.")

    def set_session(self, session: VaultSession | None) -> None:
        if session is None and self._importing is not None:
            self._importing.wait(30)  # never close the vault under an import that is writing
        super().set_session(session)

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        self._values = cancer.lab_values() if cancer else []
        self._lines = cancer.treatment_lines() if cancer else []
        seen = Counter(e.model.test for e in self._values)
        tests = [t for t in MARKERS if t in seen] + sorted(set(seen) - set(MARKERS))
        self.fill_choice(
            [
                (
                    (self.tr("{0} (1 value)") if seen[t] == 1 else self.tr("{0} ({1} values)")).format(
                        t, seen[t]
                    ),
                    t,
                )
                for t in tests
            ]
        )
        self.empty_hint.setVisible(cancer is not None and not self._values)
        self.show_series()

    def current_test(self) -> str:
        return self.test_combo.currentData() or ""

    def show_series(self) -> None:
        test = self.current_test()
        entries = [e for e in self._values if e.model.test == test] if test else []
        selected = self.selected_entry()
        self.model.set_entries(
            sorted(entries, key=lambda e: (e.model.date or "", e.record.created), reverse=True)
        )
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
        self.hover_label.setText(self.hover_hint())
        if selected is not None:
            self.select_entry(selected.id)
        self._update_actions()

    def point_of(self, entry: Entry[Any]) -> tuple[str, float] | None:
        return (
            (entry.model.date, entry.model.value)
            if entry.model.value is not None and entry.model.date
            else None
        )

    def _update_actions(self) -> None:
        super()._update_actions()
        can_edit = self.can_edit()
        self.add_btn.setEnabled(can_edit)
        self.import_btn.setEnabled(can_edit and self._importing is None)
        self.add_btn.setVisible(can_edit)  # view only: no buttons that would be refused
        self.import_btn.setVisible(can_edit)
        self.export_btn.setEnabled(
            self.session is not None and self.session.vault is not None and bool(self._values)
        )

    # add, edit -------------------------------------------------------------------------------------
    def _tests(self) -> list[str]:
        return [self.test_combo.itemData(i) for i in range(self.test_combo.count())]

    def add_value(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        entry = LabValueDialog.ask(
            self.session, self, test=self.current_test() or "CA 15-3", tests=self._tests()
        )
        if entry is not None:
            self.show_saved(entry, entry.model.test)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session is None or self.session.vault is None:
            return
        saved = LabValueDialog.ask(self.session, self, entry=entry, tests=self._tests())
        if saved is not None:
            self.show_saved(saved, saved.model.test)

    # CSV ---------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        path = open_file(self, self.tr("Choose a CSV file of lab values"), str(Path.home()), CSV_FILTER)
        if path:
            self.import_csv(path)

    def import_csv(self, path: str | Path) -> TaskWorker | None:
        """Import in the background, every row or none (see import_lab_csv); a message shows the result."""
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

    def _import_done(self) -> VaultSession | None:
        """The import is over: the session to show its result in (None if locked meanwhile)."""
        self._importing = None
        self._workers.clear()
        self._update_actions()
        return self.session

    def _imported(self, report: CsvReport, name: str) -> None:
        session = self._import_done()
        if session is None:
            return
        if report.errors:
            shown = report.errors[:12]
            more = len(report.errors) - len(shown)
            text = "\n".join(f"• {e}" for e in shown)
            if more:
                text += "\n" + self.tr("…and {0} more.").format(more)
            tell(
                self,
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
            session.entry_saved(LabValue.KIND)
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
        tell(self, self.tr("Lab values imported"), text)

    def _import_failed(self, message: str) -> None:
        if self._import_done() is not None:
            tell(self, self.tr("Nothing was imported"), message, warning=True)

    def ask_export_target(self) -> str:
        """Warn that the file is not encrypted, then ask where to save it ('' if cancelled)."""
        return ask_save_path(
            self,
            self.tr("Export lab values"),
            "lab-values.csv",
            CSV_FILTER,
            caution=self.tr(
                "The CSV file will NOT be encrypted: anyone who can open that folder can read your lab "
                "values. Delete it when you no longer need it. Continue?"
            ),
            warning=True,
        )

    def export_csv(self) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            return
        target = self.ask_export_target()
        if not target:
            return
        try:
            count = export_lab_csv(cancer, target)
        except (VaultError, ValueError, OSError) as exc:
            tell(self, self.tr("Not exported"), describe(exc), warning=True)
            return
        self.status_message.emit(
            self.tr("Exported {0} lab values to {1} (not encrypted).").format(count, target)
        )
