"""Photos and scans made in the test with Pillow, and broken ones made from them by changing bytes (the
six kinds issue 11 found imported silently): nothing here is a real person's record."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

RED, BLUE = (220, 0, 0), (0, 0, 220)


def picture(width: int = 300, height: int = 200, mode: str = "RGB") -> Image.Image:
    """A white picture with a red band along its top and a blue band down its left side."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width - 1, height // 5), fill=RED)
    draw.rectangle((0, 0, width // 8, height - 1), fill=BLUE)
    return image.convert(mode) if mode != "RGB" else image


def encoded(image: Image.Image, kind: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def tiff_pages(count: int, width: int = 240, height: int = 160) -> bytes:
    """A multi-page TIFF (LZW), each page a different gray with the picture's bands."""
    pages = [picture(width, height, "L").point(lambda v, n=n: min(255, v + 10 * n)) for n in range(count)]
    return encoded(pages[0], "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, position = [], 8
    while position < len(data):
        (length,) = struct.unpack_from(">I", data, position)
        chunks.append((data[position + 4 : position + 8], data[position + 8 : position + 8 + length]))
        position += 12 + length
    return chunks


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims *width* x *height* pixels (its data is a few bytes)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows) + _chunk(b"IEND", b"")


def broken_images() -> dict[str, bytes]:
    """Each kind of broken image by file name: cut short, a bad checksum, bad compressed data, garbage
    after a JPEG's start marker, a TIFF whose directory offsets point past its end, and a PNG claiming
    100,000 x 100,000 pixels."""
    png = encoded(picture(), "PNG")
    jpeg = encoded(picture(), "JPEG", quality=90)
    tiff = tiff_pages(2)
    chunks = _png_chunks(png)
    bad_crc = bytearray(png)
    idat = png.index(b"IDAT")
    (length,) = struct.unpack_from(">I", png, idat - 4)
    bad_crc[idat + 4 + length] ^= 0x55  # the pixel data whole, its chunk's checksum wrong
    bad_idat = b"\x89PNG\r\n\x1a\n" + b"".join(
        _chunk(kind, b"\x78\x9c" + b"\xff" * 40 if kind == b"IDAT" else body) for kind, body in chunks
    )  # every checksum right, the compressed data nonsense
    bad_ifd = bytearray(tiff)
    struct.pack_into("<I", bad_ifd, 4, len(tiff) + 1_000_000)  # the first directory is past the end
    return {
        "cut-short.png": png[: len(png) // 2],
        "bad-checksum.png": bytes(bad_crc),
        "bad-data.png": bad_idat,
        "cut-short.jpg": jpeg[: len(jpeg) // 2],
        "garbage-after-start.jpg": jpeg[:2] + bytes(range(256)) * 4 + jpeg[2:],
        "bad-directory.tiff": bytes(bad_ifd),
        "claims-100000-square.png": png_claiming(100_000, 100_000),
    }


def write_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def tiff_claiming(sizes: list[tuple[int, int]]) -> bytes:
    """A baseline TIFF written field by field, one 8-bit gray frame for each (width, height) claimed;
    each frame holds at most 4,096 bytes of pixels, so a large claim is only a claim."""
    out = bytearray(b"II*\x00" + struct.pack("<I", 0))
    strips = []
    for width, height in sizes:
        strips.append((len(out), min(width * height, 4096)))
        out += b"\x80" * strips[-1][1]
    previous = 4  # where the offset of the next directory goes
    for (width, height), (offset, count) in zip(sizes, strips, strict=True):
        struct.pack_into("<I", out, previous, len(out))
        entries = [
            (256, 4, width),  # ImageWidth
            (257, 4, height),  # ImageLength
            (258, 3, 8),  # BitsPerSample
            (259, 3, 1),  # Compression: none
            (262, 3, 1),  # PhotometricInterpretation: black is zero
            (273, 4, offset),  # StripOffsets
            (277, 3, 1),  # SamplesPerPixel
            (278, 4, height),  # RowsPerStrip
            (279, 4, count),  # StripByteCounts
        ]
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            packed = struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
            out += struct.pack("<HHI", tag, kind, 1) + packed
        previous = len(out)
        out += struct.pack("<I", 0)
    return bytes(out)
