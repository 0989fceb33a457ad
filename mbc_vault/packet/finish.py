"""The last pass over the merged PDF: footers, bookmarks and the contents links, written as one
incremental update after the merged bytes (only changed and new objects are parsed and written,
so the time does not grow with the size of scans and images).

Long on purpose: one incremental update, whose object numbering the steps share."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..progress import CancelFlag
from .frontmatter import LINK_SCHEME
from .model import Section

FOOTER_FONT = "/MBCVaultFooter"
FOOTER_LEAD = "/MBCVaultFooterLead"
FOOTER_SIZE = 7.5
#: distance of the footer's baseline from the bottom edge of the visible page, in points
FOOTER_BASELINE = 13.0


def _helvetica_widths() -> dict[str, float]:
    try:
        from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

        return dict(CORE_FONT_METRICS["Helvetica"].character_widths)
    except Exception:  # noqa: BLE001 - private table moved: fall back to an average width
        return {}


_WIDTHS = _helvetica_widths()


def text_width(text: str, size: float) -> float:
    default = _WIDTHS.get("default", 556)
    return sum(_WIDTHS.get(ch, default) for ch in text) * size / 1000


def winansi(text: str) -> bytes:
    return text.encode("cp1252", errors="replace")


def pdf_string(raw: bytes) -> bytes:
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def visible_box(page: Any) -> tuple[float, float, float, float]:
    media = [float(v) for v in page.get("/MediaBox", [0, 0, 612, 792])]
    mx0, my0, mx1, my1 = (
        min(media[0], media[2]),
        min(media[1], media[3]),
        max(media[0], media[2]),
        max(media[1], media[3]),
    )
    crop = page.get("/CropBox")
    if crop is None:
        return mx0, my0, mx1, my1
    c = [float(v) for v in crop]
    x0, y0, x1, y1 = (
        max(min(c[0], c[2]), mx0),
        max(min(c[1], c[3]), my0),
        min(max(c[0], c[2]), mx1),
        min(max(c[1], c[3]), my1),
    )
    if x1 <= x0 or y1 <= y0:
        return mx0, my0, mx1, my1
    return x0, y0, x1, y1


@dataclass
class FooterLead:
    """The start of every footer (the name), typeset once by Qt when Helvetica/WinAnsi cannot show it."""

    text: str
    width: float  # points, at FOOTER_SIZE
    baseline: float  # points above the bottom of the form


def can_use_helvetica(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def footer_ops(
    text: str, box: tuple[float, float, float, float], rotate: int, lead: FooterLead | None = None
) -> bytes:
    """Content that writes *text* centred along the bottom edge of the page as displayed (with *lead*:
    its first len(lead.text) characters are the form FOOTER_LEAD)."""
    x0, y0, x1, y1 = box
    rotate %= 360
    width = (x1 - x0) if rotate in (0, 180) else (y1 - y0)
    height = (y1 - y0) if rotate in (0, 180) else (x1 - x0)
    size = FOOTER_SIZE
    rest = text[len(lead.text) :] if lead is not None else text
    lead_width = lead.width if lead is not None else 0.0
    raw = winansi(rest)
    tw = lead_width + text_width(raw.decode("cp1252"), size)
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
        + pdf_string(raw)
        + b" Tj ET Q\n"
    )


def _num(n: float) -> str:
    return f"{n:.3f}".rstrip("0").rstrip(".") or "0"


def _lead_form(
    text: str, add: Callable[[Any], Any], put: Callable[[Any, Any], None]
) -> tuple[Any, FooterLead]:
    """The Qt-typeset *text* as a form XObject in the increment (its font objects copied along)."""
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        EncodedStreamObject,
        FloatObject,
        IndirectObject,
        NameObject,
        NullObject,
        StreamObject,
    )

    from ..render import typeset

    data, width, height, baseline = typeset.text_strip(text, FOOTER_SIZE)
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    copied: dict[int, Any] = {}

    def copy(obj: Any) -> Any:
        if isinstance(obj, IndirectObject):
            if obj.idnum not in copied:  # reserved first: a cycle ends at the reservation
                copied[obj.idnum] = add(NullObject())
                put(copied[obj.idnum], copy(obj.get_object()))
            return copied[obj.idnum]
        if isinstance(obj, StreamObject):
            new: Any = (
                EncodedStreamObject() if isinstance(obj, EncodedStreamObject) else DecodedStreamObject()
            )
            new._data = obj._data
            new.update({k: copy(v) for k, v in obj.items() if k != "/Length"})
            return new
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({k: copy(v) for k, v in obj.items()})
        if isinstance(obj, ArrayObject):
            return ArrayObject(copy(v) for v in obj)
        return obj

    form = DecodedStreamObject()
    contents = page.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    box = [float(v) for v in page.mediabox]
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in box)
    form[NameObject("/Resources")] = copy(page.get("/Resources") or DictionaryObject())
    # Qt draws from the top of its page: the baseline is (height - baseline) below the top
    return add(form), FooterLead(text, width, box[3] - (height - baseline))


def _startxref(handle: BinaryIO) -> int:
    handle.seek(0, io.SEEK_END)
    end = handle.tell()
    handle.seek(max(0, end - 2048))
    tail = handle.read()
    found = re.findall(rb"startxref\s+(\d+)", tail)
    if not found:
        raise ValueError("the merged PDF has no startxref")
    return int(found[-1])


@dataclass
class FinishPlan:
    sections: list[Section]  # in order; first_page 1-based
    footer: Callable[[int, int], str] | None  # (page number, total) -> text
    contents_part: int | None  # index in sections of the contents pages (their links are resolved)
    title: str
    #: the start common to every footer (the name); typeset with an embedded font when Helvetica lacks
    #: a letter
    footer_lead: str = ""


class _Update:
    """New and changed objects of one incremental update of the file read by *reader*."""

    def __init__(self, reader: Any, handle: BinaryIO) -> None:
        self.reader = reader
        trailer = reader.trailer
        known = [int(trailer.get("/Size", 0))]
        known += [max(ids) + 1 for ids in reader.xref.values() if ids]
        if reader.xref_objStm:
            known.append(max(reader.xref_objStm) + 1)
        self.size = max(known)  # never reuse a number, even when the trailer's /Size is wrong
        self.prev = _startxref(handle)
        self.changed: dict[int, tuple[int, Any]] = {}  # idnum -> (generation, object)
        self.new: list[Any] = []

    def add(self, obj: Any) -> Any:
        from pypdf.generic import IndirectObject

        self.new.append(obj)
        return IndirectObject(self.size + len(self.new) - 1, 0, self.reader)

    def put(self, ref: Any, obj: Any) -> None:
        self.new[ref.idnum - self.size] = obj

    def mark(self, ref: Any, obj: Any) -> None:
        self.changed[ref.idnum] = (ref.generation, obj)

    def increment(self, info_ref: Any = None) -> Increment:
        trailer = self.reader.trailer
        if info_ref is None and "/Info" in trailer:
            info_ref = trailer.raw_get("/Info")
        return _write_increment(
            self.changed,
            self.new,
            self.size,
            self.prev,
            trailer.raw_get("/Root"),
            info_ref,
            trailer.get("/ID"),
        )


def _footers(
    update: _Update,
    pages: Any,
    first: int,
    total: int,
    footer: Callable[[int, int], str],
    lead_text: str,
    cancel: CancelFlag | None,
) -> None:
    """A footer on each of *pages*, numbered from *first* (1-based) of *total*."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, IndirectObject, NameObject

    from ..errors import Cancelled

    font = update.add(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    prefix = DecodedStreamObject()
    prefix.set_data(b"q\n")
    prefix_ref = update.add(prefix)
    lead_ref, lead = None, None
    if lead_text and not can_use_helvetica(lead_text):
        lead_ref, lead = _lead_form(lead_text, update.add, update.put)
    for index, page in enumerate(pages):
        if cancel is not None and index % 64 == 0 and cancel.is_set():
            raise Cancelled("packet-cancelled")
        footer_stream = DecodedStreamObject()
        text = footer(first + index, total)
        footer_stream.set_data(
            footer_ops(
                text,
                visible_box(page),
                int(page.get("/Rotate", 0) or 0),
                lead if lead is not None and text.startswith(lead.text) else None,
            )
        )
        contents = page.get("/Contents")
        parts = ArrayObject([prefix_ref])
        if contents is not None:
            raw = page.raw_get("/Contents")
            if isinstance(raw, IndirectObject) and not isinstance(raw.get_object(), ArrayObject):
                parts.append(raw)
            else:
                parts.extend(raw.get_object())
        parts.append(update.add(footer_stream))
        page[NameObject("/Contents")] = parts
        resources = page.get("/Resources")
        resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
        fonts = resources.get("/Font")
        fonts = DictionaryObject(fonts.get_object()) if fonts is not None else DictionaryObject()
        fonts[NameObject(FOOTER_FONT)] = font
        resources[NameObject("/Font")] = fonts
        if lead_ref is not None:
            forms = resources.get("/XObject")
            forms = DictionaryObject(forms.get_object()) if forms is not None else DictionaryObject()
            forms[NameObject(FOOTER_LEAD)] = lead_ref
            resources[NameObject("/XObject")] = forms
        page[NameObject("/Resources")] = resources
        update.mark(page.indirect_reference, page)


def _page_refs(reader: Any) -> list[Any]:
    """References of the pages in order; a flat page tree (what qpdf writes) is read without
    parsing the pages themselves."""
    from pypdf.generic import IndirectObject

    tree = reader.trailer["/Root"].get_object()["/Pages"].get_object()
    kids = tree.get("/Kids")
    if kids is not None:
        refs = list(kids.get_object())
        if len(refs) == int(tree.get("/Count", -1)) and all(isinstance(r, IndirectObject) for r in refs):
            if all(r.get_object().get("/Type") == "/Page" for r in refs[:1]) and not any(
                key in tree for key in ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
            ):
                return refs
    return [p.indirect_reference for p in reader.pages]


def finish(handle: BinaryIO, plan: FinishPlan, cancel: CancelFlag | None = None) -> Increment:
    """The incremental update to append after the merged file read from *handle*."""
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NullObject,
        NumberObject,
        create_string_object,
    )

    reader = PdfReader(handle, strict=False)
    trailer = reader.trailer
    update = _Update(reader, handle)
    add, mark = update.add, update.mark

    if plan.footer is not None:
        pages = list(reader.pages)
        page_refs: list[Any] = [p.indirect_reference for p in pages]
        _footers(update, pages, 1, len(pages), plan.footer, plan.footer_lead, cancel)

        def page(number: int) -> Any:  # 0-based; the page objects the footers changed
            return pages[number]
    else:
        page_refs = _page_refs(reader)

        def page(number: int) -> Any:
            return page_refs[number].get_object()

    # contents links: Qt wrote URI links "mbcpacket:<section>"; they become jumps to the pages
    if plan.contents_part is not None:
        contents = plan.sections[plan.contents_part]
        for index in range(contents.first_page - 1, contents.first_page - 1 + contents.pages):
            page_obj = page(index)
            annots = page_obj.get("/Annots")
            for ref in annots.get_object() if annots is not None else []:
                annot = ref.get_object()
                action = annot.get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                if not (uri and str(uri).startswith(LINK_SCHEME)):
                    continue
                target = plan.sections[int(str(uri)[len(LINK_SCHEME) :])]
                del annot[NameObject("/A")]
                annot[NameObject("/Dest")] = ArrayObject(
                    [page_refs[target.first_page - 1], NameObject("/Fit")]
                )
                if isinstance(ref, IndirectObject):
                    mark(ref, annot)
                else:
                    mark(page_refs[index], page_obj)

    # bookmarks: one per section, in order
    root_ref = trailer.raw_get("/Root")
    root = root_ref.get_object()
    outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    outlines_ref = add(outlines)
    items = []
    for section in plan.sections:
        item = DictionaryObject(
            {
                NameObject("/Title"): create_string_object(section.title),
                NameObject("/Parent"): outlines_ref,
                NameObject("/Dest"): ArrayObject(
                    [
                        page_refs[section.first_page - 1],
                        NameObject("/XYZ"),
                        NullObject(),
                        NullObject(),
                        NullObject(),
                    ]
                ),
            }
        )
        items.append((add(item), item))
    for i, (_ref, item) in enumerate(items):
        if i:
            item[NameObject("/Prev")] = items[i - 1][0]
        if i + 1 < len(items):
            item[NameObject("/Next")] = items[i + 1][0]
    if items:
        outlines[NameObject("/First")] = items[0][0]
        outlines[NameObject("/Last")] = items[-1][0]
        outlines[NameObject("/Count")] = NumberObject(len(items))
    root[NameObject("/Outlines")] = outlines_ref
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    if plan.title:
        viewer = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
        root[NameObject("/ViewerPreferences")] = viewer
    mark(root_ref, root)
    info = DictionaryObject(
        {
            NameObject("/Title"): create_string_object(plan.title),
            NameObject("/Creator"): create_string_object("MBC Vault"),
            NameObject("/Producer"): create_string_object("MBC Vault packet builder (qpdf)"),
        }
    )
    return update.increment(add(info))


