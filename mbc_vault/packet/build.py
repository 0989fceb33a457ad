"""Building a packet: documents into memory, generated pages, one qpdf merge, one finishing pass.

Time goes to the merge (qpdf, in C++, copying every page of every document once) and to one small
incremental update written after the merged bytes (footers, bookmarks, contents links: only page
dictionaries are parsed, never the images). Plaintext lives in memfds until the one file the person
asked for; on cancel or error nothing is left at the chosen path.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import mmap
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Callable

from ..errors import Cancelled, VaultError
from ..fsutil import fsync_dir, temp_path_for
from . import frontmatter, typeset
from .finish import FinishPlan, finish
from .memfile import MemFile
from .model import DocumentProblem, PacketChoices, PacketProblems, PacketResult, Section
from .sources import DocumentRejected, Part, load_document, problem_for

ProgressFn = Callable[[int, int, str], None]
PACKET_KIND = "packet"


class PacketError(VaultError):
    pass


def _check_cancel(cancel: Any) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("Building the packet was cancelled; nothing was written.")


def check_documents(vault: Any, document_ids: list[str], page_size: str = "Letter") -> list[DocumentProblem]:
    """Which chosen documents cannot be included, and why (for a wizard to warn before building)."""
    problems = []
    for record_id in document_ids:
        try:
            record = vault.get(record_id)
            part = load_document(vault, record, page_size)
        except DocumentRejected as exc:
            problems.append(problem_for(record, exc.reason))
        except VaultError as exc:
            problems.append(DocumentProblem(record_id, record_id, str(exc)))
        else:
            part.close()
    return problems


def footer_text(choices: PacketChoices) -> Callable[[int, int], str]:
    who = " · ".join(x for x in (choices.cover.patient_name,
                                 f"DOB {choices.cover.date_of_birth}" if choices.cover.date_of_birth else "") if x)

    def text(page: int, total: int) -> str:
        return f"{who} · page {page} of {total}" if who else f"page {page} of {total}"
    return text


def _generated(html: str, title: str, kind: str, page_size: str, size: float = 10.5,
               images: dict[str, Any] | None = None) -> Part:
    data, pages = typeset.html_pdf(html, title=title, page_size=page_size, base_point_size=size, images=images)
    return Part(title, kind, MemFile.of(data), pages)


def build_packet(vault: Any, choices: PacketChoices, out_path: str | os.PathLike[str],
                 progress: ProgressFn | None = None, cancel: threading.Event | None = None, *,
                 record: bool = True) -> PacketResult:
    """Build the packet at *out_path*; raises PacketProblems (nothing written) when a chosen document
    cannot be included, unless choices.skip_problem_documents; Cancelled when *cancel* is set."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    out = Path(out_path)
    if choices.page_size not in ("Letter", "A4"):
        raise ValueError(f'The page size "{choices.page_size}" is not known; use Letter or A4.')
    if not out.parent.is_dir():
        raise PacketError(f"The folder {out.parent} does not exist.")
    cover = choices.cover
    if not cover.patient_name:
        cover.patient_name = vault.person.name
    if not cover.date:
        cover.date = dt.date.today().isoformat()
    report = progress or (lambda done, total, label: None)
    ids = list(choices.document_ids)
    steps = len(ids) + 4
    parts: list[Part] = []
    try:
        # 1. the chosen documents, decrypted into memory and made safe
        documents: list[Part] = []
        problems: list[DocumentProblem] = []
        used: list[Any] = []
        for number, record_id in enumerate(ids):
            _check_cancel(cancel)
            try:
                rec = vault.get(record_id)
            except VaultError as exc:
                problems.append(DocumentProblem(record_id, record_id, str(exc)))
                continue
            report(number, steps, f"Reading {rec.title}")
            try:
                documents.append(load_document(vault, rec, choices.page_size, cancel))
                used.append(rec)
            except DocumentRejected as exc:
                problems.append(problem_for(rec, exc.reason))
        _check_cancel(cancel)
        if problems and not choices.skip_problem_documents:
            raise PacketProblems(problems)
        timings["documents"] = time.perf_counter() - started

        # 2. the generated pages
        t = time.perf_counter()
        report(len(ids), steps, "Writing the cover, summary and contents")
        extra: list[Part] = []
        if choices.include_summary:
            html, images = frontmatter.summary_html(vault, cover.patient_name, cover.date)
            if html:
                extra.append(_generated(html, "Care summary", "summary", choices.page_size, 9.5, images))
        if choices.question_list_id:
            extra.append(_question_part(vault, choices))
        if choices.include_priorities:
            from ..care.printouts import priorities_html
            from ..care.store import CarePlan

            priorities = CarePlan(vault).priorities()
            if priorities is None:
                raise PacketError("There are no care priorities recorded yet; leave them out or write them first.")
            extra.append(_generated(priorities_html(priorities.model, cover.patient_name), "My care priorities",
                                    "priorities", choices.page_size, 11))
        if choices.materials:
            extra.append(_generated(frontmatter.materials_html(choices.materials, cover.patient_name),
                                    "Materials sent separately", "materials", choices.page_size))
        body = extra + documents
        if not body:
            raise PacketError("The packet would be empty: choose documents or the care summary.")
        cover_part = _generated(frontmatter.cover_html(cover, [p.title for p in body]), "Cover sheet", "cover",
                                choices.page_size, 11)
        contents_part = _contents(body, cover_part.pages, choices.page_size)
        parts = [cover_part, contents_part, *body]
        sections, first = [], 1
        for part in parts:
            sections.append(Section(part.title, part.kind, first, part.pages, part.record_id))
            first += part.pages
        total_pages = first - 1
        timings["generated"] = time.perf_counter() - t
        _check_cancel(cancel)

        # 3. one merge
        t = time.perf_counter()
        report(len(ids) + 1, steps, f"Putting {total_pages} pages together")
        merged = _qpdf_merge([p.data for p in parts], cancel)
        for part in parts:
            part.close()
        timings["merge"] = time.perf_counter() - t

        # 4. footers, bookmarks, links
        t = time.perf_counter()
        report(len(ids) + 2, steps, "Adding page numbers and bookmarks")
        try:
            with merged.reader() as handle:
                increment = finish(handle, FinishPlan(sections, footer_text(choices) if choices.footer else None, 1,
                                                      f"Records of {cover.patient_name}"), cancel)
            timings["finish"] = time.perf_counter() - t
            _check_cancel(cancel)
            t = time.perf_counter()
            report(len(ids) + 3, steps, "Saving")
            sha256, size = _write_output(merged, increment, out, choices.password, cancel)
        finally:
            merged.close()
        timings["write"] = time.perf_counter() - t
    except BaseException:
        for part in parts or []:
            part.close()
        raise
    record_id = None
    if record:
        record_id = record_packet(vault, choices, used, sections, sha256, size, total_pages).id
    report(steps, steps, "Done")
    timings["total"] = time.perf_counter() - started
    return PacketResult(str(out), total_pages, sha256, size, sections,
                        problems if choices.skip_problem_documents else [], record_id, bool(choices.password), timings)


