"""The base of the vault screen's sections, in the spirit of Vorta's BaseTab.

A section builds its page once with `page()` (scroll area, heading, note), names the kinds of entries
it shows in `KINDS`, and fills itself in `refresh()`. `set_session()` connects the session's
`entries_changed` and `entries_reloaded` (filtered by those kinds) and every signal given to
`listen()`; each set_session, and so locking (session None), drops them all again.

Many entries changed at once (`entries_reloaded`: a portal import, a sync) reload a shown section
once, and a hidden one when it is next shown (or asked for a row): an import of thousands of entries
does not reload every section while the person waits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from mbc_vault.care.store import CarePlan

from ..session import VaultSession
from ..widgets import heading, note
from .entry_list import EntryListBox

#: KINDS of a section that follows every kind of entry (the overview)
ALL_KINDS = ("*",)


class SectionPage(QWidget):
    """A section of the vault screen: its page, the session and the kinds of entries it shows."""

    status_message = Signal(str)
    #: the kinds of entries whose changes refresh this section
    KINDS: tuple[str, ...] = ()

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._connections: list[QMetaObject.Connection] = []
        #: kinds of KINDS that changed while the section was hidden (reloaded when it is shown)
        self._stale: set[str] = set()

    def page(
        self, title: str, text: str = "", margins: tuple[int, int, int, int] = (24, 16, 24, 16)
    ) -> QVBoxLayout:
        """Build the scrolling page with its heading and note (if *text*); returns the body's layout.

        `self.body` is the page's widget, `self.outer` the section's own layout (for a bar below)."""
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing; it follows the focus
        scroll.setWidgetResizable(True)
        self.body = QWidget(scroll)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(*margins)
        self.heading = heading(title, self.body)
        layout.addWidget(self.heading)
        self.note: QLabel | None = None
        if text:
            self.note = note(text, self.body)
            layout.addWidget(self.note)
        scroll.setWidget(self.body)
        self.outer.addWidget(scroll, 1)
        return layout

    # session ------------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        """Drop the connections to the session before; connect to *session*; refresh."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections.clear()
        self._stale.clear()
        self.session = session
        for box in self.findChildren(EntryListBox):
            box.session = session
        if session is not None and self.KINDS:
            self.listen(session.entries_changed, self._entries_changed)
            self.listen(session.entries_reloaded, self._entries_reloaded)
        self.refresh()

    def listen(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect *signal* (of the session) to *slot* until the next set_session."""
        self._connections.append(signal.connect(slot))

    def _entries_changed(self, kind: str) -> None:
        if self.KINDS is ALL_KINDS or kind in self.KINDS:
            self.entries_changed(kind)

    def _entries_reloaded(self, kinds: list[str]) -> None:
        self._stale.update(k for k in kinds if self.KINDS is ALL_KINDS or k in self.KINDS)
        if self.isVisibleTo(self.window()):  # the section chosen (in a window on screen or not)
            self.reload_stale()

    def reload_stale(self) -> None:
        """Reload for the kinds that changed at once since the last reload: one kind as
        entries_changed does, several with one refresh."""
        kinds, self._stale = self._stale, set()
        if len(kinds) == 1:
            self.entries_changed(next(iter(kinds)))
        elif kinds:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.reload_stale()
        super().showEvent(event)

    def entries_changed(self, kind: str) -> None:
        """Entries of one of KINDS were saved or trashed: refresh (a section may do less)."""
        self.refresh()

    def refresh(self) -> None:
        """Show the session's entries (nothing when locked)."""

    def show_entry(self, kind: str, entry_id: str, item: int | None = None) -> bool:
        """Choose the entry a search hit found and put the keyboard on its row (*item*: a question of a
        question list); False when this section has no row for it (the section is shown anyway)."""
        for box in self.findChildren(EntryListBox):
            if box.kind == kind and box.select(entry_id):
                return True
        return False


def care_of(session: VaultSession) -> CarePlan | None:
    """The care plan of *session* (the store of the care sections' entry lists)."""
    return session.care
