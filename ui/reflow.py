"""Layouts that reflow when the window is narrow or the text is large (200 %), so nothing is cut off.

- `FlowLayout`: a row of buttons and fields that wraps onto more lines instead of widening the window.
- `ReflowSplitter`: two panes side by side when there is room, one under the other when there is not.
- `SectionList`: the sidebar; as wide as its longest name when there is room, narrower with names on
  two lines when there is not.
- `fit_to_screen`: a window opens at most as large as the screen's free area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)


class FlowLayout(QLayout):
    """Items left to right, wrapping onto a new line when the next does not fit. On each line the
    items that may grow (horizontal policy Expanding) share what is left of the width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        visible = self._visible()
        gap = self._gap()
        width = sum(i.sizeHint().width() for i in visible) + gap * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        style = parent.style()
        gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)
        return gap if gap >= 0 else 6

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        gap = self._gap()
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            need = item.sizeHint().width()
            if lines[-1] and used + gap + need > width:
                lines.append([])
                used = 0
            used += need + (gap if lines[-1] else 0)
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        y = area.y()
        for line in self._lines(area.width()):
            widths = [min(item.sizeHint().width(), area.width()) for item in line]
            growing = [
                i for i, item in enumerate(line) if item.expandingDirections() & Qt.Orientation.Horizontal
            ]
            spare = area.width() - sum(widths) - gap * (len(line) - 1)
            for number, i in enumerate(growing):
                widths[i] += spare // len(growing) + (1 if number < spare % len(growing) else 0)
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for item, item_width in zip(line, widths, strict=True):
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), QSize(item_width, height)))
                x += item_width + gap
            y += height + gap
        return y - gap - rect.y() + margins.bottom()


