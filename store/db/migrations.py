"""Numbered schema migrations, applied in order inside one transaction each."""

from __future__ import annotations

from store.db.connection import Database

SCHEMA_VERSION = 11  # the number of the newest migration in store.db.schema (checked by a test)


def current_version(database: Database) -> int:
    """Return the schema version stored in PRAGMA user_version."""
    return int(database.scalar("PRAGMA user_version") or 0)


def migrate(database: Database) -> list[int]:
    """Apply the migrations the database has not seen yet; return their numbers."""
    if current_version(database) == SCHEMA_VERSION:
        return []  # up to date: no need to load the schema code (and sqlite-utils)
    from store.db.schema import MIGRATIONS

    applied = []
    for m in MIGRATIONS:
        if m.number <= current_version(database):
            continue
        with database.write("schema") as conn:
            m.apply(database.db)
            conn.execute(f"PRAGMA user_version = {m.number}")
        applied.append(m.number)
    return applied
