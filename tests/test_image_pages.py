"""Photos and scans become PDF pages in the PDF worker (mbc_vault/pdf/images.py, with Pillow): every
frame of a TIFF, upright, fit inside the margins, losslessly; never in the app's own process.

Qt's QImageReader, which did this in the app before, crashed the process on every TIFF. A crash in the
worker ends the call with pdf-worker-crashed, so it fails the test here, not the suite.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from imagemaker import BLUE, RED, encoded, picture, tiff_pages
from PIL import Image

from mbc_vault.pdf import images
from mbc_vault.pdf.client import PdfWorker

DATA = Path(__file__).parent / "data" / "images"
MEDIA = {".jpg": "image/jpeg", ".png": "image/png", ".tiff": "image/tiff"}


def _pages(data: bytes, media: str, page_size: str = "Letter") -> pdfium.PdfDocument:
    """The worker's pages of one image; its check counts the same pages."""
    out = io.BytesIO()
    with PdfWorker() as worker:
        checked = worker.call("image-check", {"media": media}, [data])
        reply = worker.call(
            "image-pages", {"media": media, "page_size": page_size, "title": "Scan"}, [data], out=out
        )
    document = pdfium.PdfDocument(out.getvalue())
    assert reply["pages"] == checked["pages"] == len(document)
    return document


def _image_boxes(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    return [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]


def _two_page_tiff(path: Path) -> None:
    """A baseline TIFF with two 8-bit grayscale frames (64x40 and 40x64), written field by field."""
    frames = [(64, 40, 0x40), (40, 64, 0xC0)]
    out = bytearray(b"II*\x00" + struct.pack("<I", 0))
    offsets = []
    for width, height, shade in frames:
        offsets.append(len(out))
        out += bytes([shade]) * (width * height)
    ifd_positions = []
    for index, (width, height, _) in enumerate(frames):
        ifd_positions.append(len(out))
        entries = [
            (256, 3, 1, width),  # ImageWidth
            (257, 3, 1, height),  # ImageLength
            (258, 3, 1, 8),  # BitsPerSample
            (259, 3, 1, 1),  # Compression: none
            (262, 3, 1, 1),  # PhotometricInterpretation: black is zero
            (273, 4, 1, offsets[index]),  # StripOffsets
            (277, 3, 1, 1),  # SamplesPerPixel
            (278, 3, 1, height),  # RowsPerStrip
            (279, 4, 1, width * height),  # StripByteCounts
        ]
        out += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            packed = struct.pack("<HI", value, 0)[:4] if kind == 3 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, kind, count) + packed
        out += struct.pack("<I", 0)  # next IFD: patched below
    struct.pack_into("<I", out, 4, ifd_positions[0])
    next_field = ifd_positions[0] + 2 + 9 * 12
    struct.pack_into("<I", out, next_field, ifd_positions[1])
    path.write_bytes(bytes(out))


def test_the_suites_own_tiff_becomes_a_page_with_its_picture() -> None:
    document = _pages((DATA / "lab-report-scan.tiff").read_bytes(), "image/tiff")
    assert len(document) == 1 and len(_image_boxes(document[0])) == 1


def test_a_tiff_that_qt_saved_becomes_a_page(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a6ea5"))
    target = tmp_path / "saved-by-qt.tiff"
    assert image.save(str(target), "TIFF")
    document = _pages(target.read_bytes(), "image/tiff")
    width, height = document[0].get_size()
    assert len(document) == 1 and width > height  # a landscape image on a landscape page


def test_every_frame_of_a_multi_page_tiff_is_a_page(tmp_path: Path) -> None:
    target = tmp_path / "two-pages.tiff"
    _two_page_tiff(target)
    document = _pages(target.read_bytes(), "image/tiff")
    assert len(document) == 2
    (w1, h1), (w2, h2) = document[0].get_size(), document[1].get_size()
    assert w1 > h1 and w2 < h2  # each frame's own orientation
    assert all(len(_image_boxes(document[i])) == 1 for i in range(2))
    made = _pages(tiff_pages(5), "image/tiff")
    assert len(made) == 5


@pytest.mark.parametrize("name", ["lab-report-photo.jpg", "lab-report-scan.png"])
def test_photos_and_scans_become_pages(name: str) -> None:
    document = _pages((DATA / name).read_bytes(), MEDIA[Path(name).suffix])
    assert len(document) == 1 and len(_image_boxes(document[0])) == 1


@pytest.mark.parametrize("page_size", ["Letter", "A4"])
def test_the_picture_fits_inside_the_margins_centred(page_size: str) -> None:
    page = _pages(encoded(picture(300, 200), "PNG"), "image/png", page_size)[0]
    width, height = page.get_size()
    assert (round(width), round(height)) == ((792, 612) if page_size == "Letter" else (842, 595))
    (left, bottom, right, top) = _image_boxes(page)[0]
    margin = images.MARGIN_PT
    assert left >= margin - 0.01 and bottom >= margin - 0.01
    assert right <= width - margin + 0.01 and top <= height - margin + 0.01
    assert abs(left - (width - right)) < 0.5 and abs(bottom - (height - top)) < 0.5  # centred
    fills = (abs((right - left) - (width - 2 * margin)), abs((top - bottom) - (height - 2 * margin)))
    assert min(fills) < 0.5  # as large as fits: across the page or down it
    assert abs((right - left) / (top - bottom) - 1.5) < 0.01  # its own proportions


def _colour_at(page: pdfium.PdfPage, x: float, y: float) -> tuple[int, int, int]:
    """The rendered colour at (x, y), fractions of the picture's box from its top left."""
    left, bottom, right, top = _image_boxes(page)[0]
    scale = 1.0
    bitmap = page.render(scale=scale).to_pil().convert("RGB")
    height = page.get_size()[1]
    px = left + (right - left) * x
    py = height - (top - (top - bottom) * y)
    return bitmap.getpixel((int(px * scale), int(py * scale)))


def _near(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=True))


