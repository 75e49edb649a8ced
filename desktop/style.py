"""Colours and small formatting helpers shared by the list, the reader and the views."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from store.core.relative_dates import relative_date as store_relative_date
from store.core.timeutil import to_local, utcnow

# One colour per theme position: distinct, readable with white text, fine in dark mode too.
THEME_COLOURS = ["#1f6f8b", "#7a5195", "#2e7d32", "#c05621", "#b3261e", "#6d4c41", "#00695c", "#37474f",
                 "#8e24aa", "#3949ab", "#5d4037", "#455a64"]
UNREAD = "#1a73e8"


def no_mnemonic(text: str) -> str:
    """Text for a button, menu entry or action: an "&" is shown, not read as a keyboard mnemonic
    ("Markt & commerciële partijen")."""
    return text.replace("&", "&&")

WARNING = "#b3261e"
OK = "#2e7d32"


def theme_colour(position: int) -> QColor:
    return QColor(THEME_COLOURS[(max(position, 1) - 1) % len(THEME_COLOURS)])


def is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def ui_language() -> str:
    """'en' or 'nl': the language the interface speaks now (Translations.apply sets the locale)."""
    return "en" if QLocale().language() == QLocale.Language.English else "nl"


def relative_date(when: datetime | None, now: datetime | None = None) -> str:
    """"vandaag 14:05", "gisteren", "3 dagen geleden" or "26 nov": the CLI's words, by the one clock."""
    return store_relative_date(when, ui_language(), now)


def full_date(when: datetime | None) -> str:
    """"26 november 2026 14:05" in the user's time zone."""
    if when is None:
        return ""
    local = to_local(when)
    return QLocale().toString(QDate(local.year, local.month, local.day), "d MMMM yyyy") + local.strftime(" %H:%M")


_WEEKDAYS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"), "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}


def who_when(by: str, when: datetime | None, now: datetime | None = None) -> str:
    """"Anna, di 09:12" (this week), "Anna, 26 nov" (earlier): who did something in team mode, and when."""
    if when is None:
        return by
    local, today = to_local(when), to_local(now or utcnow())
    if 0 <= (today.date() - local.date()).days < 6:
        return f"{by}, {_WEEKDAYS[ui_language()][local.weekday()]} {local:%H:%M}"
    return f"{by}, {relative_date(when, now)}"
