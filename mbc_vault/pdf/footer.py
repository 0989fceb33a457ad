"""The packet's footer as PDF content: where it goes on a page as displayed, and its width in Helvetica.

Pure geometry and text (no PDF library, no Qt), used by the worker's assembly (`assemble.py`).
Helvetica is one of the 14 standard PDF fonts: it is never embedded, so every viewer has it, and the
footer costs a few bytes a page. Its widths (Adobe's AFM metrics, per WinAnsi character, in 1/1000 em)
centre the footer. A name Helvetica cannot show is typeset by Qt in the app and placed as a form
(`FooterLead`).
"""

from __future__ import annotations

from dataclasses import dataclass

FOOTER_FONT = "/MBCVaultFooter"
FOOTER_LEAD = "/MBCVaultFooterLead"
FOOTER_SIZE = 7.5
#: distance of the footer's baseline from the bottom edge of the visible page, in points
FOOTER_BASELINE = 13.0
LETTER = (0.0, 0.0, 612.0, 792.0)

_HELVETICA_GROUPS = {
    191: "'",
    222: "ijl‚‘’",
    260: "|¦",
    278: " !,./:;I[\\]ft·ÌÍÎÏìíîï",
    333: "()-`r„ˆ‹“”˜›¡¨¯²³´¸¹",
    334: "{}",
    350: "•",
    355: '"',
    365: "º",
    370: "ª",
    389: "*",
    400: "°",
    469: "^",
    500: "Jcksvxyzšžçýÿ",
    537: "¶",
    584: "+<=>~¬±×÷",
    611: "FTZŽ¿ßø",
    667: "&ABEKPSVXYŠŸÀÁÂÃÄÅÈÉÊËÝÞ",
    722: "CDHNRUwÇÐÑÙÚÛÜ",
    737: "©®",
    778: "GOQÒÓÔÕÖØ",
    833: "Mm",
    834: "¼½¾",
    889: "%æ",
    944: "Wœ",
    1000: "…‰Œ—™Æ",
    1015: "@",
}
#: the rest of WinAnsi (digits, most lower-case letters, accented vowels...) is 556 wide
_DEFAULT_WIDTH = 556
_WIDTHS = {ch: width for width, chars in _HELVETICA_GROUPS.items() for ch in chars}


def text_width(text: str, size: float) -> float:
    """The width of *text* in Helvetica at *size* points."""
    return sum(_WIDTHS.get(ch, _DEFAULT_WIDTH) for ch in text) * size / 1000


def winansi(text: str) -> bytes:
    return text.encode("cp1252", errors="replace")


