"""Running core work off the GUI thread: a QRunnable that only emits signals.

The function gets `progress(done, total, stage, item)` (see mbc_vault.progress) and `cancel` (a
threading.Event) keyword arguments if it accepts them; its result, or its error described in one sentence
(ui/errors.py), comes back as a signal.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mbc_vault.errors import VaultError

from .errors import describe

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(int, int, str, str)  # done, total, stage code, item (vocab_labels.progress_text)
    finished = Signal(object)
    failed = Signal(str)


class TaskWorker(QRunnable):
    """Runs one function in the thread pool; reports through `signals`."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self.cancel = threading.Event()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        params = inspect.signature(fn).parameters
        if "progress" in params:
            self._kwargs["progress"] = self._emit_progress
        if "cancel" in params:
            self._kwargs["cancel"] = self.cancel

    def _emit_progress(self, done: int, total: int, stage: str, item: str) -> None:
        self.signals.progress.emit(int(done), int(total), str(stage), item)

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except (VaultError, ValueError) as exc:
            self.signals.failed.emit(describe(exc))
        except Exception as exc:  # never lose a worker silently; never show a traceback
            log.exception("background task failed")
            self.signals.failed.emit(describe(exc))
        else:
            self.signals.finished.emit(result)


def start(worker: TaskWorker) -> TaskWorker:
    QThreadPool.globalInstance().start(worker)
    return worker


class ExportRunner(QObject):
    """Runs exports (PDF, calendar) in the thread pool and reports through a callback."""

    def __init__(self, report: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.workers: set[TaskWorker] = set()

    def run(self, fn: Callable[..., Any], *args: Any, done: str) -> TaskWorker:
        worker = TaskWorker(fn, *args)
        worker.signals.finished.connect(lambda _: self.report(done))
        worker.signals.failed.connect(self.report)
        self.workers.add(worker)
        worker.signals.finished.connect(lambda *_: self.workers.discard(worker))
        worker.signals.failed.connect(lambda *_: self.workers.discard(worker))
        start(worker)
        return worker
