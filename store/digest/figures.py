"""The pictures of a digest or briefing: the radar and the impact × likelihood matrix of signal cards."""

from __future__ import annotations

from dataclasses import dataclass

from store.cards import charts
from store.cards.model import CARD_TYPES, HORIZONS, Card, label
from store.db.connection import Database
from store.themes.registry import list_themes

_WORDS = {
    "nl": {"radar": "Radar: thema's als sectoren, tijdshorizon als ringen, impact als grootte",
           "matrix": "Impact × waarschijnlijkheid", "likelihood": "Waarschijnlijkheid", "impact": "Impact"},
    "en": {"radar": "Radar: themes as sectors, time horizon as rings, impact as size",
           "matrix": "Impact × likelihood", "likelihood": "Likelihood", "impact": "Impact"},
}


@dataclass(frozen=True)
class Figure:
    """A picture in the document (the radar, the matrix): PNG for Word and PDF, SVG beside it."""

    title: str
    png: bytes
    svg: str = ""


def _words(language: str) -> dict[str, str]:
    return _WORDS["en" if language == "en" else "nl"]


def card_charts(database: Database, cards: list[Card], language: str = "nl") -> tuple[charts.Chart, charts.Chart]:
    """The radar and the matrix of these cards, as geometry (the desktop draws it, exports render it)."""
    words = _words(language)
    themes = [(t.key, t.label(language)) for t in list_themes(database)]
    rings = tuple(label(HORIZONS, key, language) for key in HORIZONS)
    types = {key: label(CARD_TYPES, key, language) for key in CARD_TYPES}
    radar = charts.radar(cards, themes, words["radar"], rings)
    matrix = charts.matrix(cards, words["matrix"], words["likelihood"], words["impact"])
    for chart in (radar, matrix):
        chart.add_legend(types)
    return radar, matrix


def card_figures(database: Database, cards: list[Card], language: str = "nl") -> tuple[Figure, ...]:
    """The radar and the matrix of these cards as pictures (none when there are no cards)."""
    if not cards:
        return ()
    return tuple(Figure(c.title, charts.to_png(c), charts.to_svg(c)) for c in card_charts(database, cards, language))


