"""Building a packet: the documents checked in the PDF worker, the generated pages typeset by Qt, one
assembly in the worker, and the finished bytes streamed to the file the person chose or into memory.

Decrypted documents reach the worker only through its pipe and stay in its memory, parsed once
(`sources.py`); the finished packet comes back through the pipe (`finish.py`). `build_packet` writes
it to a private file (0600, renamed into place at the end, nothing left on cancel or error);
`build_packet_bytes` keeps it in memory, for the app to show and to save only where the person
chooses. Nothing else is written anywhere, on any platform.

When a document stops the worker (a crash, its time or memory limit) while it is checked, that
document is the one that cannot go in; the documents the worker held are sent again to its next
process. When the assembly itself fails, each document is checked again on its own, with a trial
write, to find the one that breaks it: it is reported (or left out, if the person chose to skip
problem documents) and the packet is built again without it.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Cancelled, InvalidValue, VaultError
from ..fsutil import private_target
from ..pdf.client import PdfError, PdfWorker
from ..progress import CancelFlag, ProgressFn, Stage
from .finish import FileOutput, FinishPlan, MemoryOutput, assemble
from .generated import contents_part, cover_part, extra_parts
from .model import DocumentProblem, PacketChoices, PacketError, PacketProblems, PacketResult, Section
from .sources import (
    CHECK_TIME_S,
    DocumentSet,
    Part,
    document_title,
    memory_limit,
    problem_for,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

PACKET_KIND = "packet"
#: the longest packet password taken (PDF viewers use its first 127 bytes)
MAX_PASSWORD = 4096


def _check_cancel(cancel: CancelFlag | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("packet-cancelled")


class _Stop:
    """Set when the build stops early (error or cancel); also reports the caller's cancel event."""

    def __init__(self, cancel: CancelFlag | None) -> None:
        self._event, self._cancel = threading.Event(), cancel

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set() or (self._cancel is not None and self._cancel.is_set())


def check_documents(
    vault: Vault, document_ids: list[str], page_size: str = "Letter"
) -> list[DocumentProblem]:
    """Which chosen documents cannot be included, and why (for a wizard to warn before building)."""
    problems, records = [], []
    for record_id in document_ids:
        try:
            records.append(vault.get(record_id))
        except VaultError as exc:
            problems.append(DocumentProblem(record_id, record_id, str(exc), exc))
    with PdfWorker() as worker:
        documents = DocumentSet(vault, worker, page_size, records, threading.Event())
        try:
            documents.start()
            for record in records:
                documents.add(record)
            documents.flush()
        finally:
            documents.close()
    return problems + [
        problem_for(r, documents.problems[r.id]) for r in records if r.id in documents.problems
    ]


def footer_lead(choices: PacketChoices) -> str:
    """The part of the footer that is the same on every page: the name and date of birth."""
    who = " · ".join(
        x
        for x in (
            choices.cover.patient_name,
            f"DOB {choices.cover.date_of_birth}" if choices.cover.date_of_birth else "",
        )
        if x
    )
    return f"{who} · " if who else ""


def _layout(body: list[Part], cover_pages: int) -> tuple[int, list[tuple[str, int]]]:
    """What the contents pages depend on (the page size aside): the cover's length, each part's
    title and length."""
    return cover_pages, [(part.title, part.pages) for part in body]


def _contents_ahead(
    extra: list[Part], records: list[Any], cover_pages: int, page_size: str
) -> tuple[tuple[int, list[tuple[str, int]]], Part] | None:
    """The contents typeset before the documents are checked, with the page counts their import
    found, and the layout they were typeset for; None when a document's count is not known."""
    counts = [r.pages for r in records]
    if not records or not all(isinstance(n, int) and n > 0 for n in counts):
        return None
    body = extra + [Part(document_title(r), "document", int(r.pages)) for r in records]
    return _layout(body, cover_pages), contents_part(body, cover_pages, page_size)


def expected_size(parts: list[Part], pages: int) -> int:
    """About how large the packet of *parts* will be (a little more): the parts' own bytes (streams are
    copied as they are), and room for each page's footer and the objects around it."""
    size = sum(len(p.data) if p.data is not None else p.size for p in parts)
    return size + size // 50 + (64 << 10) + pages * 1024


