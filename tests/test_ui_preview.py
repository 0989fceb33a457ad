"""The preview pane draws PDFs and images in its PDF worker: the window keeps answering and the app's
memory stays small whatever the document, a costly document gets one sentence, a new document stops
the old one's drawing, and the lock ends the worker and lets go of every page image. Text recognition
stops with the lock, leaving no process behind."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from conftest import DATA, PASSPHRASE, TEST_WORK_FACTOR
from pdfmaker import _pdf, scan_pdf, text_bomb_pdf, text_pdf
from processes import children_when, gone
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor

from mbc_vault.preview import PREVIEW_TEXT_BYTES, PREVIEW_TEXT_CHARS, PREVIEW_TEXT_LINE
from mbc_vault.records import Record
from mbc_vault.vault import Vault
from ui.main_window import MainWindow
from ui.page_view import MAX_ZOOM
from ui.preview import PreviewPane

pytestmark = pytest.mark.qt
TIMEOUT = 30_000
TOO_COMPLEX = "too complex to preview here"


def pdf_record(title: str = "Scan") -> Record:
    return Record(id="r1", category="imaging-report", title=title, media_type="application/pdf")


@pytest.fixture
def pane(qtbot) -> Iterator[PreviewPane]:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    yield pane
    pane.stop()


def drawn(pane: PreviewPane) -> bool:
    """A page image has come back from the worker."""
    return bool(pane.page_view._images)


def dark_pixels(pane: PreviewPane) -> int:
    """How many pixels of the page view are near black (text), in a grab of it."""
    image = pane.page_view.viewport().grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 80
    )


def test_a_pdf_is_drawn_page_by_page_in_the_worker_with_zoom(
    qtbot, pane: PreviewPane, tmp_path: Path
) -> None:
    pages = [[f"Page {n} of the biopsy report", "Invasive ductal carcinoma"] * 12 for n in range(1, 6)]
    data = text_pdf(tmp_path / "report.pdf", pages).read_bytes()
    pane.show_document(pdf_record(), bytearray(data), page=3)
    assert pane.stack.currentWidget() is pane.page_view
    qtbot.waitUntil(lambda: pane.page_count() == 5, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: pane.current_pdf_page() == 3 and 3 in pane.page_view._images, timeout=TIMEOUT)
    assert pane.page_label.text() == "Page 3 of 5"
    assert dark_pixels(pane) > 50  # the text is on the screen
    worker = psutil.Process(pane.previewer.pid)
    assert worker.ppid() == psutil.Process().pid  # drawn by a child process, not by the app
    assert len(pane.page_view._images) < 5  # only the pages in view (and the next) are drawn

    width = pane.page_view._width
    pane.page_view.setFocus()
    qtbot.keyClick(pane.page_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pane.page_view.zoom > 1 and pane.page_view._width > width
    qtbot.waitUntil(  # drawn again at the new width
        lambda: pane.page_view._asked.get(3) == pane.page_view._pixel_width(2),
        timeout=TIMEOUT,
    )
    qtbot.keyClick(pane.page_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.page_view.zoom == 1 and pane.page_view._width == width
    qtbot.mouseClick(pane.zoom_out_btn, Qt.MouseButton.LeftButton)
    assert pane.page_view.zoom < 1
    qtbot.mouseClick(pane.fit_btn, Qt.MouseButton.LeftButton)
    assert pane.page_view.zoom == 1
    for _ in range(12):  # as far in as it goes: the page is drawn with fewer pixels, and scaled up
        qtbot.mouseClick(pane.zoom_in_btn, Qt.MouseButton.LeftButton)
    assert pane.page_view.zoom == MAX_ZOOM and pane.page_view._pixel_width(2) < pane.page_view._width
    qtbot.waitUntil(
        lambda: pane.page_view._asked.get(3) == pane.page_view._pixel_width(2),
        timeout=TIMEOUT,
    )
    assert pane.stack.currentWidget() is pane.page_view  # never "too complex" for being zoomed in
    qtbot.keyClick(pane.page_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: pane.page_view._task is None, timeout=TIMEOUT)  # nothing left to draw

    # the next document reuses the worker; clearing lets go of the page images, stopping ends the worker
    other = text_pdf(tmp_path / "other.pdf", [["Second document"]]).read_bytes()
    pane.show_document(pdf_record("Other"), bytearray(other))
    qtbot.waitUntil(lambda: pane.page_count() == 1 and drawn(pane), timeout=TIMEOUT)
    assert pane.previewer.pid == worker.pid and pane.page_label.text() == ""
    held = pane._document
    assert held is not None
    pane.stop()
    assert pane.page_count() == 0 and not pane.page_view._images and pane.previewer.pid is None
    assert held.data == bytes(len(held.data))  # the pane's copy of the document was overwritten
    assert gone(worker)


@pytest.mark.parametrize("name", ["lab-report-scan.png", "lab-report-photo.jpg", "lab-report-scan.tiff"])
def test_an_image_is_decoded_in_the_worker(qtbot, pane: PreviewPane, name: str) -> None:
    media = {"png": "image/png", "jpg": "image/jpeg", "tiff": "image/tiff"}[name.rsplit(".", 1)[1]]
    record = Record(id="r2", category="lab-result", title="Labs", media_type=media)
    pane.show_document(record, bytearray((DATA / "images" / name).read_bytes()))
    qtbot.waitUntil(lambda: pane.page_count() == 1 and drawn(pane), timeout=TIMEOUT)
    assert pane.page_view.accessibleName() == "Image preview"
    assert dark_pixels(pane) > 50


def test_an_undecodable_image_gets_a_sentence(qtbot, pane: PreviewPane) -> None:
    record = Record(id="r3", category="lab-result", title="Labs", media_type="image/png")
    pane.show_document(record, bytearray(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64))
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.message, timeout=TIMEOUT)
    assert pane.message.text() == "This image cannot be shown here."


def test_a_page_too_tall_to_draw_is_too_complex(qtbot, pane: PreviewPane) -> None:
    """A page 10 points wide and 14,400 tall would be a picture hundreds of thousands of pixels tall."""
    data = _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 14400] >>",
        ]
    )
    pane.show_document(pdf_record(), bytearray(data))
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.message, timeout=TIMEOUT)
    assert TOO_COMPLEX in pane.message.text() and pane.title.text() == "Scan"


def test_the_window_answers_while_a_deflate_bomb_is_previewed(
    qtbot, pane: PreviewPane, tmp_path: Path
) -> None:
    """512 MB of page content in a 7 MB file: the GUI thread keeps running its timer while the worker
    chews on it, the app's own memory does not take the decompressed size, and the pane then says
    the document is too complex, in one sentence."""
    megabytes = 512
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=megabytes, level=1).read_bytes()
    me = psutil.Process()
    before = me.memory_info().rss
    seen = {"ticks": 0, "busy_ticks": 0, "peak": before}

    def tick() -> None:
        seen["ticks"] += 1
        seen["peak"] = max(seen["peak"], me.memory_info().rss)
        if pane.page_view._task is not None:  # the worker is opening or drawing the bomb
            seen["busy_ticks"] += 1

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        pane.show_document(pdf_record("Bomb"), bytearray(bomb))
        qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.message, timeout=60_000)
    finally:
        timer.stop()
    assert TOO_COMPLEX in pane.message.text()
    assert seen["busy_ticks"] >= 20, seen  # events were handled all along the worker's work
    assert seen["peak"] - before < (megabytes << 20) // 4, seen  # far below the decompressed size
    # the bomb cost the worker its limit; the next document is shown by a new one
    small = text_pdf(tmp_path / "small.pdf", [["After the bomb"]]).read_bytes()
    pane.show_document(pdf_record("Small"), bytearray(small))
    qtbot.waitUntil(lambda: drawn(pane), timeout=TIMEOUT)


def test_a_new_document_stops_the_drawing_of_the_old_one(qtbot, pane: PreviewPane, tmp_path: Path) -> None:
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=256, level=1).read_bytes()
    pane.show_document(pdf_record("Bomb"), bytearray(bomb))
    qtbot.waitUntil(lambda: pane.previewer.job == "preview-page", timeout=TIMEOUT)  # drawing its page
    busy = psutil.Process(pane.previewer.pid)
    small = text_pdf(tmp_path / "small.pdf", [["Next document"]]).read_bytes()
    pane.show_document(pdf_record("Small"), bytearray(small))
    qtbot.waitUntil(lambda: drawn(pane), timeout=TIMEOUT)  # long before the bomb's time limit
    assert gone(busy) and pane.stack.currentWidget() is pane.page_view


def test_locking_during_a_preview_ends_its_worker(qtbot, window: MainWindow, tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    bomb = text_bomb_pdf(tmp_path / "bomb.pdf", megabytes=256, level=1)
    vault.add_document(bomb, category="imaging-report", title="Bomb", pages=1, page_texts=["x"])
    window.enter_vault(vault)
    window.go_to(window.documents)
    preview = window.documents.preview
    window.documents.table.selectRow(0)
    qtbot.waitUntil(lambda: preview.previewer.job == "preview-page", timeout=TIMEOUT)  # drawing the bomb
    worker = psutil.Process(preview.previewer.pid)
    window.lock()
    assert gone(worker) and preview.previewer.pid is None  # ended before the lock returned
    assert preview.page_count() == 0 and not preview.page_view._images


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_locking_during_text_recognition_leaves_no_process(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """With the real tesseract on a scan of six pages: progress shows, the lock stops it, and no
    child process of the app (tesseract, the PDF workers) is left once the lock returns."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    scan = scan_pdf(tmp_path / "scan.pdf", DATA / "images/lab-report-photo.jpg", pages=6)
    vault.add_document(scan, category="lab-result", title="Labs", pages=6, page_texts=[""] * 6)
    window.enter_vault(vault)
    window.go_to(window.documents)
    preview = window.documents.preview
    window.documents.table.selectRow(0)
    qtbot.waitUntil(lambda: preview.ocr_btn.isVisible() and preview.ocr_btn.isEnabled(), timeout=TIMEOUT)
    qtbot.mouseClick(preview.ocr_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "of 6 pages done" in preview.ocr_note.text(), timeout=TIMEOUT)
    children = children_when("tesseract")
    window.lock()
    assert window.session is None
    assert all(gone(child) for child in children), [c.pid for c in children if not gone(c)]


