"""Changing the keys of sections someone no longer has (rotation): re-encrypting their files in the
background, with progress and a Stop button; safe to interrupt, it resumes at the next unlock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..dialog_fit import fit_dialog, scrolling_dialog
from ..errors import describe_problem
from ..widgets import DialogFooter, heading, note
from ..workers import TaskWorker, start


class KeyChangeDialog(QDialog):
    """Runs a key change (rotation) in the thread pool, with progress and a Stop button."""

    finished_work = Signal(bool)  # True when everything was re-encrypted

    def __init__(self, fn: Any, *args: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changing the keys"))
        self.ok: bool | None = None
        layout, foot = scrolling_dialog(self)
        layout.addWidget(heading(self.tr("Changing the keys"), self, 1.4))
        self.status = note(self.tr("Re-encrypting the files of the sections concerned…"), self)
        layout.addWidget(self.status)
        self.footer = DialogFooter(self, busy=self.tr("Progress of the key change"), line="hint")
        self.bar, self.current = self.footer.busy, self.footer.error
        self.bar.setVisible(True)
        self.current.setVisible(True)
        self.close_btn = self.footer.cancel_btn  # Close: reject() closes once the work has ended
        self.close_btn.setVisible(False)
        self.stop_btn = self.footer.buttons.addButton(self.tr("Stop"), QDialogButtonBox.ButtonRole.RejectRole)
        self.stop_btn.setAccessibleName(self.tr("Stop changing the keys"))
        foot.addWidget(self.footer)
        fit_dialog(self, 80)
        self.worker = TaskWorker(fn, *args, **kwargs)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._finished)
        self.worker.signals.failed.connect(self._failed)

    def run(self) -> None:
        self.open()
        start(self.worker)

    def _progress(self, done: int, total: int, _stage: str, _item: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.current.setText(self.tr("{0} of {1} files").format(done, total))

    def stop(self) -> None:
        self.worker.cancel.set()
        self.stop_btn.setEnabled(False)
        self.status.setText(self.tr("Stopping after the current file…"))

    def _end(self, ok: bool, text: str) -> None:
        self.ok = ok
        self.status.setText(text)
        self.stop_btn.setVisible(False)
        self.close_btn.setVisible(True)
        self.close_btn.setDefault(True)
        self.close_btn.setFocus()
        self.finished_work.emit(ok)

    def _finished(self, report: Any) -> None:
        problems = list(getattr(report, "problems", []) or [])
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
        self.bar.setValue(self.bar.maximum())
        if problems:
            self._end(
                False,
                self.tr(
                    "The keys were changed, but some files could not be re-encrypted; "
                    "use Help › Check vault for damage:\n"
                )
                + "\n".join(describe_problem(p) for p in problems[:5]),
            )
        else:
            self._end(True, self.tr("Done. Files copied before today no longer open with the old keys."))

    def _failed(self, message: str) -> None:
        if self.worker.cancel.is_set():
            message = self.tr(
                "Stopped. Nothing is lost: the key change carries on the next time you open the vault."
            )
        self._end(False, message)

    def reject(self) -> None:  # Escape: stop, never leave the work running unseen
        if self.ok is None:
            self.stop()
            return
        super().reject()
