"""What happens to every new or changed item: stories, rules, watchlist mentions, theme suggestions.

Each item that is written is marked pending in the same transaction (store.items.pending), with one bit
per step; a step sets its bit when it is done and an item leaves the table once all are. A run that
is killed or hits a full disk half way leaves the rest marked, and the next run (or `doctor`)
finishes exactly the steps that are missing.
"""

from __future__ import annotations

from collections.abc import Callable

from store.db.connection import Database
from store.items.pending import ALL_STEPS, MENTIONS, RULES, STORIES, SUGGESTIONS
from store.signals.stories import group_stories
from store.signals.watchlist import match_actors
from store.themes.rules import apply_rules
from store.themes.suggestions import store_suggestions
from store.vectors.vector_store import VectorStore

CHUNK = 2000  # items per round: each round's steps are recorded before the next begins


def pending_count(database: Database) -> int:
    return int(database.scalar("SELECT COUNT(*) FROM automation_pending") or 0)


def process_pending(database: Database, vectors: VectorStore) -> dict[str, int]:
    """Run the missing steps of every pending item, round by round; returns counts of what they did."""
    counts = {"stories": 0, "rules": 0, "mentions": 0, "suggestions": 0}
    after = 0
    while True:
        rows = database.query("SELECT item_id, steps_done FROM automation_pending WHERE item_id > ?"
                              " ORDER BY item_id LIMIT ?", (after, CHUNK))
        if not rows:
            return counts
        after = rows[-1][0]
        steps: list[tuple[str, int, Callable[[list[int]], int]]] = [
            ("stories", STORIES, lambda ids: group_stories(database, vectors, ids)),
            ("rules", RULES, lambda ids: sum(apply_rules(database, ids).values())),
            ("mentions", MENTIONS, lambda ids: match_actors(database, ids)),
            ("suggestions", SUGGESTIONS, lambda ids: store_suggestions(database, vectors, ids)),
        ]
        for name, bit, run in steps:
            ids = [r[0] for r in rows if not r[1] & bit]
            if ids:
                counts[name] += run(ids)
                _record(database, ids, bit)
        with database.write("items") as conn:
            conn.execute("DELETE FROM automation_pending WHERE steps_done = ?", (ALL_STEPS,))


def _record(database: Database, ids: list[int], bit: int) -> None:
    with database.write("items") as conn:
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            conn.execute(f"UPDATE automation_pending SET steps_done = steps_done | ? WHERE item_id IN"
                         f" ({','.join('?' * len(chunk))})", (bit, *chunk))
