"""File ▸ Import records from a patient portal…: the files a person downloaded from a portal (FHIR,
NDJSON, .phr, IPS, C-CDA, Apple Health or IHE XDM zips) read and reviewed off the GUI thread, shown as
a tree of what would be added, kind by kind (ui/models/portal_review.py); nothing is written until the
person presses Import. Then the chosen entries are saved (off the GUI thread, with progress and
cancel), the sections that show them reload, and one sentence says what was saved, as
`mbc-vault import-records` does (mbc_vault/cli_portal.py)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QScrollArea, QTreeView, QWidget

from mbc_vault.errors import VaultError
from mbc_vault.portal.read import read_portal_files
from mbc_vault.portal.review import ImportPlan, plan_import
from mbc_vault.portal.save import ImportReport, save_import
from mbc_vault.progress import CancelFlag, ProgressFn, Stage
from mbc_vault.records import Record
from mbc_vault.vault import Vault

from .dialog_fit import fit_dialog, refit_dialog, scrolling_dialog
from .errors import describe
from .file_dialogs import open_files
from .keyboard import tab_leaves
from .models.portal_review import COL_DATE, COL_ENTRY, COL_NOTE, PortalReviewModel
from .reflow import fit_header_titles
from .session import VaultSession
from .vocab_labels import progress_text
from .widgets import DialogFooter, heading, note, visible_scopes
from .workers import TaskWorker, start

#: seconds between two progress reports of the workers (a report a record would flood the GUI thread)
PROGRESS_EVERY_S = 0.05
#: milliseconds from opening the dialog to starting the reading (its first paint comes first)
START_AFTER_SHOWN_MS = 30


def _throttled(progress: ProgressFn | None) -> ProgressFn | None:
    """*progress*, passed on at most every PROGRESS_EVERY_S (and always at the end)."""
    if progress is None:
        return None
    last = [0.0]

    def report(done: int, total: int, stage: Stage, item: str) -> None:
        now = time.perf_counter()
        if now - last[0] >= PROGRESS_EVERY_S or done >= total:
            last[0] = now
            progress(done, total, stage, item)

    return report


def read_and_plan(
    vault: Vault, paths: list[Path], progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> ImportPlan | None:
    """Read *paths* and review them against *vault* (writes nothing); None when cancelled."""
    reads, failed = read_portal_files(paths, _throttled(progress), cancel)
    if cancel is not None and cancel.is_set():
        return None
    if progress is not None:
        progress(0, 0, Stage.READ, "")  # the review: busy, not counting
    return plan_import(vault, reads, failed)


def save_chosen(
    vault: Vault, plan: ImportPlan, progress: ProgressFn | None = None, cancel: CancelFlag | None = None
) -> ImportReport:
    """Save the ticked entries of *plan* (portal/save.py), reporting progress now and then."""
    return save_import(vault, plan, _throttled(progress), cancel)


def may_import(session: VaultSession | None) -> bool:
    """The person may import portal records: a vault is open, they may edit, and they were given
    the medical part (where everything imported goes)."""
    vault = session.vault if session is not None else None
    return vault is not None and vault.person.can_edit and "medical" in (visible_scopes(vault) or set())


def portal_filter() -> str:
    """The file chooser's filter: the portal formats, then all files."""
    return QCoreApplication.translate(
        "PortalImportDialog", "Patient portal records (*.json *.ndjson *.phr *.xml *.zip);;All files (*)"
    )


def choose_and_import(parent: QWidget, session: VaultSession | None) -> PortalImportDialog | None:
    """Ask for the files (one or several), then open the dialog on them."""
    if not may_import(session):
        return None
    files = open_files(
        parent,
        QCoreApplication.translate("PortalImportDialog", "Choose the files downloaded from a patient portal"),
        str(Path.home()),
        portal_filter(),
    )
    return open_portal_import(parent, session, files) if files else None


def open_portal_import(
    parent: QWidget, session: VaultSession | None, paths: Sequence[str | Path]
) -> PortalImportDialog | None:
    """The dialog on *paths*, shown (not modal to the event loop); None if the person may not import."""
    if session is None or not may_import(session):
        return None
    dialog = PortalImportDialog(session, paths, parent)
    dialog.open()
    return dialog


