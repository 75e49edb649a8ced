"""Follow a CBS StatLine measure: the table's identifier, then its measures and categories to choose from
(read by the engine, off the GUI thread), the words for the signal, and the share that makes a signal."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.error_text import user_message
from desktop.plain_text import plain_label
from scanner.messages import describe
from store import CBS_ODATA, DEFAULT_THRESHOLD, IndicatorSettings


class IndicatorDialog(QDialog):
    """Asks what to follow; `settings()` gives the result once accepted."""

    def __init__(self, engine, base_url: str = CBS_ODATA, language: str = "nl", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine, self.language = engine, language
        self.setWindowTitle(self.tr("Indicator van het CBS volgen"))
        self.setMinimumWidth(560)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        intro = QLabel(self.tr(
            "Kies een tabel van CBS StatLine (het nummer staat op opendata.cbs.nl, bijvoorbeeld 85000NED), de maat en "
            "per kenmerk één waarde. Horizonscan kijkt elke dag of er een nieuwe publicatie is en zet een nieuwe "
            "periode die meer verandert dan je hier kiest in Nieuw."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        outer.addLayout(form)
        row = QHBoxLayout()
        self.table = QLineEdit()
        self.table.setPlaceholderText("85000NED")
        self.table.returnPressed.connect(self._look_up)
        self.look_up = QPushButton(self.tr("Tabel bekijken"))
        self.look_up.clicked.connect(self._look_up)
        row.addWidget(self.table, 1)
        row.addWidget(self.look_up)
        form.addRow(self.tr("Tabel"), row)
        self.base_url = QLineEdit(base_url)
        form.addRow(self.tr("Open-data-dienst"), self.base_url)
        self.state = plain_label(QLabel())  # the table's title, or what went wrong (text from outside)
        self.state.setWordWrap(True)
        form.addRow("", self.state)
        self.measure = QComboBox()
        form.addRow(self.tr("Maat"), self.measure)
        self.dimension_rows: dict[str, QComboBox] = {}
        self.form = form
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("bijv. werknemers uit MOE-landen in Noord-Brabant"))
        form.addRow(self.tr("In woorden"), self.label)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.5, 100)
        self.threshold.setDecimals(1)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(DEFAULT_THRESHOLD * 100)
        form.addRow(self.tr("Signaal vanaf"), self.threshold)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Volgen"))
        outer.addWidget(self.buttons)
        self.label.textChanged.connect(lambda _: self._update_ok())
        self._update_ok()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.measure.count() and self.label.text().strip()))

    def _look_up(self) -> None:
        table = self.table.text().strip()
        if not table or self.engine is None:
            return
        self.look_up.setEnabled(False)
        self.state.setText(self.tr("Tabel %1 ophalen…").replace("%1", table))
        self.engine.call("describe_table", self._described, self._failed, table=table,
                         base_url=self.base_url.text().strip() or CBS_ODATA)

    def _failed(self, exc: BaseException) -> None:
        self.look_up.setEnabled(True)
        self.state.setText(user_message(exc))

    def _described(self, description) -> None:
        self.look_up.setEnabled(True)
        for combo in self.dimension_rows.values():
            self.form.removeRow(combo)
        self.dimension_rows.clear()
        self.measure.clear()
        if description.error_code:
            self.state.setText(describe(description.error_code, description.error_params, self.language))
            self._update_ok()
            return
        stopped = self.tr(" Let op: CBS werkt deze tabel niet meer bij.") if description.stopped else ""
        self.state.setText(f"{description.title} ({description.frequency}).{stopped}")
        for key, title, unit in description.measures:
            self.measure.addItem(f"{title} ({unit.strip()})" if unit.strip() else title, key)
        at = int(self.form.getWidgetPosition(self.measure)[0]) + 1  # type: ignore[index]
        for n, (key, (title, categories)) in enumerate(description.dimensions.items()):
            combo = QComboBox()
            for category_key, category_title in categories:
                combo.addItem(category_title, category_key)
            self.form.insertRow(at + n, title, combo)
            self.dimension_rows[key] = combo
        self._update_ok()
        self.adjustSize()  # room for the new rows

    def settings(self) -> IndicatorSettings:
        """What to follow, as chosen."""
        filters = {key: str(combo.currentData()) for key, combo in self.dimension_rows.items()}
        return IndicatorSettings(self.table.text().strip(), str(self.measure.currentData()), self.label.text().strip(),
                                 filters, self.threshold.value() / 100, self.base_url.text().strip() or CBS_ODATA,
                                 unit="")
