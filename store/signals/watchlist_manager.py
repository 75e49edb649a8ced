"""Actors to follow (companies, public bodies, places) and where they are mentioned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.db.manager import Manager
from store.signals import watchlist

if TYPE_CHECKING:
    from collections.abc import Iterable

    from store.core.progress import ProgressCallback
    from store.signals.watchlist import Actor


class Watchlist(Manager):
    """Actors to follow (companies, public bodies, places) and where they are mentioned."""

    def list_actors(self) -> list[Actor]:
        """Every actor on the watchlist, with its mentions."""
        return watchlist.list_actors(self._db)

    def get_actor(self, ref: str | int) -> Actor:
        """One actor by id or name."""
        return watchlist.get_actor(self._db, ref)

    def add_actor(self, name: str, kind: str = "other", aliases: Iterable[str] = (), seeded: bool = False) -> Actor:
        """Add an actor, or add aliases to an existing one of that name. Mentions are found afterwards."""
        return watchlist.add_actor(self._db, name, kind, aliases, seeded)

    def remove_actor(self, ref: str | int) -> Actor:
        """Take an actor off the watchlist."""
        return watchlist.remove_actor(self._db, ref)

    def seed_actors(self) -> int:
        """Add the default public bodies, associations, municipalities and countries once."""
        return watchlist.seed_actors(self._db)

    def match_actors(
        self,
        item_ids: list[int] | None = None,
        actors: list[Actor] | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Record which actors the items mention (None: all items); returns the mentions found."""
        return watchlist.match_actors(self._db, item_ids, actors, progress)

    def timeline(self, actor_id: int, limit: int = 50) -> list[tuple[int, str, str | None]]:
        """The items that mention an actor, newest first: (id, title, published as stored)."""
        return watchlist.timeline(self._db, actor_id, limit)
