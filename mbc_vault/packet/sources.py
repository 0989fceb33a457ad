"""The chosen documents: decrypted into memory, checked, made safe, and turned into PDF pages.

Each document becomes a `Part` whose PDF lives in a memfd (`MemFile`). Nothing touches the disk.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..documents import sniff_media_type
from ..errors import VaultError
from ..progress import CancelFlag
from ..render import typeset
from .memfile import MemFile
from .model import DocumentProblem

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

log = logging.getLogger(__name__)

IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")
#: annotation types that carry or play content: removed outright
ACTIVE_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}
#: actions that only move within a document or open a web address: kept (any /Next is cut)
SAFE_ACTIONS = {"/GoTo", "/URI", "/Named"}


@dataclass
class Part:
    title: str
    kind: str
    data: MemFile
    pages: int
    record_id: str | None = None
    stripped: list[str] | None = None

    def close(self) -> None:
        self.data.close()


class DocumentRejected(VaultError):
    """Why a chosen document cannot go in the packet; its sentence follows "cannot be included:"."""


def document_title(record: Any) -> str:
    return f"{record.title} ({record.date})" if record.date else record.title


def load_document(vault: Vault, record: Any, page_size: str, cancel: CancelFlag | None = None) -> Part:
    """Decrypt *record*'s document into memory and make it a safe PDF part; raises DocumentRejected."""
    return document_part(decrypt_document(vault, record, cancel), record, page_size)


def decrypt_document(vault: Vault, record: Any, cancel: CancelFlag | None = None) -> MemFile:
    """*record*'s document decrypted into a memfd; raises DocumentRejected. Safe to run in a worker
    thread: file reads, ChaCha20-Poly1305, SHA-256 and the memfd writes all release the GIL."""
    mem = MemFile("packet-source")
    try:
        try:
            with vault.open_document(record.id) as stream:
                for chunk in stream.chunks():
                    mem.write(chunk)
                    if cancel is not None and cancel.is_set():
                        break
        except VaultError as exc:
            raise DocumentRejected("unreadable-in-vault", why=exc) from None
    except BaseException:
        mem.close()
        raise
    return mem


def document_part(mem: MemFile, record: Any, page_size: str) -> Part:
    """The decrypted document in *mem* (taken over: closed on failure) as a safe PDF part; raises
    DocumentRejected. Runs on the thread that owns Qt (images and notes are typeset)."""
    try:
        with mem.reader() as handle:
            head = handle.read(2048)
        media = sniff_media_type(head, record.original_name)
        title = document_title(record)
        if media == "application/pdf":
            return _pdf_part(mem, record, title)
        data = mem.read_all()
        mem.close()
        if media in IMAGE_TYPES:
            try:
                pdf, pages = typeset.image_pdf(data, title=title, page_size=page_size)
            except typeset.ImageError as exc:
                raise DocumentRejected("image-unreadable", detail=str(exc)) from None
        elif media == "text/plain":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            pdf, pages = typeset.text_pdf(text, title=record.title, page_size=page_size)
        else:
            raise DocumentRejected("format-not-supported", media=media or "unknown")
        return Part(title, "document", MemFile.of(pdf), pages, record.id)
    except BaseException:
        mem.close()
        raise


