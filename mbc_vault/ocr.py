"""Optional text recognition for scans and photos with Tesseract, entirely in memory.

A PDF's pages are rendered in gray by the PDF worker (PDFium, `mbc_vault.pdf`, job "render") and
each image is piped to `tesseract` through stdin/stdout: no decrypted file is written to disk.
Tesseract runs with a time limit (and, where `resource` exists, the address-space, CPU and no-files
limits reading had). Cancelling, which the app does when it locks, ends the worker and any tesseract
process at once. Tesseract is optional; without it, scans are marked "no text (scan)".
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import threading
import time

from .errors import Cancelled, VaultError
from .pdf.client import PdfError, PdfWorker
from .progress import CancelFlag, ProgressFn, Stage
from .sysenv import system_environment
from .vault import Vault

OCR_TIME_LIMIT_S = 120.0
OCR_DPI = 200
RENDER_TIME_LIMIT_S = 30.0
MEMORY_LIMIT_BYTES = 1 << 30
WATCH_INTERVAL_S = 0.02


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _limits() -> None:  # in tesseract's process, before exec (POSIX only)
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    cpu = max(1, int(OCR_TIME_LIMIT_S))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))  # it may not write files


def _run(args: list[str], data: bytes, cancel: CancelFlag | None = None) -> bytes:
    """Run *args* with *data* on stdin and return its stdout; the process is killed as soon as
    *cancel* is set (Cancelled "ocr-cancelled") or past OCR_TIME_LIMIT_S ("ocr-timeout")."""
    posix = sys.platform != "win32"
    process = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=system_environment(),  # from the bundle: tesseract loads its own libraries, not the bundle's
        preexec_fn=_limits if posix else None,
        creationflags=0 if posix else 0x08000000,  # CREATE_NO_WINDOW: no console window flashes
    )
    output: list[bytes] = []
    talker = threading.Thread(target=lambda: output.append(process.communicate(data)[0]), daemon=True)
    talker.start()
    deadline = time.monotonic() + OCR_TIME_LIMIT_S
    try:
        while talker.is_alive():
            talker.join(WATCH_INTERVAL_S)
            if cancel is not None and cancel.is_set():
                raise Cancelled("ocr-cancelled")
            if talker.is_alive() and time.monotonic() > deadline:
                raise VaultError("ocr-timeout")
    finally:
        if process.poll() is None:
            process.kill()
        talker.join()
        process.wait()
    if process.returncode != 0 or not output:
        raise VaultError("ocr-failed")
    return output[0]


def recognize_image(
    image: bytes, language: str = "eng", cancel: CancelFlag | None = None, dpi: int | None = None
) -> str:
    """The text tesseract reads in *image* (any format it reads from stdin: PNG, JPEG, TIFF, PNM)."""
    args = ["tesseract", "stdin", "stdout", "-l", language, "--psm", "3"]
    if dpi:
        args += ["--dpi", str(dpi)]  # a PGM carries no resolution
    return _run(args, image, cancel).decode("utf-8", "replace")


def render_page(worker: PdfWorker, data: bytes, page: int, dpi: int = OCR_DPI) -> bytes:
    """Page *page* (1-based) of the PDF *data* as a grayscale PGM, rendered in the PDF worker."""
    sink = io.BytesIO()
    try:
        worker.call("render", {"page": page, "dpi": dpi}, [data], out=sink, time_limit=RENDER_TIME_LIMIT_S)
    except Cancelled:
        raise Cancelled("ocr-cancelled") from None
    except PdfError as failure:
        raise VaultError("ocr-timeout" if failure.code == "pdf-worker-timeout" else "ocr-failed") from None
    return sink.getvalue()


def ocr_record(
    vault: Vault,
    record_id: str,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> list[str]:
    """Recognize the text of the pages that have none, store it, and return every page's text."""
    if not tesseract_available():
        raise VaultError("ocr-needs-tesseract")
    record = vault.get(record_id)
    with vault.open_document(record.id) as stream:
        data = stream.read_all()
    texts = vault.page_texts(record.id) or []
    if record.media_type.startswith("image/"):
        pages: list[tuple[int, int | None]] = [(1, None)]
        texts = texts or [""]
    elif record.media_type == "application/pdf":
        count = record.pages or len(texts) or 1
        texts = (texts + [""] * count)[:count]
        pages = [(n, n) for n in range(1, count + 1) if not texts[n - 1].strip()]
    else:
        return texts
    with PdfWorker(cancel, time_limit=RENDER_TIME_LIMIT_S, memory_limit=MEMORY_LIMIT_BYTES) as worker:
        for done, (number, pdf_page) in enumerate(pages):
            if cancel is not None and cancel.is_set():
                raise Cancelled("ocr-cancelled")
            if progress:
                progress(done, len(pages), Stage.OCR, "")
            if pdf_page is None:
                texts[number - 1] = recognize_image(data, cancel=cancel)
            else:
                image = render_page(worker, data, pdf_page)
                texts[number - 1] = recognize_image(image, cancel=cancel, dpi=OCR_DPI)
    vault.set_page_texts(record.id, texts)
    if progress:
        progress(len(pages), len(pages), Stage.OCR, "")
    return texts
