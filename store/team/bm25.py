"""BM25 on the team database, computed as SQLite's FTS5 computes it (k1 1.2, b 0.75, title words weighing
TITLE_WEIGHT): PostgreSQL finds the matching items (GIN over `items.search`), pre-ranks them and hands over,
per candidate, the positions of the query's words; the score is then FTS5's, so hybrid fusion and the
relevance floor see the same numbers in both modes."""

from __future__ import annotations

import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

K1, B = 1.2, 0.75
CANDIDATES = 400  # matches pre-ranked by PostgreSQL (ts_rank_cd) and scored by BM25
STATS_SECONDS = 300.0  # the collection's size and mean length are read again after this long
DF_CAP = 100_000  # counting a word's documents stops here (it weighs almost nothing by then)

_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix ("huisvest"*)

    def tsquery(self) -> str:
        lexemes = ["'" + w.replace("'", "''") + "'" for w in self.words]
        if self.prefix:
            lexemes[-1] += ":*"
        return " <-> ".join(lexemes)

    def matches(self, lexeme: str, n: int) -> bool:
        word = self.words[n]
        return lexeme.startswith(word) if self.prefix and n == len(self.words) - 1 else lexeme == word


def phrases(expression: str) -> list[Phrase]:
    """The FTS5 expression's phrases (every quoted string), as BM25 counts them."""
    out = []
    for m in _PHRASE.finditer(expression):
        words = tuple(re.findall(r"\w+", m.group(1).replace('""', '"').lower()))
        if words:
            out.append(Phrase(words, bool(m.group(2))))
    return list(dict.fromkeys(out))


class CollectionStats:
    """The number of items and their mean length in tokens, read now and then (they change slowly)."""

    def __init__(self) -> None:
        self._read_at = -math.inf
        self.count, self.mean_length = 0, 1.0

    def fresh(self, database: Any) -> CollectionStats:
        if time.monotonic() - self._read_at > STATS_SECONDS:
            self.count = int(database.scalar("SELECT count(*) FROM public.items") or 0)
            sample = database.scalar(
                "SELECT avg(n) FROM (SELECT (SELECT sum(cardinality(u.positions)) FROM unnest(search) u) AS n"
                " FROM public.items WHERE search IS NOT NULL ORDER BY id DESC LIMIT 5000) s")
            self.mean_length = float(sample or 1.0) or 1.0
            self._read_at = time.monotonic()
        return self


def _idf(database: Any, phrase: Phrase, total: int) -> float:
    hits = int(database.scalar(
        "SELECT count(*) FROM (SELECT 1 FROM public.items WHERE search @@ to_tsquery('simple', ?) LIMIT ?) m",
        (phrase.tsquery(), DF_CAP)) or 0)
    idf = math.log((total - hits + 0.5) / (hits + 0.5))
    return idf if idf > 0 else 1e-6


def _instances(words: dict[str, list[tuple[int, str]]], phrase: Phrase, weights: dict[str, float]) -> float:
    """The phrase's occurrences in one item (its words at consecutive positions), each counted with the weight
    of its column."""
    at: dict[int, list[str]] = defaultdict(list)
    for lexeme, spots in words.items():
        for position, _ in spots:
            at[position].append(lexeme)
    found = 0.0
    for lexeme, spots in words.items():
        if phrase.matches(lexeme, 0):
            for position, mark in spots:
                if all(any(phrase.matches(other, n) for other in at.get(position + n, ()))
                       for n in range(1, len(phrase.words))):
                    found += weights.get(mark, 1.0)
    return found


def bm25_ranking(database: Any, stats: CollectionStats, expression: str, tsquery: str, where_sql: str,
                 params: list, limit: int, title_weight: float, rank_weights: str) -> list[tuple[int, float]]:
    """Items matching `tsquery` and the filter, best BM25 (as FTS5 scores `expression`) first, as (id, score)."""
    wanted = phrases(expression)
    words = sorted({w for p in wanted for w in p.words})
    rows = database.query(
        f"WITH c AS (SELECT i.id, i.search FROM items i, to_tsquery('simple', ?) q WHERE i.search @@ q AND"
        f" {where_sql} ORDER BY ts_rank_cd({rank_weights}, i.search, q) DESC, i.id DESC LIMIT ?)"
        " SELECT c.id, (SELECT sum(cardinality(a.positions)) FROM unnest(c.search) a) AS length,"
        " u.lexeme, u.positions, u.weights FROM c LEFT JOIN LATERAL unnest(c.search) u"
        " ON u.lexeme = ANY(?) OR u.lexeme LIKE ANY(?) ORDER BY c.id",
        (tsquery, *params, max(limit, CANDIDATES), words, [w + "%" for w in words]))
    if not rows:
        return []
    collection = stats.fresh(database)
    total = max(collection.count, 1)
    idf = {p: _idf(database, p, total) for p in wanted}
    lengths: dict[int, float] = {}
    spots: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(dict)
    for item_id, length, lexeme, positions, marks in rows:
        lengths[int(item_id)] = float(length or 0)
        if lexeme is not None:
            spots[int(item_id)][lexeme] = list(zip(positions, marks, strict=True))
    column_weights = {"A": title_weight, "B": 1.0, "C": 1.0, "D": 1.0}
    scores = []
    for item_id, length in lengths.items():
        norm = K1 * (1 - B + B * length / collection.mean_length)
        score = 0.0
        for phrase in wanted:
            freq = _instances(spots.get(item_id, {}), phrase, column_weights)
            score += idf[phrase] * (freq * (K1 + 1)) / (freq + norm)
        scores.append((item_id, score))
    scores.sort(key=lambda pair: (-pair[1], -pair[0]))
    return scores[:limit]
