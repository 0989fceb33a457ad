"""Previewing a document: PDFs and images as pages drawn in a PDF worker (ui/page_view.py), text.

The decrypted bytes live only in memory: the pane keeps one copy (a bytearray, overwritten with zeros
when the preview changes or the vault locks) and sends it to the preview's worker through its pipe;
nothing is written to disk. The app itself never parses a PDF or decodes an image: a hostile file
costs the worker its time and memory limits, and the pane then says the document is too complex to
preview. `stop()` (on lock, and when the packet wizard closes) also ends the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.age import wipe
from mbc_vault.preview import (
    PREVIEW_TEXT_BYTES,
    TOO_COMPLEX,
    PreviewDocument,
    Previewer,
    TextPreview,
    text_preview,
)
from mbc_vault.records import Record

from .page_view import PageView
from .widgets import note
from .workers import TaskWorker, keep_until_done, start

ZOOM_STEP = 1.25


class PreviewPane(QWidget):
    """Shows the selected document, or a short message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: PreviewDocument | None = None
        self._text: bytearray | None = None  # the beginning of a text document, decoded by a worker
        self._text_serial = 0  # a text decoded for a document no longer shown is not shown
        self._workers: set[TaskWorker] = set()
        self.previewer = Previewer()  # its worker starts with the first document shown
        self.page_view = PageView(self.previewer, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title = note("", self)
        self.page_label = note("", self)
        self.page_label.setWordWrap(False)  # "Page 2 of 12" on one line
        self.zoom_out_btn = QPushButton(self.tr("Smaller"), self)
        self.zoom_in_btn = QPushButton(self.tr("Larger"), self)
        self.fit_btn = QPushButton(self.tr("Fit width"), self)
        self.zoom_out_btn.setAccessibleName(self.tr("Zoom out of the preview"))
        self.zoom_in_btn.setAccessibleName(self.tr("Zoom into the preview"))
        self.fit_btn.setAccessibleName(self.tr("Fit the preview to its width"))
        self.zoom_in_btn.clicked.connect(lambda: self.page_view.zoom_by(ZOOM_STEP))
        self.zoom_out_btn.clicked.connect(lambda: self.page_view.zoom_by(1 / ZOOM_STEP))
        self.fit_btn.clicked.connect(lambda: self.page_view.fit_width())
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.zoom_out_btn)
        bar.addWidget(self.zoom_in_btn)
        bar.addWidget(self.fit_btn)
        layout.addWidget(self.title)  # a row of its own: a narrow pane still shows the whole title
        layout.addLayout(bar)
        self.ocr_bar = QWidget(self)
        ocr_row = QHBoxLayout(self.ocr_bar)
        ocr_row.setContentsMargins(0, 0, 0, 0)
        self.ocr_note = note("", self.ocr_bar)
        self.ocr_btn = QPushButton(self.tr("Recognize text (OCR)"), self.ocr_bar)
        self.ocr_btn.setAccessibleName(self.tr("Recognize the text of this scan"))
        self.ocr_stop_btn = QPushButton(self.tr("Stop"), self.ocr_bar)
        self.ocr_stop_btn.setAccessibleName(self.tr("Stop recognizing the text"))
        self.ocr_stop_btn.setVisible(False)
        ocr_row.addWidget(self.ocr_note, 1)
        ocr_row.addWidget(self.ocr_btn)
        ocr_row.addWidget(self.ocr_stop_btn)
        self.ocr_bar.setVisible(False)
        layout.addWidget(self.ocr_bar)
        self.stack = QStackedWidget(self)
        self.message = note(self.tr("Select a document to see it here."), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_view.opened.connect(self._opened)
        self.page_view.failed.connect(self._failed)
        self.page_view.page_changed.connect(self._page_changed)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text preview"))
        self.text_note = note(
            self.tr(
                "Only the beginning of this text is shown here; the rest is in the document. "
                "Use “Save a decrypted copy…” to read all of it."
            ),
            self,
        )
        self.text_note.setVisible(False)
        layout.addWidget(self.text_note)
        for widget in (self.message, self.page_view, self.text_view):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        for keys, act in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.page_view.zoom_by(ZOOM_STEP)),
            ("Ctrl+=", lambda: self.page_view.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.page_view.zoom_by(1 / ZOOM_STEP)),
            ("Ctrl+0", lambda: self.page_view.fit_width()),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(act)
        self.clear()

    def _set_zoomable(self, on: bool) -> None:
        for widget in (self.zoom_in_btn, self.zoom_out_btn, self.fit_btn, self.page_label):
            widget.setVisible(on)

    def show_message(self, text: str) -> None:
        self._drop()
        self._set_zoomable(False)
        self.title.setText("")
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def clear(self) -> None:
        self.show_message(self.tr("Select a document to see it here."))

    def stop(self) -> None:
        """Clear the pane and end its worker, waiting until it has ended (the lock; closing)."""
        self.clear()
        self.previewer.stop()

    def set_scan_note(self, no_text_pages: int, can_ocr: bool) -> None:
        """Say when pages have no text layer, and offer OCR when Tesseract is installed."""
        if no_text_pages == 0:
            self.ocr_bar.setVisible(False)
            return
        text = self.tr("No text (scan): this document cannot be found by its words yet.")
        if not can_ocr:
            text += " " + self.tr("Install Tesseract (tesseract-ocr) to recognize the text.")
        self.ocr_note.setText(text)
        self.ocr_btn.setVisible(can_ocr)
        self.ocr_bar.setVisible(True)

    def _drop(self) -> None:
        self.ocr_bar.setVisible(False)
        self.page_view.clear()  # ends the drawing in progress and lets go of every page image
        if self._document is not None:
            wipe(self._document.data)
            self._document = None
        self._text_serial += 1
        if self._text is not None:
            wipe(self._text)  # a worker still decoding it decodes zeros, and is not shown
            self._text = None
        self.text_note.setVisible(False)
        self.text_view.clear()

    def show_document(
        self, record: Record, data: bytes | bytearray, page: int | None = None, password: str = ""
    ) -> None:
        """Show *data*, the document's bytes (the caller may wipe them afterwards: this keeps a copy),
        at *page* for a PDF. The one entry point for whatever shows a document here. For a text
        document *data* may be only its beginning (mbc_vault.preview.read_text_head; record.size
        says how long it is): a worker decodes at most PREVIEW_TEXT_CHARS of it, off this thread."""
        self._drop()
        self.title.setText(record.title)
        self.page_label.setText("")
        if record.media_type == "application/pdf" or record.media_type.startswith("image/"):
            image = record.media_type.startswith("image/")
            self._document = PreviewDocument(bytearray(data), "image" if image else "pdf", password)
            self.page_view.setAccessibleName(self.tr("Image preview") if image else self.tr("PDF preview"))
            self.stack.setCurrentWidget(self.page_view)
            self._set_zoomable(True)
            self.page_view.load(self._document, page or 0)
        elif record.media_type == "text/plain":
            self._set_zoomable(False)
            self._text = bytearray(memoryview(data)[:PREVIEW_TEXT_BYTES])
            self.stack.setCurrentWidget(self.text_view)  # empty until the worker has decoded it
            self._show_text_later(self._text, max(record.size, len(data)))
        else:
            self.show_message(self.tr("There is no preview for this kind of file."))

    def _show_text_later(self, head: bytearray, size: int) -> None:
        """Decode *head* in the thread pool; show it if it is still the document chosen."""
        serial = self._text_serial

        def decode(head: bytearray, size: int) -> tuple[int, TextPreview]:
            return serial, text_preview(head, size)

        worker = TaskWorker(decode, head, size)
        # a method of the pane: Qt drops the connection if the pane is gone before the worker is done
        worker.signals.finished.connect(self._text_decoded)
        keep_until_done(self._workers, worker)
        start(worker)

    def _text_decoded(self, result: tuple[int, TextPreview]) -> None:
        serial, shown = result
        if serial == self._text_serial:
            self.text_view.setPlainText(shown.text)
            self.text_note.setVisible(shown.cut)
            self.stack.setCurrentWidget(self.text_view)

    def text_pending(self) -> bool:
        """A text is still being decoded for the pane (tests; the bench)."""
        return bool(self._workers)

    def _opened(self, count: int) -> None:
        self._page_changed(self.page_view.current_page(), count)

    def _page_changed(self, page: int, count: int) -> None:
        if count > 1:
            self.page_label.setText(self.tr("Page {0} of {1}").format(page, count))
        else:
            self.page_label.setText("")

    def _failed(self, code: str) -> None:
        image = self._document is not None and self._document.kind == "image"
        title = self.title.text()
        if code in TOO_COMPLEX:
            text = self.tr(
                "This document is too complex to preview here; export it and open it in your PDF reader."
            )
            if image:
                text = self.tr(
                    "This image is too large to preview here; export it and open it in your image viewer."
                )
        elif image:
            text = self.tr("This image cannot be shown here.")
        else:
            text = self.tr(
                "This PDF cannot be shown here. Use “Save a decrypted copy…” to open it in another program."
            )
        scan_note = self.ocr_bar.isVisible()
        self.show_message(text)
        self.title.setText(title)
        self.ocr_bar.setVisible(scan_note)

    def page_count(self) -> int:
        """The pages of the PDF or image shown (0 until the worker has read it)."""
        return self.page_view.page_count

    def current_pdf_page(self) -> int:
        return self.page_view.current_page()
