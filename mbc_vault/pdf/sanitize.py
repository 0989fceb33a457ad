"""Worker job: check one document for the packet and remove what could run or launch something.

`sanitize` opens an untrusted PDF (in the worker only) with pikepdf, refuses it with a reason code
when it cannot go in a packet (pdf-password-protected, pdf-no-pages, pdf-damaged: a broken file or
a page tree that loops back on itself), removes its active content, and keeps the opened document in
the worker's store under the key the app chose, so the assembly (`assemble.py`) copies its pages
without parsing it again. Only pages are ever copied into a packet; the catalog (document scripts,
open actions, attachments, forms) stays behind, but it is cleaned too so nothing reachable from a
page (a form field's parent, an action chain) carries a script along.
"""

from __future__ import annotations

import io
import re
from typing import Any

from .protocol import JobError, Request

#: annotation types that carry or play content: removed outright
ACTIVE_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}
#: actions that only move within a document or open a web address: kept (any /Next is cut)
SAFE_ACTIONS = {"/GoTo", "/URI", "/Named"}
#: the catalog's entries that run, open or attach something, and what the person is told
CATALOG_ENTRIES = {"/OpenAction": "open action", "/AA": "document actions"}
#: how far up a form field's /Parent chain scripts are looked for (a loop ends here)
PARENT_DEPTH = 32
#: the store's key of a document: the app's own key, never a name from the file
STORE_PREFIX = "packet-document:"


def store_key(key: str) -> str:
    return STORE_PREFIX + key


class Discard:
    """A sink that only counts (the trial write of a document)."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        pass

    def seek(self, offset: int, whence: int = 0) -> int:
        raise io.UnsupportedOperation

    def tell(self) -> int:
        return self.size


def save_options() -> dict[str, Any]:
    """Streams copied as they are, never decoded or recompressed (what `qpdf --stream-data=preserve`
    does; with compression off, qpdf's writer decodes nothing, encrypted or not)."""
    return {"compress_streams": False}


def _is_dictionary(obj: Any) -> bool:
    import pikepdf

    return isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream)


def _name(obj: Any) -> str:
    import pikepdf

    return str(obj) if isinstance(obj, pikepdf.Name) else ""


def _clean_catalog(pdf: Any, found: set[str]) -> None:
    root = pdf.Root
    for key, what in CATALOG_ENTRIES.items():
        if key in root:
            found.add(what)
            del root[key]
    names = root.get("/Names")
    if names is not None:
        if _is_dictionary(names):
            for key in ("/JavaScript", "/EmbeddedFiles"):
                if key in names:
                    found.add(key[1:])
        del root["/Names"]
    if "/AcroForm" in root:
        del root["/AcroForm"]


def _clean_action(holder: Any, found: set[str]) -> None:
    """The annotation's /A: kept if it only moves or opens a web address (without a chain)."""
    action = holder.get("/A")
    if action is None:
        return
    kind = _name(action.get("/S")) if _is_dictionary(action) else ""
    if kind not in SAFE_ACTIONS:
        found.add(f"{(kind or '/?')[1:]} action")
        del holder["/A"]
    elif "/Next" in action:
        found.add("chained action")
        del action["/Next"]


def _clean_page(page: Any, found: set[str]) -> None:
    import pikepdf

    if "/AA" in page:
        found.add("page actions (/AA)")
        del page["/AA"]
    if "/AF" in page:
        found.add("associated files (/AF)")
        del page["/AF"]
    annots = page.get("/Annots")
    if annots is None:
        return
    if not isinstance(annots, pikepdf.Array):
        del page["/Annots"]
        return
    kept = []
    for annot in annots:
        if not _is_dictionary(annot):
            continue
        subtype = _name(annot.get("/Subtype"))
        if subtype in ACTIVE_ANNOTATIONS:
            found.add(f"{subtype[1:]} annotation")
            continue
        for key, what in (("/AA", "annotation actions (/AA)"), ("/AF", "associated files (/AF)")):
            if key in annot:
                found.add(what)
                del annot[key]
        _clean_action(annot, found)
        parent, depth = annot.get("/Parent"), 0
        while parent is not None and _is_dictionary(parent) and depth < PARENT_DEPTH:
            if "/AA" in parent:
                found.add("form field script (/AA)")
                del parent["/AA"]
            _clean_action(parent, found)
            parent, depth = parent.get("/Parent"), depth + 1
        kept.append(annot)
    if len(kept) != len(annots):
        page.Annots = pikepdf.Array(kept)


_LOCATION = re.compile(r"^(?:stream )?<[^>]*>(?: \(object \d+ \d+\))?(?:, offset \d+)?: ")


def trial_write(pdf: Any) -> int:
    """Copy the document's pages into a new PDF and write it, discarding the bytes: everything a
    packet would write is written once (used to find the document that breaks an assembly)."""
    trial = stage(pdf)
    sink = Discard()
    trial.save(sink, **save_options())
    trial.close()
    return sink.size


