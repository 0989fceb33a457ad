"""Lab values and tumor markers: a chart over time with the lines of treatment, a table, add/edit/trash, CSV.

`TimelineChartView` and `EntryTrashCommand` are shared with the symptoms section.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (QAreaSeries, QCategoryAxis, QChart, QChartView, QLineSeries, QScatterSeries,
                              QValueAxis)
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QDate, QEvent, QItemSelectionModel, QLocale,
                            QMargins, QModelIndex, QPersistentModelIndex, QPointF, Qt, Signal)
from PySide6.QtGui import (QBrush, QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPen, QResizeEvent,
                           QUndoCommand, QUndoStack)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QGraphicsRectItem, QGraphicsSimpleTextItem, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSplitter, QTableView, QToolTip, QVBoxLayout,
                               QWidget)

from mbc_vault.cancer import chart_render as cr
from mbc_vault.cancer.labs_csv import CsvReport, export_lab_csv, import_lab_csv
from mbc_vault.cancer.models import FieldError, LabValue, TreatmentLine
from mbc_vault.cancer.store import Entry
from mbc_vault.cancer.vocab import MARKERS

from ..session import VaultSession
from ..widgets import heading, note
from ..workers import TaskWorker, start

AnyIndex = QModelIndex | QPersistentModelIndex
EntryRole = Qt.ItemDataRole.UserRole + 1
#: at most this many points are drawn per pixel of plot width (peaks and dips are kept; see cr.decimate)
POINTS_PER_PIXEL = 1.5
CSV_FILTER = "CSV files (*.csv *.CSV);;All files (*)"


def long_date(iso: str) -> str:
    """'Tuesday, March 5, 2024' in the person's language."""
    date = dt.date.fromisoformat(iso)
    return QLocale().toString(QDate(date.year, date.month, date.day), QLocale.FormatType.LongFormat)


