"""Images for the app's preview, decoded in the PDF worker with Qt's image readers (QtGui only).

Each frame of the image (a multi-page TIFF has several) is a page. Sizes come from the file's header
before anything is decoded; an image larger than MAX_IMAGE_PIXELS is refused (preview-too-large), and
Qt's own allocation limit stops a decoder that would need more. A frame is decoded at the width it is
shown (readers that can, such as JPEG, decode smaller directly).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageReader

from ..pdf.protocol import JobError

#: the most pixels a frame may have to be decoded for the preview (a 10,000 × 10,000 pixel scan)
MAX_IMAGE_PIXELS = 100_000_000
#: frames of a multi-page image shown at most
MAX_FRAMES = 500
#: Qt's limit on one decoded image, in MiB (a frame of MAX_IMAGE_PIXELS as 32-bit pixels fits)
ALLOCATION_LIMIT_MB = 400


class ImagePages:
    """An image file held in memory; `draw` decodes one frame at a given width."""

    def __init__(self, data: bytes) -> None:
        QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
        self._bytes = QByteArray(data)
        self._sizes: list[tuple[float, float]] = []
        reader, buffer = self._reader()
        try:
            if not reader.canRead():
                raise JobError("preview-unreadable")
            count = max(1, min(reader.imageCount(), MAX_FRAMES))
            for index in range(count):
                if index and not reader.jumpToImage(index):
                    break
                size = reader.size()
                if not size.isValid() or size.width() < 1 or size.height() < 1:
                    raise JobError("preview-unreadable")
                if size.width() * size.height() > MAX_IMAGE_PIXELS:
                    raise JobError("preview-too-large")
                self._sizes.append((float(size.width()), float(size.height())))
        finally:
            buffer.close()

    def _reader(self) -> tuple[QImageReader, QBuffer]:
        buffer = QBuffer(self._bytes)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(False)  # as the packet places it: sizes are the file's own
        return reader, buffer

    def sizes(self) -> list[tuple[float, float]]:
        return list(self._sizes)

    def draw(self, index: int, width: int) -> tuple[int, int, bytes]:
        from ..pdf.pages import image_height

        if not 0 <= index < len(self._sizes):
            raise JobError("preview-unreadable")
        height = image_height(self._sizes[index], width)
        reader, buffer = self._reader()
        try:
            if index and not reader.jumpToImage(index):
                raise JobError("preview-unreadable")
            reader.setScaledSize(QSize(width, height))
            image = reader.read()
        finally:
            buffer.close()
        if image.isNull():
            raise JobError("preview-unreadable")
        image = image.convertToFormat(QImage.Format.Format_RGB888)
        row = image.width() * 3
        stride = image.bytesPerLine()
        raw = memoryview(image.constBits()).cast("B")
        if stride == row:
            pixels = bytes(raw[: row * image.height()])
        else:
            pixels = b"".join(raw[y * stride : y * stride + row] for y in range(image.height()))
        return image.width(), image.height(), pixels

    def close(self) -> None:
        self._bytes.fill(0)  # in place: nothing else shares it
        self._bytes = QByteArray()
