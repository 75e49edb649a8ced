"""Signal cards and developments: the store's front door for them (`kb.cards`)."""

from __future__ import annotations

from collections.abc import Sequence

from store.cards import cards, citations
from store.cards import developments as development_ops
from store.cards.model import Card, Development
from store.db.manager import Manager
from store.vectors.vector_store import VectorStore


class Cards(Manager):
    """Signal cards (made from items or stories, assessed, with evidence and history) and development_ops."""

    def create(self, item_ids: Sequence[int], title: str | None = None, **fields: object) -> Card:
        """A card from items and their stories, prefilled (title, description, themes, watchlist actors)."""
        return cards.create_card(self._db, item_ids, title, **fields)

    def get(self, card_id: int) -> Card:
        return cards.get_card(self._db, card_id)

    def list_cards(self, status: str | None = None, development_id: int | None = None,
             include_archived: bool = False) -> list[Card]:
        return cards.list_cards(self._db, status, development_id, include_archived)

    def update(self, card_id: int, based_on: int | None = None, **fields: object) -> Card:
        """Change fields; every change goes into the card's history with who and when."""
        return cards.update_card(self._db, card_id, based_on, **fields)

    def link(self, card_id: int, item_ids: Sequence[int], with_stories: bool = True) -> int:
        """More evidence (with a snapshot of each item's text); returns how many items are new to the card."""
        return cards.link_evidence(self._db, card_id, item_ids, with_stories)

    def unlink(self, card_id: int, item_id: int) -> None:
        cards.unlink_evidence(self._db, card_id, item_id)

    def of_item(self, item_id: int) -> list[int]:
        """The cards an item is evidence for."""
        return cards.cards_of_item(self._db, item_id)

    def similar_items(self, vectors: VectorStore, card: Card, limit: int = 10) -> list[int]:
        """Items like the card's evidence, not linked yet."""
        return development_ops.similar_items_for_card(self._db, vectors, card, limit)

    # -- developments ------------------------------------------------------------------------------------
    def new_development(self, title: str, description: str = "", card_ids: Sequence[int] = ()) -> int:
        return development_ops.create_development(self._db, title, description, tuple(card_ids))

    def edit_development(self, development_id: int, title: str | None = None, description: str | None = None) -> None:
        development_ops.update_development(self._db, development_id, title, description)

    def development(self, development_id: int) -> Development:
        return development_ops.get_development(self._db, development_id)

    def developments(self) -> list[Development]:
        return development_ops.list_developments(self._db)

    def suggest_developments(self, vectors: VectorStore) -> list[development_ops.DevelopmentSuggestion]:
        """"These cards look like one development": groups by their evidence's vectors."""
        return development_ops.suggest_developments(self._db, vectors)

    # -- citations ----------------------------------------------------------------------------------------
    def citations(self, card_ids: Sequence[int], fmt: str) -> str:
        """The evidence of these cards as RIS or CSL-JSON (`fmt`: ris | csl), each item once."""
        seen, evidence = set(), []
        for card_id in card_ids:
            for e in cards.get_card(self._db, card_id).evidence:
                if e.item_id not in seen:
                    seen.add(e.item_id)
                    evidence.append(e)
        note = "Horizonscan: " + ", ".join(f"#{c}" for c in card_ids)
        return citations.ris(evidence, note) if fmt == "ris" else citations.csl_json(evidence, note)

    def cite_items(self, item_ids: Sequence[int], fmt: str, note: str = "") -> str:
        """Items (e.g. a digest's entries) as RIS or CSL-JSON."""
        evidence = cards.evidence_of_items(self._db, item_ids)
        return citations.ris(evidence, note) if fmt == "ris" else citations.csl_json(evidence, note)
