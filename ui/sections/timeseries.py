"""The time-series chart view shared by the labs and symptoms sections: points over time with the lines
of treatment as named, shaded bands, hover for values."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QMargins,
    QPointF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem, QToolTip, QWidget

from mbc_vault.cancer.models import TreatmentLine
from mbc_vault.entries import Entry
from mbc_vault.render import chart as cr

from ..i18n import app_locale
from ..vocab_labels import line_title

#: at most this many points are drawn per pixel of plot width (peaks and dips are kept; see cr.decimate)
POINTS_PER_PIXEL = 1.5


def long_date(iso: str) -> str:
    """'Tuesday, March 5, 2024' in the person's language."""
    date = dt.date.fromisoformat(iso)
    return app_locale().toString(QDate(date.year, date.month, date.day), QLocale.FormatType.LongFormat)


class BandCaption(QGraphicsRectItem):
    """A band's name on a light backing, over the top of the plot."""

    def __init__(self, chart: QChart, font: QFont, color: QColor) -> None:
        super().__init__(chart)
        self.setBrush(QColor(255, 255, 255, 190))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(20)
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFont(font)
        self.text.setBrush(color)


class TimelineChartView(QChartView):
    """Values over time (line and points) on shaded bands, one per line of treatment; hover names a point."""

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
        self._band_labels: list[BandCaption] = []
        self._shown: list[tuple[int, float, str]] = []  # (day, value, note) drawn, oldest first
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
    def set_data(
        self,
        points: Sequence[tuple],
        bands: Sequence[tuple],
        *,
        title: str = "",
        unit: str = "",
        y_range: tuple[float, float] | None = None,
        today: dt.date | None = None,
        trend_days: int | None = None,
    ) -> None:
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
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)  # which takes it off the chart, its parent
        self.band_series, self._band_lines, self._band_labels = [], [], []
        self.unit = unit
        spec = cr.make_spec(
            ((p[0], p[1]) for p in points),
            bands,
            title,
            unit,
            y_range=y_range,
            today=today,
            trend_days=trend_days,
        )
        notes: dict[tuple[int, float], str] = {}
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
            self._band_labels.append(BandCaption(chart, self._band_font, QColor(band.color).darker(210)))
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
        locale = app_locale()  # month names in the app's language, not the computer's
        ticks = cr.date_ticks(
            self._span[0],
            self._span[1],
            plot.width(),
            lambda f: metrics.horizontalAdvance(cr.format_day(cr.WIDE_DAY, f, locale)),
        )
        if ticks != self._ticks:
            self._ticks = ticks
            for label in list(self.x_axis.categoriesLabels()):
                self.x_axis.remove(label)
            self.x_axis.setStartValue(cr.day_to_msecs(self._span[0]))
            for tick in ticks[0]:
                self.x_axis.append(cr.format_day(tick, ticks[1], locale), cr.day_to_msecs(tick))
        # dots only where they do not touch, unless they are the values under an average line
        self.points.setVisible(self.trend or len(self._shown) <= plot.width() / 7)
        band_metrics = QFontMetricsF(self._band_font)
        # not strict: while set_data runs, the plot area can change (and call this) after the series and
        # captions are emptied and before every band has its own again
        for band, series, caption in zip(self.bands, self.band_series, self._band_labels, strict=False):
            first, last = max(band.start, self._span[0]), min(band.stop + 1, self._span[1])
            left = self.chart().mapToPosition(QPointF(cr.day_to_msecs(first), 0), series).x()
            right = self.chart().mapToPosition(QPointF(cr.day_to_msecs(last), 0), series).x()
            left, right = max(left, plot.left()), min(right, plot.right())
            text = cr.fit_band_text(band, right - left - 12, band_metrics)
            caption.text.setText(text)
            caption.text.setPos(3, 0)
            caption.setRect(0, 0, band_metrics.horizontalAdvance(text) + 6, band_metrics.height())
            caption.setPos(left + 3, plot.top() + 4)
            caption.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the window's "Larger text" / "Smaller text"
            self.apply_fonts()
            for caption in self._band_labels:
                caption.text.setFont(self._band_font)
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
        index = min(
            range(len(self._shown)),
            key=lambda i: (abs(self._shown[i][0] - day), abs(self._shown[i][1] - value)),
        )
        self.mark(index)

    def leaveEvent(self, event: Any) -> None:
        super().leaveEvent(event)
        self._clear_hover()


def legend_html(bands: Sequence[cr.Band]) -> str:
    """The bands as colour swatches with their labels and dates (rich text for a QLabel)."""
    parts = []
    for band in bands:
        fill = QColor(band.color)
        swatch = (
            f'<span style="background-color:rgba({fill.red()},{fill.green()},{fill.blue()},0.45);'
            f'border:1px solid {band.color}">&nbsp;&nbsp;&nbsp;&nbsp;</span>'
        )
        text = f"{band.label} ({band_dates(band)})"
        parts.append(f"{swatch}&nbsp;{_escape(text)}")  # wraps: a long label must not widen the window
    return " &nbsp;&nbsp; ".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def band_dates(band: cr.Band) -> str:
    """e.g. 'Mar 2019 to Nov 2020' or 'since Mar 2023', in the app's language."""
    start = cr.format_day(band.start, "MMM yyyy", app_locale())
    if band.ongoing:
        return QCoreApplication.translate("Charts", "since {0}").format(start)
    return QCoreApplication.translate("Charts", "{0} to {1}").format(
        start, cr.format_day(band.stop, "MMM yyyy", app_locale())
    )


def treatment_bands(lines: Sequence[Entry[TreatmentLine]]) -> list[tuple]:
    """The lines of treatment as the chart's bands, named in the app's language ("Line 2: …")."""
    out = []
    ordered = sorted((e.model for e in lines if e.model.start), key=lambda m: m.start or "")
    for position, line in enumerate(ordered, start=1):
        short = QCoreApplication.translate("Charts", "Line {0}").format(line.line_number or position)
        out.append((line.start or "", line.stop, line_title(line), short))
    return out
