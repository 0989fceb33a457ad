"""Checking the PDFs the app writes, with pypdfium2 (no poppler): their text, page count and pages as
PNG images (a small PNG writer: no Pillow needed)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium

from mbc_vault.pdf.reading import clean_page_text


def page_texts(path: Path) -> list[str]:
    """Each page's text as the app reads it (reading order, "\\n" line breaks)."""
    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            texts.append(clean_page_text(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def pdf_text(path: Path) -> str:
    """The whole text, pages separated by a form feed (as pdftotext wrote it)."""
    return "\f".join(page_texts(path))


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def _png(width: int, height: int, rows: bytes) -> bytes:
    """An 8-bit grayscale PNG of *rows* (width bytes each)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + rows[y * width : (y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + body


def render_png(path: Path, out: Path, page: int = 1, dpi: int = 100) -> Path:
    """Page *page* (1-based) of *path* as a grayscale PNG at *dpi*, written to *out*."""
    pdf = pdfium.PdfDocument(path)
    try:
        bitmap = pdf[page - 1].render(scale=dpi / 72, grayscale=True)
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        pixels = bytes(bitmap.buffer)
        rows = b"".join(pixels[y * stride : y * stride + width] for y in range(height))
        out.write_bytes(_png(width, height, rows))
        return out
    finally:
        pdf.close()