class TimelineChartView(QChartView):
    """Values over time (line and points) over shaded bands, one per line of treatment; hover names a point."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(6, 6, 12, 6))
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMouseTracking(True)
        self.setMinimumHeight(300)
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%g")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.line, self.points, self.marked = self._value_series(False)
        self.band_series: list[QAreaSeries] = []
        self.bands: list[cr.Band] = []
        self._band_lines: list[QLineSeries] = []
        self._band_labels: list[QGraphicsRectItem] = []
        self._shown: list[tuple] = []  # (day, value, note) drawn, oldest first
        self._days: list[int] = []
        self._span = cr.chart_span([], [], dt.date.today().toordinal())
        self._ticks: tuple[list[int], str] = ([], "")
        self.unit = ""
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.hover_text = ""
        self._hover_index = -1
        self.trend = False
        self.apply_fonts()
        chart.plotAreaChanged.connect(lambda _: self._place_overlays())
        self.setAccessibleName(self.tr("Chart of values over time"))

    def apply_fonts(self) -> None:
        """Chart text at the size of the window's text (QtCharts' defaults are tiny)."""
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        title = QFont(bold)
        title.setPointSizeF(font.pointSizeF() * 1.25)
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsFont(font)
            axis.setTitleFont(bold)
        self.chart().setTitleFont(title)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.95)
        self._band_font = small

    @staticmethod
    def _value_series(trend: bool) -> tuple[QLineSeries, QScatterSeries, QScatterSeries]:
        """New line, dots and ring series. (Never re-add a removed series: QtCharts 6 can crash restyling
        a scatter series that was removed, added again and emptied.)"""
        line, points, marked = QLineSeries(), QScatterSeries(), QScatterSeries()
        dot = QColor(cr.LINE_COLOR)
        if trend:  # light dots for the entries, a bold average line
            dot.setAlpha(120)
            points.setColor(dot)
            points.setBorderColor(QColor(0, 0, 0, 0))
            points.setMarkerSize(8)
            line.setPen(QPen(QColor(cr.LINE_COLOR), 3.5))
        else:
            points.setColor(QColor("white"))
            points.setBorderColor(dot)
            points.setMarkerSize(11)
            line.setPen(QPen(QColor(cr.LINE_COLOR), 2.5))
        marked.setMarkerSize(20)
        marked.setColor(QColor(255, 255, 255, 0))
        marked.setBorderColor(QColor("#0b2e63"))
        marked.setPen(QPen(QColor("#0b2e63"), 3))
        return line, points, marked

    # data ----------------------------------------------------------------------------------
    def set_data(self, points: Sequence[tuple], bands: Sequence[tuple], *, title: str = "", unit: str = "",
                 y_range: tuple[float, float] | None = None, today: dt.date | None = None,
                 trend_days: int | None = None) -> None:
        """Show *points* ((ISO date, value[, note]) pairs) and *bands* ((start, stop|None, label, short)).

        With *trend_days* the points are dots and the line is their average over that many days.
        """
        chart = self.chart()
        old = chart.series()
        for series in old:
            chart.removeSeries(series)
        for series in (*old, *self._band_lines):
            series.deleteLater()
        for item in self._band_labels:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.band_series, self._band_lines, self._band_labels = [], [], []
        self.unit = unit
        spec = cr.make_spec(((p[0], p[1]) for p in points), bands, title, unit, y_range=y_range, today=today,
                            trend_days=trend_days)
        notes = {}
        for p in points:
            if len(p) > 2 and p[2]:
                notes.setdefault((cr.day(p[0]), float(p[1])), p[2])
        values = [(d, v, notes.get((d, v), "")) for d, v in spec.points]
        self._span = spec.span
        chart.setTitle(title)
        low, high = spec.y_ticks[0], spec.y_ticks[-1]
        self.y_axis.setRange(low, high)
        self.y_axis.setTickCount(len(spec.y_ticks))
        self.y_axis.setTitleText(unit)
        self.x_axis.setRange(cr.day_to_msecs(spec.span[0]), cr.day_to_msecs(spec.span[1]))
        self.bands = spec.bands
        for band in spec.bands:
            upper, lower = QLineSeries(), QLineSeries()
            left, right = max(band.start, spec.span[0]), min(band.stop + 1, spec.span[1])
            upper.replace([QPointF(cr.day_to_msecs(left), high), QPointF(cr.day_to_msecs(right), high)])
            lower.replace([QPointF(cr.day_to_msecs(left), low), QPointF(cr.day_to_msecs(right), low)])
            area = QAreaSeries(upper, lower)
            area.setName(band.label)
            fill = QColor(band.color)
            fill.setAlpha(cr.BAND_ALPHA)
            area.setBrush(QBrush(fill))
            area.setPen(QPen(QColor(band.color).darker(115), 1.5))
            self._band_lines += [upper, lower]
            self.band_series.append(area)
            chart.addSeries(area)
            backing = QGraphicsRectItem(chart)
            backing.setBrush(QColor(255, 255, 255, 190))
            backing.setPen(QPen(Qt.PenStyle.NoPen))
            backing.setZValue(20)
            label = QGraphicsSimpleTextItem(backing)
            label.setFont(self._band_font)
            label.setBrush(QColor(band.color).darker(210))
            self._band_labels.append(backing)
        # decimate for a wide screen, not for the current size: a resize must not need new data
        budget = int(max(1600.0, chart.plotArea().width()) * POINTS_PER_PIXEL)
        self._shown = cr.decimate(values, budget)
        self._days = [p[0] for p in self._shown]
        self.trend = spec.trend is not None
        self.line, self.points, self.marked = self._value_series(self.trend)
        line = cr.decimate(spec.trend, budget) if spec.trend is not None else self._shown
        self.line.replace([QPointF(cr.day_to_msecs(p[0]), p[1]) for p in line])
        self.points.replace([QPointF(cr.day_to_msecs(d), v) for d, v, _ in self._shown])
        for series in (self.line, self.points, self.marked):
            chart.addSeries(series)
        for series in (*self.band_series, self.line, self.points, self.marked):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self._ticks = ([], "")
        self._clear_hover()
        self._place_overlays()

    def clear(self) -> None:
        self.set_data([], [], title="")
        self.chart().setTitle("")

    def point_count(self) -> int:
        return self.points.count()

    # overlays: calendar ticks and band captions follow the plot's size ----------------------------
    def _place_overlays(self) -> None:
        plot = self.chart().plotArea()
        if plot.width() < 10:
            return
        metrics = QFontMetricsF(self.x_axis.labelsFont())
        ticks = cr.date_ticks(self._span[0], self._span[1], plot.width(),
                              lambda f: metrics.horizontalAdvance(cr.format_day(cr.WIDE_DAY, f)))
        if ticks != self._ticks:
            self._ticks = ticks
            for label in list(self.x_axis.categoriesLabels()):
                self.x_axis.remove(label)
            self.x_axis.setStartValue(cr.day_to_msecs(self._span[0]))
            for tick in ticks[0]:
                self.x_axis.append(cr.format_day(tick, ticks[1]), cr.day_to_msecs(tick))
        # dots only where they do not touch, unless they are the values under an average line
        self.points.setVisible(self.trend or len(self._shown) <= plot.width() / 7)
        band_metrics = QFontMetricsF(self._band_font)
        for band, series, backing in zip(self.bands, self.band_series, self._band_labels):
            label = backing.childItems()[0]
            first, last = max(band.start, self._span[0]), min(band.stop + 1, self._span[1])
            left = self.chart().mapToPosition(QPointF(cr.day_to_msecs(first), 0), series).x()
            right = self.chart().mapToPosition(QPointF(cr.day_to_msecs(last), 0), series).x()
            left, right = max(left, plot.left()), min(right, plot.right())
            text = cr.fit_band_text(band, right - left - 12, band_metrics)
            label.setText(text)  # type: ignore[attr-defined]
            label.setPos(3, 0)
            backing.setRect(0, 0, band_metrics.horizontalAdvance(text) + 6, band_metrics.height())
            backing.setPos(left + 3, plot.top() + 4)
            backing.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the window's "Larger text" / "Smaller text"
            self.apply_fonts()
            for backing in self._band_labels:
                backing.childItems()[0].setFont(self._band_font)  # type: ignore[attr-defined]
            self._ticks = ([], "")
            self._place_overlays()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_overlays()

    # hover ----------------------------------------------------------------------------------
    def describe(self, index: int) -> str:
        day, value, extra = self._shown[index]
        text = f"{long_date(dt.date.fromordinal(day).isoformat())}: {self.value_text(value)}"
        if self.unit:
            text += f" {self.unit}"
        return text + (f" ({extra})" if extra else "")

    def point_position(self, index: int) -> QPointF:
        """Where point *index* is drawn, in the view's viewport coordinates (for tests and tooltips)."""
        day, value, _ = self._shown[index]
        chart_pos = self.chart().mapToPosition(QPointF(cr.day_to_msecs(day), value), self.line)
        return QPointF(self.mapFromScene(self.chart().mapToScene(chart_pos)))

    def nearest_point(self, pos: QPointF, reach: float = 16.0) -> int:
        """Index of the drawn point within *reach* pixels of *pos* (viewport coordinates), or -1."""
        if not self._shown:
            return -1
        chart = self.chart()
        chart_pos = chart.mapFromScene(self.mapToScene(pos.toPoint()))
        value = chart.mapToValue(chart_pos, self.line)
        day = cr.msecs_to_day(value.x())
        days_per_px = (self._span[1] - self._span[0]) / max(1.0, chart.plotArea().width())
        lo = bisect.bisect_left(self._days, day - reach * days_per_px - 1)
        hi = bisect.bisect_right(self._days, day + reach * days_per_px + 1)
        best, best_distance = -1, reach
        for index in range(lo, min(hi, len(self._shown))):
            where = self.point_position(index)
            distance = ((where.x() - pos.x()) ** 2 + (where.y() - pos.y()) ** 2) ** 0.5
            if distance <= best_distance:
                best, best_distance = index, distance
        return best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.hover(event.position(), event.globalPosition().toPoint())

    def hover(self, pos: QPointF, global_pos: Any = None) -> str:
        index = self.nearest_point(pos, max(16.0, QFontMetricsF(self.font()).height()))
        if index == self._hover_index:
            return self.hover_text
        if index < 0:
            self._clear_hover()
            QToolTip.hideText()
            return ""
        self._hover_index = index
        self.hover_text = self.describe(index)
        self.mark(index)
        if global_pos is not None:
            QToolTip.showText(global_pos, self.hover_text, self)
        self.hovered.emit(self.hover_text)
        return self.hover_text

    def _clear_hover(self) -> None:
        if self._hover_index >= 0 or self.hover_text:
            self._hover_index = -1
            self.hover_text = ""
            self.marked.clear()
            self.hovered.emit("")

    def mark(self, index: int) -> None:
        day, value, _ = self._shown[index]
        self.marked.replace([QPointF(cr.day_to_msecs(day), value)])

    def mark_value(self, iso: str, value: float) -> None:
        """Ring the drawn point nearest to that date and value (a row chosen in the table)."""
        if not self._shown:
            return
        day = cr.day(iso)
        index = min(range(len(self._shown)), key=lambda i: (abs(self._shown[i][0] - day),
                                                            abs(self._shown[i][1] - value)))
        self.mark(index)

    def leaveEvent(self, event: Any) -> None:
        super().leaveEvent(event)
        self._clear_hover()