def text_record(title: str, size: int) -> Record:
    return Record(id="t1", category="lab-result", title=title, media_type="text/plain", size=size)


def longest_block(pane: PreviewPane) -> int:
    block, longest = pane.text_view.document().begin(), 0
    while block.isValid():
        longest = max(longest, block.length())
        block = block.next()
    return longest


def test_a_large_text_is_decoded_off_the_gui_thread_and_cut(qtbot, pane: PreviewPane) -> None:
    """A text of 1.6 MB with a 30,000-letter line: show_document returns before any of it is in the
    view (a worker decodes it), then the view holds only its beginning, in short lines, and says the
    rest is in the document."""
    data = b"Day 1: tired, CA 15-3 at 28.\n" + b"x" * 30_000 + b"\n" + b"Blood count normal.\n" * 80_000
    pane.show_document(text_record("Diary", len(data)), bytearray(data))
    assert pane.text_view.document().isEmpty()  # nothing decoded on this thread
    qtbot.waitUntil(lambda: not pane.text_view.document().isEmpty(), timeout=TIMEOUT)
    assert pane.text_view.toPlainText().startswith("Day 1: tired, CA 15-3 at 28.\n")
    assert pane.text_view.document().characterCount() <= PREVIEW_TEXT_CHARS * 1.01
    assert longest_block(pane) <= PREVIEW_TEXT_LINE + 1
    assert pane.text_note.isVisible() and "rest is in the document" in pane.text_note.text()
    qtbot.waitUntil(lambda: not pane.text_pending(), timeout=TIMEOUT)
    small = b"Short note.\n"
    pane.show_document(text_record("Note", len(small)), bytearray(small))
    assert not pane.text_note.isVisible()
    qtbot.waitUntil(lambda: pane.text_view.toPlainText() == "Short note.\n", timeout=TIMEOUT)
    assert not pane.text_note.isVisible()
    qtbot.waitUntil(lambda: not pane.text_pending(), timeout=TIMEOUT)


