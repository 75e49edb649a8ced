"""What the app's lists show: item ids for each sidebar entry (a story once), and unread counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.core.models import SearchFilters
from store.db.connection import Database
from store.search.filters import filter_sql
from store.themes.effective import EFFECTIVE_THEME_SQL

MAX_LIST = 200_000


@dataclass
class SidebarCounts:
    new: int = 0
    starred: int = 0
    themes: dict[str, int] = field(default_factory=dict)  # unread stories per theme
    sources_failing: int = 0
    actors: dict[int, int] = field(default_factory=dict)  # unread stories per watchlist actor
    alerts: int = 0  # alerts not seen yet
    cards: int = 0  # signal cards not archived


def _one_per_story(where: str, params: list, order: str = "i.published DESC") -> tuple[str, list]:
    sql = (
        "SELECT id FROM (SELECT i.id, i.published, i.starred, ROW_NUMBER() OVER ("
        "PARTITION BY COALESCE(i.story_id, -i.id) ORDER BY i.published DESC, i.id DESC) AS rn"
        f" FROM items i WHERE {where}) AS i WHERE rn = 1 ORDER BY {order}, id DESC LIMIT {MAX_LIST}"
    )
    return sql, params


def ids_where(database: Database, where: str, params: list | tuple = ()) -> list[int]:
    """Ids of items matching a condition on `i`, a story once (its newest item), newest first."""
    sql, args = _one_per_story(where, list(params))
    return [r[0] for r in database.query(sql, tuple(args))]


def new_ids(database: Database) -> list[int]:
    return ids_where(database, "i.state = 'new'")


def starred_ids(database: Database) -> list[int]:
    return ids_where(database, "i.starred = 1")


def theme_ids(database: Database, key: str) -> list[int]:
    return ids_where(database, f"i.state != 'dismissed' AND EXISTS (SELECT 1 FROM item_themes t WHERE"
                               f" t.item_id = i.id AND t.theme_key = ? AND {EFFECTIVE_THEME_SQL})", [key])


def actor_ids(database: Database, actor_id: int) -> list[int]:
    return ids_where(database, "i.state != 'dismissed' AND i.id IN (SELECT item_id FROM actor_mentions"
                               " WHERE actor_id = ?)", [actor_id])


def source_ids(database: Database, source_id: int) -> list[int]:
    return ids_where(database, "i.id IN (SELECT item_id FROM item_sources WHERE source_id = ?)", [source_id])


def filtered_ids(database: Database, filters: SearchFilters) -> list[int]:
    where, params = filter_sql(filters)
    return ids_where(database, where, params)


STORY = "COALESCE(i.story_id, -i.id)"  # what the lists show once: a story, or an item on its own


def sidebar_counts(database: Database) -> SidebarCounts:
    """Counts as the lists show them: a story told by several outlets counts once."""
    counts = SidebarCounts(
        new=int(database.scalar(f"SELECT COUNT(DISTINCT {STORY}) FROM items i WHERE i.state = 'new'") or 0),
        starred=int(database.scalar(f"SELECT COUNT(DISTINCT {STORY}) FROM items i WHERE i.starred = 1") or 0),
        sources_failing=int(database.scalar(
            "SELECT COUNT(*) FROM sources WHERE removed = 0 AND enabled = 1 AND last_status = 'failing'") or 0),
    )
    rows = database.query(
        f"SELECT t.theme_key, COUNT(DISTINCT {STORY}) FROM item_themes t JOIN items i ON i.id = t.item_id"
        f" WHERE i.state = 'new' AND {EFFECTIVE_THEME_SQL} GROUP BY t.theme_key")
    counts.themes = {r[0]: r[1] for r in rows}
    rows = database.query(
        f"SELECT m.actor_id, COUNT(DISTINCT {STORY}) FROM actor_mentions m JOIN items i ON i.id = m.item_id"
        " WHERE i.state = 'new' GROUP BY m.actor_id")
    counts.actors = {r[0]: r[1] for r in rows}
    counts.alerts = int(database.scalar("SELECT COUNT(*) FROM alerts WHERE seen = 0") or 0)
    counts.cards = int(database.scalar("SELECT COUNT(*) FROM signal_cards WHERE status <> 'archived'") or 0)
    return counts
