"""Thema's en regels: edit the taxonomy (add, rename, describe, merge, delete) and each theme's rules
(test before saving, apply to stored items)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
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
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import literal, plain_label
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import KnowledgeBase, Rule, RuleTrial
from store.core.models import Theme

if TYPE_CHECKING:
    from desktop.shell import Shell


class ThemesView(StoreView, Retranslating, QWidget):

    watches = frozenset({"themes", "rules"})
    refresh_on_language_change = True

    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks = kb, tasks
        self.themes: list[Theme] = []
        self.counts: dict[str, int] = {}
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._chosen)
        left_layout.addWidget(self.list, 1)
        order_row = QHBoxLayout()  # the order decides the sidebar and the number keys 1-8
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self._move(1))
        self.order_hint = QLabel()
        self.order_hint.setWordWrap(True)
        self.order_hint.setStyleSheet("color: palette(placeholder-text);")
        order_row.addWidget(self.up_button)
        order_row.addWidget(self.down_button)
        order_row.addStretch(1)
        left_layout.addLayout(order_row)
        left_layout.addWidget(self.order_hint)
        self.new_key = QLineEdit()  # one field per line: the examples in the placeholders fit
        self.new_label = QLineEdit()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        for line_edit in (self.new_key, self.new_label):  # a theme needs both
            line_edit.textChanged.connect(lambda _text: self.add_button.setEnabled(
                bool(self.new_key.text().strip() and self.new_label.text().strip())))
        self.add_button.setEnabled(False)
        left_layout.addWidget(self.new_key)
        left_layout.addWidget(self.new_label)
        left_layout.addWidget(self.add_button)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.edit_box = QGroupBox()
        form = QFormLayout(self.edit_box)
        self.label_nl = QLineEdit()
        self.label_en = QLineEdit()
        self.desc_nl = QPlainTextEdit()
        self.desc_nl.setMaximumHeight(70)
        self.desc_en = QPlainTextEdit()
        self.desc_en.setMaximumHeight(70)
        self.form_labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.form_labels, (self.label_nl, self.label_en, self.desc_nl, self.desc_en),
                                strict=True):
            form.addRow(label, field)
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save)
        self.merge_target = QComboBox()
        self.merge_target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.merge_target.setMinimumContentsLength(14)
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self._merge)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self._delete)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        form.addRow(buttons)
        merge_row = QHBoxLayout()  # "Samenvoegen met: [thema] [Samenvoegen]" reads in order, on its own line
        self.merge_label = QLabel()
        merge_row.addWidget(self.merge_label)
        merge_row.addWidget(self.merge_target, 1)
        merge_row.addWidget(self.merge_button)
        form.addRow(merge_row)
        right_layout.addWidget(self.edit_box)

        self.rules_box = QGroupBox()
        rules_layout = QVBoxLayout(self.rules_box)
        self.rules = QListWidget()
        self.rules.setMaximumHeight(120)
        rules_layout.addWidget(self.rules)
        rule_row = QHBoxLayout()
        self.rule_match = QComboBox()
        self.rule_pattern = QLineEdit()
        self.rule_field = QComboBox()
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self._test_rule)
        self.rule_save = QPushButton()
        self.rule_save.clicked.connect(self._save_rule)
        self.rule_remove = QPushButton()
        self.rule_remove.clicked.connect(self._remove_rule)
        self.rules.currentItemChanged.connect(lambda *_: self._update_rule_buttons())
        self.rule_pattern.textChanged.connect(lambda *_: self._update_rule_buttons())
        self._update_rule_buttons()
        rule_row.addWidget(self.rule_match)  # how and where on one line, the words with room on the next
        rule_row.addWidget(self.rule_field)
        rule_row.addStretch(1)
        rules_layout.addLayout(rule_row)
        pattern_row = QHBoxLayout()
        pattern_row.addWidget(self.rule_pattern, 1)
        pattern_row.addWidget(self.test_button)
        pattern_row.addWidget(self.rule_save)
        rules_layout.addLayout(pattern_row)
        self.rule_result = plain_label(QLabel())  # quotes titles
        self.rule_result.setWordWrap(True)
        rules_layout.addWidget(self.rule_result)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rule_remove)
        bottom.addStretch(1)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self._apply_all)
        bottom.addWidget(self.apply_button)
        rules_layout.addLayout(bottom)
        right_layout.addWidget(self.rules_box, 1)
        splitter.addWidget(right)
        splitter.setSizes([320, 700])
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thema's en regels"))
        self.intro.setText(self.tr(
            "Thema's ordenen de signalen integraal. De beschrijving is ook waarmee Horizonscan nieuwe berichten "
            "vergelijkt om thema's voor te stellen; elke bevestiging maakt de voorstellen beter. "
            "Regels geven een thema automatisch; wat jij verwijdert, komt nooit terug."))
        self.new_key.setPlaceholderText(self.tr("sleutel, bv. onderwijs"))
        self.new_label.setPlaceholderText(self.tr("naam, bv. Onderwijs en taal"))
        self.add_button.setText(self.tr("Thema toevoegen"))
        self.edit_box.setTitle(self.tr("Thema"))
        for label, text in zip(self.form_labels, (self.tr("Naam (NL)"), self.tr("Naam (EN)"),
                                                  self.tr("Beschrijving (NL)"), self.tr("Beschrijving (EN)")),
                               strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Bewaren"))
        self.merge_label.setText(self.tr("Samenvoegen met:"))
        self.merge_button.setText(self.tr("Samenvoegen"))
        self.order_hint.setText(self.tr("De volgorde bepaalt de zijbalk en de cijfertoetsen 1-8."))
        self.up_button.setToolTip(self.tr("Thema een plaats omhoog"))
        self.down_button.setToolTip(self.tr("Thema een plaats omlaag"))
        self.delete_button.setText(self.tr("Verwijderen…"))
        self.rules_box.setTitle(self.tr("Regels voor dit thema"))
        matches = {"any": self.tr("een van de woorden"), "all": self.tr("alle woorden"),
                   "phrase": self.tr("precies deze woordgroep"), "regex": self.tr("reguliere expressie"),
                   "fuzzy": self.tr("ongeveer (tikfouten)")}
        self.rule_match.clear()
        for key, text in matches.items():
            self.rule_match.addItem(text, key)
        self.rule_field.clear()
        for key, text in (("both", self.tr("titel en tekst")), ("title", self.tr("alleen titel")),
                          ("text", self.tr("alleen tekst"))):
            self.rule_field.addItem(text, key)
        self.rule_pattern.setPlaceholderText(self.tr("woorden, bv. short-stay logies \"mid stay\""))
        self.test_button.setText(self.tr("Testen"))
        self.rule_save.setText(self.tr("Regel bewaren"))
        self.rule_remove.setText(self.tr("Regel verwijderen"))
        self.apply_button.setText(self.tr("Alle regels toepassen op alle berichten"))

    # -- data ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        def load():
            themes = self.kb.themes()
            return themes, {t.key: self.kb.taxonomy.count_items_with_theme(t.key) for t in themes}

        self.tasks.run(load, self._loaded, what="list themes")

    def _loaded(self, result) -> None:
        self.themes, self.counts = result
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        language = str(self.kb.settings.get("language", "nl"))
        for n, theme in enumerate(self.themes, start=1):
            key = f"{n}  " if n <= 8 else "    "
            entry = QListWidgetItem(f"{key}{theme.label(language)}  ({self.counts.get(theme.key, 0)})")
            entry.setToolTip(literal(self.tr("%1 berichten met dit thema, ook gelezen en ouder (sleutel: %2)").replace(
                "%1", str(self.counts.get(theme.key, 0))).replace("%2", theme.key)))
            self.list.addItem(entry)
        self.list.blockSignals(False)
        if self.themes:
            self.list.setCurrentRow(min(row, len(self.themes) - 1))
            self._chosen(self.list.currentRow())

    def current(self) -> Theme | None:
        row = self.list.currentRow()
        return self.themes[row] if 0 <= row < len(self.themes) else None

    def _move(self, step: int) -> None:
        theme = self.current()
        if theme is None:
            return
        row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))

        def moved(_order: list[str]) -> None:
            self.list.setCurrentRow(row)  # the theme stays selected at its new place
            self.refresh()

        self.tasks.run(lambda: self.kb.taxonomy.move_theme(theme.key, step), moved, self._failed,
                       what="move theme")

    def _chosen(self, row: int) -> None:
        theme = self.current()
        self.up_button.setEnabled(theme is not None and row > 0)  # no move past either end
        self.down_button.setEnabled(theme is not None and row < self.list.count() - 1)
        self.edit_box.setEnabled(theme is not None)
        self.rules_box.setEnabled(theme is not None)
        if theme is None:
            return
        self.label_nl.setText(theme.label_nl)
        self.label_en.setText(theme.label_en)
        self.desc_nl.setPlainText(theme.description_nl)
        self.desc_en.setPlainText(theme.description_en)
        self.merge_target.clear()
        for other in self.themes:
            if other.key != theme.key:
                self.merge_target.addItem(other.label(str(self.kb.settings.get("language", "nl"))), other.key)
        self.rule_result.clear()
        key = theme.key
        self.tasks.run(lambda: [r for r in self.kb.rules.list_rules() if r.theme_key == key],
                       self._show_rules, what="list rules")

    def _show_rules(self, rules: list[Rule]) -> None:
        self.rules.clear()
        for rule in rules:
            entry = QListWidgetItem(f"#{rule.id}  {rule.match}: {rule.pattern}  [{rule.field}]")
            entry.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.rules.addItem(entry)
        if not rules:
            entry = QListWidgetItem(self.tr("(nog geen regels)"))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.rules.addItem(entry)
        self._update_rule_buttons()

    def _update_rule_buttons(self) -> None:
        """Buttons that act on a rule only when there is one: a chosen rule, or words to test and save."""
        entry = self.rules.currentItem()
        self.rule_remove.setEnabled(bool(entry and entry.data(Qt.ItemDataRole.UserRole)))
        has_pattern = bool(self.rule_pattern.text().strip())
        self.test_button.setEnabled(has_pattern)
        self.rule_save.setEnabled(has_pattern)

    # -- theme actions -----------------------------------------------------------------------------------------
    def _done(self, text: str) -> None:
        self.message.emit(text)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(user_message(exc))
        QMessageBox.warning(self, self.tr("Thema's"), literal(user_message(exc)))

    def _add(self) -> None:
        key, label = self.new_key.text().strip(), self.new_label.text().strip()
        def added(theme: Theme) -> None:
            self.new_key.clear()
            self.new_label.clear()
            self._done(self.tr("Thema %1 toegevoegd.").replace("%1", theme.label_nl))

        self.tasks.run(lambda: self.kb.taxonomy.add_theme(key, label), added, self._failed,
                       what="add theme")

    def _save(self) -> None:
        theme = self.current()
        if theme is None:
            return
        values = (self.label_nl.text(), self.label_en.text(), self.desc_nl.toPlainText(), self.desc_en.toPlainText())

        def work() -> None:
            kb = self.kb
            kb.taxonomy.rename_theme(theme.key, values[0], "nl")
            if values[1].strip():
                kb.taxonomy.rename_theme(theme.key, values[1], "en")
            kb.taxonomy.describe_theme(theme.key, values[2], "nl")
            kb.taxonomy.describe_theme(theme.key, values[3], "en")

        self.tasks.run(work, lambda _: self._done(self.tr("Thema bewaard.")), self._failed, what="edit theme")

    def _merge(self) -> None:
        theme, target = self.current(), self.merge_target.currentData()
        if theme is None or not target:
            return
        answer = QMessageBox.question(self, self.tr("Thema's samenvoegen"), literal(self.tr(
            "Alle %1 berichten van %2 krijgen het thema %3, en %2 verdwijnt. Doorgaan?")
            .replace("%1", str(self.counts.get(theme.key, 0))).replace("%2", theme.label_nl)
            .replace("%3", self.merge_target.currentText())))
        if answer == QMessageBox.StandardButton.Yes:
            self.tasks.run(lambda: self.kb.taxonomy.merge_themes(theme.key, target),
                           lambda moved: self._done(self.tr("Samengevoegd: %1 berichten verplaatst.").replace(
                               "%1", str(moved))), self._failed, what="merge themes")

    def _delete(self) -> None:
        theme = self.current()
        if theme is None:
            return
        count = self.counts.get(theme.key, 0)
        answer = QMessageBox.question(self, self.tr("Thema verwijderen"), literal(self.tr(
            "%1 verwijderen? %2 berichten verliezen dit thema (de berichten zelf blijven).")
            .replace("%1", theme.label_nl).replace("%2", str(count))))
        if answer == QMessageBox.StandardButton.Yes:
            self.tasks.run(lambda: self.kb.taxonomy.delete_theme(theme.key),
                           lambda lost: self._done(self.tr("Thema verwijderd; %1 berichten verloren het.").replace(
                               "%1", str(lost))), self._failed, what="delete theme")

    # -- rules -------------------------------------------------------------------------------------------------
    def _rule_values(self) -> tuple[str, str, str, str] | None:
        theme = self.current()
        if theme is None or not self.rule_pattern.text().strip():
            return None
        return theme.key, self.rule_match.currentData(), self.rule_pattern.text(), self.rule_field.currentData()

    def _test_rule(self) -> None:
        values = self._rule_values()
        if values is None:
            return

        def shown(result: RuleTrial) -> None:
            lines = [self.tr("Deze regel past op %1 van %2 berichten (%3 hebben het thema al).")
                     .replace("%1", str(result.matched)).replace("%2", str(result.scanned))
                     .replace("%3", str(result.already))]
            lines += [f"• {title[:90]}  [{', '.join(words)}]" for _, title, words in result.samples[:5]]
            self.rule_result.setText("\n".join(lines))

        self.tasks.run(lambda: self.kb.rules.try_rule(*values), shown,
                       lambda exc: self.rule_result.setText(f"⚠ {user_message(exc)}"), what="test rule")

    def _save_rule(self) -> None:
        values = self._rule_values()
        if values is None:
            return

        def work() -> tuple[Rule, int]:
            rule = self.kb.rules.add_rule(*values)
            matched = self.kb.rules.apply_rules(self.kb.items.new_item_ids(), [rule]).get(rule.id, 0)
            return rule, matched

        def done(result) -> None:
            rule, matched = result
            self.rule_pattern.clear()
            self._done(self.tr("Regel #%1 bewaard; toegepast op %2 nieuwe berichten. Oudere berichten: "
                               "gebruik ‘Alle regels toepassen’.").replace("%1", str(rule.id))
                       .replace("%2", str(matched)))

        self.tasks.run(work, done, lambda exc: self.rule_result.setText(f"⚠ {user_message(exc)}"),
                       what="add rule")

    def _remove_rule(self) -> None:
        entry = self.rules.currentItem()
        rule_id = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        if rule_id:
            self.tasks.run(lambda: self.kb.rules.remove_rule(rule_id),
                           lambda _: self._done(self.tr("Regel verwijderd; thema's die hij gaf blijven staan.")),
                           self._failed, what="remove rule")

    def _apply_all(self) -> None:
        cast("Shell", self.window()).workflows.apply_rules(
            lambda counts: self._done(self.tr("Regels toegepast: %1 treffers (verwijderde thema's blijven weg).")
                                      .replace("%1", str(sum((counts or {}).values())))))
