"""The sidebar: Nieuw, Met ster, themes with unread counts, saved searches, watchlist actors,
digests, and sources with a health mark, plus the managers (sources, themes, trends, settings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.plain_text import literal
from desktop.style import WARNING, theme_colour
from store import Actor, DigestSummary, SavedSearch, SidebarCounts
from store.core.models import Source, Theme

KindRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2


class _Content(TypedDict, total=False):
    """What the sidebar shows, kept to rebuild it when the language changes."""

    themes: list[Theme]
    searches: list[SavedSearch]
    actors: list[Actor]
    digests: list[DigestSummary]
    sources: list[Source]
    language: str


@dataclass(frozen=True)
class Place:
    """Where the user is: a list (inbox, starred, theme, search...) or a view (sources, trends...)."""

    kind: str
    key: str = ""


MAX_FAILING_LISTED = 3  # more failing sources than this are one line
MAX_SOURCES_OPEN = 8  # more sources than this fold under one line


class Sidebar(QTreeWidget):
    place_chosen = Signal(object)  # Place
    delete_saved_search = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemSelectionChanged.connect(self._chosen)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._items: dict[Place, QTreeWidgetItem] = {}
        self._data: _Content = {}
        self._counts = SidebarCounts()
        self._current = Place("new")
        self._sources_folder: QTreeWidgetItem | None = None
        self._sources_unfolded = False  # the folder of many sources, as the user left it
        self.itemExpanded.connect(lambda item: self._remember_fold(item, True))
        self.itemCollapsed.connect(lambda item: self._remember_fold(item, False))

    def _remember_fold(self, item: QTreeWidgetItem, unfolded: bool) -> None:
        if item is self._sources_folder and not self.signalsBlocked():
            self._sources_unfolded = unfolded

    # -- content ------------------------------------------------------------------------------------
    def populate(self, themes: list[Theme], searches: list[SavedSearch], actors: list[Actor],
                 digest_list: list[DigestSummary], sources: list[Source], counts: SidebarCounts,
                 language: str) -> None:
        self._data = {"themes": themes, "searches": searches, "actors": actors, "digests": digest_list,
                      "sources": sources, "language": language}
        self._counts = counts
        self._rebuild()

    def update_counts(self, counts: SidebarCounts) -> None:
        self._counts = counts
        for place, item in self._items.items():
            if place.kind == "new":
                item.setText(1, _count(counts.new))
            elif place.kind == "starred":
                item.setText(1, _count(counts.starred))
            elif place.kind == "theme":
                item.setText(1, _count(counts.themes.get(place.key, 0)))
            elif place.kind == "actor":
                item.setText(1, _count(counts.actors.get(int(place.key), 0)))
            elif place.kind == "alerts":
                item.setText(1, _count(counts.alerts))
            elif place.kind == "cards":
                item.setText(1, _count(counts.cards))

    def _rebuild(self) -> None:
        self.blockSignals(True)
        self.clear()
        self._items = {}
        self._sources_folder = None
        data = self._data
        language = str(data.get("language", "nl"))
        counts = self._counts
        self._entry(None, Place("new"), self.tr("Nieuw"), _count(counts.new), bold=True)
        self._entry(None, Place("starred"), self.tr("Met ster"), _count(counts.starred))
        self._entry(None, Place("digest"), self.tr("Weekoverzicht"))
        themes = self._section(self.tr("THEMA'S"))
        for theme in data.get("themes", []):
            item = self._entry(themes, Place("theme", theme.key), theme.label(language),
                               _count(counts.themes.get(theme.key, 0)))
            item.setForeground(0, QBrush(theme_colour(theme.position)))
        searches = data.get("searches", [])
        if searches:
            section = self._section(self.tr("ZOEKOPDRACHTEN"))
            for saved in searches:
                self._entry(section, Place("saved", str(saved.id)), saved.name)
        actors = [a for a in data.get("actors", []) if a.mentions]
        watch = self._section(self.tr("VOLGLIJST"))
        unread = counts.actors  # what is new about each actor, as for themes
        for actor in sorted(actors, key=lambda a: (-unread.get(a.id, 0), a.kind not in ("agency", "housing", "company"),
                                                   -a.mentions))[:12]:
            item = self._entry(watch, Place("actor", str(actor.id)), actor.name, _count(unread.get(actor.id, 0)))
            item.setToolTip(0, literal(self.tr("%1 berichten noemen %2; %3 daarvan zijn nieuw").replace(
                "%1", str(actor.mentions)).replace("%2", actor.name).replace("%3", str(unread.get(actor.id, 0)))))
        self._entry(watch, Place("watchlist"), self.tr("Volglijst beheren…"), italic=True)
        digest_list = data.get("digests", [])
        if digest_list:
            section = self._section(self.tr("WEEKOVERZICHTEN"))
            for digest in digest_list[:6]:
                mark = "✓ " if digest.status == "sent" else ""
                self._entry(section, Place("digest", str(digest.id)), f"{mark}{digest.label}", _count(digest.items))
        sources = data.get("sources", [])
        failing = sum(1 for s in sources if s.enabled and s.last_status == "failing")
        title = self.tr("BRONNEN") + (f" ({failing} ⚠)" if failing else "")
        section = self._section(title)
        grouped = failing > MAX_FAILING_LISTED
        if grouped:  # after a first scan offline: one line, not a wall of red
            item = self._entry(section, Place("sources"), self.tr("⚠ %1 bronnen werken niet").replace(
                "%1", str(failing)))
            item.setForeground(0, QBrush(QColor(WARNING)))
        listed = [s for s in sources if not (grouped and s.enabled and s.last_status == "failing")]
        folder = section
        if len(listed) > MAX_SOURCES_OPEN:  # many sources: one line that unfolds, so the rest stays in view
            folder = self._entry(section, Place("sources", "all"), self.tr("Alle %1 bronnen").replace(
                "%1", str(len(listed))), _count(sum(s.items for s in listed)))
            self._sources_folder = folder
        for source in listed:
            mark = {"failing": "⚠ ", "never": "· "}.get(source.last_status, "")
            paused = self.tr(" (gepauzeerd)") if not source.enabled else ""
            item = self._entry(folder, Place("source", str(source.id)), f"{mark}{source.name}{paused}",
                               _count(source.items))
            if source.last_status == "failing":
                item.setForeground(0, QBrush(QColor(WARNING)))
        self._entry(section, Place("sources"), self.tr("Bronnen beheren…"), italic=True)
        scanning = self._section(self.tr("HORIZONSCAN"))
        self._entry(scanning, Place("alerts"), self.tr("Meldingen"), _count(self._counts.alerts),
                    bold=bool(self._counts.alerts))
        self._entry(scanning, Place("cards"), self.tr("Signaalkaarten"), _count(self._counts.cards))
        self._entry(scanning, Place("radar"), self.tr("Radar en matrix"))
        tools = self._section(self.tr("OVERZICHT"))
        self._entry(tools, Place("trends"), self.tr("Trends"))
        self._entry(tools, Place("themes"), self.tr("Thema's en regels"))
        self._entry(tools, Place("settings"), self.tr("Instellingen"))
        self._entry(tools, Place("help"), self.tr("Hulp en sneltoetsen"))
        self.expandAll()
        if self._sources_folder is not None and not self._sources_unfolded and self._current.kind != "source":
            self._sources_folder.setExpanded(False)
        self.select(self._current)
        self.blockSignals(False)

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(0, QBrush(self.palette().placeholderText()))
        return item

    def _entry(self, parent: QTreeWidgetItem | None, place: Place, text: str, count: str = "",
               bold: bool = False, italic: bool = False) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent if parent is not None else self, [text, count])
        item.setData(0, KindRole, place.kind)
        item.setData(0, KeyRole, place.key)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bold or italic:
            font = QFont(self.font())
            font.setBold(bold)
            font.setItalic(italic)
            item.setFont(0, font)
        item.setToolTip(0, literal(text))
        if count and place.kind in ("new", "theme", "actor"):  # what the number counts, in words
            item.setToolTip(1, self.tr("%1 nieuwe verhalen (een verhaal uit meerdere bronnen telt één keer)")
                            .replace("%1", count))
        self._items[place] = item
        return item

    # -- selection ------------------------------------------------------------------------------------
    def select(self, place: Place) -> None:
        self._current = place
        item = self._items.get(place)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
        else:
            self.clearSelection()

    def show_searching(self, searching: bool) -> None:
        """While a search is shown, no sidebar entry is highlighted (the list is the search's)."""
        if searching:
            self.blockSignals(True)
            self.selectionModel().clear()
            self.blockSignals(False)
        else:
            self.select(self._current)

    def _chosen(self) -> None:
        items = self.selectedItems()
        if not items or items[0].data(0, KindRole) is None:
            return
        place = Place(items[0].data(0, KindRole), items[0].data(0, KeyRole) or "")
        if place == Place("sources", "all"):  # the folder of sources: it unfolds or folds, and is no place
            self._sources_unfolded = not items[0].isExpanded()
            items[0].setExpanded(self._sources_unfolded)
            self.select(self._current)
            return
        self._current = place
        self.place_chosen.emit(place)

    def _context_menu(self, pos) -> None:
        item = self.itemAt(pos)
        if item is None or item.data(0, KindRole) != "saved":
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Zoekopdracht verwijderen"))
        action.triggered.connect(lambda: self.delete_saved_search.emit(int(item.data(0, KeyRole))))
        menu.exec(self.viewport().mapToGlobal(pos))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self._data:
            self._rebuild()
        super().changeEvent(event)


def _count(n: int) -> str:
    return str(n) if n else ""
