"""The signal score that ranks "new this week", with a one-line explanation per item.

score = 0.30 novelty + 0.20 sources + 0.20 theme fit + 0.20 watchlist + 0.10 recency, each in 0..1:
- novelty: how few items of the previous 8 weeks are on the same subject (1 for none, 1/2 for two, 1/5
  for eight), "the same subject" being a similarity in the top 3% of this week against that history
  (at least 0.5), so the bar follows the embedder in use;
- sources: how many independent sources carry the story (1 source 0, 2 sources 0.5, 4+ 1);
- theme fit: the strongest theme (1 when set by hand or rule, else the suggestion's confidence);
- watchlist: actors named (commercial players count fully, others 0.4), 2 or more weigh 1;
- recency: halves every 3 days.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from store.core.models import ItemSummary
from store.core.numbers import decimal
from store.core.relative_dates import relative_date
from store.core.timeutil import format_utc, utcnow
from store.core.weeks import week_bounds
from store.db.connection import Database
from store.items.queries import get_summaries
from store.themes.effective import EFFECTIVE_THEME_SQL
from store.vectors.vector_store import VectorStore

WEIGHTS = {"novelty": 0.30, "sources": 0.20, "theme": 0.20, "watchlist": 0.20, "recency": 0.10}
HISTORY = timedelta(weeks=8)
COMMERCIAL = ("company", "housing", "agency")


@dataclass(frozen=True)
class RankedItem:
    item: ItemSummary
    score: float
    parts: dict[str, float]
    evidence: dict = field(default_factory=dict)  # raw facts behind the parts, for explanations
    explanation: str = ""


SAME_SUBJECT_QUANTILE = 0.97  # of this week's similarities to the history
SAME_SUBJECT_FLOOR = 0.5


def _novelty(vectors: VectorStore, items: dict[int, dict], history_ids: list[int]) -> dict[int, float]:
    """1 / (1 + related / 2), `related` being the history items on the same subject as the item."""
    import numpy as np

    ids, matrix = vectors.vectors_for(list(items))
    hist_ids, hist = vectors.vectors_for(history_ids)
    if not len(hist_ids) or not len(ids):
        for item_id in ids:
            items[item_id].update(similarity=0.0, related=0)
        return dict.fromkeys(ids, 1.0)
    sims = matrix @ hist.T  # this week's leads x the 8 weeks before
    bar = max(SAME_SUBJECT_FLOOR, float(np.quantile(sims, SAME_SUBJECT_QUANTILE)))
    out = {}
    for row, item_id in enumerate(ids):
        related = int((sims[row] >= bar).sum())
        items[item_id].update(similarity=round(float(sims[row].max()), 3), related=related)
        out[item_id] = 1.0 / (1.0 + related / 2)
    return out


def _themes(database: Database, ids: list[int], labels: dict[str, str]) -> dict[int, tuple[float, str]]:
    marks = ",".join("?" * len(ids))
    best: dict[int, tuple[float, str]] = {}
    for item_id, key, origin, confidence in database.query(
            f"SELECT t.item_id, t.theme_key, t.origin, t.confidence FROM item_themes t"
            f" WHERE t.item_id IN ({marks}) AND {EFFECTIVE_THEME_SQL}", tuple(ids)):
        fit = 1.0 if origin != "suggested" else float(confidence or 0)
        if fit > best.get(item_id, (0.0, ""))[0]:
            best[item_id] = (fit, labels.get(key, key))
    return best


def _actors(database: Database, ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    marks = ",".join("?" * len(ids))
    out: dict[int, list[tuple[str, str]]] = {}
    for item_id, name, kind in database.query(
            f"SELECT m.item_id, a.name, a.kind FROM actor_mentions m JOIN actors a ON a.id = m.actor_id"
            f" WHERE m.item_id IN ({marks}) ORDER BY m.count DESC", tuple(ids)):
        out.setdefault(item_id, []).append((name, kind))
    return out


def rank_week(database: Database, vectors: VectorStore, year: int, week: int, language: str = "nl",
              limit: int = 50, now: datetime | None = None) -> list[RankedItem]:
    """The week's stories (dismissed left out), best signal first."""
    start, end = week_bounds(year, week)
    return rank_period(database, vectors, start, end, language, limit, now)


def rank_recent(database: Database, vectors: VectorStore, days: int = 7, language: str = "nl", limit: int = 50,
                now: datetime | None = None) -> list[RankedItem]:
    """The stories of the last `days` days (a rolling week: on Monday too), best signal first."""
    now = now or utcnow()
    return rank_period(database, vectors, now - timedelta(days=days), now + timedelta(seconds=1), language, limit,
                       now)


