"""Reading a file before import: type, page count, metadata and text, under time and memory limits.

PDFs are read by PDFium (pypdfium2) in the PDF worker, a separate process (`mbc_vault.pdf`): the
file's bytes go to it through a pipe, and each file gets a time limit, a memory limit and a cap on
the text it may hold, so a damaged or hostile PDF (a decompression bomb, an endless loop) cannot
hang or exhaust the app. Photos and scans (JPEG, PNG, TIFF) are decoded whole there too, with Pillow
(`mbc_vault/pdf/images.py`: their size checked from the header first, every page of a TIFF counted),
so an image that cannot be read is refused now, not when a packet is built. A batch of files is read
by one worker (`Reader`), or by two side by side on a machine with two cores or more (`read_files`);
a worker that was stopped on one file is started again for the next.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from .documents import ARCHIVE_NAMES, sniff_media_type
from .errors import Cancelled
from .fsutil import NotAFile, open_regular, safe_name
from .pdf.client import MEMORY_WATCHDOG, RLIMITS, PdfError, PdfWorker
from .pdf.protocol import FileBlob
from .progress import CancelFlag, ProgressFn, Stage
from .proposals import propose_category, propose_date, propose_title

IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff")
SUPPORTED_TYPES = ("application/pdf", *IMAGE_TYPES, "text/plain")
#: a file's time in the reading worker. bench/bench_hostile.py (2 cores, under load): the slowest
#: file a person may really have, 20,000 pages, reads in 6-8 s; hostile files end sooner (the 1 GiB
#: deflate bomb is stopped by the memory limit in under 2 s). Past this a file is "taking too long".
TIME_LIMIT_S = 30.0
#: the reading worker's memory for one file, plus READ_MEMORY_PER_BYTE times the file's size (the
#: worker holds the file's bytes, PDFium what it parses of them). bench/bench_hostile.py: a clean
#: 1-page PDF's worker uses about 30 MiB and a 20,000-page one about 65 MiB; the 1 GiB deflate bomb
#: reached 1011 MiB under the old 1 GiB limit (whole process tree 1038 MiB), and is stopped at about
#: 365 MiB under this one, so the tree stays within issue 11's 512 MiB (with the CLI's ~100 MiB).
MEMORY_LIMIT_BYTES = 384 << 20
READ_MEMORY_PER_BYTE = 2
MAX_TEXT_BYTES = 32 << 20
#: a text note is read whole into memory (then stored and indexed): past this it is refused before
#: any byte is read (the 1 GB text file of bench/bench_hostile.py is refused at once)
MAX_PLAIN_TEXT_BYTES = 16 << 20
#: the most PDF workers that read one batch side by side (read_files); each has the limits above
BATCH_WORKERS = 2


@dataclass
class Extracted:
    """What could be read from one file; `problem` is a plain sentence when it cannot be imported."""

    path: Path
    media_type: str = "application/octet-stream"
    pages: int | None = None
    page_texts: list[str] = field(default_factory=list)
    pdf_title: str = ""
    pdf_date: str | None = None
    problem: str = ""
    #: proposals for the import dialog (all editable)
    title: str = ""
    date: str | None = None
    category: str = "medical-other"
    #: the title of the record that already holds this file's content ("" if none; importer.read_for_import)
    already_in_vault: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def pages_without_text(self) -> list[int]:
        """1-based numbers of pages with no text layer (scans and photos)."""
        return [i + 1 for i, text in enumerate(self.page_texts) if not text.strip()]


def _pdf_problem(name: str, code: str) -> str:
    """The sentence for a PDF the worker could not read (its PdfError code), naming the file."""
    if code == "pdf-password-protected":
        return (
            f"{name} is protected by a password. Open it in a PDF reader, save a copy "
            "without the password, and import that copy."
        )
    if code == "pdf-text-too-large":
        return f"{name} holds far more text than a medical record could; it was not imported."
    if code == "pdf-worker-timeout":
        return (
            f"{name} took too long to read and was stopped; it may be damaged. "
            "Ask for a new copy, or scan the paper original."
        )
    if code == "pdf-worker-memory":
        return (
            f"{name} needs far more memory than a medical record could, so reading it was stopped; "
            "it may be damaged. Ask for a new copy, or scan the paper original."
        )
    # pdf-damaged, pdf-no-pages, pdf-job-failed, pdf-worker-crashed
    return f"{name} is damaged and cannot be read. Ask for a new copy, or scan the paper original."


def _image_problem(name: str, code: str, params: dict[str, object]) -> str:
    """The sentence for a photo or scan the worker could not decode (its PdfError code), naming it."""
    if code == "image-too-large":
        width, height = params.get("width"), params.get("height")
        known = isinstance(width, int) and isinstance(height, int)
        size = f"{width:,} by {height:,} pixels, " if known else ""
        return (
            f"{name} claims to be {size}far larger than a photo or scan could be; it was not imported. "
            "Save it at a smaller size, or scan it again."
        )
    if code == "image-too-many-pages":
        limit = params.get("limit")
        return (
            f"{name} has more than {limit:,} pages; split it into smaller files, or scan the paper again "
            "as PDF."
            if isinstance(limit, int)
            else f"{name} has too many pages; split it into smaller files, or scan the paper again as PDF."
        )
    if code == "pdf-worker-timeout":
        return (
            f"{name} took too long to read and was stopped; it may be damaged. Open it in an image "
            "viewer and save it again, or scan it again."
        )
    if code == "pdf-worker-memory":
        return (
            f"{name} needs far more memory than a photo or scan could, so reading it was stopped. "
            "Save it at a smaller size, or scan it again."
        )
    if code == "pdf-job-unknown":
        return f"{name} could not be read: this copy of MBC Vault is incomplete; install it again."
    # image-damaged, pdf-job-failed, pdf-worker-crashed
    return (
        f"{name} cannot be read as an image (it may be damaged); open it in an image viewer and save "
        "it again, or scan it again."
    )


class Reader:
    """Reads files for import, the PDFs in one PDF worker (started at the first PDF, ended by
    close). *cancel* ends the worker at once; `read` then raises Cancelled("pdf-cancelled")."""

    def __init__(
        self,
        cancel: CancelFlag | None = None,
        *,
        rlimits: bool = RLIMITS,
        memory_watchdog: bool = MEMORY_WATCHDOG,
    ) -> None:
        self.worker = PdfWorker(
            cancel,
            time_limit=TIME_LIMIT_S,
            memory_limit=MEMORY_LIMIT_BYTES,
            rlimits=rlimits,
            memory_watchdog=memory_watchdog,
        )

    def __enter__(self) -> Reader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.worker.close()

    def start(self) -> Reader:
        """Start the worker now and have it load what reading a PDF needs (PDFium, pikepdf), so the
        first file read pays no start: for a caller that starts its readers early and keeps them for
        several batches (`read_files(readers=...)`). Returns self; raises PdfError if the worker
        cannot start."""
        self.worker.call("read-load", time_limit=TIME_LIMIT_S, memory_limit=MEMORY_LIMIT_BYTES)
        return self

    def _read_pdf(self, blob: bytes | FileBlob) -> tuple[dict[str, object], list[str]]:
        """The worker's "read" reply and the page texts; raises PdfError or Cancelled."""
        sink = io.BytesIO()
        size = blob.size if isinstance(blob, FileBlob) else len(blob)
        reply = self.worker.call(
            "read",
            {"max_text": MAX_TEXT_BYTES},
            [blob],
            out=sink,
            time_limit=TIME_LIMIT_S,
            memory_limit=MEMORY_LIMIT_BYTES + READ_MEMORY_PER_BYTE * size,
        )
        sizes = [int(size) for size in reply.get("sizes") or []]
        return reply, _split(sink.getvalue(), sizes)

    def read(self, path: str | os.PathLike[str]) -> Extracted:
        """Inspect one file for import. Never raises for a bad file (see `problem`); raises
        Cancelled when the cancel flag was set."""
        path = Path(path)
        result = Extracted(path=path)
        name = safe_name(path.name)  # a newline or a right-to-left mark in it stays out of sentences
        try:
            handle = open_regular(path)  # a pipe or device is refused at once, never waited on
        except FileNotFoundError:
            result.problem = f"{name} does not exist; check the name (it may have been moved)."
            return result
        except NotAFile as exc:
            result.problem = f"{name} is {exc.kind}, not a file; import the document file itself."
            return result
        except (PermissionError, IsADirectoryError):
            result.problem = (
                f"{name} cannot be read (no permission); copy it somewhere you own and try again."
            )
            return result
        with handle:
            size = os.fstat(handle.fileno()).st_size
            if size == 0:
                result.problem = f"{name} is empty; there is nothing to import."
                return result
            result.media_type = sniff_media_type(handle.read(4096), name)
            handle.seek(0)
            if result.media_type in ARCHIVE_NAMES:
                result.problem = (
                    f"{name} is {ARCHIVE_NAMES[result.media_type]}, not a document; "
                    "open it and import what is inside."
                )
                return result
            if result.media_type not in SUPPORTED_TYPES:
                result.problem = (
                    f"{name} is not a PDF, JPEG, PNG, TIFF or text file; save or print it as PDF, "
                    "then import the PDF."
                )
                return result
            if result.media_type == "application/pdf":
                self._pdf_into(result, FileBlob(handle, size))
            elif result.media_type == "text/plain":
                if size > MAX_PLAIN_TEXT_BYTES:
                    result.problem = f"{name} is too large for a text note; split it or save it as PDF."
                    return result
                result.pages = 1
                text = handle.read(MAX_PLAIN_TEXT_BYTES + 1)  # bounded, even if the file grew
                if len(text) > MAX_PLAIN_TEXT_BYTES:
                    result.problem = f"{name} is too large for a text note; split it or save it as PDF."
                    return result
                result.page_texts = [text.decode("utf-8", "replace")]
            else:
                self._image_into(result, FileBlob(handle, size))
        if result.ok:
            first = "\n".join(result.page_texts[:2])
            result.title = propose_title(result.pdf_title, name, first)
            result.date = propose_date(first)  # never the PDF's creation date: the day it was saved
            result.category = propose_category(first, title=f"{result.pdf_title}\n{path.stem}")
        return result

    def _pdf_into(self, result: Extracted, blob: FileBlob) -> None:
        try:
            reply, texts = self._read_pdf(blob)
        except PdfError as failure:
            result.problem = _pdf_problem(safe_name(result.path.name), failure.code)
            return
        result.pages = int(str(reply.get("pages") or 0)) or None
        result.page_texts = texts
        result.pdf_title = str(reply.get("title") or "")[:300]
        result.pdf_date = str(reply.get("created") or "") or None

    def _image_into(self, result: Extracted, blob: FileBlob) -> None:
        """Decode the photo or scan in the worker: its page count (a TIFF's frames), or the problem."""
        try:
            reply = self.worker.call(
                "image-check",
                {"media": result.media_type},
                [blob],
                time_limit=TIME_LIMIT_S,
                memory_limit=MEMORY_LIMIT_BYTES,
            )
        except PdfError as failure:
            result.problem = _image_problem(result.path.name, failure.code, failure.params)
            return
        result.pages = int(reply["pages"])
        result.page_texts = [""] * result.pages

    def page_texts(self, data: bytes, pages: int | None) -> list[str] | None:
        """The text of each page of a PDF given as bytes (piped, never written to disk), padded or
        cut to *pages* when given; None if unreadable. Raises Cancelled when cancelled."""
        try:
            _, texts = self._read_pdf(data)
        except PdfError:
            return None
        if pages:
            texts = (texts + [""] * pages)[:pages]
        return texts


