"""The documents library: table, filters, search, preview, import, edit, trash.

Long on purpose: the table, filters, search and preview act on the same list of documents."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDragLeaveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.age import wipe
from mbc_vault.categories import CATEGORIES
from mbc_vault.errors import VaultError
from mbc_vault.ocr import ocr_record, tesseract_available
from mbc_vault.preview import read_text_head
from mbc_vault.progress import CancelFlag, ProgressFn
from mbc_vault.records import Record
from mbc_vault.search import SearchHit
from mbc_vault.visibility import display_names, newly_visible_to, visible_to

from ..category_names import category_label
from ..edit_dialog import EditRecordDialog
from ..entry_commands import TrashCommand
from ..errors import describe
from ..file_dialogs import open_files
from ..import_dialog import ImportDialog
from ..keyboard import PauseTimer, focus_chooses_nothing, tab_leaves
from ..models.provenance import provenance, short_id
from ..models.records import (
    COL_ADDED,
    COL_CATEGORY,
    COL_DATE,
    COL_PAGES,
    COL_PROVIDER,
    COL_TAGS,
    COL_TITLE,
    RecordRole,
    RecordsFilterProxy,
    RecordsTableModel,
)
from ..preview import PreviewPane
from ..reflow import FlowLayout, ReflowSplitter, fit_header_titles
from ..search_words import where_words
from ..session import DOCUMENT_KIND, VaultSession
from ..widgets import allowed, ask_save_path, ask_to_widen, note, visible_scopes
from ..workers import TaskWorker, keep_until_done, start
from .base import SectionPage
from .search_results import SearchResultsList

# how long the lock waits for text recognition to end once cancelled (it takes milliseconds)
OCR_STOP_WAIT_S = 5.0
#: how much of the typed search the results and the status line repeat
ECHO_CHARS = 60
IMPORT_FILTER = (
    "Documents (*.pdf *.PDF *.jpg *.jpeg *.JPG *.JPEG *.png *.PNG *.tif *.tiff *.TIF *.TIFF *.txt);;"
    "All files (*)"
)


class DocumentsSection(SectionPage):
    """Everything about documents in one screen, and the search of the whole care record."""

    #: a search hit of an entry was opened (Enter, a click): the window shows it in its section
    entry_requested = Signal(object)  # SearchHit
    #: the stored files of a portal import come as entries_reloaded of this kind (one reload, when shown)
    KINDS = (DOCUMENT_KIND,)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(undo_stack, parent)
        self._preview_generation = 0
        self.partial = False  # True for someone given only some parts of the vault
        self._workers: set[TaskWorker] = set()
        self._ocr_worker: TaskWorker | None = None
        self._ocr_ended = threading.Event()
        self.setAcceptDrops(True)
        self.model = RecordsTableModel(self)
        self.proxy = RecordsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        bar = FlowLayout()  # wraps onto two lines in a narrow window or at large text
        self.import_btn = QPushButton(self.tr("Import documents…"), self)
        self.import_btn.setAccessibleName(self.tr("Import documents"))
        self.import_btn.clicked.connect(self.choose_and_import)
        self.search_edit = QLineEdit(self)
        self.search_edit.setPlaceholderText(self.tr("Search words in your records"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search"))
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textChanged.connect(lambda: self._search_timer.start())
        self.category_combo = QComboBox(self)
        self.category_combo.setAccessibleName(self.tr("Filter by category"))
        self.category_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_category(self.category_combo.currentData())
        )
        # as wide as their longest choice ("Etiqueta: todas (12)"): the bar wraps rather than cut them
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo = QComboBox(self)
        self.tag_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tag_combo.setAccessibleName(self.tr("Filter by tag"))
        self.tag_combo.currentIndexChanged.connect(lambda: self.proxy.set_tag(self.tag_combo.currentData()))
        self.trash_btn = QPushButton(self.tr("Show trash"), self)
        self.trash_btn.setCheckable(True)
        self.trash_btn.setAccessibleName(self.tr("Show the trash"))
        self.trash_btn.toggled.connect(self.show_trash)
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for widget in (
            self.import_btn,
            self.search_edit,
            self.category_combo,
            self.tag_combo,
            self.trash_btn,
        ):
            bar.addWidget(widget)
        layout.addLayout(bar)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(50)
        self._size_columns()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(1, self.model.columnCount()):
            action = QAction(self.model.headerData(column, Qt.Orientation.Horizontal), header)
            action.setCheckable(True)
            action.setChecked(column not in (COL_PROVIDER, COL_ADDED))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            header.addAction(action)
            self.table.setColumnHidden(column, not action.isChecked())
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setAccessibleDescription(
            self.tr("Arrow keys choose a document; it opens after a short pause, or at once with Enter.")
        )
        tab_leaves(self.table)
        focus_chooses_nothing(self.table)  # Tab into the table opens no document by itself
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        # a keyboard move opens (decrypts) the document only after a pause; Enter or a click at once
        self._preview_timer = PauseTimer(self._preview_selected, self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _: self._preview_timer.now())
        self.table.clicked.connect(lambda _: self._preview_timer.now())
        self.results = SearchResultsList(self)
        self.results.hit_chosen.connect(self._hit_chosen)
        self.results.hit_opened.connect(self._hit_opened)
        self.results.suggestion_chosen.connect(self.search_for)
        tab_leaves(self.results)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.table)
        self.left.addWidget(self.results)
        self.empty_hint = note(
            self.tr("No documents yet. Click “Import documents…” or drag files here."), self
        )
        self.preview = PreviewPane(self)
        self.preview.ocr_btn.clicked.connect(self.recognize_selected)
        self.preview.ocr_stop_btn.clicked.connect(self.stop_recognizing)
        # the preview beside the list when there is room, under it when the window is narrow
        self.splitter = splitter = ReflowSplitter(side_by_side=110, share=0.5, parent=self)
        left_box = QWidget(self)
        left_layout = QVBoxLayout(left_box)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.scope_note = note("", self)
        self.scope_note.setVisible(False)
        left_layout.addWidget(self.scope_note)
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.left, 1)
        splitter.addWidget(left_box)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        actions = FlowLayout()
        self.edit_btn = QPushButton(self.tr("Edit details…"), self)
        self.remove_btn = QPushButton(self.tr("Move to trash"), self)
        self.restore_btn = QPushButton(self.tr("Restore"), self)
        self.save_copy_btn = QPushButton(self.tr("Save a decrypted copy…"), self)
        self.edit_btn.clicked.connect(self.edit_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        self.restore_btn.clicked.connect(self.restore_selected)
        self.save_copy_btn.clicked.connect(self.save_copy)
        for button in (self.edit_btn, self.remove_btn, self.restore_btn, self.save_copy_btn):
            button.setAccessibleName(button.text().rstrip("…"))
            actions.addWidget(button)
        layout.addLayout(actions)
        self._update_actions()

    def _size_columns(self) -> None:
        """Column widths and the search field follow the text size (100 % to 200 %)."""
        metrics = self.fontMetrics()
        header = self.table.horizontalHeader()
        for column, sample in (
            (COL_CATEGORY, "Imaging report"),
            (COL_DATE, "2026-12-31"),
            (COL_PROVIDER, "Example Regional Cancer"),
            (COL_TAGS, "biopsy, liver"),
            (COL_PAGES, "Pages"),
            (COL_ADDED, "2026-12-31"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        fit_header_titles(header)
        self.size_filters()
        self.table.setMinimumHeight(metrics.height() * 8)  # a few rows, also with the preview under it
        self.search_edit.setMinimumWidth(metrics.horizontalAdvance("Search words in your rec"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._size_columns()
        super().changeEvent(event)

    # session ------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        self._preview_timer.stop()  # nothing waits to be opened after a lock
        self.stop_recognizing(wait=True)  # locking ends text recognition, its PDF worker and tesseract
        self.search_edit.clear()
        self._search_timer.stop()  # nothing to search: the list is shown again
        self.results.set_hits([])  # their titles and page text must not outlive the lock
        self.left.setCurrentWidget(self.table)
        self.preview.stop()  # its pages and its worker go with the lock
        self.model.name_of = session.vault.person_name if session and session.vault else short_id
        self._show_scope_note(session.vault if session else None)
        if session is None:
            self.model.clear()
        super().set_session(session)
        if session is None:
            self._preview_timer.stop()  # the switch to the table above may have chosen a row again
        if session is not None:
            self.listen(session.records_changed, self.refresh)
            self.listen(session.index_ready, self.run_search)

    def _show_scope_note(self, vault: object) -> None:
        """Someone given only some parts of the vault is told which documents were not shared."""
        scopes = visible_scopes(vault)
        missing = [s for s in ("medical", "care", "legal") if scopes is not None and s not in scopes]
        names = {
            "medical": self.tr("medical records (reports, scans, lab results)"),
            "care": self.tr("care notes (appointments, questions, contacts)"),
            "legal": self.tr("legal and money papers"),
        }
        self.scope_note.setText(
            self.tr(
                "This part was not shared with you: {0}. Only the documents you were given are listed."
            ).format("; ".join(names[s] for s in missing))
        )
        self.scope_note.setVisible(bool(missing))
        self.partial = bool(missing)  # the search covers only the parts shared with this person
        self.search_edit.setPlaceholderText(
            self.tr("Search words in the parts shared with you")
            if missing
            else self.tr("Search words in your records")
        )

    def refresh(self) -> None:
        vault = self.session.vault if self.session else None
        selected = self.selected_record()
        self.model.set_records(vault.records(include_trashed=True) if vault else [])
        self._fill_filters()
        if selected is not None:
            self.select_record(selected.id)
        self.empty_hint.setVisible(vault is not None and not vault.records())
        self._update_actions()

    def _fill_filters(self) -> None:
        records = [r for r in self.model.records() if not r.in_trash]
        for combo, items, everything in (
            (self.category_combo, Counter(r.category for r in records), self.tr("All categories")),
            (self.tag_combo, Counter(t for r in records for t in r.tags), self.tr("All tags")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"{everything} ({len(records)})", None)
            ordered = [s for s in CATEGORIES if s in items] if combo is self.category_combo else sorted(items)
            for key in ordered:
                combo.addItem(
                    f"{category_label(key) if combo is self.category_combo else key} ({items[key]})", key
                )
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.proxy.set_category(self.category_combo.currentData())
        self.proxy.set_tag(self.tag_combo.currentData())
        self.size_filters()

    def size_filters(self) -> None:
        """The filters show their longest choice whole (the style's padding eats a little of it)."""
        for combo in (self.category_combo, self.tag_combo):
            combo.setMinimumWidth(0)
            combo.setMinimumWidth(combo.sizeHint().width() + combo.fontMetrics().averageCharWidth())

    # selection and preview ----------------------------------------------------------
    def selected_record(self) -> Record | None:
        if self.left.currentWidget() is self.results:
            hit = self.results.current_hit()
            if hit is not None and hit.kind == "document" and self.session and self.session.vault:
                try:
                    return self.session.vault.get(hit.record_id)
                except VaultError:  # gone since the search (removed, or synced away)
                    return None
            return None
        index = self.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._preview_timer.now()  # chosen (from the overview, or kept after a refresh): open it

    def _selection_changed(self) -> None:
        """The current row moved: the buttons follow at once, the preview after a pause (or Enter)."""
        self._update_actions()
        record = self.selected_record()
        if record is None:
            self._preview_timer.stop()
            self.preview.clear()
        else:
            self._preview_generation += 1  # a preview still being read for another row is not shown
            self.preview.show_message(self.tr("Opening “{0}”…").format(record.title))
            self._preview_timer.restart()

    def _preview_selected(self) -> None:
        """The pause after a move (or Enter) is over: open the chosen document in the preview."""
        if self.left.currentWidget() is self.results:
            return  # search results open their hit (and page) themselves
        record = self.selected_record()
        if record is not None:
            self.load_preview(record)

    def _hit_chosen(self, hit: SearchHit) -> None:
        self._update_actions()
        if hit.kind != "document":  # an entry: Enter or a click goes to its own section
            self._preview_generation += 1  # a document still being read is not shown over this
            self.preview.show_message(
                self.tr("“{0}” ({1}). Press Enter to open it in its own section.").format(
                    hit.title, where_words(hit)
                )
            )
            return
        record = self.selected_record()
        if record is not None:
            self.load_preview(record, hit.page)

    def _hit_opened(self, hit: SearchHit) -> None:
        if hit.kind != "document":
            self.entry_requested.emit(hit)

    def load_preview(self, record: Record, page: int | None = None) -> None:
        if self.session is None or self.session.vault is None:
            return
        self._preview_generation += 1
        generation = self._preview_generation
        self.preview.show_message(self.tr("Opening “{0}”…").format(record.title))
        vault = self.session.vault

        def read() -> tuple[bytearray, int]:
            with vault.open_document(record.id) as stream:
                if record.media_type == "text/plain":  # the preview shows only its beginning
                    data = read_text_head(stream)
                else:  # decrypted in place: wiped once the preview has its copy
                    data = stream.read_secret()
            try:
                texts = vault.page_texts(record.id)
            except VaultError:  # damaged search text: the document still shows
                texts = None
            no_text = 0 if texts is None else sum(1 for t in texts if not t.strip())
            return data, no_text

        def show(result: tuple[bytearray, int]) -> None:
            try:
                if generation == self._preview_generation and self.session is not None:
                    self.preview.show_document(record, result[0], page)
                    self.preview.title.setText(f"{record.title}\n{provenance(record, self.model.name_of)}")
                    self.preview.set_scan_note(result[1], tesseract_available() and vault.person.can_edit)
            finally:
                wipe(result[0])

        worker = TaskWorker(read)
        worker.signals.finished.connect(show)

        def failed(message: str) -> None:
            if generation == self._preview_generation:
                self.preview.show_message(message)

        worker.signals.failed.connect(failed)
        self._run(worker)

    def recognize_selected(self) -> None:
        record = self.selected_record()
        if record is None or self.session is None or self.session.vault is None or self._ocr_worker:
            return
        self.preview.ocr_btn.setEnabled(False)
        self.preview.ocr_btn.setVisible(False)
        self.preview.ocr_stop_btn.setVisible(True)
        self.preview.ocr_note.setText(self.tr("Recognizing text… you can keep working."))
        session, vault = self.session, self.session.vault
        ended = threading.Event()

        def recognize(progress: ProgressFn, cancel: CancelFlag) -> list[str]:
            try:
                return ocr_record(vault, record.id, progress=progress, cancel=cancel)
            finally:
                ended.set()  # its processes have ended too (ocr_record waits for them)

        worker = TaskWorker(recognize)
        self._ocr_worker, self._ocr_ended = worker, ended

        def progress(done: int, total: int, stage: str, item: str) -> None:
            if worker is self._ocr_worker and total:
                self.preview.ocr_note.setText(
                    self.tr("Recognizing text: {0} of {1} pages done… you can keep working.").format(
                        done, total
                    )
                )

        def finish() -> None:
            if worker is self._ocr_worker:
                self._ocr_worker = None
            self.preview.ocr_btn.setEnabled(True)
            self.preview.ocr_btn.setVisible(True)
            self.preview.ocr_stop_btn.setVisible(False)

        def done(texts: list[str]) -> None:
            finish()
            if session.index is not None:
                session.index.add(record, texts)
            self.preview.set_scan_note(sum(1 for t in texts if not t.strip()), False)
            self.status_message.emit(self.tr("The text of “{0}” can now be searched.").format(record.title))

        def failed(message: str) -> None:
            finish()
            self.preview.ocr_note.setText(message)

        worker.signals.progress.connect(progress)
        worker.signals.finished.connect(done)
        worker.signals.failed.connect(failed)
        self._run(worker)

    def stop_recognizing(self, wait: bool = False) -> None:
        """Cancel text recognition: its PDF worker and tesseract are ended at once. With *wait* (the
        lock), return only once they have ended, so no process of it outlives the vault."""
        if self._ocr_worker is not None:
            self._ocr_worker.cancel.set()
            self.preview.ocr_stop_btn.setVisible(False)
            if wait:
                self._ocr_ended.wait(OCR_STOP_WAIT_S)

    def _run(self, worker: TaskWorker) -> None:
        keep_until_done(self._workers, worker)
        start(worker)

    def _update_actions(self) -> None:
        record = self.selected_record()
        has = record is not None
        in_trash = record is not None and record.in_trash
        self.edit_btn.setEnabled(has and not in_trash)
        self.remove_btn.setEnabled(has and not in_trash)
        self.restore_btn.setEnabled(in_trash)
        self.save_copy_btn.setEnabled(has)
        self.import_btn.setEnabled(self.session is not None)
        vault = self.session.vault if self.session is not None else None
        may_edit = vault is None or vault.person.can_edit
        for button in (self.import_btn, self.edit_btn, self.remove_btn, self.restore_btn):
            button.setVisible(may_edit)  # view only: no buttons that would be refused

    # search -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def run_search(self) -> None:
        """Search the whole care record for the words typed: documents and every kind of entry."""
        text = self.search_edit.text().strip()
        if not text or self.session is None:
            self.left.setCurrentWidget(self.table)
            self._show_scope_note(self.session.vault if self.session else None)
            self._selection_changed()  # the preview follows the list again, not the last hit
            return
        if self.session.index is None:
            self.status_message.emit(self.tr("Preparing search… (reading your records)"))
            return
        result = self.session.find(text)
        hits = result.hits
        echoed = text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + "…"  # 10,000 typed: not all shown
        if result.suggestion and not result.exact_count:
            self.results.set_hits(
                hits,
                result.suggestion,
                self.tr("No matches for “{0}”. Did you mean “{1}”?").format(echoed, result.suggestion),
            )
        else:
            self.results.set_hits(hits)
        if not hits:
            self.results.show_message(
                self.tr("Type a word to search.")
                if not result.searchable
                else self.tr("Nothing found for “{0}”. Try fewer or shorter words.").format(echoed)
            )
        self.preview.clear()  # a new search: the last hit's page is not one of these
        self.left.setCurrentWidget(self.results)
        if self.partial:
            self.scope_note.setText(self.tr("Only the parts shared with you are searched."))
        message = self.tr("Matches for “{0}”: {1}").format(echoed, len(hits))
        if self.partial:
            message += " " + self.tr("(only the parts shared with you are searched)")
        self.status_message.emit(message)

    def search_for(self, text: str) -> None:
        """Search *text* now (the "Did you mean …?" row): the box shows it, the list its hits."""
        self.search_edit.setText(text)
        self._search_timer.stop()
        self.run_search()
        self.results.setFocus()

    def show_trash(self, on: bool) -> None:
        self.search_edit.clear()
        self.proxy.set_trash(on)
        self.trash_btn.setText(self.tr("Back to documents") if on else self.tr("Show trash"))
        self.table.clearSelection()
        self.preview.clear()
        self._update_actions()

    # import -----------------------------------------------------------------------
    def choose_and_import(self) -> None:
        if self.session is not None:
            self.session.start_readers()  # while the person chooses, PDFium loads in the background
        files = open_files(self, self.tr("Choose documents to import"), str(Path.home()), IMPORT_FILTER)
        if files:
            self.import_paths(files)
        elif self.session is not None:
            self.session.stop_readers()  # cancelled: the workers started for it are not needed

    def import_paths(self, paths: list[str]) -> ImportDialog | None:
        if self.session is None or self.session.vault is None or not self.may_edit():
            return None
        dialog = ImportDialog(self.session, paths, self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.session is not None and self.may_edit():
            event.acceptProposedAction()
            self.session.start_readers()  # the drop comes next: start reading's workers now

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self.session is not None:
            self.session.stop_readers()  # no drop after all
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # edit, trash, export -----------------------------------------------------------------
    def may_edit(self) -> bool:
        """The person using the vault may import, edit and trash (not view only)."""
        vault = self.session.vault if self.session is not None else None
        return vault is not None and vault.person.can_edit

    def edit_selected(self) -> None:
        record = self.selected_record()
        if record is None or record.in_trash or self.session is None or not self.may_edit():
            return
        if self.session.vault is None:
            return
        changes = EditRecordDialog.ask(record, self)
        if not changes:
            return
        if "category" in changes and not self.confirm_widening(record, changes["category"]):
            return
        try:
            updated = self.session.vault.update_metadata(record.id, **changes)
        except (VaultError, ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), describe(exc))
            self.refresh()
            return
        self.session.record_updated(updated)
        self.status_message.emit(self.tr("Saved “{0}”.").format(updated.title))

    def confirm_widening(self, record: Record, category: str) -> bool:
        """Ask before a new category lets someone see a record they could not see before; True to go on.
        The question is a real QMessageBox, kept in `last_question` (tests answer it)."""
        vault = self.session.vault if self.session else None
        if vault is None:
            return True
        newly = newly_visible_to(vault, record.category, category)
        if not newly:
            return True
        names = ", ".join(display_names(vault, newly, self.tr("you")))
        after = ", ".join(display_names(vault, visible_to(vault, category), self.tr("you")))
        self.last_question = ask_to_widen(
            self,
            self.tr("Let more people see this record?"),
            self.tr("Let {0} see “{1}”?").format(names, record.title),
            self.tr("Filed as “{0}”, it will be visible to: {1}.").format(category_label(category), after),
        )
        return allowed(self.last_question)

    def remove_selected(self) -> None:
        record = self.selected_record()
        if record is not None and not record.in_trash and self.session is not None and self.may_edit():
            self.undo_stack.push(TrashCommand(self.session, record.id, record.title, parent=self))

    def restore_selected(self) -> None:
        record = self.selected_record()
        if record is not None and record.in_trash and self.session is not None:
            TrashCommand(self.session, record.id, record.title, parent=self).apply(False)

    def ask_plaintext_target(self, record: Record) -> str:
        """Warn that the copy is not encrypted, then ask where to save it ('' if cancelled)."""
        return ask_save_path(
            self,
            self.tr("Save a decrypted copy"),
            record.original_name or record.title,
            "",
            caution=self.tr(
                "The copy will NOT be encrypted: anyone who can open that folder can read it. "
                "Delete it when you no longer need it. Continue?"
            ),
            warning=True,
        )

    def save_copy(self) -> None:
        record = self.selected_record()
        if record is None or self.session is None or self.session.vault is None:
            return
        target = self.ask_plaintext_target(record)
        if not target:
            return
        worker = TaskWorker(self.session.vault.export_document, record.id, target, overwrite=True)
        worker.signals.finished.connect(
            lambda path: self.status_message.emit(self.tr("Saved to {0}.").format(path))
        )
        worker.signals.failed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Not saved"), message)
        )
        self._run(worker)
