"""The test machinery of conftest.py checked from outside: a Qt test that leaves a timer, a pool worker or
a window behind fails, as does an exception in a slot; a core test that paints without the qapp fixture
fails; with --no-qt-gui Qt's GUI modules cannot be imported and the qt tests are left out."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli_env

HERE = Path(__file__).parent
pytestmark = pytest.mark.qt  # the inner sessions run Qt

LEAKY = """
import threading

from PySide6.QtCore import QRunnable, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QWidget

kept = []


def test_timer_left_running(qtbot):
    timer = QTimer()
    timer.start(1000)
    kept.append(timer)


def test_single_shot_left_pending(qtbot):
    QTimer.singleShot(5000, lambda: None)


def test_window_left_open(qtbot):
    window = QWidget()
    window.show()
    kept.append(window)


class Waits(QRunnable):
    def run(self):
        threading.Event().wait(5)  # longer than the moment the guard allows a worker to end


def test_pool_worker_left_busy(qtbot):
    QThreadPool.globalInstance().start(Waits())


def test_thread_left_running(qtbot):
    thread = QThread()
    thread.start()
    kept.append(thread)


def test_exception_in_a_slot(qtbot):
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: 1 / 0)
    timer.start(0)
    qtbot.wait(20)


def test_clean(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    QTimer.singleShot(0, lambda: None)
"""

CORE = """
def test_paints_without_qapp(tmp_path):
    from mbc_vault.render.pdf import html_to_pdf

    html_to_pdf("<p>Fictional</p>", tmp_path / "out.pdf")


def test_qt_gui_is_blocked():
    import PySide6.QtCore  # QtCore stays

    try:
        import PySide6.QtGui  # noqa: F401
    except ImportError as exc:
        assert "--no-qt-gui" in str(exc)
    else:
        raise AssertionError("QtGui was imported")


def test_programs_it_starts_are_blocked_too():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import PySide6.QtGui"], capture_output=True, text=True)
    assert done.returncode != 0 and "--no-qt-gui" in done.stderr


def test_qapp_test_is_left_out(qapp):
    raise AssertionError("a qt test ran")
"""


def run_inner(tmp_path: Path, source: str, *args: str) -> dict[str, str]:
    """Run *source* as a test module with this conftest; returns each test's outcome (PASSED, ERROR...)."""
    for name in ("conftest.py", "qt_guard.py"):
        shutil.copy(HERE / name, tmp_path / name)
    shutil.copytree(HERE / "no_qt_gui", tmp_path / "no_qt_gui", dirs_exist_ok=True)
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\nqt_default_raising = true\n")
    (tmp_path / "test_inner.py").write_text(source)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q", *args, str(tmp_path)],
        cwd=tmp_path,
        env=cli_env(QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    outcomes = dict(
        (m["test"], m["outcome"])
        for m in re.finditer(r"^(?P<outcome>[A-Z]+) test_inner\.py::(?P<test>\w+)", done.stdout, re.M)
    )
    assert outcomes, done.stdout + done.stderr
    return outcomes


def test_qt_tests_must_leave_nothing_running(tmp_path: Path) -> None:
    outcomes = run_inner(tmp_path, LEAKY)
    assert outcomes.pop("test_exception_in_a_slot") == "FAILED"
    # a leak fails at teardown: its call PASSED, its teardown is an ERROR
    assert {test: outcome for test, outcome in outcomes.items() if outcome == "ERROR"} == {
        "test_timer_left_running": "ERROR",
        "test_single_shot_left_pending": "ERROR",
        "test_window_left_open": "ERROR",
        "test_pool_worker_left_busy": "ERROR",
        "test_thread_left_running": "ERROR",
    }
    assert outcomes["test_clean"] == "PASSED"


def test_core_tests_run_without_qt_gui(tmp_path: Path) -> None:
    outcomes = run_inner(tmp_path, CORE, "-k", "paints")
    assert outcomes == {"test_paints_without_qapp": "ERROR"}  # it made a plain QGuiApplication
    outcomes = run_inner(tmp_path, CORE, "-p", "no:pytest-qt", "--no-qt-gui", "-k", "not paints")
    assert outcomes == {
        "test_qt_gui_is_blocked": "PASSED",
        "test_programs_it_starts_are_blocked_too": "PASSED",
    }
