"""Running core work off the GUI thread: a QRunnable that only emits signals.

The function gets `progress(done, total, stage, item)` (see mbc_vault.progress) and `cancel` (a
threading.Event) keyword arguments if it accepts them; its result, or its error described in one sentence
(ui/errors.py), comes back as a signal, emitted on the thread the worker was made on (the GUI thread).
Once it ran, the worker lets go of the function and what it was given (a vault, a passphrase), and once
its result was told, of the slots connected to its signals (which refer to what they showed): a worker
kept a while longer keeps no secret alive. Qt's thread pool does keep one: PySide holds the last
runnable it started until the next one starts.
"""

from __future__ import annotations

import inspect
import logging
import threading
import warnings
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from mbc_vault.errors import VaultError

from .errors import describe

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    progress = Signal(int, int, str, str)  # done, total, stage code, item (vocab_labels.progress_text)
    finished = Signal(object)
    failed = Signal(str)
    #: from the worker's thread to this object's: (finished?, the result or the sentence)
    _outcome = Signal(bool, object)

    def __init__(self) -> None:
        super().__init__()
        self._outcome.connect(self._tell)

    def _tell(self, ok: bool, value: object) -> None:
        """Emit finished or failed here, so every slot runs now, one after another; then disconnect
        them all (and let go of what they refer to): the outcome was told."""
        try:
            if ok:
                self.finished.emit(value)
            else:
                self.failed.emit(value)
        finally:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # a signal nothing was connected to
                for signal in (self.progress, self.finished, self.failed):
                    signal.disconnect()


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
        fn, args, kwargs = self._fn, self._args, self._kwargs
        self._fn, self._args, self._kwargs = _ran, (), {}
        try:
            result = fn(*args, **kwargs)
        except (VaultError, ValueError) as exc:
            self.signals._outcome.emit(False, describe(exc))
        except Exception as exc:  # never lose a worker silently; never show a traceback
            log.exception("background task failed")
            self.signals._outcome.emit(False, describe(exc))
        else:
            self.signals._outcome.emit(True, result)


def _ran(*_: object, **__: object) -> None:
    """What a worker holds instead of its function once it ran."""


def start(worker: TaskWorker) -> TaskWorker:
    QThreadPool.globalInstance().start(worker)
    return worker


def keep_until_done(workers: set[TaskWorker], worker: TaskWorker) -> None:
    """Keep *worker* in *workers* until it has reported (finished or failed), then let it go.

    A slot connected to a worker's signals that referred to the worker itself would make a cycle
    through Qt, which Python's collector cannot see: the worker, its slots and everything they hold (a
    vault, decrypted pages) would stay alive for good, past the lock. The slot here holds the worker
    weakly, and lets go of it on the next turn of the event loop, not while its signal is delivered."""
    workers.add(worker)
    held = weakref.ref(worker)

    def let_go() -> None:
        finished = held()
        if finished is not None:
            workers.discard(finished)

    def done(*_: object) -> None:
        QTimer.singleShot(0, let_go)

    worker.signals.finished.connect(done)
    worker.signals.failed.connect(done)


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
        keep_until_done(self.workers, worker)
        start(worker)
        return worker
