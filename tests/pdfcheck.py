"""Reading PDFs in tests with the wheels, no outside programs: pypdfium2 (PDFium, an engine independent
of the qpdf that builds packets) for text, pages, bookmarks and pictures; pikepdf for the file's
structure (its objects, encryption, a syntax check)."""

from __future__ import annotations

import ctypes
import unicodedata
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw


def document(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(path), password=password)


def page_count(path: Path, password: str | None = None) -> int:
    pdf = document(path, password)
    try:
        return len(pdf)
    finally:
        pdf.close()


def page_text(path: Path, page: int, password: str | None = None) -> str:
    """The text of *page* (1-based), NFKC (ligatures as letters)."""
    pdf = document(path, password)
    try:
        text = pdf[page - 1].get_textpage().get_text_range()
    finally:
        pdf.close()
    return unicodedata.normalize("NFKC", text)


def all_text(path: Path, password: str | None = None) -> str:
    pdf = document(path, password)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return unicodedata.normalize("NFKC", text)


def bookmarks(path: Path) -> list[tuple[str, int]]:
    """(title, 0-based page) of each top-level bookmark."""
    pdf = document(path)
    try:
        found = []
        for mark in pdf.get_toc():
            dest = mark.get_dest()
            found.append((mark.get_title(), dest.get_index() if dest is not None else -1))
        return found
    finally:
        pdf.close()


def find_on_page(path: Path, page: int, text: str) -> list[tuple[float, float, float, float, float, float]]:
    """Where *text* is on *page* (1-based) as the page is displayed (its rotation applied): for each
    match (x0, y0, x1, y1, width, height) in points, y from the top, and the displayed page's size."""
    pdf = document(path)
    try:
        handle = pdf[page - 1]
        width, height = handle.get_size()  # as displayed
        textpage = handle.get_textpage()
        searcher = textpage.search(text)
        found = []
        while (match := searcher.get_next()) is not None:
            index, count = match
            xs, ys = [], []
            for char in range(index, index + count):
                left, bottom, right, top = textpage.get_charbox(char)
                for x, y in ((left, bottom), (right, top)):
                    dx, dy = ctypes.c_int(), ctypes.c_int()
                    pdfium_raw.FPDF_PageToDevice(
                        handle.raw, 0, 0, int(width * 10), int(height * 10), 0, x, y, dx, dy
                    )
                    xs.append(dx.value / 10)
                    ys.append(dy.value / 10)
            found.append((min(xs), min(ys), max(xs), max(ys), width, height))
        return found
    finally:
        pdf.close()


def render_png(path: Path, page: int, out: Path, scale: float = 50 / 72, password: str | None = None) -> Path:
    """Page *page* (1-based) as a PNG, to look at."""
    pdf = document(path, password)
    try:
        pdf[page - 1].render(scale=scale).to_pil().save(out)
    finally:
        pdf.close()
    return out


def check(path: Path, password: str = "") -> list[str]:
    """What qpdf's check finds wrong with the file (an empty list: nothing)."""
    with pikepdf.open(path, password=password) as pdf:
        return [str(problem) for problem in pdf.check_pdf_syntax()]


def uncompressed(path: Path, password: str = "") -> bytes:
    """Every object of the file written out with its streams decoded (to search for what it holds)."""
    import io
    import warnings

    with pikepdf.open(path, password=password) as pdf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pikepdf's note on form widgets outside a form
        out = io.BytesIO()
        pdf.save(
            out,
            qdf=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            stream_decode_level=pikepdf.StreamDecodeLevel.all,
            encryption=False,
        )
        return out.getvalue()


def fonts(path: Path) -> set[str]:
    """The base font names used by the pages (and by their forms)."""
    names: set[str] = set()
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
                if "/BaseFont" in obj:
                    names.add(str(obj.BaseFont)[1:])
    return names
