"""Exceptions the store raises, each with a message a user can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the message says what happened and what to do."""


class DataDirError(StoreError):
    """The data folder cannot be created, read or written."""


class DatabaseBusyError(StoreError):
    """Another process holds the write lock for longer than the busy timeout."""


class QueryError(StoreError):
    """A search query that has nothing to search for."""


class UnknownThemeError(StoreError):
    """A theme key that does not exist."""

    def __init__(self, key: str, known: list[str]) -> None:
        self.key = key
        self.known = known
        super().__init__(
            f"Unknown theme '{key}'. Known themes: {', '.join(known) or '(none)'}."
        )


class ItemNotFoundError(StoreError):
    """An item id or URL that is not in the store."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        super().__init__(f"No item with id or URL '{ref}' in this data folder.")


class EmbedderError(StoreError):
    """The embedding model cannot be loaded or used."""


class VectorIndexError(StoreError):
    """The vector index cannot be opened or rebuilt."""


class DiskFullError(StoreError):
    """The disk is full: the write was undone, nothing stored before is lost."""


class ReadOnlyDataError(StoreError):
    """The database file or the data folder cannot be written."""


class DatabaseDamagedError(StoreError):
    """The database file is damaged (not a database, or malformed pages)."""


class EditConflictError(StoreError):
    """Someone else saved a newer version of a text (team mode): theirs is kept, yours is returned to merge."""

    def __init__(self, theirs: str, by: str | None, when: str | None, yours: str, version: int = 0) -> None:
        self.theirs, self.by, self.when, self.yours, self.version = theirs, by, when, yours, version
        super().__init__(f"{by or 'Someone'} changed this text at {when}; your text was not saved over theirs. "
                         "Both are shown: merge them and save again.")


class TeamServerError(StoreError):
    """The team database cannot be reached or used; the message says what to do."""


class ScanBusyError(StoreError):
    """Another scanner of the same store is at work; this one did nothing (and need not)."""
