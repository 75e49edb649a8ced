"""What a write changed, as Anki's OpChanges: every write transaction names what it touches, and after
it commits the store tells its listeners once, so each view refreshes from one notification."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# What can change: one word per concept a view may show.
KINDS = frozenset({
    "items",      # items, their state, star, tags, notes, full text
    "themes",     # the taxonomy and the themes on items (decided or suggested)
    "rules",      # theme rules
    "stories",    # which items tell the same story
    "watchlist",  # actors and their mentions
    "digests",    # digests, their items and order
    "sources",    # sources and their health
    "indicators", # the series of indicator sources
    "cards",      # signal cards, their evidence and history, developments
    "alerts",     # alerts raised and seen
    "scans",      # the record of scan runs
    "searches",   # saved searches
    "vectors",    # embeddings and the vector index
    "meta",       # small facts about the database (embedder in use, sync flags)
    "schema",     # migrations
})


@dataclass(frozen=True)
class Changes:
    """The kinds of data a write changed, and the items it changed where it knows them."""

    kinds: frozenset[str] = frozenset()
    item_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, kinds: Iterable[str], item_ids: Iterable[int] = ()) -> Changes:
        kinds = frozenset(kinds)
        unknown = kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kind of change: {', '.join(sorted(unknown))}")
        return cls(kinds, frozenset(item_ids))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.item_ids | other.item_ids)

    def touches(self, *kinds: str) -> bool:
        """True if any of `kinds` changed."""
        return not self.kinds.isdisjoint(kinds)