def damage_detail(exc: BaseException) -> str:
    """A short reason from the PDF library's message, without its own name for the stream."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "Loop detected in /Pages" in text or "loop detected" in text.lower():
        return "its page tree loops back on itself"
    return _LOCATION.sub("", text)[:200]


def stage(pdf: Any) -> Any:
    """The document's pages copied into a new PDF held in memory. qpdf copies every stream's data at
    once (the source can go: the worker holds each document once, and the packet later shares these
    copies without copying them again), and reads every object a packet would take."""
    import pikepdf

    staged = pikepdf.new()
    append_pages(staged, pdf.pages)
    return staged


def append_pages(target: Any, pages: Any, seen: set[Any] | None = None) -> None:
    """Add *pages* (another PDF's) at the end of *target*'s page tree, each page copied on its own
    (qpdf's copy is linear) into the flat tree that pikepdf.new() and this function make: pikepdf's
    pages.extend took quadratic time (20,000 pages: 44 s, bench/bench_hostile.py). *target*'s page
    list must not have been read yet (qpdf would keep its old list). *seen*: the objects already in
    the tree (found here when None), kept up to date for the next call (the assembly calls this once
    a part: reading the whole tree again each time cost as much as the footers)."""
    import pikepdf

    tree = target.Root.Pages
    kids = tree.Kids
    if seen is None:
        seen = {kid.objgen for kid in kids}
    known: dict[Any, dict[str, Any]] = {}
    for page in pages:
        # what the copy loses with its /Parent, it now holds itself (pikepdf.open already moved it
        # onto each page of a file it opened; this keeps it for a tree built otherwise)
        for name, value in _inherited(page.obj.get("/Parent"), known).items():
            if name not in page.obj:
                page.obj[name] = value
        kid = target.copy_foreign(page.obj)
        if kid.objgen in seen:  # one page object listed twice: two pages, as qpdf made them
            kid = target.make_indirect(pikepdf.Dictionary(kid))
        seen.add(kid.objgen)
        kid.Parent = tree
        kids.append(kid)
    tree.Count = len(kids)


#: what a page takes from the page tree above it when it does not say (PDF 32000-1, 7.7.3.4)
INHERITABLE = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def _inherited(node: Any, known: dict[Any, dict[str, Any]], depth: int = 0) -> dict[str, Any]:
    """The inheritable attributes a page below page-tree *node* takes from it and its ancestors
    (nearest first), found once per node (*known*); a loop or a tree past PARENT_DEPTH ends there."""
    if node is None or not _is_dictionary(node) or depth >= PARENT_DEPTH:
        return {}
    key = node.objgen
    if key not in known:
        known[key] = {}  # a node met again on its own way up: the loop ends here
        found = dict(_inherited(node.get("/Parent"), known, depth + 1))
        found.update((name, node[name]) for name in INHERITABLE if name in node)
        known[key] = found
    return known[key]


def sanitize_one(data: bytes, check: bool = False) -> tuple[Any, dict[str, Any]]:
    """The cleaned document's pages (a pikepdf.Pdf made by stage) and {"pages", "stripped"}; raises
    JobError pdf-password-protected / pdf-no-pages / pdf-damaged (detail). *check*: a trial write too."""
    import pikepdf

    found: set[str] = set()
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            if pages == 0:
                raise JobError("pdf-no-pages")
            _clean_catalog(pdf, found)
            for page in pdf.pages:
                _clean_page(page.obj, found)
            staged = stage(pdf)
        if check:
            trial_write(staged)
    except pikepdf.PasswordError:
        raise JobError("pdf-password-protected") from None
    except (pikepdf.PdfError, ValueError, TypeError, KeyError) as exc:
        raise JobError("pdf-damaged", detail=damage_detail(exc)) from None
    except (RuntimeError, AttributeError, IndexError, RecursionError) as exc:  # qpdf's logic_error and kin
        raise JobError("pdf-damaged", detail=damage_detail(exc)) from None
    return staged, {"pages": pages, "stripped": sorted(found)}


def sanitize(request: Request) -> dict[str, Any]:
    """args {"keys", "check"}, blobs [one decrypted PDF per key]. Each document is checked and cleaned
    and kept in the store under its key (with "check", after a trial write: see trial_write). Replies
    {"documents": [{"pages", "stripped"} or {"code", "params"} (why it cannot go in), one per key]}.
    Without keys it only loads pikepdf (the app starts the worker that way, ahead of the documents)."""
    import pikepdf  # noqa: F401 - loaded now, even for no documents

    keys = [str(k) for k in request.args["keys"]]
    if len(keys) != len(request.blobs):
        raise JobError("pdf-job-failed", kind="keys and documents differ")
    answers: list[dict[str, Any]] = []
    for key, data in zip(keys, request.blobs, strict=True):
        old = request.store.pop(store_key(key), None)
        if old is not None:
            old.close()
        try:
            pdf, answer = sanitize_one(data, bool(request.args.get("check")))
        except JobError as exc:
            answers.append({"code": exc.code, "params": exc.params})
            continue
        request.store[store_key(key)] = pdf
        answers.append(answer)
    return {"documents": answers}
