"""Bronnen: add by URL (feed discovery) or search words, OPML import/export, edit, pause, remove,
and a health table (status, last success, last error in words, items, next scan)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import literal, plain_label
from desktop.style import OK, WARNING, relative_date
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from scanner.messages import describe, describe_next_try
from store import KnowledgeBase
from store.core.models import Source

Index = QModelIndex | QPersistentModelIndex


class SourcesModel(QAbstractTableModel):
    COLUMNS = 7

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[Source] = []
        self.language = "nl"

    def set_sources(self, sources: list[Source], language: str) -> None:
        """Show these sources; the same sources with new health update in place (the selection stays)."""
        if [s.id for s in sources] == [s.id for s in self.sources] and language == self.language and sources:
            self.sources = sources
            self.dataChanged.emit(self.index(0, 0), self.index(len(sources) - 1, self.COLUMNS - 1))
            return
        self.beginResetModel()
        self.sources, self.language = sources, language
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Naam"), self.tr("Soort"), self.tr("Status"), self.tr("Laatst gelukt"),
                self.tr("Laatste fout"), self.tr("Berichten"), self.tr("Volgende scan")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.sources):
            return None
        s = self.sources[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kinds = {"feed": self.tr("Feed"), "search": self.tr("Zoekopdracht"), "page": self.tr("Webpagina"),
                     "indicator": self.tr("Indicator (CBS)")}
            status = {"ok": self.tr("✓ in orde"), "not_modified": self.tr("✓ ongewijzigd"),
                      "failing": self.tr("⚠ mislukt"), "never": self.tr("nog niet opgehaald")}
            values = [
                s.name + ("" if s.enabled else self.tr(" (gepauzeerd)")),
                kinds.get(s.kind, s.kind),
                status.get(s.last_status, s.last_status),
                relative_date(s.last_success) or self.tr("nooit"),
                describe(s.last_error_code, s.last_error_params, self.language)
                or describe(s.last_warning_code, s.last_warning_params, self.language),
                str(s.items) if not s.filtered else
                self.tr("%1 (+%2 overgeslagen)").replace("%1", str(s.items)).replace("%2", str(s.filtered)),
                relative_date(s.next_due) if s.next_due else self.tr("bij de volgende scan"),
            ]
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4 and s.last_status == "failing":  # the error's details come from outside
                return literal(describe(s.last_error_code, s.last_error_params, self.language) + " "
                               + describe_next_try(s.next_due, self.language))
            return literal(s.url or "")
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 4):
            if s.last_status == "failing":
                return QBrush(QColor(WARNING))
            if column == 2 and s.last_status in ("ok", "not_modified"):
                return QBrush(QColor(OK))
        if role == Qt.ItemDataRole.UserRole:
            return s.id
        return None


class SourcesView(StoreView, Retranslating, QWidget):

    watches = frozenset({"sources", "scans"})
    refresh_on_language_change = True

    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        self.language = "nl"
        self._build()
        workflows.scan_finished.connect(lambda _: self.refresh())

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        add_row = QHBoxLayout()
        self.address = QLineEdit()
        self.address.returnPressed.connect(self._add)
        add_row.addWidget(self.address, 1)
        self.kind = QComboBox()
        add_row.addWidget(self.kind)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        self.add_result = plain_label(QLabel())  # names and addresses found on the web
        self.add_result.setWordWrap(True)
        self.add_result.hide()  # shown once there is something to say: no empty gap
        layout.addWidget(self.add_result)
        buttons = QHBoxLayout()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._import)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export)
        self.defaults_button = QPushButton()
        self.defaults_button.clicked.connect(lambda: self.workflows.add_default_sources(then_scan=False))
        self.scan_button = QPushButton()
        self.scan_button.clicked.connect(self._scan_selected)
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self._toggle_pause)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        self.check_button = QPushButton()  # try every source once: ok, moved, gone, not a feed
        self.check_button.clicked.connect(lambda: self.workflows.check_sources(then_scan=False))
        for button in (self.import_button, self.export_button, self.defaults_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.check_result = plain_label(QLabel())  # the last check, in words (names come from outside)
        self.check_result.setWordWrap(True)
        self.check_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_result.setStyleSheet("QLabel { background: palette(alternate-base); border-radius: 4px;"
                                        " padding: 6px; }")
        self.check_result.hide()
        layout.addWidget(self.check_result)
        self.model = SourcesModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(50)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.viewport().installEventFilter(self)  # columns follow the table's width
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.empty = QLabel()  # no sources yet: say what to do instead of an empty table
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(30)
        self.table_stack.addWidget(self.empty)
        layout.addWidget(self.table_stack, 1)
        selection_row = QHBoxLayout()  # what acts on the chosen sources sits under them
        self.selection_hint = QLabel()
        self.selection_hint.setStyleSheet("color: palette(placeholder-text);")
        selection_row.addWidget(self.selection_hint, 1)
        for button in (self.scan_button, self.pause_button, self.remove_button):
            selection_row.addWidget(button)
        layout.addLayout(selection_row)
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        self.edit_name = QLineEdit()
        self.edit_folder = QLineEdit()
        self.edit_fulltext = QCheckBox()
        self.edit_selector = QLineEdit()
        self.edit_interval = QSpinBox()
        self.edit_interval.setRange(5, 24 * 60)
        self.edit_interval.setSingleStep(15)
        self.edit_url = plain_label(QLabel())
        self.edit_url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_topic = QCheckBox()
        self.info = plain_label(QLabel())  # terms of use, the topic filter's tally, an indicator's series
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: palette(placeholder-text);")
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        self.form_labels = [QLabel() for _ in range(7)]
        for label, field in zip(self.form_labels, (self.edit_url, self.edit_name, self.edit_folder,
                                                   self.edit_fulltext, self.edit_topic, self.edit_selector,
                                                   self.edit_interval), strict=True):
            form.addRow(label, field)
        form.addRow("", self.info)
        form.addRow("", self.save_button)
        layout.addWidget(self.editor)
        self.editor.hide()
        self.retranslate()

    # shares of the table's width per column: the name most, the error elided, at any window size
    COLUMN_SHARES = (0.28, 0.10, 0.13, 0.11, 0.16, 0.09, 0.13)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        width = self.table.viewport().width()
        for column, share in enumerate(self.COLUMN_SHARES[:self.model.columnCount()]):
            self.table.setColumnWidth(column, int(width * share))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Bronnen"))
        self.address.setPlaceholderText(
            self.tr("Adres van een feed of website, of zoekwoorden voor een nieuwszoekopdracht"))
        current = self.kind.currentIndex()
        self.kind.clear()
        self.kind.addItem(self.tr("Feed of website"), "feed")
        self.kind.addItem(self.tr("Nieuwszoekopdracht"), "search")
        self.kind.addItem(self.tr("Webpagina zonder feed"), "page")
        self.kind.addItem(self.tr("Indicator van het CBS…"), "indicator")
        self.kind.setCurrentIndex(max(0, current))
        self.add_button.setText(self.tr("Toevoegen"))
        self.import_button.setText(self.tr("OPML importeren…"))
        self.export_button.setText(self.tr("OPML exporteren…"))
        self.defaults_button.setText(self.tr("Standaardbronnen toevoegen"))
        self.check_button.setText(self.tr("Bronnen controleren"))
        self.check_button.setToolTip(self.tr(
            "Probeert elke bron één keer (er wordt niets bewaard) en zegt welke werken, verhuisd zijn (het nieuwe "
            "adres wordt overgenomen), niet meer bestaan of geen feed zijn."))
        self.pause_button.setText(self.tr("Pauzeren / hervatten"))
        self.remove_button.setText(self.tr("Verwijderen"))
        self.editor.setTitle(self.tr("Bron bewerken"))
        for label, text in zip(self.form_labels, (self.tr("Adres"), self.tr("Naam"), self.tr("Map"),
                                                  self.tr("Volledige tekst"), self.tr("Onderwerpfilter"),
                                                  self.tr("CSS-selector (webpagina)"),
                                                  self.tr("Elke (minuten)")), strict=True):
            label.setText(text)
        self.edit_fulltext.setText(self.tr("artikelen volledig ophalen als de feed alleen een samenvatting geeft"))
        self.edit_topic.setText(self.tr("alleen berichten over arbeidsmigratie bewaren (voor algemene nieuwsfeeds)"))
        self.edit_topic.setToolTip(self.tr(
            "Een bericht blijft als een regel, een organisatie op de volglijst of een thema het wil, of als het meer "
            "lijkt op de voorbeelden van de thema's dan op ander nieuws; de rest wordt overgeslagen en per bron "
            "geteld. Zet je het filter uit, dan komen overgeslagen berichten bij de volgende scan alsnog binnen "
            "zolang de feed ze nog heeft."))
        self.save_button.setText(self.tr("Wijzigingen bewaren"))
        self.empty.setText(self.tr(
            "Nog geen bronnen om te scannen. Berichten die je importeerde of de voorbeeldberichten komen uit een "
            "bestand, niet uit een bron. Voeg hierboven het adres van een feed of website toe, importeer een "
            "OPML-bestand, of kies ‘Standaardbronnen toevoegen’: de feeds van de provincie, het Rijk, de "
            "Arbeidsinspectie en de regionale media."))
        self._selected()

    def show_check(self, text: str) -> None:
        """The outcome of the last sources check, above the table."""
        self.check_result.setText(text)
        self.check_result.setVisible(bool(text))

    # -- data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.language = str(self.kb.settings.get("language", "nl"))
        self.tasks.run(lambda: self.kb.sources.list_sources(), self._show_sources, what="list sources")

    def _show_sources(self, sources: list[Source]) -> None:
        self.model.set_sources(sources, self.language)
        self.table_stack.setCurrentWidget(self.table if sources else self.empty)
        for widget in (self.selection_hint, self.scan_button, self.pause_button, self.remove_button):
            widget.setVisible(bool(sources))  # nothing to act on: no dead buttons
        self.export_button.setEnabled(bool(sources))
        self.check_button.setEnabled(bool(sources))
        self._selected()

    def _refresh_changed(self, _result: object = None) -> None:
        self.refresh()

    def selected(self) -> list[Source]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.sources[r] for r in rows if r < len(self.model.sources)]

    def _selected(self) -> None:
        chosen = self.selected()
        self.editor.setVisible(len(chosen) == 1)  # the form when there is one source to edit, else the table
        for button in (self.pause_button, self.remove_button):  # they act on the chosen sources
            button.setEnabled(bool(chosen))
        self.scan_button.setText(self.tr("Gekozen bronnen scannen") if chosen else self.tr("Alle bronnen scannen"))
        self.selection_hint.setText(
            self.tr("%1 gekozen").replace("%1", str(len(chosen))) if chosen else
            self.tr("Kies een bron om hem te bewerken (Ctrl of Shift voor meer)."))
        if len(chosen) == 1:
            s = chosen[0]
            self.edit_url.setText(s.url or "")
            self.edit_name.setText(s.name)
            self.edit_folder.setText(s.folder)
            self.edit_fulltext.setChecked(s.fulltext)
            self.edit_selector.setText(s.selector or "")
            self.edit_selector.setEnabled(s.kind == "page")
            self.edit_interval.setValue(s.interval_minutes)
            self.edit_topic.setChecked(s.topic_filter)
            self.edit_topic.setEnabled(s.kind in ("feed", "page"))
            self.edit_fulltext.setEnabled(s.kind != "indicator")
            self.info.setText(self._info(s))
            self.info.setVisible(bool(self.info.text()))

    def _info(self, s: Source) -> str:
        """Terms of use, the topic filter's tally, an indicator's table: what this source's user should know."""
        from scanner.default_sources import source_note

        lines = []
        if s.topic_filter:
            lines.append(self.tr("Onderwerpfilter: %1 berichten bewaard, %2 buiten het onderwerp overgeslagen.")
                         .replace("%1", str(s.items)).replace("%2", str(s.filtered)))
        if s.kind == "indicator" and s.indicator:
            chosen = ", ".join(f"{k} = {str(v).strip()}" for k, v in s.indicator.get("filters", {}).items())
            lines.append(self.tr("CBS-tabel %1, maat %2%3. Elke dag wordt gekeken of er een nieuwe publicatie is; "
                                 "een nieuwe periode die %4 % of meer verschilt met de vorige komt in Nieuw.")
                         .replace("%1", str(s.indicator.get("table", ""))).replace("%2", str(s.indicator.get(
                             "measure", ""))).replace("%3", f" ({chosen})" if chosen else "").replace(
                             "%4", str(round(float(s.indicator.get("threshold", 0.05)) * 100, 1)).rstrip("0")
                             .rstrip(".")))
        note = source_note(s.url)
        if note:
            lines.append(note)
        return "\n".join(lines)

    # -- actions -----------------------------------------------------------------------------------------
    def _add_indicator(self) -> None:
        from desktop.views.indicator_dialog import IndicatorDialog

        base = str(self.kb.settings.get("cbs_odata_base") or "") or None
        dialog = IndicatorDialog(self.workflows.engine, **({"base_url": base} if base else {}),
                                 language=self.language, parent=self)
        dialog.table.setText(self.address.text().strip())
        if dialog.exec() != IndicatorDialog.DialogCode.Accepted:
            return
        settings = dialog.settings()

        def added(source) -> None:
            self.address.clear()
            self.message.emit(self.tr("Indicator toegevoegd: %1. De reeks wordt bij de volgende scan opgehaald.")
                              .replace("%1", source.name))
            self.refresh()

        self.tasks.run(lambda: self.kb.indicators.add(settings), added, self._add_failed, what="add indicator")

    def _add_failed(self, exc: BaseException) -> None:
        self.message.emit(user_message(exc))

    def _add(self) -> None:
        kind = self.kind.currentData()
        if kind == "indicator":
            self._add_indicator()
            return
        text = self.address.text().strip()
        if not text:
            return

        def done(outcome) -> None:
            self.address.clear()
            words = self.tr("Toegevoegd: %1").replace("%1", outcome.source.name)
            if outcome.existed:
                words = self.tr("Deze bron stond er al: %1").replace("%1", outcome.source.name)
            if len(outcome.discovered) > 1:
                words += " " + self.tr("De site heeft nog meer feeds: %1").replace(
                    "%1", ", ".join(f.url for f in outcome.discovered[1:4]))
            if outcome.note:
                words += " " + outcome.note
            self.add_result.setText(words)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.add_result.setText(f"⚠ {user_message(exc)}")

        self.add_result.setText(self.tr("Bezig met controleren van %1…").replace("%1", text))
        self.add_result.show()
        self.workflows.engine.call("add_source", done, failed, text=text, kind=kind, language=self.language)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("OPML importeren"), "",
                                              self.tr("OPML-bestanden (*.opml *.xml);;Alle bestanden (*)"))
        if path:
            self.workflows.import_opml(path, lambda _: self.refresh())

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("OPML exporteren"), "horizonscan-bronnen.opml",
                                              self.tr("OPML-bestanden (*.opml)"))
        if path:
            self.workflows.export_opml(path)

    def _scan_selected(self) -> None:
        ids = [s.id for s in self.selected()]
        self.workflows.scan(ids or None)

    def _toggle_pause(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        enable = not chosen[0].enabled

        def work() -> None:
            for s in chosen:
                self.kb.sources.update_source(s.id, enabled=enable)

        self.tasks.run(work, self._refresh_changed, what="pause source")

    def _remove(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = ", ".join(s.name for s in chosen[:3])
        answer = QMessageBox.question(self, self.tr("Bronnen verwijderen"), literal(self.tr(
            "%1 verwijderen? De berichten die al binnen zijn blijven bewaard, met je thema's en notities.")
            .replace("%1", names)))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work() -> int:
            return sum(self.kb.sources.remove_source(s.id) for s in chosen)

        def removed(kept: int) -> None:
            self._refresh_changed()
            self.message.emit(self.tr("Verwijderd; %1 berichten blijven bewaard.").replace("%1", str(kept)))

        self.tasks.run(work, removed, what="remove source")

    def _save(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        s = chosen[0]
        fields = {"name": self.edit_name.text().strip() or s.name, "folder": self.edit_folder.text().strip(),
                  "fulltext": self.edit_fulltext.isChecked(), "interval_minutes": self.edit_interval.value(),
                  "topic_filter": self.edit_topic.isChecked()}
        if s.kind == "page":
            fields["selector"] = self.edit_selector.text().strip() or None
        forget = s.topic_filter and not self.edit_topic.isChecked()  # off: what it left out may come in again

        def work() -> None:
            self.kb.sources.update_source(s.id, **fields)
            if forget:
                self.kb.sources.forget_filtered(s.id)

        self.tasks.run(work, self._refresh_changed, what="edit source")
