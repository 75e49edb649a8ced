"""BM25 on the team database, computed as SQLite's FTS5 computes it (k1 1.2, b 0.75, title words weighing
TITLE_WEIGHT): PostgreSQL finds the matching items (GIN over `items.search`), pre-ranks them and hands over,
per candidate, the positions of the query's words; the score is then FTS5's, so hybrid fusion and the
relevance floor see the same numbers in both modes."""

from __future__ import annotations

import json
import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

K1, B = 1.2, 0.75
CANDIDATES = 400  # scored by BM25 in a small collection: every match there (the newest if ever more)
LARGE_CANDIDATES = 300  # in a large one: the newest matches (a horizon scanner's reader wants the recent ones)
STATS_SECONDS = 300.0  # the collection's size, mean length and word frequencies are read again after this long
EXACT_COUNT_LIMIT = 50_000  # up to this many items a word's documents are counted; beyond, the planner estimates

_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool  # the last word is a prefix ("huisvest"*)

    def tsquery(self, weight: str = "") -> str:
        lexemes = ["'" + w.replace("'", "''") + "'" for w in self.words]
        if self.prefix:
            lexemes[-1] += ":*"
        if weight:
            lexemes = [x + (weight if x.endswith("*") else f":{weight}") for x in lexemes]
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
    """The number of items, their mean length in tokens and how many hold a word, read now and then (they change
    slowly; a word's count is exact in a collection of up to EXACT_COUNT_LIMIT items, else the planner's
    estimate from its statistics, which costs a millisecond instead of a scan)."""

    def __init__(self) -> None:
        self._read_at = -math.inf
        self.count, self.mean_length = 0, 1.0
        self._frequencies: dict[str, int] = {}

    def document_frequency(self, database: Any, tsquery: str) -> int:
        self.fresh(database)
        if tsquery not in self._frequencies:
            if self.count <= EXACT_COUNT_LIMIT:
                found = database.scalar("SELECT count(*) FROM public.items WHERE search @@ to_tsquery('simple', ?)",
                                        (tsquery,))
            else:
                plan = database.scalar("EXPLAIN (FORMAT JSON) SELECT 1 FROM public.items WHERE search @@"
                                       " to_tsquery('simple', ?)", (tsquery,))
                found = (plan if isinstance(plan, list) else json.loads(plan))[0]["Plan"]["Plan Rows"]
            self._frequencies[tsquery] = int(found or 0)
        return self._frequencies[tsquery]

    def fresh(self, database: Any) -> CollectionStats:
        if time.monotonic() - self._read_at > STATS_SECONDS:
            self._frequencies.clear()
            self.count = int(database.scalar("SELECT count(*) FROM public.items") or 0)
            sample = database.scalar(
                "SELECT avg(n) FROM (SELECT (SELECT sum(cardinality(u.positions)) FROM unnest(search) u) AS n"
                " FROM public.items WHERE search IS NOT NULL ORDER BY id DESC LIMIT 5000) s")
            self.mean_length = float(sample or 1.0) or 1.0
            self._read_at = time.monotonic()
        return self


def _idf(database: Any, stats: CollectionStats, phrase: Phrase, total: int) -> float:
    hits = stats.document_frequency(database, phrase.tsquery())
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
                 params: list, limit: int, title_weight: float) -> list[tuple[int, float]]:
    """Items matching `tsquery` and the filter, best BM25 (as FTS5 scores `expression`) first, as (id, score)."""
    wanted = phrases(expression)
    words = sorted({w for p in wanted for w in p.words})
    newest = f"SELECT i.id FROM items i WHERE i.search @@ to_tsquery('simple', ?) AND {where_sql}"
    in_title = " | ".join(p.tsquery("A") for p in wanted)
    collection = stats.fresh(database)
    if collection.count <= EXACT_COUNT_LIMIT:  # a small collection: every match (exactly FTS5's ranking), and at
        pool = max(limit, CANDIDATES)  # most the newest CANDIDATES and the newest with a query word in the title
        ids = [r[0] for r in database.query(
            f"({newest} ORDER BY i.id DESC LIMIT ?) UNION ({newest} AND i.search @@ to_tsquery('simple', ?)"
            " ORDER BY i.id DESC LIMIT ?)",
            (tsquery, *params, pool, tsquery, *params, in_title or tsquery, pool))]
    else:  # a large one: the newest matches, straight from the indexes (no ranking, nor reading, of every match)
        ids = [r[0] for r in database.query(f"{newest} ORDER BY i.id DESC LIMIT ?",
                                            (tsquery, *params, max(limit, LARGE_CANDIDATES)))]
    if not ids:
        return []
    rows = database.query(  # one pass over each candidate's words: its length, and where the query's words are
        "SELECT i.id, sum(cardinality(u.positions)) AS length, string_agg(u.lexeme || ' ' || array_to_string("
        "u.positions, ',') || ' ' || array_to_string(u.weights, ','), chr(30)) FILTER (WHERE u.lexeme = ANY(?)"
        " OR u.lexeme LIKE ANY(?)) FROM public.items i, unnest(i.search) u WHERE i.id = ANY(?) GROUP BY i.id",
        (words, [w + "%" for w in words], ids))
    total = max(collection.count, 1)
    idf = {p: _idf(database, collection, p, total) for p in wanted}
    lengths: dict[int, float] = {}
    spots: dict[int, dict[str, list[tuple[int, str]]]] = defaultdict(dict)
    for item_id, length, found in rows:
        lengths[int(item_id)] = float(length or 0)
        for entry in found.split("\x1e") if found else ():  # (record separator: never in a word)
            lexeme, positions, marks = entry.rsplit(" ", 2)
            spots[int(item_id)][lexeme] = list(zip(map(int, positions.split(",")), marks.split(","), strict=True))
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
