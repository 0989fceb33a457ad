"""The import dialog: read the files (off the GUI thread), propose title, date and category for
each, let the person correct them (one by one or many at once), then import with progress and cancel."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLineEdit, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from mbc_vault.categories import CATEGORIES
from mbc_vault.extract import Extracted, read_file
from mbc_vault.importer import ImportReport, collect_files, import_files
from mbc_vault.records import check_date
from .category_names import category_label

from .session import VaultSession
from .widgets import heading, note
from .workers import TaskWorker, start

COL_FILE, COL_TITLE, COL_DATE, COL_CATEGORY, COL_STATUS = range(5)


def read_all(paths: list[Path], progress: Any = None, cancel: Any = None) -> list[Extracted]:
    out = []
    for number, path in enumerate(paths):
        if cancel is not None and cancel.is_set():
            break
        if progress:
            progress(number, len(paths), path.name)
        out.append(read_file(path))
    return out


class ImportDialog(QDialog):
    """Import a batch of files into the open vault."""

    def __init__(self, session: VaultSession, paths: list[str | Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.session = session
        self.files = collect_files(paths)
        self.extracted: dict[Path, Extracted] = {}
        self.report: ImportReport | None = None
        self._worker: TaskWorker | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Import documents"), self))
        self.info = note(self.tr("Reading the files ({0})…").format(len(self.files)), self)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Title"), self.tr("Date"),
                                              self.tr("Category"), self.tr("Status")])
        self.table.horizontalHeaderItem(COL_DATE).setToolTip(self.tr("Write dates as YYYY-MM-DD"))
        self.table.setAccessibleName(self.tr("Files to import"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_FILE, 200), (COL_TITLE, 230), (COL_DATE, 110), (COL_CATEGORY, 210)):
            header.resizeSection(column, width)
        layout.addWidget(self.table, 1)
        bulk = QHBoxLayout()
        self.bulk_category = QComboBox(self)
        self.bulk_category.setAccessibleName(self.tr("Category for the selected files"))
        self.bulk_category.addItem(self.tr("(keep each file's category)"), "")
        for slug in CATEGORIES:
            self.bulk_category.addItem(category_label(slug), slug)
        self.bulk_tags = QLineEdit(self)
        self.bulk_tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.bulk_tags.setAccessibleName(self.tr("Tags for the selected files"))
        self.bulk_provider = QLineEdit(self)
        self.bulk_provider.setPlaceholderText(self.tr("Provider or institution"))
        self.bulk_provider.setAccessibleName(self.tr("Provider for the selected files"))
        self.apply_btn = QPushButton(self.tr("Apply to selected"), self)
        self.apply_btn.setAccessibleName(self.tr("Apply category, tags and provider to the selected files"))
        self.apply_btn.clicked.connect(self.apply_to_selected)
        for widget in (self.bulk_category, self.bulk_tags, self.bulk_provider, self.apply_btn):
            bulk.addWidget(widget)
        layout.addLayout(bulk)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Import progress"))
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox(self)
        self.import_btn = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_btn.setDefault(True)
        self.import_btn.setEnabled(False)
        self.cancel_btn = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_btn.clicked.connect(self.start_import)
        self.cancel_btn.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)
        self._tags: dict[Path, list[str]] = {}
        self._providers: dict[Path, str] = {}
        self.resize(1150, 560)
        self._start_reading()

    # reading -----------------------------------------------------------------
    def _start_reading(self) -> None:
        worker = TaskWorker(read_all, self.files)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_read)
        worker.signals.failed.connect(self._on_failed)
        self._worker = start(worker)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"%p%  {label}")

    #: GUI-thread time spent filling table rows per event-loop turn (at least one row per turn)
    FILL_SLICE_S = 0.02

    def _on_read(self, results: list[Extracted]) -> None:
        self._worker = None
        self.progress.setValue(self.progress.maximum())
        self.table.setRowCount(len(results))
        for facts in results:
            self.extracted[facts.path] = facts
        self._fill_rows(results, 0)

    def _fill_rows(self, results: list[Extracted], start: int) -> None:
        """Fill the table a slice at a time between events (a row with its category box takes ~2 ms:
        50 files in one go stalled the window ~110 ms, see bench/bench_import_stall.py); Import is
        enabled once every row is there."""
        deadline = time.perf_counter() + self.FILL_SLICE_S
        row = start
        while row < len(results):
            self._fill_row(row, results[row])
            row += 1
            if time.perf_counter() >= deadline:
                break
        if row < len(results):
            QTimer.singleShot(0, self, lambda: self._fill_rows(results, row))
            return
        good = sum(1 for f in results if f.ok)
        bad = len(results) - good
        text = self.tr("Ready to import: {0}. Check the titles, dates and categories; you can change them.") \
            .format(good)
        if bad:
            text += " " + self.tr("Cannot be imported: {0} (see Status).").format(bad)
        self.info.setText(text)
        self.import_btn.setEnabled(good > 0)

    def _fill_row(self, row: int, facts: Extracted) -> None:
        name = QTableWidgetItem(facts.path.name)
        name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        name.setCheckState(Qt.CheckState.Checked if facts.ok else Qt.CheckState.Unchecked)
        name.setData(Qt.ItemDataRole.UserRole, str(facts.path))
        self.table.setItem(row, COL_FILE, name)
        self.table.setItem(row, COL_TITLE, QTableWidgetItem(facts.title))
        self.table.setItem(row, COL_DATE, QTableWidgetItem(facts.date or ""))
        combo = QComboBox(self.table)
        combo.setAccessibleName(self.tr("Category of {0}").format(facts.path.name))
        for slug in CATEGORIES:
            combo.addItem(category_label(slug), slug)
        combo.setCurrentIndex(max(0, combo.findData(facts.category)))
        self.table.setCellWidget(row, COL_CATEGORY, combo)
        if facts.ok:
            pages = "" if not facts.pages else (
                self.tr("1 page") if facts.pages == 1 else self.tr("{0} pages").format(facts.pages))
            status = pages
            if facts.page_texts and len(facts.pages_without_text) == len(facts.page_texts):
                status += " · " + self.tr("no text (scan)")
        else:
            status = facts.problem
        item = QTableWidgetItem(status)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(status)
        if not facts.ok:
            item.setForeground(Qt.GlobalColor.darkRed)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, COL_STATUS, item)

    def _on_failed(self, message: str) -> None:
        self._worker = None
        self.info.setText(message)

    # editing ------------------------------------------------------------------
    def apply_to_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}) or range(self.table.rowCount())
        slug = self.bulk_category.currentData()
        tags = [t.strip() for t in self.bulk_tags.text().split(",") if t.strip()]
        provider = self.bulk_provider.text().strip()
        for row in rows:
            path = Path(self.table.item(row, COL_FILE).data(Qt.ItemDataRole.UserRole))
            if slug:
                combo: QComboBox = self.table.cellWidget(row, COL_CATEGORY)  # type: ignore[assignment]
                combo.setCurrentIndex(combo.findData(slug))
            if tags:
                self._tags[path] = tags
            if provider:
                self._providers[path] = provider

    def overrides(self) -> tuple[list[Path], dict[Path, dict[str, Any]], list[str]]:
        """The chosen files, their metadata, and any problems in what was typed."""
        chosen: list[Path] = []
        fields: dict[Path, dict[str, Any]] = {}
        errors: list[str] = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, COL_FILE)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            date = self.table.item(row, COL_DATE).text().strip()
            try:
                check_date(date)
            except ValueError as exc:
                errors.append(f"{path.name}: {exc}")
                continue
            combo: QComboBox = self.table.cellWidget(row, COL_CATEGORY)  # type: ignore[assignment]
            chosen.append(path)
            fields[path] = {"title": self.table.item(row, COL_TITLE).text().strip() or path.stem,
                            "date": date or None, "category": combo.currentData(),
                            "tags": self._tags.get(path, []), "provider": self._providers.get(path, "")}
        return chosen, fields, errors

    # importing ----------------------------------------------------------------
    def start_import(self) -> None:
        if self.session.vault is None:
            return
        chosen, fields, errors = self.overrides()
        if errors:
            self.info.setText(" ".join(errors))
            return
        self.import_btn.setEnabled(False)
        self.apply_btn.setEnabled(False)
        self.table.setEnabled(False)
        worker = TaskWorker(import_files, self.session.vault, chosen, overrides=fields, extracted=self.extracted)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_imported)
        worker.signals.failed.connect(self._on_failed)
        self._worker = start(worker)

    def _on_imported(self, report: ImportReport) -> None:
        self._worker = None
        self.report = report
        by_name: dict[str, Extracted] = {}
        for path, facts in self.extracted.items():
            by_name.setdefault(path.name, facts)
        added = []
        for record in report.added:
            facts = self.extracted.get(Path(record.original_name)) or by_name.get(record.original_name)
            added.append((record, facts.page_texts if facts else None))
        self.session.records_added(added)  # one refresh for the batch; the text is indexed in slices
        lines = [self.tr("Documents added: {0}.").format(len(report.added))]
        if report.cancelled:
            lines.append(self.tr("The import was cancelled; the rest were not added."))
        lines += report.messages()
        lines += [facts.problem for facts in self.extracted.values() if not facts.ok]
        self.info.setText("\n".join(lines))
        self.progress.setValue(self.progress.maximum())
        self.cancel_btn.setText(self.tr("Close"))
        self.import_btn.setVisible(False)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
            self.info.setText(self.tr("Stopping after the current file…"))
            return
        self.accept() if self.report is not None else self.reject()

    def done(self, result: int) -> None:
        if self._worker is not None:  # never close under a running import: cancel it first
            self._worker.cancel.set()
            return
        super().done(result)
