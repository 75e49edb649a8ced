"""Meldingen: what called for attention (a watchlist organisation, a spike, a saved search or rule, an
indicator, new evidence for a watched card), newest first, unseen ones in bold; open one to go to its item or
card, which marks it seen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.style import relative_date
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import Alert, KnowledgeBase


class AlertsView(StoreView, Retranslating, QWidget):
    watches = frozenset({"alerts"})
    refresh_on_language_change = True

    message = Signal(str)
    open_item = Signal(int)
    open_card = Signal(int)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks = kb, tasks
        self.alerts: list[Alert] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(self.title, 1)
        self.seen_button = QPushButton()
        self.seen_button.clicked.connect(self._all_seen)
        top.addWidget(self.seen_button)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(self.hint)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._opened)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Meldingen"))
        self.seen_button.setText(self.tr("Alles gezien"))
        self.hint.setText(self.tr(
            "Na elke scan meldt Horizonscan wat aandacht vraagt: een organisatie van de volglijst in het nieuws, een "
            "piek bij een thema of naam, een bewaarde zoekopdracht of regel met nieuwe berichten, een indicator die "
            "beweegt, nieuw bewijs voor een kaart die je volgt. Hoogstens %1 per dag (Instellingen). Dubbelklik om "
            "te openen.").replace("%1", str(self.kb.settings.get("alerts_per_day", 10))))

    def refresh(self) -> None:
        self.tasks.run(lambda: self.kb.alerts.recent(limit=300), self._loaded, what="alerts")

    def _loaded(self, alerts: list[Alert]) -> None:
        self.alerts = alerts
        self.list.clear()
        kinds = {"card": self.tr("Kaart"), "indicator": self.tr("Indicator"), "actor": self.tr("Volglijst"),
                 "spike": self.tr("Piek"), "search": self.tr("Zoekopdracht"), "rule": self.tr("Regel")}
        for alert in alerts:
            when = relative_date(alert.created) if alert.created else ""
            item = QListWidgetItem(f"{kinds.get(alert.kind, alert.kind)} · {when}\n{alert.message}")
            item.setData(Qt.ItemDataRole.UserRole, alert.id)
            if not alert.seen:
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        if not alerts:
            self.list.addItem(QListWidgetItem(self.tr("Nog geen meldingen.")))
        self.seen_button.setEnabled(any(not a.seen for a in alerts))

    def _opened(self, item: QListWidgetItem) -> None:
        alert = next((a for a in self.alerts if a.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if alert is None:
            return
        self.tasks.run(lambda: self.kb.alerts.mark_seen([alert.id]), what="alert seen")
        if alert.card_id:
            self.open_card.emit(alert.card_id)
        elif alert.item_id:
            self.open_item.emit(alert.item_id)

    def _all_seen(self) -> None:
        self.tasks.run(lambda: self.kb.alerts.mark_seen(None), lambda _: self.refresh(), what="alerts seen")