def _split(raw: bytes, sizes: list[int]) -> list[str]:
    """The page texts the worker streamed one after the other, cut by their sizes in bytes."""
    texts, start = [], 0
    for size in sizes:
        texts.append(raw[start : start + size].decode("utf-8", "replace"))
        start += size
    return texts


def read_file(path: str | os.PathLike[str]) -> Extracted:
    """Inspect one file for import (with a worker of its own). Never raises for a bad file: see
    `problem`."""
    with Reader() as reader:
        return reader.read(path)


def batch_workers(files: int) -> int:
    """How many PDF workers read a batch of *files* side by side: one per core, at most
    BATCH_WORKERS (PDFium is single-threaded, so a second process is what uses a second core)."""
    return max(1, min(BATCH_WORKERS, os.cpu_count() or 1, files))


def read_files(
    paths: Iterable[str | os.PathLike[str]],
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
    readers: Sequence[Reader] | None = None,
) -> list[Extracted]:
    """Read many files for import, reporting Stage.READ progress (the file's name) as each file is
    started, in order. The PDFs are read by `batch_workers` PDF workers side by side (each file in one
    of them, with its own limits), each started once for the batch; the results come back in the
    order of *paths*. When *cancel* is set the workers end at once and the files read so far (those
    before the first one not read) come back.

    *readers*: the caller's own Readers (started early, kept for several batches and closed by the
    caller), one thread each, instead of new ones; *cancel* is their cancel flag for this batch."""
    files = [Path(p) for p in paths]
    results: list[Extracted | None] = [None] * len(files)
    queue = iter(range(len(files)))
    lock = threading.Lock()
    stop = threading.Event()
    failures: list[BaseException] = []

    def take() -> int | None:
        with lock:
            if stop.is_set() or (cancel is not None and cancel.is_set()):
                return None
            number = next(queue, None)
            if number is not None and progress:
                progress(number, len(files), Stage.READ, safe_name(files[number].name))
            return number

    def drive(reader: Reader) -> None:
        while (number := take()) is not None:
            results[number] = reader.read(files[number])

    def work(given: Reader | None = None) -> None:
        try:
            if given is None:
                with Reader(cancel) as reader:
                    drive(reader)
                return
            saved, given.worker.cancel = given.worker.cancel, cancel
            try:
                drive(given)
            finally:
                given.worker.cancel = saved
        except Cancelled:
            stop.set()
        except BaseException as exc:  # noqa: BLE001 - raised again by the calling thread
            failures.append(exc)
            stop.set()

    mine: list[Reader | None] = (
        list(readers[: max(1, len(files))]) if readers else [None] * batch_workers(len(files))
    )
    helpers = [threading.Thread(target=work, args=(r,), daemon=True) for r in mine[1:]]
    for helper in helpers:
        helper.start()
    work(mine[0])
    for helper in helpers:
        helper.join()
    if failures:
        raise failures[0]
    done: list[Extracted] = []
    for result in results:
        if result is None:
            break
        done.append(result)
    return done
