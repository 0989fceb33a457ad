"""A scrollable column of page images drawn by the preview's PDF worker (mbc_vault.preview).

Nothing of the document is parsed or decoded in the app: the worker sends each page as an image, drawn
at the column's width times the zoom, when the page scrolls into view (one page at a time, on the
thread pool; the pages far from the view are let go). The column paints those images itself, and a
grey box for a page not drawn yet, so a document of 20,000 pages costs 20,000 rectangles, not widgets.
"""

from __future__ import annotations

import bisect
import math
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from mbc_vault.errors import Cancelled
from mbc_vault.pdf.client import PdfError
from mbc_vault.preview import PageImage, PageSizes, PreviewDocument, Previewer

from .workers import TaskWorker, start

GAP = 8
# page images kept on each side of the ones in view
KEEP = 2
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
# the most pixels a page image is drawn with (32 MB as a pixmap); zoomed in further, it is scaled up
DRAW_PIXELS = 8_000_000
# Qt's scroll range is an int: the column is never taller than this (the zoom gives way first)
MAX_COLUMN = 1 << 30


def _outcome(call: Any) -> tuple[str, Any]:
    """("ok", value), ("error", code) or ("cancelled", None): the view decides on codes, not sentences."""
    try:
        return "ok", call()
    except Cancelled:
        return "cancelled", None
    except PdfError as failure:
        return "error", failure.code


