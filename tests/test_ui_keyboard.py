"""Keyboard use without a mouse: Tab leaves tables, a keyboard move opens a document only after a pause
or Enter, Enter presses the focused choice, no two controls of a window share an accelerator, focus is
visible, every control has an accessible name (pytest-qt, offscreen, on the demo vault)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
    QWizard,
)
from test_i18n import spanish, spanish_window  # noqa: F401 (fixtures)
from tour import front, screens

from mbc_vault.demo import create_demo_vault
from ui.app import setup_application
from ui.keyboard import PREVIEW_PAUSE_MS
from ui.main_window import MainWindow
from ui.welcome import WelcomeScreen


@pytest.fixture
def demo(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The main window (conftest) with the demo vault open by its owner."""
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=10)
    window.enter_vault(vault)
    return window


def _shown(widget: QWidget, top: QWidget) -> bool:
    """*widget* is on screen in *top*: itself and every parent up to *top* visible."""
    return widget.isVisibleTo(top) and top.isVisible()


def _controls(top: QWidget) -> Iterator[QWidget]:
    """The visible widgets of *top* a person can reach with the keyboard (not internal parts)."""
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)) or widget.objectName().startswith("qt_"):
            continue  # the line edit inside a combo box or date field, Qt's own inner parts
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            continue  # the inside of a view (the view itself is checked)
        if isinstance(widget, QWidget) and widget.window() is not top:
            continue
        yield widget


# Tab and the pause ------------------------------------------------------------------------------
def test_tab_leaves_every_table_and_list_of_every_screen(qtbot, demo: MainWindow, tmp_path: Path) -> None:
    trapped = []
    for name, top in screens(qtbot, demo, tmp_path):
        for view in top.findChildren(QAbstractItemView):
            if _shown(view, top) and view.tabKeyNavigation():
                trapped.append(f"{name}: {view.accessibleName() or type(view).__name__}")
    assert not trapped, "Tab moves from cell to cell and never leaves: " + "; ".join(trapped)


def test_tab_leaves_the_documents_table_without_opening_anything(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    demo.go_to(documents)
    demo.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo)
    documents.table.setFocus()
    generation = documents._preview_generation
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not documents.table.hasFocus()
    assert documents._preview_generation == generation and not documents._workers  # nothing decrypted


def test_tab_into_the_documents_table_opens_nothing_until_a_row_is_chosen(qtbot, demo: MainWindow) -> None:
    """Qt makes the first row current when a table gets the focus by Tab; that is not a choice: nothing
    is decrypted, even past the pause. The first Down chooses the first row, opened after the pause."""
    documents = demo.documents
    demo.go_to(documents)
    demo.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo)
    assert not documents.table.currentIndex().isValid()  # nothing chosen yet
    documents.search_edit.setFocus()
    generation = documents._preview_generation
    for _ in range(10):  # Tab from the search field on, up to the table
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if documents.table.hasFocus():
            break
    assert documents.table.hasFocus()
    assert not documents._preview_timer.isActive()
    qtbot.wait(2 * PREVIEW_PAUSE_MS)  # past the pause: still nothing (a check that nothing happens)
    assert documents._preview_generation == generation and not documents._workers  # nothing decrypted
    assert documents.selected_record() is None
    qtbot.keyClick(documents.table, Qt.Key.Key_Down)  # the first row, chosen by the keyboard
    assert documents.table.currentIndex().row() == 0 and documents._preview_timer.isActive()
    # opened after the pause (the move and the opening count a generation each)
    qtbot.waitUntil(lambda: documents._preview_generation == generation + 2, timeout=5_000)
    assert not documents._preview_timer.isActive()
    qtbot.waitUntil(lambda: not documents._workers, timeout=20_000)