def _check_choices(choices: PacketChoices) -> None:
    if choices.page_size not in ("Letter", "A4"):
        raise InvalidValue("page-size-unknown", page_size=choices.page_size)
    if choices.password and ("\n" in choices.password or "\r" in choices.password):
        raise InvalidValue("packet-password-line-break")  # no one could type it into a viewer
    if choices.password and len(choices.password) > MAX_PASSWORD:
        raise InvalidValue("packet-password-too-long")


def build_packet(
    vault: Vault,
    choices: PacketChoices,
    out_path: str | os.PathLike[str],
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
    *,
    record: bool = True,
    overwrite: bool = True,
) -> PacketResult:
    """Build the packet at *out_path*; raises PacketProblems (nothing written) when a chosen document
    cannot be included, unless choices.skip_problem_documents; Cancelled when *cancel* is set.

    The file is readable by its owner only (0600 from the start); a device, pipe or other special file
    at *out_path* is never replaced, and an existing ordinary file only if *overwrite* (OutputFileError)."""
    out = Path(out_path)
    _check_choices(choices)
    if not out.parent.is_dir():
        raise PacketError("packet-folder-missing", folder=out.parent)
    private_target(out, overwrite)  # before any work; checked again when the file is put in place
    return _build(vault, choices, FileOutput(out, overwrite), str(out), progress, cancel, record)


def build_packet_bytes(
    vault: Vault,
    choices: PacketChoices,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
    *,
    record: bool = True,
) -> tuple[PacketResult, bytes]:
    """Build the packet in memory: (the result, whose path is "", and the PDF's bytes). Nothing is
    written anywhere; the caller writes the bytes where the person chooses (fsutil.PrivateFile).
    Raises like build_packet."""
    _check_choices(choices)
    output = MemoryOutput()
    result = _build(vault, choices, output, "", progress, cancel, record)
    return result, output.value()


