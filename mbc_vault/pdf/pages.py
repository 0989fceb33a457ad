"""The app's preview, in the worker: one document held open, its pages drawn as RGB images on demand.

Jobs (jobs.JOBS):
- "preview-open": the document as a blob; args {"kind": "pdf" | "image", "password"}. The worker keeps
  it (in its store, one document at a time) and replies {"pages", "sizes": [[width, height], ...]}, in
  points for a PDF and in pixels for an image.
- "preview-page": args {"page" (1-based), "width" (pixels)}. The page drawn that wide, as rows of
  RGB bytes streamed to `out`; replies {"width", "height"}.
- "preview-close": the worker lets go of the document.

A page whose image would pass MAX_PREVIEW_PIXELS is refused (preview-too-large), never drawn smaller:
the app says the document is too complex to preview. Time and memory are the worker's limits.
"""

from __future__ import annotations

import io
from typing import Any, Protocol

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PIL import Image

from . import images
from .protocol import JobError, Request
from .reading import CHUNK, _open

#: the largest page image the preview draws (a 4,000 × 5,000 pixel page: 60 MB of RGB)
MAX_PREVIEW_PIXELS = 20_000_000
MAX_PREVIEW_SIDE = 16_000
_KEY = "preview"


class Pages(Protocol):
    """An open document the preview draws from."""

    def sizes(self) -> list[tuple[float, float]]: ...

    def draw(self, index: int, width: int) -> tuple[int, int, bytes | memoryview]: ...

    def close(self) -> None: ...


def image_height(size: tuple[float, float], width: int) -> int:
    """The height in pixels of a page of *size* drawn *width* pixels wide (refused past the bounds)."""
    page_width, page_height = size
    if not (page_width > 0 and page_height > 0) or width < 1:
        raise JobError("pdf-damaged", detail="a page has no size")
    height = max(1, round(width * page_height / page_width))
    if width * height > MAX_PREVIEW_PIXELS or max(width, height) > MAX_PREVIEW_SIDE:
        raise JobError("preview-too-large")
    return height


class PdfPages:
    """A PDF open in PDFium."""

    def __init__(self, data: bytes, password: str | None) -> None:
        self._data = data  # PDFium reads from this buffer for as long as the document is open
        try:
            self._pdf = pdfium.PdfDocument(data, password=password or None)
        except pdfium.PdfiumError:
            self._pdf = _open(data)  # raises the JobError for it (password, damaged)

    def sizes(self) -> list[tuple[float, float]]:
        count = len(self._pdf)
        if count < 1:
            raise JobError("pdf-no-pages")
        return [tuple(self._pdf.get_page_size(index)) for index in range(count)]

    def draw(self, index: int, width: int) -> tuple[int, int, bytes | memoryview]:
        try:
            page = self._pdf[index]
        except pdfium.PdfiumError:
            raise JobError("pdf-damaged", detail=f"page {index + 1} cannot be loaded") from None
        try:
            page_width, page_height = page.get_size()
            image_height((page_width, page_height), width)  # refuses a page too large to draw
            bitmap = page.render(scale=width / page_width, rev_byteorder=True, may_draw_forms=False)
            try:
                return bitmap.width, bitmap.height, _rows(bitmap, 3)
            finally:
                bitmap.close()
        finally:
            page.close()

    def close(self) -> None:
        self._pdf.close()


#: how each EXIF orientation (2 to 8) is turned upright
_TURNS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class ImagePages:
    """A photo or scan held in memory, decoded with Pillow as the import and the packet decode it
    (`images.py`): each frame of a TIFF is a page, sizes are read from the header before anything is
    decoded, and a page is drawn upright (its EXIF turn), transparency on white, at the width asked."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._sizes: list[tuple[float, float]] = []
        self._turns: list[int] = []
        with self._open() as image:
            for index in range(images.MAX_FRAMES):
                if index:
                    if image.format != "TIFF":
                        break
                    try:
                        image.seek(index)
                    except EOFError:
                        break
                    except Exception:  # noqa: BLE001 - a damaged further frame ends the pages
                        break
                width, height = image.size
                if width <= 0 or height <= 0:
                    raise JobError("preview-unreadable")
                if width * height > images.MAX_PIXELS:
                    raise JobError("preview-too-large")
                turn = images.orientation(image)
                self._turns.append(turn)
                self._sizes.append(
                    (float(height), float(width)) if turn >= 5 else (float(width), float(height))
                )

    def _open(self) -> Image.Image:
        try:
            return Image.open(io.BytesIO(self._data), formats=list(images.FORMATS.values()))
        except Exception:  # noqa: BLE001 - whatever a decoder says of a broken file, it is broken
            raise JobError("preview-unreadable") from None

    def sizes(self) -> list[tuple[float, float]]:
        return list(self._sizes)

    def draw(self, index: int, width: int) -> tuple[int, int, bytes]:
        if not 0 <= index < len(self._sizes):
            raise JobError("preview-unreadable")
        height = image_height(self._sizes[index], width)
        with self._open() as image:
            try:
                if index:
                    image.seek(index)
                image.load()
                frame = images.flattened(image).convert("RGB")
                turn = _TURNS.get(self._turns[index])
                if turn is not None:
                    frame = frame.transpose(turn)
                frame = frame.resize((width, height), Image.Resampling.BILINEAR, reducing_gap=2.0)
            except (JobError, MemoryError):
                raise
            except Exception:  # noqa: BLE001
                raise JobError("preview-unreadable") from None
        return frame.width, frame.height, frame.tobytes()

    def close(self) -> None:
        self._data = b""


def _rows(bitmap: pdfium.PdfBitmap, channels: int) -> bytes:
    """The bitmap's pixels, rows packed (no stride padding)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    pixels = memoryview(bitmap.buffer).cast("B")
    row = width * channels
    if stride == row:
        return bytes(pixels[: row * height])
    return b"".join(pixels[y * stride : y * stride + row] for y in range(height))


def open_document(request: Request) -> dict[str, Any]:
    """The "preview-open" job."""
    close_document(request)
    kind = str(request.args.get("kind") or "pdf")
    data = request.blobs[0]
    pages: Pages
    if kind == "image":
        pages = ImagePages(data)
    else:
        pages = PdfPages(data, request.args.get("password"))
    request.store[_KEY] = pages
    try:
        sizes = pages.sizes()
    except BaseException:
        close_document(request)
        raise
    return {"pages": len(sizes), "sizes": [[float(w), float(h)] for w, h in sizes]}


def draw_page(request: Request) -> dict[str, Any]:
    """The "preview-page" job."""
    assert request.out is not None
    pages: Pages | None = request.store.get(_KEY)
    if pages is None:
        raise JobError("pdf-job-failed", kind="no document open")
    width = int(request.args.get("width") or 600)
    width, height, pixels = pages.draw(int(request.args.get("page") or 1) - 1, width)
    view = memoryview(pixels)
    for start in range(0, len(view), CHUNK):
        request.out.write(view[start : start + CHUNK])
    return {"width": width, "height": height}


def close_document(request: Request) -> dict[str, Any]:
    """The "preview-close" job (and what "preview-open" does first)."""
    pages: Pages | None = request.store.pop(_KEY, None)
    if pages is not None:
        pages.close()
    return {}
