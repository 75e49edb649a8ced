"""Signaalkaarten: the cards (made from the reader with C), each assessed in a form: the so-what for Brabant,
STEEP category, type, horizon, impact and likelihood with a motivation, status, owner, development; its
evidence (with sources and dates, more linked from "similar" suggestions), its history, and its citations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import literal, plain_label
from desktop.style import relative_date, ui_language
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import CARD_TYPES, CATEGORIES, HORIZONS, STATUSES, Card, KnowledgeBase, card_label

CHOICES = (("category", CATEGORIES), ("card_type", CARD_TYPES), ("horizon", HORIZONS), ("status", STATUSES))


class CardsView(StoreView, Retranslating, QWidget):
    watches = frozenset({"cards"})
    refresh_on_language_change = True

    message = Signal(str)
    open_item = Signal(int)
    open_place = Signal(object)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        self.cards: list[Card] = []
        self.card: Card | None = None
        self.actor_names: dict[int, str] = {}
        self.wanted: int | None = None  # a card to show once the list is loaded
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        top.addWidget(self.title, 1)
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(lambda _: self.refresh())
        top.addWidget(self.filter)
        self.radar_button = QPushButton()
        self.radar_button.clicked.connect(lambda: self._open("radar"))
        top.addWidget(self.radar_button)
        layout.addLayout(top)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(30)
        layout.addWidget(self.empty)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.split.addWidget(self.list)
        self.split.addWidget(self._editor())
        self.split.setSizes([330, 700])
        layout.addWidget(self.split, 1)
        self.retranslate()

    def _open(self, kind: str) -> None:
        from desktop.views.sidebar import Place

        self.open_place.emit(Place(kind))

    # -- the form ----------------------------------------------------------------------------------------
    def _editor(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        scroll.setWidget(body)
        outer = QVBoxLayout(body)
        form = QFormLayout()
        self.form = form
        self.edit_title = QLineEdit()
        self.edit_description = QPlainTextEdit()
        self.edit_description.setFixedHeight(70)
        self.edit_brabant = QPlainTextEdit()
        self.edit_brabant.setFixedHeight(52)
        self.combos = {name: QComboBox() for name, _ in CHOICES}
        self.impact, self.likelihood = QSpinBox(), QSpinBox()
        for spin in (self.impact, self.likelihood):
            spin.setRange(0, 5)  # 0: not assessed yet
        self.impact_why, self.likelihood_why = QLineEdit(), QLineEdit()
        self.owner = QLineEdit()
        self.development = QComboBox()
        self.labels: dict[str, QLabel] = {}

        def row(key: str, field: QWidget | QHBoxLayout) -> None:
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], field)

        row("title", self.edit_title)
        row("description", self.edit_description)
        row("brabant", self.edit_brabant)
        for name, _ in CHOICES:
            row(name, self.combos[name])
        for key, spin, why in (("impact", self.impact, self.impact_why),
                               ("likelihood", self.likelihood, self.likelihood_why)):
            line = QHBoxLayout()
            line.addWidget(spin)
            line.addWidget(why, 1)
            row(key, line)
        row("owner", self.owner)
        row("development", self.development)
        self.themes = plain_label(QLabel())
        self.themes.setWordWrap(True)
        row("themes", self.themes)
        outer.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        self.ris_button, self.csl_button = QPushButton(), QPushButton()
        self.ris_button.clicked.connect(lambda: self._cite("ris"))
        self.csl_button.clicked.connect(lambda: self._cite("csl"))
        buttons.addWidget(self.ris_button)
        buttons.addWidget(self.csl_button)
        outer.addLayout(buttons)
        self.evidence_label = QLabel()
        self.evidence_label.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.evidence_label)
        self.evidence = QListWidget()
        self.evidence.setMinimumHeight(90)
        self.evidence.setMaximumHeight(160)
        self.evidence.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.evidence.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.evidence.itemActivated.connect(lambda item: self.open_item.emit(int(item.data(Qt.ItemDataRole.UserRole))))
        outer.addWidget(self.evidence)
        similar_row = QHBoxLayout()
        self.similar_button = QPushButton()
        self.similar_button.clicked.connect(self._find_similar)
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self._link_similar)
        similar_row.addWidget(self.similar_button)
        similar_row.addWidget(self.link_button)
        similar_row.addStretch(1)
        outer.addLayout(similar_row)
        self.similar = QListWidget()
        self.similar.setMaximumHeight(120)
        self.similar.hide()
        outer.addWidget(self.similar)
        self.history_label = QLabel()
        self.history_label.setStyleSheet("font-weight: bold;")
        outer.addWidget(self.history_label)
        self.history = QListWidget()
        self.history.setMinimumHeight(140)
        self.history.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.history)
        return scroll

    def retranslate(self) -> None:
        language = ui_language()
        self.title.setText(self.tr("Signaalkaarten"))
        self.radar_button.setText(self.tr("Radar en matrix"))
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("Alle open kaarten"), "")
        for key in STATUSES:
            self.filter.addItem(card_label(STATUSES, key, language), key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        for name, table in CHOICES:
            combo = self.combos[name]
            chosen = combo.currentData()
            combo.clear()
            if name != "status":
                combo.addItem(self.tr("(nog niet gekozen)"), "")
            for key in table:
                combo.addItem(card_label(table, key, language), key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        words = {"title": self.tr("Titel"), "description": self.tr("Beschrijving"),
                 "brabant": self.tr("Wat betekent dit voor Brabant?"), "category": self.tr("Categorie (STEEP)"),
                 "card_type": self.tr("Soort"), "horizon": self.tr("Tijdshorizon"), "status": self.tr("Status"),
                 "impact": self.tr("Impact (1-5)"), "likelihood": self.tr("Waarschijnlijkheid (1-5)"),
                 "owner": self.tr("Eigenaar"), "development": self.tr("Ontwikkeling"),
                 "themes": self.tr("Thema's en namen")}
        for key, text in words.items():
            self.labels[key].setText(text)
        for spin in (self.impact, self.likelihood):
            spin.setSpecialValueText(self.tr("–"))
        self.impact_why.setPlaceholderText(self.tr("waarom deze impact, in één regel"))
        self.likelihood_why.setPlaceholderText(self.tr("waarom deze waarschijnlijkheid, in één regel"))
        self.save_button.setText(self.tr("Kaart bewaren"))
        self.ris_button.setText(self.tr("Bronnen als RIS…"))
        self.csl_button.setText(self.tr("Bronnen als CSL-JSON…"))
        self.ris_button.setToolTip(self.tr("Het bewijs van deze kaart voor Zotero of een ander literatuurprogramma"))
        self.evidence_label.setText(self.tr("Bewijs (dubbelklik om te lezen)"))
        self.similar_button.setText(self.tr("Vergelijkbare berichten zoeken"))
        self.link_button.setText(self.tr("Gekozen berichten koppelen"))
        self.history_label.setText(self.tr("Geschiedenis"))
        self.empty.setText(self.tr(
            "Nog geen signaalkaarten. Open een bericht of verhaal en druk op C (of kies ‘Signaalkaart maken’ in het "
            "menu van de rechtermuisknop): de kaart krijgt de titel, de thema's, de namen van de volglijst en het "
            "bewijs al mee. Beoordeel hem hier, groepeer kaarten tot ontwikkelingen en bekijk ze op de radar."))

    # -- data -------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        status = self.filter.currentData() or None
        self.tasks.run(lambda: (self.kb.cards.list_cards(status), self.kb.cards.developments(),
                                {a.id: a.name for a in self.kb.watchlist.list_actors()}), self._loaded,
                       what="signal cards")

    def show_key(self, key: str) -> None:
        """Opened from the sidebar (no key) or for one card (its id)."""
        if key.isdigit():
            self.show_card(int(key))
        else:
            self.refresh()

    def show_card(self, card_id: int) -> None:
        """Show one card (after it was made, or from the radar or an alert)."""
        self.wanted = card_id
        if self.filter.currentIndex() != 0:
            self.filter.setCurrentIndex(0)  # refreshes
        else:
            self.refresh()

    def _loaded(self, result) -> None:
        self.cards, developments, self.actor_names = result
        self.development.blockSignals(True)
        self.development.clear()
        self.development.addItem(self.tr("(geen)"), 0)
        for d in developments:
            self.development.addItem(d.title, d.id)
        self.development.blockSignals(False)
        keep = self.wanted or (self.card.id if self.card else None)
        self.wanted = None
        self.list.blockSignals(True)
        self.list.clear()
        language = ui_language()
        for card in self.cards:
            item = QListWidgetItem(f"#{card.id} {card.title}")
            item.setToolTip(literal(f"{card_label(STATUSES, card.status, language)} · {len(card.evidence)} "
                                    + self.tr("berichten als bewijs")))
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        has = bool(self.cards) or bool(self.filter.currentData())
        self.empty.setVisible(not has)
        self.split.setVisible(has)
        row = next((n for n, c in enumerate(self.cards) if c.id == keep), 0)
        if self.cards:
            self.list.setCurrentRow(row)
            self._chosen(self.list.item(row))
        else:
            self.card = None

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        card = next((c for c in self.cards if c.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if card is None:
            return
        self.card = card
        self.edit_title.setText(card.title)
        self.edit_title.setCursorPosition(0)
        self.edit_description.setPlainText(card.description)
        self.edit_brabant.setPlainText(card.brabant)
        for name, _ in CHOICES:
            combo = self.combos[name]
            combo.setCurrentIndex(max(0, combo.findData(getattr(card, name) or "")))
        self.impact.setValue(card.impact or 0)
        self.likelihood.setValue(card.likelihood or 0)
        self.impact_why.setText(card.impact_why)
        self.likelihood_why.setText(card.likelihood_why)
        self.owner.setText(card.owner)
        self.development.setCurrentIndex(max(0, self.development.findData(card.development_id or 0)))
        names = [self.actor_names.get(a, "") for a in card.actors]
        actors = ", ".join(n for n in names if n)
        self.themes.setText((", ".join(card.themes) or self.tr("(geen)"))
                            + (self.tr(" · volglijst: %1").replace("%1", actors) if actors else ""))
        self.evidence.clear()
        for e in card.evidence:
            when = relative_date(e.published) if e.published else "?"
            line = QListWidgetItem(f"{e.title} · {e.outlet} · {when}")
            line.setToolTip(literal(self.tr("%1\nGezien: %2").replace("%1", e.url).replace(
                "%2", relative_date(e.seen) if e.seen else "?")))
            line.setData(Qt.ItemDataRole.UserRole, e.item_id)
            self.evidence.addItem(line)
        self.history.clear()
        for change in reversed(card.history):
            self.history.addItem(QListWidgetItem(self._change_text(change)))
        self.similar.clear()
        self.similar.hide()

    def _change_text(self, change) -> str:
        """"vandaag 14:05 · anna: impact: – → 4", in words, with the labels of stored keys."""
        when = relative_date(change.at) if change.at else ""
        return f"{when} · {change.who}: {change.words(ui_language())}"

    # -- actions ----------------------------------------------------------------------------------------
    def _save(self) -> None:
        card = self.card
        if card is None:
            return
        fields: dict[str, object] = {
            "title": self.edit_title.text().strip() or card.title,
            "description": self.edit_description.toPlainText().strip(),
            "brabant": self.edit_brabant.toPlainText().strip(),
            "impact": self.impact.value() or None, "likelihood": self.likelihood.value() or None,
            "impact_why": self.impact_why.text().strip(), "likelihood_why": self.likelihood_why.text().strip(),
            "owner": self.owner.text().strip(), "development_id": self.development.currentData() or None}
        for name, _ in CHOICES:
            fields[name] = self.combos[name].currentData() or None

        def saved(result: Card) -> None:
            self.message.emit(self.tr("Kaart #%1 bewaard.").replace("%1", str(result.id)))
            self.show_card(result.id)

        self.tasks.run(lambda: self.kb.cards.update(card.id, based_on=card.version, **fields), saved,
                       lambda exc: self.message.emit(user_message(exc)), what="save card")

    def _cite(self, fmt: str) -> None:
        card = self.card
        if card is None:
            return
        suffix, name = (".ris", "RIS") if fmt == "ris" else (".json", "CSL-JSON")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Bronnen opslaan als %1").replace("%1", name),
                                              str(Path.home() / f"kaart-{card.id}{suffix}"), f"{name} (*{suffix})")
        if not path:
            return

        def write() -> str:
            Path(path).write_text(self.kb.cards.citations([card.id], fmt), encoding="utf-8", newline="")
            return path

        self.tasks.run(write, lambda p: self.message.emit(self.tr("Bronnen opgeslagen in %1").replace("%1", p)),
                       lambda exc: self.message.emit(user_message(exc)), what="cite")

    def _find_similar(self) -> None:
        card, engine = self.card, self.workflows.engine
        if card is None or engine is None:
            return
        self.similar_button.setEnabled(False)

        def found(summaries) -> None:
            self.similar_button.setEnabled(True)
            self.similar.clear()
            for s in summaries or []:
                item = QListWidgetItem(f"{s.title} · {s.source}")
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.similar.addItem(item)
            if summaries is None:
                self.message.emit(self.tr("Het taalmodel wordt nog geladen; probeer het zo opnieuw."))
            self.similar.setVisible(bool(summaries))

        def failed(exc: BaseException) -> None:
            self.similar_button.setEnabled(True)
            self.message.emit(user_message(exc))

        engine.call("similar_for_card", found, failed, card_id=card.id)

    def _link_similar(self) -> None:
        card = self.card
        chosen = [int(self.similar.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.similar.count())
                  if self.similar.item(n).checkState() == Qt.CheckState.Checked]
        if card is None or not chosen:
            return
        def linked(count: int) -> None:
            self.message.emit(self.tr("%1 berichten als bewijs gekoppeld.").replace("%1", str(count)))
            self.show_card(card.id)

        self.tasks.run(lambda: self.kb.cards.link(card.id, chosen), linked, what="link evidence")