def legend_html(bands: Sequence[cr.Band]) -> str:
    """The bands as colour swatches with their labels and dates (rich text for a QLabel)."""
    parts = []
    for band in bands:
        fill = QColor(band.color)
        swatch = (f'<span style="background-color:rgba({fill.red()},{fill.green()},{fill.blue()},0.45);'
                  f'border:1px solid {band.color}">&nbsp;&nbsp;&nbsp;&nbsp;</span>')
        text = f"{band.label} ({cr.band_dates(band)})"
        parts.append(f'<span style="white-space:nowrap">{swatch}&nbsp;{_escape(text)}</span>')
    return " &nbsp;&nbsp; ".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def treatment_bands(lines: Sequence[Entry[TreatmentLine]]) -> list[tuple]:
    return cr.bands_from_lines(e.model for e in lines)


class EntryTrashCommand(QUndoCommand):
    """Move one cancer-record entry to the trash; undo restores it."""

    def __init__(self, section: Any, entry_id: str, title: str) -> None:
        super().__init__(QCoreApplication.translate("LabsSection", "Move “{0}” to the trash").format(title))
        self.section, self.entry_id = section, entry_id

    def redo(self) -> None:
        self.section.apply_trash(self.entry_id, True)

    def undo(self) -> None:
        self.section.apply_trash(self.entry_id, False)


