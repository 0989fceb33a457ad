"""Photos and scans in the worker, decoded with Pillow: every JPEG, PNG and TIFF the importer accepts
is decoded whole at import, and made PDF pages for the packet, only in this limited process.

Jobs (jobs.JOBS), each on one image sent as a blob, with args["media"] its sniffed type:
- "image-check": the header is read and each frame's size checked against MAX_PIXELS before anything
  is decoded (a PNG that claims 100,000 x 100,000 pixels never gets its memory), then every frame is
  decoded, and a PNG's chunk checksums are checked too. Replies {"pages", "width", "height"} (pages:
  the frames of a multi-page TIFF; a JPEG or PNG is one page, as the app always showed it).
- "image-pages": the same checks, then each frame a PDF page of args["page_size"] ("Letter" or "A4"),
  with args["title"] as the document's title: fit inside the margins and centred, upright as its EXIF
  orientation says, on a landscape page when it is wider than tall (what Qt's typesetting did before).
  A JPEG's own bytes go into the page unchanged; any other frame goes in losslessly (PNG's filters and
  Flate, which PDF reads as they are). The PDF is streamed to `out`; replies {"pages"}.

Expected failures are JobErrors: image-damaged, image-too-large (width, height), image-too-many-pages
(limit). The import and the packet run the same checks (`open_frames`): what import accepts, the packet
can include.
"""

from __future__ import annotations

import io
import itertools
import struct
import warnings
from collections.abc import Iterator
from typing import Any

from PIL import Image

from .protocol import JobError, Request

#: the most pixels one frame may have (as a rendered PDF page, reading.MAX_RENDER_PIXELS): a 600 dpi
#: colour scan of a Letter page is 34 million, a 50 megapixel phone photo 50 million. Decoded as RGB
#: that is 180 MB; the import's check peaks near 300 MiB, a page with transparency near 700 MiB,
#: inside the worker's 1 GiB (measured on 60-megapixel noise, the hardest to compress).
MAX_PIXELS = 60_000_000
#: larger frames are compressed fast (zlib level 1, not 6): a 60-megapixel photo about 3 times faster
FAST_COMPRESSION_PIXELS = 16_000_000
#: the most frames (pages) of a TIFF
MAX_FRAMES = 1000
#: the formats Pillow may take each media type as (no other decoder is ever tried on the bytes)
FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF"}
#: pages in points: Letter and A4, and the margins of the packet's image pages (18 mm, as typeset.py)
PAGE_SIZES = {"Letter": (612.0, 792.0), "A4": (595.2756, 841.8898)}
MARGIN_PT = 18.0 / 25.4 * 72
EXIF_ORIENTATION = 0x0112
#: modes flattened always converts (transparency pasted on white, a palette looked up): the check of
#: an import need not convert them, which would cost a copy of the picture (180 MB at 60 megapixels)
PLAIN_MODES = ("1", "L", "RGB", "RGBA", "LA", "P")
CHUNK = 1 << 20

# Pillow's own bomb check (a warning, then an error past twice its limit) is replaced by the size check
# of open_frames, which names the size; the worker's memory limit stays the last word
Image.MAX_IMAGE_PIXELS = None


def _check_size(image: Image.Image) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise JobError("image-damaged")
    if width * height > MAX_PIXELS:
        raise JobError("image-too-large", width=width, height=height)


def _check_png_chunks(data: bytes) -> None:
    """Every chunk of a PNG whole, with its checksum right (Pillow checks only some), up to IEND."""
    image = Image.open(io.BytesIO(data), formats=["PNG"])
    try:
        _check_size(image)
        image.verify()
    finally:
        image.close()


def open_frames(
    data: bytes, media: str, check_only: bool = False
) -> Iterator[tuple[Image.Image, Image.Image]]:
    """Each frame of the image, decoded after its size was checked from its header, and as a page takes
    it (flattened: 1-bit or 8-bit gray or RGB; the frame itself when it is one already). *check_only*:
    a frame of a mode that always converts (PLAIN_MODES) is not converted, to spare its memory. Raises
    JobError image-damaged / image-too-large / image-too-many-pages; a frame is valid until the next."""
    kind = FORMATS.get(media)
    if kind is None:
        raise JobError("image-damaged")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's notes on odd but readable files (EXIF, ICC, tags)
        try:
            if kind == "PNG":
                _check_png_chunks(data)
            image = Image.open(io.BytesIO(data), formats=[kind])
        except JobError:
            raise
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - whatever a decoder says of a broken file, it is broken
            raise JobError("image-damaged") from None
        try:
            for index in itertools.count():
                try:
                    if index:
                        if kind != "TIFF":  # a JPEG's or PNG's extra frames (MPO, APNG) are not pages
                            return
                        try:
                            image.seek(index)
                        except EOFError:
                            return
                        if index >= MAX_FRAMES:
                            raise JobError("image-too-many-pages", limit=MAX_FRAMES)
                    _check_size(image)
                    image.load()
                    # what a page takes: the check converts it too, unless it always converts
                    flat = image if check_only and image.mode in PLAIN_MODES else flattened(image)
                except JobError:
                    raise
                except MemoryError:
                    raise
                except Exception:  # noqa: BLE001
                    raise JobError("image-damaged") from None
                yield image, flat
                del flat
        finally:
            image.close()


