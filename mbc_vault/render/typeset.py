"""PDF pages made in memory with Qt's QtGui (QTextDocument, QPdfWriter into a QBuffer): never QtWidgets."""

from __future__ import annotations

import html as html_lib
import math
from typing import TYPE_CHECKING

from .gui import ensure_gui_application
from .paginate import paginate

if TYPE_CHECKING:
    from PySide6.QtGui import QPageLayout, QPdfWriter, QTextDocument

MARGIN_MM = 18.0
#: room kept free at the bottom of generated pages for the footer, in mm
FOOTER_ROOM_MM = 22.0


def _layout(page_size: str, landscape: bool = False, bottom_mm: float = FOOTER_ROOM_MM) -> QPageLayout:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    size = QPageSize(QPageSize.PageSizeId.A4 if page_size == "A4" else QPageSize.PageSizeId.Letter)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(
        size, orientation, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, bottom_mm), QPageLayout.Unit.Millimeter
    )


def layout_height(height: float) -> float:
    """A page's height in the text layout's own steps (1/64 px): the pages the layout makes and the ones
    print_pages cuts out of it then meet at the same line."""
    return math.floor(height * 64) / 64


def print_pages(document: QTextDocument, writer: QPdfWriter) -> None:
    """What QTextDocument.print_ does for a paginated document, page by page, except that a line only
    touching a page's edge (the first line of the next page, the last of the one before) is not drawn on
    it: print_ draws it there, clipped out of sight, and its words would be in that page's text too."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette

    size = document.pageSize()
    layout = document.documentLayout()
    painter = QPainter(writer)
    try:
        painter.scale(writer.width() / size.width(), writer.height() / size.height())
        for index in range(document.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * size.height())
            view = QRectF(0, index * size.height(), size.width(), size.height())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view.adjusted(0, 0.5, 0, -0.5)
            context.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
            layout.draw(painter, context)
            painter.restore()
    finally:
        painter.end()


class _Buffer:
    def __init__(self) -> None:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        self.array = QByteArray()
        self.buffer = QBuffer(self.array)
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)

    def data(self) -> bytes:
        self.buffer.close()
        return bytes(self.array.data())


def html_pdf(
    html: str,
    *,
    title: str = "",
    page_size: str = "Letter",
    base_point_size: float = 10.5,
    images: dict[str, object] | None = None,
) -> tuple[bytes, int]:
    """Typeset *html* into PDF bytes; returns (bytes, pages). *images*: name -> QImage for <img src=name>."""
    ensure_gui_application()
    from PySide6.QtCore import QSizeF, QUrl
    from PySide6.QtGui import QFont, QPageLayout, QPdfWriter, QTextDocument

    out = _Buffer()
    writer = QPdfWriter(out.buffer)
    writer.setTitle(title)
    writer.setCreator("MBC Vault")
    writer.setResolution(300)
    writer.setPageLayout(_layout(page_size))
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(base_point_size)
    document.setDefaultFont(font)
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # the margin and page size before the text: the text is laid out once (each of them set after
    # setHtml laid the whole document out again: 40 % of the typesetting of a packet's contents)
    paint_device = document.documentLayout().paintDevice()
    layout_dpi = paint_device.logicalDpiX() if paint_device else 96
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(area.width() * layout_dpi, layout_height(area.height() * layout_dpi)))
    document.setHtml(html)
    paginate(document)
    print_pages(document, writer)
    pages = document.pageCount()
    del writer
    return out.data(), pages


def text_pdf(text: str, *, title: str, page_size: str = "Letter") -> tuple[bytes, int]:
    """A text note typeset: its title, then its paragraphs with line breaks kept."""
    body = "".join(
        f"<p>{html_lib.escape(block).replace(chr(10), '<br>')}</p>"
        for block in text.replace("\r\n", "\n").split("\n\n")
        if block.strip()
    )
    return html_pdf(
        f"<h2>{html_lib.escape(title)}</h2>{body or '<p><i>(empty note)</i></p>'}",
        title=title,
        page_size=page_size,
        base_point_size=11,
    )


def text_strip(text: str, point_size: float, gray: float = 0.25) -> tuple[bytes, float, float, float]:
    """One line of *text* on a page just big enough for it, in DejaVu Sans (Qt falls back to other system
    fonts for scripts DejaVu lacks, shapes Arabic, and embeds a subset with a ToUnicode map).
    Returns (PDF bytes, width, height, baseline above the bottom edge), sizes in points."""
    ensure_gui_application()
    from PySide6.QtCore import QMarginsF, QPointF, QSizeF
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

    resolution = 1200
    font = QFont("DejaVu Sans")
    font.setPointSizeF(point_size)
    out = _Buffer()
    writer = QPdfWriter(out.buffer)
    writer.setCreator("MBC Vault")
    writer.setResolution(resolution)
    metrics = QFontMetricsF(font, writer)
    points = 72.0 / resolution
    width = metrics.horizontalAdvance(text) * points + 1.0
    ascent, descent = metrics.ascent() * points, metrics.descent() * points
    height = ascent + descent + 1.0
    writer.setPageLayout(
        QPageLayout(
            QPageSize(
                QSizeF(width, height), QPageSize.Unit.Point, "footer", QPageSize.SizeMatchPolicy.ExactMatch
            ),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Point,
        )
    )
    painter = QPainter(writer)
    try:
        painter.setFont(font)
        painter.setPen(QColor.fromRgbF(gray, gray, gray))
        painter.drawText(QPointF(0.5 / points, (0.5 + ascent) / points), text)
    finally:
        painter.end()
    del writer
    return out.data(), width, height, 0.5 + descent
