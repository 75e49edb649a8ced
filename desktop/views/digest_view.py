"""Weekoverzicht: the digest editor. Outline of sections and items (drag to reorder), inline editing of
the summary and the so-what line, candidates to add, a live preview, exports and "copy as e-mail"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import NoResourceBrowser, literal, plain_label
from desktop.style import ui_language, who_when
from desktop.tasks import TaskManager
from desktop.views.digest_new_dialog import NewDigestDialog, iso_week_of_range
from desktop.views.digest_tree import DigestTree, Move, OutlineSection
from desktop.widgets.clipboard import put_rich_text
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import DigestDocument, DigestSummary, EditConflictError, Entry, KnowledgeBase
from store.core.numbers import decimal
from store.core.timeutil import local_today
from store.core.weeks import current_week

SAVE_DELAY_MS = 600
EXPORTS = (("html", "E-mail (HTML)", "*.html"), ("docx", "Word", "*.docx"), ("pdf", "PDF", "*.pdf"),
           ("md", "Markdown", "*.md"))


@dataclass(frozen=True)
class Loaded:
    summary: DigestSummary
    document: DigestDocument  # with empty sections, for the outline
    positions: dict[str, int]  # theme key -> taxonomy position
    archive: list[DigestSummary]
    preview: str


class DigestView(StoreView, Retranslating, QWidget):

    watches = frozenset({"digests"})
    refresh_on_language_change = True

    message = Signal(str)
    open_item = Signal(int)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        self.digest_id: int | None = None
        self.loaded: Loaded | None = None
        self.entry: Entry | None = None  # the item being edited
        self._entry_version = 0  # team mode: the version of its texts that the edit started from
        self._filling = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self.editor_page = QWidget()
        layout = QVBoxLayout(self.editor_page)
        layout.addLayout(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_outline())
        splitter.addWidget(self._build_side())
        splitter.setSizes([560, 560])
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_exports())
        self.pages.addWidget(self.editor_page)
        self.pages.addWidget(self._build_start_page())
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_texts)
        self._pending: set[str] = set()
        self.retranslate()

    # -- building --------------------------------------------------------------------------------------
    def _build_start_page(self) -> QWidget:
        """No digest for this week yet: say so, and start one on request (opening the view makes none)."""
        self.start_page = QWidget()
        layout = QVBoxLayout(self.start_page)
        layout.addStretch(1)
        self.start_text = plain_label(QLabel())
        self.start_text.setWordWrap(True)
        self.start_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_text.setMinimumWidth(360)  # wraps to its full height (a centred label would shrink)
        self.start_text.setMaximumWidth(620)  # a readable line, also in a wide window
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.start_text, 4)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        row = QHBoxLayout()
        row.addStretch(1)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._start_week)
        row.addWidget(self.start_button)
        self.start_archive = QPushButton()
        self.start_archive.clicked.connect(self._open_latest)
        row.addWidget(self.start_archive)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return self.start_page

    def _start_week(self) -> None:
        def make() -> int:
            made = self.kb.digests.week_digest(*current_week())
            assert made is not None  # create=True makes it
            return made.id

        self.tasks.run(make, self._open_made, self._failed, what="start digest")

    def _open_latest(self) -> None:
        self.tasks.run(lambda: self.kb.digests.list_digests(), lambda found: self._open_made(found[0].id)
                       if found else None, self._failed, what="open latest digest")

    def _open_made(self, digest_id: int) -> None:
        self.digest_id = digest_id
        self.refresh()

    def _build_header(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.title = QLineEdit()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title.textEdited.connect(lambda _: self._edited("title"))
        box.addWidget(self.title)
        row = QHBoxLayout()
        self.archive = QComboBox()
        self.archive.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # short entries, never cut
        self.archive.activated.connect(self._archive_chosen)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self._new_digest)
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self._toggle_status)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        self.info = plain_label(QLabel())
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: palette(placeholder-text);")
        for widget in (self.archive, self.new_button, self.status_button, self.delete_button):
            row.addWidget(widget)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.info)
        self.intro = QPlainTextEdit()
        self.intro.setFixedHeight(58)
        self.intro.textChanged.connect(lambda: self._edited("intro"))
        box.addWidget(self.intro)
        return box

    def _build_outline(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = DigestTree()
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.tree.move_requested.connect(self._move)
        self.tree.remove_requested.connect(self._remove)
        self.tree.open_requested.connect(self.open_item.emit)
        layout.addWidget(self.tree, 3)
        row = QHBoxLayout()
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self.tree.move_selected(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self.tree.move_selected(1))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self._open_selected)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove_selected)
        for widget in (self.up_button, self.down_button):
            widget.setFixedWidth(34)
            row.addWidget(widget)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: the text gets the width
        self.summary = QPlainTextEdit()
        self.summary.textChanged.connect(lambda: self._edited("summary"))
        self.so_what = QPlainTextEdit()
        self.so_what.setMaximumHeight(64)  # one or two sentences; the summary gets the room
        self.so_what.textChanged.connect(lambda: self._edited("so_what"))
        self.summary_label, self.so_what_label = QLabel(), QLabel()
        self.saved = plain_label(QLabel())  # may quote an error
        self.saved.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(self.summary_label, self.summary)
        form.addRow(self.so_what_label, self.so_what)
        form.addRow(self.saved)
        layout.addWidget(self.editor, 2)
        return panel

    def _build_side(self) -> QWidget:
        self.side = QTabWidget()
        self.preview = NoResourceBrowser()  # loads nothing; a click opens only http(s) links, in the browser
        self.side.addTab(self.preview, "")
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.candidates_info = QLabel()
        self.candidates_info.setWordWrap(True)
        layout.addWidget(self.candidates_info)
        self.candidates = QListWidget()
        self.candidates.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.candidates.setWordWrap(True)
        self.candidates.setSpacing(3)
        self.candidates.itemDoubleClicked.connect(lambda row: self._add_candidates([row]))
        layout.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        self.add_candidate = QPushButton()
        self.add_candidate.clicked.connect(lambda: self._add_candidates(self.candidates.selectedItems()))
        self.add_all = QPushButton()
        self.add_all.clicked.connect(lambda: self._add_candidates(
            [self.candidates.item(n) for n in range(self.candidates.count())]))
        row.addWidget(self.add_candidate)
        row.addWidget(self.add_all)
        row.addStretch(1)
        layout.addLayout(row)
        self.side.addTab(panel, "")
        return self.side

    def _build_exports(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_as_email)
        row.addWidget(self.copy_button)
        row.addSpacing(16)
        self.export_label = QLabel()
        row.addWidget(self.export_label)
        self.export_buttons: dict[str, QPushButton] = {}
        for fmt, name, _ in EXPORTS:
            button = QPushButton(name + "…")
            button.clicked.connect(lambda _=False, fmt=fmt: self.export(fmt))
            self.export_buttons[fmt] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def retranslate(self) -> None:
        self.title.setPlaceholderText(self.tr("Titel van het overzicht"))
        self.new_button.setText(self.tr("Nieuw overzicht…"))
        self.delete_button.setText(self.tr("Verwijderen…"))
        self.intro.setPlaceholderText(self.tr("Inleiding (optioneel): wat springt er deze week uit?"))
        self.open_button.setText(self.tr("Bericht openen"))
        self.remove_button.setText(self.tr("Uit het overzicht halen"))
        self.up_button.setToolTip(self.tr("Omhoog (Alt+↑); of sleep met de muis"))
        self.down_button.setToolTip(self.tr("Omlaag (Alt+↓); of sleep met de muis"))
        self.editor.setTitle(self.tr("Geselecteerd signaal"))
        self.summary_label.setText(self.tr("Samenvatting"))
        self.so_what_label.setText(self.tr("Wat betekent dit voor Brabant?"))
        self.so_what.setPlaceholderText(self.tr("Eén of twee zinnen: waarom dit ertoe doet voor de provincie."))
        self.side.setTabText(0, self.tr("Voorbeeld"))
        self.side.setTabText(1, self.tr("Kandidaten"))
        self.candidates_info.setText(self.tr(
            "De sterkste signalen van deze periode per thema die nog in geen enkel overzicht staan. "
            "Dubbelklik of kies Toevoegen."))
        self.add_candidate.setText(self.tr("Toevoegen"))
        self.add_all.setText(self.tr("Alle toevoegen"))
        self.copy_button.setText(self.tr("Kopiëren als e-mail"))
        self.copy_button.setToolTip(self.tr("Zet het overzicht opgemaakt op het klembord: plak het in Outlook."))
        self.export_label.setText(self.tr("Exporteren:"))
        self._show_status()

    # -- loading ----------------------------------------------------------------------------------------
    def show_key(self, key: str) -> None:
        self.digest_id = int(key) if key else None
        self.refresh()

    def _language(self) -> str:
        return str(self.kb.settings.get("language", "nl"))

    def refresh(self) -> None:
        """Load the digest (this week's when none is chosen, made when missing) and its candidates."""
        self._flush()
        wanted, language = self.digest_id, self._language()

        def load() -> Loaded | tuple[int, int, int]:
            from store import render_html

            kb = self.kb
            year, week = current_week()
            summary = kb.digests.week_digest(year, week, create=False) if wanted is None else \
                kb.digests.get_summary(wanted)
            if summary is None:  # nothing this week yet: offer to start it, make nothing by looking
                return year, week, len(kb.digests.list_digests())
            document = kb.digests.load_document(summary.id, language, include_empty=True)
            positions = {t.key: t.position for t in self.kb.themes()}
            return Loaded(summary, document, positions, kb.digests.list_digests(),
                          render_html(kb.digests.load_document(summary.id, language)))

        self.tasks.run(load, self._loaded, self._failed, what="load digest")

    def _loaded(self, loaded: Loaded | tuple[int, int, int]) -> None:
        if isinstance(loaded, tuple):
            year, week, others = loaded
            self.start_text.setText(self.tr(
                "Nog geen weekoverzicht voor week %1. Voeg signalen toe met Ctrl+D in de lijst, of begin het "
                "overzicht hier: de kandidaten van deze week staan dan klaar.").replace("%1", f"{week} ({year})"))
            self.start_button.setText(self.tr("Weekoverzicht week %1 beginnen").replace("%1", str(week)))
            self.start_archive.setText(self.tr("Laatste overzicht openen"))
            self.start_archive.setVisible(others > 0)
            self.pages.setCurrentWidget(self.start_page)
            return
        self.pages.setCurrentWidget(self.editor_page)
        self.loaded = loaded
        self.digest_id = loaded.summary.id
        self._filling = True
        try:
            if self.title.text() != loaded.summary.title:
                self.title.setText(loaded.summary.title)
            if self.intro.toPlainText() != loaded.document.intro:
                self.intro.setPlainText(loaded.document.intro)
            self.archive.clear()
            for d in loaded.archive:
                status = self.tr("verzonden") if d.status == "sent" else self.tr("concept")
                self.archive.addItem(self.tr("%1 · %2 · %3 signalen").replace("%1", d.label).replace(
                    "%2", status).replace("%3", str(d.items)), d.id)  # the title is in the field above
                self.archive.setItemData(self.archive.count() - 1, literal(d.title), Qt.ItemDataRole.ToolTipRole)
            self.archive.setCurrentIndex(max(0, self.archive.findData(loaded.summary.id)))
            sections = [OutlineSection(s.key, s.title, s.entries, loaded.positions.get(s.key, -1))
                        for s in loaded.document.sections]
            self.tree.fill(sections)
            if self.tree.selected() is None:
                self.tree.select_first_item()
        finally:
            self._filling = False
        self._set_preview(loaded.preview)
        self._show_status()
        self._selection_changed()
        self._load_candidates()

    def _set_preview(self, html: str) -> None:
        bar = self.preview.verticalScrollBar()
        keep = bar.value()
        self.preview.setHtml(html)
        bar.setValue(keep)

    def _show_status(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        summary, count = loaded.summary, len(loaded.document.entries)
        sent = summary.status == "sent"
        self.status_button.setText(self.tr("Terug naar concept") if sent else self.tr("Markeren als verzonden"))
        missing = sum(1 for e in loaded.document.entries if not e.so_what)
        text = self.tr("%1 · %2 – %3 · %4 · %5 signalen").replace("%1", summary.label).replace(
            "%2", summary.start.strftime("%d-%m")).replace("%3", summary.end.strftime("%d-%m-%Y")).replace(
            "%4", self.tr("verzonden") if sent else self.tr("concept")).replace("%5", str(count))
        if missing:
            text += self.tr(" · %1 nog zonder ‘betekenis voor Brabant’").replace("%1", str(missing))
        if not count:
            text += self.tr(" · voeg berichten toe met Ctrl+D in de lijst, of kies Kandidaten")
        self.info.setText(text)
        for button in (*self.export_buttons.values(), self.copy_button):
            button.setEnabled(True)

    def _refresh_preview(self) -> None:
        digest_id, language = self.digest_id, self._language()
        if digest_id is None:
            return

        def load() -> tuple[DigestDocument, str]:
            from store import render_html

            full = self.kb.digests.load_document(digest_id, language, include_empty=True)
            return full, render_html(self.kb.digests.load_document(digest_id, language))

        def done(result: tuple[DigestDocument, str]) -> None:
            if self.loaded is not None and self.digest_id == digest_id:
                self.loaded = Loaded(self.loaded.summary, result[0], self.loaded.positions, self.loaded.archive,
                                     result[1])
                self._set_preview(result[1])
                self._show_status()

        self.tasks.run(load, done, self._failed, what="digest preview")

    def _load_candidates(self) -> None:
        digest_id, language = self.digest_id, self._language()
        if digest_id is None:
            return

        def load():

            return self.kb.digests.digest_candidates(self.kb.stored_vectors(), digest_id, 3, language)

        def done(found) -> None:
            self.candidates.clear()
            section = None
            for c in found:
                if c.section != section:
                    section = c.section
                    head = QListWidgetItem(c.section_title.upper())
                    head.setFlags(Qt.ItemFlag.NoItemFlags)
                    font = head.font()
                    font.setBold(True)
                    head.setFont(font)
                    self.candidates.addItem(head)
                sources = self.tr(" · %1 bronnen").replace("%1", str(c.sources)) if c.sources > 1 else ""
                row = QListWidgetItem(f"{c.title}\n{c.source}{sources} · {decimal(c.score, ui_language())}")
                row.setData(Qt.ItemDataRole.UserRole, (c.item_id, c.section))
                row.setToolTip(literal(c.explanation))
                self.candidates.addItem(row)
            if not found:
                empty = QListWidgetItem(self.tr("Geen kandidaten: alle signalen van deze periode staan al in een "
                                                "overzicht, of er kwam niets binnen."))
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
                self.candidates.addItem(empty)
            self.side.setTabText(1, self.tr("Kandidaten (%1)").replace("%1", str(len(found))))

        self.tasks.run(load, done, self._failed, what="digest candidates")

    # -- editing ------------------------------------------------------------------------------------------
    def _selected_item(self) -> int | None:
        selected = self.tree.selected()
        return int(selected[1]) if selected and selected[0] == "item" else None

    def _open_selected(self) -> None:
        item_id = self._selected_item()
        if item_id:
            self.open_item.emit(item_id)

    def _remove_selected(self) -> None:
        item_id = self._selected_item()
        if item_id:
            self._remove(item_id)

    def _refresh_changed(self, _result: object = None) -> None:
        self.refresh()

    def _selection_changed(self) -> None:
        self._flush()
        item_id = self._selected_item()
        entries = {e.item_id: e for e in self.loaded.document.entries} if self.loaded else {}
        self.entry = entries.get(item_id) if item_id else None
        self._entry_version = self.entry.version if self.entry else 0
        self._filling = True
        try:
            self.summary.setPlainText(self.entry.summary if self.entry else "")
            self.so_what.setPlainText(self.entry.so_what if self.entry else "")
        finally:
            self._filling = False
        self.editor.setEnabled(self.entry is not None)
        for button in (self.open_button, self.remove_button):
            button.setEnabled(self.entry is not None)
        self.saved.setText(self.tr("Wijzigingen worden vanzelf bewaard.") if self.entry else
                           self.tr("Kies een signaal in het overzicht om het te bewerken."))
        if self.entry is not None and self.entry.edited_by:  # team mode: who edited these texts last
            self.saved.setText(self.tr("Laatst bewerkt door %1. Wijzigingen worden vanzelf bewaard.")
                               .replace("%1", who_when(self.entry.edited_by, self.entry.edited_at)))

    def _edited(self, field: str) -> None:
        if self._filling or self.digest_id is None:
            return
        if field in ("summary", "so_what") and self.entry is None:
            return
        self._pending.add(field)
        self.saved.setText(self.tr("Bewaren…"))
        self._save_timer.start()

    def _flush(self) -> None:
        if self._pending:
            self._save_timer.stop()
            self._save_texts()

    def _save_texts(self) -> None:
        fields, self._pending = self._pending, set()
        digest_id, entry = self.digest_id, self.entry
        if not fields or digest_id is None:
            return
        title = self.title.text() if "title" in fields and self.title.text().strip() else None
        intro = self.intro.toPlainText() if "intro" in fields else None
        summary = self.summary.toPlainText() if "summary" in fields and entry else None
        so_what = self.so_what.toPlainText() if "so_what" in fields and entry else None

        based_on = self._entry_version

        def save() -> int | None:
            kb = self.kb
            if title is not None or intro is not None:
                kb.digests.update_digest(digest_id, title=title, intro=intro)
            if entry is not None and (summary is not None or so_what is not None):
                return kb.digests.set_item_text(digest_id, entry.item_id, summary=summary, so_what=so_what,
                                                based_on=based_on)
            return None

        def done(version: int | None) -> None:
            self.saved.setText(self.tr("Bewaard ✓"))
            if version is not None and self.entry is entry:
                self._entry_version = version
            self._refresh_preview()

        self.tasks.run(save, done, self._text_not_saved, what="save digest text")

    def _text_not_saved(self, exc: BaseException) -> None:
        """Team mode: a colleague changed this signal's texts meanwhile: theirs stay saved, yours stay in the
        fields, and the warning says so (saving again, based on theirs, keeps yours)."""
        if isinstance(exc, EditConflictError):
            self._entry_version = exc.version
            self.saved.setText(self.tr("%1 wijzigde dit signaal intussen; je tekst is niet over die van "
                                       "de ander bewaard. Hun tekst: %2. Pas zo nodig aan en bewaar opnieuw.")
                               .replace("%1", exc.by or self.tr("Iemand"))
                               .replace("%2", " / ".join(exc.theirs.splitlines())))
            return
        self._failed(exc)

    def _move(self, move: Move) -> None:
        self._flush()
        digest_id = self.digest_id
        if digest_id is None:
            return

        def apply() -> None:
            if move.kind == "section":
                self.kb.digests.move_section(digest_id, str(move.key), move.position)
            else:
                self.kb.digests.move_item(digest_id, int(move.key), move.section, move.position)

        self.tasks.run(apply, lambda _: self.refresh(), self._failed, what="reorder digest")

    def _remove(self, item_id: int) -> None:
        self._flush()
        digest_id = self.digest_id
        if digest_id is None:
            return
        self.tasks.run(lambda: self.kb.digests.remove_item(digest_id, item_id),
                       self._refresh_changed, self._failed, what="remove from digest")

    def _add_candidates(self, rows: list[QListWidgetItem]) -> None:
        picked = [row.data(Qt.ItemDataRole.UserRole) for row in rows if row.data(Qt.ItemDataRole.UserRole)]
        digest_id = self.digest_id
        if not picked or digest_id is None:
            return

        def add() -> int:
            return sum(not self.kb.digests.add_item(digest_id, item_id, section=section).already_in
                       for item_id, section in picked)

        def done(count: int) -> None:
            self.message.emit(self.tr("%1 signalen toegevoegd.").replace("%1", str(count)))
            self.refresh()

        self.tasks.run(add, done, self._failed, what="add candidates")

    # -- the digest as a whole ----------------------------------------------------------------------------
    def _archive_chosen(self, index: int) -> None:
        digest_id = self.archive.itemData(index)
        if digest_id and digest_id != self.digest_id:
            self.digest_id = int(digest_id)
            self.refresh()

    def _new_digest(self) -> None:
        dialog = NewDigestDialog(local_today(), self)
        if dialog.exec() != NewDigestDialog.DialogCode.Accepted:
            return
        start, end = dialog.period()
        title = dialog.title.text().strip()
        week = iso_week_of_range(start, end)

        def make() -> int:
            kb = self.kb
            if week:
                made = kb.digests.week_digest(*week)
                assert made is not None
                if title:
                    kb.digests.update_digest(made.id, title=title)
                return made.id
            return kb.digests.create_digest(start, end, title).id

        def done(digest_id: int) -> None:
            self.digest_id = digest_id
            self.refresh()

        self.tasks.run(make, done, self._failed, what="new digest")

    def _toggle_status(self) -> None:
        if self.loaded is None:
            return
        digest_id = self.loaded.summary.id
        status = "draft" if self.loaded.summary.status == "sent" else "sent"

        def done(_: None) -> None:
            self.message.emit(self.tr("Gemarkeerd als verzonden.") if status == "sent" else
                              self.tr("Weer een concept."))
            self.refresh()

        self.tasks.run(lambda: self.kb.digests.set_status(digest_id, status), done, self._failed,
                       what="digest status")

    def _delete(self) -> None:
        if self.loaded is None:
            return
        summary = self.loaded.summary
        answer = QMessageBox.question(self, self.tr("Overzicht verwijderen"), literal(self.tr(
            "Overzicht %1 (%2 signalen) verwijderen? De berichten zelf, hun thema's en notities blijven bewaard.")
            .replace("%1", summary.label).replace("%2", str(summary.items))))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: None) -> None:
            self.digest_id = None
            self.refresh()

        self.tasks.run(lambda: self.kb.digests.delete_digest(summary.id), done, self._failed,
                       what="delete digest")

    # -- out ----------------------------------------------------------------------------------------------------
    def copy_as_email(self) -> None:
        """Rich HTML (and plain text) on the clipboard, to paste into Outlook or any mail program."""
        self._flush()
        digest_id, language = self.digest_id, self._language()
        if digest_id is None:
            return

        def render() -> tuple[str, str]:
            from store import render_html, render_markdown

            document = self.kb.digests.load_document(digest_id, language)
            return render_html(document), render_markdown(document)

        def done(result: tuple[str, str]) -> None:
            put_rich_text(*result)
            self.message.emit(self.tr("Het overzicht staat op het klembord: plak het in een nieuwe e-mail."))

        self.tasks.run(render, done, self._failed, what="copy digest")

    def default_export_path(self, fmt: str) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        label = self.loaded.summary.label if self.loaded else "overzicht"
        suffix = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "md": ".md"}[fmt]
        return Path(folder) / f"signalenoverzicht-{label}{suffix}"

    def export(self, fmt: str, path: str | None = None) -> None:
        """Ask where (unless `path` is given) and write the digest in that format."""
        self._flush()
        digest_id, language = self.digest_id, self._language()
        if digest_id is None:
            return
        if path is None:
            name, pattern = next((n, p) for f, n, p in EXPORTS if f == fmt)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Exporteren als %1").replace("%1", name),
                                                  str(self.default_export_path(fmt)), f"{name} ({pattern})")
            if not path:
                return

        def write() -> Path:
            from store import export_digest

            return export_digest(self.kb.digests.load_document(digest_id, language), fmt, Path(path))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Exporteren lukte niet"), literal(self.tr(
                "Het overzicht kon niet worden opgeslagen als %1.\n\nKies een andere map of bestandsnaam, of sluit "
                "het bestand als het nog open staat in een ander programma (bijvoorbeeld Word).\n\nDetails: %2")
                .replace("%1", str(path)).replace("%2", str(exc))))

        self.tasks.run(write, lambda written: self.message.emit(
            self.tr("Opgeslagen: %1").replace("%1", str(written))), failed, what="export digest")

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(user_message(exc))
        if self.saved.text() == self.tr("Bewaren…"):
            self.saved.setText(self.tr("Niet bewaard: %1").replace("%1", user_message(exc)))