def test_a_keyboard_move_opens_the_document_after_a_pause_or_on_enter(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    demo.go_to(documents)
    documents.table.setFocus()
    documents.table.selectRow(0)
    qtbot.waitUntil(
        lambda: not documents._workers and not documents._preview_timer.isActive(), timeout=20_000
    )
    opened = documents._preview_generation
    for _ in range(3):  # down through three rows: none is decrypted on the way
        qtbot.keyClick(documents.table, Qt.Key.Key_Down)
        assert documents._preview_timer.isActive() and not documents._workers
    assert documents._preview_timer.interval() == PREVIEW_PAUSE_MS
    # the pause is over: it opens (three moves and one opening count a generation each)
    qtbot.waitUntil(lambda: documents._preview_generation == opened + 4, timeout=5_000)
    assert documents.selected_record() is not None and not documents._preview_timer.isActive()
    qtbot.waitUntil(lambda: not documents._workers, timeout=20_000)
    assert documents._preview_generation == opened + 4  # opened once, not once a row
    qtbot.keyClick(documents.table, Qt.Key.Key_Down)
    assert not documents._workers
    qtbot.keyClick(documents.table, Qt.Key.Key_Return)  # Enter: at once
    assert documents._workers and not documents._preview_timer.isActive()
    qtbot.waitUntil(lambda: not documents._workers, timeout=20_000)
    qtbot.keyClick(documents.table, Qt.Key.Key_Down)
    demo.lock()
    assert not documents._preview_timer.isActive()  # nothing waits to be opened after the lock


def test_search_results_open_after_a_pause_or_on_enter(qtbot, demo: MainWindow) -> None:
    documents = demo.documents
    demo.go_to(documents)
    qtbot.waitUntil(lambda: demo.session is not None and demo.session.index is not None, timeout=20_000)
    qtbot.keyClicks(documents.search_edit, "report")
    qtbot.waitUntil(lambda: len(documents.results.hits) > 2, timeout=20_000)
    chosen = []
    documents.results.hit_chosen.connect(chosen.append)
    documents.results.setFocus()
    documents.results.setCurrentRow(0)
    qtbot.keyClick(documents.results, Qt.Key.Key_Down)
    assert chosen == []
    qtbot.waitUntil(lambda: len(chosen) == 1, timeout=5_000)
    assert chosen[0] is documents.results.hits[1]
    qtbot.keyClick(documents.results, Qt.Key.Key_Down)
    qtbot.keyClick(documents.results, Qt.Key.Key_Return)
    assert chosen[1:] == [documents.results.hits[2]]
    qtbot.waitUntil(lambda: not documents._workers, timeout=20_000)


# Enter -------------------------------------------------------------------------------------------
def test_enter_on_a_row_opens_its_form(qtbot, demo: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from dialogs import answering

    from ui.forms.entry_form import EntryFormDialog

    shown = answering(monkeypatch, qtbot, EntryFormDialog, lambda dialog: dialog.reject())
    lines = demo.treatment.lines
    demo.go_to(demo.treatment)
    lines.table.setFocus()
    lines.table.selectRow(0)
    qtbot.keyClick(lines.table, Qt.Key.Key_Return)
    assert len(shown) == 1 and shown[0].record_id == lines.selected().id


def test_enter_presses_the_focused_choice_on_the_welcome_screen(qtbot) -> None:
    setup_application()
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    screen.show()
    for button, signal in (
        (screen.create_btn, screen.create_requested),
        (screen.open_btn, screen.open_shared_requested),
        (screen.demo_btn, screen.demo_requested),
    ):
        button.setFocus()
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            with qtbot.waitSignal(signal, timeout=2_000):
                qtbot.keyClick(button, key)


def test_every_dialog_has_a_default_button_for_enter(qtbot, demo: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton

    missing = []
    for name, top in screens(qtbot, demo, tmp_path):
        if isinstance(top, QDialog) and not isinstance(top, QWizard):
            buttons = [b for b in top.findChildren(QPushButton) if _shown(b, top) and b.isEnabled()]
            if buttons and not any(b.isDefault() or b.autoDefault() for b in buttons):
                missing.append(name)
    assert not missing


# accelerators ------------------------------------------------------------------------------------
def _mnemonic(text: str) -> str:
    """The letter Alt presses for *text* ("" if none), in lower case."""
    key = QKeySequence.mnemonic(text)
    return key.toString().rsplit("+", 1)[-1].lower() if not key.isEmpty() else ""


def _labelled(top: QWidget) -> Iterator[tuple[str, QWidget]]:
    """The visible (text, widget) pairs of *top* that may carry an accelerator."""
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top) or widget.window() is not top:
            continue
        if isinstance(widget, QAbstractButton):
            yield widget.text(), widget
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            yield widget.text(), widget
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            yield widget.title(), widget


def _clashes(entries: list[tuple[str, str]]) -> list[str]:
    by_letter: dict[str, list[str]] = {}
    for text, where in entries:
        letter = _mnemonic(text)
        if letter:
            by_letter.setdefault(letter, []).append(f"{text!r} ({where})")
    return [f"Alt+{k.upper()}: " + ", ".join(v) for k, v in by_letter.items() if len(v) > 1]


def _window_clashes(name: str, top: QWidget) -> list[str]:
    entries = [(text, "control") for text, _ in _labelled(top)]
    problems = []
    if isinstance(top, MainWindow):
        menus = [action.menu() for action in top.menuBar().actions() if action.menu() is not None]
        entries += [(menu.title(), "menu") for menu in menus]
        for menu in menus:
            assert isinstance(menu, QMenu)
            items = [
                (a.text(), "menu entry") for a in menu.actions() if a.isVisible() and not a.isSeparator()
            ]
            problems += [f"{name}, menu {menu.title()!r}: {c}" for c in _clashes(items)]
    return problems + [f"{name}: {c}" for c in _clashes(entries)]


def _all_clashes(qtbot, win: MainWindow, tmp_path: Path) -> list[str]:
    problems = _window_clashes("welcome", win)
    vault, _ = create_demo_vault(tmp_path / "demo", work_factor=10)
    win.enter_vault(vault)
    for name, top in screens(qtbot, win, tmp_path):
        problems += _window_clashes(name, top)
    return list(dict.fromkeys(problems))  # the menus once, not once a screen


def test_no_two_controls_of_a_window_share_an_accelerator(qtbot, window: MainWindow, tmp_path: Path) -> None:
    problems = _all_clashes(qtbot, window, tmp_path)
    assert not problems, "\n".join(problems)


def test_no_two_controls_share_an_accelerator_in_spanish(
    qtbot, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    win: MainWindow = request.getfixturevalue("spanish_window")  # made after the Spanish translators
    assert win.menuBar().actions()[0].text() != "&File"
    problems = _all_clashes(qtbot, win, tmp_path)
    assert not problems, "\n".join(problems)


# accessible names and focus ----------------------------------------------------------------------
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
)


def _accessible_name(widget: QWidget) -> str:
    """What a screen reader says for *widget*: its accessible name, else its text or its label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def test_every_control_of_every_screen_has_an_accessible_name(
    qtbot, demo: MainWindow, tmp_path: Path
) -> None:
    nameless = []
    for name, top in screens(qtbot, demo, tmp_path):
        for widget in _controls(top):
            reached = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)  # a stop of Tab
            if (reached or isinstance(widget, INTERACTIVE)) and not _accessible_name(widget):
                nameless.append(f"{name}: {type(widget).__name__} {widget.objectName()!r}")
    assert not nameless, "\n".join(sorted(set(nameless)))


def test_the_front_screens_have_accessible_names_and_descriptions(qtbot, demo: MainWindow) -> None:
    for _, top in front(demo):
        for widget in _controls(top):
            if isinstance(widget, INTERACTIVE):
                assert _accessible_name(widget), type(widget).__name__
    assert demo.welcome.create_btn.accessibleDescription()
    assert demo.sidebar.accessibleName() and demo.sidebar.accessibleDescription()


@pytest.mark.parametrize("kind", ["button", "choice", "table", "sidebar", "line edit"])
def test_the_focused_control_is_outlined(qtbot, demo: MainWindow, kind: str) -> None:
    demo.go_to(demo.documents)
    widget: QWidget = {
        "button": lambda: demo.documents.import_btn,
        "choice": lambda: demo.welcome.create_btn,
        "table": lambda: demo.documents.table,
        "sidebar": lambda: demo.sidebar,
        "line edit": lambda: demo.documents.search_edit,
    }[kind]()
    if kind == "choice":
        demo.stack.setCurrentWidget(demo.welcome)
    demo.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo)
    demo.documents.trash_btn.setFocus()
    qtbot.waitUntil(lambda: demo.documents.trash_btn.hasFocus() or kind == "choice")
    if kind == "choice":
        demo.welcome.open_btn.setFocus()
    before = widget.grab().toImage()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    after = widget.grab().toImage()
    edge = [after.pixelColor(x, 1) for x in range(4, after.width() - 4, 7)]
    assert before != after, "focus changes nothing"
    # the app's blue (#1565c0), or the navy edge of a focused button that Enter presses (#0b2e63)
    assert sum(1 for c in edge if c.blue() > 90 and c.red() < 60) > len(edge) // 2, "no blue outline"
