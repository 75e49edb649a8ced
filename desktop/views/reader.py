"""The reader pane: one item with its sources, themes (confirm or reject suggestions), tags,
the sanitised article, the "wat betekent dit voor Brabant" note, similar items and the digest."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import NoResourceBrowser, escape, is_web_link, literal, open_web_link, plain_label
from desktop.style import full_date, no_mnemonic, theme_colour, ui_language, who_when
from desktop.tasks import TaskManager
from desktop.widgets.flow_layout import FlowLayout
from store import AddedToWeek, DigestSummary, EditConflictError, KnowledgeBase, TeamServerError, explain_theme
from store.core.changes import Changes
from store.core.models import Item, ItemTheme
from store.core.numbers import decimal
from store.core.weeks import current_week

if TYPE_CHECKING:
    from desktop.engine_client import EngineClient


class ArticleBrowser(NoResourceBrowser):
    """The article: HTML sanitised with nh3 (again, whatever stored it), nothing loaded from disk or network,
    http(s) links open in the system browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)


class Chip(QFrame):
    """A theme chip: solid when the item has the theme, dashed with ✓/✗ while only suggested."""

    removed = Signal(str)
    accepted = Signal(str)
    rejected = Signal(str)

    def __init__(self, theme: ItemTheme, position: int, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = theme.key
        colour = theme_colour(position).name()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 3, 1)
        layout.setSpacing(2)
        suggested = not theme.active
        text = theme.label
        if suggested and theme.confidence is not None:
            text = self.tr("Voorstel: %1 %2").replace("%1", theme.label).replace(
                "%2", decimal(theme.confidence, ui_language()))
        label = plain_label(QLabel(text))
        layout.addWidget(label)
        self.setToolTip(literal(explanation))
        self.setAccessibleName(text)
        if suggested:
            self.setStyleSheet(f"Chip {{ border: 1px dashed {colour}; border-radius: 9px; }}"
                               f" QLabel {{ color: {colour}; }}")
            for symbol, signal, tip in (("✓", self.accepted, self.tr("Thema bevestigen")),
                                        ("✗", self.rejected, self.tr("Voorstel afwijzen"))):
                button = QToolButton()
                button.setText(symbol)
                button.setToolTip(tip)
                button.setAccessibleName(tip)
                button.setAutoRaise(True)
                button.clicked.connect(lambda _=False, s=signal: s.emit(self.key))
                layout.addWidget(button)
        else:
            self.setStyleSheet(f"Chip {{ background: {colour}; border-radius: 9px; }}"
                               " QLabel, QToolButton { color: white; }")
            button = QToolButton()
            button.setText("×")
            button.setToolTip(self.tr("Thema verwijderen"))
            button.setAccessibleName(self.tr("Thema verwijderen"))
            button.setAutoRaise(True)
            button.clicked.connect(lambda: self.removed.emit(self.key))
            layout.addWidget(button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class ReaderPane(QWidget):
    """Everything about the selected item. Changes go to the store worker; the store's change notification
    (on_store_changed) brings the item shown up to date, and the list and sidebar refresh from the same one.
    `themes_decided` says the user confirmed or rejected a theme (suggestions learn from it)."""

    themes_decided = Signal()
    open_item = Signal(int)
    message = Signal(str)
    triage_requested = Signal(str)  # star | dismiss | toggle_read, for the item shown

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.tasks = tasks
        self.language = "nl"
        self.item: Item | None = None
        self.engine: EngineClient | None = None  # set by the main window (similar items come from it)
        self.query_words: list[str] = []
        self.theme_positions: dict[str, int] = {}
        self.theme_labels: dict[str, str] = {}
        self._saved_note = ""
        self._note_version = 0  # team mode: the version of the note the user's edit started from
        self._reason = ""
        self.mark_read_after_ms = 1500  # negative: never mark read automatically (screenshot mode)
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.timeout.connect(self._mark_read)
        self._build()
        self.show_empty()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        stack_layout = QVBoxLayout(self)
        stack_layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        stack_layout.addWidget(self.pages)
        self.empty_page = plain_label(QLabel())
        self.empty_page.setWordWrap(True)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setMargin(30)
        self.empty_page.setStyleSheet("color: palette(placeholder-text);")
        self.pages.addWidget(self.empty_page)
        self.item_page = QWidget()
        self.pages.addWidget(self.item_page)
        outer = QVBoxLayout(self.item_page)
        outer.setContentsMargins(14, 10, 14, 10)
        outer.setSpacing(6)
        self.title = plain_label(QLabel())  # a title is text, even when it looks like HTML
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        outer.addWidget(self.title)
        self.meta = QLabel()  # our markup (links to the sources), the sources' names escaped
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setWordWrap(True)
        self.meta.setOpenExternalLinks(False)
        self.meta.linkActivated.connect(open_web_link)
        outer.addWidget(self.meta)
        self.rank_reason = plain_label(QLabel())  # why the inbox puts this item where it is
        self.rank_reason.setWordWrap(True)
        self.rank_reason.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(self.rank_reason)
        actions = QWidget()  # wraps onto a second line in a narrow pane instead of widening it
        row = FlowLayout(actions)
        self.star_button = QToolButton()
        self.dismiss_button = QToolButton()
        self.read_button = QToolButton()
        for button, action in ((self.star_button, "star"), (self.dismiss_button, "dismiss"),
                               (self.read_button, "toggle_read")):
            button.clicked.connect(lambda _=False, a=action: self.triage_requested.emit(a))
            row.addWidget(button)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_in_browser)
        row.addWidget(self.open_button)
        self.digest_button = QPushButton()
        self.digest_button.clicked.connect(self.add_to_digest)
        row.addWidget(self.digest_button)
        outer.addWidget(actions)
        self.themes_label = QLabel()
        outer.addWidget(self.themes_label)
        self.chips_box = QWidget()
        self.chips = FlowLayout(self.chips_box)
        outer.addWidget(self.chips_box)
        self.explanations = plain_label(QLabel())  # may quote similar items' titles
        self.explanations.setWordWrap(True)
        self.explanations.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(self.explanations)
        tags_row = QHBoxLayout()
        self.tags_label = QLabel()
        tags_row.addWidget(self.tags_label)
        self.tags_box = QWidget()
        self.tag_chips = FlowLayout(self.tags_box)
        tags_row.addWidget(self.tags_box, 1)
        self.tag_input = QLineEdit()
        self.tag_input.setMaximumWidth(180)
        self.tag_input.returnPressed.connect(self._add_tag)
        tags_row.addWidget(self.tag_input)
        outer.addLayout(tags_row)

        self.article = ArticleBrowser()
        self.article.document().setDefaultStyleSheet("p, li, blockquote { line-height: 145%; }")
        outer.addWidget(self.article, 1)  # the article takes what the rest leaves
        self.fold_button = QToolButton()  # above what it folds: the note and similar items
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(self._fold_clicked)
        self._fold_auto = True  # until the user folds or unfolds, the pane's height decides
        outer.addWidget(self.fold_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.note_label = QLabel()
        note_font = QFont(self.font())
        note_font.setBold(True)
        self.note_label.setFont(note_font)
        lower_layout.addWidget(self.note_label)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(90)
        self.note.installEventFilter(self)
        lower_layout.addWidget(self.note)
        note_row = QHBoxLayout()
        self.note_status = QLabel()
        note_row.addWidget(self.note_status, 1)
        self.note_save = QPushButton()
        self.note_save.clicked.connect(self.save_note)
        note_row.addWidget(self.note_save)
        lower_layout.addLayout(note_row)
        self.similar_label = QLabel()
        lower_layout.addWidget(self.similar_label)
        self.similar = QListWidget()
        self.similar.setSpacing(3)  # a gap between entries that wrap over two lines
        self.similar.setMaximumHeight(110)
        self.similar.setWordWrap(True)
        self.similar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.similar.itemActivated.connect(lambda it: self.open_item.emit(it.data(Qt.ItemDataRole.UserRole)))
        self.similar.itemClicked.connect(lambda it: self.open_item.emit(it.data(Qt.ItemDataRole.UserRole)))
        lower_layout.addWidget(self.similar)
        outer.addWidget(lower)
        self.lower_part = lower
        QShortcut(QKeySequence("Ctrl+Return"), self.note, self.save_note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(1500)
        self._note_timer.timeout.connect(self.save_note)
        self.note.textChanged.connect(self._note_edited)
        self.retranslate()

    FOLD_BELOW = 800  # pane height (pixels) under which the note and similar items start folded

    def _fold_clicked(self) -> None:
        self._fold_auto = False
        self.set_lower_visible(self.lower_part.isHidden())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fold_auto and (self.height() >= self.FOLD_BELOW) == self.lower_part.isHidden():
            self.set_lower_visible(self.height() >= self.FOLD_BELOW)

    def set_lower_visible(self, visible: bool) -> None:
        """Show or fold the note and the similar items (folded, the article has the whole pane)."""
        self.lower_part.setVisible(visible)
        self._update_fold_button()

    def _update_fold_button(self) -> None:
        has_note = bool(self.item is not None and self.item.note.strip())
        text = self.tr("Notitie en vergelijkbare berichten")
        if has_note:
            text += " ✎"
        self.fold_button.setText(("▸ " if self.lower_part.isHidden() else "▾ ") + text)

    def _update_triage_buttons(self) -> None:
        item = self.item
        starred = item is not None and item.starred
        self.star_button.setText(self.tr("★ Ster uit") if starred else self.tr("☆ Ster"))
        self.star_button.setToolTip(self.tr("Ster aan of uit (s)"))
        self.dismiss_button.setText(self.tr("✗ Ruis"))
        self.dismiss_button.setToolTip(self.tr("Afwijzen als ruis en door naar het volgende bericht (d)"))
        unread = item is not None and item.state == "new"
        self.read_button.setText(self.tr("Markeren als gelezen") if unread else self.tr("Markeren als ongelezen"))
        self.read_button.setToolTip(self.tr("Gelezen of ongelezen (m)"))

    def retranslate(self) -> None:
        self._update_triage_buttons()
        self._update_fold_button()
        self.open_button.setText(self.tr("↗ Openen in browser"))
        self.open_button.setToolTip(self.tr("Open het artikel in de webbrowser (o)"))
        self.themes_label.setText(self.tr("Thema's"))
        self.tags_label.setText(self.tr("Tags:"))
        self.tag_input.setPlaceholderText(self.tr("Tag toevoegen…"))
        self.note_label.setText(self.tr("Wat betekent dit voor Brabant?"))
        self.note.setPlaceholderText(
            self.tr("Schrijf hier wat dit signaal betekent voor Brabant (Ctrl+Enter bewaart)."))
        self.note_save.setText(self.tr("Bewaren"))
        self.similar_label.setText(self.tr("Vergelijkbare berichten"))
        self._update_digest_button(None)
        if self.item is None:
            self.show_empty()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.item is not None:
                self._render(self.item)
        super().changeEvent(event)

    def eventFilter(self, watched, event: QEvent) -> bool:  # noqa: N802
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    # -- showing -------------------------------------------------------------------------------------
    def set_themes(self, positions: dict[str, int], labels: dict[str, str]) -> None:
        self.theme_positions = positions
        self.theme_labels = labels

    def show_empty(self, text: str = "") -> None:
        """No item: one line saying so (or `text`), not a skeleton of disabled widgets."""
        self.item = None
        self._reason = ""
        self.empty_page.setText(text or self.tr("Kies links een bericht om het hier te lezen. "
                                                "Met j en k loop je door de lijst."))
        self.pages.setCurrentWidget(self.empty_page)
        self.title.clear()
        self.meta.clear()
        self.rank_reason.clear()
        self.chips.clear()
        self.tag_chips.clear()
        self.explanations.clear()
        self.article.clear()
        self.similar.clear()

    def show_item(self, item_id: int, query_words: list[str] | None = None, reason: str = "") -> None:
        """Load an item in the worker and show it; it is marked read once it has been on screen a moment.
        `reason` says why the inbox ranks it where it is."""
        self.save_note()
        self.query_words = query_words or []
        self._reason = reason
        self._read_timer.stop()
        language = self.language
        self.tasks.run(lambda: self.kb.get_item(item_id, language), self._loaded, what="open item")

    def _loaded(self, item: Item) -> None:
        self._render(item)
        self._load_side(item.id)
        if item.state == "new" and self.mark_read_after_ms >= 0:
            self._read_timer.start(self.mark_read_after_ms)

    def _mark_read(self) -> None:
        if self.item is None or self.item.state != "new":
            return
        item_id = self.item.id
        self.tasks.run(lambda: self.kb.items.set_state([item_id], "read"),
                       None, what="mark read")

    def _render(self, item: Item) -> None:
        self.item = item
        self.pages.setCurrentWidget(self.item_page)
        self.rank_reason.setText(self.tr("Waarom hier: %1").replace("%1", self._reason) if self._reason else "")
        self.rank_reason.setVisible(bool(self._reason))
        self._update_triage_buttons()
        self._update_fold_button()
        self.open_button.setEnabled(item.url.startswith(("http://", "https://")))
        self.title.setText(item.title)
        self.meta.setText(self._meta_html(item))
        self._render_themes(item)
        self._render_tags(item)
        self.article.setHtml(self._article_html(item))
        self.note.blockSignals(True)
        self.note.setPlainText(item.note)
        self.note.blockSignals(False)
        self._saved_note = item.note
        self._note_version = item.note_version
        self.note_status.setText(self._note_author(item))

    def _note_author(self, item: Item) -> str:
        """Team mode: "Notitie van Anna, di 09:12"."""
        return self.tr("Notitie van %1").replace("%1", who_when(item.note_by, item.note_updated)) \
            if item.note_by and item.note else ""

    def _meta_html(self, item: Item) -> str:
        seen: dict[str, str] = {}
        for _, source, url in item.sightings:
            seen.setdefault(source or item.source, url)
        sources = " · ".join(f'<a href="{escape(url)}">{escape(name)}</a>' if is_web_link(url)
                             else escape(name) for name, url in seen.items()) or escape(item.source)
        parts = [sources, escape(full_date(item.published))]
        if item.published_estimated:
            parts.append(escape(self.tr("datum onbekend, opgehaald op deze dag")))
        if item.is_example:
            parts.append("<b>" + escape(self.tr("voorbeelddata (fictief)")) + "</b>")
        if item.fulltext_status == "failed":
            parts.append(escape(self.tr("volledige tekst kon niet worden opgehaald; samenvatting getoond")))
        return " · ".join(parts)

    def _article_html(self, item: Item) -> str:
        from scanner.html_text import sanitize_html  # lxml and nh3: not on the start-up path

        body = sanitize_html(item.content_html) or "".join(
            f"<p>{html.escape(p)}</p>" for p in (item.full_text or item.summary).split("\n\n") if p.strip())
        if self.query_words:
            body = _highlight(body, self.query_words)
        return body  # the line height of every paragraph comes from the document's style sheet

    def _render_themes(self, item: Item) -> None:
        self.chips.clear()
        notes = []
        for theme in item.themes:
            if theme.decision == "rejected":
                continue
            if not theme.active and (theme.confidence or 0) < 0.35:
                continue
            why = explain_theme(theme.origin, theme.decision, theme.explanation, theme.label, self.language)
            chip = Chip(theme, self.theme_positions.get(theme.key, 1), why)
            chip.removed.connect(self.remove_theme)
            chip.accepted.connect(self.accept_theme)
            chip.rejected.connect(self.remove_theme)
            self.chips.addWidget(chip)
            if not theme.active:  # "Huisvesting: lijkt op 4 ...", without saying the name twice
                notes.append(why if theme.label in why else f"{theme.label}: {why}")
            elif theme.decided_by:  # team mode: who decided, and when
                verb = self.tr("bevestigd door") if theme.decision == "accepted" else self.tr("toegekend door")
                notes.append(f"{theme.label} {verb} {who_when(theme.decided_by, theme.decided_at)}")
        add = QToolButton()
        add.setText(self.tr("+ Thema"))
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add)
        active = {t.key for t in item.themes if t.active}
        for n, (key, label) in enumerate(self.theme_labels.items(), start=1):
            if key not in active:
                action = menu.addAction(no_mnemonic(f"{label}\t{n}" if n <= 9 else label))
                action.triggered.connect(lambda _=False, k=key: self.toggle_theme(k))
        add.setMenu(menu)
        self.chips.addWidget(add)
        self.explanations.setText("\n".join(notes))
        self.explanations.setVisible(bool(notes))

    def _render_tags(self, item: Item) -> None:
        self.tag_chips.clear()
        for tag in item.tags:
            button = QToolButton()
            button.setText(no_mnemonic(f"{tag} ×"))
            button.setToolTip(self.tr("Tag verwijderen"))
            button.clicked.connect(lambda _=False, t=tag: self._remove_tag(t))
            self.tag_chips.addWidget(button)

    def _load_side(self, item_id: int) -> None:
        """Similar items (from the engine) and the digest state, after the item itself is on screen."""
        def load() -> tuple[DigestSummary | None, bool]:
            year, week = current_week()
            digest = self.kb.digests.week_digest(year, week, create=False)
            inside = digest is not None and item_id in self.kb.digests.digest_item_ids(digest.id)
            return digest, inside

        self.tasks.run(load, lambda result: self._digest_state(item_id, *result), what="digest state")
        if self.engine is not None:
            self.engine.call("similar", lambda results: self._similar_loaded(item_id, results),
                             lambda exc: self._similar_loaded(item_id, None), item_id=item_id, limit=5,
                             language=self.language)

    def _digest_state(self, item_id: int, digest: DigestSummary | None, inside: bool) -> None:
        if self.item is not None and self.item.id == item_id:
            self._update_digest_button(digest.label if inside and digest else None)

    def _similar_loaded(self, item_id: int, results) -> None:
        if self.item is None or self.item.id != item_id:
            return
        self.similar.clear()
        hits = results.hits if results is not None else []
        for hit in hits:
            entry = QListWidgetItem(f"{hit.item.title} — {hit.item.source}")
            entry.setData(Qt.ItemDataRole.UserRole, hit.item.id)
            self.similar.addItem(entry)
        if not hits:
            entry = QListWidgetItem(self.tr("(het taalmodel wordt nog geladen)") if results is None
                                    else self.tr("(nog geen vergelijkbare berichten gevonden)"))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.similar.addItem(entry)

    def _update_digest_button(self, in_digest: str | None) -> None:
        if in_digest:
            self.digest_button.setText(self.tr("✓ In weekoverzicht %1").replace("%1", in_digest))
        else:
            self.digest_button.setText(self.tr("+ Aan weekoverzicht toevoegen"))
        self.digest_button.setToolTip(self.tr("Voeg dit signaal toe aan het overzicht van deze week (Ctrl+D)"))

    # -- actions ----------------------------------------------------------------------------------------
    def on_store_changed(self, changes: Changes, origin: str) -> None:
        """Show the item afresh when a write changed it (here, in a view, or in the engine)."""
        if self.item is not None and self.item.id in changes.item_ids:
            item_id, language = self.item.id, self.language
            self.tasks.run(lambda: self.kb.get_item(item_id, language), self._update, what="reload item")

    def _update(self, item: Item) -> None:
        """The item shown, changed: new themes, tags, state and meta; the article and its scroll position
        stay, and so does a note the user is still writing."""
        if self.item is None or self.item.id != item.id:
            return  # the user has moved on
        self.item = item
        self.title.setText(item.title)
        self.meta.setText(self._meta_html(item))
        self._update_triage_buttons()
        self._render_themes(item)
        self._render_tags(item)
        if self.note.toPlainText() == self._saved_note and item.note != self._saved_note:
            self.note.blockSignals(True)
            self.note.setPlainText(item.note)  # changed elsewhere (the CLI, a colleague), not being edited here
            self.note.blockSignals(False)
            self._saved_note = item.note
            self.note_status.setText(self._note_author(item))
        if self.note.toPlainText() == item.note:
            self._note_version = item.note_version

    def _themes_changed(self, _result: object = None) -> None:
        self.themes_decided.emit()

    def toggle_theme(self, key: str) -> None:
        if self.item is None:
            return
        item_id = self.item.id
        active = any(t.key == key and t.active for t in self.item.themes)

        def change() -> None:
            if active:
                self.kb.taxonomy.remove_item_theme(item_id, key)
            else:
                self.kb.taxonomy.set_item_theme(item_id, key, "manual")

        self.tasks.run(change, self._themes_changed, what="change theme")

    def accept_theme(self, key: str) -> None:
        if self.item is not None:
            item_id = self.item.id
            self.tasks.run(lambda: self.kb.taxonomy.set_item_theme(item_id, key, "manual"),
                           self._themes_changed, what="confirm theme")

    def remove_theme(self, key: str) -> None:
        if self.item is not None:
            item_id = self.item.id
            self.tasks.run(lambda: self.kb.taxonomy.remove_item_theme(item_id, key),
                           self._themes_changed, what="remove theme")

    def _add_tag(self) -> None:
        text = self.tag_input.text().strip()
        if not text or self.item is None:
            return
        item_id = self.item.id
        names = [t for t in re.split(r"[,;]", text) if t.strip()]
        self.tag_input.clear()
        self.tasks.run(lambda: self.kb.items.add_tags([item_id], names),
                       None, what="add tags")

    def _remove_tag(self, tag: str) -> None:
        if self.item is not None:
            item_id = self.item.id
            self.tasks.run(lambda: self.kb.items.remove_tags([item_id], [tag]),
                           None, what="remove tag")

    def set_tag_completions(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self.tag_input)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_input.setCompleter(completer)

    def _note_edited(self) -> None:
        self.note_status.setText(self.tr("Niet bewaard…"))
        self._note_timer.start()

    def save_note(self) -> None:
        if self.item is None or self.note.toPlainText() == self._saved_note:
            return
        item_id, body, based_on = self.item.id, self.note.toPlainText(), self._note_version
        self._saved_note = body
        self._note_timer.stop()
        self.tasks.run(lambda: self.kb.set_note(item_id, body, based_on),
                       lambda version: self._note_saved(item_id, version),
                       lambda exc: self._note_not_saved(item_id, body, exc), what="save note")

    def _note_saved(self, item_id: int, version: int) -> None:
        self.note_status.setText(self.tr("Bewaard"))
        if self.item is not None and self.item.id == item_id:
            self._note_version = version

    def _note_not_saved(self, item_id: int, body: str, exc: BaseException) -> None:
        """Team mode: the server is away (the note is kept on this computer), or a colleague saved a newer note
        (both texts are shown, to merge and save again). Nothing typed is lost either way."""
        if isinstance(exc, EditConflictError):
            if self.item is not None and self.item.id == item_id:
                merged = f"{exc.theirs.strip()}\n\n--- {self.tr('jouw tekst')} ---\n{exc.yours.strip()}"
                self.note.blockSignals(True)
                self.note.setPlainText(merged)
                self.note.blockSignals(False)
                self._saved_note = exc.theirs
                self._note_version = exc.version
            self.note_status.setText(self.tr("%1 wijzigde deze notitie intussen. Beide teksten staan hieronder: "
                                             "voeg ze samen en bewaar.").replace("%1", exc.by or self.tr("Iemand")))
            return
        if isinstance(exc, TeamServerError):
            self.note_status.setText(self.tr("Server niet bereikbaar: notitie op deze computer bewaard, wordt "
                                             "opgeslagen zodra de server terug is."))
            return
        self._saved_note = ""  # not saved: the next edit or leaving the item tries again
        self.note_status.setText(user_message(exc))

    def open_in_browser(self) -> None:
        if self.item is not None:
            open_web_link(self.item.url)

    def add_to_digest(self) -> None:
        if self.item is None:
            return
        self.save_note()
        item_id = self.item.id
        note = self.note.toPlainText()

        def add() -> AddedToWeek:
            return self.kb.digests.add_to_week([item_id], *current_week(), so_what=note or None)

        def done(result: AddedToWeek) -> None:
            added, label = result.added[0], result.digest.label
            self._update_digest_button(label)
            if added.sent_before:
                self.message.emit(self.tr("Let op: dit bericht stond al in een verzonden overzicht (%1).")
                                  .replace("%1", ", ".join(added.sent_before)))
            elif not added.already_in:
                self.message.emit(self.tr("Toegevoegd aan weekoverzicht %1.").replace("%1", label))

        self.tasks.run(add, done, what="add to digest")


def _highlight(body: str, words: list[str]) -> str:
    """Mark the query's words (and longer words starting with them) in HTML text, not in tags."""
    stems = [re.escape(w) for w in words if len(w) >= 3]
    if not stems:
        return body
    pattern = re.compile(r"(?i)\b(" + "|".join(stems) + r")\w*")
    parts = re.split(r"(<[^>]+>)", body)
    for n, part in enumerate(parts):
        if not part.startswith("<"):
            parts[n] = pattern.sub(lambda m: f"<span style='background-color:#fff2a8; color:#000;'>{m.group(0)}</span>",
                                   part)
    return "".join(parts)
