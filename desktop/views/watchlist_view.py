"""Volglijst: the actors to follow (staffing agencies and housing providers first), their aliases,
and per actor a weekly timeline and the latest items that mention it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import literal
from desktop.tasks import TaskManager
from desktop.views.trends_view import series_chart
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import ACTOR_KINDS, Actor, KnowledgeBase

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView

    from desktop.shell import Shell


class WatchlistView(StoreView, Retranslating, QWidget):

    watches = frozenset({"watchlist", "items"})
    refresh_on_language_change = True

    message = Signal(str)
    open_item = Signal(int)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks = kb, tasks
        self.actors: list[Actor] = []
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        add_row = QHBoxLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.aliases = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.add_button.setEnabled(False)  # until there is a name
        self.name.textChanged.connect(lambda text: self.add_button.setEnabled(bool(text.strip())))
        add_row.addWidget(self.name, 2)
        add_row.addWidget(self.kind)
        add_row.addWidget(self.aliases, 2)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)  # the other names are in each row's tooltip
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()  # names take the room, kind and count fit their contents
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._chosen)
        left_layout.addWidget(self.table, 1)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        left_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_box = QVBoxLayout()
        self.chart: QChartView | None = None  # made on first use (QtCharts stays off the start-up path)
        right_layout.addLayout(self.chart_box, 1)
        self.items = QListWidget()
        self.items.setTextElideMode(Qt.TextElideMode.ElideRight)  # long titles end in "…", no sideways scrolling
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.itemActivated.connect(lambda it: self.open_item.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.items.itemDoubleClicked.connect(lambda it: self.open_item.emit(it.data(Qt.ItemDataRole.UserRole)))
        right_layout.addWidget(self.items, 1)
        splitter.addWidget(right)
        splitter.setSizes([520, 520])
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Volglijst"))
        self.name.setPlaceholderText(self.tr("Naam, bv. FlexPlus Uitzendgroep"))
        self.aliases.setPlaceholderText(self.tr("Andere namen, gescheiden door komma's"))
        self.add_button.setText(self.tr("Toevoegen"))
        self.remove_button.setText(self.tr("Van de volglijst halen"))
        kinds = {"agency": self.tr("uitzendbureau"), "housing": self.tr("huisvester"), "company": self.tr("bedrijf"),
                 "public": self.tr("overheid"), "association": self.tr("branche/keurmerk"), "union": self.tr("vakbond"),
                 "municipality": self.tr("gemeente"), "country": self.tr("herkomstland"), "other": self.tr("overig")}
        self._kinds = kinds
        current = self.kind.currentData()
        self.kind.clear()
        for key in ACTOR_KINDS:
            self.kind.addItem(kinds[key], key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current or "agency")))
        self.table.setHorizontalHeaderLabels([self.tr("Naam"), self.tr("Soort"), self.tr("Berichten")])

    def refresh(self) -> None:
        self.tasks.run(lambda: self.kb.watchlist.list_actors(), self._loaded, what="list watchlist")

    def _refresh_changed(self, _result: object = None) -> None:
        self.refresh()

    def _loaded(self, actors: list[Actor]) -> None:
        commercial = ("agency", "housing", "company")
        self.actors = sorted(actors, key=lambda a: (a.kind not in commercial, a.kind, a.name.lower()))
        self.table.setRowCount(len(self.actors))
        for row, actor in enumerate(self.actors):
            also = self.tr("Ook bekend als: %1").replace("%1", ", ".join(actor.aliases)) if actor.aliases else ""
            for column, value in enumerate((actor.name, self._kinds.get(actor.kind, actor.kind),
                                            str(actor.mentions))):
                cell = QTableWidgetItem(value)
                cell.setToolTip(literal(also))
                self.table.setItem(row, column, cell)
        if self.actors and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)

    def current(self) -> Actor | None:
        rows = self.table.selectionModel().selectedRows()
        return self.actors[rows[0].row()] if rows else None

    def _chosen(self) -> None:
        actor = self.current()
        if actor is None:
            return

        def load():
            series = [s for s in self.kb.signals.trends(16) if s.kind == "actor" and s.key == str(actor.id)]
            return series, self.kb.watchlist.timeline(actor.id, limit=50)

        self.tasks.run(load, lambda result: self._show(actor, *result), what="actor timeline")

    def _show(self, actor: Actor, series, rows) -> None:
        if series:
            if self.chart is None:
                from PySide6.QtCharts import QChartView

                self.chart = QChartView()
                self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
                self.chart.setMinimumHeight(220)
                self.chart_box.addWidget(self.chart)
            self.chart.setChart(series_chart(series[0], QColor("#3949ab"), actor.name,
                                             width=max(260, self.chart.width())))
        self.items.clear()
        for item_id, title, published in rows:
            entry = QListWidgetItem(f"{published[:10]}  {title}")
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            self.items.addItem(entry)
        if not rows:
            self.items.addItem(self.tr("(nog geen berichten die deze naam noemen)"))

    def _add(self) -> None:
        name = self.name.text().strip()
        if not name:
            return
        kind = self.kind.currentData()
        aliases = [a.strip() for a in self.aliases.text().split(",") if a.strip()]

        def found(actor: Actor, count: int | None) -> None:
            self.message.emit(self.tr("%1 staat op de volglijst; genoemd in %2 berichten.").replace(
                "%1", actor.name).replace("%2", str(count or 0)))
            self.refresh()

        def added(actor: Actor) -> None:
            self.name.clear()
            self.aliases.clear()
            cast("Shell", self.window()).workflows.match_actor(actor.id, lambda count: found(actor, count))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Volglijst"), literal(user_message(exc)))

        self.tasks.run(lambda: self.kb.watchlist.add_actor(name, kind, aliases), added, failed, what="add actor")

    def _remove(self) -> None:
        actor = self.current()
        if actor is not None:
            self.tasks.run(lambda: self.kb.watchlist.remove_actor(actor.id),
                           self._refresh_changed, what="remove actor")
