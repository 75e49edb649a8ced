"""Candidates for a digest: the period's strongest signals per theme that no digest has yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from store.core.timeutil import to_local
from store.db.connection import Database
from store.digest.digests import best_section, get_summary
from store.digest.document import section_title
from store.signals.score import rank_week
from store.themes.registry import list_themes
from store.vectors.vector_store import VectorStore


@dataclass(frozen=True)
class Candidate:
    item_id: int
    title: str
    source: str
    sources: int  # how many outlets carry the story
    section: str
    section_title: str
    score: float
    explanation: str


def _weeks_between(start: date, end: date) -> list[tuple[int, int]]:
    weeks: list[tuple[int, int]] = []
    day = start
    while day <= end:
        iso = day.isocalendar()
        if (iso.year, iso.week) not in weeks:
            weeks.append((iso.year, iso.week))
        day = date.fromordinal(day.toordinal() + 1)
    return weeks


def in_any_digest(database: Database) -> set[int]:
    """Items in a digest, and every item of their stories (a story goes in once)."""
    rows = database.query(
        "SELECT i.id FROM items i WHERE i.id IN (SELECT item_id FROM digest_items) OR i.story_id IN"
        " (SELECT m.story_id FROM digest_items x JOIN items m ON m.id = x.item_id WHERE m.story_id IS NOT NULL)")
    return {r[0] for r in rows}


def digest_candidates(database: Database, vectors: VectorStore, digest_id: int, per_theme: int = 3,
                      language: str = "nl", now: datetime | None = None) -> list[Candidate]:
    """Per section (theme order, 'other' last), the best `per_theme` items of the digest's period by signal
    score that are not in any digest yet."""
    digest = get_summary(database, digest_id)
    taken = in_any_digest(database)
    labels = {t.key: t.label(language) for t in list_themes(database)}
    order = {key: n for n, key in enumerate(labels)}
    chosen: dict[str, list[Candidate]] = {}
    ranked = [r for year, week in _weeks_between(digest.start, digest.end)
              for r in rank_week(database, vectors, year, week, language, limit=500, now=now)]
    ranked.sort(key=lambda r: -r.score)
    for r in ranked:
        published = r.item.published
        if r.item.id in taken or (published and not digest.start <= to_local(published).date() <= digest.end):
            continue
        section = best_section(database, r.item.id)
        bucket = chosen.setdefault(section, [])
        if len(bucket) < per_theme:
            bucket.append(Candidate(r.item.id, r.item.title, r.item.source or "", r.item.source_count, section,
                                    section_title(section, None, labels, language), r.score, r.explanation))
    return [c for key in sorted(chosen, key=lambda k: order.get(k, len(order))) for c in chosen[key]]