def _pdf_part(mem: MemFile, record: Any, title: str) -> Part:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import PyPdfError

    handle = mem.reader()
    try:
        try:
            reader = PdfReader(handle, strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")
                except Exception:  # noqa: BLE001 - unsupported encryption
                    opened = PasswordType.NOT_DECRYPTED
                if not opened:
                    raise DocumentRejected("pdf-password-protected")
            pages = len(reader.pages)
            if pages == 0:
                raise DocumentRejected("pdf-no-pages")
            catalog_found, page_found = active_content(reader)
        except DocumentRejected:
            raise
        except (
            PyPdfError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            IndexError,
            RecursionError,
            AssertionError,
            OSError,
        ) as exc:
            raise DocumentRejected("pdf-damaged", detail=f"{type(exc).__name__}: {exc}"[:279]) from None
        found = sorted(set(catalog_found + page_found))
        if not page_found:
            # document-level actions, scripts and attachments live in the catalog, which the merge
            # never copies: the pages can go in as they are
            return Part(title, "document", mem, pages, record.id, found)
        cleaned = strip_active_content(reader)
    finally:
        handle.close()
    mem.close()
    log.info("removed active content from %s: %s", record.id, ", ".join(found))
    return Part(title, "document", MemFile.of(cleaned), pages, record.id, found)


# -------------------------------------------------------------------- active content
def _annotation_threats(annot: Any) -> list[str]:
    found = []
    subtype = annot.get("/Subtype")
    if subtype in ACTIVE_ANNOTATIONS:
        found.append(f"{str(subtype)[1:]} annotation")
    if "/AA" in annot:
        found.append("annotation actions (/AA)")
    action = annot.get("/A")
    if action is not None:
        action = action.get_object()
        if action.get("/S") not in SAFE_ACTIONS:
            found.append(f"{str(action.get('/S', '/?'))[1:]} action")
        elif "/Next" in action:
            found.append("chained action")
    parent = annot.get("/Parent")
    depth = 0
    while parent is not None and depth < 32:
        parent = parent.get_object()
        if "/AA" in parent:
            found.append("form field script (/AA)")
        parent = parent.get("/Parent")
        depth += 1
    return found


def active_content(reader: Any) -> tuple[list[str], list[str]]:
    """What a PDF holds that could run or launch something: (in the catalog, on the pages)."""
    found: list[str] = []
    root = reader.trailer["/Root"].get_object()
    for key, what in (("/OpenAction", "open action"), ("/AA", "document actions")):
        if key in root:
            found.append(what)
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        for key in ("/JavaScript", "/EmbeddedFiles"):
            if key in names:
                found.append(f"{key[1:]}")
    on_pages: list[str] = []
    for page in reader.pages:
        if "/AA" in page:
            on_pages.append("page actions (/AA)")
        annots = page.get("/Annots")
        if annots is None:
            continue
        for annot in annots.get_object():
            on_pages.extend(_annotation_threats(annot.get_object()))
    return sorted(set(found)), sorted(set(on_pages))


def strip_active_content(reader: Any) -> bytes:
    """A copy of the PDF without scripts, launch actions, attachments, form actions or open actions."""
    from pypdf import PdfWriter
    from pypdf.generic import ArrayObject, NameObject

    root = reader.trailer["/Root"].get_object()
    for key in ("/OpenAction", "/AA", "/Names", "/AcroForm"):
        if key in root:
            del root[NameObject(key)]
    for flat in reader.pages:
        # reader.pages are copies made while flattening: change the page objects themselves
        page = flat.indirect_reference.get_object() if flat.indirect_reference is not None else flat
        if "/AA" in page:
            del page[NameObject("/AA")]
        annots = page.get("/Annots")
        if annots is None:
            continue
        kept = ArrayObject()
        for ref in annots.get_object():
            annot = ref.get_object()
            if annot.get("/Subtype") in ACTIVE_ANNOTATIONS:
                continue
            if "/AA" in annot:
                del annot[NameObject("/AA")]
            action = annot.get("/A")
            if action is not None:
                action_obj = action.get_object()
                if action_obj.get("/S") not in SAFE_ACTIONS:
                    del annot[NameObject("/A")]
                elif "/Next" in action_obj:
                    del action_obj[NameObject("/Next")]
            parent = annot.get("/Parent")
            depth = 0
            while parent is not None and depth < 32:
                parent = parent.get_object()
                if "/AA" in parent:
                    del parent[NameObject("/AA")]
                parent = parent.get("/Parent")
                depth += 1
            kept.append(ref)
        page[NameObject("/Annots")] = kept
    writer = PdfWriter(clone_from=reader)
    for key in ("/OpenAction", "/AA", "/Names", "/AcroForm"):
        if key in writer._root_object:
            del writer._root_object[NameObject(key)]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def problem_for(record: Any, reason: VaultError) -> DocumentProblem:
    return DocumentProblem(record.id, record.title, str(reason), reason)