class PageView(QAbstractScrollArea):
    """The pages of one document; `load` it, `clear` it. Emits `opened(count)` once the worker read
    the document, `failed(code)` when it could not (mbc_vault.preview.TOO_COMPLEX codes: its cost),
    and `page_changed(page, count)` as it scrolls."""

    opened = Signal(int)
    failed = Signal(str)
    page_changed = Signal(int, int)

    def __init__(self, previewer: Previewer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previewer = previewer
        self._document: PreviewDocument | None = None
        self._sizes: list[tuple[float, float]] = []
        self._tops: list[int] = []  # each page's top in the column, at the current width
        self._heights: list[int] = []
        self._width = 0  # the pages' width on screen
        self._images: dict[int, QPixmap] = {}  # page number → its image, drawn at some width
        self._asked: dict[int, int] = {}  # page number → the width its image was asked for
        self._zoom, self._jump_to = 1.0, 0
        self._generation = 0
        self._task: TaskWorker | None = None
        # the workers started, each with whether it has reported; those that have are let go at the
        # next start (no timer: clearing leaves nothing pending behind it)
        self._workers: dict[TaskWorker, list[bool]] = {}
        self._last_page = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # always there: a scroll bar that came and went would change the width, hence the pages'
        # height, hence whether it is needed, again and again
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.viewport().update())

    # the document ----------------------------------------------------------------------
    def load(self, document: PreviewDocument, page: int = 0) -> None:
        """Show *document* (the caller owns its bytes and wipes them after `clear`), at *page*."""
        self.clear()
        self._document, self._jump_to = document, page
        self._run(lambda cancel: self.previewer.open(document, cancel), self._opened)

    def clear(self) -> None:
        """Stop drawing (the call in progress is ended) and let go of every page image."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel.set()
            self._task = None
        self._document, self._sizes, self._images, self._asked = None, [], {}, {}
        self._zoom, self._jump_to, self._last_page = 1.0, 0, 0
        self._layout()

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """The page at the middle of the view (1-based; 0 with no document)."""
        if not self._tops:
            return 0
        middle = self.verticalScrollBar().value() + self.viewport().height() // 2
        return max(1, bisect.bisect_right(self._tops, middle))

    def go_to(self, page: int) -> None:
        if self._tops and 1 <= page <= len(self._tops):
            self.verticalScrollBar().setValue(self._tops[page - 1] - GAP)

    # zoom --------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """The pages' width as a share of the view's width (1.0: fit the width)."""
        return self._zoom

    def zoom_by(self, factor: float) -> None:
        self._set_zoom(self._zoom * factor)

    def fit_width(self) -> None:
        self._set_zoom(1.0)

    def _set_zoom(self, zoom: float) -> None:
        page = self.current_page()
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._layout()
        self.go_to(page)

    # layout and painting ---------------------------------------------------------------------
    def _layout(self) -> None:
        width = max(40, int((self.viewport().width() - 2 * GAP) * self._zoom))
        total = sum(h / w for w, h in self._sizes) if self._sizes else 0.0
        if total * width > MAX_COLUMN:
            width = max(1, int(MAX_COLUMN / total))
        self._width = width
        self._heights = [max(1, round(width * h / w)) for w, h in self._sizes]
        self._tops, top = [], GAP
        for height in self._heights:
            self._tops.append(top)
            top += height + GAP
        view = self.viewport()
        self.verticalScrollBar().setRange(0, max(0, top - view.height()))
        self.verticalScrollBar().setPageStep(view.height())
        self.verticalScrollBar().setSingleStep(40)
        self.horizontalScrollBar().setRange(0, max(0, width + 2 * GAP - view.width()))
        self.horizontalScrollBar().setPageStep(view.width())
        view.update()
        self._want()

    def _visible(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if self._tops[first] + self._heights[first] <= top:  # only the gap below it is in view
            first += 1
        last = bisect.bisect_right(self._tops, top + self.viewport().height())
        return range(first, max(first + 1, last))

    def _page_rect(self, index: int) -> QRect:
        left = GAP - self.horizontalScrollBar().value()
        if self._width + 2 * GAP < self.viewport().width():
            left = (self.viewport().width() - self._width) // 2
        top = self._tops[index] - self.verticalScrollBar().value()
        return QRect(left, top, self._width, self._heights[index])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Mid))  # pages stand out
        for index in self._visible():
            rect = self._page_rect(index)
            image = self._images.get(index + 1)
            if image is None:  # not drawn yet: a grey page with its number
                painter.fillRect(rect, QColor(235, 235, 235))
                painter.setPen(QColor(90, 90, 90))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Page {0}").format(index + 1))
            else:
                painter.drawPixmap(rect, image)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        page = self.current_page()
        self._layout()
        if page > 1:
            self.go_to(page)

    def sizeHint(self) -> QSize:
        return QSize(320, 400)

    def _scrolled(self) -> None:
        self.viewport().update()
        page = self.current_page()
        if page != self._last_page:
            self._last_page = page
            self.page_changed.emit(page, self.page_count)
        self._want()

    # drawing pages in the worker -------------------------------------------------------------------
    def _pixel_width(self, index: int = 0) -> int:
        """How many pixels wide page *index* is drawn: as wide as it is shown, up to DRAW_PIXELS."""
        width, height = self._sizes[index] if self._sizes else (1.0, 1.0)
        fit = math.sqrt(DRAW_PIXELS * width / height) if width > 0 and height > 0 else 1.0
        return max(1, min(round(self._width * self.devicePixelRatioF()), int(fit)))

    def _want(self) -> None:
        """Ask the worker for the first page in view (or the next one) not drawn at this width."""
        if self._task is not None or self._document is None or not self._sizes:
            return
        visible = self._visible()
        around = range(max(0, visible.start - KEEP), min(len(self._sizes), visible.stop + KEEP))
        for number in [n for n in list(self._images) if n - 1 not in around]:
            del self._images[number], self._asked[number]
        wanted = [*visible, visible.stop] if visible.stop < len(self._sizes) else list(visible)
        for index in wanted:
            pixels = self._pixel_width(index)
            if self._asked.get(index + 1) != pixels:  # not drawn yet, or at another width
                self._run(
                    lambda cancel, d=self._document, n=index + 1, w=pixels: self.previewer.page(
                        d, n, w, cancel
                    ),
                    self._drawn,
                )
                return

    def _run(self, call: Any, done: Any) -> None:
        generation = self._generation

        def outcome(cancel: Any) -> tuple[str, Any]:
            return _outcome(lambda: call(cancel))

        self._workers = {w: told for w, told in self._workers.items() if not told[0]}
        worker, told = TaskWorker(outcome), [False]
        self._task, self._workers[worker] = worker, told

        def finished(result: tuple[str, Any]) -> None:
            told[0] = True
            if generation != self._generation:
                return  # a document since replaced, or cleared
            self._task = None
            kind, value = result  # "cancelled": stopped by Previewer.stop(), nothing to show
            if kind == "ok":
                done(value)
            elif kind == "error":
                self.clear()
                self.failed.emit(value)

        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(lambda _: finished(("error", "pdf-job-failed")))
        start(worker)

    def _opened(self, sizes: PageSizes) -> None:
        self._sizes = sizes.sizes
        self._layout()
        self.opened.emit(sizes.count)
        if self._jump_to > 1:
            self.go_to(self._jump_to)
        self._last_page = self.current_page()
        self.page_changed.emit(self._last_page, self.page_count)

    def _drawn(self, page: PageImage) -> None:
        image = QImage(page.pixels, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888)
        pixmap = QPixmap.fromImage(image)  # a copy: the bytes from the worker are let go
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self._images[page.number], self._asked[page.number] = pixmap, page.asked
        self.viewport().update()
        self._want()
