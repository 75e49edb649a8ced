"""A person's settings in team mode: kept on the team server (person_settings), so they follow the
person from computer to computer; the embedding model is the team's (the vectors are shared)."""

from __future__ import annotations

import json
from typing import Any

from store.db.connection import Database
from store.db.settings import DEFAULTS


def load_person_settings(database: Database) -> dict[str, Any]:
    settings = dict(DEFAULTS)
    for key, value in database.query("SELECT key, value FROM person_settings WHERE person = ?",
                                     (database.person,)):
        try:
            settings[key] = json.loads(value)
        except (TypeError, ValueError):
            continue
    team_model = database.scalar("SELECT value FROM meta WHERE key = 'embedding_model'")
    if team_model:
        settings["embedding_model"] = team_model
    return settings


def save_person_settings(database: Database, settings: dict[str, Any]) -> None:
    """Save the person's settings; the embedding model for the whole team."""
    who = database.person
    with database.write("meta") as conn:
        conn.executemany(
            "INSERT INTO person_settings (person, key, value) VALUES (?, ?, ?)"
            " ON CONFLICT (person, key) DO UPDATE SET value = excluded.value",
            [(who, key, json.dumps(value, ensure_ascii=False)) for key, value in settings.items()
             if key != "embedding_model"])
        if "embedding_model" in settings:
            conn.execute("INSERT INTO meta (key, value) VALUES ('embedding_model', ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (settings["embedding_model"],))