def _question_part(vault: Any, choices: PacketChoices) -> Part:
    from ..care.models import Appointment, QuestionList
    from ..care.printouts import question_list_html

    rec = vault.get(choices.question_list_id)
    if rec.kind != "question-list":
        raise PacketError(f'"{rec.title}" is not a question list.')
    questions = QuestionList.from_data(rec.data)
    appointment = None
    if questions.appointment_id:
        with contextlib.suppress(VaultError):
            appointment = Appointment.from_data(vault.get(questions.appointment_id).data)
    return _generated(question_list_html(questions, appointment, choices.cover.patient_name),
                      f"Questions: {questions.name}", "questions", choices.page_size, 12)


def _contents(body: list[Part], cover_pages: int, page_size: str) -> Part:
    """The contents pages: typeset until their own length no longer moves the page numbers."""
    contents_pages = 1
    for _ in range(5):
        first, entries = cover_pages + contents_pages + 1, []
        for index, part in enumerate(body, start=2):
            entries.append((index, part.title, first))
            first += part.pages
        data, pages = typeset.html_pdf(frontmatter.contents_html(entries), title="Contents", page_size=page_size)
        if pages == contents_pages:
            return Part("Contents", "contents", MemFile.of(data), pages)
        contents_pages = pages
    raise PacketError("The contents pages could not be laid out.")  # pragma: no cover


def _qpdf_merge(inputs: list[MemFile], cancel: Any) -> MemFile:
    merged = MemFile("packet-merged")
    args = ["qpdf", "--empty", "--warning-exit-0", "--pages", *[m.path for m in inputs], "--", merged.path]
    try:
        _run_qpdf(args, [m.fd for m in inputs] + [merged.fd], cancel)
    except BaseException:
        merged.close()
        raise
    return merged