class ReflowSplitter(QSplitter):
    """Two panes side by side when the splitter is at least *side_by_side* average characters wide
    (and both panes fit), otherwise one above the other. `share()` is the second pane's part of the
    room (0 to 1), kept when the orientation changes."""

    def __init__(self, side_by_side: int, share: float = 0.5, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.side_by_side = side_by_side
        self._share = share
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(lambda *_: self._remember_share())

    def share(self) -> float:
        """The second pane's part of the room, as the person left it."""
        return self._share

    def set_share(self, share: float) -> None:
        self._share = max(0.15, min(0.85, share))
        self._apply_share()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """As narrow as its widest pane: when the panes do not fit side by side they stack."""
        panes = [self.widget(i) for i in range(self.count())]
        hints = [pane.minimumSizeHint().expandedTo(pane.minimumSize()) for pane in panes if pane]
        width = max((h.width() for h in hints), default=0)
        if self.orientation() == Qt.Orientation.Vertical:
            height = sum(h.height() for h in hints) + self.handleWidth() * max(0, len(hints) - 1)
        else:
            height = max((h.height() for h in hints), default=0)
        return QSize(width, height)

    def wide_enough(self, width: int) -> bool:
        """Whether *width* pixels hold the panes side by side."""
        panes = [self.widget(i) for i in range(self.count())]
        needed = sum(p.minimumSizeHint().width() for p in panes if p) + self.handleWidth()
        return width >= max(needed, self.fontMetrics().averageCharWidth() * self.side_by_side)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        wanted = (
            Qt.Orientation.Horizontal if self.wide_enough(event.size().width()) else Qt.Orientation.Vertical
        )
        super().resizeEvent(event)
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()
        self._apply_share()

    def _room(self) -> int:
        size = self.width() if self.orientation() == Qt.Orientation.Horizontal else self.height()
        return max(0, size - self.handleWidth())

    def _apply_share(self) -> None:
        room = self._room()
        if self.count() == 2 and room > 0:
            second = int(room * self._share)
            self.setSizes([room - second, second])

    def _remember_share(self) -> None:
        sizes = self.sizes()
        if len(sizes) == 2 and sum(sizes) > 0:
            self._share = max(0.15, min(0.85, sizes[1] / sum(sizes)))


class SectionList(QListWidget):
    """The sidebar: as wide as its longest name when the window has room; when it does not, as narrow
    as its longest word, with names wrapped onto two lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._full = 180
        self._compact = 120

    def fit_names(self) -> None:
        """Widths from the names at the current text size (call after the names or the font change)."""
        metrics = QFontMetrics(self.font())
        names = [self.item(row).text() for row in range(self.count())]
        widest = max((metrics.horizontalAdvance(n) for n in names), default=100)
        words = max((metrics.horizontalAdvance(w) for n in names for w in n.split()), default=60)
        pad = 40
        self._full = max(180, widest + pad)
        self._compact = min(self._full, max(words, widest // 2 + metrics.averageCharWidth() * 2) + pad)
        self._fit_rows(self.width())

    def fit_into(self, room: int) -> None:
        """Take *room* pixels, but no fewer than the compact width and no more than the full one."""
        self.setFixedWidth(max(self._compact, min(self._full, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_rows(event.size().width())

    def _fit_rows(self, width: int) -> None:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        room = max(40, width - 30)
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.count()):
            item = self.item(row)
            lines = max(
                1, round(metrics.boundingRect(QRect(0, 0, room, 10_000), flags, item.text()).height() / line)
            )
            item.setSizeHint(QSize(0, int(line * (1.4 + lines))))


class CurrentPageStack(QStackedWidget):
    """A stack as large as the page it shows (not its largest page), so a small page does not scroll
    because another page is big."""

    def __init__(self, parent: QWidget | None = None, *, preferred_height: bool = False) -> None:
        """*preferred_height*: in a scroll area, a page gets its preferred height at the width (for
        calm screens of few widgets); otherwise its smallest (sections with tables and previews)."""
        super().__init__(parent)
        self.preferred_height = preferred_height
        self.currentChanged.connect(lambda _: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """The page's smallest height at *width* (its wrapped rows), not its preferred one: a scroll
        area around the stack then scrolls only when the page cannot be shown whole."""
        page = self.currentWidget()
        while isinstance(page, QStackedWidget) and page.currentWidget() is not None:
            page = page.currentWidget()  # a "not shared with you" gate around a section
        layout = page.layout() if page is not None else None
        if page is None or layout is None or not layout.hasHeightForWidth():
            return -1
        if self.preferred_height:
            return layout.totalHeightForWidth(width)
        return max(page.minimumSizeHint().height(), layout.minimumHeightForWidth(width))


def fit_header_titles(header: QHeaderView) -> None:
    """Widen each column the person sizes (Interactive) to its title at the current text size and
    language; stretching columns take the rest and elide, with the title as tooltip."""
    model = header.model()
    horizontal = Qt.Orientation.Horizontal
    for section in range(header.count()):
        title = model.headerData(section, horizontal) if model is not None else None
        if title and not model.headerData(section, horizontal, Qt.ItemDataRole.ToolTipRole):
            model.setHeaderData(section, horizontal, title, Qt.ItemDataRole.ToolTipRole)
        if header.sectionResizeMode(section) == QHeaderView.ResizeMode.Interactive:
            need = header.sectionSizeFromContents(section).width()
            if header.sectionSize(section) < need:
                header.resizeSection(section, need)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)


def fit_all_headers(window: QWidget) -> None:
    """`fit_header_titles` for every table's column header in *window*."""
    for header in window.findChildren(QHeaderView):
        if header.orientation() == Qt.Orientation.Horizontal:
            fit_header_titles(header)


class _WholeWrappedText(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        relayout = event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest)
        if relayout and isinstance(watched, QWidget):
            layout = watched.layout()
            if layout is not None and layout.hasHeightForWidth():
                need = layout.totalHeightForWidth(watched.width())
                if watched.minimumHeight() != need:
                    watched.setMinimumHeight(need)
        return False


def keep_wrapped_text_whole(window: QWidget) -> None:
    """Qt sizes a window's minimum height without its wrapped labels' height at the actual width, so
    a long hint squeezes the fields above it into each other: keep the minimum height at what the
    layout needs for the window's width."""
    window.installEventFilter(_WholeWrappedText(window))


def scroll_body(page: QWidget) -> QVBoxLayout:
    """Give *page* a scrolling body and return the body's layout: what is added to it scrolls when
    large text makes the page taller than the window (widgets made with *page* as parent are moved
    into the body when they are added)."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroller = QScrollArea(page)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop that shows nothing; it follows the focus
    body = QWidget(scroller)
    body.setObjectName("scrollBody")
    scroller.setWidget(body)
    scroller.viewport().setAutoFillBackground(False)
    body.setAutoFillBackground(False)
    outer.addWidget(scroller)
    return QVBoxLayout(body)


class _AllRows(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(watched, QListWidget) and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            fit_list_height(watched)
        return False


def fit_list_height(view: QListWidget) -> None:
    """Make *view* tall enough for all its rows (at its current width), so the page scrolls instead."""
    rows = sum(view.sizeHintForRow(row) + 2 * view.spacing() for row in range(view.count()))
    view.setMinimumHeight(rows + 2 * view.frameWidth() + 4)


def show_all_rows(view: QListWidget) -> None:
    """Keep *view* as tall as its rows whenever its width or text size changes (call
    `fit_list_height` after filling it)."""
    view.installEventFilter(_AllRows(view))
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def combo_width(combo: QComboBox) -> int:
    """The width at which *combo* shows its widest choice whole, with the style's paddings at the
    current text size (computed, not its cached size hint: call it after a re-polish too)."""
    metrics = combo.fontMetrics()
    widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    size = combo.style().sizeFromContents(
        QStyle.ContentsType.CT_ComboBox, option, QSize(widest, metrics.height()), combo
    )
    return size.width() + metrics.averageCharWidth()  # the edit field is a little narrower than the box


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize *window* to *width*×*height*, or less where its screen's free area is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width, height = min(width, free.width()), min(height, free.height())
    window.resize(width, height)