_PLAIN_NAME = re.compile(r"/[A-Za-z0-9._+\-*:;,!=@~&$?|'^`\"]*\Z")


def _pdf_bytes(obj: Any, out: list[bytes]) -> None:
    """*obj* in PDF syntax, appended to *out*: the common types directly (pypdf's own writer costs about
    a third of the finishing pass), anything else through pypdf."""
    if not _TYPES:
        from pypdf import generic

        _TYPES.update(
            {
                name: getattr(generic, name)
                for name in (
                    "ArrayObject",
                    "BooleanObject",
                    "DictionaryObject",
                    "FloatObject",
                    "IndirectObject",
                    "NameObject",
                    "NullObject",
                    "NumberObject",
                    "StreamObject",
                )
            }
        )
    _write_pdf(obj, out, _TYPES)


_TYPES: dict[str, Any] = {}


def _write_pdf(obj: Any, out: list[bytes], t: dict[str, Any]) -> None:
    kind = type(obj)
    if kind is t["IndirectObject"]:
        out.append(b"%d %d R" % (obj.idnum, obj.generation))
    elif kind is t["NameObject"] and _PLAIN_NAME.match(obj):
        out.append(obj.encode("ascii"))
    elif kind is t["NumberObject"]:
        out.append(b"%d" % obj)
    elif kind is t["BooleanObject"]:
        out.append(b"true" if obj else b"false")
    elif kind is t["NullObject"]:
        out.append(b"null")
    elif kind is t["ArrayObject"]:
        out.append(b"[")
        for item in obj:
            _write_pdf(item, out, t)
            out.append(b" ")
        out.append(b"]")
    elif isinstance(obj, t["StreamObject"]):
        items = {**obj, t["NameObject"]("/Length"): t["NumberObject"](len(obj._data))}
        _write_pdf(t["DictionaryObject"](items), out, t)
        out.append(b"\nstream\n")
        out.append(obj._data)
        out.append(b"\nendstream")
    elif isinstance(obj, t["DictionaryObject"]):
        out.append(b"<<")
        for key, value in obj.items():
            _write_pdf(key, out, t)
            out.append(b" ")
            _write_pdf(value, out, t)
            out.append(b" ")
        out.append(b">>")
    elif kind is t["FloatObject"]:
        out.append(obj.myrepr().encode("ascii"))
    else:
        buffer = io.BytesIO()
        obj.write_to_stream(buffer)
        out.append(buffer.getvalue())


