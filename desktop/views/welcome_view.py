"""The first run on an empty data folder: start with the default sources, the example data, or OPML."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.style import UNREAD
from desktop.widgets.retranslating import Retranslating
from desktop.widgets.store_view import StoreView

COLUMN_WIDTH = 560


class WelcomeView(StoreView, Retranslating, QWidget):
    def __init__(self, workflows, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workflows = workflows
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)  # wrapped text needs a width, or it is squeezed and clipped
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(column)
        layout.setSpacing(14)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        self.defaults = QPushButton()  # the first step: large, in the accent colour, the default button
        self.defaults.setMinimumHeight(52)
        self.defaults.setDefault(True)
        self.defaults.setStyleSheet(f"QPushButton {{ background: {UNREAD}; color: white; font-weight: bold;"
                                    " font-size: 12pt; border-radius: 6px; padding: 8px; }")
        self.defaults.clicked.connect(lambda: self.workflows.add_default_sources(then_scan=True))
        self.or_label = QLabel()
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.or_label.setStyleSheet("color: palette(placeholder-text);")
        self.example = QPushButton()  # the alternatives: smaller, plain
        self.example.setMinimumHeight(34)
        self.example.clicked.connect(self.workflows.load_example_data)
        self.opml = QPushButton()
        self.opml.setMinimumHeight(34)
        self.opml.clicked.connect(self._import)
        for widget in (self.defaults, self.or_label, self.example, self.opml):
            layout.addWidget(widget)
        self.footer = QLabel()
        self.footer.setWordWrap(True)
        self.footer.setStyleSheet("color: palette(placeholder-text);")
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.footer)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welkom bij Horizonscan"))
        self.text.setText(self.tr(
            "Horizonscan volgt het nieuws over arbeidsmigratie in Brabant: het haalt berichten op uit je "
            "bronnen, ordent ze per thema en helpt je elke week een weekoverzicht te maken. "
            "Er staat nog niets in. Hoe wil je beginnen?"))
        self.defaults.setText(self.tr("Begin: standaardbronnen toevoegen en nu scannen"))
        self.or_label.setText(self.tr("of"))
        self.example.setText(self.tr("Voorbeelddata laden (150 fictieve berichten om te proberen)"))
        self.opml.setText(self.tr("Bronnen importeren uit een OPML-bestand…"))
        self.footer.setText(self.tr(
            "Alles blijft op deze computer. Bronnen kun je later altijd toevoegen of weghalen onder Bronnen."))

    def refresh(self) -> None:
        return

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("OPML importeren"), "",
                                              self.tr("OPML-bestanden (*.opml *.xml);;Alle bestanden (*)"))
        if path:
            self.workflows.import_opml(path, lambda _: self.workflows.scan())
