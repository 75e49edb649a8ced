"""The FTS5 keyword index: stemmed title and body per item, BM25 ranking."""

from __future__ import annotations

import sqlite3

from store.core.text import stem_text
from store.db.connection import NO_FILTER, Database

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
# Keyword ranking looks at the newest this many items first (by id, the order they came in) and at all of
# them only when those have too few matches: ranking every match of a common word in a large archive is
# what made typing slow, and a horizon scanner's best keyword evidence is recent. Older items still come
# through the semantic side of a hybrid search, and whenever the newest have too few matches.
RECENT_WINDOW = 25_000


def _team(conn: object) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgres"


def index_item(conn: sqlite3.Connection, item_id: int, title: str, body: str, language: str | None) -> None:
    """(Re)index one item; call inside a write transaction."""
    if _team(conn):
        from store.team import keyword

        keyword.index_item(conn, item_id, title, body, language)
        return
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
    conn.execute(
        "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)",
        (item_id, stem_text(title, language), stem_text(body, language)),
    )


def unindex_item(conn: sqlite3.Connection, item_id: int) -> None:
    if _team(conn):
        return  # the search column goes with the row
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))


def keyword_ranking(
    database: Database, match: str, where_sql: str, params: list, limit: int
) -> list[tuple[int, float]]:
    """Item ids matching the FTS5 expression and the filter, best BM25 first, as (id, score).

    `where_sql` filters on items aliased `i`. The score is -bm25 (higher is better).
    """
    if not match:
        return []
    if _team(database):
        from store.team import keyword

        return keyword.keyword_ranking(database, match, where_sql, params, limit)
    newest = int(database.scalar("SELECT MAX(id) FROM items") or 0)
    if newest <= RECENT_WINDOW:
        return _ranked(database, match, where_sql, params, limit, 0, newest)
    recent = _ranked(database, match, where_sql, params, limit, newest - RECENT_WINDOW, newest)
    if len(recent) >= limit:
        return recent
    older = _ranked(database, match, where_sql, params, limit, 0, newest - RECENT_WINDOW)
    return sorted(recent + older, key=lambda pair: -pair[1])[:limit]  # one BM25 scale: the lists merge


def _ranked(database: Database, match: str, where_sql: str, params: list, limit: int,
            after: int, upto: int) -> list[tuple[int, float]]:
    """One ranked FTS5 query over items with an id in (after, upto]. A filter is a set of ids made once from
    the items' indexes (joining the items table row by row reads each row's whole text first)."""
    bm25 = f"bm25(items_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
    sql = f"SELECT rowid, -{bm25} FROM items_fts WHERE items_fts MATCH ? AND rowid > ? AND rowid <= ?"
    args: list = [match, after, upto]
    if where_sql != NO_FILTER:  # "+rowid": a test per match, not one FTS5 lookup per allowed id
        sql += f" AND +rowid IN (SELECT i.id FROM items i WHERE +i.id > ? AND +i.id <= ? AND {where_sql})"
        args += [after, upto, *params]
    with database.lock:
        try:
            rows = database.conn.execute(f"{sql} ORDER BY {bm25} LIMIT ?", [*args, limit]).fetchall()
        except sqlite3.OperationalError:
            # The parser renders only quoted terms, so this is not expected; never let a
            # query crash the search, return no keyword hits instead.
            return []
    return [(int(r[0]), float(r[1])) for r in rows]


def rebuild(database: Database, rows: list[tuple[int, str, str, str | None]]) -> None:
    """Re-index the given (id, title, body, language) rows from scratch."""
    if _team(database):
        from store.team import keyword

        keyword.rebuild(database, rows)
        return
    with database.write("items") as conn:
        conn.execute("DELETE FROM items_fts")
        for item_id, title, body, language in rows:
            conn.execute(
                "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)",
                (item_id, stem_text(title, language), stem_text(body, language)),
            )
