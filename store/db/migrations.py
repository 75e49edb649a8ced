"""Numbered schema migrations, applied in order inside one transaction each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.db.connection import Database

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 4  # the number of the newest migration in store.db.schema (checked by a test)


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]  # noqa: F821


MIGRATIONS: list[Migration] = []


def migration(number: int, name: str) -> Callable[[Callable[[sqlite_utils.Database], None]], Callable]:
    """Register a migration function under its number (numbers must increase)."""

    def register(fn: Callable[[sqlite_utils.Database], None]) -> Callable:
        if MIGRATIONS and MIGRATIONS[-1].number >= number:
            raise ValueError(f"migration {number} registered out of order")
        MIGRATIONS.append(Migration(number, name, fn))
        return fn

    return register


def current_version(database: Database) -> int:
    """Return the schema version stored in PRAGMA user_version."""
    return int(database.scalar("PRAGMA user_version") or 0)


def migrate(database: Database) -> list[int]:
    """Apply the migrations the database has not seen yet; return their numbers."""
    if current_version(database) == SCHEMA_VERSION:
        return []  # up to date: no need to load the schema code (and sqlite-utils)
    import store.db.schema  # noqa: F401  (registers the migrations)

    applied = []
    for m in MIGRATIONS:
        if m.number <= current_version(database):
            continue
        with database.write() as conn:
            m.apply(database.db)
            conn.execute(f"PRAGMA user_version = {m.number}")
        applied.append(m.number)
    return applied
