"""The FTS5 keyword index: stemmed title and body per item, BM25 ranking."""

from __future__ import annotations

import re
import sqlite3
from weakref import WeakKeyDictionary

from store.core.text import stem_text
from store.db.connection import NO_FILTER, Database

TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
# Keyword ranking looks at the newest this many items first (by id, the order they came in) and at all of
# them only when those have too few matches: ranking every match of a common word in a large archive is
# what made typing slow, and a horizon scanner's best keyword evidence is recent. Older items still come
# through the semantic side of a hybrid search, and whenever the newest have too few matches.
RECENT_WINDOW = 25_000
# Ranking happens in a second index that holds only the newest this many items (a few more than the window):
# FTS5's BM25 counts each word's matches in the whole index it ranks in, which grows with the archive.
RECENT_KEEP = RECENT_WINDOW + 5_000
# To find matches (not to rank them), a prefix ("arbeidsmigrant"*) is written as the index's words that start
# with it, when they are at most this many: FTS5 reads a prefix's matches across the whole archive first.
MAX_PREFIX_TERMS = 64
# BM25 ranks at most the newest this many matches of a query: a common word matches thousands of items in
# the window, and scoring them all is what a typed query waits for (each is scored with all its words).
MAX_RANKED = 2_000
MAX_KNOWN_TERMS = 500_000  # words remembered per database as stored in the terms (a set of a few tens of MB)
_KNOWN_TERMS: WeakKeyDictionary[Database, set[str]] = WeakKeyDictionary()
_PREFIX_RE = re.compile(r'"([^\W_]+)"\*')


def _team(conn: object) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgres"


def index_item(conn: sqlite3.Connection, item_id: int, title: str, body: str, language: str | None,
               terms: set[str] | None = None) -> None:
    """(Re)index one item; call inside a write transaction. With `terms`, the item's words are added to that
    set for the caller to store once per transaction (add_terms), else they are stored at once."""
    if _team(conn):
        from store.team import keyword

        keyword.index_item(conn, item_id, title, body, language)
        return
    unindex_item(conn, item_id)
    _insert(conn, item_id, stem_text(title, language), stem_text(body, language), terms)


def _insert(conn: sqlite3.Connection, item_id: int, title: str, body: str, terms: set[str] | None = None) -> None:
    """One item's stemmed title and body into the index, and their words into the index's terms."""
    conn.execute("INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)", (item_id, title, body))
    conn.execute("INSERT INTO items_fts_recent (rowid, title, body) VALUES (?, ?, ?)", (item_id, title, body))
    words = set(title.split()) | set(body.split())
    if terms is None:
        conn.executemany("INSERT OR IGNORE INTO items_fts_terms (term) VALUES (?)", [(term,) for term in words])
    else:
        terms |= words


def add_terms(database: Database, conn: sqlite3.Connection, terms: set[str]) -> set[str]:
    """Store the words of a transaction's items in the index's terms, skipping those this process stored
    before (most words of a new article are known). Returns the words written: pass them to
    remember_terms once the transaction is committed."""
    if _team(conn):
        return set()
    new = terms - _KNOWN_TERMS.get(database, set())
    conn.executemany("INSERT OR IGNORE INTO items_fts_terms (term) VALUES (?)", [(term,) for term in new])
    return new


def remember_terms(database: Database, terms: set[str]) -> None:
    known = _KNOWN_TERMS.setdefault(database, set())
    if len(known) + len(terms) > MAX_KNOWN_TERMS:
        known.clear()
    known |= terms


def unindex_item(conn: sqlite3.Connection, item_id: int) -> None:
    if _team(conn):
        return  # the search column goes with the row
    conn.execute("DELETE FROM items_fts WHERE rowid = ?", (item_id,))
    conn.execute("DELETE FROM items_fts_recent WHERE rowid = ?", (item_id,))


def trim_recent(conn: sqlite3.Connection) -> None:
    """Keep the index of the newest items to the newest RECENT_KEEP (call once per write transaction)."""
    if _team(conn):
        return
    newest = conn.execute("SELECT MAX(rowid) FROM items_fts_recent").fetchone()[0] or 0
    conn.execute("DELETE FROM items_fts_recent WHERE rowid <= ?", (newest - RECENT_KEEP,))


