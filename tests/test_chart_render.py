"""Charts for printouts and the packet: PNG and SVG files, their content, the helpers, and no widgets."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mbc_vault.cancer.models import TreatmentLine
from mbc_vault.render import chart as cr

pytestmark = pytest.mark.qt  # the core's painting needs QtGui
ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 1, 15)
SERIES = [
    ("2023-02-01", 70.0),
    ("2023-06-01", 41.0),
    ("2023-11-01", 24.5),
    ("2024-03-01", 52.0),
    ("2024-08-01", 78.0),
    ("2025-01-10", 33.0),
    ("2025-09-01", 21.0),
]
BANDS = [
    ("2023-01-10", "2024-04-22", "Line 1: letrozole + palbociclib", "Line 1"),
    ("2024-05-06", "2025-02-01", "Line 2: fulvestrant + capivasertib", "Line 2"),
    ("2025-02-20", None, "Line 3: capecitabine", "Line 3"),
]


@pytest.fixture(autouse=True)
def _one_application(qapp) -> None:
    """In this process, pytest-qt's QApplication: if the renderer made its own QGuiApplication here, widget
    tests run later in the same session could not create widgets. Rendering with no application at all is
    tested in a subprocess (the last test)."""


def _texts(svg: Path) -> str:
    root = ET.parse(svg).getroot()
    return " ".join(t.strip() for t in root.itertext() if t.strip())


def _near(a: tuple[int, int, int], b: tuple[int, int, int], tolerance: int = 8) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def test_png_has_the_size_asked_for_and_shows_bands_and_values(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    out = cr.render_chart(SERIES, BANDS, "CA 15-3", "U/mL", tmp_path / "ca153.png", today=TODAY)
    assert out == tmp_path / "ca153.png" and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert 10_000 < out.stat().st_size < 1_000_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 600)
    # a row across the upper part of the plot passes through each band's tint and the white gaps
    colors = {image.pixelColor(x, 150).getRgb()[:3] for x in range(0, 1200, 2)}
    for band in cr.BAND_COLORS[:3]:
        c = QColor(band)
        tint = tuple(round(255 + (v - 255) * cr.BAND_ALPHA / 255) for v in (c.red(), c.green(), c.blue()))
        assert any(_near(tint, color) for color in colors), band
    # the line is drawn: plenty of its blue
    line = QColor(cr.LINE_COLOR).getRgb()[:3]
    blue = sum(
        1
        for y in range(0, 600, 2)
        for x in range(0, 1200, 2)
        if _near(image.pixelColor(x, y).getRgb()[:3], line, 40)
    )
    assert blue > 300

    small = cr.render_chart(
        SERIES, BANDS, "CA 15-3", "U/mL", tmp_path / "small.png", size=(480, 260), today=TODAY
    )
    assert (QImage(str(small)).width(), QImage(str(small)).height()) == (480, 260)


def test_svg_holds_title_axis_unit_and_band_labels_as_text(tmp_path: Path) -> None:
    out = cr.render_chart(SERIES, BANDS, "CA 15-3", "U/mL", tmp_path / "ca153.svg", fmt="svg", today=TODAY)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg") and root.get("viewBox") == "0 0 1200 600"
    text = _texts(out)
    for expected in (
        "CA 15-3",
        "U/mL",
        "Line 1: letrozole + palbociclib (Jan 2023 to Apr 2024)",
        "Line 2: fulvestrant + capivasertib",
        "Line 3: capecitabine (since Feb 2025)",
        "2024",
        "80",
    ):
        assert expected in text, expected
    assert 5_000 < out.stat().st_size < 2_000_000


def test_symptom_chart_with_fixed_scale_average_line_and_empty_chart(tmp_path: Path) -> None:
    days = [(dt.date(2025, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(0, 300, 3)]
    series = [(d, (i % 7) + 1) for i, d in enumerate(days)]
    out = cr.render_chart(
        series,
        BANDS,
        "Fatigue",
        "Severity (0 to 10)",
        tmp_path / "fatigue.svg",
        fmt="svg",
        y_range=(0, 10),
        trend_days=28,
        trend_label="Line: average of 4 weeks",
        today=TODAY,
    )
    text = _texts(out)
    assert "Fatigue" in text and "Line: average of 4 weeks" in text and "10" in text
    empty = cr.render_chart(
        [],
        BANDS,
        "CEA",
        "ng/mL",
        tmp_path / "cea.svg",
        fmt="svg",
        today=TODAY,
        empty_text="No CEA values yet.",
    )
    assert "No CEA values yet." in _texts(empty)
    with pytest.raises(ValueError):
        cr.render_chart(SERIES, BANDS, "x", "", tmp_path / "x.gif", fmt="gif")


def test_paint_chart_draws_on_a_pdf_page(tmp_path: Path) -> None:
    """The packet builder paints straight onto its PDF pages (vector, not an image)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter, QPdfWriter

    cr.ensure_gui_application()
    writer = QPdfWriter(str(tmp_path / "page.pdf"))
    writer.setResolution(150)
    painter = QPainter(writer)
    cr.paint_chart(
        painter, QRectF(0, 0, 1100, 550), cr.make_spec(SERIES, BANDS, "CA 15-3", "U/mL", today=TODAY)
    )
    painter.end()
    assert (tmp_path / "page.pdf").read_bytes().startswith(b"%PDF")


