"""The FTS5 keyword index: stemmed title and body per item, BM25 ranking."""

from __future__ import annotations

import sqlite3

from store.core.text import stem_text
from store.db.connection import NO_FILTER, Database

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0


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
    bm25 = f"bm25(items_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
    if where_sql == NO_FILTER:  # no filter: the join with items would only cost time
        sql = f"SELECT rowid, -{bm25} FROM items_fts WHERE items_fts MATCH ? ORDER BY {bm25} LIMIT ?"
    else:
        sql = (
            f"SELECT f.rowid, -{bm25} FROM items_fts f JOIN items i ON i.id = f.rowid"
            f" WHERE items_fts MATCH ? AND {where_sql} ORDER BY {bm25} LIMIT ?"
        )
    with database.lock:
        try:
            rows = database.conn.execute(sql, [match, *params, limit]).fetchall()
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
