"""Help: the keyboard shortcuts and the weekly rhythm, in one page."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView


class HelpView(StoreView, Retranslating, QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setWidget(body)
        self.theme_labels: list[str] = []
        self.retranslate()

    def set_themes(self, labels: list[str]) -> None:
        """The themes in their order: which number key gives which theme."""
        if labels != self.theme_labels:
            self.theme_labels = labels
            self.retranslate()

    def refresh(self) -> None:
        return

    def retranslate(self) -> None:
        keys = [
            ("j / k", self.tr("volgend / vorig bericht")),
            ("s", self.tr("ster aan of uit")),
            ("d", self.tr("afwijzen als ruis (en door naar het volgende)")),
            ("m", self.tr("gelezen / ongelezen")),
            ("Shift+M", self.tr("alles in de lijst als gelezen markeren (Ctrl+Z maakt het ongedaan)")),
            ("1 – 8", self.tr("thema 1 tot 8 geven of weghalen (volgorde van de zijbalk)")),
            ("o", self.tr("artikel openen in de browser")),
            ("/", self.tr("zoeken")),
            ("Ctrl+D", self.tr("aan het weekoverzicht toevoegen")),
            ("c", self.tr("signaalkaart maken van het bericht en zijn verhaal (beoordelen in Signaalkaarten)")),
            ("Ctrl+Enter", self.tr("notitie ‘Wat betekent dit voor Brabant?’ bewaren")),
            ("F5", self.tr("alle bronnen nu scannen")),
            ("F1", self.tr("deze hulp")),
        ]
        keys += [(str(n), html.escape(label)) for n, label in enumerate(self.theme_labels[:8], start=1)]
        rows = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{k}</b></td><td>{v}</td></tr>" for k, v in keys)
        self.text.setText(
            "<h2>" + self.tr("Hulp en sneltoetsen") + "</h2><table>" + rows + "</table>"
            + "<p>" + self.tr("Selecteer meerdere berichten met Shift of Ctrl; s, d, m en 1-8 werken dan op allemaal. "
                              "Met de rechtermuisknop zie je dezelfde acties. De volgorde van de thema's (en dus "
                              "hun cijfer) verander je in Thema's en regels.") + "</p>"
            + "<h2>" + self.tr("De week") + "</h2><p>"
            + self.tr("Maandag: scan, bekijk Nieuw (gerangschikt op signaalsterkte), wijs ruis af, geef thema's en "
                      "sterren, en schrijf bij belangrijke signalen wat ze betekenen voor Brabant. Vrijdag: stel het "
                      "weekoverzicht samen en verstuur het. Later: zoek terug in alles wat ooit is binnengekomen.")
            + "</p><h2>" + self.tr("Zoeken") + "</h2><p>"
            + self.tr("Gewone woorden zoeken op woorden en op betekenis (ook Engels ↔ Nederlands). Gebruik "
                      "\"precies deze woorden\", woord*, OR, NOT of -woord voor meer controle. Een verhaal uit "
                      "meerdere bronnen staat één keer in de lijst, met ‘N bronnen’.")
            + "</p><h2>" + self.tr("Voorstellen en thema's") + "</h2><p>"
            + self.tr("Een gestippeld thema met ? is een voorstel: bevestig het met ✓ of wijs het af met ✗. "
                      "Elke beslissing maakt de voorstellen beter, en wat jij weghaalt, komt nooit terug.")
            + "</p>")
