"""Instellingen: data folder, language model (switching re-embeds, with progress), scan interval,
full-text fetching, back-ups and repair, and the language of the app."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QProcess, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.i18n import LANGUAGES
from desktop.plain_text import literal, plain_label
from desktop.style import relative_date
from desktop.tasks import TaskManager
from desktop.views.team_box import TeamBox
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView
from store import (
    BACKUP_KEEP_WEEKS,
    DEFAULT_SETTINGS,
    BackupError,
    KnowledgeBase,
    list_backups,
    log_file,
    read_backup,
    restore_backup,
)
from store.core.timeutil import local_now, parse_stored

if TYPE_CHECKING:
    from desktop.shell import Shell

log = logging.getLogger(__name__)

PACKAGED_MINILM = "st:sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_EMBEDDER_SPEC = DEFAULT_SETTINGS["embedding_model"]


class SettingsView(StoreView, Retranslating, QWidget):

    refresh_on_language_change = True

    message = Signal(str)

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.workflows = kb, tasks, workflows
        content = QWidget()  # in a scroll area: at 1024 x 700 the groups do not fit on one screen
        layout = QVBoxLayout(content)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long rows wrap instead
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(self.title)

        self.data_box = QGroupBox()
        data_form = QFormLayout(self.data_box)
        self.data_dir = plain_label(QLabel(str(kb.data_dir)))
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
        self.log_path = plain_label(QLabel(str(log_file(kb.data_dir))))
        data_form.addRow(self.log_label, self.log_path)
        layout.addWidget(self.data_box)
        self.team_box = TeamBox(kb, tasks, restart_app)
        layout.addWidget(self.team_box)

        self.model_box = QGroupBox()
        model_form = QFormLayout(self.model_box)
        self.model_choice = QComboBox()
        self.model_choice.currentIndexChanged.connect(self._model_choice_changed)
        self.model_custom = QLineEdit()
        self.model_custom.textChanged.connect(lambda _: self._model_choice_changed())
        self.model_apply = QPushButton()
        self.model_apply.clicked.connect(self._apply_model)
        self.model_note = plain_label(QLabel())
        self.model_note.setWordWrap(True)
        self.model_label = QLabel()
        model_form.addRow(self.model_label, self.model_choice)
        model_form.addRow("", self.model_custom)
        model_form.addRow("", self.model_apply)
        model_form.addRow("", self.model_note)
        self.model_languages = plain_label(QLabel())  # which languages of the migrants' own news it understands
        self.model_languages.setWordWrap(True)
        model_form.addRow("", self.model_languages)
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

        self._build_safety(layout)
        if kb.is_team:  # the team's data is on the server: IT backs it up, its scanner scans, the model is the team's
            self.safety_box.hide()
            self.scan_box.hide()
            self.model_choice.setEnabled(False)
            self.model_custom.setEnabled(False)
            self.model_apply.setEnabled(False)

        self.language_box = QGroupBox()
        language_form = QFormLayout(self.language_box)
        self.language = QComboBox()
        for key, name in LANGUAGES.items():
            self.language.addItem(name, key)
        self.language.activated.connect(self._language_chosen)
        self.language_label = QLabel()
        language_form.addRow(self.language_label, self.language)
        self.alerts_per_day = QSpinBox()
        self.alerts_per_day.setRange(1, 100)
        self.alerts_per_day.valueChanged.connect(self._alerts_changed)
        self.alerts_label = QLabel()
        language_form.addRow(self.alerts_label, self.alerts_per_day)
        layout.addWidget(self.language_box)
        layout.addStretch(1)
        for widget in (self.model_choice, self.model_custom, self.model_apply, self.language):
            widget.setMaximumWidth(520)
        for box in (self.interval, self.keep_weeks, self.alerts_per_day):
            box.setMaximumWidth(110)  # a number of minutes or weeks, not a line of text
        for form in content.findChildren(QFormLayout):  # a narrow window: a long row's label goes above it
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.retranslate()

    def _build_safety(self, layout: QVBoxLayout) -> None:
        """Back-ups (weekly by itself, or now), putting one back, and checking and repairing the data."""
        self.safety_box = QGroupBox()
        form = QFormLayout(self.safety_box)
        self.keep_weeks = QSpinBox()
        self.keep_weeks.setRange(0, 104)
        self.keep_weeks.valueChanged.connect(self._keep_weeks_changed)
        self.keep_label = QLabel()
        form.addRow(self.keep_label, self.keep_weeks)
        self.last_backup = plain_label(QLabel())
        self.last_backup.setWordWrap(True)
        form.addRow("", self.last_backup)
        buttons = QHBoxLayout()
        self.backup_now = QPushButton()
        self.backup_now.clicked.connect(self._backup_now)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self._restore)
        self.doctor_button = QPushButton()
        self.doctor_button.clicked.connect(self._check_and_repair)
        for button in (self.backup_now, self.restore_button, self.doctor_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.safety_result = plain_label(QLabel())
        self.safety_result.setWordWrap(True)
        form.addRow("", self.safety_result)
        layout.addWidget(self.safety_box)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Instellingen"))
        self.safety_box.setTitle(self.tr("Back-ups en herstel"))
        self.keep_label.setText(self.tr("Wekelijkse back-up bewaren (weken, 0 = uit)"))
        self.backup_now.setText(self.tr("Nu een back-up maken…"))
        self.restore_button.setText(self.tr("Back-up terugzetten…"))
        self.doctor_button.setText(self.tr("Controleren en herstellen"))
        self.doctor_button.setToolTip(self.tr("Controleert de gegevens en de zoekindexen en herstelt wat kan; "
                                              "je notities, tags en weekoverzichten blijven onaangeroerd."))
        self.data_box.setTitle(self.tr("Gegevens"))
        self.data_label.setText(self.tr("Map op deze computer (logbestand)") if self.kb.is_team else
                                self.tr("Map met alle gegevens"))
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
        self.model_languages.setText(self.tr(
            "Talen: het standaardmodel begrijpt onder meer Nederlands, Engels en Pools, maar geen Roemeens of "
            "Bulgaars: berichten in die talen vind je dan niet met een Nederlandse zoekvraag, wel met zoekwoorden "
            "in hun eigen taal. Wie een model kan installeren dat ze wel kent, kiest hierboven ‘Ander "
            "sentence-transformers-model…’, bijvoorbeeld intfloat/multilingual-e5-small."))
        self.model_apply.setToolTip(self.tr("Horizonscan leest dan alle berichten opnieuw met het gekozen model; "
                                            "dat kan even duren, en je kunt intussen doorwerken."))
        self.scan_box.setTitle(self.tr("Scannen"))
        self.interval_label.setText(self.tr("Automatisch scannen elke (minuten, 0 = uit)"))
        self.alerts_label.setText(self.tr("Meldingen per dag (hoogstens)"))
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
        self.model_note.setText(self.tr("In gebruik: %1").replace("%1", name) + (self.tr(
            " (het model van het hele team: IT kiest het met ‘horizonscan team init --model’)")
            if self.kb.is_team else ""))
        self.interval.blockSignals(True)
        self.interval.setValue(int(settings.get("scan_interval_minutes", 60) or 0))
        self.interval.blockSignals(False)
        self.fulltext.blockSignals(True)
        self.fulltext.setChecked(bool(settings.get("fulltext", True)))
        self.fulltext.blockSignals(False)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language", "nl"))))
        self.alerts_per_day.blockSignals(True)
        self.alerts_per_day.setValue(int(settings.get("alerts_per_day", 10) or 10))
        self.alerts_per_day.blockSignals(False)
        self.keep_weeks.blockSignals(True)
        self.keep_weeks.setValue(int(settings.get("backup_keep_weeks", BACKUP_KEEP_WEEKS)))
        self.keep_weeks.blockSignals(False)
        self._show_last_backup()

    # -- back-ups and repair ---------------------------------------------------------------------------
    def _show_last_backup(self) -> None:
        backups = list_backups(self.kb.data_dir)
        if not backups:
            self.last_backup.setText(self.tr("Nog geen automatische back-up; de eerste komt bij de volgende start "
                                             "of scan."))
            return
        newest = backups[0]
        self.last_backup.setText(self.tr("Laatste automatische back-up: %1 (%2 MB), %3 bewaard in %4").replace(
            "%1", newest.stem.removeprefix("horizonscan-")).replace(
            "%2", f"{newest.stat().st_size / 1_000_000:.1f}".replace(".", "," if self._dutch() else ".")).replace(
            "%3", str(len(backups))).replace("%4", str(newest.parent)))

    def _dutch(self) -> bool:
        return str(self.kb.settings.get("language", "nl")) == "nl"

    def _keep_weeks_changed(self, weeks: int) -> None:
        self.kb.settings["backup_keep_weeks"] = weeks
        self._save()

    def _backup_now(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"horizonscan-back-up-{local_now():%Y-%m-%d}.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back-up opslaan"), str(Path(start) / name),
                                              self.tr("Back-up (*.zip)"))
        if not path:
            return
        if not path.lower().endswith(".zip"):
            path += ".zip"
        self.safety_result.setText(self.tr("Back-up maken…"))
        engine = cast("Shell", self.window()).engine
        assert engine is not None

        def done(info) -> None:
            self.safety_result.setText(self.tr("Back-up opgeslagen: %1 (%2 berichten).").replace(
                "%1", str(info.path)).replace("%2", str(info.items)))

        engine.call("backup", done, self._failed, target=path)

    def _failed(self, exc: BaseException) -> None:
        self.safety_result.setText(f"⚠ {user_message(exc)}")

    def _restore(self) -> None:
        start = str(self.kb.data_dir / "backups")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Back-up terugzetten"), start, self.tr("Back-up (*.zip)"))
        if not path:
            return
        try:
            info = read_backup(Path(path))
        except BackupError as exc:
            self._failed(exc)
            return
        created = parse_stored(info.created)
        when = relative_date(created) if created else info.created
        answer = QMessageBox.question(self, self.tr("Back-up terugzetten"), literal(self.tr(
            "De gegevens worden vervangen door de back-up van %1 (%2 berichten). De huidige gegevens blijven "
            "ernaast bewaard. Horizonscan start daarna opnieuw. Doorgaan?").replace("%1", when).replace(
            "%2", str(info.items))))
        if answer != QMessageBox.StandardButton.Yes:
            return
        shell = cast("Shell", self.window())
        self.safety_result.setText(self.tr("Back-up terugzetten…"))
        if shell.engine is not None:
            shell.engine.stop()  # nothing may write to the old file while it is replaced
        data_dir = self.kb.data_dir
        self.tasks.run(lambda: restore_backup(data_dir, Path(path)), lambda _: restart_app(), self._failed,
                       what="restore backup")

    def _check_and_repair(self) -> None:
        engine = cast("Shell", self.window()).engine
        assert engine is not None
        self.doctor_button.setEnabled(False)
        self.safety_result.setText(self.tr("Controleren…"))

        def done(report) -> None:
            self.doctor_button.setEnabled(True)
            self.safety_result.setText(doctor_summary(report, self.tr))

        def failed(exc: BaseException) -> None:
            self.doctor_button.setEnabled(True)
            self._failed(exc)

        job = engine.job("doctor", done, failed)
        cast("Shell", self.window()).status.follow(job, lambda _event: self.tr("Gegevens controleren…"))

    def _save(self) -> None:
        self.kb.save_settings()

    def _interval_changed(self, minutes: int) -> None:
        self.kb.settings["scan_interval_minutes"] = minutes
        self._save()
        cast("Shell", self.window()).apply_scan_interval()

    def _alerts_changed(self, count: int) -> None:
        self.kb.settings["alerts_per_day"] = count
        self._save()

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
        self.model_apply.setEnabled(not same and not self.kb.is_team)  # nothing to do for the model in use

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
        answer = QMessageBox.question(self, self.tr("Andere gegevensmap"), literal(self.tr(
            "Horizonscan start opnieuw met de map %1. De huidige map blijft zoals hij is. Doorgaan?")
            .replace("%1", folder)))
        if answer == QMessageBox.StandardButton.Yes:
            QSettings().setValue("data_dir", folder)
            restart_app(drop_data_dir=True)


def restart_app(drop_data_dir: bool = False) -> None:
    """Start Horizonscan again (with the same arguments) and close this one."""
    args = [a for a in sys.argv[1:] if not (drop_data_dir and a.startswith("--data-dir"))]
    if not getattr(sys, "frozen", False):
        args = [sys.argv[0], *args]
    QProcess.startDetached(sys.executable, args)
    QApplication.quit()


CHECK_NAMES = {  # doctor's checks, in the interface's words
    "disk": QT_TRANSLATE_NOOP("SettingsView", "Vrije ruimte op de schijf"),
    "database": QT_TRANSLATE_NOOP("SettingsView", "Gegevensbestand"),
    "keyword index": QT_TRANSLATE_NOOP("SettingsView", "Index voor zoeken op trefwoord"),
    "embeddings": QT_TRANSLATE_NOOP("SettingsView", "Berichten ingelezen door het taalmodel"),
    "vector index": QT_TRANSLATE_NOOP("SettingsView", "Index voor zoeken op betekenis"),
    "automation": QT_TRANSLATE_NOOP("SettingsView", "Verhalen, regels, volglijst en voorstellen"),
    "scan runs": QT_TRANSLATE_NOOP("SettingsView", "Afgebroken scans"),
}
STATUS_WORDS = {
    "ok": QT_TRANSLATE_NOOP("SettingsView", "in orde"),
    "repaired": QT_TRANSLATE_NOOP("SettingsView", "hersteld"),
    "problem": QT_TRANSLATE_NOOP("SettingsView", "probleem"),
}


def doctor_summary(report, tr) -> str:
    """One line per check in the interface's language (the technical details go to the log)."""
    lines = [f"{'✓' if c.status == 'ok' else '↻' if c.status == 'repaired' else '⚠'} "
             f"{tr(str(CHECK_NAMES.get(c.name, c.name)))}: {tr(str(STATUS_WORDS.get(c.status, c.status)))}"
             for c in report.checks]
    for check in report.checks:
        log.info("doctor: %s %s: %s", check.status, check.name, check.detail)
    verdict = tr("Alles in orde.") if all(c.status == "ok" for c in report.checks) else (
        tr("Hersteld wat kon; de details staan in het logbestand.") if report.healthy else
        tr("Niet alles kon worden hersteld; de details staan in het logbestand."))
    return "\n".join([verdict, *lines])
