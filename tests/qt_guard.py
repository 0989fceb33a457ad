"""What a Qt test must not leave behind, after napari's conftest: running QThreads, busy thread-pool
workers, active QTimers and new top-level widgets. conftest.py wraps every test marked `qt` in
`nothing_left_running`; what it finds fails the test (with where it was started) and is then stopped,
so the next test starts clean."""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve()


def _started_at() -> str:
    """The innermost frame of this project (not this file, not the venv) that started something."""
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename).resolve()
        if path != HERE and path.is_relative_to(ROOT) and ".venv" not in path.parts:
            return f"{path.relative_to(ROOT)}:{frame.lineno}"
    return "(outside the project)"


def _alive(obj: QObject, check: Callable[[], bool]) -> bool:
    try:
        return check()
    except RuntimeError:  # its C++ object was deleted with its parent: nothing left running
        return False


@contextmanager
def nothing_left_running(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Record what the test starts; afterwards fail on whatever is still running or still shown."""
    threads: WeakKeyDictionary[QThread, str] = WeakKeyDictionary()
    pools: dict[QThreadPool, list[str]] = {QThreadPool.globalInstance(): []}
    timers: WeakKeyDictionary[QTimer, str] = WeakKeyDictionary()
    single_shots: list[tuple[QTimer, str]] = []  # held here: nothing else keeps them alive

    thread_start, pool_start, timer_start = QThread.start, QThreadPool.start, QTimer.start

    def start_thread(self: QThread, *args: Any) -> None:
        threads[self] = _started_at()
        thread_start(self, *args)

    def start_in_pool(self: QThreadPool, *args: Any) -> None:
        pools.setdefault(self, []).append(_started_at())
        pool_start(self, *args)

    def start_timer(self: QTimer, *args: Any) -> None:
        timers[self] = _started_at()
        timer_start(self, *args)

    def single_shot(msec: int, *args: Any) -> None:
        """QTimer.singleShot(msec, [timer type,] [context,] functor) as a QTimer that can be checked."""
        *before, functor = args
        context = [a for a in before if isinstance(a, QObject)]  # (a timer type's precision is moot)
        timer = QTimer(context[0]) if context else QTimer()  # dies with its context, as Qt's does
        timer.setSingleShot(True)
        timer.timeout.connect(functor)
        single_shots.append((timer, _started_at()))
        timer_start(timer, msec)

    monkeypatch.setattr(QThread, "start", start_thread)
    monkeypatch.setattr(QThreadPool, "start", start_in_pool)
    monkeypatch.setattr(QTimer, "start", start_timer)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    shown_before = set(QApplication.topLevelWidgets())

    yield

    QCoreApplication.processEvents()  # what was due now (a 0 ms timer) is not left behind
    problems: list[str] = []
    for thread, where in list(threads.items()):
        if _alive(thread, thread.isRunning):
            problems.append(f"a QThread still running, started at {where}")
            thread.quit()
            thread.wait(2000)
    for pool, where_all in pools.items():
        # A worker that has just emitted its outcome may still be returning from run() on its thread
        # when the test, woken by that outcome, ends: that is not a leak, so it gets a moment to end.
        if pool.activeThreadCount() and not pool.waitForDone(3000):
            problems.append(f"thread-pool workers still busy, started at {', '.join(where_all) or '?'}")
            pool.clear()
            pool.waitForDone(10_000)
    for timer, where in [*timers.items(), *single_shots]:
        if _alive(timer, timer.isActive):
            problems.append(f"a QTimer still active, started at {where}")
            timer.stop()
    single_shots.clear()

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what was closed is deleted now
    left: list[QWidget] = [w for w in QApplication.topLevelWidgets() if w not in shown_before]
    for widget in left:
        problems.append(f"a top-level widget left alive: {type(widget).__name__} {widget.windowTitle()!r}")
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if problems:
        pytest.fail(
            "The test left Qt objects running (stop timers, wait for workers, close and delete windows, "
            "e.g. with qtbot.addWidget):\n  " + "\n  ".join(problems),
            pytrace=False,
        )
