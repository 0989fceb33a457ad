"""Small, hand-built PDFs for tests: text on chosen pages, and hostile files (bombs, damage)."""

from __future__ import annotations

import zlib
from pathlib import Path


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _pages_pdf(path: Path, font: list[bytes], streams: list[bytes], info: str = "") -> Path:
    """A PDF of one page a content stream, all pages with the font F1: *font* is the font's object
    followed by the objects it refers to (numbered from 4 on); *info* the Info dictionary's entries."""
    first = 3 + len(font)  # the first page's object number
    kids = " ".join(f"{first + 2 * i} 0 R" for i in range(len(streams)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode(),
        *font,
    ]
    for i, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {first + 1 + 2 * i} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    if info:
        objects.append(f"<< {info} >>".encode())
    data = _pdf(objects)
    if info:
        data = data.replace(b"/Root 1 0 R >>", f"/Root 1 0 R /Info {len(objects)} 0 R >>".encode())
    path.write_bytes(data)
    return path


def text_pdf(path: Path, pages: list[list[str]], title: str = "") -> Path:
    """A PDF with the given lines of text on each page (Helvetica, Letter)."""
    streams = [
        "\n".join(["BT /F1 12 Tf 72 720 Td 14 TL", *(f"({_escape(line)}) '" for line in lines), "ET"]).encode(
            "latin-1"
        )
        for lines in pages
    ]
    font = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    info = f"/Title ({_escape(title)}) /CreationDate (D:20250314101500Z)" if title else ""
    return _pages_pdf(path, font, streams, info)


def text_bomb_pdf(path: Path, megabytes: int = 400, level: int = 9) -> Path:
    """One page whose compressed content stream expands to hundreds of MB of text-drawing operators
    (*level* 1 makes it several times faster, and the file about four times larger)."""
    unit = b"BT /F1 12 Tf 72 720 Td (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ET\n"
    block = unit * (1_048_576 // len(unit))
    compressor = zlib.compressobj(level)
    stream = b"".join(compressor.compress(block) for _ in range(megabytes)) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R >>",
        f"<< /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode() + stream + b"\nendstream",
    ]
    path.write_bytes(_pdf(objects))
    return path


def _jpeg_size(data: bytes) -> tuple[int, int, int]:
    """(width, height, components) from a baseline or progressive JPEG's SOF marker."""
    at = 2
    while at < len(data):
        marker, length = data[at + 1], int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return width, height, data[at + 9]
        at += 2 + length
    raise ValueError("not a JPEG")


def scan_pdf(path: Path, jpeg: Path, pages: int = 1, text_pages: tuple[int, ...] = ()) -> Path:
    """A scanned-looking PDF: the JPEG fills each page (no text layer), except the 1-based
    *text_pages*, which hold one line of text instead."""
    data = jpeg.read_bytes()
    width, height, components = _jpeg_size(data)
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(pages))
    space = "/DeviceRGB" if components == 3 else "/DeviceGray"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {space} "
        f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n".encode()
        + data
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for number in range(1, pages + 1):
        if number in text_pages:
            ops = f"BT /F1 12 Tf 72 720 Td (Typed page {number}) Tj ET".encode()
        else:
            ops = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /Im1 3 0 R >> /Font << /F1 4 0 R >> >> "
            + f"/Contents {6 + 2 * (number - 1)} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(ops)} >>\nstream\n".encode() + ops + b"\nendstream")
    path.write_bytes(_pdf(objects))
    return path


def hostile_pdf(path: Path) -> Path:
    """One page with every kind of active content: open action, document JavaScript, an embedded file,
    page actions, a launch link, a JavaScript link, a file-attachment annotation, a form field script."""
    content = b"BT /F1 14 Tf 72 720 Td (Hostile sample page text) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> "
        b"/EmbeddedFiles << /Names [(secret.txt) 7 0 R] >> >> /AcroForm << /Fields [10 0 R] >> >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R /AA << /O 6 0 R >> /Annots [9 0 R 11 0 R 12 0 R 10 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /S /JavaScript /JS (app.alert\\('EVILSCRIPT'\\)) >>",
        b"<< /Type /Filespec /F (secret.txt) /EF << /F 8 0 R >> >>",
        b"<< /Type /EmbeddedFile /Length 13 >>\nstream\nSECRETPAYLOAD\nendstream",
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [10 10 30 30] /FS 7 0 R >>",
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (f) /Rect [100 100 200 120] /AA << /K 6 0 R >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 600 200 620] /A << /S /Launch /F (calc.exe) >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [72 500 200 520] /A 6 0 R >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


#: the ligatures a ligature_pdf can typeset, and the codes of their glyphs in its font's encoding
LIGATURES = {"\ufb00": (0xB0, "ff"), "\ufb01": (0xAE, "fi"), "\ufb02": (0xAF, "fl"), "\ufb03": (0xB1, "ffi")}


def ligature_pdf(path: Path, pages: list[list[str]], title: str = "") -> Path:
    """A PDF typeset as LaTeX or InDesign do: "fi", "fl", "ff" and "ffi" in the lines (written as
    U+FB01 and so on) are single ligature glyphs, and the font's ToUnicode map gives them back as
    those ligature characters, which is what text extraction then reads."""
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Ligatures def 1 begincodespacerange <00> <FF> endcodespacerange",
            "1 beginbfrange <20> <7E> <0020> endbfrange",
            f"{len(LIGATURES)} beginbfchar",
            *(f"<{code:02X}> <{ord(char):04X}>" for char, (code, _) in LIGATURES.items()),
            "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    ).encode()
    differences = " ".join(f"{code} /{name}" for code, name in LIGATURES.values())
    font = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding 4 0 R /ToUnicode 5 0 R >>",
        f"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [{differences}] >>".encode(),
        f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream",
    ]
    codes = {char: bytes([code]) for char, (code, _) in LIGATURES.items()}
    streams = []
    for lines in pages:
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            raw = b"".join(codes.get(c) or _escape(c).encode("ascii") for c in line)
            ops.append(b"(" + raw + b") '")
        streams.append(b"\n".join([*ops, b"ET"]))
    return _pages_pdf(path, font, streams, f"/Title ({_escape(title)})" if title else "")