def rank_period(database: Database, vectors: VectorStore, start: datetime, end: datetime, language: str = "nl",
                limit: int = 50, now: datetime | None = None) -> list[RankedItem]:
    """The stories published from `start` up to `end` (dismissed left out), best signal first."""
    from store.themes.registry import list_themes

    rows = database.query(
        "SELECT id, story_id, published FROM items WHERE published >= ? AND published < ? AND state != 'dismissed'"
        " ORDER BY published", (format_utc(start), format_utc(end)))
    stories: dict[object, list[int]] = {}
    for r in rows:
        stories.setdefault(r["story_id"] or f"item-{r['id']}", []).append(r["id"])
    if not stories:
        return []
    lead = {members[0]: {"members": members} for members in stories.values()}  # earliest item represents
    history = [r[0] for r in database.query("SELECT id FROM items WHERE published >= ? AND published < ?",
                                            (format_utc(start - HISTORY), format_utc(start)))]
    all_ids = [i for members in stories.values() for i in members]
    novelty = _novelty(vectors, lead, history)
    summaries = get_summaries(database, list(lead), language)
    themes = _themes(database, all_ids, {t.key: t.label(language) for t in list_themes(database)})
    actors = _actors(database, all_ids)
    now = now or utcnow()
    ranked = []
    for item_id, facts in lead.items():
        summary = summaries.get(item_id)
        if summary is None:
            continue
        members = facts["members"]
        fit, theme = max((themes.get(i, (0.0, "")) for i in members), key=lambda t: t[0])
        named = sorted(dict.fromkeys(a for i in members for a in actors.get(i, [])),
                       key=lambda actor: actor[1] not in COMMERCIAL)  # commercial players first
        weight = sum(1.0 if kind in COMMERCIAL else 0.4 for _, kind in named)
        published = summary.published or now
        age_days = max(0.0, (now - published).total_seconds() / 86400)
        parts = {
            "novelty": novelty.get(item_id, 0.5),
            "sources": min(1.0, math.log2(summary.source_count) / 2) if summary.source_count > 1 else 0.0,
            "theme": fit,
            "watchlist": min(1.0, weight / 2),
            "recency": 0.5 ** (age_days / 3),
        }
        score = round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4)
        evidence = {"similarity": facts.get("similarity", 0.0), "related": facts.get("related", 0),
                    "sources": summary.source_count, "theme": theme,
                    "theme_fit": fit, "actors": [n for n, _ in named], "age_days": age_days,
                    "when": relative_date(published, language, now)}
        ranked.append(RankedItem(summary, score, {k: round(v, 3) for k, v in parts.items()}, evidence,
                                 explain(parts, evidence, language)))
    ranked.sort(key=lambda r: -r.score)
    return ranked[:limit]


def explain(parts: dict[str, float], evidence: dict, language: str = "nl") -> str:
    """One line: the strongest reasons first."""
    en = language.startswith("en")
    phrases: list[tuple[float, str]] = []
    related = int(evidence.get("related", 0))
    if related == 0:
        phrases.append((WEIGHTS["novelty"] * parts["novelty"], "new topic (nothing like it in 8 weeks)" if en
                        else "nieuw onderwerp (niets vergelijkbaars in 8 weken)"))
    elif related >= 3:
        phrases.append((0.01, f"like {related} earlier items (8 weeks)" if en
                        else f"lijkt op {related} eerdere berichten (8 weken)"))
    if evidence["sources"] > 1:
        phrases.append((WEIGHTS["sources"] * parts["sources"],
                        f"{evidence['sources']} sources" if en else f"{evidence['sources']} bronnen"))
    if evidence["theme"]:
        suffix = "" if evidence["theme_fit"] >= 1 else f" ({decimal(evidence['theme_fit'], language)})"
        phrases.append((WEIGHTS["theme"] * parts["theme"], f"{evidence['theme']}{suffix}"))
    if evidence["actors"]:
        names = ", ".join(evidence["actors"][:3])
        phrases.append((WEIGHTS["watchlist"] * parts["watchlist"], f"mentions {names}" if en else f"noemt {names}"))
    if evidence.get("when"):  # the same words as the list: "gisteren", "3 dagen geleden"
        phrases.append((WEIGHTS["recency"] * parts["recency"] * 0.5, evidence["when"]))
    phrases.sort(key=lambda p: -p[0])
    return " · ".join(text for _, text in phrases)