def check(request: Request) -> dict[str, Any]:
    """The "image-check" job: {"pages", "width", "height"} of the image, every frame decoded."""
    media = str(request.args.get("media") or "")
    pages, size = 0, (0, 0)
    for frame, _ in open_frames(request.blobs[0], media, check_only=True):
        if not pages:
            size = frame.size
        pages += 1
    return {"pages": pages, "width": size[0], "height": size[1]}


# ---- pages --------------------------------------------------------------------------------------------

#: how each EXIF orientation moves a stored point (column, row; 0..1 from the top left) on display
_ORIENT = {
    1: lambda c, r: (c, r),
    2: lambda c, r: (1 - c, r),
    3: lambda c, r: (1 - c, 1 - r),
    4: lambda c, r: (c, 1 - r),
    5: lambda c, r: (r, c),
    6: lambda c, r: (1 - r, c),
    7: lambda c, r: (1 - r, 1 - c),
    8: lambda c, r: (r, 1 - c),
}


def orientation(frame: Image.Image) -> int:
    """The frame's EXIF orientation (1 to 8; 1 when it has none or it cannot be read)."""
    try:
        value = int(frame.getexif().get(EXIF_ORIENTATION, 1))
    except Exception:  # noqa: BLE001 - a damaged EXIF block only loses the turn
        return 1
    return value if value in _ORIENT else 1


def placement(
    width: int, height: int, turn: int, page_size: str
) -> tuple[tuple[float, float], tuple[float, ...]]:
    """The page (width, height in points) for a frame of *width* x *height* pixels shown with EXIF
    orientation *turn*, and the matrix (a b c d e f) that draws the image there: fit inside the margins,
    centred, the page turned to landscape for a landscape picture."""
    shown_w, shown_h = (height, width) if turn >= 5 else (width, height)
    page_w, page_h = PAGE_SIZES.get(page_size, PAGE_SIZES["Letter"])
    if shown_w > shown_h:
        page_w, page_h = page_h, page_w
    area_w, area_h = page_w - 2 * MARGIN_PT, page_h - 2 * MARGIN_PT
    scale = min(area_w / shown_w, area_h / shown_h)
    w, h = shown_w * scale, shown_h * scale
    x, y = MARGIN_PT + (area_w - w) / 2, MARGIN_PT + (area_h - h) / 2

    def on_page(u: float, v: float) -> tuple[float, float]:
        # PDF draws an image into the unit square, its first row at the top (v = 1)
        column, row = _ORIENT[turn](u, 1 - v)
        return x + column * w, y + (1 - row) * h

    (e, f), (ax, ay), (cx, cy) = on_page(0, 0), on_page(1, 0), on_page(0, 1)
    return (page_w, page_h), (ax - e, ay - f, cx - e, cy - f, e, f)


def flattened(frame: Image.Image) -> Image.Image:
    """The frame as 1-bit or 8-bit gray or RGB: transparency on white, 16-bit gray cut to 8 bits. Pasted
    with its own alpha as the mask, a frame with transparency is copied once, not three times."""
    mode, transparent = frame.mode, "transparency" in frame.info
    if mode in ("1", "L", "RGB") and not transparent:
        return frame
    if mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        return frame.convert("I").point(lambda v: v * (1 / 256)).convert("L")  # point keeps mode I
    if mode == "F":
        return frame.point(lambda v: v * 255).convert("L")
    if mode == "LA" or (mode == "L" and transparent):
        gray = frame if mode == "LA" else frame.convert("LA")
        flat = Image.new("L", frame.size, 255)
        flat.paste(gray.convert("L"), mask=gray)
        return flat
    if mode != "RGBA" and (transparent or mode in ("PA", "La", "RGBa")):
        frame = frame.convert("RGBA")
    if frame.mode == "RGBA":
        flat = Image.new("RGB", frame.size, "white")
        flat.paste(frame, mask=frame)
        return flat
    return frame.convert("RGB")


