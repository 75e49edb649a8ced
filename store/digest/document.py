"""A digest as one plain, read-only document: what every export (HTML, Word, PDF, Markdown) renders.

Loading it once and rendering it four ways is what keeps the formats from drifting apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from store.core.timeutil import parse_datetime, to_local, utcnow
from store.core.urls import without_tracking
from store.db.connection import Database
from store.digest.digests import OTHER_SECTION, get_summary, sent_before
from store.digest.figures import Figure
from store.themes.registry import list_themes


@dataclass(frozen=True)
class SourceLink:
    name: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One signal in the digest: the story's title, summary, so-what line and every source."""

    item_id: int
    title: str
    url: str
    summary: str
    so_what: str
    published: date | None
    sources: tuple[SourceLink, ...]
    sent_before: tuple[str, ...] = ()  # labels of earlier sent digests that had it
    version: int = 0  # team mode: what an edit of the texts is based on, and who edited them last, when
    edited_by: str | None = None
    edited_at: datetime | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    entries: tuple[Entry, ...]
    description: str = ""  # a development's own text (the quarterly briefing)




@dataclass(frozen=True)
class DigestDocument:
    id: int
    title: str
    intro: str
    label: str  # "2026-W48", or the date range
    start: date
    end: date
    status: str  # draft | sent
    language: str  # of the fixed words in the exports: nl | en
    sections: tuple[Section, ...]  # only sections with entries, in the digest's order
    generated: datetime
    figures: tuple[Figure, ...] = ()  # after the introduction
    kind: str = "digest"  # digest | briefing (the quarterly briefing uses the same model)

    @property
    def entries(self) -> list[Entry]:
        return [e for s in self.sections for e in s.entries]

    @property
    def is_empty(self) -> bool:
        return not any(s.entries for s in self.sections)


def section_title(key: str, custom: str | None, labels: dict[str, str], language: str) -> str:
    if custom:
        return custom
    if key in labels:
        return labels[key]
    return "Other" if language == "en" else "Overig"


def story_sources(database: Database, item_ids: list[int]) -> dict[int, tuple[SourceLink, ...]]:
    """For each item, every item of its story as (source name, url): the item itself first."""
    if not item_ids:
        return {}
    marks = ",".join("?" * len(item_ids))
    # every sighting of every item of the story: an item carried by two outlets has two sightings
    rows = database.query(
        f"SELECT x.id AS item_id, m.id AS member, COALESCE(v.url, m.url) AS url, COALESCE(s.name, '') AS source"
        f" FROM items x JOIN items m ON m.id = x.id OR (x.story_id IS NOT NULL AND m.story_id = x.story_id)"
        f" LEFT JOIN item_sources v ON v.item_id = m.id"
        f" LEFT JOIN sources s ON s.id = COALESCE(v.source_id, m.source_id) WHERE x.id IN ({marks})"
        f" ORDER BY x.id, m.id != x.id, m.published, m.id, v.first_seen", tuple(item_ids))
    out: dict[int, list[SourceLink]] = {}
    for r in rows:
        links = out.setdefault(r["item_id"], [])
        url = without_tracking(r["url"])
        if all(link.url != url for link in links):
            links.append(SourceLink(r["source"] or host_of(url), url))
    return {k: tuple(v) for k, v in out.items()}


def host_of(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def load_document(database: Database, digest_id: int, language: str = "nl",
                  include_empty: bool = False) -> DigestDocument:
    """The digest with its sections (in order; empty ones left out unless asked) and entries (in order)."""
    summary = get_summary(database, digest_id)
    row = database.query_one("SELECT intro FROM digests WHERE id = ?", (digest_id,))
    labels = {t.key: t.label(language) for t in list_themes(database)}
    sections = database.query("SELECT theme_key, title FROM digest_sections WHERE digest_id = ? ORDER BY position,"
                              " theme_key", (digest_id,))
    who = ", x.version, x.edited_by, x.edited" if database.dialect == "postgres" else ""  # team mode
    items = database.query(
        f"SELECT x.item_id, x.section, x.summary, x.so_what, i.title, i.url, i.published{who} FROM digest_items x"
        " JOIN items i ON i.id = x.item_id WHERE x.digest_id = ? ORDER BY x.position, x.item_id", (digest_id,))
    links = story_sources(database, [r["item_id"] for r in items])
    by_section: dict[str, list[Entry]] = {}
    for r in items:
        published = to_local(parse_datetime(r["published"])).date() if r["published"] else None
        by_section.setdefault(r["section"], []).append(Entry(
            r["item_id"], r["title"], without_tracking(r["url"]), r["summary"] or "", r["so_what"] or "", published,
            links.get(r["item_id"], ()), sent_before(database, r["item_id"], digest_id),
            *((int(r["version"] or 0), r["edited_by"], parse_datetime(r["edited"]) if r["edited"] else None)
              if who else ())))
    ordered = [(s["theme_key"], s["title"]) for s in sections]
    ordered += [(key, None) for key in by_section if key not in {k for k, _ in ordered}]
    out = tuple(Section(key, section_title(key, custom, labels, language), tuple(by_section.get(key, ())))
                for key, custom in ordered if include_empty or by_section.get(key))
    from store.cards.cards import list_cards
    from store.digest.figures import card_figures

    figures = card_figures(database, list_cards(database, status="in_digest"), language)  # cards marked for it
    return DigestDocument(summary.id, summary.title, (row["intro"] if row else "") or "", summary.label,
                          summary.start, summary.end, summary.status, "en" if language == "en" else "nl", out,
                          utcnow(), figures)


__all__ = ["OTHER_SECTION", "DigestDocument", "Entry", "Figure", "Section", "SourceLink", "load_document"]
