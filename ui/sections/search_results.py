"""Search results: ranked, each with its kind and place, its title and the snippet with the matched
words in bold; above them, when nothing matched exactly, "Did you mean …?" to search that instead."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from mbc_vault.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

from ..keyboard import PauseTimer
from ..search_words import where_words

#: the data of the "Did you mean …?" row: the words to search instead
SuggestionRole = Qt.ItemDataRole.UserRole + 1


def snippet_html(hit: SearchHit) -> str:
    text = html.escape(hit.snippet).replace("\n", " ")
    return text.replace(HIGHLIGHT_START, "<b style='background:#fff3a0'>").replace(HIGHLIGHT_END, "</b>")


class SearchResultsList(QListWidget):
    """One row per matching record (or question), best first. The chosen row is shown (a document at
    the matching page) after a short pause when the arrow keys moved there, at once on Enter or a
    click: `hit_chosen`. Enter or a click also emits `hit_opened`, to go to an entry's own section.
    A "Did you mean …?" row, when there is one, comes first: Enter or a click emits
    `suggestion_chosen` with the words to search."""

    hit_chosen = Signal(object)  # SearchHit
    hit_opened = Signal(object)  # SearchHit
    suggestion_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Search results"))
        self.setAlternatingRowColors(True)
        self.setAccessibleDescription(
            self.tr("Arrow keys choose a match; it opens after a short pause, or at once with Enter.")
        )
        # rows wrap to the list's width (200 % text, a narrow pane): nothing scrolls sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hits: list[SearchHit] = []
        self._first_hit_row = 0  # 1 when the "Did you mean …?" row comes first
        self._pause = PauseTimer(self._show_current, self)
        self.currentRowChanged.connect(lambda _: self._pause.restart())
        self.itemActivated.connect(lambda _: self._activated())
        self.itemClicked.connect(lambda _: self._activated())

    def set_hits(self, hits: list[SearchHit], suggestion: str = "", suggestion_text: str = "") -> None:
        """Show *hits*; with *suggestion*, first a row saying *suggestion_text* that searches it."""
        self.clear()
        self._pause.stop()  # nothing of the old results opens later (they go on lock)
        self.hits = hits
        self._first_hit_row = 0
        if suggestion:  # wrapped, underlined like a link: Enter or a click searches it
            item = QListWidgetItem(self)
            item.setData(SuggestionRole, suggestion)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, suggestion_text)
            self.setItemWidget(
                item, self._label(f"<u style='color:#1a5fb4'>{html.escape(suggestion_text)}</u>")
            )
            self._first_hit_row = 1
        for hit in hits:
            where = where_words(hit)
            item = QListWidgetItem(self)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}, {where}: {hit.snippet_plain('', '')}"
            )
            self.setItemWidget(
                item,
                self._label(
                    f"<b>{html.escape(hit.title)}</b><br><i>{html.escape(where)}</i><br>{snippet_html(hit)}"
                ),
            )
        self._fit_rows()

    def _label(self, text: str) -> QLabel:
        """A row's wrapped rich text (the row is sized to it in _fit_rows)."""
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setContentsMargins(6, 4, 6, 4)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # clicks choose the row
        return label

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its wrapped text at the list's width (200 % text, a narrow pane)."""
        width = self.viewport().width() - 4
        for row in range(self.count()):
            item = self.item(row)
            label = self.itemWidget(item)
            if isinstance(label, QLabel):
                item.setSizeHint(QSize(width, label.heightForWidth(width)) if width > 0 else label.sizeHint())

    def show_message(self, text: str) -> None:
        """No hits: one line that says why ("Type a word to search", "Nothing found for …"), which
        cannot be chosen."""
        self.set_hits([])
        item = QListWidgetItem(text, self)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    @property
    def message(self) -> str:
        """The line shown instead of hits (or the "Did you mean …?" line above them), or ""."""
        item = self.item(0)
        if item is None or (self.hits and not self._first_hit_row):
            return ""
        return str(item.data(Qt.ItemDataRole.AccessibleTextRole) or "")

    @property
    def suggestion(self) -> str:
        """The words the "Did you mean …?" row searches, or ""."""
        item = self.item(0) if self._first_hit_row else None
        return str(item.data(SuggestionRole)) if item is not None else ""

    def current_hit(self) -> SearchHit | None:
        """The hit of the current row (None on the suggestion or a message)."""
        index = self.currentRow() - self._first_hit_row
        return self.hits[index] if 0 <= index < len(self.hits) and self.currentRow() >= 0 else None

    def _show_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self.hit_chosen.emit(hit)

    def _activated(self) -> None:
        self._pause.stop()
        if self._first_hit_row and self.currentRow() == 0:
            self.suggestion_chosen.emit(self.suggestion)
            return
        hit = self.current_hit()
        if hit is not None:
            self.hit_chosen.emit(hit)
            self.hit_opened.emit(hit)