# ----------------------------------------------------------------------------------- the table
COL_DATE, COL_VALUE, COL_UNIT, COL_LAB = range(4)


class LabValuesModel(QAbstractTableModel):
    """The values of one test, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry[LabValue]] = []
        self._headers = [self.tr("Date"), self.tr("Value"), self.tr("Unit"), self.tr("Lab")]

    def set_entries(self, entries: Sequence[Entry[LabValue]]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: (e.model.date or "", e.record.created), reverse=True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry(self, row: int) -> Entry[LabValue] | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: str) -> int:
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        value = entry.model
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (value.date, f"{value.value:g}" if value.value is not None else "", value.unit,
                    value.lab)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


# ----------------------------------------------------------------------------------- the form
class LabValueDialog(QDialog):
    """Add or change one lab value; each field's problem is shown under it. Saves on Save."""

    FIELDS = ("date", "test", "value", "unit", "lab")

    def __init__(self, session: VaultSession, parent: QWidget | None = None, *,
                 entry: Entry[LabValue] | None = None, test: str = "", tests: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.session, self.original = session, entry
        self.entry: Entry[LabValue] | None = None
        title = self.tr("Change a lab value") if entry else self.tr("Add a lab value")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, self, 1.4))
        form = QFormLayout()
        model = entry.model if entry else LabValue(date=dt.date.today().isoformat(), test=test)
        self.date_edit = QLineEdit(model.date or "", self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.test_combo = QComboBox(self)
        self.test_combo.setEditable(True)
        self.test_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.test_combo.addItems(list(dict.fromkeys([*MARKERS, *tests])))
        self.test_combo.setEditText(model.test)
        self.value_edit = QLineEdit("" if model.value is None else f"{model.value:g}", self)
        self.unit_edit = QLineEdit(model.unit or MARKERS.get(model.test, ""), self)
        self.lab_edit = QLineEdit(model.lab, self)
        self.lab_edit.setPlaceholderText(self.tr("Optional, e.g. City Hospital lab"))
        self.test_combo.currentTextChanged.connect(self._test_changed)
        self.errors: dict[str, QLabel] = {}
        widgets = {"date": self.date_edit, "test": self.test_combo, "value": self.value_edit,
                   "unit": self.unit_edit, "lab": self.lab_edit}
        labels = {"date": self.tr("Date:"), "test": self.tr("Test:"), "value": self.tr("Value:"),
                  "unit": self.tr("Unit:"), "lab": self.tr("Lab:")}
        for name in self.FIELDS:
            widget = widgets[name]
            widget.setAccessibleName(labels[name].rstrip(":"))
            error = note("", self, "error")
            error.setVisible(False)
            error.setAccessibleName(self.tr("Problem with {0}").format(labels[name].rstrip(":")))
            self.errors[name] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(labels[name], cell)
        self.widgets = widgets
        layout.addLayout(form)
        self.general_error = note("", self, "error")
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_btn = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_btn.setDefault(True)
        self.save_btn.setAccessibleName(self.tr("Save"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.adjustSize()
        (self.value_edit if entry is None and model.test else self.date_edit).setFocus()

    @classmethod
    def ask(cls, session: VaultSession, parent: QWidget | None = None, **kwargs: Any) -> Entry[LabValue] | None:
        """The saved entry, or None if cancelled."""
        dialog = cls(session, parent, **kwargs)
        return dialog.entry if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _test_changed(self, text: str) -> None:
        expected = MARKERS.get(text.strip())
        if expected and (not self.unit_edit.text().strip() or self.unit_edit.text().strip() in MARKERS.values()):
            self.unit_edit.setText(expected)

    def show_error(self, field: str, message: str) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.setVisible(False)
        label = self.errors.get(field, self.general_error)
        label.setText(message)
        label.setVisible(True)
        self.adjustSize()  # room for the message (a wrapped label needs the height for its width)
        if field in self.widgets:
            self.widgets[field].setFocus()

    def save(self) -> None:
        cancer = self.session.cancer if self.session is not None else None
        if cancer is None:
            self.reject()
            return
        base = LabValue.from_data(self.original.record.data) if self.original else LabValue()
        base.date = self.date_edit.text().strip()
        base.test = self.test_combo.currentText()
        base.value = self.value_edit.text()  # type: ignore[assignment]  # validate() reads the number
        base.unit = self.unit_edit.text()
        base.lab = self.lab_edit.text().strip()
        try:
            self.entry = cancer.save(base, record_id=self.original.id if self.original else None)
        except FieldError as exc:
            self.show_error(exc.field, str(exc))
            return
        except Exception as exc:  # VaultError and friends: plain sentences
            self.show_error("", str(exc))
            return
        self.session.entry_saved(LabValue.KIND)
        self.accept()


# ----------------------------------------------------------------------------------- the section
class LabsSection(QWidget):
    """Lab values and tumor markers over time, with the lines of treatment."""

    status_message = Signal(str)
    KINDS = (LabValue.KIND, TreatmentLine.KIND)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: VaultSession | None = None
        self.undo_stack = undo_stack
        self._values: list[Entry[LabValue]] = []
        self._lines: list[Entry[TreatmentLine]] = []
        self._workers: set[TaskWorker] = set()
        self._importing: threading.Event | None = None
        self.last_message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Lab values and tumor markers"), self, 1.4))
        bar = QHBoxLayout()
        test_label = QLabel(self.tr("Test:"), self)
        self.test_combo = QComboBox(self)
        self.test_combo.setAccessibleName(self.tr("Test to show"))
        self.test_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.test_combo.setMinimumContentsLength(12)
        test_label.setBuddy(self.test_combo)
        self.test_combo.currentIndexChanged.connect(lambda _: self.show_test())
        self.add_btn = QPushButton(self.tr("Add a value…"), self)
        self.import_btn = QPushButton(self.tr("Import CSV…"), self)
        self.export_btn = QPushButton(self.tr("Export CSV…"), self)
        self.add_btn.clicked.connect(self.add_value)
        self.import_btn.clicked.connect(self.choose_and_import)
        self.export_btn.clicked.connect(self.export_csv)
        bar.addWidget(test_label)
        bar.addWidget(self.test_combo)
        bar.addStretch(1)
        for button in (self.add_btn, self.import_btn, self.export_btn):
            button.setAccessibleName(button.text().rstrip("…"))
            bar.addWidget(button)
        layout.addLayout(bar)
        self.empty_hint = note(self.tr(
            "No lab values yet. Click “Add a value…”, or “Import CSV…” to bring in a file with the columns "
            "date, test, value, unit."), self)
        layout.addWidget(self.empty_hint)

        self.chart_view = TimelineChartView(self)
        self.chart_view.setAccessibleName(self.tr("Chart of the chosen test over time"))
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Lines of treatment shown as bands"))
        self.hover_label = note(self.tr("Point at a dot to see its date and value."), self)
        self.hover_label.setAccessibleName(self.tr("Value under the pointer"))
        self.chart_view.hovered.connect(self._hovered)
        self.unit_note = note("", self)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_view, 1)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.hover_label)
        chart_layout.addWidget(self.unit_note)

        self.model = LabValuesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Values of the chosen test"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LAB, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        heads = QFontMetricsF(bold)
        for column, sample in ((COL_DATE, "2099-12-31"), (COL_VALUE, "1234.5"), (COL_UNIT, "ng/mL")):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            header.resizeSection(column, int(max(metrics.horizontalAdvance(sample),
                                                 heads.horizontalAdvance(title))) + 24)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.edit_btn = QPushButton(self.tr("Edit…"), self)
        self.remove_btn = QPushButton(self.tr("Move to trash"), self)
        self.edit_btn.clicked.connect(self.edit_selected)
        self.remove_btn.clicked.connect(self.remove_selected)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        for button in (self.edit_btn, self.remove_btn):
            button.setAccessibleName(button.text().rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        table_layout.addLayout(row)
        splitter = QSplitter(self)
        splitter.addWidget(chart_box)
        splitter.addWidget(table_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([640, 400])
        layout.addWidget(splitter, 1)
        self._update_actions()

    # session ----------------------------------------------------------------------------------
    def set_session(self, session: VaultSession | None) -> None:
        if self.session is not None and self.session is not session:
            try:
                self.session.entries_changed.disconnect(self._entries_changed)
            except (RuntimeError, TypeError):
                pass
        if session is None and self._importing is not None:
            self._importing.wait(30)  # never close the vault under an import that is writing
        self.session = session
        if session is not None:
            session.entries_changed.connect(self._entries_changed)
        self.refresh()

    def _entries_changed(self, kind: str) -> None:
        if kind == LabValue.KIND:
            self.refresh()
        elif kind == TreatmentLine.KIND:
            cancer = self.session.cancer if self.session else None
            self._lines = cancer.treatment_lines() if cancer else []
            self.show_test()

    def refresh(self) -> None:
        cancer = self.session.cancer if self.session else None
        self._values = cancer.lab_values() if cancer else []
        self._lines = cancer.treatment_lines() if cancer else []
        seen = Counter(e.model.test for e in self._values)
        tests = [t for t in MARKERS if t in seen] + sorted(set(seen) - set(MARKERS))
        current = self.test_combo.currentData()
        self.test_combo.blockSignals(True)
        self.test_combo.clear()
        for test in tests:
            label = self.tr("{0} (1 value)") if seen[test] == 1 else self.tr("{0} ({1} values)")
            self.test_combo.addItem(label.format(test, seen[test]), test)
        self.test_combo.setCurrentIndex(max(0, self.test_combo.findData(current)))
        self.test_combo.blockSignals(False)
        self.empty_hint.setVisible(cancer is not None and not self._values)
        self.show_test()

    def current_test(self) -> str:
        return self.test_combo.currentData() or ""

    def show_test(self) -> None:
        test = self.current_test()
        entries = [e for e in self._values if e.model.test == test] if test else []
        selected = self.selected_entry()
        self.model.set_entries(entries)
        units = Counter(e.model.unit for e in entries)
        unit = units.most_common(1)[0][0] if units else MARKERS.get(test, "")
        drawn = [(e.model.date, e.model.value) for e in entries if e.model.unit == unit]
        other = len(entries) - len(drawn)
        if other == 1:
            self.unit_note.setText(self.tr("1 value in another unit is listed in the table but not drawn."))
        else:
            self.unit_note.setText(self.tr("{0} values in another unit are listed in the table but not drawn.")
                                   .format(other) if other else "")
        self.unit_note.setVisible(bool(other))
        if self.session is None:
            self.chart_view.clear()
            self.legend.clear()
        else:
            self.chart_view.set_data(drawn, treatment_bands(self._lines), title=test, unit=unit)
            self.legend.setText(legend_html(self.chart_view.bands))
        self.hover_label.setText(self.tr("Point at a dot to see its date and value."))
        if selected is not None:
            self.select_entry(selected.id)
        self._update_actions()

    def _hovered(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Point at a dot to see its date and value."))

    # selection -----------------------------------------------------------------------------------
    def selected_entry(self) -> Entry[LabValue] | None:
        index = self.table.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.model.value is not None and entry.model.date:
            self.chart_view.mark_value(entry.model.date, entry.model.value)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.session is not None and self.session.vault is not None
        can_edit = unlocked and self.session.vault.person.can_edit  # type: ignore[union-attr]
        has = self.selected_entry() is not None
        busy = self._importing is not None
        self.add_btn.setEnabled(bool(can_edit))
        self.import_btn.setEnabled(bool(can_edit) and not busy)
        self.export_btn.setEnabled(unlocked and bool(self._values))
        self.edit_btn.setEnabled(bool(can_edit) and has)
        self.remove_btn.setEnabled(bool(can_edit) and has)

    # add, edit, trash -------------------------------------------------------------------------------
    def _tests(self) -> list[str]:
        return [self.test_combo.itemData(i) for i in range(self.test_combo.count())]

    def add_value(self) -> None:
        if self.session is None or self.session.vault is None:
            return
        entry = LabValueDialog.ask(self.session, self, test=self.current_test() or "CA 15-3", tests=self._tests())
        if entry is not None:
            self._show_saved(entry)

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None or self.session is None or self.session.vault is None:
            return
        saved = LabValueDialog.ask(self.session, self, entry=entry, tests=self._tests())
        if saved is not None:
            self._show_saved(saved)

    def _show_saved(self, entry: Entry[LabValue]) -> None:
        index = self.test_combo.findData(entry.model.test)
        if index >= 0:
            self.test_combo.setCurrentIndex(index)
        self.select_entry(entry.id)
        self.status_message.emit(self.tr("Saved {0}.").format(entry.model.title()))

    def remove_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.undo_stack.push(EntryTrashCommand(self, entry.id, entry.model.title()))

    def apply_trash(self, entry_id: str, trash: bool) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            return
        try:
            record = cancer.remove(entry_id) if trash else cancer.restore(entry_id)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Not changed"), str(exc))
            return
        self.session.entry_saved(LabValue.KIND)  # type: ignore[union-attr]
        if trash:
            self.status_message.emit(
                self.tr("Moved “{0}” to the trash. Undo with Ctrl+Z.").format(record.title))
        else:
            self.status_message.emit(self.tr("Restored “{0}”.").format(record.title))

    # CSV ---------------------------------------------------------------------------------------
    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file of lab values"), str(Path.home()),
                                              CSV_FILTER)
        if path:
            self.import_csv(path)

    def import_csv(self, path: str | Path) -> TaskWorker | None:
        """Import in the background; every row or none (see import_lab_csv). The result is shown in a message."""
        cancer = self.session.cancer if self.session else None
        if cancer is None or self._importing is not None:
            return None
        done = threading.Event()
        self._importing = done

        def run() -> CsvReport:
            try:
                return import_lab_csv(cancer, path)
            finally:
                done.set()

        worker = TaskWorker(run)
        worker.signals.finished.connect(lambda report: self._imported(report, Path(path).name))
        worker.signals.failed.connect(lambda message: self._import_failed(message))
        self._update_actions()
        self.status_message.emit(self.tr("Importing lab values from {0}…").format(Path(path).name))
        self._workers.add(worker)
        start(worker)
        return worker

    def _import_done(self) -> bool:
        self._importing = None
        self._workers.clear()
        self._update_actions()
        return self.session is not None

    def _imported(self, report: CsvReport, name: str) -> None:
        if not self._import_done():
            return
        if report.errors:
            shown = report.errors[:12]
            more = len(report.errors) - len(shown)
            text = "\n".join(f"• {e}" for e in shown)
            if more:
                text += "\n" + self.tr("…and {0} more.").format(more)
            self.tell(self.tr("Nothing was imported"),
                      self.tr("Nothing was imported from {0}: {1} rows need fixing. Correct them in the file, "
                              "save it, and import it again.").format(name, len(report.errors)),
                      text, details="\n".join(report.errors), warning=True)
            return
        if report.added:
            self.session.entry_saved(LabValue.KIND)  # type: ignore[union-attr]
        count = len(report.added)
        text = (self.tr("Imported 1 value from {1}.") if count == 1 else
                self.tr("Imported {0} values from {1}.")).format(count, name)
        if report.skipped_duplicates:
            skipped = report.skipped_duplicates
            text += " " + (self.tr("1 was already in your record and was skipped.") if skipped == 1
                           else self.tr("{0} were already in your record and were skipped.")).format(skipped)
        self.status_message.emit(text)
        self.tell(self.tr("Lab values imported"), text)

    def _import_failed(self, message: str) -> None:
        if self._import_done():
            self.tell(self.tr("Nothing was imported"), message, warning=True)

    def ask_export_target(self) -> str:
        """Warn that the file is not encrypted, then ask where to save it ('' if cancelled)."""
        answer = QMessageBox.warning(
            self, self.tr("Export lab values"),
            self.tr("The CSV file will NOT be encrypted: anyone who can open that folder can read your lab "
                    "values. Delete it when you no longer need it. Continue?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return ""
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Export lab values"),
                                                str(Path.home() / "lab-values.csv"), CSV_FILTER)
        return target

    def export_csv(self) -> None:
        cancer = self.session.cancer if self.session else None
        if cancer is None:
            return
        target = self.ask_export_target()
        if not target:
            return
        try:
            count = export_lab_csv(cancer, target)
        except Exception as exc:
            self.tell(self.tr("Not exported"), str(exc), warning=True)
            return
        self.status_message.emit(self.tr("Exported {0} lab values to {1} (not encrypted).").format(count, target))

    def tell(self, title: str, text: str, informative: str = "", *, details: str = "",
             warning: bool = False) -> QMessageBox:
        """A message that does not block the event loop (kept in `last_message` for tests)."""
        box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        if informative:
            box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        box.destroyed.connect(lambda *_: setattr(self, "last_message", None))
        return box
