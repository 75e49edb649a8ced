"""The main window: sidebar, item list and reader, with the managers as pages of one window."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMainWindow, QSplitter, QStackedWidget, QToolButton, QWidget

from desktop.error_text import user_message
from desktop.i18n import Translations
from desktop.item_delegate import ItemDelegate
from desktop.item_model import IdRole, ItemListModel
from desktop.style import relative_date
from desktop.tasks import TaskManager
from desktop.views.alerts_view import AlertsView
from desktop.views.cards_view import CardsView
from desktop.views.digest_view import DigestView
from desktop.views.help_view import HelpView
from desktop.views.item_list import ItemListPanel, ItemListView
from desktop.views.radar_view import RadarView
from desktop.views.reader import ReaderPane
from desktop.views.search_bar import SearchBar, SearchState
from desktop.views.settings_view import SettingsView
from desktop.views.sidebar import Place, Sidebar
from desktop.views.sources_view import SourcesView
from desktop.views.status_panel import StatusPanel
from desktop.views.themes_view import ThemesView
from desktop.views.trends_view import TrendsView
from desktop.views.watchlist_view import WatchlistView
from desktop.views.welcome_view import WelcomeView
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import APP, ENGINE, StoreView
from desktop.workflows import Workflows
from store import KnowledgeBase, LastScan, TeamServerError, nothing_found_hints, parse_query
from store.core.changes import Changes
from store.core.models import SearchFilters
from store.core.numbers import decimal

if TYPE_CHECKING:
    from desktop.engine_client import EngineClient

log = logging.getLogger(__name__)
SEARCH_LIMIT = 500
FIRST_ROWS = 100  # a search shows this many rows at once; the rest of its 500 follow when typing pauses
MORE_AFTER_MS = 400
SNIPPET_ROWS = 40  # rows whose snippet comes with the results; the rest follow, SNIPPET_CHUNK rows per call
SNIPPET_CHUNK = 60
TEAM_RETRY_MS = 20_000  # how often a desktop looks whether the team server is back
# changes after which the sidebar and the filter choices are loaded afresh (others only update counts)
CHROME_KINDS = ("digests", "sources", "watchlist", "searches", "rules")
LIST_PLACES = ("new", "starred", "theme", "actor", "source", "saved")


class MainWindow(Retranslating, QMainWindow):
    store_changed = Signal(object, str)  # Changes, and who made them: APP (this window's worker) or ENGINE

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, translations: Translations) -> None:
        super().__init__()
        self.kb = kb
        self.tasks = tasks
        self.translations = translations
        self.language = translations.language
        self.place = Place("new")
        self.search_state = SearchState()
        self._themes: list = []
        self._sources: list = []
        self._list_generation = 0
        self._pending_select: int | None = None
        self._unread = 0  # new stories, shown in the window title
        self.engine: EngineClient | None = None
        self.model_ready = False
        self.workflows = Workflows(self)
        self._build()
        self._shortcuts()
        self.tasks.error.connect(self._task_failed)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(8000)
        self._suggest_timer.timeout.connect(lambda: self.workflows.refresh_suggestions())
        self._team_retry = QTimer(self)  # team mode: while the server is away, look again now and then
        self._team_retry.timeout.connect(self.refresh_team)
        self._auto_scan = QTimer(self)
        self._auto_scan.timeout.connect(lambda: self.workflows.scan(due_only=True, automatic=True))
        self.apply_scan_interval()
        self.retranslate()
        self.restore_geometry()

    # -- building ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.setMinimumSize(980, 620)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 6, 6, 6)
        self.scan_button = QToolButton()
        self.scan_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.scan_button.clicked.connect(lambda: self.workflows.scan())
        top_layout.addWidget(self.scan_button)
        self.search_bar = SearchBar()
        self.search_bar.changed.connect(self._search_changed)
        self.search_bar.save_requested.connect(self._save_search)
        top_layout.addWidget(self.search_bar, 1)
        self.help_button = QToolButton()
        self.help_button.clicked.connect(lambda: self.open_place(Place("help")))
        top_layout.addWidget(self.help_button)
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(top)

        self.sidebar = Sidebar()
        self.sidebar.setMinimumWidth(230)  # theme names readable at 1024 px too
        self.sidebar.place_chosen.connect(self.go)
        self.sidebar.delete_saved_search.connect(self._delete_saved_search)
        self.model = ItemListModel(self.kb, self.tasks, self.language)
        self.delegate = ItemDelegate()
        self.list_view = ItemListView(self.model, self.delegate)
        self.list_view.current_item.connect(self._item_chosen)
        self.list_view.action.connect(self.triage)
        self.list_panel = ItemListPanel(self.list_view)
        self.list_panel.fix_requested.connect(self._apply_search_fix)
        self.list_panel.mark_all_requested.connect(self.mark_all_read)
        self.list_panel.undo_requested.connect(self.undo_mark_all_read)
        self._undo_read: list[int] = []
        self.reader = ReaderPane(self.kb, self.tasks)
        self.reader.language = self.language
        self.store_changed.connect(self.reader.on_store_changed)
        self.reader.open_item.connect(self.open_item)
        self.reader.triage_requested.connect(self._reader_triage)
        self.reader.message.connect(self._say)
        self.reader.themes_decided.connect(self.themes_decided)
        browse_page = QSplitter(Qt.Orientation.Horizontal)
        browse_page.addWidget(self.list_panel)
        browse_page.addWidget(self.reader)
        browse_page.setStretchFactor(0, 5)
        browse_page.setStretchFactor(1, 6)
        browse_page.setSizes([520, 620])
        self.browse_page = browse_page

        self.pages = QStackedWidget()
        self.pages.addWidget(browse_page)
        self.help_view = HelpView()
        self._tray: Any = None  # a system tray icon (QSystemTrayIcon), made for the first notification
        self.views: dict[str, QWidget] = {
            "sources": SourcesView(self.kb, self.tasks, self.workflows),
            "themes": ThemesView(self.kb, self.tasks),
            "watchlist": WatchlistView(self.kb, self.tasks),
            "trends": TrendsView(self.kb, self.tasks),
            "settings": SettingsView(self.kb, self.tasks, self.workflows),
            "digest": DigestView(self.kb, self.tasks, self.workflows),
            "cards": CardsView(self.kb, self.tasks, self.workflows),
            "radar": RadarView(self.kb, self.tasks, self.workflows),
            "alerts": AlertsView(self.kb, self.tasks),
            "welcome": WelcomeView(self.workflows),
            "help": self.help_view,
        }
        for view in self.views.values():
            self.pages.addWidget(view)
            if isinstance(view, StoreView):
                self.store_changed.connect(view.on_store_changed)
            if hasattr(view, "message"):
                view.message.connect(self._say)
            if hasattr(view, "open_place"):
                view.open_place.connect(self.open_place)
            if hasattr(view, "open_item"):
                view.open_item.connect(self.open_item)
            if hasattr(view, "open_card"):
                view.open_card.connect(self.open_card)
            if hasattr(view, "open_search"):
                view.open_search.connect(self._open_theme_week)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 1150])
        self.setCentralWidget(self.splitter)
        self.status = StatusPanel()
        self.setStatusBar(self.status)

    def _shortcuts(self) -> None:
        def key(sequence: str, handler: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(handler)

        key("Shift+M", self.mark_all_read)
        key("Ctrl+Z", self.undo_mark_all_read)
        key("J", lambda: self._triage_key("next"))
        key("K", lambda: self._triage_key("previous"))
        key("S", lambda: self._triage_key("star"))
        key("D", lambda: self._triage_key("dismiss"))
        key("M", lambda: self._triage_key("toggle_read"))
        key("O", lambda: self._triage_key("open"))
        key("/", self.search_bar.focus)
        key("Ctrl+F", self.search_bar.focus)
        key("Ctrl+D", lambda: self._triage_key("digest"))
        key("C", lambda: self._triage_key("card"))
        key("Ctrl+R", lambda: self.workflows.scan())
        key("F5", self._scan_if_possible)
        key("F1", lambda: self.open_place(Place("help")))
        for number in range(1, 9):
            key(str(number), partial(self._triage_key, f"number:{number}"))

    def retranslate(self) -> None:
        self._update_title()
        self.scan_button.setText(self.tr("⟳ Scannen"))
        self._update_toolbar()
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Sneltoetsen en uitleg (F1)"))

    # -- start-up ----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Fill the window (in the worker), start the engine process and let it warm up the model."""
        from desktop.engine_client import EngineClient

        self.engine = EngineClient(str(self.kb.data_dir), self.tasks, self.kb.server, self.kb.person)
        self.engine.changes.connect(self._engine_changed)
        self._stop_listening = self.kb.on_change(self._committed)
        self.store_changed.connect(self._store_changed)
        self.engine.restarted.connect(self.workflows.warm_up)
        self.reader.engine = self.engine
        self.refresh_chrome(first=True)
        self.workflows.warm_up()
        if self.kb.is_team:  # hear what colleagues and the team's scanner change
            self.tasks.run(self.kb.listen, lambda _: self.refresh_team(), what="listen to the team server")

    def shutdown(self) -> None:
        """Stop the engine and the workers (running jobs stop at their next step, keeping their work)."""
        self.reader.save_note()
        stop_listening = getattr(self, "_stop_listening", None)
        if stop_listening is not None:
            stop_listening()
        engine = getattr(self, "engine", None)
        if engine is not None:
            engine.stop()
        self.tasks.shutdown()

    def refresh_chrome(self, first: bool = False) -> None:
        """Reload the sidebar, the filter choices and the theme colours."""
        language = self.language

        def load():
            kb = self.kb
            return (kb.themes(), kb.lists.list_saved_searches(), kb.watchlist.list_actors(),
                    kb.digests.list_digests(), kb.sources.list_sources(), kb.lists.sidebar_counts(), kb.items.count(),
                    kb.items.tag_counts(), kb.sources.list_sources(include_local=True))

        def loaded(result) -> None:
            themes, searches, actors, digest_list, sources, counts, items, tags, all_sources = result
            self._themes, self._sources = themes, sources
            positions = {t.key: t.position for t in themes}
            self.delegate.theme_positions = positions
            self.list_view.theme_keys = [(t.key, t.label(language)) for t in themes]
            self.help_view.set_themes([t.label(language) for t in themes])
            self.reader.set_themes(positions, {t.key: t.label(language) for t in themes})
            self.reader.set_tag_completions([name for name, _ in tags])
            self.sidebar.populate(themes, searches, actors, digest_list, sources, counts, language)
            self._update_title(counts.new)
            self._update_toolbar(items, bool(sources))
            self.search_bar.set_choices(themes, all_sources, language)  # also imports and the example data
            self.list_view.viewport().update()
            if first:
                if not items and not sources:
                    self.show_view("welcome")
                else:
                    self.go(self.place)

        self.tasks.run(load, loaded, what="load sidebar")

    def refresh_counts(self) -> None:
        self.tasks.run(lambda: self.kb.lists.sidebar_counts(), self._counts_loaded,
                       what="count unread items")

    def _counts_loaded(self, counts) -> None:
        self.sidebar.update_counts(counts)
        self._update_title(counts.new)

    def _scan_if_possible(self) -> None:
        if self.scan_button.isEnabled():  # without sources F5 does what the button does: nothing, and says why
            self.workflows.scan()
        else:
            self.status.say(self.scan_button.toolTip())

    def refresh_team(self) -> None:
        """Team mode: the status line names the person and the team's last scan (the server scans, not this
        computer)."""
        if not self.kb.is_team:
            return

        def shown(last: LastScan | None) -> None:
            if self._team_retry.isActive():  # the server is back: send what was kept, show everything afresh
                self._team_retry.stop()
                self.tasks.run(self.kb.send_kept_notes, self._kept_notes_sent, what="send kept notes")
                self.refresh_chrome()
            when = relative_date(last.finished or last.started) if last else ""
            text = (self.tr("Team: %1 · laatste teamscan %2 (%3 nieuw)").replace("%1", self.kb.person or "")
                    .replace("%2", when).replace("%3", str(last.items_new)) if last else
                    self.tr("Team: %1 · nog geen teamscan").replace("%1", self.kb.person or ""))
            self.status.set_team(text)
            self._update_toolbar()

        self.tasks.run(self.kb.scans.last_run, shown, lambda exc: self._team_unreachable(exc),
                       what="last team scan")

    def _team_unreachable(self, exc: BaseException) -> None:
        self.status.set_team(self.tr("Teamserver niet bereikbaar: je ziet wat er al stond"), reachable=False)
        self.status.say(user_message(exc), 15)
        if not self._team_retry.isActive():
            self._team_retry.start(TEAM_RETRY_MS)

    def _kept_notes_sent(self, result: tuple[int, list]) -> None:
        saved, conflicts = result
        if conflicts:
            self.status.say(self.tr("Notities van toen de server weg was zijn bewaard; bij %1 had iemand anders de "
                                    "notitie intussen gewijzigd: beide teksten staan er nu onder elkaar.")
                            .replace("%1", str(len(conflicts))), 20)
        elif saved:
            self.status.say(self.tr("De server is terug: %1 bewaarde notitie(s) opgeslagen.").replace("%1", str(saved)))

    def _update_toolbar(self, items: int | None = None, has_sources: bool | None = None) -> None:
        """Scanning needs sources and searching needs items: without them the buttons say so instead of acting."""
        if items is not None:
            self._has_items = items > 0
        if has_sources is not None:
            self._has_sources = has_sources
        has_items, with_sources = getattr(self, "_has_items", True), getattr(self, "_has_sources", True)
        if self.kb.is_team:  # one scanner for the team, on the server
            self.scan_button.setEnabled(False)
            self.scan_button.setToolTip(self.tr("In teammodus scant de server voor het hele team; deze computer "
                                                "scant niet zelf. De statusbalk toont de laatste teamscan."))
        else:
            self.scan_button.setEnabled(with_sources)
            self.scan_button.setToolTip(self.tr("Alle bronnen nu ophalen (F5)") if with_sources else
                                        self.tr("Nog geen bronnen om te scannen: voeg ze toe onder Bronnen."))
        self.search_bar.setEnabled(has_items or self.search_state.is_active())
        self.search_bar.setToolTip("" if has_items else
                                   self.tr("Nog geen berichten om te doorzoeken: scan eerst of laad de voorbeelddata."))

    def _update_title(self, unread: int | None = None) -> None:
        """"(12) Horizonscan – Arbeidsmigratie": what is new shows in the taskbar too."""
        if unread is not None:
            self._unread = unread
        title = self.tr("Horizonscan – Arbeidsmigratie")
        self.setWindowTitle(f"({self._unread}) {title}" if self._unread else title)

    # -- navigation ---------------------------------------------------------------------------------------
    def notify_alerts(self, alerts: list) -> None:
        """New alerts after a scan: a desktop notification (tray) where the system has one; the scan's line in
        the status bar and the sidebar's Meldingen count show them too."""
        first = alerts[0].message
        text = first if len(alerts) == 1 else self.tr("%1 nieuwe meldingen, o.a.: %2").replace(
            "%1", str(len(alerts))).replace("%2", first)
        from PySide6.QtWidgets import QSystemTrayIcon

        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
                self._tray.messageClicked.connect(lambda: self.open_place(Place("alerts")))
                self._tray.show()
            self._tray.showMessage(self.tr("Horizonscan: meldingen"), text, QSystemTrayIcon.MessageIcon.Information,
                                   10_000)

    def open_card(self, card_id: int) -> None:
        """Show a signal card in Signaalkaarten."""
        self.open_place(Place("cards", str(card_id)))

    def make_card(self, ids: list[int]) -> None:
        """A signal card from the chosen items (and their stories), prefilled; then open it to assess it."""
        def made(card) -> None:
            self.status.say(self.tr("Signaalkaart #%1 gemaakt; beoordeel hem in Signaalkaarten.").replace(
                "%1", str(card.id)))
            self.refresh_chrome()
            self.open_card(card.id)

        self.tasks.run(lambda: self.kb.cards.create(ids), made, lambda exc: self.status.say(user_message(exc), 20),
                       what="make card")

    def show_check(self, text: str) -> None:
        """The outcome of a sources check, in Bronnen."""
        self.views["sources"].show_check(text)  # type: ignore[attr-defined]

    def open_place(self, place: Place) -> None:
        self.sidebar.select(place)
        self.go(place)

    def reload_list(self, only_inbox: bool = False) -> None:
        """Show the current list afresh (after a scan, or once ranking is ready), unless a search or another
        view is up; with `only_inbox`, only when the list is the inbox."""
        if only_inbox and self.place.kind != "new":
            return
        if self.pages.currentWidget() is self.browse_page and not self.search_state.is_active():
            self.go(self.place)

    def go(self, place: Place) -> None:
        """Show a list (inbox, a theme...) or a view (sources, trends...)."""
        self.place = place
        self.list_panel.clear_undo()
        if place.kind == "digest" or place.kind in self.views:
            name = "digest" if place.kind == "digest" else place.kind
            self.show_view(name, place.key)
            return
        if self.search_state.is_active():
            self.search_bar.set_state(SearchState(mode=self.search_state.mode), emit=False)
            self.search_state = self.search_bar.state
        self.pages.setCurrentWidget(self.browse_page)
        self._load_place(place)

    def show_view(self, name: str, key: str = "") -> None:
        view = self.views[name]
        self.pages.setCurrentWidget(view)
        if hasattr(view, "show_key"):
            view.show_key(key)
        elif hasattr(view, "refresh"):
            view.refresh()

    def _load_place(self, place: Place) -> None:
        kb = self.kb
        loaders: dict[str, Callable[[], tuple[list[int], dict[int, str]]]] = {
            "new": self._inbox,
            "starred": lambda: (kb.lists.starred_ids(), {}),
            "theme": lambda: (kb.lists.theme_ids(place.key), {}),
            "actor": lambda: (kb.lists.actor_ids(int(place.key)), {}),
            "source": lambda: (kb.lists.source_ids(int(place.key)), {}),
        }
        if place.kind == "saved":
            saved = next((s for s in kb.lists.list_saved_searches() if str(s.id) == place.key), None)
            if saved is not None:
                self.search_bar.set_state(SearchState(saved.query, saved.mode, list(saved.filters.themes),
                                                      list(saved.filters.sources), "", list(saved.filters.languages),
                                                      list(saved.filters.states)))
            return
        loader = loaders.get(place.kind, loaders["new"])
        self._list_generation += 1
        generation = self._list_generation
        self.tasks.run(loader, lambda result: self._show_ids(place, generation, *result), what="load list")

    def _inbox(self) -> tuple[list[int], dict[int, str]]:
        """New items: this week's stories by signal score first, then older new items, newest first."""
        new = self.kb.lists.new_ids()
        if not new:
            return new, {}

        ranked = self.kb.signals.rank_recent(self.kb.stored_vectors(), 7, self.language, limit=1000)
        new_set = set(new)
        top = [r for r in ranked if r.item.id in new_set]
        top_ids = {r.item.id for r in top}
        order = [r.item.id for r in top] + [i for i in new if i not in top_ids]
        return order, {r.item.id: f"{decimal(r.score, self.language)} · {r.explanation}" for r in top}

    def _show_ids(self, place: Place, generation: int, ids: list[int], explanations: dict[int, str]) -> None:
        if generation != self._list_generation:
            return
        self.model.set_ids(ids, explanations=explanations)
        header = ""
        if place.kind == "new" and explanations:
            header = self.tr("Nieuw: %1 berichten; de laatste 7 dagen op signaalsterkte (▲)").replace(
                "%1", str(len(ids)))
        if ids:
            self.list_panel.show_list(header)
            if self._pending_select is not None and self.list_view.select_id(self._pending_select):
                self._pending_select = None
            else:
                self.list_view.move_current(0)
        else:
            self.list_panel.show_empty(self._empty_text(place))
            self.reader.show_empty(self.tr("Geen bericht om te tonen."))

    def _empty_text(self, place: Place) -> str:
        if place.kind == "new":
            return self.tr("Niets nieuws. Scan de bronnen (F5) of bekijk een thema in de zijbalk.")
        if place.kind == "starred":
            return self.tr("Nog geen berichten met een ster. Geef een bericht een ster met s.")
        if place.kind == "theme":
            return self.tr("Nog geen berichten met dit thema. Geef berichten een thema met de cijfertoetsen 1-8.")
        return self.tr("Geen berichten.")

    def open_item(self, item_id: int) -> None:
        """Show an item: select it in the list if it is there, else just in the reader."""
        self.pages.setCurrentWidget(self.browse_page)
        if not self.list_view.select_id(item_id):
            self.list_view.forget_current()  # the list's highlight must not point at another item
            self.reader.show_item(item_id)

    # -- search -------------------------------------------------------------------------------------------
    def _apply_search_fix(self, code: str) -> None:
        """A button of the 'nothing found' page: search by words and meaning, or drop the filters."""
        state = self.search_state
        if code in ("semantic_on", "keyword_on"):
            fixed = dataclasses.replace(state, mode="hybrid")
        elif code == "fewer_filters":
            fixed = SearchState(query=state.query, mode=state.mode)
        else:
            return
        self.search_bar.set_state(fixed)

    def _search_changed(self, state: SearchState) -> None:
        self.search_state = state
        self.pages.setCurrentWidget(self.browse_page)
        self.sidebar.show_searching(state.is_active())
        if not state.is_active():
            self._load_place(self.place)
            return
        self._list_generation += 1
        generation = self._list_generation
        filters = state.filters()
        language = self.language

        def done(result) -> None:
            if generation != self._list_generation:
                return
            if isinstance(result, list):
                shown = result
                self.model.set_ids(shown)
                header = self.tr("%1 berichten met deze filters").replace("%1", str(len(shown)))
            else:
                shown = [h.item.id for h in result.hits]
                self.model.set_ids(shown, snippets={h.item.id: h.snippet for h in result.hits[:SNIPPET_ROWS]},
                                   summaries={h.item.id: h.item for h in result.hits})
                self._fill_snippets(generation, state.query, shown[SNIPPET_ROWS:])
                more = len(shown) >= FIRST_ROWS
                header = self._results_header(len(shown), state.query, result.notice, more)
                if more:  # the rest of the list once typing pauses (a new search before then cancels it)
                    QTimer.singleShot(MORE_AFTER_MS, lambda: self._search_more(generation, state, result.notice))
            if shown:
                self.list_panel.show_list(header)
                self.list_view.move_current(0)
            elif state.query.strip():
                filtered = filters != SearchFilters()
                self.list_panel.show_empty(
                    self.tr("Niets gevonden voor “%1”: geen bericht past goed genoeg.").replace("%1", state.query),
                    self.tr("0 resultaten voor “%1”").replace("%1", state.query),
                    nothing_found_hints(state.query, state.mode, filtered))
                self.reader.show_empty(self.tr("Geen bericht om te tonen."))
            else:
                self.list_panel.show_empty(self.tr("Geen berichten met deze filters."), "", ["fewer_filters"])
                self.reader.show_empty(self.tr("Geen bericht om te tonen."))

        def failed(exc: BaseException) -> None:
            if generation == self._list_generation:
                self.list_panel.show_empty(user_message(exc))

        if state.query.strip():  # words: the engine ranks them (keyword and meaning)
            assert self.engine is not None, "start() runs before any search"
            self.engine.call("search", done, failed, query=state.query, mode=state.mode, filters=filters,
                             limit=FIRST_ROWS, language=language, snippet_rows=SNIPPET_ROWS)
        else:
            self.tasks.run(lambda: self.kb.lists.filtered_ids(filters), done, failed, what="filter")

    def _results_header(self, count: int, query: str, notice: str, more: bool) -> str:
        text = self.tr("%1+ resultaten voor “%2”") if more else self.tr("%1 resultaten voor “%2”")
        header = text.replace("%1", str(count)).replace("%2", query)
        if notice:
            header += " — " + self.tr("het taalmodel laadt nog: alleen resultaten op trefwoord")
        return header

    def _search_more(self, generation: int, state: SearchState, notice: str) -> None:
        """The rest of a search's 500 rows, below the first ones (which stay as they are)."""
        if generation != self._list_generation or self.engine is None:
            return

        def done(result) -> None:
            if generation != self._list_generation:
                return
            extra = [h.item.id for h in result.hits if self.model.row_of(h.item.id) is None]
            self.model.append_ids(extra, {h.item.id: h.item for h in result.hits})
            self.list_panel.header.setText(self._results_header(self.model.rowCount(), state.query, notice, False))
            self._fill_snippets(generation, state.query, extra)

        self.engine.call("search", done, lambda exc: log.warning("more results: %s", exc), query=state.query,
                         mode=state.mode, filters=state.filters(), limit=SEARCH_LIMIT, language=self.language,
                         snippet_rows=0)

    def _fill_snippets(self, generation: int, query: str, ids: list[int]) -> None:
        """The snippets of the result rows after the first ones, once those are on screen (typing stays
        quick: a search with 500 hits marks the words of the first rows only). They come a few rows at a
        time, and stop when another search begins, so a new search never waits behind hundreds of them."""
        if not ids or self.engine is None or generation != self._list_generation:
            return

        def done(snippets) -> None:
            if generation == self._list_generation:
                if snippets:
                    self.model.add_snippets(snippets)
                self._fill_snippets(generation, query, ids[SNIPPET_CHUNK:])

        self.engine.call("snippets", done, lambda exc: log.warning("snippets: %s", exc), query=query,
                         item_ids=ids[:SNIPPET_CHUNK])

    def _open_theme_week(self, theme: str, week: str) -> None:
        """From a trends bar: the theme's items of that week."""
        self.pages.setCurrentWidget(self.browse_page)
        self.search_bar.set_state(SearchState(themes=[theme], period=week))

    def _save_search(self, state: SearchState) -> None:
        if not state.is_active():
            self.status.say(self.tr("Typ eerst een zoekopdracht of kies filters."))
            return
        name, ok = QInputDialog.getText(self, self.tr("Zoekopdracht bewaren"), self.tr("Naam in de zijbalk:"),
                                        text=state.query or self.tr("Mijn filter"))
        if ok and name.strip():
            filters = state.filters()
            self.tasks.run(lambda: self.kb.lists.save_search(name, state.query, state.mode, filters),
                           lambda _: self.refresh_chrome(), what="save search")

    def _delete_saved_search(self, search_id: int) -> None:
        self.tasks.run(lambda: self.kb.lists.delete_saved_search(search_id), lambda _: self.refresh_chrome(),
                       what="delete saved search")

    # -- reading and triage ---------------------------------------------------------------------------------
    def _item_chosen(self, item_id: int | None) -> None:
        if item_id is None:
            return
        words = []
        if self.search_state.query.strip():
            parsed = parse_query(self.search_state.query)
            words = sorted(parsed.highlight_stems | set(parsed.highlight_prefixes))
        self.reader.show_item(item_id, words, self.model.explanation(item_id) or "")

    def _committed(self, changes: Changes) -> None:  # on the worker thread that wrote
        self.tasks.deliver(partial(self.store_changed.emit, changes, APP))

    def _engine_changed(self, changes: Changes) -> None:
        self.store_changed.emit(changes, ENGINE)

    def _store_changed(self, changes: Changes, origin: str) -> None:
        """The one place the window hears of writes (its own, a view's, the engine's): the sidebar and
        filters, the rows on screen; the views and the reader listen to the same signal."""
        if changes.touches(*CHROME_KINDS) or (changes.touches("themes") and not changes.item_ids):
            self.refresh_chrome()
        elif changes.touches("items", "themes", "stories", "alerts", "cards"):
            self.refresh_counts()
        shown = [i for i in changes.item_ids if self.model.row_of(i) is not None]
        if shown:
            self.model.refresh(shown)
        if changes.touches("scans"):
            self.refresh_team()

    def themes_decided(self) -> None:
        """The user confirmed or rejected themes: re-suggest for unread items a little later."""
        self._suggest_timer.start()

    def refresh_after_suggestions(self) -> None:
        self.refresh_counts()
        self.model.refresh(list(self.model.ids[:500]))

    def _triage_key(self, action: str) -> None:
        if self.pages.currentWidget() is not self.browse_page:
            return
        if action == "next":
            self.list_view.move_current(1)
        elif action == "previous":
            self.list_view.move_current(-1)
        elif action.startswith("number:"):
            n = int(action.split(":")[1])
            if n <= len(self.list_view.theme_keys):
                self.triage(f"theme:{self.list_view.theme_keys[n - 1][0]}", self.list_view.selected_ids())
        else:
            self.triage(action, self.list_view.selected_ids())
            if action == "dismiss":
                self.list_view.move_current(1)

    def mark_all_read(self) -> None:
        """Every item of the list shown (and the rest of their stories) read; undoable."""
        ids = list(self.model.ids)
        if not ids:
            return

        def done(changed: list[int]) -> None:
            self._undo_read = changed
            self.list_panel.offer_undo(len(changed))
            self.status.say(self.tr("%1 berichten gemarkeerd als gelezen; Ctrl+Z maakt het ongedaan.")
                            .replace("%1", str(len(changed))))

        self.tasks.run(lambda: self.kb.items.mark_read(ids), done, what="mark all read")

    def undo_mark_all_read(self) -> None:
        ids, self._undo_read = self._undo_read, []
        self.list_panel.clear_undo()
        if ids:
            self.tasks.run(lambda: self.kb.items.set_state(ids, "new"),
                           lambda _: self.status.say(self.tr("Weer ongelezen: %1 berichten.").replace(
                               "%1", str(len(ids)))), what="undo mark all read")

    def _reader_triage(self, action: str) -> None:
        """A triage button in the reader: acts on the item shown, as its key does in the list."""
        item = self.reader.item
        if item is None:
            return
        self.triage(action, [item.id])
        current = self.list_view.currentIndex()
        if action == "dismiss" and current.isValid() and current.data(IdRole) == item.id:
            self.list_view.move_current(1)

    def triage(self, action: str, ids: list[int]) -> None:  # noqa: C901 - one dispatch table
        """Apply a triage action to items (one or a multi-selection)."""
        if not ids:
            return
        kb = self.kb
        if action == "open":
            self.reader.open_in_browser()
            return
        if action == "card":
            self.make_card(ids)
            return
        if action == "digest":
            if len(ids) == 1 and self.reader.item is not None and self.reader.item.id == ids[0]:
                self.reader.add_to_digest()
            else:
                self.workflows.add_to_digest(ids)
            return
        summaries = {i: self.model.summary(row) for i in ids if (row := self.model.row_of(i)) is not None}

        def work() -> None:
            if action == "star":
                starred = not all(s is not None and s.starred for s in summaries.values())
                kb.items.set_starred(ids, starred)
            elif action in ("read", "unread", "dismiss", "restore"):
                state = {"read": "read", "unread": "new", "dismiss": "dismissed", "restore": "read"}[action]
                kb.items.set_state(ids, state)
            elif action == "toggle_read":
                for item_id in ids:
                    current = summaries.get(item_id)
                    kb.items.set_state([item_id], "read" if current is None or current.state == "new"
                                               else "new")
            elif action.startswith(("theme:", "tag:")):
                key = action.split(":", 1)[1]
                has_all = action.startswith("theme:") and all(
                    s is not None and any(t.key == key and t.active for t in s.themes) for s in summaries.values())
                for item_id in ids:
                    if has_all:
                        kb.taxonomy.remove_item_theme(item_id, key)
                    else:
                        kb.taxonomy.set_item_theme(item_id, key, "manual")

        def done(_) -> None:  # the rows, counts and reader follow from the store's change notification
            if action.startswith(("theme:", "tag:")):
                self.themes_decided()
            if len(ids) > 1:
                self.status.say(self.tr("%1 berichten bijgewerkt.").replace("%1", str(len(ids))))

        self.tasks.run(work, done, what=f"triage {action}")

    # -- settings and errors ----------------------------------------------------------------------------------
    def apply_scan_interval(self) -> None:
        minutes = int(self.kb.settings.get("scan_interval_minutes", 60) or 0)
        if minutes > 0 and not self.kb.is_team:  # in team mode the server's scanner runs on its own schedule
            self._auto_scan.start(minutes * 60 * 1000)
        else:
            self._auto_scan.stop()

    def set_language(self, language: str) -> None:
        self.language = self.translations.apply(language)
        self.model.language = self.language
        self.reader.language = self.language
        self.kb.settings["language"] = self.language
        self.kb.save_settings()
        self.refresh_chrome()
        if self.pages.currentWidget() is self.browse_page:
            self._load_place(self.place)

    def _say(self, text: str) -> None:
        self.status.say(text)

    def _task_failed(self, what: str, exc: BaseException) -> None:
        if isinstance(exc, TeamServerError):
            self._team_unreachable(exc)
            return
        self.status.say(user_message(exc), 15)

    # -- window state --------------------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.reader.save_note()
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
