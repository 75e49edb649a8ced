"""The search bar: a query searched as you type (debounced), the search mode, and filter chips
for theme, source, period, language and state; the whole search can be saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget

from desktop.plain_text import literal
from desktop.style import no_mnemonic
from desktop.widgets.retranslating import Retranslating
from store.core.models import SearchFilters, Source, Theme
from store.core.timeutil import utcnow
from store.core.weeks import week_bounds, week_of

DEBOUNCE_MS = 300
PERIODS = ("week", "4weeks", "3months", "year")


@dataclass
class SearchState:
    query: str = ""
    mode: str = "hybrid"
    themes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    period: str = ""  # "" | week | 4weeks | 3months | year | YYYY-Www
    languages: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)

    def filters(self, now: datetime | None = None) -> SearchFilters:
        since, until = period_range(self.period, now)
        return SearchFilters(themes=list(self.themes), sources=list(self.sources), since=since, until=until,
                             languages=list(self.languages), states=list(self.states))

    def is_active(self) -> bool:
        return bool(self.query.strip() or self.themes or self.sources or self.period or self.languages
                    or self.states)


def period_range(period: str, now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
    now = now or utcnow()
    if period == "week":
        return week_bounds(*week_of(now))[0], None
    if period == "4weeks":
        return now - timedelta(weeks=4), None
    if period == "3months":
        return now - timedelta(days=91), None
    if period == "year":
        return now - timedelta(days=365), None
    if "-W" in period:
        year, week = period.split("-W")
        return week_bounds(int(year), int(week))
    return None, None


MAX_BUTTON_CHARS = 24  # a filter button's text: longer choices are cut with "…"


class SearchBar(Retranslating, QWidget):
    changed = Signal(object)  # SearchState
    save_requested = Signal(object)  # SearchState

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = SearchState()
        self.language = "nl"
        self._fills: dict[QToolButton, Callable[[QMenu], None]] = {}
        self._themes: list[Theme] = []
        self._sources: list[Source] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_now)
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(360)  # the field keeps its room when filters are chosen
        self.field.textEdited.connect(lambda _: self._timer.start())
        self.field.returnPressed.connect(self._emit_now)
        layout.addWidget(self.field, 1)
        self.mode_button = self._button(layout)
        self.theme_button = self._button(layout)
        self.source_button = self._button(layout)
        self.period_button = self._button(layout)
        self.language_button = self._button(layout)
        self.state_button = self._button(layout)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(self.clear_filters)
        layout.addWidget(self.clear_button)
        self.save_button = QToolButton()
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.state))
        layout.addWidget(self.save_button)
        self.retranslate()

    @staticmethod
    def _button(layout: QHBoxLayout) -> QToolButton:
        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(button)
        return button

    # -- configuration --------------------------------------------------------------------------------
    def set_choices(self, themes: list[Theme], sources: list[Source], language: str) -> None:
        self._themes, self._sources, self.language = themes, sources, language
        self._rebuild_menus()

    def set_state(self, state: SearchState, emit: bool = True) -> None:
        self.state = state
        self.field.setText(state.query)
        self._rebuild_menus()
        if emit:
            self.changed.emit(self.state)

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def clear_filters(self) -> None:
        self.set_state(SearchState(query=self.state.query, mode=self.state.mode))

    def _emit_now(self) -> None:
        self._timer.stop()
        self.state.query = self.field.text()
        self._rebuild_menus()
        self.changed.emit(self.state)

    # -- menus -------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Zoek in alle bronnen…  (/)"))
        self.clear_button.setText(self.tr("× Filters wissen"))
        self.clear_button.setToolTip(self.tr("Alle filters wissen"))
        self.save_button.setText(self.tr("Bewaren"))
        self.save_button.setToolTip(self.tr("Deze zoekopdracht met filters bewaren in de zijbalk"))
        self._rebuild_menus()

    def _rebuild_menus(self) -> None:
        s = self.state
        modes = {"hybrid": self.tr("hybride"), "keyword": self.tr("trefwoorden"), "semantic": self.tr("betekenis")}
        self._single(self.mode_button, self.tr("Zoeken: %1").replace("%1", modes[s.mode]), modes, s.mode,
                     lambda v: setattr(self.state, "mode", v))
        themes = {t.key: t.label(self.language) for t in self._themes}
        self._multi(self.theme_button, self.tr("Thema"), themes, s.themes)
        sources = {str(src.id): src.name for src in self._sources}
        self._multi(self.source_button, self.tr("Bron"), sources, s.sources)
        periods = {"": self.tr("Alles"), "week": self.tr("Deze week"), "4weeks": self.tr("Afgelopen 4 weken"),
                   "3months": self.tr("Afgelopen 3 maanden"), "year": self.tr("Afgelopen jaar")}
        if s.period and s.period not in periods:
            periods[s.period] = self.tr("Week %1").replace("%1", s.period)
        label = self.tr("Periode") if not s.period else self.tr("Periode: %1").replace("%1", periods[s.period])
        self._single(self.period_button, label, periods, s.period, lambda v: setattr(self.state, "period", v))
        languages = {"nl": self.tr("Nederlands"), "en": self.tr("Engels"), "pl": self.tr("Pools"),
                     "ro": self.tr("Roemeens")}
        self._multi(self.language_button, self.tr("Taal"), languages, s.languages)
        states = {"new": self.tr("Nieuw"), "read": self.tr("Gelezen"), "starred": self.tr("Met ster"),
                  "dismissed": self.tr("Afgewezen")}
        self._multi(self.state_button, self.tr("Status"), states, s.states)
        self.clear_button.setVisible(bool(s.themes or s.sources or s.period or s.languages or s.states))

    def _single(self, button: QToolButton, text: str, options: dict[str, str], current: str,
                setter: Callable[[str], None]) -> None:
        button.setText(no_mnemonic(text.removesuffix(" ▾")))  # the button draws its own arrow

        def fill(menu: QMenu) -> None:
            group = QActionGroup(menu)
            for value, label in options.items():
                action = QAction(no_mnemonic(label), menu, checkable=True, checked=value == current)
                action.triggered.connect(partial(self._choose, setter, value))
                group.addAction(action)
                menu.addAction(action)

        self._lazy_menu(button, fill)
        self._mark(button, bool(current) and button is not self.mode_button)

    def _multi(self, button: QToolButton, name: str, options: dict[str, str], chosen: list[str]) -> None:
        shown = [options.get(v, v) for v in chosen]
        text = name if not shown else f"{name}: {', '.join(shown[:2])}{'…' if len(shown) > 2 else ''}"
        if len(text) > MAX_BUTTON_CHARS:  # the full choice is in the tooltip and the menu
            text = text[: MAX_BUTTON_CHARS - 1].rstrip() + "…"
        button.setToolTip(literal(", ".join(shown)) if shown else "")  # source names come from feeds
        button.setText(no_mnemonic(text))

        def fill(menu: QMenu) -> None:
            for value, label in options.items():
                action = QAction(no_mnemonic(label), menu, checkable=True, checked=value in chosen)
                action.toggled.connect(partial(self._toggle_choice, chosen, value))
                menu.addAction(action)

        self._lazy_menu(button, fill)
        self._mark(button, bool(chosen))

    def _choose(self, setter: Callable[[str], None], value: str, _checked: bool = False) -> None:
        setter(value)
        self._emit_now()

    def _toggle_choice(self, chosen: list[str], value: str, on: bool) -> None:
        if on and value not in chosen:
            chosen.append(value)
        elif not on and value in chosen:
            chosen.remove(value)
        self._emit_now()

    def _fill_menu(self, button: QToolButton, menu: QMenu) -> None:
        menu.clear()
        self._fills[button](menu)

    def _lazy_menu(self, button: QToolButton, fill: Callable[[QMenu], None]) -> None:
        """The menu's entries are made when it opens (a list of 200 sources costs time on every refresh)."""
        self._fills[button] = fill
        if button.menu() is None:
            menu = QMenu(button)
            button.setMenu(menu)
            menu.aboutToShow.connect(partial(self._fill_menu, button, menu))

    @staticmethod
    def _mark(button: QToolButton, active: bool) -> None:
        font = button.font()
        font.setBold(active)
        button.setFont(font)