def _write_increment(
    changed: dict[int, tuple[int, Any]],
    new: list[Any],
    size: int,
    prev: int,
    root_ref: Any,
    info_ref: Any,
    file_id: Any,
) -> Increment:
    out = io.BytesIO()
    out.write(b"\n")
    entries: dict[int, tuple[int, int]] = {}
    numbered = [(idnum, generation, obj) for idnum, (generation, obj) in sorted(changed.items())]
    numbered += [(size + offset, 0, obj) for offset, obj in enumerate(new)]
    for idnum, generation, obj in numbered:
        entries[idnum] = (out.tell(), generation)
        chunks = [b"%d %d obj\n" % (idnum, generation)]
        _pdf_bytes(obj, chunks)
        chunks.append(b"\nendobj\n")
        out.write(b"".join(chunks))
    # offsets are relative to the start of the increment: fixed when it is placed (Increment.bytes_at)
    return Increment(out.getvalue(), entries, size + len(new), prev, root_ref, info_ref, file_id)


class Increment:
    """Body bytes plus a classic xref section and trailer; offsets shifted by where it lands."""

    def __init__(
        self,
        body: bytes,
        entries: dict[int, tuple[int, int]],
        size: int,
        prev: int,
        root_ref: Any,
        info_ref: Any,
        file_id: Any,
    ) -> None:
        self.body, self.entries, self.size, self.prev = body, entries, size, prev
        self.root_ref, self.info_ref, self.file_id = root_ref, info_ref, file_id

    def bytes_at(self, start: int) -> bytes:
        """The increment as it must be written when the merged file is *start* bytes long."""
        out = io.BytesIO()
        out.write(self.body)
        xref_at = start + out.tell()
        out.write(b"xref\n")
        ids = sorted(self.entries)
        runs: list[list[int]] = []
        for idnum in ids:
            if runs and runs[-1][-1] + 1 == idnum:
                runs[-1].append(idnum)
            else:
                runs.append([idnum])
        for run in runs:
            out.write(f"{run[0]} {len(run)}\n".encode())
            for idnum in run:
                offset, generation = self.entries[idnum]
                out.write(f"{start + offset:010d} {generation:05d} n \n".encode())
        info = (
            f"/Info {self.info_ref.idnum} {self.info_ref.generation} R " if self.info_ref is not None else ""
        )
        trailer = (
            f"trailer\n<< /Size {self.size} /Root {self.root_ref.idnum} {self.root_ref.generation} R "
            f"{info}/Prev {self.prev}"
        ).encode()
        if self.file_id is not None:
            ids_out = io.BytesIO()
            self.file_id.get_object().write_to_stream(ids_out)
            trailer += b" /ID " + ids_out.getvalue()
        out.write(trailer + f" >>\nstartxref\n{xref_at}\n%%EOF\n".encode())
        return out.getvalue()