def _chunks(raw: bytes | memoryview) -> Iterator[tuple[bytes, memoryview]]:
    """A PNG's chunks (type, data) in order, after its 8-byte signature."""
    view, position = memoryview(raw), 8
    while position + 8 <= len(view):
        (length,) = struct.unpack_from(">I", view, position)
        yield bytes(view[position + 4 : position + 8]), view[position + 8 : position + 8 + length]
        position += 12 + length


def _png_as_is(data: bytes) -> tuple[bytes, dict[str, int]] | None:
    """A checked PNG's own compressed pixels, when a PDF can read them as they are (FlateDecode with
    the PNG predictors): 8-bit gray or RGB, or 1-bit gray, not interlaced, without transparency."""
    ihdr = data[16:29]
    if len(ihdr) < 13:
        return None
    width, _, bits, color, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if (color, bits) not in ((0, 8), (2, 8), (0, 1)) or interlace:
        return None
    parts = []
    for kind, body in _chunks(data):
        if kind == b"tRNS":
            return None
        if kind == b"IDAT":
            parts.append(bytes(body))
    return b"".join(parts), {"Colors": 3 if color == 2 else 1, "BitsPerComponent": bits, "Columns": width}


def _png_stream(frame: Image.Image) -> tuple[bytes, dict[str, int]]:
    """The frame's pixels compressed as a PNG compresses them (filters, Flate): the data of its IDAT
    chunks, which a PDF reads with FlateDecode and the PNG predictors."""
    buffer = io.BytesIO()
    level = 6 if frame.width * frame.height <= FAST_COMPRESSION_PIXELS else 1
    frame.save(buffer, "PNG", compress_level=level)
    raw = buffer.getbuffer()
    data = b"".join(bytes(body) for kind, body in _chunks(raw) if kind == b"IDAT")
    del raw
    colors = 3 if frame.mode == "RGB" else 1
    bits = 1 if frame.mode == "1" else 8
    return data, {"Colors": colors, "BitsPerComponent": bits, "Columns": frame.width}


def _image_object(pdf: Any, frame: Image.Image, flat: Image.Image, media: str, source: bytes) -> Any:
    """The frame as a PDF image: the file's own bytes where a PDF reads them as they are (a gray or RGB
    JPEG; most PNGs), else the pixels of *flat* compressed losslessly."""
    import pikepdf

    as_is = _png_as_is(source) if media == "image/png" else None
    if media == "image/jpeg" and frame.mode in ("L", "RGB"):
        data, name, parms = source, pikepdf.Name.DCTDecode, None
        colors, bits = (3 if frame.mode == "RGB" else 1), 8
    else:
        data, predictors = as_is or _png_stream(flat)
        name, colors, bits = pikepdf.Name.FlateDecode, predictors["Colors"], predictors["BitsPerComponent"]
        parms = pikepdf.Dictionary({"/Predictor": 15, **{f"/{k}": v for k, v in predictors.items()}})
    stream = pikepdf.Stream(pdf, b"")
    stream.write(data, filter=name, decode_parms=parms)
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = frame.width, frame.height, bits
    stream.ColorSpace = pikepdf.Name.DeviceRGB if colors == 3 else pikepdf.Name.DeviceGray
    return stream


def pages(request: Request) -> dict[str, Any]:
    """The "image-pages" job: each frame a page (see the module's notes), the PDF streamed to `out`."""
    import pikepdf

    from .sanitize import save_options

    assert request.out is not None
    data = request.blobs[0]
    media = str(request.args.get("media") or "")
    page_size = str(request.args.get("page_size") or "Letter")
    pdf = pikepdf.new()
    count = 0
    for frame, flat in open_frames(data, media):
        turn = orientation(frame)
        size, matrix = placement(frame.width, frame.height, turn, page_size)
        page = pdf.add_blank_page(page_size=size)
        image = _image_object(pdf, frame, flat, media, data)
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
        numbers = " ".join(f"{n:.4f}" for n in matrix)
        page.obj.Contents = pdf.make_stream(f"q {numbers} cm /Im0 Do Q".encode())
        count += 1
    pdf.docinfo["/Title"] = str(request.args.get("title") or "")
    pdf.docinfo["/Creator"] = "MBC Vault"
    buffer = io.BytesIO()
    pdf.save(buffer, **save_options())
    pdf.close()
    view = buffer.getbuffer()
    for start in range(0, len(view), CHUNK):
        request.out.write(view[start : start + CHUNK])
    del view
    return {"pages": count}
