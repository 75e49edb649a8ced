"""Dates as people say them ("vandaag 14:05", "gisteren", "3 dagen geleden", "26 nov"), in the user's
time zone and by the one clock, so the desktop and the CLI say the same thing of the same item."""

from __future__ import annotations

from datetime import datetime

from store.core.timeutil import local_now, to_local

_SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_WORDS = {
    "nl": {"today": "vandaag {time}", "yesterday": "gisteren", "tomorrow": "morgen {time}",
           "days_ago": "{days} dagen geleden"},
    "en": {"today": "today {time}", "yesterday": "yesterday", "tomorrow": "tomorrow {time}",
           "days_ago": "{days} days ago"},
}


def _lang(language: str) -> str:
    return "en" if language.startswith("en") else "nl"


def short_date(when: datetime, language: str = "nl", with_year: bool = True) -> str:
    """"26 nov 2026" / "26 Nov 2026" in the user's zone (without the year if `with_year` is false)."""
    local = to_local(when)
    text = f"{local.day} {_SHORT_MONTHS[_lang(language)][local.month - 1]}"
    return f"{text} {local.year}" if with_year else text


def relative_date(when: datetime | None, language: str = "nl", now: datetime | None = None) -> str:
    """How long ago `when` was, counted in calendar days of the user's zone (not in 24-hour spans).

    Today gives the time ("vandaag 14:05"), yesterday "gisteren", tomorrow "morgen 09:00" (a next
    attempt), two to six days back "3 dagen geleden", anything else the date (with the year when
    it is not this year's).
    """
    if when is None:
        return ""
    lang = _lang(language)
    words = _WORDS[lang]
    local = to_local(when)
    today = to_local(now).date() if now is not None else local_now().date()
    days = (today - local.date()).days
    if days == 0:
        return words["today"].format(time=f"{local:%H:%M}")
    if days == 1:
        return words["yesterday"]
    if days == -1:
        return words["tomorrow"].format(time=f"{local:%H:%M}")
    if 1 < days < 7:
        return words["days_ago"].format(days=days)
    return short_date(local, lang, with_year=local.year != today.year)
