"""Images become PDF pages (the packet builder's typeset.image_pdf): every frame of a TIFF, and no crash.

Every TIFF used to crash the process in ~QImageReader (its QBuffer was freed first), so each case runs
in a child process: a crash fails the test instead of ending the suite.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.qt  # the children typeset with Qt's GUI (make test-core runs without it)

DATA = Path(__file__).parent / "data" / "images"

CHILD = """
import json, sys
from mbc_vault.render import typeset
import pypdfium2
data = open(sys.argv[1], "rb").read()
pdf, pages = typeset.image_pdf(data, title="Scan")
document = pypdfium2.PdfDocument(pdf)
sizes = [list(document[i].get_size()) for i in range(len(document))]
print(json.dumps({"pages": pages, "pdf_pages": len(document), "sizes": sizes}))
"""


def _image_pages(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, f"image_pdf ended with {done.returncode}: {done.stderr[-500:]}"
    assert "Not a TIFF" not in done.stderr  # no library noise for a good file
    return json.loads(done.stdout.splitlines()[-1])


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


def test_the_suites_own_tiff_becomes_a_page_without_crashing() -> None:
    result = _image_pages(DATA / "lab-report-scan.tiff")
    assert result["pages"] == result["pdf_pages"] == 1


def test_a_tiff_that_qt_saved_becomes_a_page(tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a6ea5"))
    target = tmp_path / "saved-by-qt.tiff"
    assert image.save(str(target), "TIFF")
    result = _image_pages(target)
    assert result["pages"] == 1
    width, height = result["sizes"][0]
    assert width > height  # a landscape image on a landscape page


def test_every_frame_of_a_multi_page_tiff_is_a_page(tmp_path: Path) -> None:
    target = tmp_path / "two-pages.tiff"
    _two_page_tiff(target)
    result = _image_pages(target)
    assert result["pages"] == result["pdf_pages"] == 2
    (w1, h1), (w2, h2) = result["sizes"]
    assert w1 > h1 and w2 < h2  # each frame's own orientation


@pytest.mark.parametrize("name", ["lab-report-photo.jpg", "lab-report-scan.png"])
def test_photos_and_scans_become_pages(name: str) -> None:
    assert _image_pages(DATA / name)["pages"] == 1
