"""The last pass over the merged PDF: footers, bookmarks and the contents links, written as one
incremental update after the merged bytes (only changed and new objects are parsed and written,
so the time does not grow with the size of scans and images)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, BinaryIO, Callable

from .frontmatter import LINK_SCHEME
from .model import Section

FOOTER_FONT = "/MBCVaultFooter"
FOOTER_SIZE = 7.5
#: distance of the footer's baseline from the bottom edge of the visible page, in points
FOOTER_BASELINE = 13.0


def _helvetica_widths() -> dict[str, int]:
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
    mx0, my0, mx1, my1 = min(media[0], media[2]), min(media[1], media[3]), max(media[0], media[2]), max(media[1], media[3])
    crop = page.get("/CropBox")
    if crop is None:
        return mx0, my0, mx1, my1
    c = [float(v) for v in crop]
    x0, y0, x1, y1 = max(min(c[0], c[2]), mx0), max(min(c[1], c[3]), my0), min(max(c[0], c[2]), mx1), min(max(c[1], c[3]), my1)
    if x1 <= x0 or y1 <= y0:
        return mx0, my0, mx1, my1
    return x0, y0, x1, y1


def footer_ops(text: str, box: tuple[float, float, float, float], rotate: int) -> bytes:
    """Content that writes *text* centred along the bottom edge of the page as displayed."""
    x0, y0, x1, y1 = box
    rotate %= 360
    width = (x1 - x0) if rotate in (0, 180) else (y1 - y0)
    height = (y1 - y0) if rotate in (0, 180) else (x1 - x0)
    size = FOOTER_SIZE
    raw = winansi(text)
    tw = text_width(raw.decode("cp1252"), size)
    if tw > width - 24:  # a narrow page: shrink the footer to fit
        size = max(3.0, size * (width - 24) / max(tw, 1))
        tw = text_width(raw.decode("cp1252"), size)
    u, v = (width - tw) / 2, min(FOOTER_BASELINE, height / 4)
    matrix = {0: (1, 0, 0, 1, x0 + u, y0 + v), 90: (0, 1, -1, 0, x1 - v, y0 + u),
              180: (-1, 0, 0, -1, x1 - u, y1 - v), 270: (0, -1, 1, 0, x0 + v, y1 - u)}.get(rotate)
    if matrix is None:  # not a multiple of 90: treated as unrotated
        matrix = (1, 0, 0, 1, x0 + u, y0 + v)
    cm = " ".join(f"{n:.3f}".rstrip("0").rstrip(".") for n in matrix)
    return (b"\nQ\nq " + cm.encode() + b" cm BT " + FOOTER_FONT.encode() + f" {size:.2f} Tf 0.25 g 0 0 Td ".encode()
            + pdf_string(raw) + b" Tj ET Q\n")


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


def finish(handle: BinaryIO, plan: FinishPlan, cancel: Any = None) -> "Increment":
    """The incremental update to append after the merged file read from *handle*."""
    from pypdf import PdfReader
    from pypdf.generic import (ArrayObject, BooleanObject, DecodedStreamObject, DictionaryObject, IndirectObject, NameObject,
                               NullObject, NumberObject, create_string_object)

    from ..errors import Cancelled

    reader = PdfReader(handle, strict=False)
    trailer = reader.trailer
    size = int(trailer["/Size"])
    prev = _startxref(handle)
    changed: dict[int, tuple[int, Any]] = {}  # idnum -> (generation, object)
    new: list[Any] = []

    def add(obj: Any) -> IndirectObject:
        new.append(obj)
        return IndirectObject(size + len(new) - 1, 0, reader)

    def mark(ref: Any, obj: Any) -> None:
        changed[ref.idnum] = (ref.generation, obj)

    pages = reader.pages
    total = len(pages)
    page_refs = [p.indirect_reference for p in pages]

    if plan.footer is not None:
        font = add(DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                                     NameObject("/BaseFont"): NameObject("/Helvetica"),
                                     NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
        prefix = DecodedStreamObject()
        prefix.set_data(b"q\n")
        prefix_ref = add(prefix)
        for index, page in enumerate(pages):
            if cancel is not None and index % 64 == 0 and cancel.is_set():
                raise Cancelled("Building the packet was cancelled; nothing was written.")
            footer = DecodedStreamObject()
            footer.set_data(footer_ops(plan.footer(index + 1, total), visible_box(page), int(page.get("/Rotate", 0) or 0)))
            contents = page.get("/Contents")
            parts = ArrayObject([prefix_ref])
            if contents is not None:
                raw = page.raw_get("/Contents")
                if isinstance(raw, IndirectObject) and not isinstance(raw.get_object(), ArrayObject):
                    parts.append(raw)
                else:
                    parts.extend(raw.get_object())
            parts.append(add(footer))
            page[NameObject("/Contents")] = parts
            resources = page.get("/Resources")
            resources = DictionaryObject(resources.get_object()) if resources is not None else DictionaryObject()
            fonts = resources.get("/Font")
            fonts = DictionaryObject(fonts.get_object()) if fonts is not None else DictionaryObject()
            fonts[NameObject(FOOTER_FONT)] = font
            resources[NameObject("/Font")] = fonts
            page[NameObject("/Resources")] = resources
            mark(page.indirect_reference, page)

    # contents links: Qt wrote URI links "mbcpacket:<section>"; they become jumps to the pages
    if plan.contents_part is not None:
        contents = plan.sections[plan.contents_part]
        for index in range(contents.first_page - 1, contents.first_page - 1 + contents.pages):
            page = pages[index]
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                action = annot.get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                if not (uri and str(uri).startswith(LINK_SCHEME)):
                    continue
                target = plan.sections[int(str(uri)[len(LINK_SCHEME):])]
                del annot[NameObject("/A")]
                annot[NameObject("/Dest")] = ArrayObject([page_refs[target.first_page - 1], NameObject("/Fit")])
                if isinstance(ref, IndirectObject):
                    mark(ref, annot)
                else:
                    mark(page.indirect_reference, page)

    # bookmarks: one per section, in order
    root_ref = trailer.raw_get("/Root")
    root = root_ref.get_object()
    outlines = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    outlines_ref = add(outlines)
    items = []
    for section in plan.sections:
        item = DictionaryObject({NameObject("/Title"): create_string_object(section.title),
                                 NameObject("/Parent"): outlines_ref,
                                 NameObject("/Dest"): ArrayObject([page_refs[section.first_page - 1], NameObject("/XYZ"),
                                                                   NullObject(), NullObject(), NullObject()])})
        items.append((add(item), item))
    for i, (ref, item) in enumerate(items):
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
    info = DictionaryObject({NameObject("/Title"): create_string_object(plan.title),
                             NameObject("/Creator"): create_string_object("MBC Vault"),
                             NameObject("/Producer"): create_string_object("MBC Vault packet builder (qpdf)")})
    info_ref = add(info)
    return _write_increment(changed, new, size, prev, root_ref, info_ref, trailer.get("/ID"))


def _write_increment(changed: dict[int, tuple[int, Any]], new: list[Any], size: int, prev: int, root_ref: Any,
                     info_ref: Any, file_id: Any) -> "Increment":
    out = io.BytesIO()
    out.write(b"\n")
    entries: dict[int, tuple[int, int]] = {}
    for idnum, (generation, obj) in sorted(changed.items()):
        entries[idnum] = (out.tell(), generation)
        out.write(f"{idnum} {generation} obj\n".encode())
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    for offset, obj in enumerate(new):
        idnum = size + offset
        entries[idnum] = (out.tell(), 0)
        out.write(f"{idnum} 0 obj\n".encode())
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    # offsets are relative to the start of the increment: fixed when it is placed (Increment.bytes_at)
    return Increment(out.getvalue(), entries, size + len(new), prev, root_ref, info_ref, file_id)


class Increment:
    """Body bytes plus a classic xref section and trailer; offsets shifted by where it lands."""

    def __init__(self, body: bytes, entries: dict[int, tuple[int, int]], size: int, prev: int, root_ref: Any,
                 info_ref: Any, file_id: Any) -> None:
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
        trailer = (f"trailer\n<< /Size {self.size} /Root {self.root_ref.idnum} {self.root_ref.generation} R "
                   f"/Info {self.info_ref.idnum} 0 R /Prev {self.prev}").encode()
        if self.file_id is not None:
            ids_out = io.BytesIO()
            self.file_id.get_object().write_to_stream(ids_out)
            trailer += b" /ID " + ids_out.getvalue()
        out.write(trailer + f" >>\nstartxref\n{xref_at}\n%%EOF\n".encode())
        return out.getvalue()
