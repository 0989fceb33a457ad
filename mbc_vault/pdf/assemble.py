"""Worker job: put the packet together in one pass and stream the finished PDF back to the app.

`assemble` copies the pages of every part in order into one PDF (pikepdf, that is qpdf: the
documents' streams are copied byte for byte, never decoded): a new one, or, when the documents may go
("release"), the largest document itself, whose pages are then not copied a second time (20,000
pages: docs/performance.md). Then on that one document it adds a footer to every page, turns the
contents page's links into jumps to their pages, adds one bookmark per section, and writes it,
AES-256 encrypted when a password is given, to `request.out`.

The parts are the documents `sanitize.py` checked and kept in the store (referred to by key), and the
pages the app typeset with Qt (cover, contents, summary, notes) and the pages this worker made of photos
and scans (images.py), sent back as blobs.
"""

from __future__ import annotations

import io
import warnings
from typing import Any, BinaryIO

from .footer import FOOTER_FONT, FOOTER_LEAD, FooterLead, Footers, visible_box
from .glyph_runs import join_pages
from .protocol import JobError, Request
from .sanitize import append_pages, save_options, store_key

#: the output goes to the app in pieces of about this size (qpdf writes many small pieces)
OUTPUT_CHUNK = 1 << 20
PRODUCER = "MBC Vault packet builder (pikepdf)"


class _Passing(io.RawIOBase):
    """The raw side of the output: writes go on to the app's stream in pieces of at most OUTPUT_CHUNK
    (the app refuses larger ones). Wrapped in a BufferedWriter (C), so qpdf's many small writes cost
    no Python call each; it has no file number, so pikepdf writes through it, not to a descriptor."""

    def __init__(self, target: BinaryIO) -> None:
        self.target = target

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        for start in range(0, view.nbytes, OUTPUT_CHUNK):
            self.target.write(view[start : start + OUTPUT_CHUNK])  # consumed at once: the buffer is reused
        return view.nbytes


def output_stream(target: BinaryIO) -> io.BufferedWriter:
    """*target* behind a buffer of OUTPUT_CHUNK: the output goes on in pieces of about that size."""
    return io.BufferedWriter(_Passing(target), OUTPUT_CHUNK)


