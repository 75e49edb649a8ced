"""Instellingen: data folder, language model (switching re-embeds, with progress), scan interval,
full-text fetching and the language of the app."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QProcess, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import DEFAULT_SETTINGS, KnowledgeBase, log_file, save_settings

if TYPE_CHECKING:
    from desktop.shell import Shell

PACKAGED_MINILM = "st:sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_EMBEDDER_SPEC = DEFAULT_SETTINGS["embedding_model"]


class SettingsView(StoreView, Retranslating, QWidget):

    refresh_on_language_change = True

    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)

        self.data_box = QGroupBox()
        data_form = QFormLayout(self.data_box)
        self.data_dir = QLabel(str(kb.data_dir))
        self.data_dir.setWordWrap(True)
        data_buttons = QHBoxLayout()
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(kb.data_dir))))
        self.choose_folder = QPushButton()
        self.choose_folder.clicked.connect(self._choose_folder)
        data_buttons.addWidget(self.open_folder)
        data_buttons.addWidget(self.choose_folder)
        data_buttons.addStretch(1)
        self.data_label = QLabel()
        data_form.addRow(self.data_label, self.data_dir)
        data_form.addRow("", data_buttons)
        self.log_label = QLabel()
        self.log_path = QLabel(str(log_file(kb.data_dir)))
        data_form.addRow(self.log_label, self.log_path)
        layout.addWidget(self.data_box)

        self.model_box = QGroupBox()
        model_form = QFormLayout(self.model_box)
        self.model_choice = QComboBox()
        self.model_choice.currentIndexChanged.connect(self._model_choice_changed)
        self.model_custom = QLineEdit()
        self.model_custom.textChanged.connect(lambda _: self._model_choice_changed())
        self.model_apply = QPushButton()
        self.model_apply.clicked.connect(self._apply_model)
        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        self.model_label = QLabel()
        model_form.addRow(self.model_label, self.model_choice)
        model_form.addRow("", self.model_custom)
        model_form.addRow("", self.model_apply)
        model_form.addRow("", self.model_note)
        layout.addWidget(self.model_box)

        self.scan_box = QGroupBox()
        scan_form = QFormLayout(self.scan_box)
        self.interval = QSpinBox()
        self.interval.setRange(0, 24 * 60)
        self.interval.setSingleStep(15)
        self.interval.valueChanged.connect(self._interval_changed)
        self.fulltext = QCheckBox()
        self.fulltext.toggled.connect(self._fulltext_changed)
        self.interval_label = QLabel()
        scan_form.addRow(self.interval_label, self.interval)
        scan_form.addRow("", self.fulltext)
        layout.addWidget(self.scan_box)

        self.language_box = QGroupBox()
        language_form = QFormLayout(self.language_box)
        self.language = QComboBox()
        for key, name in LANGUAGES.items():
            self.language.addItem(name, key)
        self.language.activated.connect(self._language_chosen)
        self.language_label = QLabel()
        language_form.addRow(self.language_label, self.language)
        layout.addWidget(self.language_box)
        layout.addStretch(1)
        for widget in (self.model_choice, self.model_custom, self.model_apply, self.interval, self.language):
            widget.setMaximumWidth(520)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Instellingen"))
        self.data_box.setTitle(self.tr("Gegevens"))
        self.data_label.setText(self.tr("Map met alle gegevens"))
        self.open_folder.setText(self.tr("Map openen"))
        self.choose_folder.setText(self.tr("Andere map kiezen…"))
        self.log_label.setText(self.tr("Logbestand (voor ondersteuning)"))
        self.model_box.setTitle(self.tr("Taalmodel (zoeken op betekenis, themavoorstellen)"))
        self.model_label.setText(self.tr("Model"))
        current = self.model_choice.currentIndex()
        self.model_choice.blockSignals(True)
        self.model_choice.clear()
        self.model_choice.addItem(self.tr("USE meertalig (standaard, goed voor Nederlands)"), DEFAULT_EMBEDDER_SPEC)
        self.model_choice.addItem(self.tr("all-MiniLM-L6-v2 (meegeleverd, alleen Engels)"), PACKAGED_MINILM)
        self.model_choice.addItem(self.tr("Ander sentence-transformers-model…"), "custom")
        self.model_choice.blockSignals(False)
        self.model_choice.setCurrentIndex(max(0, current))
        self.model_custom.setPlaceholderText(self.tr("naam of map, bv. intfloat/multilingual-e5-small"))
        self.model_apply.setText(self.tr("Dit model gebruiken"))
        self.model_apply.setToolTip(self.tr("Horizonscan leest dan alle berichten opnieuw met het gekozen model; "
                                            "dat kan even duren, en je kunt intussen doorwerken."))
        self.scan_box.setTitle(self.tr("Scannen"))
        self.interval_label.setText(self.tr("Automatisch scannen elke (minuten, 0 = uit)"))
        self.fulltext.setText(self.tr("Volledige artikeltekst ophalen als een feed alleen een samenvatting geeft"))
        self.language_box.setTitle(self.tr("Taal"))
        self.language_label.setText(self.tr("Taal van Horizonscan"))

    def refresh(self) -> None:
        settings = self.kb.settings
        spec = str(settings.get("embedding_model") or DEFAULT_EMBEDDER_SPEC)
        index = self.model_choice.findData(spec)
        self.model_choice.blockSignals(True)
        if index < 0:
            self.model_choice.setCurrentIndex(self.model_choice.findData("custom"))
            self.model_custom.setText(spec.split(":", 1)[-1])
        else:
            self.model_choice.setCurrentIndex(index)
        self.model_choice.blockSignals(False)
        self._model_choice_changed()
        index = self.model_choice.findData(spec)
        name = self.model_choice.itemText(index) if index >= 0 else spec.split(":", 1)[-1]
        self.model_note.setText(self.tr("In gebruik: %1").replace("%1", name))
        self.interval.blockSignals(True)
        self.interval.setValue(int(settings.get("scan_interval_minutes", 60) or 0))
        self.interval.blockSignals(False)
        self.fulltext.blockSignals(True)
        self.fulltext.setChecked(bool(settings.get("fulltext", True)))
        self.fulltext.blockSignals(False)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language", "nl"))))

    def _save(self) -> None:
        save_settings(self.kb.data_dir, self.kb.settings)

    def _interval_changed(self, minutes: int) -> None:
        self.kb.settings["scan_interval_minutes"] = minutes
        self._save()
        cast("Shell", self.window()).apply_scan_interval()

    def _fulltext_changed(self, on: bool) -> None:
        self.kb.settings["fulltext"] = on
        self._save()

    def _language_chosen(self, _index: int) -> None:
        cast("Shell", self.window()).set_language(self.language.currentData())

    def _model_choice_changed(self) -> None:
        self.model_custom.setVisible(self.model_choice.currentData() == "custom")
        in_use = str(self.kb.settings.get("embedding_model") or DEFAULT_EMBEDDER_SPEC)
        chosen = self.model_choice.currentData()
        if chosen == "custom":
            same = self.model_custom.text().strip() == in_use.split(":", 1)[-1]
        else:
            same = chosen == in_use
        self.model_apply.setEnabled(not same)  # nothing to do for the model in use

    def _apply_model(self) -> None:
        choice = self.model_choice.currentData()
        spec = f"st:{self.model_custom.text().strip()}" if choice == "custom" else choice
        if not spec or spec == "st:":
            return
        count = self.kb.items.count()
        answer = QMessageBox.question(self, self.tr("Ander taalmodel"), self.tr(
            "Alle %1 berichten worden opnieuw ingebed met dit model. Dat kan even duren; je kunt intussen "
            "doorwerken (zoeken op trefwoord blijft werken). Doorgaan?").replace("%1", str(count)))
        if answer == QMessageBox.StandardButton.Yes:
            self.workflows.change_model(spec)
            self.model_note.setText(self.tr("Bezig met overschakelen naar %1…").replace("%1", spec))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Map voor de gegevens"), str(self.kb.data_dir))
        if not folder or folder == str(self.kb.data_dir):
            return
        answer = QMessageBox.question(self, self.tr("Andere gegevensmap"), self.tr(
            "Horizonscan start opnieuw met de map %1. De huidige map blijft zoals hij is. Doorgaan?")
            .replace("%1", folder))
        if answer == QMessageBox.StandardButton.Yes:
            QSettings().setValue("data_dir", folder)
            args = [a for a in sys.argv[1:] if not a.startswith("--data-dir")]
            if not getattr(sys, "frozen", False):
                args = [sys.argv[0], *args]
            QProcess.startDetached(sys.executable, args)
            QApplication.quit()
