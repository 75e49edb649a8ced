"""An indicator's series as a line chart (QtCharts, imported on first use): the latest periods, each labelled,
a period that moved beyond the indicator's threshold marked in red."""

from __future__ import annotations

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPen

from desktop.plain_text import escape
from desktop.style import WARNING
from store import IndicatorSeries

PERIODS_SHOWN = 12
LINE_COLOUR = "#00838f"


def short_period(label: str) -> str:
    """"2026 3e kwartaal" -> "'26 K3"; other labels as they are (months and years are short already)."""
    parts = label.split()
    if len(parts) == 3 and parts[0].isdigit() and parts[2] in ("kwartaal", "halfjaar"):
        return f"'{parts[0][2:]} {'K' if parts[2] == 'kwartaal' else 'H'}{parts[1].rstrip('e')}"
    return label


def indicator_chart(series: IndicatorSeries, title: str, width: int = 600):
    """The last PERIODS_SHOWN periods of one indicator; `title` is plain text (escaped here)."""
    from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QScatterSeries, QValueAxis

    points = [p for p in series.points if p.value is not None][-PERIODS_SHOWN:]
    chart = QChart()
    chart.setTitle(escape(title))
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setVisible(False)
    line = QLineSeries()
    line.setPen(QPen(QColor(LINE_COLOUR), 2))
    moved = QScatterSeries()
    moved.setColor(QColor(WARNING))
    moved.setMarkerSize(11)
    threshold = series.settings.threshold
    values = [float(p.value or 0) for p in points]
    for n, value in enumerate(values):
        line.append(n, value)
        if n and values[n - 1] and abs(value - values[n - 1]) / abs(values[n - 1]) >= threshold:
            moved.append(n, value)
    chart.addSeries(line)
    chart.addSeries(moved)
    axis_x = QCategoryAxis()
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    every = max(1, -(-len(points) // max(3, width // 70)))
    labelled = set(range(len(points) - 1, -1, -every))  # counted back from the latest: it is always named
    for n in sorted(labelled):  # (a category axis takes its labels in increasing order)
        axis_x.append(short_period(points[n].label), n)
    axis_x.setRange(-0.5, max(0.5, len(points) - 0.5))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    if values:
        low, high = min(values), max(values)
        pad = max((high - low) * 0.15, abs(high) * 0.02, 0.5)
        axis_y.setRange(low - pad, high + pad)
    axis_y.setLabelFormat("%.1f" if values and max(values) < 1000 else "%.0f")
    axis_y.setTitleText(escape(series.settings.unit))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for attached in (line, moved):
        attached.attachAxis(axis_x)
        attached.attachAxis(axis_y)
    return chart
