"""The item list: a model/view list with a multi-selection and bulk actions in its menu.

The triage keys (j/k, s, d, m, 1-8, o) are window shortcuts, so they work from the reader too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.item_delegate import ItemDelegate
from desktop.item_model import IdRole, ItemListModel
from desktop.plain_text import plain_label
from desktop.style import no_mnemonic


class ItemListView(QListView):
    current_item = Signal(object)  # item id or None
    action = Signal(str, object)  # (star|dismiss|read|unread|theme:KEY|open|digest, [item ids])

    def __init__(self, model: ItemListModel, delegate: ItemDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.item_model = model
        self.setItemDelegate(delegate)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.theme_keys: list[tuple[str, str]] = []  # (key, label) in order: keys 1-8
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._reconnect)

    def _reconnect(self) -> None:
        self.current_item.emit(None)

    def _current_changed(self, current, _previous) -> None:
        self.current_item.emit(current.data(IdRole) if current.isValid() else None)

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        ids = [self.model().index(r, 0).data(IdRole) for r in rows]
        if not ids and self.currentIndex().isValid():
            ids = [self.currentIndex().data(IdRole)]
        return [i for i in ids if i is not None]

    def move_current(self, step: int) -> None:
        """Make the item `step` rows down (up when negative) current and selected; the first when none is."""
        count = self.model().rowCount()
        if not count:
            return
        row = self.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + step))
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def forget_current(self) -> None:
        """No row is current or selected (the reader shows an item from elsewhere)."""
        self.selectionModel().blockSignals(True)
        self.selectionModel().clear()
        self.selectionModel().blockSignals(False)
        self.viewport().update()

    def select_id(self, item_id: int) -> bool:
        row = self.item_model.row_of(item_id)
        if row is None:
            return False
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)
        return True

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 - letters are triage keys, not search
        return

    def _menu(self, pos) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        n = len(ids)
        suffix = f" ({n})" if n > 1 else ""
        for name, text in (("star", self.tr("Ster aan/uit (s)")), ("read", self.tr("Markeren als gelezen")),
                           ("unread", self.tr("Markeren als ongelezen")), ("dismiss", self.tr("Afwijzen als ruis (d)")),
                           ("restore", self.tr("Terugzetten (niet meer afgewezen)")),
                           ("digest", self.tr("Aan weekoverzicht toevoegen (Ctrl+D)")),
                           ("card", self.tr("Signaalkaart maken (c)"))):
            menu.addAction(text + suffix).triggered.connect(lambda _=False, a=name: self.action.emit(a, ids))
        themes = menu.addMenu(self.tr("Thema geven") + suffix)
        for number, (key, label) in enumerate(self.theme_keys, start=1):
            shortcut = f"\t{number}" if number <= 8 else ""
            themes.addAction(no_mnemonic(label) + shortcut).triggered.connect(
                lambda _=False, k=key: self.action.emit(f"tag:{k}", ids))
        menu.exec(self.viewport().mapToGlobal(pos))


class ItemListPanel(QWidget):
    """The list with an explanation in its place when it is empty (and, after a search that found
    nothing, what to try, with buttons for the changes it can make itself)."""

    fix_requested = Signal(str)  # a hint code of store.nothing_found_hints: semantic_on, keyword_on, fewer_filters
    mark_all_requested = Signal()
    undo_requested = Signal()

    def __init__(self, view: ItemListView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty_page = QWidget()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(30)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.tips = QLabel()
        self.tips.setWordWrap(True)
        self.tips.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tips.setStyleSheet("color: palette(placeholder-text);")
        self.tips.setTextFormat(Qt.TextFormat.PlainText)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        self.fix_buttons: dict[str, QPushButton] = {}
        for code in ("semantic_on", "keyword_on", "fewer_filters"):
            button = QPushButton()
            button.clicked.connect(lambda _=False, c=code: self.fix_requested.emit(c))
            button.hide()
            self.fix_buttons[code] = button
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.tips)
        empty_layout.addLayout(self._buttons)
        empty_layout.addStretch(2)
        self.header = plain_label(QLabel())  # quotes the search
        self.header.setWordWrap(True)
        self.header.setMargin(6)
        self.header.setStyleSheet("color: palette(placeholder-text);")
        self.mark_all_button = QPushButton()  # every item of this list read (a view, theme, source or search)
        self.mark_all_button.clicked.connect(self.mark_all_requested)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.hide()
        self._stack = QStackedLayout()
        self._stack.addWidget(view)
        self._stack.addWidget(self.empty_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 4, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.undo_button)
        top.addWidget(self.mark_all_button)
        layout.addLayout(top)
        layout.addLayout(self._stack, 1)
        self._retranslate_buttons()

    def show_list(self, header: str = "") -> None:
        self.header.setText(header)
        self.header.setVisible(True)
        self._stack.setCurrentWidget(self.view)
        self.mark_all_button.setEnabled(True)

    def offer_undo(self, count: int) -> None:
        """After "mark all as read": a button (and Ctrl+Z) to undo it, until the list changes again."""
        self.undo_button.setText(self.tr("Ongedaan maken (%1)").replace("%1", str(count)))
        self.undo_button.setVisible(count > 0)

    def clear_undo(self) -> None:
        self.undo_button.hide()

    def show_empty(self, text: str, header: str = "", hints: list[str] | None = None) -> None:
        """Explain the empty list; `hints` (codes of store.nothing_found_hints) add what to try."""
        self.header.setText(header)
        self.header.setVisible(True)
        self.mark_all_button.setEnabled(False)
        self.empty.setText(text)
        hints = hints or []
        tips = [self._tip(h) for h in hints]
        self.tips.setText(self.tr("Probeer: %1").replace("%1", "; ".join(t for t in tips if t)) if tips else "")
        self.tips.setVisible(bool(tips))
        for code, button in self.fix_buttons.items():
            button.setVisible(code in hints)
        self._stack.setCurrentWidget(self.empty_page)

    def _tip(self, code: str) -> str:
        return {
            "fewer_words": self.tr("minder woorden"),
            "spelling": self.tr("een andere spelling of een synoniem"),
            "semantic_on": self.tr("ook zoeken op betekenis"),
            "keyword_on": self.tr("ook zoeken op trefwoord"),
            "fewer_filters": self.tr("minder filters"),
        }.get(code, "")

    def _retranslate_buttons(self) -> None:
        self.mark_all_button.setText(self.tr("✓ Alles gelezen"))
        self.mark_all_button.setToolTip(self.tr("Markeer alle berichten in deze lijst als gelezen (Shift+M); "
                                                "Ctrl+Z maakt het ongedaan"))
        self.fix_buttons["semantic_on"].setText(self.tr("Ook op betekenis zoeken"))
        self.fix_buttons["keyword_on"].setText(self.tr("Ook op trefwoord zoeken"))
        self.fix_buttons["fewer_filters"].setText(self.tr("Filters wissen"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_buttons()
