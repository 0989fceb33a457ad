"""Text recognition: pages rendered in the PDF worker (no pdftoppm), read by tesseract from stdin;
progress, and cancel and time limits that leave no worker and no tesseract running."""

from __future__ import annotations

import io
import math
import sys
import threading
from pathlib import Path

import psutil
import pytest
from conftest import DATA, require_tool
from pdfmaker import scan_pdf, text_pdf
from processes import children_when, fake_tesseract, gone

from mbc_vault import ocr
from mbc_vault.errors import Cancelled, VaultError
from mbc_vault.pdf import reading
from mbc_vault.pdf.client import PdfWorker
from mbc_vault.pdf.protocol import JobError, Request
from mbc_vault.vault import Vault

PHOTO = DATA / "images/lab-report-photo.jpg"


def _pgm(data: bytes) -> tuple[int, int, bytes]:
    magic, size, depth, pixels = data.split(b"\n", 3)
    assert magic == b"P5" and depth == b"255"
    width, height = (int(n) for n in size.split())
    return width, height, pixels


def test_a_page_is_rendered_in_gray_at_the_ocr_resolution(tmp_path: Path) -> None:
    pdf = text_pdf(tmp_path / "letter.pdf", [["first page"], ["SECOND PAGE"]]).read_bytes()
    out = io.BytesIO()
    reply = reading.render(Request({"page": 2, "dpi": 200}, [pdf], out, {}))
    width, height, pixels = _pgm(out.getvalue())
    assert (width, height) == (reply["width"], reply["height"]) == (1700, 2200)  # Letter at 200 dpi
    assert len(pixels) == width * height
    assert min(pixels) < 100 and pixels.count(255) > 0.9 * len(pixels)  # black text on white
    for page in (0, 3):
        with pytest.raises(JobError) as missing:
            reading.render(Request({"page": page}, [pdf], io.BytesIO(), {}))
        assert missing.value.code == "pdf-damaged"


def test_a_huge_page_is_rendered_smaller_not_refused() -> None:
    assert reading.render_scale(612, 792, 200) == pytest.approx(200 / 72)
    scale = reading.render_scale(14_400, 14_400, 200)  # a 200-inch page
    assert math.ceil(14_400 * scale) ** 2 <= reading.MAX_RENDER_PIXELS
    assert math.ceil(reading.render_scale(100_000, 10, 200) * 100_000) <= reading.MAX_RENDER_SIDE


def test_a_scanned_pdf_is_recognized_page_by_page_with_progress(vault: Vault, tmp_path: Path) -> None:
    require_tool("tesseract")
    pdf = scan_pdf(tmp_path / "scan.pdf", PHOTO, pages=2, text_pages=(2,))
    record = vault.add_document(
        pdf, category="lab-result", title="Labs", pages=2, page_texts=["", "Typed page 2\n"]
    )
    steps: list[tuple[int, int]] = []
    texts = ocr.ocr_record(vault, record.id, progress=lambda d, t, s, i: steps.append((d, t)))
    assert "LABORATORY" in texts[0].upper() and texts[1] == "Typed page 2\n"  # only the scan is read
    assert vault.page_texts(record.id) == texts
    assert steps == [(0, 1), (1, 1)]


@pytest.mark.skipif(sys.platform == "win32", reason="the fake tesseract is a script with a #! line")
def test_cancel_ends_the_worker_and_tesseract_at_once(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_tesseract(tmp_path, monkeypatch)
    pdf = scan_pdf(tmp_path / "scan.pdf", PHOTO, pages=3)
    record = vault.add_document(pdf, category="lab-result", title="Labs", pages=3, page_texts=[""] * 3)
    cancel = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            ocr.ocr_record(vault, record.id, cancel=cancel)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            failure.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    children = children_when(str(fake))
    assert any("mbc_vault.pdf.worker" in " ".join(c.cmdline()) for c in children)  # rendered there
    cancel.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], Cancelled) and failure[0].code == "ocr-cancelled"
    assert all(gone(child) for child in children), [c.cmdline() for c in children if not gone(c)]
    assert vault.page_texts(record.id) == [""] * 3  # nothing stored


@pytest.mark.skipif(sys.platform == "win32", reason="the fake tesseract is a script with a #! line")
def test_a_hung_tesseract_is_stopped_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_tesseract(tmp_path, monkeypatch)
    monkeypatch.setattr(ocr, "OCR_TIME_LIMIT_S", 0.5)
    with pytest.raises(VaultError) as stopped:
        ocr.recognize_image(PHOTO.read_bytes())
    assert stopped.value.code == "ocr-timeout"
    assert not any(str(fake) in " ".join(c.cmdline()) for c in psutil.Process().children(recursive=True))


def test_a_page_that_cannot_be_rendered_fails_recognition_plainly(tmp_path: Path) -> None:
    with PdfWorker() as worker, pytest.raises(VaultError) as failed:
        ocr.render_page(worker, b"%PDF-1.4 not really", 1)
    assert failed.value.code == "ocr-failed"
