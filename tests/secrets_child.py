"""The child process of tests/secrets_scenarios.py: a scenario that opens a vault, reads it, locks it,
and stops at each stage ("start", "open", "locked") until its parent, which counts the secrets in its
memory, says "go".

This file holds none of the secrets (the parent's module does: a constant is in memory as long as
the module is loaded). The passphrase comes on standard input, byte by byte (os.read of one byte
returns one of Python's shared single-byte objects), is typed one character at a time where a window
asks for it (single-character strings are shared too), and the harness overwrites its own copy once it
has handed it over: only the program's copies are counted.

    python tests/secrets_child.py core|core-release <vault>
    python tests/secrets_child.py app <vault> <settings.ini>

At each stage it also says which objects that hold keys or records are alive (HOLDERS).
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: a word of the page text's line that is not the word counted (the search must find the page)
QUERY = "carcinoma"


def _read_line() -> bytearray:
    """A line from standard input, byte by byte (os.read of one byte returns a shared object)."""
    line = bytearray()
    while True:
        byte = os.read(0, 1)
        if not byte or byte == b"\n":
            return line
        line += byte


#: the objects that hold keys or decrypted records: none may be alive after lock
HOLDERS = (
    "mbc_vault.vault.Vault",
    "mbc_vault.folder.VaultFolder",
    "mbc_vault.cache.RecordCache",
    "mbc_vault.keys.Keyring",
    "mbc_vault.keys.ScopeKey",
    "mbc_vault.keys.PersonKey",
    "mbc_vault.age.recipients.X25519Identity",
    "mbc_vault.age.recipients.ScryptIdentity",
    "mbc_vault.authority.SigningKey",
    "mbc_vault.records.Record",
    "mbc_vault.search.index.SearchIndex",
    "mbc_vault.search.hits.SearchHit",
    "mbc_vault.documents.DocumentStream",
    "ui.session.VaultSession",
)


def live_holders() -> dict[str, int]:
    """How many objects of each of HOLDERS are alive (after a full collection)."""
    gc.collect()
    names = {name.rsplit(".", 1)[1]: name for name in HOLDERS}
    counts = dict.fromkeys(HOLDERS, 0)
    for obj in gc.get_objects():
        kind = type(obj)
        full = names.get(kind.__name__)
        if full is not None and f"{kind.__module__}.{kind.__qualname__}" == full:
            counts[full] += 1
    return {name: count for name, count in counts.items() if count}


def _checkpoint(stage: str) -> None:
    """Say *stage* (and the live key holders) and wait for the parent's "go"."""
    os.write(1, f"{stage} {json.dumps(live_holders())}\n".encode())
    _read_line()


def _wipe(text: str) -> None:
    """Overwrite the harness's own copy of an ASCII string (test code only: it must be its last use)."""
    assert text.isascii() and sys.getrefcount(text) <= 3, "the string is shared: not the harness's own"
    ctypes.memset(id(text) + sys.getsizeof("") - 1, ord("#"), len(text))


def _passphrase() -> str:
    line = _read_line()
    text = line.decode("ascii")
    line[:] = bytes(len(line))
    return text


def _core(path: Path, release: bool) -> None:
    from mbc_vault.search import build_index
    from mbc_vault.vault import Vault

    _checkpoint("start")
    passphrase = _passphrase()
    vault = Vault.open(path, passphrase)
    _wipe(passphrase)
    record = vault.records()[0]
    with vault.open_document(record.id) as stream:
        data = stream.read_all()
    texts = vault.page_texts(record.id)
    index = build_index(vault)
    hits = index.search(QUERY)
    assert hits and data and texts
    _checkpoint("open")
    del data, texts, hits, record, stream
    index.close()
    vault.close()  # the closed vault stays referenced, as by a caller that keeps it: it must hold nothing
    del index
    gc.collect()
    if release:
        from mbc_vault.scrub import release_freed_memory

        release_freed_memory()
    _checkpoint("locked")
    assert vault.records() == []


def _app(path: Path, settings_file: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QThreadPool
    from PySide6.QtTest import QTest

    from ui.app import setup_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = setup_application([])

    def settle(until: Callable[[], bool] | None = None, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            QThreadPool.globalInstance().waitForDone(50)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
            if until is None or until():
                return
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting in the app scenario: {until}")

    window = MainWindow(AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat)))
    window.show()
    window.activateWindow()
    window.show_unlock(path)
    settle()
    _checkpoint("start")
    passphrase = _passphrase()
    for char in passphrase:
        QTest.keyClick(window.unlock_screen.pass_edit, char)
    _wipe(passphrase)
    QTest.keyClick(window.unlock_screen.pass_edit, Qt.Key.Key_Return)
    settle(lambda: window.session is not None and window.session.index is not None)
    documents = window.documents
    window.go_to(documents)
    assert window.session is not None and window.session.vault is not None
    record = window.session.vault.records()[0]
    documents.select_record(record.id)
    settle(lambda: documents.preview.stack.currentWidget() is documents.preview.page_view)
    window.grab()  # the PDF's pages are rendered
    QTest.keyClicks(documents.search_edit, QUERY)
    documents.run_search()
    settle(lambda: documents.left.currentWidget() is documents.results)
    window.grab()
    del record
    _checkpoint("open")
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    if window.session is not None:  # the shortcut needs an active window; the menu item does the same
        window.lock_action.trigger()
    settle(lambda: window.session is None)
    gc.collect()
    settle()
    _checkpoint("locked")
    window.close()


def main(argv: list[str]) -> None:
    scenario, path = argv[0], Path(argv[1])
    if scenario.startswith("core"):
        _core(path, release=scenario == "core-release")
    else:
        _app(path, Path(argv[2]))


if __name__ == "__main__":
    main(sys.argv[1:])
