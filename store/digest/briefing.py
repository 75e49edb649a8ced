"""The quarterly briefing: developments with their signal cards and evidence, the radar and the matrix,
as the same document model the weekly digest exports through (Word, PDF, HTML, Markdown)."""

from __future__ import annotations

from datetime import date

from store.cards.cards import list_cards
from store.cards.developments import list_developments
from store.cards.model import CARD_TYPES, CATEGORIES, HORIZONS, Card, label
from store.core.timeutil import to_local, utcnow
from store.core.urls import without_tracking
from store.db.connection import Database
from store.digest.document import DigestDocument, Entry, Section, SourceLink
from store.digest.figures import card_figures

_WORDS = {
    "nl": {"loose": "Losse signalen", "title": "Kwartaalbriefing {label}",
           "intro": "{cards} signaalkaarten in {developments} ontwikkelingen.",
           "growth": "Bewijs per week: {weeks}.", "quarter": "{year} {n}e kwartaal",
           "impact_is": "impact {n}/5", "likelihood_is": "waarschijnlijkheid {n}/5"},
    "en": {"loose": "Signals not in a development", "title": "Quarterly briefing {label}",
           "intro": "{cards} signal cards in {developments} developments.",
           "growth": "Evidence per week: {weeks}.", "quarter": "{year} Q{n}",
           "impact_is": "impact {n}/5", "likelihood_is": "likelihood {n}/5"},
}


def _words(language: str) -> dict[str, str]:
    return _WORDS["en" if language == "en" else "nl"]


def assessment(card: Card, language: str = "nl") -> str:
    """"Trend · Economisch · 2-5 jaar · impact 4/5 (…) · waarschijnlijkheid 3/5 (…)"."""
    words = _words(language)
    parts = [label(CARD_TYPES, card.card_type, language), label(CATEGORIES, card.category, language),
             label(HORIZONS, card.horizon, language)]
    if card.impact:
        parts.append(words["impact_is"].format(n=card.impact) + (f" ({card.impact_why})" if card.impact_why else ""))
    if card.likelihood:
        parts.append(words["likelihood_is"].format(n=card.likelihood)
                     + (f" ({card.likelihood_why})" if card.likelihood_why else ""))
    return " · ".join(p for p in parts if p)


def card_entry(card: Card, language: str = "nl") -> Entry:
    evidence = sorted(card.evidence, key=lambda e: e.published or utcnow(), reverse=True)
    latest = next((to_local(e.published).date() for e in evidence if e.published), None)
    summary = "\n\n".join(t for t in (card.description, assessment(card, language)) if t)
    return Entry(-card.id, f"#{card.id} {card.title}", without_tracking(evidence[0].url) if evidence else "",
                 summary, card.brabant, latest,
                 tuple(SourceLink(e.outlet or e.url, without_tracking(e.url)) for e in evidence))


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def load_briefing(database: Database, year: int, quarter: int, language: str = "nl") -> DigestDocument:
    """The briefing of a quarter: every card that is not archived, by development, with the radar and matrix."""
    words = _words(language)
    cards = list_cards(database)
    sections = []
    for development in list_developments(database):
        members = [c for c in cards if c.development_id == development.id]
        if not members:
            continue
        growth = ", ".join(f"{week[-3:]} {count}" for week, count in development.weekly_evidence[-13:])
        description = "\n\n".join(t for t in (development.description,
                                              words["growth"].format(weeks=growth) if growth else "") if t)
        sections.append(Section(f"development-{development.id}", development.title,
                                tuple(card_entry(c, language) for c in members), description))
    loose = [c for c in cards if c.development_id is None]
    if loose:
        sections.append(Section("loose", words["loose"], tuple(card_entry(c, language) for c in loose)))
    first_month = 3 * (quarter - 1) + 1
    start = date(year, first_month, 1)
    end = date(year + (quarter == 4), (first_month + 3 - 1) % 12 + 1, 1)
    end = date.fromordinal(end.toordinal() - 1)
    period = words["quarter"].format(year=year, n=quarter)
    developments = sum(1 for s in sections if s.key.startswith("development-"))
    return DigestDocument(0, words["title"].format(label=period), words["intro"].format(
        cards=len(cards), developments=developments), period, start, end, "final",
        "en" if language == "en" else "nl", tuple(sections), utcnow(), card_figures(database, cards, language),
        kind="briefing")
