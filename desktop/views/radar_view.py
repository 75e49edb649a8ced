"""Radar en matrix: the two views workshops use, drawn from the store's chart geometry (the same the exports
render). Click a dot for its card; save either as PNG or SVG; export the quarterly briefing; and take the
suggestions for developments ("these 4 cards look like one development")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import literal
from desktop.style import ui_language
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import Chart, KnowledgeBase, export_digest, to_png, to_svg
from store.core.timeutil import local_today


class ChartView(QGraphicsView):
    """One chart; a click on a dot names its card."""

    card_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart: Chart | None = None
        self.titles: dict[int, str] = {}

    def show_chart(self, chart: Chart, titles: dict[int, str]) -> None:
        self.chart, self.titles = chart, titles
        scene = self.scene()
        scene.clear()
        scene.setSceneRect(QRectF(0, 0, chart.size, chart.size))
        for c in chart.circles:
            scene.addEllipse(c.x - c.r, c.y - c.r, 2 * c.r, 2 * c.r, QPen(QColor(c.colour)))
        for ln in chart.lines:
            scene.addLine(ln.x1, ln.y1, ln.x2, ln.y2, QPen(QColor(ln.colour)))
        for t in chart.texts:
            text = scene.addSimpleText(t.text)
            font = QFont(self.font())
            font.setPixelSize(int(t.size))
            text.setFont(font)
            text.setBrush(QBrush(QColor(t.colour)))
            width = text.boundingRect().width()
            shift = {"start": 0.0, "middle": width / 2, "end": width}[t.anchor]
            text.setPos(t.x - shift, t.y - t.size)
        for d in chart.dots:
            dot = scene.addEllipse(d.x - d.r, d.y - d.r, 2 * d.r, 2 * d.r, QPen(QColor("white")),
                                   QBrush(QColor(d.colour)))
            if d.card_id:
                dot.setToolTip(literal(f"#{d.card_id} {titles.get(d.card_id, '')}"))
                dot.setCursor(Qt.CursorShape.PointingHandCursor)
                label = scene.addSimpleText(d.label)
                label.setBrush(QBrush(QColor("white")))
                box = label.boundingRect()
                label.setPos(d.x - box.width() / 2, d.y - box.height() / 2)
        self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.chart is not None:
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        point: QPointF = self.mapToScene(event.position().toPoint())
        card = self.chart.dot_at(point.x(), point.y()) if self.chart else None
        if card:
            self.card_clicked.emit(card)
            return
        super().mousePressEvent(event)


class RadarView(StoreView, Retranslating, QWidget):
    watches = frozenset({"cards", "themes"})
    refresh_on_language_change = True

    message = Signal(str)
    open_card = Signal(int)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        self.charts: tuple[Chart, Chart] | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(self.title, 1)
        self.png_button, self.svg_button, self.briefing_button = QPushButton(), QPushButton(), QPushButton()
        self.png_button.clicked.connect(lambda: self._save("png"))
        self.svg_button.clicked.connect(lambda: self._save("svg"))
        self.briefing_button.clicked.connect(self._briefing)
        for button in (self.png_button, self.svg_button, self.briefing_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.left_out.setStyleSheet("color: palette(placeholder-text);")
        body = QHBoxLayout()
        self.tabs = QTabWidget()
        self.radar, self.matrix = ChartView(), ChartView()
        for view in (self.radar, self.matrix):
            view.card_clicked.connect(self.open_card.emit)
        self.tabs.addTab(self.radar, "")
        self.tabs.addTab(self.matrix, "")
        body.addWidget(self.tabs, 3)
        side = QVBoxLayout()
        self.developments_title = QLabel()
        self.developments_title.setStyleSheet("font-weight: bold;")
        side.addWidget(self.developments_title)
        self.developments = QListWidget()
        self.developments.setWordWrap(True)
        self.developments.itemActivated.connect(self._development_opened)
        side.addWidget(self.developments, 1)
        self.suggest_title = QLabel()
        self.suggest_title.setStyleSheet("font-weight: bold;")
        self.suggest_title.setWordWrap(True)
        side.addWidget(self.suggest_title)
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        side.addWidget(self.suggestions, 1)
        self.make_button = QPushButton()
        self.make_button.clicked.connect(self._make_development)
        self.suggest_button = QPushButton()
        self.suggest_button.clicked.connect(self._suggest)
        side.addWidget(self.suggest_button)
        side.addWidget(self.make_button)
        body.addLayout(side, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.left_out)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Radar en matrix"))
        self.tabs.setTabText(0, self.tr("Radar"))
        self.tabs.setTabText(1, self.tr("Impact × waarschijnlijkheid"))
        self.png_button.setText(self.tr("Als PNG opslaan…"))
        self.svg_button.setText(self.tr("Als SVG opslaan…"))
        self.briefing_button.setText(self.tr("Kwartaalbriefing exporteren…"))
        self.developments_title.setText(self.tr("Ontwikkelingen (bewijs per week)"))
        self.suggest_title.setText(self.tr("Voorstellen: kaarten die op elkaar lijken"))
        self.suggest_button.setText(self.tr("Voorstellen zoeken"))
        self.make_button.setText(self.tr("Gekozen voorstel als ontwikkeling…"))

    def refresh(self) -> None:
        language = ui_language()
        self.tasks.run(lambda: (self.kb.card_charts(language), {c.id: c.title for c in self.kb.cards.list_cards()},
                                self.kb.cards.developments()), self._loaded, what="radar")

    def _loaded(self, result) -> None:
        self.charts, titles, developments = result
        self.developments.clear()
        for d in developments:
            growth = ", ".join(f"{week[-3:]}: {count}" for week, count in d.weekly_evidence[-8:])
            item = QListWidgetItem(self.tr("%1 (%2 kaarten)").replace("%1", d.title).replace("%2", str(len(d.cards)))
                                   + (f"\n{growth}" if growth else ""))
            item.setToolTip(literal(d.description))
            item.setData(Qt.ItemDataRole.UserRole, d.cards[0].id if d.cards else 0)
            self.developments.addItem(item)
        if not developments:
            self.developments.addItem(QListWidgetItem(self.tr("Nog geen ontwikkelingen.")))
        radar, matrix = self.charts
        self.radar.show_chart(radar, titles)
        self.matrix.show_chart(matrix, titles)
        missing = sorted(set(radar.left_out) | set(matrix.left_out))
        self.left_out.setText(self.tr("Niet geplaatst (nog zonder thema, tijdshorizon, impact of waarschijnlijkheid): "
                                      "%1. Klik op een stip om de kaart te openen.").replace(
            "%1", ", ".join(f"#{n}" for n in missing)) if missing else self.tr(
            "Klik op een stip om de kaart te openen. De grootte van een stip is de impact; de kleur de soort."))
        self._suggest()

    def _development_opened(self, item: QListWidgetItem) -> None:
        card_id = item.data(Qt.ItemDataRole.UserRole)
        if card_id:
            self.open_card.emit(int(card_id))

    def _suggest(self) -> None:
        engine = self.workflows.engine
        if engine is None:
            return

        def found(suggestions) -> None:
            self.suggestions.clear()
            for s in suggestions or []:
                item = QListWidgetItem(self.tr("Deze %1 kaarten lijken één ontwikkeling: %2").replace(
                    "%1", str(len(s.card_ids))).replace("%2", "; ".join(
                        f"#{i} {t}" for i, t in zip(s.card_ids, s.titles, strict=True))))
                item.setData(Qt.ItemDataRole.UserRole, list(s.card_ids))
                self.suggestions.addItem(item)
            if suggestions is not None and not suggestions:
                self.suggestions.addItem(QListWidgetItem(self.tr("Geen voorstellen: nog geen kaarten die op elkaar "
                                                                 "lijken buiten een ontwikkeling.")))

        engine.call("suggest_developments", found, lambda exc: self.message.emit(user_message(exc)))

    def _make_development(self) -> None:
        item = self.suggestions.currentItem()
        card_ids = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not card_ids:
            self.message.emit(self.tr("Kies eerst een voorstel in de lijst."))
            return
        title, ok = QInputDialog.getText(self, self.tr("Nieuwe ontwikkeling"), self.tr("Titel van de ontwikkeling:"))
        if not ok or not title.strip():
            return
        def made(_development_id: int) -> None:
            self.message.emit(self.tr("Ontwikkeling ‘%1’ gemaakt.").replace("%1", title.strip()))
            self.refresh()

        self.tasks.run(lambda: self.kb.cards.new_development(title.strip(), card_ids=card_ids), made,
                       lambda exc: self.message.emit(user_message(exc)), what="new development")

    def _save(self, fmt: str) -> None:
        if self.charts is None:
            return
        chart = self.charts[self.tabs.currentIndex()]
        name = "radar" if self.tabs.currentIndex() == 0 else "matrix"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Opslaan als %1").replace("%1", fmt.upper()),
                                              str(Path.home() / f"{name}.{fmt}"), f"{fmt.upper()} (*.{fmt})")
        if not path:
            return

        def write() -> str:
            if fmt == "svg":
                Path(path).write_text(to_svg(chart), encoding="utf-8")
            else:
                Path(path).write_bytes(to_png(chart))
            return path

        self.tasks.run(write, lambda p: self.message.emit(self.tr("Opgeslagen: %1").replace("%1", p)),
                       lambda exc: self.message.emit(user_message(exc)), what="save chart")

    def _briefing(self) -> None:
        today = local_today()
        year, quarter = today.year, (today.month - 1) // 3 + 1
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Kwartaalbriefing exporteren"), str(Path.home() / f"kwartaalbriefing-{year}-Q{quarter}.docx"),
            "Word (*.docx);;PDF (*.pdf)")
        if not path:
            return
        fmt = "pdf" if path.lower().endswith(".pdf") or "PDF" in chosen else "docx"
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        language = ui_language()

        def write() -> str:
            return str(export_digest(self.kb.briefing(year, quarter, language), fmt, Path(path)))

        said = self.tr("Kwartaalbriefing opgeslagen in %1")
        self.tasks.run(write, lambda p: self.message.emit(said.replace("%1", p)),
                       lambda exc: self.message.emit(user_message(exc)), what="export briefing")
