"""Instellingen → Samenwerken: the team server this computer uses (or none: local work), tried before it is
taken, and what the server says about itself. The address is kept in the local data folder's settings, never
a password (that stays in the person's pgpass file, where IT puts it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from desktop.error_text import user_message
from desktop.plain_text import literal, plain_label
from desktop.style import relative_date
from desktop.tasks import TaskManager
from desktop.widgets.retranslating import Retranslating
from store import KnowledgeBase, TeamStatus, load_settings, save_settings, team_status
from store.core.timeutil import parse_stored

SETTING = "team_server"  # in the local settings.json: the server this computer opens at start


def has_password(uri: str) -> bool:
    """True when the address holds a password (user:password@host, or password=...)."""
    rest = uri.split("://", 1)[-1]
    credentials = rest.split("@", 1)[0] if "@" in rest else ""
    return ":" in credentials or "password=" in uri.lower()


class TeamBox(Retranslating, QGroupBox):
    """The team server: its address, a connection test, and switching between team mode and local work."""

    def __init__(self, kb: KnowledgeBase, tasks: TaskManager, restart: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb, self.tasks, self.restart = kb, tasks, restart
        form = QFormLayout(self)
        self.state = plain_label(QLabel())
        self.state.setWordWrap(True)
        form.addRow(self.state)
        self.address_label = QLabel()
        self.address = QLineEdit()
        self.address.setMaximumWidth(520)
        self.address.setText(str(load_settings(kb.data_dir).get(SETTING) or kb.server or ""))
        self.address.textChanged.connect(lambda _: self._update_buttons())
        form.addRow(self.address_label, self.address)
        self.hint = plain_label(QLabel())
        self.hint.setWordWrap(True)
        form.addRow("", self.hint)
        buttons = QHBoxLayout()
        self.test = QPushButton()
        self.test.clicked.connect(self._test)
        self.use = QPushButton()
        self.use.clicked.connect(self._use)
        self.local = QPushButton()
        self.local.clicked.connect(self._work_locally)
        for button in (self.test, self.use, self.local):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.result = plain_label(QLabel())
        self.result.setWordWrap(True)
        form.addRow("", self.result)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Samenwerken (teamserver)"))
        self.address_label.setText(self.tr("Adres van de teamserver"))
        self.address.setPlaceholderText("postgresql://naam@server.provincie.nl/horizonscan?sslmode=require")
        self.hint.setText(self.tr("Het adres krijg je van IT. Zet er geen wachtwoord in: dat staat in je "
                                  "pgpass-bestand. In teammodus delen jij en je collega's berichten, thema's, "
                                  "notities en weekoverzichten; gelezen, ster en instellingen blijven van jou."))
        self.test.setText(self.tr("Verbinding testen"))
        self.use.setText(self.tr("Teamserver gebruiken"))
        self.local.setText(self.tr("Lokaal werken"))
        if self.kb.is_team:
            self.state.setText(self.tr("Teammodus: verbonden met %1 als %2.").replace(
                "%1", self.kb.server_label).replace("%2", self.kb.person or ""))
        else:
            self.state.setText(self.tr("Deze computer werkt lokaal, met de gegevensmap hierboven."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        typed = self.address.text().strip()
        current = self.kb.server
        self.test.setEnabled(bool(typed))
        self.use.setEnabled(bool(typed) and typed != current)
        self.local.setEnabled(self.kb.is_team or bool(load_settings(self.kb.data_dir).get(SETTING)))

    def _checked_address(self) -> str | None:
        uri = self.address.text().strip()
        if has_password(uri):
            self.result.setText(self.tr("Zet geen wachtwoord in het adres: Horizonscan bewaart het adres in een "
                                        "gewoon bestand. IT zet het wachtwoord in je pgpass-bestand."))
            return None
        return uri

    def _test(self) -> None:
        uri = self._checked_address()
        if not uri:
            return
        self.result.setText(self.tr("Verbinding testen…"))
        self.tasks.run(lambda: team_status(uri), self._tested,
                       lambda exc: self.result.setText(user_message(exc)), what="test the team server")

    def _tested(self, status: TeamStatus) -> None:
        if not status.schema_version:
            self.result.setText(self.tr("De server antwoordt (PostgreSQL %1), maar de teamdatabase is nog niet "
                                        "ingericht. Vraag IT ‘horizonscan team init’ uit te voeren.")
                                .replace("%1", status.server_version))
            return
        last = status.last_scan or {}
        when = parse_stored(last.get("finished") or last.get("started")) if last else None
        scan = self.tr("laatste teamscan %1").replace("%1", relative_date(when)) if last else \
            self.tr("nog geen teamscan")
        self.result.setText(self.tr("In orde: PostgreSQL %1, %2 berichten, %3 personen, %4.")
                            .replace("%1", status.server_version).replace("%2", str(status.items))
                            .replace("%3", str(len(status.people))).replace("%4", scan))

    def _use(self) -> None:
        uri = self._checked_address()
        if not uri:
            return
        answer = QMessageBox.question(self, self.tr("Teamserver gebruiken"), literal(self.tr(
            "Horizonscan start opnieuw en werkt dan met de teamserver. Je lokale gegevensmap blijft zoals hij is "
            "(IT kan die met ‘horizonscan team push’ naar de teamserver overzetten). Doorgaan?")))
        if answer == QMessageBox.StandardButton.Yes:
            self._save(uri)
            self.restart()

    def _work_locally(self) -> None:
        answer = QMessageBox.question(self, self.tr("Lokaal werken"), literal(self.tr(
            "Horizonscan start opnieuw en werkt dan met de gegevensmap op deze computer, zonder de teamserver. "
            "Doorgaan?")))
        if answer == QMessageBox.StandardButton.Yes:
            self._save(None)
            self.restart()

    def _save(self, uri: str | None) -> None:
        settings = load_settings(self.kb.data_dir)
        if uri:
            settings[SETTING] = uri
        else:
            settings.pop(SETTING, None)
        save_settings(self.kb.data_dir, settings)
