"""Reading items: one item in full, many as list rows, and resolving an id or URL."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from store.core.errors import ItemNotFoundError
from store.core.ids import as_id
from store.core.models import Item, ItemSummary
from store.core.timeutil import parse_stored
from store.core.urls import canonical_url
from store.db.connection import Database
from store.themes.registry import item_themes

SUMMARY_COLUMNS = (
    "i.id, i.url, i.title, COALESCE(NULLIF(i.outlet, ''), s.name, '') AS source, i.published, i.language, i.state,"
    " i.starred, i.is_example, i.story_id,"
    " substr(COALESCE(NULLIF(i.summary, ''), i.full_text, ''), 1, 260) AS lead"
)


def resolve_item_id(database: Database, ref: str | int) -> int:
    """Turn an item id or URL into an id; raises ItemNotFoundError."""
    text = str(ref).strip()
    number = as_id(text)
    if number is not None or (text.isascii() and text.isdigit()):
        if number is not None and database.scalar("SELECT 1 FROM items WHERE id = ?", (number,)):
            return number
        raise ItemNotFoundError(text)
    found = database.scalar(
        "SELECT id FROM items WHERE canonical_url = ? OR url = ? LIMIT 1", (canonical_url(text), text)
    )
    if found is None:
        raise ItemNotFoundError(text)
    return int(found)


def story_counts(database: Database, rows: Sequence[sqlite3.Row]) -> dict[int, tuple[int, int]]:
    """item id -> (items in its story, distinct sources of the item or its story)."""
    out: dict[int, tuple[int, int]] = {}
    stories = {r["story_id"] for r in rows if r["story_id"]}
    if stories:
        marks = ",".join("?" * len(stories))
        per_story = {r[0]: (r[1], r[2]) for r in database.query(
            f"SELECT i.story_id, COUNT(DISTINCT i.id), COUNT(DISTINCT x.source_id) FROM items i"
            f" LEFT JOIN item_sources x ON x.item_id = i.id WHERE i.story_id IN ({marks}) GROUP BY i.story_id",
            tuple(stories))}
        out.update({r["id"]: per_story[r["story_id"]] for r in rows if r["story_id"] in per_story})
    singles = [r["id"] for r in rows if not r["story_id"]]
    if singles:
        marks = ",".join("?" * len(singles))
        counts = {r[0]: r[1] for r in database.query(
            f"SELECT item_id, COUNT(DISTINCT source_id) FROM item_sources WHERE item_id IN ({marks})"
            f" GROUP BY item_id", tuple(singles))}
        out.update({i: (1, max(1, counts.get(i, 1))) for i in singles})
    return out


def _summary(row: sqlite3.Row, themes: dict, stories: dict[int, tuple[int, int]] | None = None) -> ItemSummary:
    size, sources = (stories or {}).get(row["id"], (1, 1))
    return ItemSummary(
        id=row["id"], url=row["url"], title=row["title"], source=row["source"],
        published=parse_stored(row["published"]), language=row["language"] or "",
        state=row["state"], starred=bool(row["starred"]), is_example=bool(row["is_example"]),
        story_id=row["story_id"], themes=tuple(themes.get(row["id"], ())), story_size=size,
        source_count=max(1, sources), lead=" ".join((row["lead"] or "").split()),
    )


def get_summaries(database: Database, ids: Sequence[int], language: str = "nl") -> dict[int, ItemSummary]:
    """List rows for the given ids (missing ids are left out)."""
    out: dict[int, ItemSummary] = {}
    ids = list(ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        rows = database.query(
            f"SELECT {SUMMARY_COLUMNS} FROM items i LEFT JOIN sources s ON s.id = i.source_id"
            f" WHERE i.id IN ({','.join('?' * len(chunk))})",
            tuple(chunk),
        )
        themes = item_themes(database, [r["id"] for r in rows], language)
        stories = story_counts(database, rows)
        out.update({r["id"]: _summary(r, themes, stories) for r in rows})
    return out


def get_item(database: Database, item_id: int, language: str = "nl") -> Item:
    """One item with text, tags and note; raises ItemNotFoundError."""
    who = ", n.author, n.updated AS note_updated, n.version" if database.dialect == "postgres" else ""  # team mode
    row = database.query_one(
        f"SELECT {SUMMARY_COLUMNS}, i.canonical_url, i.guid, i.summary, i.full_text, i.fetched,"
        f" i.published_estimated, i.source_id, i.content_hash, i.content_html, i.fulltext_status, n.body AS note{who}"
        " FROM items i LEFT JOIN sources s ON s.id = i.source_id LEFT JOIN notes n ON n.item_id = i.id"
        " WHERE i.id = ?",
        (item_id,),
    )
    if row is None:
        raise ItemNotFoundError(str(item_id))
    tags = [r[0] for r in database.query(
        "SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ? ORDER BY t.name",
        (item_id,),
    )]
    base = _summary(row, item_themes(database, [item_id], language), story_counts(database, [row]))
    return Item(
        **{f: getattr(base, f) for f in ItemSummary.__dataclass_fields__},
        canonical_url=row["canonical_url"], guid=row["guid"], summary=row["summary"] or "",
        full_text=row["full_text"] or "", fetched=parse_stored(row["fetched"]),
        published_estimated=bool(row["published_estimated"]), source_id=row["source_id"],
        content_hash=row["content_hash"] or "", tags=tuple(tags), note=row["note"] or "",
        content_html=row["content_html"] or "", fulltext_status=row["fulltext_status"],
        sightings=tuple(sightings(database, item_id, row["story_id"])),
        **({"note_by": row["author"], "note_updated": parse_stored(row["note_updated"]),
            "note_version": int(row["version"] or 0)} if who and row["note"] is not None else {}),
    )


def sightings(database: Database, item_id: int, story_id: int | None) -> list[tuple[int, str, str]]:
    """(item id, source name, url) of every source that carried the item, or its whole story."""
    where, param = ("i.story_id = ?", story_id) if story_id else ("i.id = ?", item_id)
    rows = database.query(
        f"SELECT i.id, COALESCE(s.name, ''), x.url FROM items i JOIN item_sources x ON x.item_id = i.id"
        f" LEFT JOIN sources s ON s.id = x.source_id WHERE {where} ORDER BY i.published, i.id, s.name", (param,))
    return [(r[0], r[1], r[2]) for r in rows]


def latest_ids(database: Database, where_sql: str, params: list, limit: int) -> list[int]:
    """Ids of the newest items matching a filter (on items aliased `i`)."""
    rows = database.query(
        f"SELECT i.id FROM items i WHERE {where_sql} ORDER BY i.published DESC, i.id DESC LIMIT ?",
        (*params, limit),
    )
    return [r[0] for r in rows]


def new_item_ids(database: Database, limit: int | None = None) -> list[int]:
    """Ids of the items still new (not read or dismissed), newest first."""
    sql = "SELECT id FROM items WHERE state = 'new' ORDER BY published DESC"
    rows = database.query(sql + " LIMIT ?", (limit,)) if limit else database.query(sql)
    return [r[0] for r in rows]


def count_items(database: Database, examples_only: bool = False) -> int:
    """How many items are stored (only the bundled example items with `examples_only`)."""
    sql = "SELECT COUNT(*) FROM items" + (" WHERE is_example = 1" if examples_only else "")
    return int(database.scalar(sql) or 0)


def fulltext_state(database: Database, urls: Sequence[str]) -> dict[str, tuple[str | None, int]]:
    """For stored canonical URLs: (fulltext status, attempts so far)."""
    out: dict[str, tuple[str | None, int]] = {}
    urls = list(urls)
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        rows = database.query(
            f"SELECT canonical_url, fulltext_status, fulltext_attempts FROM items"
            f" WHERE canonical_url IN ({','.join('?' * len(chunk))})", tuple(chunk))
        out.update({r[0]: (r[1], r[2] or 0) for r in rows})
        left_out = database.query(  # entries a topic filter left out count as known
            f"SELECT canonical_url FROM filtered_entries WHERE canonical_url IN ({','.join('?' * len(chunk))})",
            tuple(chunk))
        out.update({r[0]: ("filtered", 0) for r in left_out if r[0] not in out})
    return out


def count_fulltext_attempt(database: Database, urls: Sequence[str]) -> None:
    """One more failed attempt at the full text of these stored items."""
    if urls:
        with database.write("items") as conn:
            conn.executemany("UPDATE items SET fulltext_attempts = fulltext_attempts + 1 WHERE canonical_url = ?",
                             [(u,) for u in urls])
