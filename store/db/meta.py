"""Small key/value facts about the database (embedder in use, sync flags)."""

from __future__ import annotations

from store.db.connection import Database


def get_meta(database: Database, key: str, default: str | None = None) -> str | None:
    value = database.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return default if value is None else str(value)


def set_meta(database: Database, key: str, value: str | None) -> None:
    with database.write("meta") as conn:
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
