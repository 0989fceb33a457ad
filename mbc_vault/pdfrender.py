"""HTML to PDF with Qt's text engine (QtGui only: QTextDocument and QPdfWriter).

The one place the core uses Qt. It needs a QGuiApplication; from the command line one is made
with the offscreen platform, so no screen is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

PAGE_SIZES = ("Letter", "A4")


def ensure_gui_application() -> None:
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication.instance() or QGuiApplication(["mbc-vault"])  # type: ignore[truthy-function]
        _keep.append(QGuiApplication.instance())


_keep: list[object] = []


def html_to_pdf(html: str, out: str | os.PathLike[str], *, title: str = "", page_size: str = "Letter",
                base_point_size: float = 11.0) -> int:
    """Typeset *html* into a PDF at *out*; returns the page count."""
    ensure_gui_application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(Path(out)))
    writer.setTitle(title)
    writer.setCreator("MBC Vault")
    writer.setResolution(300)
    size = QPageSize(QPageSize.PageSizeId.A4 if page_size == "A4" else QPageSize.PageSizeId.Letter)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(18, 18, 18, 18),
                                     QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(base_point_size)
    document.setDefaultFont(font)
    document.setHtml(html)
    # Not paginated here: print_() lays the text out on the writer's pages at its resolution,
    # with font sizes kept in points.
    document.print_(writer)
    return document.pageCount()
