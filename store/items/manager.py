"""Reading items and the user's marks on them: state, star, tags, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.items import annotations as item_annotations
from store.items import queries

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from store.core.models import Item, ItemSummary


class Items(Manager):
    """Reading items and the user's marks on them: state, star, tags, notes."""

    def resolve_item_id(self, ref: str | int) -> int:
        """Turn an item id or URL into an id; raises ItemNotFoundError."""
        return queries.resolve_item_id(self._db, ref)

    def get_summaries(self, ids: Sequence[int], language: str = "nl") -> dict[int, ItemSummary]:
        """List rows for the given ids (missing ids are left out)."""
        return queries.get_summaries(self._db, ids, language)

    def get_item(self, item_id: int, language: str = "nl") -> Item:
        """One item with text, tags and note; raises ItemNotFoundError."""
        return queries.get_item(self._db, item_id, language)

    def sightings(self, item_id: int, story_id: int | None) -> list[tuple[int, str, str]]:
        """(item id, source name, url) of every source that carried the item, or its whole story."""
        return queries.sightings(self._db, item_id, story_id)

    def add_tags(self, item_ids: Iterable[int], names: Iterable[str]) -> list[str]:
        """Attach free tags (created when new, matched case-insensitively); returns the tags as stored."""
        return item_annotations.add_tags(self._db, item_ids, names)

    def remove_tags(self, item_ids: Iterable[int], names: Iterable[str]) -> None:
        """Remove tags from items."""
        return item_annotations.remove_tags(self._db, item_ids, names)

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag in use with its number of items, most used first."""
        return item_annotations.tag_counts(self._db)

    def set_note(self, item_id: int, body: str, based_on: int | None = None) -> int:
        """Save (or clear, with an empty body) the so-what note of an item; team mode: `based_on` is the
        Item.note_version the edit started from (a newer note by someone else raises EditConflictError).
        Returns the note's version now (what the next edit is based on; 0 in local mode)."""
        return item_annotations.set_note(self._db, item_id, body, based_on)

    def set_state(self, item_ids: Iterable[int], state: str) -> None:
        """Mark items new, read or dismissed."""
        return item_annotations.set_state(self._db, item_ids, state)

    def mark_read(self, item_ids: Iterable[int]) -> list[int]:
        """Mark items and the rest of their stories read; returns the ids that were new (for undo)."""
        return item_annotations.mark_read(self._db, item_ids)

    def set_starred(self, item_ids: Iterable[int], starred: bool) -> None:
        """Star or unstar items; starring also marks them read."""
        return item_annotations.set_starred(self._db, item_ids, starred)

    def new_item_ids(self, limit: int | None = None) -> list[int]:
        """Ids of the items still new, newest first."""
        return queries.new_item_ids(self._db, limit)

    def count(self, examples_only: bool = False) -> int:
        """How many items are stored (only example items with `examples_only`)."""
        return queries.count_items(self._db, examples_only)

    def fulltext_state(self, urls: Sequence[str]) -> dict[str, tuple[str | None, int]]:
        """For stored canonical URLs: (full-text status, attempts so far)."""
        return queries.fulltext_state(self._db, urls)

    def count_fulltext_attempt(self, urls: Sequence[str]) -> None:
        """One more failed attempt at the full text of these stored items."""
        queries.count_fulltext_attempt(self._db, urls)
