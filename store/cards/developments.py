"""Developments: signal cards grouped into one movement, by hand or from suggestions by their evidence's
vectors, each showing how its evidence grows week by week."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from store.cards.cards import CardError, list_cards, update_card
from store.cards.model import Card, Development
from store.core.timeutil import now_iso, parse_stored, to_local
from store.core.weeks import week_label
from store.db.connection import Database
from store.vectors.vector_store import VectorStore

SUGGEST_SIMILARITY = 0.55  # cards whose evidence lies this close (cosine of the means) look like one development


@dataclass(frozen=True)
class DevelopmentSuggestion:
    card_ids: tuple[int, ...]
    titles: tuple[str, ...]
    similarity: float  # the weakest link within the group


def create_development(database: Database, title: str, description: str = "", card_ids: tuple[int, ...] = ()) -> int:
    if not title.strip():
        raise CardError("A development needs a title.")
    now = now_iso()
    with database.write("cards") as conn:
        cur = conn.execute("INSERT INTO developments (title, description, created, updated) VALUES (?, ?, ?, ?)",
                           (title.strip(), description.strip(), now, now))
        development_id = int(cur.lastrowid or 0)
    for card_id in card_ids:
        update_card(database, card_id, development_id=development_id)
    return development_id


def update_development(database: Database, development_id: int, title: str | None = None,
                       description: str | None = None) -> None:
    fields = {k: v for k, v in (("title", title), ("description", description)) if v is not None}
    if fields:
        with database.write("cards") as conn:
            conn.execute(f"UPDATE developments SET {', '.join(f'{k} = ?' for k in fields)}, updated = ? WHERE id = ?",
                         (*fields.values(), now_iso(), development_id))


def _weekly(cards: list[Card]) -> tuple[tuple[str, int], ...]:
    counts = Counter(week_label(*to_local(e.published).isocalendar()[:2])
                     for c in cards for e in c.evidence if e.published)
    return tuple(sorted(counts.items()))


def get_development(database: Database, development_id: int) -> Development:
    row = database.query_one("SELECT * FROM developments WHERE id = ?", (development_id,))
    if row is None:
        raise CardError(f"No development #{development_id}. See 'horizonscan developments list'.")
    cards = list_cards(database, development_id=development_id, include_archived=True)
    return Development(row["id"], row["title"], row["description"] or "", tuple(cards), parse_stored(row["created"]),
                       _weekly(cards))


def list_developments(database: Database) -> list[Development]:
    return [get_development(database, r[0]) for r in database.query("SELECT id FROM developments ORDER BY id")]


def suggest_developments(database: Database, vectors: VectorStore) -> list[DevelopmentSuggestion]:
    """Groups of cards (not yet in a development) whose evidence lies close together, largest first."""
    cards = [c for c in list_cards(database) if c.development_id is None and c.evidence]
    means, kept = [], []
    for card in cards:
        ids, matrix = vectors.vectors_for([e.item_id for e in card.evidence])
        if ids:
            mean = matrix.mean(axis=0)
            means.append(mean / (np.linalg.norm(mean) or 1.0))
            kept.append(card)
    if len(kept) < 2:
        return []
    sims = np.vstack(means) @ np.vstack(means).T
    parent = list(range(len(kept)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a in range(len(kept)):
        for b in range(a + 1, len(kept)):
            if sims[a, b] >= SUGGEST_SIMILARITY:
                parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for n in range(len(kept)):
        groups.setdefault(root(n), []).append(n)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        weakest = min(float(sims[a, b]) for a in members for b in members if a < b)
        out.append(DevelopmentSuggestion(tuple(kept[m].id for m in members), tuple(kept[m].title for m in members),
                                         round(weakest, 3)))
    return sorted(out, key=lambda s: (-len(s.card_ids), -s.similarity))


def similar_items_for_card(database: Database, vectors: VectorStore, card: Card, limit: int = 10) -> list[int]:
    """Items like the card's evidence that are not evidence yet (to link more later)."""
    ids, matrix = vectors.vectors_for([e.item_id for e in card.evidence])
    if not ids:
        return []
    mean = matrix.mean(axis=0)
    linked = set(ids)
    found = vectors.nearest(mean / (np.linalg.norm(mean) or 1.0), limit + len(linked))
    return [i for i, _ in found if i not in linked][:limit]

