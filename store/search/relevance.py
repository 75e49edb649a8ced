"""The relevance floor: when a query has nothing to find, search says so instead of listing noise.

Two kinds of weak evidence are not results on their own:
- a keyword hit that matches only a stray word of the query ("subsidie" for "zonnepanelen
  subsidie"): each loose hit gets the share of the query's word weight (IDF) that it
  matches, and needs at least MIN_COVERAGE of it;
- a semantic neighbour that is merely the least unrelated item: semantic hits count only
  when the query has keyword evidence (a hit with all its words, or enough coverage) or
  its best neighbour is closer than the embedder's SEMANTIC_FLOOR, calibrated on
  off-topic and on-topic queries (benchmarks/eval_search.py).
"""

from __future__ import annotations

import math
import sqlite3

from store.db.connection import Database
from store.items.fts import expand_prefixes
from store.search.query_parser import parse_query

# Calibrated on the development split of benchmarks/data/offtopic_queries.jsonl, whose
# queries reach at most coverage 0.45 and a best cosine of 0.33 with the default embedder.
MIN_COVERAGE = 0.5  # share of the query's word weight that makes a loose keyword hit evidence
LOOSE_MIN_COVERAGE = 0.25  # in an on-topic query, loose hits below this (and not near) are left out
DF_CAP = 5000  # counting matches stops here: such a word weighs little anyway
# Best cosine similarity from which a query counts as on-topic without any keyword evidence.
SEMANTIC_FLOORS = {"use-multilingual-v3": 0.35}
DEFAULT_SEMANTIC_FLOOR = 0.3  # an uncalibrated embedder: a cautious floor


def semantic_floor(embedder_name: str) -> float:
    return SEMANTIC_FLOORS.get(embedder_name, DEFAULT_SEMANTIC_FLOOR)


def _match_ids(database: Database, expr: str, sql_tail: str, params: tuple) -> list[int]:
    if database.dialect == "postgres":
        from store.team import keyword

        return keyword.match_ids(database, expr, sql_tail, params)
    with database.lock:
        try:
            rows = database.conn.execute(f"SELECT rowid FROM items_fts WHERE items_fts MATCH ? {sql_tail}",
                                         (expand_prefixes(database.conn, expr), *params)).fetchall()
        except sqlite3.OperationalError:  # the parser renders only quoted terms; never crash a search
            return []
    return [int(r[0]) for r in rows]


_DF_CACHE: dict[tuple[str, int, str], int] = {}  # (database, collection size, term) -> matches, up to DF_CAP
_DF_CACHE_SIZE = 4096


def _document_frequency(database: Database, expr: str, total: int) -> int:
    """How many items match a term (counted up to DF_CAP), remembered while the collection keeps its size:
    typing a query asks for the same words again and again."""
    key = (getattr(database, "path", str(id(database))), total, expr)
    if key not in _DF_CACHE:
        if database.dialect == "postgres":  # counted once, or estimated by the planner in a large collection
            from store.team import keyword

            df = keyword.document_frequency(database, expr, DF_CAP)
        else:
            df = len(_match_ids(database, expr, "LIMIT ?", (DF_CAP,)))
        if len(_DF_CACHE) >= _DF_CACHE_SIZE:
            _DF_CACHE.clear()
        _DF_CACHE[key] = df
    return _DF_CACHE[key]


def term_weights(database: Database, terms: tuple[str, ...]) -> list[float]:
    """The IDF of each term over the whole collection (a word found nowhere weighs most)."""
    total = int(database.scalar("SELECT MAX(id) FROM items") or 0)  # about the count, without reading an index
    return [math.log((total + 1) / (_document_frequency(database, expr, total) + 0.5)) if total else 1.0
            for expr in terms]


def coverage(database: Database, terms: tuple[str, ...], ids: list[int]) -> dict[int, float]:
    """For each item, the share of the query's word weight (IDF) that it matches."""
    if not ids:
        return {}
    if len(terms) <= 1:
        return dict.fromkeys(ids, 1.0)  # every hit of a one-word query matches all of it
    weights = term_weights(database, terms)
    total = sum(weights) or 1.0
    out = dict.fromkeys(ids, 0.0)
    # a range and a test per match: FTS5 would look up each listed id apart, expanding a prefix every time
    tail = f"AND rowid >= ? AND rowid <= ? AND +rowid IN ({','.join('?' * len(ids))})"
    for expr, weight in zip(terms, weights, strict=True):
        for item_id in _match_ids(database, expr, tail, (min(ids), max(ids), *ids)):
            out[item_id] += weight / total
    return out


HINTS = ("fewer_words", "spelling", "semantic_on", "keyword_on", "fewer_filters")


def nothing_found_hints(query: str, mode: str, filtered: bool) -> list[str]:
    """What a user can try when a search finds nothing (codes of HINTS; each front end words them)."""
    hints = []
    if len(parse_query(query).terms) >= 3:
        hints.append("fewer_words")
    hints.append("spelling")
    if mode == "keyword":
        hints.append("semantic_on")
    elif mode == "semantic":
        hints.append("keyword_on")
    if filtered:
        hints.append("fewer_filters")
    return hints
