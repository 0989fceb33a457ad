"""Reading PDFs in the worker with pypdfium2 (PDFium): the text of each page, the title and creation
date, and one page rendered in gray for text recognition.

Jobs (jobs.JOBS):
- "read": one PDF as a blob. Each page's text, UTF-8, goes to `request.out` one page after the other;
  the reply gives the page count, each page's size in bytes, the title and the creation date.
  The text is kept as PDFium extracts it, with its line breaks made "\\n" and each non-empty page
  ending in one, as pdftotext wrote it; a line-end hyphen PDFium marks (U+FFFE) joins the word, as
  pdftotext does. A page PDFium reads as letters apart (letters_apart) is read again by where each
  character is drawn (text_by_position).
- "render": one page of a PDF as a binary PGM (grayscale), which tesseract reads from its stdin.
- "read-load": nothing read; loads what "read" needs, for a worker started early (extract.Reader.start).

Expected failures are JobErrors: pdf-password-protected, pdf-damaged, pdf-no-pages,
pdf-text-too-large. A page that cannot be loaded reads as "" (as pdftotext gave an empty page).
"""

from __future__ import annotations

import ctypes
import io
import math
import re
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from .protocol import JobError, Request

#: the largest page image "render" makes (a huge page is rendered smaller, never refused)
MAX_RENDER_PIXELS = 60_000_000
MAX_RENDER_SIDE = 30_000  # tesseract (leptonica) refuses wider or taller images
#: a damaged file whose page tree cannot be read may still declare its page count (linearized files)
MAX_DECLARED_PAGES = 10_000
CHUNK = 1 << 20

_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
_LINEARIZED = re.compile(rb"<<\s*/Linearized\b(.{0,400}?)>>", re.DOTALL)
_LINEARIZED_PAGES = re.compile(rb"/N\s+(\d{1,9})\b")
_PDF_DATE = re.compile(r"^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _PASSWORD_ERRORS:
            raise JobError("pdf-password-protected") from None
        raise JobError("pdf-damaged", detail=str(exc)[:200]) from None


def declared_page_count(data: bytes) -> int | None:
    """The page count a linearized PDF declares in its first object (/N), which poppler also fell
    back on when the page tree itself is damaged; None when there is none."""
    head = _LINEARIZED.search(data[:1024])
    found = _LINEARIZED_PAGES.search(head.group(1)) if head else None
    if found is None:
        return None
    count = int(found.group(1))
    return count if 0 < count <= MAX_DECLARED_PAGES else None


def pdf_date(raw: str) -> str:
    """A PDF date ("D:20250314101500Z") as YYYY-MM-DD (missing month or day as 01, as poppler did),
    or "" when it is not one."""
    match = _PDF_DATE.match(raw or "")
    if match is None:
        return ""
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return ""
    return f"{year}-{month}-{day}"


def clean_page_text(text: str) -> str:
    """PDFium's page text in pdftotext's shape: "\\n" line breaks, each line ended by one, and a
    word broken by a hyphen at the end of a line joined again (PDFium marks that hyphen U+FFFE)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "")
    return text + "\n" if text and not text.endswith("\n") else text


def letters_apart(text: str) -> bool:
    """Whether PDFium read the page's lines as if they ran down the page: most "lines" one or two
    characters long. It takes a page for vertical writing when its text covers more of the page's
    height than of its width (FindTextlineFlowOrientation), and a PDF that draws each letter apart
    (Qt's, among others) is then read one letter a line: a few short lines with their spaces at the
    same places do it."""
    lines = [line for line in text.replace("\r", "\n").split("\n") if line.strip()]
    short = sum(len(line.strip()) <= 2 for line in lines)
    return len(lines) >= 8 and short * 4 >= len(lines) * 3


def text_by_position(textpage: pdfium.PdfTextPage) -> str:
    """The page's characters put back into lines by where they are drawn: by baseline from the top,
    then left to right, a space where a gap of more than a fifth of the letter's size parts two."""
    raw = textpage.raw
    x, y = ctypes.c_double(), ctypes.c_double()
    chars: list[tuple[float, float, float, float, str]] = []  # baseline, left, right, size, character
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1 or code in (0, 0x0A, 0x0D, 0xFFFE):
            continue
        if not pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y)):
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, index) or 10.0
        left, _, right, _ = textpage.get_charbox(index)
        chars.append((y.value, min(left, x.value), max(right, x.value), size, chr(code)))
    chars.sort(key=lambda char: (-char[0], char[1]))
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for char in chars:
        if lines and abs(lines[-1][0][0] - char[0]) <= char[3] / 3:
            lines[-1].append(char)
        else:
            lines.append([char])
    out = []
    for line in lines:
        line.sort(key=lambda char: char[1])
        words, previous = [], None
        for char in line:
            if previous is not None and not char[4].isspace() and not previous[4].isspace():
                if char[1] - previous[2] > char[3] / 5:
                    words.append(" ")
            words.append(char[4])
            previous = char
        out.append("".join(words).strip())
    return "\n".join(line for line in out if line)


def _page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    try:
        page = pdf[index]
    except pdfium.PdfiumError:  # a damaged page: no text, like pdftotext's empty page
        return ""
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            return clean_page_text(text_by_position(textpage) if letters_apart(text) else text)
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        return ""
    finally:
        page.close()


