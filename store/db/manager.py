"""The base of the store's managers: each one is a concept's methods, bound to one database."""

from __future__ import annotations

from store.db.connection import Database


class Manager:
    """A concept's methods (kb.items, kb.digests...), all working on `database`."""

    def __init__(self, database: Database) -> None:
        self._db = database