def keyword_ranking(
    database: Database, match: str, where_sql: str, params: list, limit: int, enough: int | None = None,
    recent_only: bool = False,
) -> list[tuple[int, float]]:
    """Item ids matching the FTS5 expression and the filter, best BM25 first, as (id, score).

    In a large archive the newest RECENT_WINDOW items are ranked, and all items only when those have fewer
    than `enough` matches (default: limit), unless `recent_only`. `where_sql` filters on items aliased `i`.
    The score is -bm25 (higher is better).
    """
    if not match:
        return []
    if _team(database):
        from store.team import keyword

        return keyword.keyword_ranking(database, match, where_sql, params, limit)
    with database.reading() as conn:  # beside the vector lookups of the same search
        expanded = expand_prefixes(conn, match)
        newest = int(conn.execute("SELECT MAX(id) FROM items").fetchone()[0] or 0)
    recent_from = newest - RECENT_KEEP  # the index of the newest items holds the ids above this
    if newest <= RECENT_WINDOW:
        return _ranked(database, (match, expanded), where_sql, params, limit, 0, newest, recent_from)
    recent = _ranked(database, (match, expanded), where_sql, params, limit, newest - RECENT_WINDOW, newest,
                     recent_from)
    if recent_only or len(recent) >= min(limit, enough or limit):
        return recent
    # too few among the newest: all the items the filter lets through (the first of them found in the filter's
    # index), ranked in the index that holds them all (one BM25 scale for old and new)
    first = 1 if where_sql == NO_FILTER else database.read_scalar(
        f"SELECT MIN(+i.id) FROM items i WHERE {where_sql}", tuple(params))  # +: from the filter's index
    if first is None or first > newest - RECENT_WINDOW:
        return recent  # the filter leaves nothing older: the newest were all there is
    return _ranked(database, (match, expanded), where_sql, params, limit, int(first) - 1, newest, recent_from)


def _ranked(database: Database, match: tuple[str, str], where_sql: str, params: list, limit: int,
            after: int, upto: int, recent_from: int) -> list[tuple[int, float]]:
    """One ranked FTS5 query over the newest MAX_RANKED matches with an id in (after, upto]. `match` is the
    expression and the same with its prefixes expanded: the matches are found with the second, the ranking
    uses the first (a prefix weighs as one word in BM25; its words apart would each weigh on their own).
    A filter is a set of ids made once from the items' indexes (joining the items table row by row reads
    each row's text)."""
    index = "items_fts_recent" if after >= recent_from else "items_fts"  # the range lies in the newest items
    bm25 = f"bm25({index}, {TITLE_WEIGHT}, {BODY_WEIGHT})"

    def matches(expression: str, start: int) -> tuple[str, list]:
        sql = f"FROM {index} WHERE {index} MATCH ? AND rowid > ? AND rowid <= ?"
        if where_sql == NO_FILTER:
            return sql, [expression, start, upto]
        # "+rowid": a test per match, not one FTS5 lookup per allowed id
        sql += f" AND +rowid IN (SELECT i.id FROM items i WHERE +i.id > ? AND +i.id <= ? AND {where_sql})"
        return sql, [expression, start, upto, start, upto, *params]

    with database.reading() as conn:
        try:
            # the MAX_RANKED-th newest match, found in id order without scoring any: older ones are not ranked
            sql, args = matches(match[1], after)
            oldest = conn.execute(f"SELECT rowid {sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                                  [*args, MAX_RANKED - 1]).fetchone()
            sql, args = matches(match[0], after if oldest is None else int(oldest[0]) - 1)
            rows = conn.execute(f"SELECT rowid, -{bm25} {sql} ORDER BY {bm25} LIMIT ?", [*args, limit]).fetchall()
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
        conn.execute("DELETE FROM items_fts_recent")
        conn.execute("DELETE FROM items_fts_terms")
        _KNOWN_TERMS.pop(database, None)
        for item_id, title, body, language in rows:
            _insert(conn, item_id, stem_text(title, language), stem_text(body, language))
        trim_recent(conn)


def expand_prefixes(conn: sqlite3.Connection, match: str) -> str:
    """The FTS5 expression with each prefix written as the index's words that start with it (at most
    MAX_PREFIX_TERMS; a prefix of more words stays as it is). Same matches; FTS5 then reads only the
    search's range of each word instead of every match of the prefix in the archive."""
    def words(found: re.Match) -> str:
        prefix = found.group(1)
        terms = [r[0] for r in conn.execute(
            "SELECT term FROM items_fts_terms WHERE term >= ? AND term < ? LIMIT ?",
            (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1), MAX_PREFIX_TERMS + 1))]
        if len(terms) > MAX_PREFIX_TERMS:
            return found.group(0)
        quoted = [f'"{term}"' for term in terms] or [f'"{prefix}"']  # no such word: matches nothing either way
        return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"

    return _PREFIX_RE.sub(words, match)
