"""The import dialog: read the files (off the GUI thread), propose title, date and category for
each, let the person correct them (one by one or many at once), then import with progress and cancel.

Each file shows who will be able to see it (its category's part of the vault, `mbc_vault.visibility`);
a category change that would let more people see a file asks first, and is undone if the answer is no.

Long on purpose: reading, corrections, widening questions and the import share one table's rows."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from mbc_vault.categories import CATEGORIES
from mbc_vault.extract import Extracted
from mbc_vault.fsutil import safe_name
from mbc_vault.importer import ImportReport, collect_files, import_files, read_for_import
from mbc_vault.records import check_date
from mbc_vault.visibility import display_names, newly_visible_to, visible_to

from .category_names import category_label
from .keyboard import tab_leaves
from .reflow import FlowLayout, combo_width, fit_header_titles, fit_to_screen, scroll_body
from .session import VaultSession
from .vocab_labels import progress_text
from .widgets import DialogFooter, allowed, ask_to_widen, heading, note
from .workers import TaskWorker, start

COL_FILE, COL_TITLE, COL_DATE, COL_CATEGORY, COL_VISIBLE, COL_STATUS = range(6)


class ImportDialog(QDialog):
    """Import a batch of files into the open vault."""

    def __init__(
        self, session: VaultSession, paths: Sequence[str | Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.session = session
        self.files = collect_files(paths)
        self.extracted: dict[Path, Extracted] = {}
        #: files whose content is already in the vault (not in the table; see _on_read)
        self.already: list[Extracted] = []
        self.report: ImportReport | None = None
        self._worker: TaskWorker | None = None
        # at large text on a small screen the files and their fields scroll; the buttons stay in view
        layout = scroll_body(self)
        layout.setContentsMargins(0, 0, 0, 0)
        outer = self.layout()
        assert outer is not None  # scroll_body made it
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        outer.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(heading(self.tr("Import documents"), self))
        self.info = note(self.tr("Reading the files ({0})…").format(len(self.files)), self)
        layout.addWidget(self.info)
        self.table = QTableWidget(0, 6, self)
        tab_leaves(self.table)  # Tab moves on; the arrow keys move inside
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Title"),
                self.tr("Date"),
                self.tr("Category"),
                self.tr("Visible to"),
                self.tr("Status"),
            ]
        )
        for column, tip in (
            (COL_DATE, self.tr("Write dates as YYYY-MM-DD")),
            (
                COL_VISIBLE,
                self.tr(
                    "Who will be able to see the file: its category decides the part of the vault it is in"
                ),
            ),
        ):
            header_item = self.table.horizontalHeaderItem(column)
            assert header_item is not None  # setHorizontalHeaderLabels made them
            header_item.setToolTip(tip)
        self.table.setAccessibleName(self.tr("Files to import"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        bulk = FlowLayout()  # wraps onto more lines at large text instead of widening the dialog
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
        footer = DialogFooter(
            self,
            self.start_import,
            accept_text=self.tr("Import"),
            busy=self.tr("Import progress"),
            cancel=self._cancel,
        )
        self.progress, self.buttons, self.import_btn = footer.busy, footer.buttons, footer.save_btn
        self.cancel_btn = footer.cancel_btn
        self.progress.setRange(0, 100)  # the progress of reading, then of importing: always shown
        self.progress.reset()
        self.progress.setVisible(True)
        self.import_btn.setEnabled(False)
        outer.addWidget(footer)
        self._tags: dict[Path, list[str]] = {}
        self._providers: dict[Path, str] = {}
        # each file's category as last accepted (a change that widens who can see it is asked first)
        self._categories: dict[Path, str] = {}
        self.last_question: QMessageBox | None = None
        self._size_to_text()
        fit_to_screen(self, 1250, max(560, self.fontMetrics().height() * 26))  # taller at large text
        self._start_reading()

    def _size_to_text(self) -> None:
        """Columns and the category boxes follow the text size (100 % to 200 %): every category shows
        whole; the table scrolls sideways when its columns are wider than the dialog."""
        metrics = self.fontMetrics()
        header = self.table.horizontalHeader()
        for column, sample in (
            (COL_FILE, "scan report 2026-12-31.pdf"),
            (COL_TITLE, "CT chest abdomen pelvis report"),
            (COL_DATE, "2026-12-31"),
            (COL_VISIBLE, "you, Mary Example"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        combos = [
            self._combo(row)
            for row in range(self.table.rowCount())
            if self.table.cellWidget(row, COL_CATEGORY)
        ]
        if combos:
            header.resizeSection(COL_CATEGORY, max(combo_width(combo) for combo in combos))
        else:
            header.resizeSection(COL_CATEGORY, metrics.horizontalAdvance("Imaging report") * 2)
        fit_header_titles(header)
        self.bulk_category.setMinimumWidth(combo_width(self.bulk_category))
        self.table.setMinimumHeight(metrics.height() * 6)  # a few rows stay in view at any text size

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        # the style's paddings follow the text size only after the re-polish (StyleChange)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._size_to_text()
        super().changeEvent(event)

    # reading -----------------------------------------------------------------
    def _start_reading(self) -> None:
        # the session's PDF workers (kept for the next import); files already in the vault are marked
        worker = TaskWorker(read_for_import, self.session.vault, self.files, pool=self.session.readers())
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_read)
        worker.signals.failed.connect(self._on_failed)
        self._worker = start(worker)

    def _on_progress(self, done: int, total: int, stage: str, item: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"%p%  {progress_text(stage, item)}")

    #: GUI-thread time spent filling table rows per event-loop turn (at least one row per turn)
    FILL_SLICE_S = 0.02

    def _on_read(self, results: list[Extracted]) -> None:
        """Fill the table with the files to import; those already in the vault get no row of their
        own (a re-import after a crash would list them all): the summary line counts them."""
        self._worker = None
        self.progress.setValue(self.progress.maximum())
        self.already = [facts for facts in results if facts.already_in_vault]
        results = [facts for facts in results if not facts.already_in_vault]
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
        self._size_to_text()  # the category column as wide as its boxes
        good = sum(1 for f in results if f.ok)
        bad = len(results) - good
        if self.already and not good:
            text = self.tr("Already in the vault: {0}. There is nothing new to import.").format(
                len(self.already)
            )
        else:
            text = (
                self.tr("Ready to import: {0} ({1} already in the vault).").format(good, len(self.already))
                if self.already
                else self.tr("Ready to import: {0}.").format(good)
            )
            text += " " + self.tr("Check the titles, dates and categories; you can change them.")
            text += " " + self.tr("A file's category decides who can see it (see “Visible to”).")
        if bad:
            text += " " + self.tr("Cannot be imported: {0} (see Status).").format(bad)
        self.info.setText(text)
        self.import_btn.setEnabled(good > 0)

    def _fill_row(self, row: int, facts: Extracted) -> None:
        shown = safe_name(facts.path.name)  # no newline, direction mark or ../ in the table
        name = QTableWidgetItem(shown)
        name.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        name.setCheckState(Qt.CheckState.Checked if facts.ok else Qt.CheckState.Unchecked)
        name.setData(Qt.ItemDataRole.UserRole, str(facts.path))
        self.table.setItem(row, COL_FILE, name)
        self.table.setItem(row, COL_TITLE, QTableWidgetItem(facts.title))
        self.table.setItem(row, COL_DATE, QTableWidgetItem(facts.date or ""))
        combo = QComboBox(self.table)
        combo.setAccessibleName(self.tr("Category of {0}").format(shown))
        for slug in CATEGORIES:
            combo.addItem(category_label(slug), slug)
        combo.setCurrentIndex(max(0, combo.findData(facts.category)))
        self.table.setCellWidget(row, COL_CATEGORY, combo)
        self._categories[facts.path] = combo.currentData()
        visible = QTableWidgetItem()
        visible.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.table.setItem(row, COL_VISIBLE, visible)
        self._show_visibility(row)
        combo.currentIndexChanged.connect(lambda _index, row=row: self._category_changed(row))
        if facts.ok:
            pages = (
                ""
                if not facts.pages
                else (self.tr("1 page") if facts.pages == 1 else self.tr("{0} pages").format(facts.pages))
            )
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

    # who can see each file -----------------------------------------------------
    def _path(self, row: int) -> Path:
        return Path(self._item(row, COL_FILE).data(Qt.ItemDataRole.UserRole))

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        """The cell's item: every cell of a file's row has one (see _fill_row)."""
        item = self.table.item(row, column)
        assert item is not None, (row, column)
        return item

    def _combo(self, row: int) -> QComboBox:
        combo = self.table.cellWidget(row, COL_CATEGORY)
        assert isinstance(combo, QComboBox)
        return combo

    def names(self, people: list[Any]) -> str:
        """People's names for the person using the app: "you" for themselves, "only you" if alone."""
        vault = self.session.vault
        if vault is None or not people:
            return ""
        if len(people) == 1 and people[0].id == vault.person.id:
            return self.tr("only you")
        return ", ".join(display_names(vault, people, self.tr("you")))

    def visible_text(self, row: int) -> str:
        """Who will see this row's file with its current category, e.g. "you, Mary"."""
        vault = self.session.vault
        if vault is None:
            return ""
        return self.names(visible_to(vault, self._categories[self._path(row)]))

    def _show_visibility(self, row: int) -> None:
        item = self._item(row, COL_VISIBLE)
        facts = self.extracted.get(self._path(row))
        text = self.visible_text(row) if facts is None or facts.ok else ""  # not imported: nobody
        item.setText(text)
        spoken = self.tr("Visible to: {0}").format(text) if text else ""
        item.setToolTip(spoken)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def _set_category(self, row: int, slug: str) -> None:
        """Show *slug* in the row's box (without asking) and remember it."""
        combo = self._combo(row)
        combo.blockSignals(True)
        combo.setCurrentIndex(max(0, combo.findData(slug)))
        combo.blockSignals(False)
        self._categories[self._path(row)] = slug
        self._show_visibility(row)

    def _category_changed(self, row: int) -> None:
        new = self._combo(row).currentData()
        old = self._categories[self._path(row)]
        if new != old and not self._allow_change([row], new):
            new = old
        self._set_category(row, new)

    def _allow_change(self, rows: list[int], slug: str) -> bool:
        """True if moving *rows* to category *slug* shows them to nobody new, or the person agrees to it."""
        vault = self.session.vault
        if vault is None:
            return True
        wider: dict[str, Any] = {}
        widened = []
        for row in rows:
            people = newly_visible_to(vault, self._categories[self._path(row)], slug)
            if people:
                widened.append(row)
                wider.update((p.id, p) for p in people)
        return not wider or self.confirm_widening(widened, slug, list(wider.values()))

    def confirm_widening(self, rows: list[int], slug: str, people: list[Any]) -> bool:
        """Ask before a category change lets *people* see the files of *rows* ("Let Mary see …?"); True if
        the person agrees. The question is a real QMessageBox (kept in `last_question`); tests answer it."""
        vault = self.session.vault
        if vault is None:
            return True
        names = self.names(people)
        category = category_label(slug)
        after = self.names(visible_to(vault, slug))
        if len(rows) == 1:
            title = self.tr("Let more people see this file?")
            text = self.tr("Let {0} see “{1}”?").format(names, safe_name(self._path(rows[0]).name))
            details = self.tr(
                "Filed as “{0}”, it will be visible to: {1}. Now it is visible to: {2}."
            ).format(category, after, self.visible_text(rows[0]))
        else:
            title = self.tr("Let more people see these files?")
            text = self.tr("Let {0} see these {1} files?").format(names, len(rows))
            details = self.tr("Filed as “{0}”, they will be visible to: {1}.").format(category, after)
        self.last_question = ask_to_widen(self, title, text, details)
        return allowed(self.last_question)

    # editing ------------------------------------------------------------------
    def apply_to_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}) or list(range(self.table.rowCount()))
        slug = self.bulk_category.currentData()
        tags = [t.strip() for t in self.bulk_tags.text().split(",") if t.strip()]
        provider = self.bulk_provider.text().strip()
        if slug:  # one question for the whole selection; "no" leaves every category as it was
            changing = [row for row in rows if self._categories[self._path(row)] != slug]
            if self._allow_change(changing, slug):
                for row in changing:
                    self._set_category(row, slug)
        for row in rows:
            path = self._path(row)
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
            item = self._item(row, COL_FILE)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            path = Path(item.data(Qt.ItemDataRole.UserRole))
            date = self._item(row, COL_DATE).text().strip()
            try:
                check_date(date)
            except ValueError as exc:
                errors.append(f"{safe_name(path.name)}: {exc}")
                continue
            chosen.append(path)
            fields[path] = {
                "title": self._item(row, COL_TITLE).text().strip() or safe_name(path.stem),
                "date": date or None,
                "category": self._categories[path],
                "tags": self._tags.get(path, []),
                "provider": self._providers.get(path, ""),
            }
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
        worker = TaskWorker(
            import_files, self.session.vault, chosen, overrides=fields, extracted=self.extracted
        )
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_imported)
        worker.signals.failed.connect(self._on_failed)
        self._worker = start(worker)

    def _on_imported(self, report: ImportReport) -> None:
        self._worker = None
        self.report = report
        by_name: dict[str, Extracted] = {}
        for path, extracted in self.extracted.items():
            by_name.setdefault(safe_name(path.name), extracted)  # as the vault stores it
        added = []
        for record in report.added:
            facts = self.extracted.get(Path(record.original_name)) or by_name.get(record.original_name)
            added.append((record, facts.page_texts if facts else None))
        self.session.records_added(added)  # one refresh for the batch; the text is indexed in slices
        lines = [self.tr("Documents added: {0}.").format(len(report.added))]
        if report.cancelled:
            lines.append(self.tr("The import was cancelled; the rest were not added."))
        lines += [message for _, message in report.problems]
        if len(report.duplicates) > 3:  # one line, not a line each that squeezes the table
            lines.append(
                self.tr("Already in the vault, not stored twice: {0}.").format(len(report.duplicates))
            )
        else:
            lines += [message for _, message in report.duplicates]
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
