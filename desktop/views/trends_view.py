"""Trends: weekly volume per theme or watchlist actor (QtCharts), spikes marked in red; several can be
ticked to compare them in one chart; clicking a week's bar opens that week's items."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QSpinBox, QVBoxLayout, QWidget

from desktop.plain_text import escape, literal
from desktop.style import WARNING, theme_colour, ui_language
from desktop.tasks import TaskManager
from desktop.views.indicator_chart import indicator_chart
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import IndicatorSeries, KnowledgeBase, Series
from store.core.numbers import decimal

ACTOR_COLOURS = ["#3949ab", "#8e24aa", "#00838f", "#6d4c41", "#558b2f", "#ad1457"]


def nice_step(top: float) -> int:
    """A whole-number tick step giving at most about six ticks up to `top` (1, 2, 5, 10, 20, 50...)."""
    step = 1
    while top / step > 6:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 6:
                break
    return max(1, step)


MIN_BASELINE_WEEKS = 4  # an average of fewer weeks says little: the line starts once there are this many


def series_chart(series: Series | list[tuple[Series, QColor]], colour: QColor | None = None, title: str = "",
                 width: int = 600):
    """Weekly bars with whole-number ticks and week labels that fit `width` pixels.

    One series: its weeks in its colour, spikes in red, and the trailing average where there is one.
    Several series (to compare themes or actors): bars side by side, a spike outlined in red.
    QtCharts is imported here, on first use, to keep it off the start-up path. Chart titles and legend labels
    are HTML to QtCharts: `title` and the series' labels (actor names) are escaped here.
    """
    from PySide6.QtCharts import (
        QBarSeries,
        QBarSet,
        QCategoryAxis,
        QChart,
        QLineSeries,
        QStackedBarSeries,
        QValueAxis,
    )

    shown: list[tuple[Series, QColor]] = (
        [(series, colour or QColor("#3949ab"))] if isinstance(series, Series) else list(series))
    weeks: list[str] = [w.week for w in shown[0][0].weeks] if shown else []
    chart = QChart()
    chart.setTitle(escape(title))
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    top = 1.0
    lines = []
    if len(shown) == 1:
        one, one_colour = shown[0]
        normal = QBarSet(QCoreApplication.translate("QChart", "berichten"))
        normal.setColor(one_colour)
        spikes = QBarSet(QCoreApplication.translate("QChart", "piek"))
        spikes.setColor(QColor(WARNING))
        baseline = QLineSeries()
        baseline.setName(QCoreApplication.translate("QChart", "gemiddelde van de weken ervoor (tot 8)"))
        for n, week in enumerate(one.weeks):
            normal.append(0 if week.spike else week.count)
            spikes.append(week.count if week.spike else 0)
            if week.history_weeks >= MIN_BASELINE_WEEKS:  # no line where too few weeks came before to average
                baseline.append(n, week.baseline)
            top = max(top, week.count, week.baseline)
        bars: QStackedBarSeries | QBarSeries = QStackedBarSeries()
        bars.append(normal)
        bars.append(spikes)
        lines.append(baseline)
    else:
        bars = QBarSeries()
        for one, one_colour in shown:
            bar_set = QBarSet(escape(one.label))
            bar_set.setColor(one_colour)
            bar_set.setSelectedColor(QColor(WARNING))  # spikes: the selected bars
            for n, week in enumerate(one.weeks):
                bar_set.append(week.count)
                top = max(top, week.count)
                if week.spike:
                    bar_set.selectBar(n)
            bars.append(bar_set)
    chart.addSeries(bars)
    for line in lines:
        chart.addSeries(line)
    axis_x = QCategoryAxis()  # a label every few weeks, so that they fit
    axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    every = max(1, -(-len(weeks) // max(3, width // 60)))
    labelled = set(range(len(weeks) - 1, -1, -every))  # counted back from this week: even steps, this week named
    for n, label in enumerate(weeks):
        if n in labelled:
            axis_x.append(label[-3:], n)  # "W48"; the years are in the axis title
    if weeks:
        axis_x.setTitleText(f"{weeks[0]} – {weeks[-1]}")
    axis_x.setRange(-0.5, max(0.5, len(weeks) - 0.5))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    step = nice_step(top)
    axis_y.setRange(0, step * (int(top // step) + 1))
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(step)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for attached in [bars, *lines]:
        attached.attachAxis(axis_x)
        attached.attachAxis(axis_y)
    return chart


class TrendsView(StoreView, Retranslating, QWidget):

    watches = frozenset({"items", "themes", "watchlist", "stories", "indicators"})
    refresh_on_language_change = True

    open_search = Signal(str, str)  # (theme key, week "YYYY-Www")
    open_place = Signal(object)
    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks = kb, tasks
        self.series: list[Series] = []
        self.indicators: list[IndicatorSeries] = []
        self.positions: dict[str, int] = {}
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        controls = QHBoxLayout()
        self.weeks = QSpinBox()
        self.weeks.setRange(4, 52)
        self.weeks.setValue(16)
        self.weeks.valueChanged.connect(lambda _: self.refresh())
        self.weeks_label = QLabel()
        self.compare_label = QLabel()
        controls.addWidget(self.compare_label, 1)
        controls.addWidget(self.weeks_label)
        controls.addWidget(self.weeks)
        layout.addLayout(controls)
        body = QHBoxLayout()
        self.choice = QListWidget()  # tick one or more themes and actors: they share the chart
        self.choice.setMaximumWidth(330)
        self.choice.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.choice.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choice.itemChanged.connect(lambda _item: self._draw())
        body.addWidget(self.choice)
        self.chart_box = QVBoxLayout()
        self.chart_view = None  # a QChartView, made on first use
        self.indicator_views: list = []  # the ticked indicators' series (QChartViews), under the weekly counts
        body.addLayout(self.chart_box, 1)
        layout.addLayout(body, 2)
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
        self.weeks_label.setText(self.tr("Weken:"))
        self.compare_label.setText(self.tr("Vink thema's of namen aan om ze in één grafiek te vergelijken, en een "
                                           "indicator om de cijfers ernaast te zien."))
        self.hint.setText(self.tr(
            "Een week is een piek (rood) als er minstens 3 berichten zijn, twee keer zoveel als het gemiddelde van "
            "de 8 weken ervoor en duidelijk daarboven. Een verhaal uit meerdere bronnen telt één keer. "
            "Klik op een balk om de berichten van die week te zien."))

    def refresh(self) -> None:
        language = str(self.kb.settings.get("language", "nl"))
        weeks = self.weeks.value()
        self.tasks.run(lambda: (self.kb.signals.trends(weeks, language=language),
                                {t.key: t.position for t in self.kb.themes()}, self.kb.indicators.all_series()),
                       self._loaded, what="trends")

    def _loaded(self, result) -> None:
        self.series, self.positions, self.indicators = result
        ticked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items() if
                  item.checkState() == Qt.CheckState.Checked}
        keys = [(s.kind, s.key) for s in self.series]
        self.choice.blockSignals(True)
        self.choice.clear()
        themes = sum(1 for s in self.series if s.kind == "theme")
        for n, s in enumerate(self.series):
            if n == themes:
                self._add_indicators(ticked)
            if s.kind == "actor" and not s.total:
                continue
            label = s.label if s.kind == "theme" else self.tr("Volglijst: %1").replace("%1", s.label)
            mark = "⚠ " if any(w.spike for w in s.weeks) else ""  # first: a long name cannot hide it
            item = QListWidgetItem(f"{mark}{label} ({s.total})")
            item.setToolTip(literal(self.tr("%1: %2 verhalen in de laatste %3 weken").replace("%1", label).replace(
                "%2", str(s.total)).replace("%3", str(len(s.weeks)))))
            item.setData(Qt.ItemDataRole.UserRole, keys[n])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if keys[n] in ticked else Qt.CheckState.Unchecked)
            self.choice.addItem(item)
        if themes >= len(self.series):
            self._add_indicators(ticked)
        if not any(item.checkState() == Qt.CheckState.Checked for item in self._items()) and self.choice.count():
            self.choice.item(0).setCheckState(Qt.CheckState.Checked)
        self.choice.blockSignals(False)
        self._draw()
        spikes = [f"<b>{escape(s.label)}</b> {w.week} ({w.count}; " + escape(self.tr("gemiddeld %1").replace(
            "%1", decimal(w.baseline, ui_language(), 1))) + ")" for s in self.series for w in s.weeks if w.spike]
        self.spikes.setText(escape(self.tr("Pieken (rood in de grafiek): %1")).replace("%1", ", ".join(spikes))
                            if spikes else escape(self.tr("Geen pieken in deze periode.")))

    def _add_indicators(self, ticked: set) -> None:
        """The indicators in the list, after the themes: figures to set beside their news."""
        for indicator in self.indicators:
            key = ("indicator", str(indicator.source.id))
            item = QListWidgetItem(self._indicator_text(indicator))
            item.setToolTip(literal(self.tr("Indicator %1: tabel %2 van het CBS").replace(
                "%1", indicator.source.name).replace("%2", indicator.settings.table)))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            self.choice.addItem(item)

    def _indicator_text(self, indicator: IndicatorSeries) -> str:
        """"Indicator: CBS: ... (52,3; +8,1 %)": the latest figure and its change, in the list."""
        change = indicator.latest_change
        last = next((p for p in reversed(indicator.points) if p.value is not None), None)
        if last is None:
            return self.tr("Indicator: %1 (nog geen cijfers)").replace("%1", indicator.source.name)
        sign = "+" if (change or 0) >= 0 else "−"
        moved = "" if change is None else f"; {sign}{decimal(abs(change) * 100, ui_language(), 1)} %"
        figure = f"{decimal(float(last.value or 0), ui_language(), 1)}{moved}"
        return self.tr("Indicator: %1 (%2)").replace("%1", indicator.source.name).replace("%2", figure)

    def chosen_indicators(self) -> list[IndicatorSeries]:
        ticked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                  if item.checkState() == Qt.CheckState.Checked}
        return [i for i in self.indicators if ("indicator", str(i.source.id)) in ticked][:2]

    def _indicator_views(self, count: int) -> list:
        """`count` chart views for indicators under the weekly counts (made on first use, hidden when unused)."""
        from PySide6.QtCharts import QChartView

        while len(self.indicator_views) < count:
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(200)
            self.chart_box.addWidget(view)
            self.indicator_views.append(view)
        for n, view in enumerate(self.indicator_views):
            view.setVisible(n < count)
        return self.indicator_views[:count]

    def _draw_indicators(self) -> None:
        chosen = self.chosen_indicators()
        if not chosen and not self.indicator_views:
            return
        for indicator, view in zip(chosen, self._indicator_views(len(chosen)), strict=True):
            unit = f" ({indicator.settings.unit.strip()})" if indicator.settings.unit.strip() else ""
            view.setChart(indicator_chart(indicator, f"{indicator.source.name}{unit}", max(300, view.width())))

    def _items(self) -> list[QListWidgetItem]:
        return [self.choice.item(n) for n in range(self.choice.count())]

    def chosen(self) -> list[Series]:
        """The ticked series, in list order (at most six: more bars do not read)."""
        ticked = {item.data(Qt.ItemDataRole.UserRole) for item in self._items()
                  if item.checkState() == Qt.CheckState.Checked}
        return [s for s in self.series if (s.kind, s.key) in ticked][:6]

    def _chart_view(self):
        if self.chart_view is None:
            from PySide6.QtCharts import QChartView

            self.chart_view = QChartView()
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(300)
            self.chart_box.addWidget(self.chart_view)
        return self.chart_view

    def _draw(self) -> None:
        from PySide6.QtCharts import QAbstractBarSeries, QChart

        self._draw_indicators()
        chosen = self.chosen()
        view = self._chart_view()
        view.setVisible(bool(chosen) or not self.chosen_indicators())
        if not chosen:
            view.setChart(QChart())
            return
        coloured = [(s, theme_colour(self.positions.get(s.key, 8)) if s.kind == "theme"
                     else QColor(ACTOR_COLOURS[n % len(ACTOR_COLOURS)])) for n, s in enumerate(chosen)]
        title = chosen[0].label if len(chosen) == 1 else self.tr("Vergelijking per week")
        chart = series_chart(coloured, title=title, width=max(300, view.width()))
        for bar_series in chart.series():
            if isinstance(bar_series, QAbstractBarSeries):
                bar_series.clicked.connect(lambda index, bar_set, c=chosen: self._clicked(
                    next((s for s in c if escape(s.label) == bar_set.label()), c[0]), index))
        view.setChart(chart)

    def _clicked(self, series: Series, index: int) -> None:
        week = series.weeks[index].week
        if series.kind == "theme":
            self.open_search.emit(series.key, week)
        else:
            from desktop.views.sidebar import Place

            self.open_place.emit(Place("actor", series.key))
