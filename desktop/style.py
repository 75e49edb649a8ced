"""Colours and small formatting helpers shared by the list, the reader and the views."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# One colour per theme position: distinct, readable with white text, fine in dark mode too.
THEME_COLOURS = ["#1f6f8b", "#7a5195", "#2e7d32", "#c05621", "#b3261e", "#6d4c41", "#00695c", "#37474f",
                 "#8e24aa", "#3949ab", "#5d4037", "#455a64"]
UNREAD = "#1a73e8"
WARNING = "#b3261e"
OK = "#2e7d32"


def theme_colour(position: int) -> QColor:
    return QColor(THEME_COLOURS[(max(position, 1) - 1) % len(THEME_COLOURS)])


def is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def relative_date(when: datetime | None, now: datetime | None = None) -> str:
    """"vandaag 14:05", "gisteren", "3 dagen", or "26 nov" in the current language."""
    if when is None:
        return ""
    local = when.astimezone()
    now = (now or datetime.now().astimezone()).astimezone()
    days = (now.date() - local.date()).days
    if days == 0:
        return QCoreApplication.translate("Format", "vandaag %1").replace("%1", local.strftime("%H:%M"))
    if days == 1:
        return QCoreApplication.translate("Format", "gisteren")
    if 1 < days < 7:
        return QCoreApplication.translate("Format", "%1 dagen geleden").replace("%1", str(days))
    fmt = "d MMM" if local.year == now.year else "d MMM yyyy"
    return QLocale().toString(local.date(), fmt)


def full_date(when: datetime | None) -> str:
    if when is None:
        return ""
    local = when.astimezone()
    return QLocale().toString(local.date(), "d MMMM yyyy") + local.strftime(" %H:%M")
