"""Optional text recognition for scans and photos with Tesseract, entirely in memory.

The decrypted document is piped to `pdftoppm` (PDF pages to images) and `tesseract` through
stdin/stdout: no decrypted file is written to disk. Both run under the same limits as
extraction. Tesseract is optional; without it, scans are marked "no text (scan)".
"""

from __future__ import annotations

import shutil
import subprocess

from .errors import Cancelled, VaultError
from .extract import _limits
from .progress import CancelFlag, ProgressFn, Stage
from .vault import Vault

OCR_TIME_LIMIT_S = 120.0
OCR_DPI = 200


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _run(args: list[str], data: bytes) -> bytes:
    try:
        done = subprocess.run(
            args, input=data, capture_output=True, timeout=OCR_TIME_LIMIT_S, preexec_fn=_limits
        )
    except subprocess.TimeoutExpired:
        raise VaultError("ocr-timeout") from None
    if done.returncode != 0:
        raise VaultError("ocr-failed")
    return done.stdout


def recognize_image(image: bytes, language: str = "eng") -> str:
    return _run(["tesseract", "stdin", "stdout", "-l", language, "--psm", "3"], image).decode(
        "utf-8", "replace"
    )


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
    for done, (number, pdf_page) in enumerate(pages):
        if cancel is not None and cancel.is_set():
            raise Cancelled("ocr-cancelled")
        if progress:
            progress(done, len(pages), Stage.OCR, "")
        image = (
            data
            if pdf_page is None
            else _run(
                ["pdftoppm", "-png", "-r", str(OCR_DPI), "-f", str(pdf_page), "-l", str(pdf_page), "-"], data
            )
        )
        texts[number - 1] = recognize_image(image)
    vault.set_page_texts(record.id, texts)
    if progress:
        progress(len(pages), len(pages), Stage.OCR, "")
    return texts
