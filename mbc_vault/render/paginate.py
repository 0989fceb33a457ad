"""Pages of typeset text that read well: headings kept with what they head, table rows kept whole,
and paragraphs parted where a page breaks (Qt's rich text has no keep-with-next or keep-together, so
the laid-out pages are measured and the document changed until nothing moves). QtGui only."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QTextBlock,
        QTextDocument,
        QTextFrame,
        QTextTable,
    )


def _table_of(document: QTextDocument, block: QTextBlock) -> QTextTable | None:
    from PySide6.QtGui import QTextTable

    frame = document.frameAt(block.position())
    return frame if isinstance(frame, QTextTable) else None


def _page_height(document: QTextDocument) -> float:
    """The height of *document*'s pages in its layout; 0 when it is not paginated."""
    height = document.pageSize().height()
    return height if 0 < height <= 1e8 else 0.0


def _top(layout: QAbstractTextDocumentLayout, block: QTextBlock, line: int = 0) -> float:
    """Where a line of *block* (its first; -1: its last) is in the paginated document (a line that did
    not fit at the foot of a page is moved down within its block, so the block's own top is not enough)."""
    lines = block.layout()
    count = lines.lineCount()
    return layout.blockBoundingRect(block).top() + (lines.lineAt(line % count).y() if count else 0.0)


def _page(y: float, height: float) -> int:
    """The page (0-based) that a line starting at *y* is on: a line moved to the next page can start a
    hair above its top (positions are in 1/64 px), and no line starts within 1 px of a page's foot."""
    return math.floor((y + 1) / height)


def _at_page_top(y: float, height: float) -> bool:
    return y - _page(y, height) * height <= 1