def _number(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _dictionary(holder: Any, key: str) -> Any:
    """holder[key] as a dictionary, made (direct) when it is missing or not a dictionary."""
    import pikepdf

    value = holder.get(key)
    if not isinstance(value, pikepdf.Dictionary):
        value = pikepdf.Dictionary()
        holder[key] = value
    return value


def _lead_form(
    packet: Any, spec: dict[str, Any], blobs: list[bytes], keep: list[Any]
) -> tuple[Any, FooterLead]:
    """The Qt-typeset start of the footer (a one-line PDF from the app) as a form XObject of *packet*."""
    import pikepdf

    strip = pikepdf.open(io.BytesIO(blobs[int(spec["blob"])]))
    keep.append(strip)
    page = strip.pages[0]
    top = _number(page.mediabox[3], float(spec["height"]))
    form = packet.copy_foreign(page.as_form_xobject())
    baseline = top - (float(spec["height"]) - float(spec["baseline"]))
    return form, FooterLead(str(spec["text"]), float(spec["width"]), baseline)


def _key(value: Any) -> bytes | None:
    """*value* (a page's box, as the PDF has it) as bytes to look its meaning up by: the same bytes,
    the same box (an indirect object is its reference, the same object)."""
    if value is None:
        return None
    unparse = getattr(value, "unparse", None)
    return bytes(unparse()) if unparse is not None else repr(value).encode()


def _footers(packet: Any, lead_text: str, lead: tuple[Any, FooterLead] | None) -> None:
    """A footer on every page: the name and date of birth, then "page N of M". Cheap per page: each
    box is read once per distinct value, each footer's placement worked out once per page size
    (footer.Footers), and a resource dictionary shared by many pages gets the font once."""
    import pikepdf

    font = packet.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    prefix = packet.make_stream(b"q\n")
    pages = packet.pages
    total = len(pages)  # (pikepdf copies qpdf's page list for each len())
    footers = Footers(lead_text, total, lead[1] if lead is not None else None)
    boxes: dict[tuple[bytes | None, bytes | None], tuple[float, float, float, float]] = {}
    shared: set[tuple[Any, bool]] = set()  # indirect resource dictionaries already given the font
    for number, page in enumerate(pages, start=1):
        obj = page.obj
        # ("in" first: pikepdf's get of a missing key costs three times as much)
        media = obj.get("/MediaBox")
        crop = obj.get("/CropBox") if "/CropBox" in obj else None
        where = (_key(media), _key(crop))
        box = boxes.get(where)
        if box is None:
            box = boxes[where] = visible_box(media, crop)
        rotate = int(_number(obj.get("/Rotate"))) if "/Rotate" in obj else 0
        ops, placed = footers.ops(number, box, rotate)
        footer = packet.make_stream(ops)
        contents = obj.get("/Contents")
        if contents is None:
            streams = [prefix, footer]
        elif isinstance(contents, pikepdf.Array):
            streams = [prefix, *contents, footer]
        else:
            streams = [prefix, contents, footer]
        obj.Contents = pikepdf.Array(streams)
        resources = _dictionary(obj, "/Resources")
        done = (resources.objgen, placed)
        if done in shared:
            continue
        if done[0] != (0, 0):  # indirect: shared by other pages, perhaps
            shared.add(done)
        _dictionary(resources, "/Font")[FOOTER_FONT] = font
        if placed and lead is not None:
            _dictionary(resources, "/XObject")[FOOTER_LEAD] = lead[0]


def _links(packet: Any, spec: dict[str, Any]) -> None:
    """The contents pages' links (Qt wrote them as URIs "<scheme><section>") become jumps to the pages."""
    import pikepdf

    scheme, targets = str(spec["scheme"]), [int(t) for t in spec["targets"]]
    pages = packet.pages
    for index in range(int(spec["first"]), int(spec["first"]) + int(spec["count"])):
        for annot in pages[index].obj.get("/Annots", pikepdf.Array()):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if isinstance(action, pikepdf.Dictionary) else ""
            if not uri.startswith(scheme):
                continue
            target = targets[int(uri[len(scheme) :])]
            del annot["/A"]
            annot.Dest = pikepdf.Array([pages[target].obj, pikepdf.Name.Fit])


def _outline(packet: Any, items: list[dict[str, Any]], title: str) -> None:
    """One bookmark per section, on its first page; the outline open, the title shown by viewers."""
    import pikepdf

    pages = packet.pages
    with packet.open_outline() as outline:
        for item in items:
            destination = pikepdf.Array([pages[int(item["page"])].obj, pikepdf.Name.XYZ, None, None, None])
            outline.root.append(pikepdf.OutlineItem(str(item["title"]), destination))
    packet.Root.PageMode = pikepdf.Name.UseOutlines
    if title:
        packet.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    packet.docinfo["/Title"] = title
    packet.docinfo["/Creator"] = "MBC Vault"
    packet.docinfo["/Producer"] = PRODUCER


def assemble(request: Request) -> dict[str, Any]:
    """args: "parts" (in order, each {"key"} of a sanitized document or {"blob"} of a typeset part),
    "footer" ({"lead", "form"} or null; "form": {"blob", "text", "width", "height", "baseline"} or
    null), "links" ({"scheme", "first", "count", "targets"} or null), "outline" ([{"title", "page"}]),
    "title", "password" (or null), "release" (each document leaves the store once its pages are
    copied: qpdf copies stream data at once, so the worker never holds a document twice; the largest
    one used once holds the packet instead). Streams the
    packet to request.out; replies {"pages"}. Raises JobError("packet-document-lost", key) when a
    document is not in the store (the worker restarted)."""

    assert request.out is not None
    with warnings.catch_warnings():
        # pikepdf's notes on form widgets copied without their form: the pages keep them, as they showed
        warnings.simplefilter("ignore")
        return _assemble(request)


def _base_key(parts: list[dict[str, Any]], store: dict[str, Any], release: bool) -> str | None:
    """The stored document the packet is put together in (its pages are not copied again): the
    largest one, when the worker lets the documents go (*release*) and it is used once."""
    if not release:
        return None
    uses: dict[str, int] = {}
    for part in parts:
        if "key" in part:
            uses[str(part["key"])] = uses.get(str(part["key"]), 0) + 1
    once = [key for key, count in uses.items() if count == 1]
    # (the staged documents' trees are flat, made by sanitize.stage: /Count is their length)
    return max(once, key=lambda key: int(store[store_key(key)].Root.Pages.Count), default=None)


def _fresh(packet: Any, kids: list[Any]) -> Any:
    """*packet*'s pages (*kids*, in order) as the pages of a new PDF, when qpdf's cached page list
    of *packet* no longer matches its tree (it was read before the tree was changed)."""
    import pikepdf

    fresh = pikepdf.new()
    append_pages(fresh, [pikepdf.Page(kid) for kid in kids])
    return fresh


def _assemble(request: Request) -> dict[str, Any]:
    import pikepdf

    assert request.out is not None
    args = request.args
    keep: list[Any] = []  # the typeset parts (and a base left behind): open until the output is written
    parts = list(args["parts"])
    missing = [str(p["key"]) for p in parts if "key" in p and store_key(str(p["key"])) not in request.store]
    if missing:
        raise JobError("packet-document-lost", key=missing[0])
    base_key = _base_key(parts, request.store, bool(args.get("release")))
    base_kids: list[Any] = []
    if base_key is None:
        packet = pikepdf.new()
    else:  # its pages stay where they are; the other parts' pages are copied in around them
        packet = request.store.pop(store_key(base_key))
        base_kids = list(packet.Root.Pages.Kids)
        packet.Root.Pages.Kids = pikepdf.Array()
    last_use = {str(p["key"]): n for n, p in enumerate(parts) if "key" in p}
    seen: set[Any] = set()  # the objects in the packet's tree (its /Kids are empty here)
    for number, part in enumerate(parts):
        if "key" in part and str(part["key"]) == base_key:
            tree = packet.Root.Pages.Kids
            for kid in base_kids:
                tree.append(kid)
                seen.add(kid.objgen)
            packet.Root.Pages.Count = len(tree)
        elif "key" in part:
            key = str(part["key"])
            source = request.store[store_key(key)]
            append_pages(packet, source.pages, seen)
            if args.get("release") and last_use[key] == number:
                request.store.pop(store_key(key)).close()
        else:
            source = pikepdf.open(io.BytesIO(request.blobs[int(part["blob"])]))
            keep.append(source)
            join_pages(source)  # PDFium (Chrome's viewer) reads Qt's lines as lines (glyph_runs.py)
            append_pages(packet, source.pages, seen)
    if base_key is not None:
        kids = list(packet.Root.Pages.Kids)
        listed = packet.pages  # qpdf's list: made now from the tree, or an old one (a trial write's)
        count = len(listed)
        if count != len(kids) or (
            count
            and (listed[0].obj.objgen, listed[count - 1].obj.objgen) != (kids[0].objgen, kids[-1].objgen)
        ):
            keep.append(packet)
            packet = _fresh(packet, kids)
    footer = args.get("footer")
    if footer is not None:
        form = footer.get("form")
        lead = _lead_form(packet, form, request.blobs, keep) if form else None
        _footers(packet, str(footer.get("lead", "")), lead)
    if args.get("links"):
        _links(packet, args["links"])
    _outline(packet, list(args.get("outline") or []), str(args.get("title", "")))
    pages = len(packet.pages)
    request.progress(1, 2)
    password = args.get("password")
    encryption = pikepdf.Encryption(owner=password, user=password, R=6) if password else None
    out = output_stream(request.out)
    packet.save(out, encryption=encryption or False, **save_options())
    out.flush()
    request.progress(2, 2)
    for source in keep:
        source.close()
    packet.close()
    return {"pages": pages}
