"""Previewing a document from memory: PDFs in QtPdf's viewer, images with zoom, text.

The decrypted bytes live only in memory (a QBuffer); nothing is written to disk.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mbc_vault.records import Record

from .widgets import note


class ImageView(QScrollArea):
    """A zoomable image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._zoom = 1.0
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Image preview"))

    def set_image(self, data: bytes) -> bool:
        ok = self._pixmap.loadFromData(data)
        self.fit()
        return ok

    def clear(self) -> None:
        self._pixmap = QPixmap()
        self.label.clear()

    def fit(self) -> None:
        if self._pixmap.isNull():
            return
        width = max(100, self.viewport().width() - 8)
        self._zoom = min(1.0, width / max(1, self._pixmap.width()))
        self._apply()

    def zoom_by(self, factor: float) -> None:
        self._zoom = max(0.05, min(8.0, self._zoom * factor))
        self._apply()

    def _apply(self) -> None:
        if not self._pixmap.isNull():
            self.label.setPixmap(
                self._pixmap.scaledToWidth(
                    int(self._pixmap.width() * self._zoom), Qt.TransformationMode.SmoothTransformation
                )
            )


class PreviewPane(QWidget):
    """Shows the selected document, or a short message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buffer: QBuffer | None = None
        self.pdf_document = QPdfDocument(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title = note("", self)
        self.zoom_out_btn = QPushButton(self.tr("Smaller"), self)
        self.zoom_in_btn = QPushButton(self.tr("Larger"), self)
        self.zoom_out_btn.setAccessibleName(self.tr("Zoom out of the preview"))
        self.zoom_in_btn.setAccessibleName(self.tr("Zoom into the preview"))
        self.zoom_in_btn.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out_btn.clicked.connect(lambda: self._zoom(0.8))
        bar.addWidget(self.title, 1)
        bar.addWidget(self.zoom_out_btn)
        bar.addWidget(self.zoom_in_btn)
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
        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setAccessibleName(self.tr("PDF preview"))
        self.image_view = ImageView(self)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text preview"))
        for widget in (self.message, self.pdf_view, self.image_view, self.text_view):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.clear()

    def _set_zoomable(self, on: bool) -> None:
        self.zoom_in_btn.setVisible(on)
        self.zoom_out_btn.setVisible(on)

    def show_message(self, text: str) -> None:
        self._drop()
        self._set_zoomable(False)
        self.title.setText("")
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def clear(self) -> None:
        self.show_message(self.tr("Select a document to see it here."))

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
        self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer = None
        self.image_view.clear()
        self.text_view.clear()

    def show_document(self, record: Record, data: bytes, page: int | None = None) -> None:
        self._drop()
        self.title.setText(record.title)
        if record.media_type == "application/pdf":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_document.load(self._buffer)
            if self.pdf_document.status() == QPdfDocument.Status.Error:
                self.show_message(
                    self.tr(
                        "This PDF cannot be shown here. Use “Save a decrypted copy…” to open it "
                        "in another program."
                    )
                )
                return
            self.stack.setCurrentWidget(self.pdf_view)
            self._set_zoomable(True)
            if page and page > 1:
                self.pdf_view.pageNavigator().jump(page - 1, QPointF(0, 0), self.pdf_view.zoomFactor())
        elif record.media_type.startswith("image/"):
            self.stack.setCurrentWidget(self.image_view)
            self._set_zoomable(True)
            if not self.image_view.set_image(data):
                self.show_message(self.tr("This image cannot be shown here."))
        elif record.media_type == "text/plain":
            self.text_view.setPlainText(data.decode("utf-8", "replace"))
            self.stack.setCurrentWidget(self.text_view)
        else:
            self.show_message(self.tr("There is no preview for this kind of file."))

    def current_pdf_page(self) -> int:
        return self.pdf_view.pageNavigator().currentPage() + 1

    def _zoom(self, factor: float) -> None:
        if self.stack.currentWidget() is self.image_view:
            self.image_view.zoom_by(factor)
        elif self.stack.currentWidget() is self.pdf_view:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(self.pdf_view.zoomFactor() * factor)
