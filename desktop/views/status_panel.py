"""The status bar: progress of a long job (e.g. "Scannen: 38/52 bronnen · 41 nieuw") with a
cancel button, messages, and the state of the language model."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.plain_text import plain_label
from desktop.tasks import Job
from desktop.widgets.retranslating import Retranslating
from store.core.progress import ProgressEvent


class StatusPanel(Retranslating, QStatusBar):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = plain_label(QLabel())  # messages name sources, items, actors
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self._cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.addWidget(box)
        self.team_label = plain_label(QLabel())  # team mode: who, and the team's last scan or the server away
        self.team_label.hide()
        self.addPermanentWidget(self.team_label)
        self.model_label = plain_label(QLabel())
        self.addPermanentWidget(self.model_label)
        self.job: Job | None = None
        self._describe = lambda event: ""
        self._model_state = "loading"
        self._model_name = ""
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(lambda: self.label.setText(""))
        self.idle()
        self.retranslate()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Annuleren"))
        self.set_model_state(self._model_state, self._model_name)

    def follow(self, job: Job, describe) -> None:
        """Show a job's progress; `describe(event)` turns a ProgressEvent into words."""
        self.job = job
        self._describe = describe
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.show()
        self.cancel.setEnabled(True)
        self.label.setText(describe(ProgressEvent("start", 0, None)))
        self._hide_timer.stop()
        job.progressed.connect(self._progress)
        job.finished.connect(self.idle)

    def _progress(self, event: ProgressEvent) -> None:
        if event.total:
            self.bar.setRange(0, event.total)
            self.bar.setValue(event.done)
        self.label.setText(self._describe(event))

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            self.label.setText(self.tr("Annuleren… (wat al binnen is, blijft bewaard)"))
        self.cancel_requested.emit()

    def idle(self) -> None:
        self.job = None
        self.bar.hide()
        self.cancel.hide()

    def say(self, text: str, seconds: int = 8) -> None:
        """A message that disappears after a while (a running job's progress takes it over)."""
        if self.job is None:
            self.label.setText(text)
            self._hide_timer.start(seconds * 1000)

    def set_team(self, text: str, reachable: bool = True) -> None:
        """Team mode: a short line about the team server (red while it cannot be reached)."""
        self.team_label.setText(text)
        self.team_label.setStyleSheet("" if reachable else "color: #b3261e; font-weight: bold;")
        self.team_label.setVisible(bool(text))

    def set_model_state(self, state: str, name: str = "") -> None:
        self._model_state, self._model_name = state, name
        if name == "USE meertalig (standaard)":  # the default embedder's label from the store, in Dutch
            name = self.tr("USE meertalig (standaard)")
        text = {"loading": self.tr("Taalmodel laden…"), "ready": self.tr("Model: %1 ✓").replace("%1", name),
                "error": self.tr("Taalmodel niet beschikbaar: zoeken op trefwoord werkt")}.get(state, "")
        self.model_label.setText(text)
