"""Keyboard use without traps, for someone who cannot always use a mouse.

- Tab leaves a table or list (the arrow keys move inside it): `tab_leaves`.
- Moving through rows by keyboard opens (decrypts, previews) nothing until the person pauses or presses
  Enter: `PauseTimer`, a single-shot timer restarted on each move.
- Enter presses a focused button outside a dialog too (the welcome screen's choices): `enter_presses`.
- Tab into a table whose rows open documents chooses no row by itself: `focus_chooses_nothing`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QPushButton

#: how long the keyboard must rest on a row before it is opened (milliseconds)
PREVIEW_PAUSE_MS = 400


def tab_leaves(*views: QAbstractItemView) -> None:
    """Tab and Shift+Tab move the focus out of *views* instead of from cell to cell."""
    for view in views:
        view.setTabKeyNavigation(False)


def enter_presses(*buttons: QPushButton) -> None:
    """Enter (and Return) press each of *buttons* when it has the focus, as Space does; outside a
    dialog a QPushButton ignores Enter unless it is an auto-default button."""
    for button in buttons:
        button.setAutoDefault(True)


class _NoCurrentOnFocus(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QAbstractItemView)
            and isinstance(event, QFocusEvent)
            and not watched.currentIndex().isValid()
            and watched.selectionModel() is not None
        ):
            selection = watched.selectionModel()
            selection.blockSignals(True)  # Qt's focus-in makes the first row current: not a choice
            try:
                watched.focusInEvent(event)
                selection.clearCurrentIndex()
            finally:
                selection.blockSignals(False)
            return True
        return False


def focus_chooses_nothing(*views: QAbstractItemView) -> None:
    """Giving *views* the focus (by Tab) leaves them with no current row, where Qt would make the first
    row current; the first arrow key then chooses the first row."""
    for view in views:
        view.installEventFilter(_NoCurrentOnFocus(view))


class PauseTimer(QTimer):
    """Runs *slot* once the keyboard has rested for PREVIEW_PAUSE_MS: `restart()` on each move,
    `now()` on Enter or a click, `stop()` on lock and close."""

    def __init__(self, slot: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSingleShot(True)
        self.setInterval(PREVIEW_PAUSE_MS)
        self._slot = slot
        self.timeout.connect(slot)

    def restart(self) -> None:
        """Wait for a pause from now on (a move before it runs starts the wait again)."""
        self.start()

    def now(self) -> None:
        """Run at once (Enter, a click, or a choice made elsewhere)."""
        self.stop()
        self._slot()