def can_use_helvetica(text: str) -> bool:
    """Whether Helvetica (WinAnsi) can show every character of *text*."""
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def pdf_string(raw: bytes) -> bytes:
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _number(value: object, default: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return default
    return number if abs(number) < 1e7 else default


def _rectangle(values: object) -> tuple[float, float, float, float] | None:
    """Four numbers as (x0, y0, x1, y1) with x0 < x1, y0 < y1; None if *values* is not a rectangle."""
    try:
        items = list(values)  # type: ignore[call-overload]
    except TypeError:
        return None
    if len(items) != 4:
        return None
    a, b, c, d = (_number(v, float("nan")) for v in items)
    if any(n != n for n in (a, b, c, d)):  # NaN: not a number
        return None
    x0, x1, y0, y1 = min(a, c), max(a, c), min(b, d), max(b, d)
    if x1 - x0 < 1 or y1 - y0 < 1:
        return None
    return x0, y0, x1, y1


def visible_box(media: object, crop: object = None) -> tuple[float, float, float, float]:
    """The visible part of a page: its crop box inside its media box (Letter when neither makes sense)."""
    m = _rectangle(media) or LETTER
    c = _rectangle(crop) if crop is not None else None
    if c is None:
        return m
    x0, y0, x1, y1 = max(c[0], m[0]), max(c[1], m[1]), min(c[2], m[2]), min(c[3], m[3])
    if x1 <= x0 or y1 <= y0:
        return m
    return x0, y0, x1, y1


@dataclass
class FooterLead:
    """The start of every footer (the name), typeset once by Qt when Helvetica/WinAnsi cannot show it."""

    text: str
    width: float  # points, at FOOTER_SIZE
    baseline: float  # points above the bottom of the form


def footer_ops(
    text: str, box: tuple[float, float, float, float], rotate: int, lead: FooterLead | None = None
) -> bytes:
    """Content that writes *text* centred along the bottom edge of the page as displayed (with *lead*:
    its first len(lead.text) characters are the form FOOTER_LEAD). It starts by closing the `q` put
    before the page's own content, so the page's graphics state never moves the footer."""
    rest = text[len(lead.text) :] if lead is not None else text
    raw = winansi(rest)
    return footer_start(text_width(raw.decode("cp1252"), FOOTER_SIZE), box, rotate, lead) + footer_end(raw)


def footer_start(
    text_points: float, box: tuple[float, float, float, float], rotate: int, lead: FooterLead | None
) -> bytes:
    """footer_ops up to its Helvetica string: the placement of a footer whose Helvetica part is
    *text_points* wide at FOOTER_SIZE (the same for every page whose footer has as many characters,
    since only the page number changes and Helvetica's digits are all one width: see Footers)."""
    x0, y0, x1, y1 = box
    rotate %= 360
    width = (x1 - x0) if rotate in (0, 180) else (y1 - y0)
    height = (y1 - y0) if rotate in (0, 180) else (x1 - x0)
    size = FOOTER_SIZE
    lead_width = lead.width if lead is not None else 0.0
    tw = lead_width + text_points
    if tw > width - 24:  # a narrow page: shrink the footer to fit
        size = max(3.0, size * (width - 24) / max(tw, 1))
        tw = tw * size / FOOTER_SIZE
    u, v = (width - tw) / 2, min(FOOTER_BASELINE, height / 4)
    matrix = {
        0: (1, 0, 0, 1, x0 + u, y0 + v),
        90: (0, 1, -1, 0, x1 - v, y0 + u),
        180: (-1, 0, 0, -1, x1 - u, y1 - v),
        270: (0, -1, 1, 0, x0 + v, y1 - u),
    }.get(rotate)
    if matrix is None:  # not a multiple of 90: treated as unrotated
        matrix = (1, 0, 0, 1, x0 + u, y0 + v)
    cm = " ".join(_num(n) for n in matrix)
    scale = size / FOOTER_SIZE
    drawn = b""
    if lead is not None:
        drawn = (
            f"q {_num(scale)} 0 0 {_num(scale)} 0 {_num(-lead.baseline * scale)} cm {FOOTER_LEAD} Do Q "
        ).encode()
    return (
        b"\nQ\nq "
        + cm.encode()
        + b" cm "
        + drawn
        + b"BT "
        + FOOTER_FONT.encode()
        + f" {size:.2f} Tf 0.25 g {_num(lead_width * scale)} 0 Td ".encode()
    )


def footer_end(raw: bytes) -> bytes:
    """The rest of footer_ops: the Helvetica string *raw* (WinAnsi) shown, and the state restored."""
    return pdf_string(raw) + b" Tj ET Q\n"


class Footers:
    """The footer content of every page of one packet ("<lead>page N of M"), its placement worked out
    once per page box, rotation and length of the page number instead of once per page: the footers of
    pages of one size differ only in their digits, and every digit is 556/1000 em wide in Helvetica
    (the same content as footer_ops, tests/test_pdf_packet_jobs.py)."""

    def __init__(self, lead_text: str, total: int, lead: FooterLead | None = None) -> None:
        self.lead_text, self.total, self.lead = lead_text, total, lead
        self._starts: dict[tuple[tuple[float, float, float, float], int, int, bool], bytes] = {}

    def ops(self, number: int, box: tuple[float, float, float, float], rotate: int) -> tuple[bytes, bool]:
        """footer_ops(text, box, rotate, lead) for page *number* (text its footer_text; lead when the
        text starts with the lead's, else None), and whether it draws the lead (FOOTER_LEAD)."""
        text = footer_text(self.lead_text, number, self.total)
        placed = self.lead if self.lead is not None and text.startswith(self.lead.text) else None
        rest = text[len(placed.text) :] if placed is not None else text
        raw = winansi(rest)
        key = (box, rotate % 360, len(raw), placed is not None)
        start = self._starts.get(key)
        if start is None:
            start = footer_start(text_width(raw.decode("cp1252"), FOOTER_SIZE), box, rotate, placed)
            self._starts[key] = start
        return start + footer_end(raw), placed is not None


def _num(n: float) -> str:
    return f"{n:.3f}".rstrip("0").rstrip(".") or "0"


def footer_text(lead: str, page: int, total: int) -> str:
    """The footer of page *page* (1-based) of *total*: the name and date of birth, then the page."""
    return f"{lead}page {page} of {total}"
