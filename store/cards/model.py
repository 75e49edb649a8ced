"""What a signal card is: the fields horizon scanners assess (GO-Science futures toolkit, ESPAS), in data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# STEEP plus values; signal types; time horizons; statuses. Keys are stored; labels are for people.
CATEGORIES = {"social": ("Sociaal", "Social"), "technological": ("Technologisch", "Technological"),
              "economic": ("Economisch", "Economic"), "environmental": ("Ecologisch", "Environmental"),
              "political": ("Politiek", "Political"), "values": ("Waarden", "Values")}
CARD_TYPES = {"weak_signal": ("Zwak signaal", "Weak signal"), "trend": ("Trend", "Trend"),
              "wild_card": ("Wildcard", "Wild card"), "driver": ("Drijvende kracht", "Driver")}
HORIZONS = {"0-2": ("0-2 jaar", "0-2 years"), "2-5": ("2-5 jaar", "2-5 years"), "5-10": ("5-10 jaar", "5-10 years")}
STATUSES = {"new": ("Nieuw", "New"), "assessed": ("Beoordeeld", "Assessed"), "watched": ("Gevolgd", "Watched"),
            "in_digest": ("In overzicht", "In a digest"), "archived": ("Gearchiveerd", "Archived")}
SCORES = range(1, 6)
EDITABLE = ("title", "description", "brabant", "category", "card_type", "horizon", "impact", "impact_why",
            "likelihood", "likelihood_why", "status", "owner", "themes", "actors", "development_id")
FIELDS = {"created": ("aangemaakt", "created"), "evidence": ("bewijs", "evidence"), "title": ("titel", "title"),
          "description": ("beschrijving", "description"), "brabant": ("betekenis voor Brabant", "meaning for Brabant"),
          "category": ("categorie", "category"), "card_type": ("soort", "type"), "horizon": ("tijdshorizon", "horizon"),
          "impact": ("impact", "impact"), "impact_why": ("motivatie impact", "impact rationale"),
          "likelihood": ("waarschijnlijkheid", "likelihood"),
          "likelihood_why": ("motivatie waarschijnlijkheid", "likelihood rationale"), "status": ("status", "status"),
          "owner": ("eigenaar", "owner"), "themes": ("thema's", "themes"), "actors": ("volglijst", "watchlist"),
          "development_id": ("ontwikkeling", "development")}
CODED = {"category": CATEGORIES, "card_type": CARD_TYPES, "horizon": HORIZONS, "status": STATUSES}


def label(table: dict[str, tuple[str, str]], key: str | None, language: str = "nl") -> str:
    """The word for a stored key, in the interface language ('' for none)."""
    if not key:
        return ""
    words = table.get(key)
    return words[0 if language == "nl" else 1] if words else key


@dataclass(frozen=True)
class Evidence:
    """An item behind a card, as it was when linked (the snapshot survives a moved or deleted article)."""

    item_id: int
    url: str
    title: str
    outlet: str
    published: datetime | None
    seen: datetime | None  # when Horizonscan first stored the item
    snapshot: str
    added: datetime | None
    added_by: str = ""


@dataclass(frozen=True)
class Change:
    at: datetime | None
    who: str
    field: str
    old: str
    new: str

    def words(self, language: str = "nl") -> str:
        """What changed, in words: "impact: – → 4", "tijdshorizon: – → 2-5 jaar", "bewijs + item 12: …"."""
        name = label(FIELDS, self.field, language)
        item = "bericht" if language == "nl" else "item"
        if self.field == "created":  # stored as "from item 12"
            origin = self.new.removeprefix("from item ")
            return f"{name} ({item} {origin})" if origin.isdigit() else f"{name} {self.new}".rstrip()
        if self.field == "evidence":  # stored as "+ item 12: title" or "- item 12: title"
            return f"{name} {(self.new or self.old).replace(' item ', f' {item} ', 1)}"

        def shown(value: str) -> str:
            return (label(CODED[self.field], value, language) if self.field in CODED else value) or "–"

        return f"{name}: {shown(self.old)} → {shown(self.new)}"


@dataclass(frozen=True)
class Card:
    id: int
    title: str
    description: str = ""
    brabant: str = ""  # "wat betekent dit voor Brabant"
    category: str | None = None
    card_type: str | None = None
    horizon: str | None = None
    impact: int | None = None
    impact_why: str = ""
    likelihood: int | None = None
    likelihood_why: str = ""
    status: str = "new"
    owner: str = ""
    development_id: int | None = None
    themes: tuple[str, ...] = ()
    actors: tuple[int, ...] = ()
    created: datetime | None = None
    updated: datetime | None = None
    version: int = 1
    evidence: tuple[Evidence, ...] = ()
    history: tuple[Change, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Development:
    id: int
    title: str
    description: str = ""
    cards: tuple[Card, ...] = ()
    created: datetime | None = None
    weekly_evidence: tuple[tuple[str, int], ...] = ()  # (ISO week, evidence items published that week)