def _metadata(pdf: pdfium.PdfDocument) -> tuple[str, str]:
    """(title, creation date as YYYY-MM-DD or "") from the document information."""
    try:
        title = pdf.get_metadata_value("Title")
        created = pdf.get_metadata_value("CreationDate")
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return "", ""
    title = title.replace("\x00", "").split("\n")[0].strip()
    return title[:300], pdf_date(created.replace("\x00", ""))


def read(request: Request) -> dict[str, Any]:
    """The "read" job: each page's text streamed to `out`, and {"pages", "sizes", "title", "created"}.
    args: "max_text", the most UTF-8 bytes of text all pages may hold (past it: pdf-text-too-large)."""
    assert request.out is not None
    data = request.blobs[0]
    max_text = int(request.args.get("max_text") or 32 << 20)
    try:
        pdf = _open(data)
    except JobError as failure:
        declared = declared_page_count(data) if failure.code == "pdf-damaged" else None
        if declared is None:
            raise
        # the page tree is damaged but the file says how many pages it has: pages without text
        return {"pages": declared, "sizes": [0] * declared, "title": "", "created": ""}
    try:
        count = len(pdf)
        if count < 1:
            raise JobError("pdf-no-pages")
        check_page_tree(data)
        title, created = _metadata(pdf)
        sizes, total = [], 0
        for index in range(count):
            raw = _page_text(pdf, index).encode("utf-8", "replace")
            total += len(raw)
            if total > max_text:
                raise JobError("pdf-text-too-large")
            for start in range(0, len(raw), CHUNK):
                request.out.write(raw[start : start + CHUNK])
            sizes.append(len(raw))
        return {"pages": count, "sizes": sizes, "title": title, "created": created}
    finally:
        pdf.close()


def load(request: Request) -> dict[str, Any]:
    """The "read-load" job: load what "read" needs (this module has PDFium; pikepdf for the page
    tree), so a worker started early reads its first file without paying for it. Replies {}."""
    import pikepdf  # noqa: F401

    from . import sanitize  # noqa: F401

    return {}


def check_page_tree(data: bytes) -> None:
    """Refuse, as the packet would, a PDF whose page tree qpdf cannot walk: one that loops back on
    itself (PDFium reads one page of it and says nothing), or whose tree is broken past repair. The
    packet builder copies pages with pikepdf (qpdf), so what import accepts, the packet can include.
    bench/bench_hostile.py: 0.7 s for 20,000 pages; a few ms for a record of a few pages."""
    import pikepdf

    from .sanitize import damage_detail

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            len(pdf.pages)  # qpdf walks the whole page tree here, and notices a loop
    except pikepdf.PasswordError:
        raise JobError("pdf-password-protected") from None
    except pikepdf.PdfError as exc:
        raise JobError("pdf-damaged", detail=damage_detail(exc)) from None


def render_scale(width: float, height: float, dpi: float) -> float:
    """The scale for *dpi*, smaller where the page would pass MAX_RENDER_PIXELS or MAX_RENDER_SIDE."""
    scale = dpi / 72
    if width <= 0 or height <= 0:
        return scale
    # a little under each bound: the bitmap's sides are rounded up to whole pixels
    scale = min(scale, math.sqrt(MAX_RENDER_PIXELS / (width * height)) * 0.999)
    return min(scale, (MAX_RENDER_SIDE - 1) / width, (MAX_RENDER_SIDE - 1) / height)


def render(request: Request) -> dict[str, Any]:
    """The "render" job: page args["page"] (1-based) at args["dpi"] as a binary PGM streamed to
    `out`; replies {"width", "height"}."""
    assert request.out is not None
    number = int(request.args.get("page", 1))
    dpi = float(request.args.get("dpi") or 200)
    pdf = _open(request.blobs[0])
    try:
        if not 1 <= number <= len(pdf):
            raise JobError("pdf-damaged", detail=f"no page {number}")
        try:
            page = pdf[number - 1]
        except pdfium.PdfiumError:
            raise JobError("pdf-damaged", detail=f"page {number} cannot be loaded") from None
        try:
            width, height = page.get_size()
            if not (width > 0 and height > 0):
                raise JobError("pdf-damaged", detail=f"page {number} has no size")
            bitmap = page.render(scale=render_scale(width, height, dpi), grayscale=True)
            try:
                _write_pgm(request, bitmap)
                return {"width": bitmap.width, "height": bitmap.height}
            finally:
                bitmap.close()
        finally:
            page.close()
    finally:
        pdf.close()


def _write_pgm(request: Request, bitmap: pdfium.PdfBitmap) -> None:
    assert request.out is not None
    if bitmap.format != pdfium_c.FPDFBitmap_Gray:
        raise JobError("pdf-damaged", detail="the page could not be rendered in gray")
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    pixels = memoryview(bitmap.buffer).cast("B")
    request.out.write(b"P5\n%d %d\n255\n" % (width, height))
    rows = max(1, CHUNK // max(width, 1))
    for top in range(0, height, rows):
        bottom = min(height, top + rows)
        if stride == width:
            request.out.write(pixels[top * stride : bottom * stride])
        else:
            request.out.write(b"".join(pixels[y * stride : y * stride + width] for y in range(top, bottom)))