class ReviewTree(QTreeView):
    """The review's tree: it asks for about 16 lines of height (the dialog opens that tall when the
    screen has room) and makes do with 9 (then the dialog's body scrolls)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().height() * 16)


class PortalImportDialog(QDialog):
    """Read, review (the tree), then save the chosen entries of some portal files."""

    def __init__(
        self, session: VaultSession, paths: Sequence[str | Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import records from a patient portal"))
        self.session = session
        self.paths = [Path(p) for p in paths]
        self.plan: ImportPlan | None = None
        self.model: PortalReviewModel | None = None
        self.report: ImportReport | None = None
        self._worker: TaskWorker | None = None
        self._close_when_stopped = False
        self._reading_due = True  # from opening until the reading starts (START_AFTER_SHOWN_MS)
        self._closed = False
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Import records from a patient portal"), self, 1.4))
        self.info = note(self.tr("Reading the files ({0})…").format(len(self.paths)), self)
        layout.addWidget(self.info)
        self.failed_text = note("", self, "error")
        self.failed_text.setVisible(False)
        layout.addWidget(self.failed_text)
        self.tree = ReviewTree(self)
        self.tree.setAccessibleName(self.tr("Entries to import"))
        self.tree.setAccessibleDescription(
            self.tr("Space ticks or unticks the entry or kind of entries; the arrow keys move.")
        )
        tab_leaves(self.tree)  # one Tab stop: the arrow keys move inside
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)  # a 10,000-entry review scrolls without measuring each row
        self.tree.setVisible(False)
        layout.addWidget(self.tree, 1)
        self.problems_text = note("", self)
        self.problems_text.setVisible(False)
        layout.addWidget(self.problems_text)
        footer = DialogFooter(
            self,
            self.start_saving,
            accept_text=self.tr("Import"),
            busy=self.tr("Import progress"),
            cancel=self._cancel,
        )
        self.footer = footer
        self.progress, self.import_btn, self.cancel_btn = footer.busy, footer.save_btn, footer.cancel_btn
        self.progress.setVisible(True)
        self.import_btn.setEnabled(False)  # nothing is written until the review is there and Import pressed
        foot.addWidget(footer)
        fit_dialog(self, 90)
        # the reading starts once the dialog is on screen: its first layout and paint do not wait
        # for the GIL while the reader parses (json and lxml hold it for tens of milliseconds)
        QTimer.singleShot(START_AFTER_SHOWN_MS, self, self._start_reading)

    # reading and the review -------------------------------------------------------
    @property
    def working(self) -> bool:
        """Reading (from the moment the dialog opens) or saving: the review or report is not there yet."""
        return self._reading_due or self._worker is not None

    def _start_reading(self) -> None:
        self._reading_due = False
        if self._closed:  # closed before it started
            return
        if self.session.vault is None:  # locked before it started (the lock closes what it sees open)
            self.reject()
            return
        self.session.freeze_heap()  # the reading's collections walk what it makes, not the whole app
        self._run(TaskWorker(read_and_plan, self.session.vault, self.paths), self._on_planned)

    def _run(self, worker: TaskWorker, finished: Callable[[object], None]) -> None:
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(self._on_failed)
        self._worker = start(worker)

    def _on_progress(self, done: int, total: int, stage: str, item: str) -> None:
        if total <= 0:  # the review of what was read: busy
            self.progress.setRange(0, 0)
            self.info.setText(self.tr("Checking what is already in your vault…"))
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"%p%  {progress_text(stage, item)}")

    def _stopped(self) -> bool:
        """The worker that just reported was cancelled: close if the person asked to."""
        worker, self._worker = self._worker, None
        cancelled = worker is not None and worker.cancel.is_set()
        if cancelled and self._close_when_stopped:
            super().done(QDialog.DialogCode.Rejected)
        return cancelled

    def _on_planned(self, plan: object) -> None:
        if self._stopped() or not isinstance(plan, ImportPlan):
            self.info.setText(self.tr("Reading was cancelled; nothing was saved."))
            self._finish_busy()
            return
        self._finish_busy()
        self.plan = plan
        self.model = PortalReviewModel(plan, self)
        self.model.choice_changed.connect(self._show_counts)
        self.tree.setModel(self.model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ENTRY, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        header.resizeSection(
            COL_DATE, metrics.horizontalAdvance("2026-12-31") + 2 * metrics.averageCharWidth()
        )
        header.resizeSection(COL_NOTE, metrics.horizontalAdvance(self.tr("Already in your vault")) + 24)
        fit_header_titles(header)
        self.tree.setMinimumHeight(metrics.height() * 9)  # a few rows in view at any text size
        self.tree.setVisible(bool(plan.items))
        if plan.items:
            self.tree.setCurrentIndex(self.model.index(0, COL_ENTRY))
        self.failed_text.setText(
            "\n".join(self.tr("{0}: {1}").format(name, describe(error)) for name, error in plan.failed)
        )
        self.failed_text.setVisible(bool(plan.failed))
        lines = [
            self.tr("{0}: {1}").format(name, self._problem(p.code, p.params, p.count))
            for name, p in plan.problems()
        ]
        if plan.notes:
            lines.append(
                self.tr("Sections without entries kept as text with the stored file: {0}.").format(
                    len(plan.notes)
                )
            )
        self.problems_text.setText("\n".join(lines))
        self.problems_text.setVisible(bool(lines))
        self._show_counts()
        self._refit()
        if plan.items:
            self.tree.setFocus()

    def _refit(self) -> None:
        """As tall as the review needs now (at most the screen): the body's scroll area is told its
        content changed (the outer layout keeps its old height for width until then)."""
        body = self.findChild(QScrollArea, "dialogBody")
        if body is not None:
            body.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
        refit_dialog(self)

    @staticmethod
    def _problem(code: str, params: dict[str, str], count: int) -> str:
        """A reader's problem as the CLI says it, in the app's language ("3 results had no value…")."""
        return describe(VaultError(code, **params, count=count))

    def _show_counts(self) -> None:
        plan = self.plan
        if plan is None or self.report is not None:
            return
        chosen = self.model.chosen_count() if self.model is not None else 0
        if plan.nothing_new():
            text = (
                self.tr("Nothing could be read from these files.")
                if plan.failed and not plan.items
                else self.tr("Nothing new: everything in these files is already in the vault.")
            )
            self.import_btn.setEnabled(False)
        else:
            if chosen == 1:
                text = self.tr("1 entry will be added.")
            elif chosen:
                text = self.tr("{0} entries will be added.").format(chosen)
            else:
                text = self.tr("Nothing is ticked: tick what you want to add.")
            if chosen:
                text += " " + self.tr("Untick what you do not want, then press Import.")
            self.import_btn.setEnabled(bool(chosen or plan.notes))
        self.info.setText(text)

    def _finish_busy(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setVisible(False)

    def _on_failed(self, message: str) -> None:
        self._stopped()
        self._finish_busy()
        self.info.setText(message)

    # saving -----------------------------------------------------------------------
    def start_saving(self) -> None:
        """Save the ticked entries (the Import button)."""
        vault = self.session.vault
        if vault is None or self.plan is None or self._worker is not None or self.report is not None:
            return
        if not self.import_btn.isEnabled():  # nothing new, or nothing ticked
            return
        self.import_btn.setEnabled(False)
        self.tree.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.info.setText(self.tr("Saving…"))
        self.session.freeze_heap()  # the save's collections walk what it makes, not the whole app
        self._run(TaskWorker(save_chosen, vault, self.plan), self._on_saved)

    def _on_saved(self, report: object) -> None:
        cancelled = self._stopped()
        if not isinstance(report, ImportReport):
            return
        self.report = report
        self._finish_busy()
        session = self.session
        if session.vault is not None:
            added: list[tuple[Record, list[str] | None]] = []
            for record_id in report.documents:
                try:
                    added.append((session.vault.get(record_id), None))
                except (KeyError, VaultError):
                    continue
            # the thousands of records just made are long-lived: no full collection walks them from now
            # on (it would fall due now and stall the window; the lock collects them again)
            session.freeze_heap()
            session.import_saved(added, report.created)  # sections reload once; indexed between events
        lines = [self.tr("Saved {0} entries.").format(report.total)]
        if cancelled:
            lines.append(self.tr("The import was stopped; the rest was not saved."))
        lines += [self.tr("{0}: {1}").format(name, describe(error)) for name, error in report.failed]
        self.info.setText("\n".join(lines))
        self.import_btn.setVisible(False)
        self.cancel_btn.setText(self.tr("Close"))
        self.cancel_btn.setDefault(True)

    # closing ------------------------------------------------------------------------
    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel.set()
            self._close_when_stopped = self.report is None and self.plan is None  # reading: close then
            self.info.setText(self.tr("Stopping…"))
            return
        self.accept() if self.report is not None else self.reject()

    def done(self, result: int) -> None:
        if self._worker is not None:  # never close under running work: stop it, close when it stopped
            self._worker.cancel.set()
            self._close_when_stopped = True
            return
        self._closed = True
        super().done(result)
