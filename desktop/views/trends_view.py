"""Trends: weekly volume per theme or watchlist actor (QtCharts), spikes marked in red; clicking
a week's bar opens that week's items."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop.style import WARNING, theme_colour
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import KnowledgeBase, Series


def series_chart(series: Series, colour: QColor, title: str = ""):
    """A stacked bar chart of one series: normal weeks in its colour, spikes in red, and the trailing average.

    QtCharts is imported here, on first use, to keep it off the start-up path.
    """
    from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QLineSeries, QStackedBarSeries, QValueAxis

    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    normal = QBarSet(QCoreApplication.translate("QChart", "berichten"))
    normal.setColor(colour)
    spikes = QBarSet(QCoreApplication.translate("QChart", "piek"))
    spikes.setColor(QColor(WARNING))
    baseline = QLineSeries()
    baseline.setName(QCoreApplication.translate("QChart", "gemiddelde vorige 8 weken"))
    for n, week in enumerate(series.weeks):
        normal.append(0 if week.spike else week.count)
        spikes.append(week.count if week.spike else 0)
        baseline.append(n, week.baseline)
    bars = QStackedBarSeries()
    bars.append(normal)
    bars.append(spikes)
    chart.addSeries(bars)
    chart.addSeries(baseline)
    axis_x = QBarCategoryAxis()
    axis_x.append([w.week[-3:] for w in series.weeks])
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    baseline.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setRange(0, max([w.count for w in series.weeks] + [w.baseline for w in series.weeks] + [3]) + 1)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    baseline.attachAxis(axis_y)
    return chart


class TrendsView(StoreView, Retranslating, QWidget):

    watches = frozenset({"items", "themes", "watchlist", "stories"})
    refresh_on_language_change = True

    open_search = Signal(str, str)  # (theme key, week "YYYY-Www")
    open_place = Signal(object)
    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks = kb, tasks
        self.series: list[Series] = []
        self.positions: dict[str, int] = {}
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        controls = QHBoxLayout()
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._draw)
        self.weeks = QSpinBox()
        self.weeks.setRange(4, 52)
        self.weeks.setValue(16)
        self.weeks.valueChanged.connect(lambda _: self.refresh())
        self.weeks_label = QLabel()
        controls.addWidget(self.choice, 1)
        controls.addWidget(self.weeks_label)
        controls.addWidget(self.weeks)
        layout.addLayout(controls)
        self.chart_box = QVBoxLayout()
        self.chart_view = None  # a QChartView, made on first use
        layout.addLayout(self.chart_box, 2)
        self.spikes = QLabel()
        self.spikes.setWordWrap(True)
        self.spikes.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.spikes)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Trends"))
        self.weeks_label.setText(self.tr("weken:"))
        self.hint.setText(self.tr(
            "Een week is een piek (rood) als er minstens 3 berichten zijn, twee keer zoveel als het gemiddelde van "
            "de 8 weken ervoor en duidelijk daarboven. Een verhaal uit meerdere bronnen telt één keer. "
            "Klik op een balk om de berichten van die week te zien."))

    def refresh(self) -> None:
        language = str(self.kb.settings.get("language", "nl"))
        weeks = self.weeks.value()
        self.tasks.run(lambda: (self.kb.signals.trends(weeks, language=language),
                                {t.key: t.position for t in self.kb.themes()}), self._loaded, what="trends")

    def _loaded(self, result) -> None:
        self.series, self.positions = result
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for n, s in enumerate(self.series):
            if s.kind == "actor" and not s.total:
                continue
            label = s.label if s.kind == "theme" else self.tr("Volglijst: %1").replace("%1", s.label)
            mark = "  ⚠" if any(w.spike for w in s.weeks) else ""
            self.choice.addItem(f"{label} ({s.total}){mark}", n)
        self.choice.blockSignals(False)
        index = self.choice.findData(current) if current is not None else 0
        self.choice.setCurrentIndex(max(0, index))
        self._draw()
        spikes = [f"<b>{s.label}</b> {w.week} ({w.count}; " + self.tr("gemiddeld %1").replace(
            "%1", f"{w.baseline:g}") + ")" for s in self.series for w in s.weeks if w.spike]
        self.spikes.setText(self.tr("Pieken: %1").replace("%1", ", ".join(spikes)) if spikes
                            else self.tr("Geen pieken in deze periode."))

    def _chart_view(self):
        if self.chart_view is None:
            from PySide6.QtCharts import QChartView

            self.chart_view = QChartView()
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(300)
            self.chart_box.addWidget(self.chart_view)
        return self.chart_view

    def _draw(self) -> None:
        from PySide6.QtCharts import QChart, QStackedBarSeries

        n = self.choice.currentData()
        if n is None or n >= len(self.series):
            self._chart_view().setChart(QChart())
            return
        series = self.series[n]
        colour = theme_colour(self.positions.get(series.key, 8)) if series.kind == "theme" else QColor("#3949ab")
        chart = series_chart(series, colour, series.label)
        for bar_series in chart.series():
            if isinstance(bar_series, QStackedBarSeries):
                bar_series.clicked.connect(lambda index, _set, s=series: self._clicked(s, index))
        self._chart_view().setChart(chart)

    def _clicked(self, series: Series, index: int) -> None:
        week = series.weeks[index].week
        if series.kind == "theme":
            self.open_search.emit(series.key, week)
        else:
            from desktop.views.sidebar import Place

            self.open_place.emit(Place("actor", series.key))