def test_a_text_decoded_too_late_is_not_shown(qtbot, pane: PreviewPane, tmp_path: Path) -> None:
    """The person moved on before the worker was done: the next document is shown, not the text."""
    data = b"Old note.\n" * 50_000
    pane.show_document(text_record("Old", len(data)), bytearray(data))
    pdf = text_pdf(tmp_path / "report.pdf", [["Newer report"]]).read_bytes()
    pane.show_document(pdf_record("Report"), bytearray(pdf))
    qtbot.waitUntil(lambda: drawn(pane) and not pane.text_pending(), timeout=TIMEOUT)
    assert pane.stack.currentWidget() is pane.page_view and pane.text_view.document().isEmpty()


def test_the_documents_section_reads_only_the_beginning_of_a_large_text(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A 6 MB text in the vault (added by the core, which does not cap text as import does): the
    section reads its first bytes only, and the pane shows them with the sentence."""
    vault = Vault.create(tmp_path / "v", PASSPHRASE, name="Jane", work_factor=TEST_WORK_FACTOR)
    diary = tmp_path / "diary.txt"
    diary.write_bytes(b"Week 1: nausea after the infusion.\n" * 180_000)
    vault.add_document(diary, category="lab-result", title="Diary", pages=1, page_texts=["x"])
    read: list[int] = []
    window.enter_vault(vault)
    window.go_to(window.documents)
    preview = window.documents.preview
    shown = preview.show_document

    def spy(record: Record, data: bytes | bytearray, *args: object, **kwargs: object) -> None:
        read.append(len(data))
        shown(record, data, *args, **kwargs)  # type: ignore[arg-type]

    preview.show_document = spy  # type: ignore[method-assign]
    window.documents.table.selectRow(0)
    qtbot.waitUntil(lambda: preview.text_note.isVisible(), timeout=TIMEOUT)
    assert read == [PREVIEW_TEXT_BYTES]
    assert preview.text_view.toPlainText().startswith("Week 1: nausea after the infusion.\n")
    qtbot.waitUntil(lambda: not preview.text_pending(), timeout=TIMEOUT)
