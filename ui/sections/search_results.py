"""Search results: ranked, with the snippet and the matched words in bold."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from mbc_vault.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit

from ..category_names import category_label
from ..keyboard import PauseTimer


def snippet_html(hit: SearchHit) -> str:
    text = html.escape(hit.snippet).replace("\n", " ")
    return text.replace(HIGHLIGHT_START, "<b style='background:#fff3a0'>").replace(HIGHLIGHT_END, "</b>")


class SearchResultsList(QListWidget):
    """One row per matching record, best first. The chosen row opens at the matching page: after a
    short pause when the arrow keys moved there, at once on Enter or a click."""

    hit_chosen = Signal(object)  # SearchHit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Search results"))
        self.setAlternatingRowColors(True)
        self.setAccessibleDescription(
            self.tr("Arrow keys choose a match; it opens after a short pause, or at once with Enter.")
        )
        self.hits: list[SearchHit] = []
        self._pause = PauseTimer(self._open_current, self)
        self.currentRowChanged.connect(lambda _: self._pause.restart())
        self.itemActivated.connect(lambda _: self._pause.now())
        self.itemClicked.connect(lambda _: self._pause.now())

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.clear()
        self._pause.stop()  # nothing of the old results opens later (they go on lock)
        self.hits = hits
        for hit in hits:
            where = self.tr("page {0}").format(hit.page) if hit.page else self.tr("title, tags or notes")
            label = QLabel(
                f"<b>{html.escape(hit.title)}</b> &nbsp; <span style='color:#4a5560'>"
                f"{html.escape(category_label(hit.category))} · {where}</span><br>{snippet_html(hit)}"
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(6, 4, 6, 4)
            item = QListWidgetItem(self)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}, {where}: {hit.snippet_plain('', '')}"
            )
            item.setSizeHint(label.sizeHint())
            self.setItemWidget(item, label)

    def show_message(self, text: str) -> None:
        """No hits: one line that says why ("Type a word to search", "Nothing found for …"), which
        cannot be chosen."""
        self.set_hits([])
        item = QListWidgetItem(text, self)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text)

    @property
    def message(self) -> str:
        """The line shown instead of hits, or ""."""
        item = self.item(0)
        return item.text() if item is not None and not self.hits else ""

    def _open_current(self) -> None:
        row = self.currentRow()
        if 0 <= row < len(self.hits):
            self.hit_chosen.emit(self.hits[row])
