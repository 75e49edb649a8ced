"""Stories: near-duplicate items from different sources, grouped (never deleted).

Two items belong to one story when their title-and-lead vectors are close and they
were published within a few days of each other by different sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import numpy as np

from store.core.timeutil import format_utc, now_iso, parse_stored
from store.db.connection import Database
from store.vectors.vector_store import VectorStore

STORY_WINDOW = timedelta(days=3)
# Cosine similarity above which two items from different sources are one story. Calibrated
# for the default embedder on the example corpus (its 12 multi-outlet stories score 0.57-0.85,
# unrelated pairs at most 0.59; same-story pairs across Dutch and English 0.64-0.69).
STORY_THRESHOLDS = {"use-multilingual-v3": 0.62}
DEFAULT_STORY_THRESHOLD = 0.8


def story_threshold(embedder_name: str) -> float:
    return STORY_THRESHOLDS.get(embedder_name, DEFAULT_STORY_THRESHOLD)


@dataclass(frozen=True)
class _Candidate:
    item_id: int
    published: str
    sources: frozenset[int]
    story_id: int | None


def _window_candidates(database: Database, start: str, end: str) -> dict[int, _Candidate]:
    rows = database.query(
        "SELECT i.id, i.published, i.story_id, group_concat(x.source_id) AS sources FROM items i"
        " LEFT JOIN item_sources x ON x.item_id = i.id WHERE i.published BETWEEN ? AND ? GROUP BY i.id",
        (start, end),
    )
    return {
        r["id"]: _Candidate(r["id"], r["published"], frozenset(int(s) for s in (r["sources"] or "").split(",") if s),
                            r["story_id"])
        for r in rows
    }


def group_stories(database: Database, vectors: VectorStore, item_ids: list[int],
                  threshold: float | None = None) -> int:
    """Attach each item to a story of a close item from another source; return stories created."""
    if not item_ids:
        return 0
    threshold = story_threshold(vectors.embedder.name) if threshold is None else threshold
    dates = [parse_stored(r[0]) for r in database.query(
        f"SELECT published FROM items WHERE id IN ({','.join('?' * len(item_ids))})", tuple(item_ids))]
    known = [d for d in dates if d]
    if not known:
        return 0
    window = _window_candidates(database, format_utc(min(known) - STORY_WINDOW), format_utc(max(known) + STORY_WINDOW))
    ids, matrix = vectors.vectors_for(list(window))
    if not ids:
        return 0
    index = {item_id: n for n, item_id in enumerate(ids)}
    created = 0
    for item_id in item_ids:
        if item_id not in index or item_id not in window:
            continue
        created += _attach(database, window, ids, matrix, index, item_id, threshold)
    return created


def _attach(database: Database, window: dict[int, _Candidate], ids: list[int], matrix: np.ndarray,
            index: dict[int, int], item_id: int, threshold: float) -> int:
    me = window[item_id]
    sims = matrix @ matrix[index[item_id]]
    best_id, best_sim = None, threshold
    for n in np.argsort(-sims)[:20]:
        other = window[ids[n]]
        if other.item_id == item_id or sims[n] < best_sim:
            continue
        if me.sources & other.sources or not _within(me.published, other.published):
            continue
        best_id, best_sim = other.item_id, float(sims[n])
        break
    if best_id is None:
        return 0
    other = window[best_id]
    with database.write("stories", "items") as conn:
        story_id = other.story_id or me.story_id
        created = 0
        if story_id is None:
            story_id = int(conn.execute("INSERT INTO stories (created) VALUES (?)", (now_iso(),)).lastrowid or 0)
            created = 1
        conn.execute("UPDATE items SET story_id = ? WHERE id IN (?, ?)", (story_id, item_id, best_id))
        if me.story_id and me.story_id != story_id:  # two stories turn out to be one: merge
            conn.execute("UPDATE items SET story_id = ? WHERE story_id = ?", (story_id, me.story_id))
    window[item_id] = _Candidate(me.item_id, me.published, me.sources, story_id)
    window[best_id] = _Candidate(other.item_id, other.published, other.sources, story_id)
    return created


def _within(a: str, b: str) -> bool:
    da, db = parse_stored(a), parse_stored(b)
    return da is not None and db is not None and abs(da - db) <= STORY_WINDOW
