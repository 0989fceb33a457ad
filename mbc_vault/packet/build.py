"""Building a packet: documents into memory, generated pages, one qpdf merge, one finishing pass.

Time goes to the merge (qpdf, in C++, copying every page of every document once) and to one small
incremental update written after the merged bytes (footers, bookmarks, contents links: only page
dictionaries are parsed, never the images). Plaintext lives in memfds until the one file the person
asked for; on cancel or error nothing is left at the chosen path.
Long on purpose: the build is one pipeline whose steps share the memfds and the cancel checks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import mmap
import os
import select
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Cancelled, InvalidValue, VaultError
from ..fsutil import PrivateFile, private_target
from ..progress import CancelFlag, ProgressFn, Stage
from ..render import typeset
from . import frontmatter
from .finish import FinishPlan, finish
from .memfile import MemFile
from .model import DocumentProblem, PacketChoices, PacketProblems, PacketResult, Section
from .sources import (
    DocumentRejected,
    Part,
    decrypt_document,
    document_part,
    document_title,
    load_document,
    problem_for,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..vault import Vault

PACKET_KIND = "packet"
#: threads decrypting documents while the main thread typesets and checks them
DECRYPT_WORKERS = 2
#: streams are copied as they are: no re-encoding of scans (and about 30 % less time in qpdf)
MERGE_OPTIONS = ("--stream-data=preserve",)
BLOCK = 1 << 20


class PacketError(VaultError):
    pass


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
    problems = []
    for record_id in document_ids:
        try:
            record = vault.get(record_id)
            part = load_document(vault, record, page_size)
        except DocumentRejected as exc:
            problems.append(problem_for(record, exc))
        except VaultError as exc:
            problems.append(DocumentProblem(record_id, record_id, str(exc), exc))
        else:
            part.close()
    return problems


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


def footer_text(choices: PacketChoices) -> Callable[[int, int], str]:
    lead = footer_lead(choices)

    def text(page: int, total: int) -> str:
        return f"{lead}page {page} of {total}"

    return text


def _generated(
    html: str, title: str, kind: str, page_size: str, size: float = 10.5, images: dict[str, Any] | None = None
) -> Part:
    data, pages = typeset.html_pdf(
        html, title=title, page_size=page_size, base_point_size=size, images=images
    )
    return Part(title, kind, MemFile.of(data), pages)


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
    timings: dict[str, float] = {}
    started = time.perf_counter()
    out = Path(out_path)
    if choices.page_size not in ("Letter", "A4"):
        raise InvalidValue("page-size-unknown", page_size=choices.page_size)
    if not out.parent.is_dir():
        raise PacketError("packet-folder-missing", folder=out.parent)
    private_target(out, overwrite)  # before any work; checked again when the file is put in place
    cover = choices.cover
    if not cover.patient_name:
        cover.patient_name = vault.person.name
    if not cover.date:
        cover.date = dt.date.today().isoformat()
    report = progress or (lambda done, total, stage, item: None)
    ids = list(choices.document_ids)
    steps = len(ids) + 4
    parts: list[Part] = []
    stop = _Stop(cancel)
    pool = ThreadPoolExecutor(max_workers=DECRYPT_WORKERS, thread_name_prefix="packet-decrypt")
    pending: list[tuple[Any, Any]] = []  # (record, future of its decrypted memfd), in the chosen order
    try:
        # 1. the chosen documents are decrypted into memfds by worker threads (reads, ChaCha20-Poly1305,
        # SHA-256 and memfd writes release the GIL) while this thread typesets the generated pages
        problems: list[DocumentProblem] = []
        for record_id in ids:
            try:
                rec = vault.get(record_id)
            except VaultError as exc:
                problems.append(DocumentProblem(record_id, record_id, str(exc), exc))
                continue
            pending.append((rec, pool.submit(decrypt_document, vault, rec, stop)))

        # 2. the generated pages that do not depend on the documents
        t = time.perf_counter()
        report(0, steps, Stage.PACKET_PAGES, "")
        extra: list[Part] = []
        parts = extra  # closed on error
        if choices.include_summary:
            html, images = frontmatter.summary_html(vault, cover.patient_name, cover.date)
            if html:
                extra.append(_generated(html, "Care summary", "summary", choices.page_size, 9.5, images))
        if choices.question_list_id:
            extra.append(_question_part(vault, choices.question_list_id, choices))
        if choices.include_priorities:
            from ..care.printouts import priorities_html
            from ..care.store import CarePlan

            priorities = CarePlan(vault).priorities()
            if priorities is None:
                raise PacketError("no-care-priorities")
            extra.append(
                _generated(
                    priorities_html(priorities.model, cover.patient_name),
                    "My care priorities",
                    "priorities",
                    choices.page_size,
                    11,
                )
            )
        if choices.materials:
            extra.append(
                _generated(
                    frontmatter.materials_html(choices.materials, cover.patient_name),
                    "Materials sent separately",
                    "materials",
                    choices.page_size,
                )
            )
        # the cover lists the titles: typeset now for the case where every document can be included
        guessed_titles = [p.title for p in extra] + [document_title(rec) for rec, _ in pending]
        cover_part = _generated(
            frontmatter.cover_html(cover, guessed_titles), "Cover sheet", "cover", choices.page_size, 11
        )
        generated_time = time.perf_counter() - t

        # the documents, checked and made safe in the chosen order as their plaintext arrives
        documents: list[Part] = []
        parts = [cover_part, *extra, *documents]
        used: list[Any] = []
        for number, (rec, future) in enumerate(pending):
            _check_cancel(cancel)
            report(number + 1, steps, Stage.PACKET_DOCUMENT, rec.title)
            try:
                documents.append(document_part(future.result(), rec, choices.page_size))
                parts.append(documents[-1])
                used.append(rec)
            except DocumentRejected as exc:
                problems.append(problem_for(rec, exc))
        pending = []
        _check_cancel(cancel)
        if problems and not choices.skip_problem_documents:
            raise PacketProblems(problems)
        timings["documents"] = time.perf_counter() - started - generated_time

        t = time.perf_counter()
        body = extra + documents
        if not body:
            raise PacketError("packet-empty")
        if [p.title for p in body] != guessed_titles:
            parts.remove(cover_part)
            cover_part.close()
            cover_part = _generated(
                frontmatter.cover_html(cover, [p.title for p in body]),
                "Cover sheet",
                "cover",
                choices.page_size,
                11,
            )
            parts.append(cover_part)
        contents_part = _contents(body, cover_part.pages, choices.page_size)
        parts = [cover_part, contents_part, *body]
        sections, first = [], 1
        for part in parts:
            sections.append(Section(part.title, part.kind, first, part.pages, part.record_id))
            first += part.pages
        total_pages = first - 1
        timings["generated"] = generated_time + time.perf_counter() - t
        _check_cancel(cancel)

        # 3. one merge, 4. footers, bookmarks, links, then the output
        footer, lead = (footer_text(choices), footer_lead(choices)) if choices.footer else (None, "")
        t = time.perf_counter()
        report(len(ids) + 1, steps, Stage.PACKET_MERGE, str(total_pages))
        plan = FinishPlan(sections, footer, 1, f"Records of {cover.patient_name}", lead)
        if choices.password:
            sha256, size = _build_encrypted(
                parts, plan, out, choices.password, cancel, report, len(ids) + 2, steps, timings, t, overwrite
            )
        else:
            sha256, size = _build_plain(
                parts, plan, out, cancel, report, len(ids) + 2, steps, timings, t, overwrite
            )
    except BaseException:
        stop.set()
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True)
        for _, future in pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                future.result().close()
        for part in parts or []:
            part.close()
        raise
    finally:
        pool.shutdown(wait=False)
    packet_record_id = None
    if record:
        packet_record_id = record_packet(vault, choices, used, sections, sha256, size, total_pages).id
    report(steps, steps, Stage.DONE, "")
    timings["total"] = time.perf_counter() - started
    return PacketResult(
        str(out),
        total_pages,
        sha256,
        size,
        sections,
        problems if choices.skip_problem_documents else [],
        packet_record_id,
        bool(choices.password),
        timings,
    )


def _question_part(vault: Vault, list_id: str, choices: PacketChoices) -> Part:
    from ..care.models import Appointment, QuestionList
    from ..care.printouts import question_list_html

    rec = vault.get(list_id)
    if rec.kind != "question-list":
        raise PacketError("not-a-question-list", title=rec.title)
    questions = QuestionList.from_data(rec.data)
    appointment = None
    if questions.appointment_id:
        with contextlib.suppress(VaultError):
            appointment = Appointment.from_data(vault.get(questions.appointment_id).data)
    return _generated(
        question_list_html(questions, appointment, choices.cover.patient_name),
        f"Questions: {questions.name}",
        "questions",
        choices.page_size,
        12,
    )


def _contents(body: list[Part], cover_pages: int, page_size: str) -> Part:
    """The contents pages: typeset until their own length no longer moves the page numbers."""
    contents_pages = 1
    for _ in range(5):
        first, entries = cover_pages + contents_pages + 1, []
        for index, part in enumerate(body, start=2):
            entries.append((index, part.title, first))
            first += part.pages
        data, pages = typeset.html_pdf(
            frontmatter.contents_html(entries), title="Contents", page_size=page_size
        )
        if pages == contents_pages:
            return Part("Contents", "contents", MemFile.of(data), pages)
        contents_pages = pages
    raise PacketError("contents-layout-failed")  # pragma: no cover


def _build_plain(
    parts: list[Part],
    plan: FinishPlan,
    out: Path,
    cancel: CancelFlag | None,
    report: ProgressFn,
    step: int,
    steps: int,
    timings: dict[str, float],
    t: float,
    overwrite: bool = True,
) -> tuple[str, int]:
    """qpdf writes the merged packet into a pipe; its bytes are hashed and written to the output's
    temporary name (a fsutil.PrivateFile, 0600) as they come (no copy in memory, no second read). While
    the finishing pass reads the page dictionaries back, a thread flushes the merged bytes to disk; the
    small incremental update is appended, the file fsynced and renamed."""
    output = PrivateFile(out, overwrite)
    fd = output.fd
    syncer: threading.Thread | None = None
    try:
        digest = hashlib.sha256()
        size = _merge_to(parts, fd, digest, cancel)
        for part in parts:
            part.close()
        timings["merge"] = time.perf_counter() - t
        syncer = threading.Thread(target=_flush, args=(fd,), name="packet-fsync", daemon=True)
        syncer.start()
        t = time.perf_counter()
        report(step, steps, Stage.PACKET_FINISH, "")
        with open(f"/proc/self/fd/{fd}", "rb") as handle:
            increment = finish(handle, plan, cancel)
        timings["finish"] = time.perf_counter() - t
        _check_cancel(cancel)
        t = time.perf_counter()
        report(step + 1, steps, Stage.PACKET_SAVE, "")
        tail = increment.bytes_at(size)
        digest.update(tail)
        os.lseek(fd, size, os.SEEK_SET)
        _write_all(fd, tail)
        syncer.join()
        syncer = None
        output.commit()  # fsync, rename, fsync the folder
        timings["write"] = time.perf_counter() - t
        return digest.hexdigest(), size + len(tail)
    except BaseException:
        if syncer is not None:
            syncer.join()
        output.discard()
        raise


def _flush(fd: int) -> None:
    with contextlib.suppress(OSError):  # the final fsync reports any error
        os.fdatasync(fd)


def _merge_to(parts: list[Part], fd: int, digest: Any, cancel: CancelFlag | None) -> int:
    """Merge *parts* with qpdf, writing its output to *fd* and into *digest*; returns the size."""
    inputs = [p.data for p in parts]
    errors = MemFile("packet-qpdf-errors")
    try:
        try:
            process = subprocess.Popen(
                [
                    "qpdf",
                    "--empty",
                    "--warning-exit-0",
                    "--pages",
                    *[m.path for m in inputs],
                    "--",
                    *MERGE_OPTIONS,
                    "-",
                ],
                pass_fds=[m.fd for m in inputs],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors.fd,
            )
        except FileNotFoundError:
            raise PacketError("qpdf-missing") from None
        stdout = process.stdout
        assert stdout is not None  # stdout=PIPE
        try:
            source = stdout.fileno()
            with contextlib.suppress(OSError, AttributeError):
                fcntl.fcntl(source, fcntl.F_SETPIPE_SZ, BLOCK)
            poller = select.poll()
            poller.register(source, select.POLLIN)
            buffer = bytearray(BLOCK)
            view = memoryview(buffer)
            size = 0
            while True:
                if cancel is not None and cancel.is_set():
                    raise Cancelled("packet-cancelled")
                if not poller.poll(50):
                    continue
                count = os.readv(source, [buffer])
                if count == 0:
                    break
                block = view[:count]
                digest.update(block)
                _write_all(fd, block)
                size += count
            process.wait()
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            stdout.close()
        if process.returncode not in (0, 3):
            message = errors.read_all().decode("utf-8", "replace").strip().splitlines()
            raise (
                PacketError("qpdf-failed", detail=message[-1])
                if message
                else PacketError("qpdf-failed-unknown")
            )
        return size
    finally:
        errors.close()


def _build_encrypted(
    parts: list[Part],
    plan: FinishPlan,
    out: Path,
    password: str,
    cancel: CancelFlag | None,
    report: ProgressFn,
    step: int,
    steps: int,
    timings: dict[str, float],
    t: float,
    overwrite: bool = True,
) -> tuple[str, int]:
    """With a password the merged file stays in a memfd until qpdf encrypts it into the output."""
    merged = _qpdf_merge([p.data for p in parts], cancel)
    try:
        for part in parts:
            part.close()
        timings["merge"] = time.perf_counter() - t
        t = time.perf_counter()
        report(step, steps, Stage.PACKET_FINISH, "")
        with merged.reader() as handle:
            increment = finish(handle, plan, cancel)
        timings["finish"] = time.perf_counter() - t
        _check_cancel(cancel)
        t = time.perf_counter()
        report(step + 1, steps, Stage.PACKET_SAVE, "")
        result = _write_output(merged, increment, out, password, cancel, overwrite)
        timings["write"] = time.perf_counter() - t
        return result
    finally:
        merged.close()


def _qpdf_merge(inputs: list[MemFile], cancel: CancelFlag | None) -> MemFile:
    merged = MemFile("packet-merged")
    args = [
        "qpdf",
        "--empty",
        "--warning-exit-0",
        "--pages",
        *[m.path for m in inputs],
        "--",
        *MERGE_OPTIONS,
        merged.path,
    ]
    try:
        _run_qpdf(args, [m.fd for m in inputs] + [merged.fd], cancel)
    except BaseException:
        merged.close()
        raise
    return merged


def _run_qpdf(
    args: list[str], fds: list[int], cancel: CancelFlag | None, stdin_data: bytes | None = None
) -> None:
    try:
        process = subprocess.Popen(
            args, pass_fds=fds, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
    except FileNotFoundError:
        raise PacketError("qpdf-missing") from None
    stderr = b""
    while True:
        try:
            _, stderr = process.communicate(timeout=0.05)
            break
        except subprocess.TimeoutExpired:
            if cancel is not None and cancel.is_set():
                process.kill()
                process.wait()
                raise Cancelled("packet-cancelled") from None
    if process.returncode not in (0, 3):
        message = stderr.decode("utf-8", "replace").strip().splitlines()
        raise (
            PacketError("qpdf-failed", detail=message[-1]) if message else PacketError("qpdf-failed-unknown")
        )


def _write_output(
    merged: MemFile,
    increment: Any,
    out: Path,
    password: str | None,
    cancel: CancelFlag | None,
    overwrite: bool = True,
) -> tuple[str, int]:
    """Write the packet at *out* (through a fsutil.PrivateFile beside it, 0600, renamed at the end)."""
    output = PrivateFile(out, overwrite)
    try:
        start = merged.size
        tail = increment.bytes_at(start)
        if password:
            whole = MemFile("packet-whole")
            try:
                _copy_fd(merged.fd, whole.fd, start)
                whole.write(tail)
                _encrypt(whole, output.fd, password, cancel)  # qpdf writes into our 0600 file
            finally:
                whole.close()
        else:
            digest = hashlib.sha256()
            fd = output.fd
            with mmap.mmap(merged.fd, start, prot=mmap.PROT_READ) as view:
                for offset in range(0, start, 4 << 20):
                    block = memoryview(view)[offset : offset + (4 << 20)]
                    digest.update(block)
                    _write_all(fd, block)
                    block.release()
            digest.update(tail)
            _write_all(fd, tail)
            size = start + len(tail)
        _check_cancel(cancel)
        if password:
            digest = hashlib.sha256()
            with open(f"/proc/self/fd/{output.fd}", "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
                size = handle.tell()
        output.commit()
        return digest.hexdigest(), size
    except BaseException:
        output.discard()
        raise


def _write_all(fd: int, data: Any) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _copy_fd(source: int, target: int, count: int) -> None:
    offset = 0
    while offset < count:
        sent = os.sendfile(target, source, offset, min(count - offset, 1 << 30))
        if sent == 0:
            raise PacketError("merged-copy-failed")
        offset += sent


def _encrypt(source: MemFile, target_fd: int, password: str, cancel: CancelFlag | None) -> None:
    """AES-256 with qpdf into the open file *target_fd* (qpdf never creates a file of its own, so the
    output keeps its 0600 mode); the password goes through a pipe (@argfile), never on the command line."""
    if "\n" in password or "\r" in password:
        raise InvalidValue("packet-password-line-break")
    read_end, write_end = os.pipe()
    try:
        payload = f"--encrypt\n{password}\n{password}\n256\n--\n".encode()
        if len(payload) > 60000:
            raise InvalidValue("packet-password-too-long")
        os.write(write_end, payload)  # fits in the pipe buffer
        os.close(write_end)
        write_end = -1
        _run_qpdf(
            ["qpdf", "--warning-exit-0", f"@/dev/fd/{read_end}", source.path, f"/dev/fd/{target_fd}"],
            [read_end, source.fd, target_fd],
            cancel,
        )
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


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
