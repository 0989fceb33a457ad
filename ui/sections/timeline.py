"""A timeline of the lines of treatment: one bar per line across the years, named."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mbc_vault.cancer.models import TreatmentLine
from mbc_vault.entries import Entry

from ..vocab_labels import line_title

COLORS = ["#1565c0", "#2e7d32", "#6a1b9a", "#c62828", "#ef6c00", "#00838f", "#4e342e", "#ad1457"]


def _day(value: str) -> int:
    return dt.date.fromisoformat(value).toordinal()


class TreatmentTimeline(QWidget):
    """Bars from start to stop (or today); clicking a bar selects that line."""

    line_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry[TreatmentLine]] = []
        self._bars: list[tuple[QRectF, str]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Timeline of the lines of treatment"))

    def set_entries(self, entries: list[Entry[TreatmentLine]]) -> None:
        self.entries = [e for e in entries if e.model.start]
        row = QFontMetrics(self.font()).height() * 2
        self.setMinimumHeight(max(120, row * (len(self.entries) + 1) + 20))
        self.setAccessibleDescription(
            "; ".join(
                self.tr("{0}, {1} to {2}").format(
                    line_title(e.model), e.model.start, e.model.stop or self.tr("now")
                )
                for e in self.entries
            )
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._bars = []
        if not self.entries:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No lines of treatment recorded yet.")
            )
            return
        today = dt.date.today().toordinal()
        first = min(_day(e.model.start) for e in self.entries if e.model.start)  # set_entries kept these
        last = max(max(_day(e.model.stop) if e.model.stop else today for e in self.entries), first + 30)
        metrics = QFontMetrics(self.font())
        row = metrics.height() * 2
        left, right = 12.0, float(self.width() - 12)
        scale = (right - left) / (last - first)
        painter.setPen(QPen(QColor("#5a6470")))
        for year in range(dt.date.fromordinal(first).year + 1, dt.date.fromordinal(last).year + 1):
            x = left + (dt.date(year, 1, 1).toordinal() - first) * scale
            painter.drawLine(int(x), 0, int(x), self.height())
            painter.drawText(int(x) + 3, self.height() - 6, str(year))
        for index, entry in enumerate(self.entries):
            line = entry.model
            start = _day(line.start) if line.start else first
            stop = _day(line.stop) if line.stop else today
            rect = QRectF(
                left + (start - first) * scale, 8 + index * row, max(4.0, (stop - start) * scale), row * 0.8
            )
            color = QColor(COLORS[index % len(COLORS)])
            if line.ongoing:
                color.setAlpha(200)
            painter.fillRect(rect, color)
            label = line_title(line) + ("" if line.stop else " " + self.tr("(ongoing)"))
            painter.setPen(
                QPen(
                    QColor("white")
                    if metrics.horizontalAdvance(label) < rect.width() - 8
                    else QColor("#1d232a")
                )
            )
            text_rect = (
                rect.adjusted(6, 0, 0, 0)
                if metrics.horizontalAdvance(label) < rect.width() - 8
                else QRectF(rect.right() + 6, rect.top(), right - rect.right(), rect.height())
            )
            if text_rect.width() < metrics.horizontalAdvance(
                label
            ) and rect.left() > metrics.horizontalAdvance(label):
                text_rect = QRectF(left, rect.top(), rect.left() - left - 6, rect.height())
                painter.drawText(
                    text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label
                )
            else:
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            self._bars.append((rect, entry.id))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, record_id in self._bars:
            if rect.contains(event.position()):
                self.line_clicked.emit(record_id)
                return
