"""Learned theme suggestions for items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.themes import suggestions

if TYPE_CHECKING:
    from store.themes.suggestions import Suggestion, ThemeModel
    from store.vectors.vector_store import VectorStore


class Suggestions(Manager):
    """Learned theme suggestions for items."""

    def suggest(
        self,
        vectors: VectorStore,
        item_ids: list[int],
        model: ThemeModel | None = None,
        language: str = "nl",
        evidence_for: float = 0.0,
    ) -> dict[int, list[Suggestion]]:
        """Every theme for every item, most confident first, each with its evidence."""
        return suggestions.suggest(self._db, vectors, item_ids, model, language, evidence_for)

    def store_suggestions(self, vectors: VectorStore, item_ids: list[int], model: ThemeModel | None = None) -> int:
        """Save the confident suggestions of these items (replacing older undecided ones); returns how many."""
        return suggestions.store_suggestions(self._db, vectors, item_ids, model)
