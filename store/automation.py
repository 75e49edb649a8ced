"""What happens to every new or changed item: stories, rules, watchlist mentions, theme suggestions."""

from __future__ import annotations

from store.db.connection import Database
from store.signals.stories import group_stories
from store.signals.watchlist import match_actors
from store.themes.rules import apply_rules
from store.themes.suggestions import store_suggestions
from store.vectors.vector_store import VectorStore


def process_items(database: Database, vectors: VectorStore, added: list[int], updated: list[int]) -> dict[str, int]:
    """Run the automation over new and changed items; returns counts of what it did."""
    changed = added + updated
    if not changed:
        return {"stories": 0, "rules": 0, "mentions": 0, "suggestions": 0}
    stories = group_stories(database, vectors, added)
    rules = sum(apply_rules(database, changed).values())
    mentions = match_actors(database, changed)
    suggestions = store_suggestions(database, vectors, changed)
    return {"stories": stories, "rules": rules, "mentions": mentions, "suggestions": suggestions}
