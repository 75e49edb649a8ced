"""The fixed words of a digest export, in Dutch and English, and the few texts built from them.

Every renderer takes its words from here, so the four formats cannot drift apart."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING

from store.core.timeutil import to_local
from store.core.weeks import WEEK_RE

if TYPE_CHECKING:
    from store.digest.document import DigestDocument, Entry

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "so_what": "Wat betekent dit voor Brabant?",
        "sources": "Bronnen",
        "sent_before": "Eerder verzonden in",
        "empty_title": "Geen signalen deze week",
        "empty_text": "Dit overzicht bevat nog geen signalen. Voeg in Horizonscan signalen toe aan dit overzicht;"
                      " daarna verschijnen ze hier, per thema.",
        "draft": "Concept",
        "week": "week",
        "contents": "In dit overzicht",
        "footer": "Samengesteld met Horizonscan op {date}",
        "page": "pagina {page} van {pages}",
    },
    "en": {
        "so_what": "What does this mean for Brabant?",
        "sources": "Sources",
        "sent_before": "Sent before in",
        "empty_title": "No signals this week",
        "empty_text": "This digest has no signals yet. Add signals to this digest in Horizonscan;"
                      " they will then appear here, by theme.",
        "draft": "Draft",
        "week": "week",
        "contents": "In this digest",
        "footer": "Compiled with Horizonscan on {date}",
        "page": "page {page} of {pages}",
    },
}

_BRIEFING: dict[str, dict[str, str]] = {  # what a quarterly briefing says differently
    "nl": {"sources": "Bewijs", "contents": "In deze briefing", "empty_title": "Nog geen signaalkaarten",
           "empty_text": "Deze briefing bevat nog geen signaalkaarten. Maak in Horizonscan kaarten van verhalen "
                         "(toets K in de lezer) en groepeer ze in ontwikkelingen; daarna verschijnen ze hier."},
    "en": {"sources": "Evidence", "contents": "In this briefing", "empty_title": "No signal cards yet",
           "empty_text": "This briefing has no signal cards yet. Make cards from stories in Horizonscan (key K in "
                         "the reader) and group them into developments; they will then appear here."},
}

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _lang(language: str) -> str:
    return "en" if language == "en" else "nl"


def labels(language: str, kind: str = "digest") -> dict[str, str]:
    """The fixed words for "nl" or "en" (anything else is Dutch), of a digest or a quarterly briefing."""
    words = dict(_LABELS[_lang(language)])
    if kind == "briefing":
        words.update(_BRIEFING[_lang(language)])
    return words


def format_date(d: date | datetime, language: str) -> str:
    """"23 november 2026" / "23 November 2026"; datetimes are shown in Dutch local time."""
    if isinstance(d, datetime):
        d = (to_local(d) if d.tzinfo else d).date()
    return f"{d.day} {_MONTHS[_lang(language)][d.month - 1]} {d.year}"


def format_period(document: DigestDocument) -> str:
    """"week 48, 23–29 november 2026", or just the date range for a digest that is not a week."""
    months = _MONTHS[_lang(document.language)]
    start, end = document.start, document.end
    if start == end:
        span = format_date(start, document.language)
    elif (start.year, start.month) == (end.year, end.month):
        span = f"{start.day}–{end.day} {months[end.month - 1]} {end.year}"
    elif start.year == end.year:
        span = f"{start.day} {months[start.month - 1]} – {end.day} {months[end.month - 1]} {end.year}"
    else:
        span = f"{format_date(start, document.language)} – {format_date(end, document.language)}"
    week = WEEK_RE.match(document.label or "")
    return f"{labels(document.language)['week']} {int(week.group(2))}, {span}" if week else span


def clean(text: str) -> str:
    """Text without control characters (XML, Word and PDF refuse them)."""
    return _CONTROL.sub("", text or "")


def paragraphs(text: str) -> list[str]:
    """Plain text to paragraphs: blank lines separate them, single line breaks become spaces."""
    blocks = re.split(r"\n\s*\n", clean(text).replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(block.split()) for block in blocks if block.strip()]


def one_line(text: str) -> str:
    return " ".join(clean(text).split())


def entry_meta(entry: Entry, language: str) -> str:
    """The small line under an entry's title: its date and the names of its sources."""
    names = list(dict.fromkeys(one_line(s.name) for s in entry.sources if s.name.strip()))
    parts = ([format_date(entry.published, language)] if entry.published else []) + [", ".join(names)]
    return " · ".join(p for p in parts if p)


def sent_before_text(entry: Entry, language: str) -> str:
    """"Eerder verzonden in 2026-W46", or "" when the entry is new."""
    return f"{labels(language)['sent_before']} {', '.join(entry.sent_before)}" if entry.sent_before else ""


def contents(document: DigestDocument) -> str:
    """"Arbeidsmarkt (2) · Huisvesting (1)", or "" when there is only one section or none."""
    if len(document.sections) < 2:
        return ""
    return " · ".join(f"{one_line(s.title)} ({len(s.entries)})" for s in document.sections)


def footer(document: DigestDocument) -> str:
    return labels(document.language)["footer"].format(date=format_date(document.generated, document.language))