def _run_qpdf(args: list[str], fds: list[int], cancel: Any, stdin_data: bytes | None = None) -> None:
    try:
        process = subprocess.Popen(args, pass_fds=fds, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise PacketError("qpdf is not installed; install it (Debian/Ubuntu: apt install qpdf).") from None
    stderr = b""
    while True:
        try:
            _, stderr = process.communicate(timeout=0.05)
            break
        except subprocess.TimeoutExpired:
            if cancel is not None and cancel.is_set():
                process.kill()
                process.wait()
                raise Cancelled("Building the packet was cancelled; nothing was written.") from None
    if process.returncode not in (0, 3):
        message = stderr.decode("utf-8", "replace").strip().splitlines()
        raise PacketError("qpdf could not put the pages together: " + (message[-1] if message else "unknown error"))


def _write_output(merged: MemFile, increment: Any, out: Path, password: str | None, cancel: Any) -> tuple[str, int]:
    """Write the packet at *out* (through a temporary name beside it, renamed at the end)."""
    tmp = temp_path_for(out)
    try:
        start = merged.size
        tail = increment.bytes_at(start)
        if password:
            whole = MemFile("packet-whole")
            try:
                _copy_fd(merged.fd, whole.fd, start)
                whole.write(tail)
                _encrypt(whole, tmp, password, cancel)
            finally:
                whole.close()
        else:
            digest = hashlib.sha256()
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with mmap.mmap(merged.fd, start, prot=mmap.PROT_READ) as view:
                    for offset in range(0, start, 4 << 20):
                        block = memoryview(view)[offset:offset + (4 << 20)]
                        digest.update(block)
                        _write_all(fd, block)
                        block.release()
                digest.update(tail)
                _write_all(fd, tail)
                os.fsync(fd)
            finally:
                os.close(fd)
            size = start + len(tail)
        _check_cancel(cancel)
        if password:
            digest = hashlib.sha256()
            with open(tmp, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
                size = handle.tell()
        os.replace(tmp, out)
        fsync_dir(out.parent)
        return digest.hexdigest(), size
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _write_all(fd: int, data: Any) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy_fd(source: int, target: int, count: int) -> None:
    offset = 0
    while offset < count:
        sent = os.sendfile(target, source, offset, min(count - offset, 1 << 30))
        if sent == 0:
            raise PacketError("Could not copy the merged packet.")
        offset += sent


def _encrypt(source: MemFile, target: Path, password: str, cancel: Any) -> None:
    """AES-256 with qpdf; the password goes through a pipe (@argfile), never on the command line."""
    if "\n" in password or "\r" in password:
        raise ValueError("The packet password cannot contain a line break.")
    read_end, write_end = os.pipe()
    try:
        payload = f"--encrypt\n{password}\n{password}\n256\n--\n".encode("utf-8")
        if len(payload) > 60000:
            raise ValueError("The packet password is too long.")
        os.write(write_end, payload)  # fits in the pipe buffer
        os.close(write_end)
        write_end = -1
        _run_qpdf(["qpdf", "--warning-exit-0", f"@/dev/fd/{read_end}", source.path, str(target)],
                  [read_end, source.fd], cancel)
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


def record_packet(vault: Any, choices: PacketChoices, used: list[Any], sections: list[Section], sha256: str,
                  size: int, pages: int) -> Any:
    """A vault entry recording what was sent, to whom, and how to build it again."""
    cover = choices.cover
    for_whom = ", ".join(x for x in (cover.doctor, cover.center) if x) or "second opinion"
    data = {
        "built": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "for": for_whom,
        "documents": [{"id": r.id, "title": r.title, "sha256": r.sha256, "revision": r.revision} for r in used],
        "output": {"sha256": sha256, "size": size, "pages": pages},
        "sections": [{"title": s.title, "kind": s.kind, "first_page": s.first_page, "pages": s.pages,
                      "record_id": s.record_id} for s in sections],
        "choices": choices.to_json(),
    }
    return vault.add_entry(PACKET_KIND, data, title=f"Packet for {for_whom}", date=cover.date or None,
                           links=[r.id for r in used])


def rebuild_choices(vault: Any, packet_id: str) -> PacketChoices:
    """The choices of a recorded packet, to build it again with the current documents."""
    rec = vault.get(packet_id)
    if rec.kind != PACKET_KIND:
        raise PacketError(f'"{rec.title}" is not a packet.')
    return PacketChoices.from_json(rec.data["choices"])
