"""Shared fixtures. Vaults made here use a low scrypt work factor (2^12) so tests run fast;
the format and code paths are the same as with the default 2^18.

Qt tests are marked `qt`: by hand (`pytestmark = pytest.mark.qt`), or here, for a test that uses
qtbot or qapp or whose module imports Qt's GUI modules or the app. Only they get the QApplication
(pytest-qt's `qapp`, made before anything can make a plain QGuiApplication), and each runs inside
qt_guard.nothing_left_running. With `--no-qt-gui` (`make test-core`) Qt's GUI modules cannot be
imported, in the tests or in the programs they start (no_qt_gui/sitecustomize.py), and the qt tests are
left out: the core's tests need no GUI libraries.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from mbc_vault.vault import Vault

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.session import VaultSession

DATA = Path(__file__).parent / "data"
PASSPHRASE = "correct horse battery staple"
TEST_WORK_FACTOR = 12


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep caches and settings of every test inside its own temporary folder."""
    monkeypatch.setenv("MBC_VAULT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.delenv("MBC_VAULT_PASSPHRASE", raising=False)


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """mbc_vault.system's Windows branch for this test, with the behaviour of the calls it makes
    (tests/windows_like.py); the (path, flags) of each os.open during the test."""
    import windows_like

    return windows_like.install(monkeypatch)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.create(vault_path, PASSPHRASE, name="Jane Example", work_factor=TEST_WORK_FACTOR)
    yield v
    v.close()


class FakeClock:
    """A clock for `vault.clock` that stands still until the test moves it on, so stamps come in the
    order the test says without sleeping. It starts at the real time of its first reading: what was
    stamped before by the real clock is older."""

    def __init__(self) -> None:
        self.now: dt.datetime | None = None

    def __call__(self) -> dt.datetime:
        if self.now is None:
            self.now = dt.datetime.now(dt.UTC)
        return self.now

    def advance(self, seconds: float = 0.001) -> None:
        self.now = self() + dt.timedelta(seconds=seconds)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The app's main window, shown, on the welcome screen; its settings (tmp_path/settings.ini) and its
    default vault folders are inside tmp_path. Afterwards it is locked and the app's workers are waited
    for. A test that wants a vault open calls `window.enter_vault(...)` (or a module builds on this)."""
    from PySide6.QtCore import QSettings, QThreadPool

    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    setup_application()
    default = tmp_path / "app-data" / "My vault"
    monkeypatch.setattr("ui.settings.default_vault_path", lambda: default)
    monkeypatch.setattr("ui.main_window.default_vault_path", lambda: default)
    win = MainWindow(AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def session(vault: Vault) -> Iterator[VaultSession]:
    """A VaultSession of the `vault` fixture, for tests of one section or dialog without the main window;
    afterwards the app's workers are waited for and the session is closed. (A module may override it.)"""
    from PySide6.QtCore import QThreadPool

    from ui.app import setup_application
    from ui.session import VaultSession

    setup_application()
    s = VaultSession(vault)
    yield s
    QThreadPool.globalInstance().waitForDone(10_000)
    s.close()


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed; `make test` installs it (Debian package)")
    return path


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(extra)
    return env


# ------------------------------------------------------------------------------------ Qt tests
NO_QT_GUI = Path(__file__).parent / "no_qt_gui"
_spec = importlib.util.spec_from_file_location("no_qt_gui", NO_QT_GUI / "sitecustomize.py")
assert _spec is not None and _spec.loader is not None
no_qt_gui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(no_qt_gui)


def _needs_qt_gui(module: str) -> bool:
    """Importing it needs Qt's GUI libraries: Qt's GUI modules, pytest-qt, the app, the core's painting."""
    top = module.split(".")[0]
    return no_qt_gui.is_qt_gui(module) or top in ("pytestqt", "ui") or module.startswith("mbc_vault.render")


def module_is_qt(path: Path) -> bool:
    """A test module is Qt if it says so (`pytestmark` with mark.qt) or imports a Qt GUI module on top."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import) and any(_needs_qt_gui(a.name) for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and _needs_qt_gui(node.module or ""):
            return True
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "pytestmark" for t in node.targets):
            if "mark.qt" in ast.unparse(node.value):
                return True
    return False


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    parser.addoption(
        "--no-qt-gui",
        action="store_true",
        help="run without Qt's GUI modules (importing them fails) and leave the qt tests out",
    )
    if not pluginmanager.has_plugin("pytest-qt"):  # -p no:pytest-qt: its settings are known but unused
        parser.addini("qt_api", "pytest-qt's Qt binding")
        parser.addini("qt_default_raising", "pytest-qt: an exception in a Qt slot fails the test")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--no-qt-gui"):
        assert not config.pluginmanager.has_plugin("pytest-qt"), "--no-qt-gui needs -p no:pytest-qt"
        no_qt_gui.install()
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(NO_QT_GUI), os.environ.get("PYTHONPATH")])
        )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """With --no-qt-gui a Qt test module is not even imported (its imports would fail)."""
    if config.getoption("--no-qt-gui") and collection_path.suffix == ".py":
        if collection_path.name.startswith("test_") and module_is_qt(collection_path):
            return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    qt_modules: dict[Path, bool] = {}
    for item in items:
        path = Path(item.path)
        if path not in qt_modules:
            qt_modules[path] = module_is_qt(path)
        fixtures = getattr(item, "fixturenames", ())
        if qt_modules[path] or "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.qt)
    if config.getoption("--no-qt-gui"):
        left_out = [item for item in items if item.get_closest_marker("qt")]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if not item.get_closest_marker("qt")]


@pytest.fixture(autouse=True)
def _qt_guard(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A qt test gets the QApplication and must leave nothing running; any other test must not make
    a plain QGuiApplication (core code that paints does: such a test needs the qapp fixture)."""
    if request.node.get_closest_marker("qt") is None:
        yield
        gui = sys.modules.get("PySide6.QtGui")
        if gui is not None and type(gui.QGuiApplication.instance()) is gui.QGuiApplication:
            pytest.fail("this test made a QGuiApplication (it paints with Qt): give it the qapp fixture")
        return
    request.getfixturevalue("qapp")
    request.getfixturevalue("qtbot")
    from qt_guard import nothing_left_running

    with nothing_left_running(monkeypatch):
        yield
