"""A fictional photo made on the spot (the self-check imports it as a person imports a phone picture)."""

from __future__ import annotations

from collections.abc import Sequence


def photo_jpeg(lines: Sequence[str], *, width: int = 900, height: int = 640, quality: int = 80) -> bytes:
    """A JPEG of a sheet of paper on a table with *lines* of text on it, slightly turned, as a photo of
    a paper record looks. Needs Qt's JPEG plugin, as importing, previewing and printing a photo do."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QImageWriter, QPainter

    from .gui import ensure_gui_application

    ensure_gui_application()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a7560"))  # the table
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(QPointF(width / 2, height / 2))
        painter.rotate(-3.5)
        sheet = QRectF(-width * 0.36, -height * 0.42, width * 0.72, height * 0.84)
        painter.fillRect(sheet.translated(6, 8), QColor(40, 30, 20, 90))  # its shadow
        painter.fillRect(sheet, QColor("#f7f4ec"))
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(12, height // 26))
        painter.setFont(font)
        painter.setPen(QColor("#1d1d1d"))
        text = sheet.adjusted(28, 28, -28, -28)
        painter.drawText(text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), "\n".join(lines))
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(quality)
    if not writer.write(image):
        raise OSError(f"JPEG writer: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())