#: how to store a picture so that each EXIF orientation shows it upright again
STORED = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize(
    ("turn", "kind", "mode"),
    [(turn, "JPEG", "RGB") for turn in (1, *STORED)]
    + [(6, "TIFF", "RGB"), (8, "PNG", "RGBA"), (6, "JPEG", "CMYK")],  # pixels converted: turn kept
)
def test_a_photo_is_upright_as_its_exif_orientation_says(turn: int, kind: str, mode: str) -> None:
    stored = picture(300, 200) if turn == 1 else picture(300, 200).transpose(STORED[turn])
    exif = Image.Exif()
    exif[images.EXIF_ORIENTATION] = turn
    media = {"PNG": "image/png", "JPEG": "image/jpeg", "TIFF": "image/tiff"}[kind]
    options = {"quality": 95} if kind == "JPEG" else {}
    page = _pages(encoded(stored.convert(mode), kind, exif=exif.tobytes(), **options), media)[0]
    width, height = page.get_size()
    assert width > height  # shown 300 x 200: a landscape page, whichever way it was stored
    assert _near(_colour_at(page, 0.5, 0.05), RED)  # the red band along the top
    assert _near(_colour_at(page, 0.03, 0.6), BLUE)  # the blue band down the left
    assert _near(_colour_at(page, 0.6, 0.6), (255, 255, 255))


@pytest.mark.parametrize(
    ("mode", "kind", "options"),
    [
        ("1", "TIFF", {"compression": "group4"}),  # a fax-style scan
        ("L", "PNG", {}),
        ("I;16", "PNG", {}),  # 16-bit gray
        ("I;16", "TIFF", {}),
        ("CMYK", "JPEG", {}),
        ("CMYK", "TIFF", {}),
        ("RGB", "TIFF", {"compression": "jpeg"}),
        ("P", "PNG", {}),
        ("L", "JPEG", {"progressive": True}),
    ],
)
def test_every_kind_of_pixel_shows_its_picture(mode: str, kind: str, options: dict[str, object]) -> None:
    source = picture(300, 200, "L").point(lambda v: 0 if v < 250 else 255)  # black bands on white
    if mode == "I;16":
        image = source.convert("I").point(lambda v: v * 257).convert("I;16")
    else:
        image = source.convert(mode)
    assert image.mode == mode
    media = {"PNG": "image/png", "JPEG": "image/jpeg", "TIFF": "image/tiff"}[kind]
    page = _pages(encoded(image, kind, **options), media)[0]
    assert max(_colour_at(page, 0.5, 0.05)) < 60  # the top band: dark
    assert min(_colour_at(page, 0.6, 0.6)) > 200  # the rest: light


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_transparency_is_shown_on_white(mode: str) -> None:
    image = picture(300, 200, mode)
    alpha = Image.new("L", image.size, 255)
    alpha.paste(0, (150, 0, 300, 200))  # the right half fully transparent
    image.putalpha(alpha)
    page = _pages(encoded(image, "PNG"), "image/png")[0]
    band = _colour_at(page, 0.3, 0.05)
    assert _near(band, RED) if mode == "RGBA" else max(band) < 100  # red, or its dark gray
    assert _near(_colour_at(page, 0.8, 0.05), (255, 255, 255))  # the band is gone where it is transparent


def test_a_jpeg_and_a_plain_png_go_in_as_they_are() -> None:
    """Nothing is recompressed that a PDF can read as it is: the photo's own bytes, the scan's own data."""
    photo = (DATA / "lab-report-photo.jpg").read_bytes()
    scan = encoded(picture(), "PNG")
    for data, media in ((photo, "image/jpeg"), (scan, "image/png")):
        out = io.BytesIO()
        with PdfWorker() as worker:
            worker.call("image-pages", {"media": media}, [data], out=out)
        with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
            (image,) = pdf.pages[0].get_images().values()
            raw = image.read_raw_bytes()
        if media == "image/jpeg":
            assert raw == photo and image.Filter == pikepdf.Name.DCTDecode
        else:
            assert raw in scan and image.Filter == pikepdf.Name.FlateDecode  # its IDAT data
