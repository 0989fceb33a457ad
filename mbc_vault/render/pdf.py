"""HTML to PDF with Qt's text engine (QtGui only: QTextDocument and QPdfWriter).

It needs a QGuiApplication: `ensure_gui_application` (render/gui.py, used by every module of mbc_vault.render)
makes one with the offscreen platform when there is no screen, e.g. from the command line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .gui import ensure_gui_application

PAGE_SIZES = ("Letter", "A4")


def html_to_pdf(
    html: str,
    out: str | os.PathLike[str],
    *,
    title: str = "",
    page_size: str = "Letter",
    base_point_size: float = 11.0,
    resources: Mapping[str, Any] | None = None,
    overwrite: bool = True,
) -> int:
    """Typeset *html* into a PDF at *out*; returns the page count.

    The PDF is made in memory and written whole through fsutil.atomic_write_private: readable by its
    owner only (0600 from the start), never in place of a device or pipe, and an existing ordinary file
    is replaced only if *overwrite*.

    *resources* maps names used in `<img src="NAME">` to QImages (a 1-bit image stays a lossless bitmap
    in the PDF, where a data URI image would be stored as JPEG)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..fsutil import atomic_write_private, private_target

    ensure_gui_application()
    target = Path(out)
    private_target(target, overwrite)  # say so before typesetting
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    try:
        pages = _write(html, buffer, title, page_size, base_point_size, resources or {})
    finally:
        buffer.close()
    payload = data.data()
    data.clear()
    atomic_write_private(target, lambda handle: handle.write(payload), overwrite)
    return pages


def _write(
    html: str, out: Any, title: str, page_size: str, base_point_size: float, resources: Mapping[str, Any]
) -> int:
    from PySide6.QtCore import QMarginsF, QSizeF, QUrl
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from . import typeset
    from .paginate import paginate

    writer = QPdfWriter(out)  # a QIODevice
    writer.setTitle(title)
    writer.setCreator("MBC Vault")
    writer.setResolution(300)
    size = QPageSize(QPageSize.PageSizeId.A4 if page_size == "A4" else QPageSize.PageSizeId.Letter)
    writer.setPageLayout(
        QPageLayout(
            size, QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter
        )
    )
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(base_point_size)
    document.setDefaultFont(font)
    for name, image in resources.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    # Lay the text out on the page's printable area, in the document's own units (screen pixels at
    # the layout's DPI): typeset.print_pages then scales it to the writer, and adds no margins of its own.
    layout_dpi = (
        document.documentLayout().paintDevice().logicalDpiX()
        if document.documentLayout().paintDevice()
        else 96
    )
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Inch)
    document.setDocumentMargin(0)
    document.setPageSize(QSizeF(area.width() * layout_dpi, typeset.layout_height(area.height() * layout_dpi)))
    paginate(document)
    typeset.print_pages(document, writer)
    pages = document.pageCount()
    del writer  # finishes the PDF
    return pages
