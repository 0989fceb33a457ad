"""QR codes drawn as images (the emergency kit's recovery secret)."""

from __future__ import annotations

from typing import Any

QR_BORDER = 4  # quiet zone, in modules (the QR standard asks for 4)
QR_MODULE_PX = 8


def qr_image(text: str) -> Any:
    """The QR code of *text* as a QImage with its quiet zone, QR_MODULE_PX pixels per module.

    The PDF writer stores images as JPEG; with modules of 8 x 8 pixels on the 8 x 8 grid of JPEG's
    blocks every block is one flat colour, which JPEG keeps exactly, so the code prints sharp."""
    import segno
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter

    qr = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in qr.matrix]
    size = (len(rows) + 2 * QR_BORDER) * QR_MODULE_PX
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        for y, row in enumerate(rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        QRect(
                            (x + QR_BORDER) * QR_MODULE_PX,
                            (y + QR_BORDER) * QR_MODULE_PX,
                            QR_MODULE_PX,
                            QR_MODULE_PX,
                        ),
                        QColor("black"),
                    )
    finally:
        painter.end()
    return image
