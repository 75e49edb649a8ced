"""Asks for a new digest's period (a week by default, any date range allowed) and title."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from store import default_title


def iso_week_of_range(start: date, end: date) -> tuple[int, int] | None:
    """(year, week) when the range is exactly Monday to Sunday of one ISO week."""
    iso = start.isocalendar()
    if iso.weekday == 1 and end == start + timedelta(days=6):
        return iso.year, iso.week
    return None


class NewDigestDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nieuw overzicht"))
        self.setMinimumWidth(460)
        layout = QFormLayout(self)
        monday = today - timedelta(days=today.weekday())
        self.start = QDateEdit(QDate(monday.year, monday.month, monday.day))
        self.end = QDateEdit(QDate(monday.year, monday.month, monday.day).addDays(6))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMMM yyyy")
            edit.dateChanged.connect(self._changed)
        self.title = QLineEdit()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        layout.addRow(self.tr("Van"), self.start)
        layout.addRow(self.tr("Tot en met"), self.end)
        layout.addRow(self.tr("Titel"), self.title)
        layout.addRow(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        self._auto_title = ""
        self._changed()

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def _changed(self) -> None:
        start, end = self.period()
        ok = end >= start
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        week = iso_week_of_range(start, end)
        if not ok:
            self.hint.setText(self.tr("De einddatum ligt vóór de begindatum."))
        elif week:
            self.hint.setText(self.tr("Precies week %1: bestaat het overzicht van die week al, dan wordt dat "
                                      "geopend.").replace("%1", str(week[1])))
        else:
            self.hint.setText(self.tr("Een overzicht over een eigen periode (bijvoorbeeld een maand)."))
        suggestion = default_title(*week) if week else self.tr("Signalenoverzicht arbeidsmigratie %1 – %2").replace(
            "%1", start.strftime("%d-%m-%Y")).replace("%2", end.strftime("%d-%m-%Y"))
        if not self.title.text() or self.title.text() == self._auto_title:
            self.title.setText(suggestion)
        self._auto_title = suggestion
