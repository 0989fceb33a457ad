"""Makes Qt's GUI modules (all of PySide6 but QtCore) and pytest-qt unimportable, as on a machine
without Qt's GUI libraries. `make test-core` (pytest --no-qt-gui) installs it in the test process and
puts this folder on PYTHONPATH, where Python imports it at start-up: the programs the tests start
(the CLI) are blocked too."""

from __future__ import annotations

import importlib.abc
import sys


def is_qt_gui(module: str) -> bool:
    """One of Qt's GUI modules: everything of PySide6 but QtCore."""
    return module.startswith("PySide6.Qt") and module.split(".")[1] != "QtCore"


class QtGuiBlocked(importlib.abc.MetaPathFinder):
    blocks_qt_gui = True

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if is_qt_gui(name) or name.split(".")[0] == "pytestqt":
            raise ImportError(f"{name} is blocked by --no-qt-gui: a test that needs it must be marked qt")
        return None


def install() -> None:
    if not any(getattr(finder, "blocks_qt_gui", False) for finder in sys.meta_path):
        sys.meta_path.insert(0, QtGuiBlocked())


if __name__ == "sitecustomize":
    install()