# ------------------------------------------------------------------------------- the helpers
def test_bands_from_lines_and_ongoing_line_reaches_today() -> None:
    lines = [
        TreatmentLine(line_number=2, drugs=["capecitabine"], start="2025-02-20"),
        TreatmentLine(drugs=["letrozole", "palbociclib"], start="2023-01-10", stop="2024-04-22"),
        TreatmentLine(drugs=["no start"]),
    ]
    bands = cr.bands_from_lines(lines)
    assert bands == [
        ("2023-01-10", "2024-04-22", "letrozole + palbociclib", "Line 1"),
        ("2025-02-20", None, "Line 2: capecitabine", "Line 2"),
    ]
    made = cr.make_bands(bands, TODAY.toordinal())
    assert (
        made[1].ongoing and made[1].stop == TODAY.toordinal() and cr.band_dates(made[1]) == "since Feb 2025"
    )
    span = cr.chart_span([cr.day("2023-02-01"), cr.day("2024-01-01")], made, TODAY.toordinal())
    assert span[1] > TODAY.toordinal()  # reaches today because a line is ongoing
    assert cr.chart_span([cr.day("2023-02-01"), cr.day("2024-01-01")], made[:1], TODAY.toordinal())[
        1
    ] < cr.day("2024-02-01")


def test_fit_band_text_falls_back_to_the_short_label() -> None:
    from PySide6.QtGui import QFont, QFontMetricsF

    cr.ensure_gui_application()
    band = cr.Band(1, 2, "Line 3: fulvestrant + capivasertib", "Line 3")
    metrics = QFontMetricsF(QFont("DejaVu Sans", 12))
    assert cr.fit_band_text(band, 2000, metrics) == band.label
    assert cr.fit_band_text(band, metrics.horizontalAdvance("Line 3") + 1, metrics) == "Line 3"
    assert cr.fit_band_text(band, metrics.horizontalAdvance("3") + 1, metrics) == "3"
    assert cr.fit_band_text(band, 1, metrics) == ""


def test_nice_ticks_date_ticks_decimate_and_rolling_mean() -> None:
    assert cr.nice_ticks(84) == [0, 20, 40, 60, 80, 100]
    assert cr.nice_ticks(7.3) == [0, 2, 4, 6, 8]
    assert cr.nice_ticks(0) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    first, last = cr.day("2021-01-15"), cr.day("2026-11-01")
    ticks, fmt = cr.date_ticks(first, last, 600, lambda f: 60.0)  # room for 6 labels: years
    assert fmt == "yyyy" and [dt.date.fromordinal(t).isoformat() for t in ticks] == [
        f"{y}-01-01" for y in range(2022, 2027)
    ]
    ticks, fmt = cr.date_ticks(cr.day("2024-01-10"), cr.day("2024-12-20"), 1000, lambda f: 60.0)
    assert fmt == "MMM yyyy" and dt.date.fromordinal(ticks[0]) == dt.date(2024, 2, 1)
    points = [(d, float(d % 17)) for d in range(1000, 6000)]
    points[2500] = (3500, 99.0)  # a peak must survive
    shown = cr.decimate(points, 400)
    assert len(shown) <= 440 and (3500, 99.0) in shown and set(shown) <= set(points)
    assert shown[0] == points[0] and shown[-1] == points[-1]
    assert cr.rolling_mean([(1, 2.0), (1, 4.0), (10, 6.0), (40, 8.0)], 28) == [(1, 3.0), (10, 4.0), (40, 8.0)]


def test_the_renderer_loads_no_widgets_and_no_qtcharts(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from mbc_vault.render import chart as cr\n"
        "cr.render_chart([('2024-01-01', 3.0), ('2024-03-01', 4.0)], [('2024-01-01', None, 'L1')], 'T', 'U', "
        f"r'{tmp_path / 'a.png'}')\n"
        f"cr.render_chart([('2024-01-01', 3.0)], [], 'T', 'U', r'{tmp_path / 'a.svg'}', fmt='svg')\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.strip()
    assert "QtGui" in loaded and "QtSvg" in loaded
    assert "QtWidgets" not in loaded and "QtCharts" not in loaded
    assert (tmp_path / "a.png").stat().st_size > 0 and (tmp_path / "a.svg").stat().st_size > 0


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_drawing_cost_in_qt_calls_does_not_grow_with_the_points() -> None:
    """PySide6 6.12's abi3 wheels drop a reference to None on each call of a void Qt method (Python 3.11
    keeps None mortal): a per-point call would let a large chart exhaust None and abort the process."""
    days = [(dt.date(2016, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(3650)]
    spent = []
    for count in (40, 3650):
        points = [(d, i % 10) for i, d in enumerate(days[:count])]
        spec = cr.make_spec(
            points, BANDS, "Fatigue", "", y_range=(0, 10), trend_days=28 if count > 40 else None, today=TODAY
        )
        cr.render_image(spec, (1200, 600))
        before = sys.getrefcount(None)
        cr.render_image(spec, (1200, 600))
        spent.append(before - sys.getrefcount(None))
    assert spent[1] < 300 and spent[1] < spent[0] + 100, spent
