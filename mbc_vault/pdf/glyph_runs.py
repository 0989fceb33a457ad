"""Qt's PDF pages with each line's letters in one text object, so that PDFium (Chrome's and Edge's
viewer, and our own reader) reads them as lines.

Qt's PDF engine draws every glyph on its own: ``dx 0 Td <gid> Tj`` for each letter. PDFium makes a text
object of each ``Tj``, and when the text objects cover more of a page's height than of its width (a few
short lines, a table whose columns leave the same gaps in every row) it takes the page for vertical
writing and reads it one letter a line: find-in-page and copying then fail on it. Here each run of
such glyphs on one baseline becomes one ``TJ`` whose numbers keep every glyph exactly where Qt put it
(each number is the glyph's own width less the step Qt took, in thousandths of the font size), so the
page looks the same and PDFium sees one object a run.

Qt's ToUnicode map gives the space glyph U+0009 (a tab): PDFium read a joined line's spaces as tabs,
so the maps of the fonts on joined pages say U+0020 (typeset HTML has no tabs: it folds them into
spaces).

Only the pages the app typeset go through this (the assembly's typeset parts, assemble.py); a run is
joined only when it is nothing but ``Td``/``Tj`` lines in a Type0 font whose widths are known and no
text is shown right after it; everything else on the page is left as it was.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

import pikepdf

_PLACES = Decimal("0.0001")
_RANGE = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*)(.*)$")
_CHAR = re.compile(rb"^(\s*<[0-9A-Fa-f]+>\s*)(<[0-9A-Fa-f]+>)(\s*)$")
_TAB = re.compile(rb"<0*9>")


def spaces_not_tabs(cmap: bytes) -> bytes:
    """A ToUnicode CMap whose U+0009 destinations say U+0020 (sources are left as they are)."""
    out, section = [], b""
    for line in cmap.split(b"\n"):
        word = line.strip()
        if word.endswith((b"beginbfrange", b"beginbfchar")):
            section = word.split()[-1]
        elif word in (b"endbfrange", b"endbfchar"):
            section = b""
        elif section == b"beginbfrange" and (found := _RANGE.match(line)):
            line = found.group(1) + _TAB.sub(b"<0020>", found.group(2))
        elif section == b"beginbfchar" and (found := _CHAR.match(line)):
            line = found.group(1) + _TAB.sub(b"<0020>", found.group(2)) + found.group(3)
        out.append(line)
    return b"\n".join(out)


def _widths(font: Any) -> dict[int, float] | None:
    """Glyph widths (in thousandths of the font size) of a Type0 font with Identity-H, or None."""
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H":
        return None
    descendant = font.DescendantFonts[0]
    default = float(descendant.get("/DW", 1000))
    widths: dict[int, float] = {}
    spec = list(descendant.get("/W", []))
    index = 0
    while index < len(spec):
        first = int(spec[index])
        if index + 1 < len(spec) and isinstance(spec[index + 1], pikepdf.Array):
            for offset, width in enumerate(spec[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        elif index + 2 < len(spec):
            for code in range(first, int(spec[index + 1]) + 1):
                widths[code] = float(spec[index + 2])
            index += 3
        else:
            return None
    widths[-1] = default
    return widths


_NUMBER = rb"-?\d+(?:\.\d+)?"  # as Qt writes them
#: one of Qt's glyphs: "dx dy Td <gid> Tj" on a line of its own
_PAIR = re.compile(rb"^(" + _NUMBER + rb") (" + _NUMBER + rb") Td <([0-9A-Fa-f]*)> Tj\n", re.MULTILINE)
_FONT = re.compile(rb"/([^\s/\[\]()<>{}%]+) (" + _NUMBER + rb") Tf")
_SHOWS = (b"Tj", b"TJ", b"'", b'"')


def _text_width(hex_text: bytes, widths: dict[int, float]) -> float | None:
    if len(hex_text) % 4:
        return None
    return sum(widths.get(int(hex_text[at : at + 4], 16), widths[-1]) for at in range(0, len(hex_text), 4))


def _join(stream: bytes, fonts: dict[str, dict[int, float] | None]) -> tuple[bytes, int]:
    """A page's content stream with its glyph runs joined; and how many runs were joined. A run is
    a "Td <gid> Tj" line followed at once by more of them on the same baseline (dy 0), all in a font
    whose widths are known; what follows it must not show text (it would count on where Qt's last
    Tj left the text position)."""
    fonts_at = [
        (found.start(), found.group(1).decode("latin-1"), float(found.group(2)))
        for found in _FONT.finditer(stream)
    ]
    out: list[bytes] = []
    done, joined = 0, 0
    pairs = list(_PAIR.finditer(stream))
    index = 0
    while index < len(pairs):
        first = pairs[index]
        end = index + 1
        while (
            end < len(pairs)
            and pairs[end].start() == pairs[end - 1].end()
            and float(pairs[end].group(2)) == 0
        ):
            end += 1
        run, index = pairs[index:end], end
        if len(run) < 2:
            continue
        font = next((f for f in reversed(fonts_at) if f[0] < first.start()), None)
        if font is None:
            continue
        widths, size = fonts.get(font[1]), font[2]
        line_end = stream.find(b"\n", run[-1].end())
        following = stream[run[-1].end() : line_end if line_end >= 0 else len(stream)].strip()
        if widths is None or not size or following.endswith(_SHOWS):
            continue
        items, moved, drift = [b"<" + first.group(3) + b">"], 0.0, 0.0
        previous = _text_width(first.group(3), widths)
        for pair in run[1:]:
            if previous is None:
                break
            step = float(pair.group(1))
            exact = previous - step * 1000 / size + drift
            number = Decimal(exact).quantize(_PLACES)
            drift = exact - float(number)  # carried on: the rounding does not add up along a line
            items += [str(number).encode(), b"<" + pair.group(3) + b">"]
            moved += step
            previous = _text_width(pair.group(3), widths)
        if previous is None:
            continue
        out.append(stream[done : first.start()])
        out.append(first.group(1) + b" " + first.group(2) + b" Td [" + b" ".join(items) + b"] TJ\n")
        # the line matrix where Qt's last Td left it: the next Td is relative to it
        out.append(str(Decimal(moved).quantize(Decimal("0.0000001"))).encode() + b" 0 Td\n")
        done = run[-1].end()
        joined += 1
    out.append(stream[done:])
    return b"".join(out), joined


def join_pages(pdf: Any) -> int:
    """Join the glyph runs of every page of *pdf* (an open pikepdf.Pdf), in place; how many joined."""
    total, mapped = 0, set()
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        fonts_dict = resources.get("/Font") if resources is not None else None
        contents = page.obj.get("/Contents")
        if fonts_dict is None or contents is None:
            continue
        fonts = {str(name)[1:]: _widths(font) for name, font in fonts_dict.items()}
        parts = contents if isinstance(contents, pikepdf.Array) else [contents]
        stream, joined = _join(b"".join(part.read_bytes() for part in parts), fonts)
        if not joined:
            continue
        page.obj.Contents = pdf.make_stream(stream)
        total += joined
        for font in fonts_dict.values():
            to_unicode = font.get("/ToUnicode")
            if to_unicode is not None and to_unicode.objgen not in mapped:
                mapped.add(to_unicode.objgen)
                to_unicode.write(spaces_not_tabs(to_unicode.read_bytes()))
    return total


def join_glyph_runs(data: bytes) -> bytes:
    """*data* (a PDF Qt made) with each baseline's glyphs in one text object; as it was if none joined."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if not join_pages(pdf):
            return data
        out = io.BytesIO()
        pdf.save(out, compress_streams=True)
        return out.getvalue()
