"""Charts of values over time with the lines of treatment as shaded bands, to PNG or SVG.

One marker's values (CA 15-3, CEA...) or one symptom's severity, dated, drawn as a line with
points; each line of treatment is a labelled vertical band (an ongoing line reaches today); a
legend under the plot names every band with its dates. The packet builder and the printouts
place these images on PDF pages; `paint_chart` draws straight onto any QPainter (a QPdfWriter
page too).

Core module: QtCore, QtGui and QtSvg only (never QtWidgets or QtCharts). The pure helpers
(`chart_span`, `nice_ticks`, `decimate`, `bands_from_lines`) are shared with the app's
interactive charts so both draw the same ranges and colours.
Long on purpose: one chart's layout (axes, bands, legend) that PNG, SVG and PDF all draw.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QImageWriter, QPainter, QPen, QPolygonF

from ..cancer.models import TreatmentLine
from ..errors import InvalidValue, OutputFileError
from .gui import ensure_gui_application

#: (ISO date, value)
Point = tuple[str, float]
#: (start, stop or None while ongoing, label[, short label]); see `bands_from_lines`
BandTuple = tuple
#: what `decimate` thins out: (day number, value), or the app's (day number, value, note)
_Point = TypeVar("_Point", tuple[int, float], tuple[int, float, str])

#: band fills (drawn with BAND_ALPHA) and their edges: calm, distinct hues (Okabe-Ito family), never red
BAND_COLORS = ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#0072B2", "#D8B70A", "#8E7CC3", "#7F8C8D"]
BAND_ALPHA = 64
LINE_COLOR = "#1565c0"
TEXT_COLOR = "#1d232a"
GRID_COLOR = "#dde3ea"
FONT_FAMILY = "DejaVu Sans"
MS_PER_DAY = 86_400_000
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: a day with a long month name, for sizing date labels
WIDE_DAY = dt.date(2000, 9, 28).toordinal()


@dataclass(frozen=True)
class Band:
    """One line of treatment on the time axis (day numbers are proleptic ordinals)."""

    start: int
    stop: int
    label: str
    short: str = ""
    ongoing: bool = False
    color: str = BAND_COLORS[0]

    @property
    def start_date(self) -> dt.date:
        return dt.date.fromordinal(self.start)

    @property
    def stop_date(self) -> dt.date:
        return dt.date.fromordinal(self.stop)


@dataclass
class ChartSpec:
    """Everything one chart shows; build it with `make_spec`."""

    points: list[tuple[int, float]]
    bands: list[Band]
    title: str
    unit: str
    span: tuple[int, int]
    y_ticks: list[float]
    today: int
    empty_text: str = "No values to show yet."
    value_format: str = "{:g}"
    #: when set, the line is this average (one point per day) and the values are dots only
    trend: list[tuple[int, float]] | None = None
    trend_label: str = ""


# ------------------------------------------------------------------ pure helpers (no Qt)
def day(value: str | dt.date) -> int:
    """An ISO date (or date) as its day number."""
    return (value if isinstance(value, dt.date) else dt.date.fromisoformat(value)).toordinal()


def day_to_msecs(ordinal: int) -> int:
    """Noon UTC of that day in ms since the epoch (the same calendar day in every time zone within ±11 h)."""
    return (ordinal - _EPOCH_ORDINAL) * MS_PER_DAY + MS_PER_DAY // 2


def msecs_to_day(msecs: float) -> int:
    return int(math.floor(msecs / MS_PER_DAY)) + _EPOCH_ORDINAL


def bands_from_lines(lines: Iterable[TreatmentLine]) -> list[tuple[str, str | None, str, str]]:
    """(start, stop, label, short label) per line of treatment, oldest first; lines without a start are
    left out."""
    out = []
    ordered = sorted((m for m in lines if m.start), key=lambda m: m.start or "")
    for position, line in enumerate(ordered, start=1):
        number = line.line_number or position
        out.append((line.start or "", line.stop, line.title() or line.regimen, f"Line {number}"))
    return out


def make_bands(bands: Sequence[BandTuple], today: int) -> list[Band]:
    """Band objects from tuples; an ongoing band stops today, a band given backwards is put right."""
    out = []
    for index, item in enumerate(bands):
        start, stop, label = item[0], item[1], item[2]
        short = item[3] if len(item) > 3 and item[3] else ""
        if not start:
            continue
        first = day(start)
        last = day(stop) if stop else max(today, first)
        first, last = min(first, last), max(first, last)
        out.append(
            Band(first, last, str(label), str(short), stop is None, BAND_COLORS[index % len(BAND_COLORS)])
        )
    return out


def chart_span(days: Sequence[int], bands: Sequence[Band], today: int) -> tuple[int, int]:
    """The days the x axis covers: the values' dates (reaching today if a line is ongoing), padded by 2%.

    With no values, the bands' own dates; with neither, the last year.
    """
    if days:
        first, last = min(days), max(days)
        if any(b.ongoing and b.stop >= first for b in bands):
            last = max(last, today)
    elif bands:
        first, last = min(b.start for b in bands), max(b.stop for b in bands)
    else:
        first, last = today - 365, today
    if last - first < 14:
        middle = (first + last) // 2
        first, last = middle - 7, middle + 7
    pad = max(1, round((last - first) * 0.02))
    return first - pad, last + pad


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Ticks from 0 to a round number at or above *top* (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    if not top or top <= 0 or math.isnan(top) or math.isinf(top):
        top = 1.0
    raw = top / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top - 1e-9 * step:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def decimate(points: Sequence[_Point], max_points: int) -> list[_Point]:
    """At most about *max_points* real points: per bucket of days the first, lowest, highest and last.

    Peaks and dips stay (nothing is averaged), so every point drawn is a value that was recorded.
    """
    if max_points <= 0 or len(points) <= max_points:
        return list(points)
    buckets = max(1, max_points // 4)
    first, last = points[0][0], points[-1][0]
    width = max(1, (last - first + 1) / buckets)
    out: list[_Point] = []
    group: list[_Point] = []
    current = 0
    for point in points:
        bucket = int((point[0] - first) / width)
        if bucket != current and group:
            out.extend(_keep(group))
            group = []
        current = bucket
        group.append(point)
    if group:
        out.extend(_keep(group))
    return out


def _keep(group: list[_Point]) -> list[_Point]:
    if len(group) <= 4:
        return group
    low = min(range(len(group)), key=lambda i: group[i][1])
    high = max(range(len(group)), key=lambda i: group[i][1])
    return [group[i] for i in sorted({0, low, high, len(group) - 1})]


def rolling_mean(points: Sequence[tuple[int, float]], days: int) -> list[tuple[int, float]]:
    """Per day with values, the mean of the values of the *days* days up to and including it (points
    sorted)."""
    out: list[tuple[int, float]] = []
    total, first = 0.0, 0
    for index, (d, v) in enumerate(points):
        total += v
        while points[first][0] <= d - days:
            total -= points[first][1]
            first += 1
        if out and out[-1][0] == d:
            out.pop()
        out.append((d, round(total / (index - first + 1), 3)))
    return out


def make_spec(
    series: Iterable[Point],
    bands: Sequence[BandTuple],
    title: str,
    unit: str,
    *,
    y_range: tuple[float, float] | None = None,
    today: dt.date | None = None,
    empty_text: str = "No values to show yet.",
    trend_days: int | None = None,
    trend_label: str = "",
) -> ChartSpec:
    """Sort the values, place the bands and choose the axes; with *trend_days*, add the rolling mean."""
    today_day = (today or dt.date.today()).toordinal()
    points = sorted((day(d), float(v)) for d, v in series if d and v is not None)
    made = make_bands(bands, today_day)
    span = chart_span([p[0] for p in points], made, today_day)
    visible = [b for b in made if b.stop >= span[0] and b.start <= span[1]]
    if y_range is not None:
        step = nice_ticks(y_range[1] - y_range[0])[1]
        ticks = [y_range[0] + i * step for i in range(int(round((y_range[1] - y_range[0]) / step)) + 1)]
    else:
        ticks = nice_ticks(max((v for _, v in points), default=0) * 1.08)
    trend = rolling_mean(points, trend_days) if trend_days else None
    if trend_days and not trend_label:
        trend_label = f"Line: average of the last {trend_days} days"
    return ChartSpec(
        points, visible, title, unit, span, ticks, today_day, empty_text, trend=trend, trend_label=trend_label
    )


def date_ticks(
    first: int, last: int, room: float, label_width: Callable[[str], float]
) -> tuple[list[int], str]:
    """Tick days on calendar boundaries and their QDate format, as many as fit *room* pixels.

    *label_width(fmt)* is the width of the widest label in that format; labels keep a gap of half that.
    """

    def fits(count: int, fmt: str) -> bool:
        return count <= max(2, int(room / (label_width(fmt) * 1.5)))

    start, end = dt.date.fromordinal(first), dt.date.fromordinal(last)
    if last - first <= 62:
        for step in (1, 2, 7, 14):
            ticks = list(range(first, last + 1, step))
            if fits(len(ticks), "d MMM"):
                return ticks, "d MMM"
    for months in (1, 2, 3, 6, 12, 24, 60, 120):
        fmt = "yyyy" if months >= 12 else "MMM yyyy"
        ticks = []
        index = start.year * 12 + start.month - 1
        index += -index % months
        while True:
            tick = dt.date(index // 12, index % 12 + 1, 1)
            if tick > end:
                break
            if tick >= start:
                ticks.append(tick.toordinal())
            index += months
        if fits(len(ticks), fmt):
            return ticks, fmt
    return [first, last], "yyyy"


def format_day(ordinal: int, fmt: str, locale: QLocale | None = None) -> str:
    date = dt.date.fromordinal(ordinal)
    return (locale or QLocale()).toString(QDate(date.year, date.month, date.day), fmt)


def band_dates(band: Band, locale: QLocale | None = None) -> str:
    """e.g. 'Mar 2019 to Nov 2020' or 'since Mar 2023'."""
    start = format_day(band.start, "MMM yyyy", locale)
    if band.ongoing:
        return f"since {start}"
    return f"{start} to {format_day(band.stop, 'MMM yyyy', locale)}"


def fit_band_text(band: Band, width: float, metrics: QFontMetricsF) -> str:
    """The longest of label, short label and number that fits *width* pixels ('' if none does)."""
    for text in (band.label, band.short, band.short.split()[-1] if band.short else ""):
        if text and metrics.horizontalAdvance(text) <= width:
            return text
    return ""


# ------------------------------------------------------------------------------- drawing
def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    return font


def paint_chart(painter: QPainter, rect: QRectF, spec: ChartSpec, *, font_px: float | None = None) -> None:
    """Draw *spec* into *rect* (any paint device: image, SVG, PDF page)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    px = font_px or max(12.0, min(rect.width() / 50, rect.height() / 26))
    text_font, small_font, title_font = _font(px), _font(px * 0.85), _font(px * 1.3, bold=True)
    fm, small_fm, title_fm = QFontMetricsF(text_font), QFontMetricsF(small_font), QFontMetricsF(title_font)
    margin = px * 0.9
    text_pen = QPen(QColor(TEXT_COLOR))
    painter.fillRect(rect, QColor("white"))

    # title
    top = rect.top() + margin
    painter.setFont(title_font)
    painter.setPen(text_pen)
    title_rect = QRectF(rect.left() + margin, top, rect.width() - 2 * margin, title_fm.height())
    painter.drawText(
        title_rect,
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title_fm.elidedText(spec.title, Qt.TextElideMode.ElideRight, title_rect.width()),
    )
    top = title_rect.bottom() + px * 0.6

    # legend rows under the plot: a swatch, the label and its dates
    legend_items: list[tuple[Band | None, str]] = [(b, f"{b.label} ({band_dates(b)})") for b in spec.bands]
    if spec.trend is not None and spec.points:
        legend_items.insert(0, (None, spec.trend_label))
    swatch = small_fm.height() * 0.9
    avail = rect.width() - 2 * margin
    rows: list[list[tuple[Band | None, str, float]]] = [[]]
    used = 0.0
    for band, text in legend_items:
        text = small_fm.elidedText(text, Qt.TextElideMode.ElideRight, avail - swatch - px)
        width = swatch + px * 0.4 + small_fm.horizontalAdvance(text) + px * 1.2
        if rows[-1] and used + width > avail:
            rows.append([])
            used = 0.0
        rows[-1].append((band, text, width))
        used += width
    legend_h = (len(rows) * small_fm.height() * 1.35) if legend_items else 0.0
    bottom = rect.bottom() - margin - legend_h

    # axes geometry
    y_labels = [spec.value_format.format(t) for t in spec.y_ticks]
    y_label_w = max((fm.horizontalAdvance(s) for s in y_labels), default=0.0)
    unit_w = fm.height() if spec.unit else 0.0
    plot = QRectF(
        rect.left() + margin + unit_w + px * 0.4 + y_label_w + px * 0.5, top + fm.height() * 0.5, 0, 0
    )
    plot.setRight(rect.right() - margin - px * 0.5)
    plot.setBottom(bottom - fm.height() * 1.6 - (px * 0.5 if legend_items else 0))
    if plot.width() < 20 or plot.height() < 20:
        painter.restore()
        return
    first, last = spec.span
    low, high = spec.y_ticks[0], spec.y_ticks[-1] if len(spec.y_ticks) > 1 else spec.y_ticks[0] + 1

    def x_of(d: float) -> float:
        return plot.left() + (d - first) / max(1, last - first) * plot.width()

    def y_of(v: float) -> float:
        return plot.bottom() - (v - low) / max(1e-12, high - low) * plot.height()

    # bands first: everything else is drawn over them
    captions: list[tuple[Band, str, QRectF]] = []  # drawn last, over the values
    for band in spec.bands:
        left, right = max(plot.left(), x_of(band.start)), min(plot.right(), x_of(band.stop + 1))
        if right <= left:
            continue
        color = QColor(band.color)
        fill = QColor(color)
        fill.setAlpha(BAND_ALPHA)
        painter.fillRect(QRectF(left, plot.top(), right - left, plot.height()), fill)
        edge = QPen(color.darker(115), max(1.0, px / 12))
        painter.setPen(edge)
        painter.drawLine(QPointF(left, plot.top()), QPointF(left, plot.bottom()))
        text = fit_band_text(band, right - left - px * 0.6, small_fm)
        if text:
            captions.append(
                (
                    band,
                    text,
                    QRectF(
                        left + px * 0.3,
                        plot.top() + px * 0.25,
                        small_fm.horizontalAdvance(text),
                        small_fm.height(),
                    ),
                )
            )

    # grid, axes, tick labels
    painter.setFont(text_font)
    grid = QPen(QColor(GRID_COLOR), max(1.0, px / 16))
    for tick, label in zip(spec.y_ticks, y_labels, strict=True):
        y = y_of(tick)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text_pen)
        label_box = QRectF(
            plot.left() - px * 0.5 - y_label_w - 2, y - fm.height() / 2, y_label_w, fm.height()
        )
        painter.drawText(label_box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
    ticks, fmt = date_ticks(
        first, last, plot.width(), lambda f: fm.horizontalAdvance(format_day(WIDE_DAY, f))
    )
    for tick in ticks:
        x = x_of(tick)
        painter.setPen(grid)
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
        painter.setPen(text_pen)
        label = format_day(tick, fmt)
        width = fm.horizontalAdvance(label)
        left = min(max(x - width / 2, rect.left() + margin), rect.right() - margin - width)
        painter.drawText(
            QRectF(left, plot.bottom() + px * 0.35, width + 2, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            label,
        )
    axis = QPen(QColor("#5f6b77"), max(1.0, px / 10))
    painter.setPen(axis)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawLine(plot.bottomLeft(), plot.topLeft())
    if spec.unit:
        painter.save()
        painter.translate(rect.left() + margin + fm.ascent(), plot.center().y())
        painter.rotate(-90)
        painter.setPen(text_pen)
        unit_width = fm.horizontalAdvance(spec.unit)
        painter.drawText(QPointF(-unit_width / 2, 0), spec.unit)
        painter.restore()

    # the values
    if spec.points:
        shown = decimate(spec.points, int(plot.width() * 1.5))
        dots = QPolygonF([QPointF(x_of(d), y_of(v)) for d, v in shown])
        line = (
            dots
            if spec.trend is None
            else QPolygonF(
                [QPointF(x_of(d), y_of(v)) for d, v in decimate(spec.trend, int(plot.width() * 1.5))]
            )
        )
        line_pen = QPen(
            QColor(LINE_COLOR),
            max(1.5, px / 7),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        # Dots are drawn with drawPoints and a round pen: one call for all of them, never one per point.
        # (Besides speed: PySide6 6.12 abi3 wheels on Python 3.11 drop a reference to None on every call
        # of a void method, so per-point calls can exhaust None's count and abort the process.)
        if spec.trend is not None:  # dots under the average line, small and light
            dot = QColor(LINE_COLOR)
            dot.setAlpha(110)
            painter.setPen(QPen(dot, max(4.0, px * 0.4), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(dots)
            line_pen.setWidthF(max(2.0, px / 5))
        painter.setPen(line_pen)
        painter.drawPolyline(line)
        if spec.trend is None and len(shown) <= plot.width() / (px * 0.6):
            diameter, border = max(5.0, px * 0.56), max(1.5, px / 9)
            painter.setPen(
                QPen(QColor(LINE_COLOR), diameter + border, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawPoints(dots)
            painter.setPen(
                QPen(QColor("white"), diameter - border, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawPoints(dots)
    else:
        box = fm.boundingRect(spec.empty_text).adjusted(-px, -px * 0.5, px, px * 0.5)
        box.moveCenter(plot.center())
        painter.setPen(QPen(QColor(GRID_COLOR)))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(box, px * 0.3, px * 0.3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#4a5560")))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, spec.empty_text)

    # band captions over everything in the plot, on a light backing
    painter.setFont(small_font)
    for band, text, box in captions:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 190))
        painter.drawRoundedRect(box.adjusted(-px * 0.2, 0, px * 0.2, 0), px * 0.2, px * 0.2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(band.color).darker(200)))
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    # legend
    y = bottom + px * 0.5
    for row in rows:
        x = rect.left() + margin
        for band, text, width in row:
            if band is None:  # the average line
                painter.setPen(QPen(QColor(LINE_COLOR), max(2.0, px / 5)))
                middle = y + small_fm.height() / 2
                painter.drawLine(QPointF(x, middle), QPointF(x + swatch, middle))
            else:
                color = QColor(band.color)
                fill = QColor(color)
                fill.setAlpha(BAND_ALPHA * 2)
                painter.setPen(QPen(color.darker(115), 1))
                painter.setBrush(fill)
                painter.drawRect(QRectF(x, y + (small_fm.height() - swatch) / 2, swatch, swatch))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(text_pen)
            painter.drawText(
                QRectF(x + swatch + px * 0.4, y, width, small_fm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += width
        y += small_fm.height() * 1.35
    painter.restore()


def render_image(
    spec: ChartSpec, size: tuple[int, int] = (1200, 600), *, font_px: float | None = None
) -> QImage:
    """The chart as an image (white background)."""
    ensure_gui_application()
    image = QImage(QSize(*size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_chart(painter, QRectF(0, 0, size[0], size[1]), spec, font_px=font_px)
    finally:
        painter.end()
    return image


def render_chart(
    series: Iterable[Point],
    bands: Sequence[BandTuple],
    title: str,
    unit: str,
    out_path: str | os.PathLike[str],
    size: tuple[int, int] = (1200, 600),
    fmt: str = "png",
    *,
    y_range: tuple[float, float] | None = None,
    today: dt.date | None = None,
    empty_text: str = "No values to show yet.",
    dpi: int = 150,
    trend_days: int | None = None,
    trend_label: str = "",
) -> Path:
    """Write a chart of *series* ((ISO date, value) pairs) with *bands* ((start, stop|None, label[, short])
    per line of treatment) to *out_path* as PNG or SVG; returns the path.

    *size* is in pixels (SVG: user units, with a physical size at *dpi*). *y_range* fixes the value
    axis (e.g. (0, 10) for symptom severity); otherwise it runs from 0 to a round number above the
    highest value. An ongoing band (stop None) reaches *today*. With *trend_days* (for noisy daily
    entries such as symptom severity) each value is a dot and the line is the average of the
    *trend_days* days up to each day, named in the legend by *trend_label*.
    """
    ensure_gui_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..fsutil import atomic_write_private_bytes

    spec = make_spec(
        series,
        bands,
        title,
        unit,
        y_range=y_range,
        today=today,
        empty_text=empty_text,
        trend_days=trend_days,
        trend_label=trend_label,
    )
    out = Path(out_path)
    fmt = fmt.lower()
    if fmt not in ("png", "svg"):
        raise InvalidValue("chart-format-unknown", format=fmt)
    # made in memory, then written 0600 (a chart of health values is a plaintext export)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt == "png":
        image = render_image(spec, size)
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        # (QImageWriter, as QImage.save does: PySide6 types save's format as bytes but accepts only str)
        if not QImageWriter(buffer, QByteArray(b"PNG")).write(image):
            raise OutputFileError("chart-not-written", path=out)
    else:
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(*size))
        generator.setViewBox(QRectF(0, 0, size[0], size[1]))
        generator.setResolution(dpi)
        generator.setTitle(title)
        generator.setDescription(f"{title}: values over time with the lines of treatment")
        painter = QPainter()
        if not painter.begin(generator):
            raise OutputFileError("chart-not-written", path=out)
        try:
            paint_chart(painter, QRectF(0, 0, size[0], size[1]), spec)
        finally:
            painter.end()
    buffer.close()
    atomic_write_private_bytes(out, bytes(data.data()), overwrite=True)
    return out
