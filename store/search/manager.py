"""What the app's lists show (inbox, starred, a theme, an actor, a source) and saved searches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.search import browse, saved

if TYPE_CHECKING:
    from store.core.models import SearchFilters
    from store.search.browse import SidebarCounts
    from store.search.saved import SavedSearch


class Lists(Manager):
    """What the app's lists show (inbox, starred, a theme, an actor, a source) and saved searches."""

    def new_ids(self) -> list[int]:
        """The inbox: new items, a story once."""
        return browse.new_ids(self._db)

    def starred_ids(self) -> list[int]:
        """Starred items, newest first."""
        return browse.starred_ids(self._db)

    def theme_ids(self, key: str) -> list[int]:
        """Items with a theme, newest first."""
        return browse.theme_ids(self._db, key)

    def actor_ids(self, actor_id: int) -> list[int]:
        """Items that mention an actor, newest first."""
        return browse.actor_ids(self._db, actor_id)

    def source_ids(self, source_id: int) -> list[int]:
        """Items from a source, newest first."""
        return browse.source_ids(self._db, source_id)

    def filtered_ids(self, filters: SearchFilters) -> list[int]:
        """Items matching filters only (no words)."""
        return browse.filtered_ids(self._db, filters)

    def sidebar_counts(self) -> SidebarCounts:
        """Unread counts for the sidebar."""
        return browse.sidebar_counts(self._db)

    def save_search(
        self, name: str, query: str, mode: str = "hybrid", filters: SearchFilters | None = None
    ) -> SavedSearch:
        """Keep a search under a name."""
        return saved.save_search(self._db, name, query, mode, filters)

    def list_saved_searches(self) -> list[SavedSearch]:
        """The saved searches, by name."""
        return saved.list_saved_searches(self._db)

    def delete_saved_search(self, search_id: int) -> None:
        """Forget a saved search."""
        return saved.delete_saved_search(self._db, search_id)
