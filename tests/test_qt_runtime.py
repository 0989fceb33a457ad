"""The Qt bindings in use must not leak references to None (PySide6 6.12.0's cp310-abi3 wheels do on
Python 3.11: every void method call drops one reference, and the process aborts when None's count
reaches zero). pyproject.toml pins a good range; this test catches a bad build coming back."""

from __future__ import annotations

import subprocess
import sys


def test_void_calls_keep_references_to_none() -> None:
    code = (
        "import sys; from PySide6.QtCore import QObject; o = QObject(); before = sys.getrefcount(None); "
        "[o.setObjectName('x') for _ in range(2000)]; print(before - sys.getrefcount(None))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 50


def test_signal_emits_keep_references_to_true() -> None:
    """PySide6 6.12.0 also dropped a reference to True on every SignalInstance.emit()."""
    code = (
        "import sys; from PySide6.QtCore import QObject, Signal\n"
        "class S(QObject):\n    changed = Signal(int)\n"
        "s = S(); before = sys.getrefcount(True)\n"
        "for i in range(2000): s.changed.emit(i)\n"
        "print(before - sys.getrefcount(True))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 50
