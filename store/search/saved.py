"""Saved searches: a query, a mode and filters under a name, shown in the sidebar."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

from store.core.errors import StoreError
from store.core.models import SearchFilters
from store.core.timeutil import format_utc, now_iso, parse_stored
from store.db.connection import Database


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    mode: str
    filters: SearchFilters


def filters_to_json(filters: SearchFilters) -> str:
    data = asdict(filters)
    for key in ("since", "until"):
        data[key] = format_utc(data[key]) if isinstance(data[key], datetime) else None
    return json.dumps(data, ensure_ascii=False)


def filters_from_json(text: str) -> SearchFilters:
    data = json.loads(text or "{}")
    return SearchFilters(
        themes=list(data.get("themes") or []), sources=list(data.get("sources") or []),
        since=parse_stored(data.get("since")), until=parse_stored(data.get("until")),
        languages=list(data.get("languages") or []), states=list(data.get("states") or []),
    )


def save_search(database: Database, name: str, query: str, mode: str = "hybrid",
                filters: SearchFilters | None = None) -> SavedSearch:
    name = " ".join(name.split())
    if not name:
        raise StoreError("A saved search needs a name.")
    with database.write("searches") as conn:
        position = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM saved_searches").fetchone()[0]
        cur = conn.execute(
            "INSERT INTO saved_searches (name, query, mode, filters, position, created) VALUES (?, ?, ?, ?, ?, ?)",
            (name, query, mode, filters_to_json(filters or SearchFilters()), position, now_iso()))
    return SavedSearch(int(cur.lastrowid or 0), name, query, mode, filters or SearchFilters())


def list_saved_searches(database: Database) -> list[SavedSearch]:
    return [SavedSearch(r["id"], r["name"], r["query"] or "", r["mode"] or "hybrid", filters_from_json(r["filters"]))
            for r in database.query("SELECT * FROM saved_searches ORDER BY position, id")]


def delete_saved_search(database: Database, search_id: int) -> None:
    with database.write("searches") as conn:
        conn.execute("DELETE FROM saved_searches WHERE id = ?", (search_id,))