def _break_before(block: QTextBlock) -> None:
    """A page break before *block*."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def _kept_with(document: QTextDocument, heading: QTextBlock) -> QTextBlock:
    """What a heading must share its page with: the block after it; through a one-line lead-in to a table
    ("Systemic treatment, surgery and radiation, oldest first."), and for a table with a header row, its
    first row under the header."""
    block = heading.next()
    if (
        block.isValid()
        and _table_of(document, block) is None
        and block.layout().lineCount() == 1
        and block.next().isValid()
        and _table_of(document, block.next()) is not None
    ):
        block = block.next()
    table = _table_of(document, block) if block.isValid() else None
    if table is not None and table.rows() > 1:
        block = table.cellAt(1, 0).firstCursorPosition().block()
    return block


def keep_headings_with_next(document: QTextDocument) -> int:
    """Move each heading that would end a page, apart from what it heads, to the next page (a page break
    before it). Qt's rich text honours page-break-before/after but has no keep-with-next, so the laid-out
    pages are measured, top to bottom (each move shifts what follows). Headings inside tables, and one
    already at the top of its page (what follows is taller than a page), stay. Returns how many moved."""
    height = _page_height(document)
    if not height:
        return 0
    layout = document.documentLayout()
    # setHtml lays the first part out and leaves the rest for later: a block format changed in the
    # part not yet laid out loses the blocks after it from the printed pages (seen: a heading gone)
    document.pageCount()  # laid out to the end
    moved, block = 0, document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and _table_of(document, block) is None:
            follower = _kept_with(document, block)
            if follower.isValid():
                top = _top(layout, block)
                if _page(top, height) < _page(_top(layout, follower), height) and not _at_page_top(
                    top, height
                ):
                    _break_before(block)
                    document.pageCount()  # laid out again to the end
                    moved += 1
        block = block.next()
    return moved


#: a body row at most this share of a page high is moved whole to the next page rather than split
KEEP_ROW_SHARE = 0.5


def _tables(frame: QTextFrame) -> Iterator[QTextTable]:
    from PySide6.QtGui import QTextTable

    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _row_lines(
    layout: QAbstractTextDocumentLayout, table: QTextTable, row: int
) -> tuple[float, float] | None:
    """Where the first line of a row's cells starts and where its last line starts; None for a row with
    a cell spanning rows (it is not the row's alone to move)."""
    first, last = math.inf, -math.inf
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.rowSpan() > 1:
            return None
        first = min(first, _top(layout, cell.firstCursorPosition().block()))
        last = max(last, _top(layout, cell.lastCursorPosition().block(), -1))
    return first, last


def _break_before_table(document: QTextDocument, table: QTextTable, height: float) -> bool:
    """A page break before *table*, or before the heading (and one-line lead-in) that heads it."""
    from PySide6.QtGui import QTextFormat

    layout = document.documentLayout()
    before = table.firstCursorPosition().block().previous()
    heading = None
    if before.isValid() and _table_of(document, before) is None:
        if before.blockFormat().headingLevel():
            heading = before
        elif (
            before.layout().lineCount() == 1
            and before.previous().isValid()
            and before.previous().blockFormat().headingLevel()
        ):
            heading = before.previous()
    if heading is not None and _table_of(document, heading) is None:
        if _at_page_top(_top(layout, heading), height):
            return False
        _break_before(heading)
        return True
    if _at_page_top(layout.frameBoundingRect(table).top(), height):
        return False
    table_format = table.format()
    table_format.setPageBreakPolicy(
        table_format.pageBreakPolicy() | QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    )
    table.setFormat(table_format)
    return True


def _pad_row_to_page_foot(table: QTextTable, row: int, extra: float) -> None:
    from PySide6.QtGui import QTextFormat

    base = table.format().cellPadding()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        padding = (
            fmt.bottomPadding() if fmt.hasProperty(QTextFormat.Property.TableCellBottomPadding) else base
        )
        fmt.setBottomPadding(padding + extra)
        cell.setFormat(fmt)


def keep_rows_whole(document: QTextDocument) -> int:
    """Move each table row that a page break would split (its dates on one page, the rest of its text on
    the next, under the repeated header) whole to the next page, as Qt itself does with a row whose first
    line does not fit: the row before it is padded down to the page's foot; for a table's first row, the
    table (with its heading) goes to the next page. Rows over KEEP_ROW_SHARE of a page still split.
    Returns how many rows moved."""
    height = _page_height(document)
    if not height:
        return 0
    layout = document.documentLayout()
    document.pageCount()  # laid out to the end
    moved = 0
    for table in list(_tables(document.rootFrame())):
        header = table.format().headerRowCount()
        for row in range(header, table.rows()):
            lines = _row_lines(layout, table, row)
            if lines is None:
                continue
            first, last = lines
            page = _page(first, height)
            if page == _page(last, height) or last - first > height * KEEP_ROW_SHARE:
                continue
            if row == header:
                done = _break_before_table(document, table, height)
            elif _row_lines(layout, table, row - 1) is None:
                done = False
            else:
                _pad_row_to_page_foot(table, row - 1, (page + 1) * height - first + 1)
                done = True
            if done:
                document.pageCount()  # laid out again to the end
                moved += 1
    return moved


LINE_SEPARATOR = "\u2028"  # what a <br> is in a block's text


def _breaks_within_blocks(document: QTextDocument, height: float) -> list[tuple[QTextBlock, list[int]]]:
    """Each paragraph that goes on over a page break, with where (its text offsets) a page starts."""
    layout = document.documentLayout()
    found, block = [], document.begin()
    while block.isValid():
        lines = block.layout()
        if lines.lineCount() > 1:
            top = layout.blockBoundingRect(block).top()
            pages = [_page(top + lines.lineAt(index).y(), height) for index in range(lines.lineCount())]
            starts = [lines.lineAt(i).textStart() for i in range(1, len(pages)) if pages[i] != pages[i - 1]]
            if starts:
                found.append((block, starts))
        block = block.next()
    return found


def _part(block: QTextBlock, starts: list[int]) -> None:
    """Part *block* at each of *starts*, from the last: no margin or indent where it parts, the first
    part's top margin and the last part's bottom margin as the paragraph had them."""
    from PySide6.QtGui import QTextBlockFormat, QTextCursor

    whole = block.blockFormat()
    text_list = block.textList()
    for number, start in enumerate(reversed(starts)):
        cursor = QTextCursor(block.document())
        cursor.setPosition(block.position() + start)
        if block.text()[start - 1 : start] == LINE_SEPARATOR:
            cursor.deletePreviousChar()  # the <br> that ended the line is now the paragraph's end
        before = block.blockFormat()
        before.setBottomMargin(0)
        cursor.setBlockFormat(before)
        rest = QTextBlockFormat(whole)
        rest.setTopMargin(0)
        rest.setTextIndent(0)
        if number:  # a part in the middle
            rest.setBottomMargin(0)
        cursor.insertBlock(rest, cursor.charFormat())
        if text_list is not None:  # the rest of a list item: no bullet or number of its own
            text_list.remove(cursor.block())
            unlisted = cursor.block().blockFormat()
            unlisted.setIndent(text_list.format().indent())
            cursor.setBlockFormat(unlisted)


def split_blocks_at_page_breaks(document: QTextDocument) -> int:
    """Part each paragraph that goes on over a page break into paragraphs, where the pages break,
    looking the same (no margin or indent between the parts, no second bullet). QTextLayout::draw also
    draws the last line above the area it is asked for (its loop keeps the index of the last line
    *above* the clip as the first to draw): a paragraph over a page break had its line at the foot of
    one page drawn again on the next, out of sight but in the page's text. Parting leaves every line
    where it was, so all of them are found in one layout and parted from the end of the document
    (what is before an edit keeps its place); a second look finds none. Returns how many were parted."""
    from PySide6.QtGui import QTextCursor

    height = _page_height(document)
    if not height:
        return 0
    parted = 0
    for _ in range(3):  # bounded, though one round is all it takes
        document.pageCount()  # laid out to the end
        found = _breaks_within_blocks(document, height)
        if not found:
            break
        edit = QTextCursor(document)
        edit.beginEditBlock()  # one change for the layout, not one a cursor step (2-7 ms each)
        try:
            for block, starts in reversed(found):
                _part(block, starts)
        finally:
            edit.endEditBlock()
        parted += len(found)
    return parted


def paginate(document: QTextDocument) -> None:
    """Headings kept with what they head, and table rows kept whole: each move shifts what follows, so
    both are done again until nothing moves (a few rounds at most; bounded all the same). Then the
    paragraphs that still go on over a page break are parted there (split_blocks_at_page_breaks)."""
    for _ in range(8):
        if not keep_headings_with_next(document) + keep_rows_whole(document):
            break
    split_blocks_at_page_breaks(document)
