"""Hostile files for tests and bench/bench_hostile.py (issue 11): the PDFs that are not in pdfmaker.py
(a looping page tree, deep nesting, a very large page), broken images, a very large text file and
file names a careless or hostile sender might use. Everything is written here, nothing downloaded."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from pdfmaker import _pdf, text_pdf

IMAGES = Path(__file__).parent / "data" / "images"

#: names a sender might give: a newline, a right-to-left override that hides ".exe", a climb out
ODD_NAMES = {
    "newline": "lab\nresult.pdf",
    "rtl-mark": "scan\u202efdp.exe.pdf",
    "dot-dot": "..\\..\\escape.pdf",
}


def looping_pdf(path: Path) -> Path:
    """A page tree whose Pages node lists itself as a kid: a reader that follows it never ends."""
    path.write_bytes(
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            ]
        )
    )
    return path


def nested_pdf(path: Path, depth: int = 200_000) -> Path:
    """One page whose dictionary holds arrays nested *depth* deep (a recursive parser overflows)."""
    nest = b"[" * depth + b"]" * depth
    path.write_bytes(
        _pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Nest " + nest + b" >>",
            ]
        )
    )
    return path


def huge_page_pdf(path: Path, inches: int = 200) -> Path:
    """One page *inches* on each side (PDF's largest is 200 inches: 14,400 points) with a line of text."""
    text_pdf(path, [["A page two hundred inches wide"]])
    side = str(inches * 72).encode()
    path.write_bytes(
        path.read_bytes().replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 %s %s]" % (side, side))
    )
    return path


def many_pages_pdf(path: Path, pages: int = 20_000) -> Path:
    """*pages* pages with one short line each."""
    return text_pdf(path, [[f"Page {number}"] for number in range(1, pages + 1)])


def big_text_file(path: Path, size: int = 1_000_000_000) -> Path:
    """A UTF-8 text file of *size* bytes, written in 1 MiB chunks (never held whole in memory)."""
    line = b"Questions for the oncologist: ask about CA 15-3 and the next scan.\n"
    chunk = line * ((1 << 20) // len(line))
    with path.open("wb") as out:
        left = size
        while left > 0:
            out.write(chunk[:left])
            left -= min(left, len(chunk))
    return path


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def giant_png(path: Path, side: int = 100_000) -> Path:
    """A valid-looking PNG header that claims *side* × *side* RGB pixels (30 GB decoded), with one
    small compressed row of data: a decoder that trusts the header allocates it all."""
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    row = zlib.compress(b"\x00" + b"\x80" * (3 * side))
    data = b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", row)
    path.write_bytes(data + _png_chunk(b"IEND", b""))
    return path


def truncated_image(path: Path, sample: str) -> Path:
    """The suite's image *sample* (tests/data/images) cut after its first third: the signature and
    header are right, the picture data stops short."""
    data = (IMAGES / sample).read_bytes()
    path.write_bytes(data[: max(64, len(data) // 3)])
    return path


def garbage_image(path: Path, signature: bytes) -> Path:
    """An image signature followed by bytes that are no image at all."""
    path.write_bytes(signature + bytes(range(256)) * 16)
    return path