def _build(
    vault: Vault,
    choices: PacketChoices,
    output: FileOutput | MemoryOutput,
    path: str,
    progress: ProgressFn | None,
    cancel: CancelFlag | None,
    record: bool,
) -> PacketResult:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    cover = choices.cover
    if not cover.patient_name:
        cover.patient_name = vault.person.name
    if not cover.date_of_birth:  # none typed: the one recorded in the health history, if any
        from ..history.store import HealthHistory

        cover.date_of_birth = HealthHistory(vault).date_of_birth()
    if not cover.date:
        cover.date = dt.date.today().isoformat()
    report = progress or (lambda done, total, stage, item: None)
    ids = list(choices.document_ids)
    steps = len(ids) + 4
    stop = _Stop(cancel)
    worker = PdfWorker(stop, time_limit=CHECK_TIME_S, memory_limit=memory_limit(0))
    unknown: list[DocumentProblem] = []
    records = []
    for record_id in ids:
        try:
            records.append(vault.get(record_id))
        except VaultError as exc:
            unknown.append(DocumentProblem(record_id, record_id, str(exc), exc))
    # 1. the documents are decrypted by threads (reads, ChaCha20-Poly1305 and SHA-256 release the GIL)
    # while this thread typesets the generated pages and the worker checks the PDFs
    documents = DocumentSet(vault, worker, choices.page_size, records, stop)
    try:
        documents.start()  # and the worker gets ready while the cover is typeset

        # 2. the generated pages that do not depend on the documents
        t = time.perf_counter()
        report(0, steps, Stage.PACKET_PAGES, "")
        extra = extra_parts(vault, choices)
        guessed = [p.title for p in extra] + [document_title(r) for r in records]
        cover_sheet = cover_part(choices, guessed)
        # the contents too, with the page counts of the import, while the worker starts (off the
        # critical path: typeset after the documents, the worker waited for it); typeset again below
        # if a document's pages or title turn out otherwise
        ahead = _contents_ahead(extra, records, cover_sheet.pages, choices.page_size)
        generated_time = time.perf_counter() - t

        # 3. the documents, checked and made safe in the chosen order
        for number, rec in enumerate(records):
            _check_cancel(cancel)
            report(number + 1, steps, Stage.PACKET_DOCUMENT, rec.title)
            documents.add(rec)
        documents.flush()
        timings["documents"] = time.perf_counter() - started - generated_time

        # 4. one assembly; if it fails, the document that breaks it is found and the packet built again
        for attempt in range(2):
            _check_cancel(cancel)
            problems = unknown + [
                problem_for(r, documents.problems[r.id]) for r in records if r.id in documents.problems
            ]
            if problems and not choices.skip_problem_documents:
                raise PacketProblems(problems)
            documents.refresh(records)
            used = [(r, documents.parts[r.id]) for r in records if r.id in documents.parts]
            t = time.perf_counter()
            body = extra + [part for _, part in used]
            if not body:
                raise PacketError("packet-empty")
            if [p.title for p in body] != guessed:
                guessed = [p.title for p in body]
                cover_sheet = cover_part(choices, guessed)
            layout = _layout(body, cover_sheet.pages)
            if ahead is not None and ahead[0] == layout:
                contents = ahead[1]
            else:
                contents = contents_part(body, cover_sheet.pages, choices.page_size)
            parts = [cover_sheet, contents, *body]
            sections, first = [], 1
            for part in parts:
                sections.append(Section(part.title, part.kind, first, part.pages, part.record_id))
                first += part.pages
            total_pages = first - 1
            timings["generated"] = generated_time + time.perf_counter() - t
            _check_cancel(cancel)
            t = time.perf_counter()
            report(len(ids) + 1, steps, Stage.PACKET_MERGE, str(total_pages))
            plan = FinishPlan(
                sections,
                footer_lead(choices) if choices.footer else None,
                1,
                f"Records of {cover.patient_name}",
                choices.password,
            )
            sink = output.start(expected_size(parts, total_pages))
            try:
                pages = assemble(
                    worker,
                    parts,
                    plan,
                    sink,
                    lambda: report(len(ids) + 2, steps, Stage.PACKET_SAVE, ""),
                )
            except PdfError:
                output.discard()
                if attempt:
                    raise PacketError("packet-assembly-failed") from None
                # each PDF again on its own with a trial write (the worker let them go, or stopped)
                before = set(documents.problems)
                documents.check_again([r for r, part in used if part.key is not None], trial=True)
                if set(documents.problems) == before:
                    raise PacketError("packet-assembly-failed") from None
                continue
            if pages != total_pages:
                raise PacketError("packet-assembly-failed")
            timings["assemble"] = time.perf_counter() - t
            break
        t = time.perf_counter()
        worker.end_input()  # the worker leaves (and gives its memory back) while the file is synced
        output.commit()
        timings["write"] = time.perf_counter() - t
    except Cancelled:
        output.discard()
        raise Cancelled("packet-cancelled") from None
    except BaseException:
        output.discard()
        raise
    finally:
        stop.set()  # the decrypting threads stop; the worker is not in a call
        documents.close()
        worker.close()
    packet_record_id = None
    if record:
        packet_record_id = record_packet(
            vault,
            choices,
            [rec for rec, _ in used],
            sections,
            sink.digest.hexdigest(),
            sink.size,
            total_pages,
        ).id
    report(steps, steps, Stage.DONE, "")
    timings["total"] = time.perf_counter() - started
    return PacketResult(
        path,
        total_pages,
        sink.digest.hexdigest(),
        sink.size,
        sections,
        problems if choices.skip_problem_documents else [],
        packet_record_id,
        bool(choices.password),
        timings,
    )


def record_packet(
    vault: Vault,
    choices: PacketChoices,
    used: list[Any],
    sections: list[Section],
    sha256: str,
    size: int,
    pages: int,
) -> Any:
    """A vault entry recording what was sent, to whom, and how to build it again."""
    cover = choices.cover
    for_whom = ", ".join(x for x in (cover.doctor, cover.center) if x) or "second opinion"
    data = {
        "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "for": for_whom,
        "documents": [
            {"id": r.id, "title": r.title, "sha256": r.sha256, "revision": r.revision} for r in used
        ],
        "output": {"sha256": sha256, "size": size, "pages": pages},
        "sections": [
            {
                "title": s.title,
                "kind": s.kind,
                "first_page": s.first_page,
                "pages": s.pages,
                "record_id": s.record_id,
            }
            for s in sections
        ],
        "choices": choices.to_json(),
    }
    return vault.add_entry(
        PACKET_KIND, data, title=f"Packet for {for_whom}", date=cover.date or None, links=[r.id for r in used]
    )


def rebuild_choices(vault: Vault, packet_id: str) -> PacketChoices:
    """The choices of a recorded packet, to build it again with the current documents."""
    rec = vault.get(packet_id)
    if rec.kind != PACKET_KIND:
        raise PacketError("not-a-packet", title=rec.title)
    return PacketChoices.from_json(rec.data["choices"])
