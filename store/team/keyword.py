"""Keyword search on the team database: the FTS5 expressions the query parser makes, run as `tsquery`
over `items.search` (the same stems as the local index holds, see store.search.tsquery), so both backends
match the same items for the same query."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from store.core.text import stem_text
from store.team.bm25 import bm25_ranking

TITLE_WEIGHT = 3.0  # as the local BM25 weight of the title (store.items.fts); the body's is 1
SEARCH_VECTOR = "setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B')"

_NEAR = re.compile(r'\bNEAR\(((?:"(?:[^"]|"")*"\*?\s*)+)(?:,\s*\d+)?\)')
_TOKENS = re.compile(r'"((?:[^"]|"")*)"(\*?)|(\()|(\))|\b(AND|OR|NOT)\b|(\S+?)(\*?)(?=[\s()]|$)')


class _Fts5:
    """A recursive-descent reader of FTS5 expressions (OR < AND < NOT, juxtaposition is AND)."""

    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        for m in _TOKENS.finditer(text):
            if m.group(1) is not None:
                self.tokens.append(("phrase", m.group(1).replace('""', '"') + ("*" if m.group(2) else "")))
            elif m.group(3):
                self.tokens.append(("(", "("))
            elif m.group(4):
                self.tokens.append((")", ")"))
            elif m.group(5):
                self.tokens.append(("op", m.group(5)))
            elif m.group(6):
                self.tokens.append(("phrase", m.group(6) + (m.group(7) or "")))
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expr(self) -> str:
        parts = [self.conjunction()]
        while self.peek() == ("op", "OR"):
            self.pos += 1
            parts.append(self.conjunction())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def conjunction(self) -> str:
        parts = [self.negation()]
        while (token := self.peek()) is not None and token[0] != ")" and token != ("op", "OR"):
            if token == ("op", "AND"):
                self.pos += 1
            parts.append(self.negation())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def negation(self) -> str:
        left = self.atom()
        while self.peek() == ("op", "NOT"):
            self.pos += 1
            left = f"({left} & !{self.atom()})"
        return left

    def atom(self) -> str:
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "(":
            inner = self.expr()
            if self.peek() == (")", ")"):
                self.pos += 1
            return inner
        prefix = value.endswith("*")
        words = re.findall(r"\w+", value.rstrip("*").lower())
        if not words:
            return ""
        lexemes = ["'" + w.replace("'", "''") + "'" for w in words]
        if prefix:
            lexemes[-1] += ":*"
        return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def from_fts5(expression: str) -> str:
    """The FTS5 expression as tsquery text (empty when nothing is searchable)."""
    expression = _NEAR.sub(r"(\1)", expression)  # NEAR(a b, 10): both words (a tsquery distance is exact)
    if not expression.strip():
        return ""
    try:
        return _Fts5(expression).expr()
    except IndexError:  # not expected: the parser makes well-formed expressions
        return ""


def index_item(conn: Any, item_id: int, title: str, body: str, language: str | None) -> None:
    """Set the item's search column (inside a write)."""
    conn.execute(f"UPDATE public.items SET search = {SEARCH_VECTOR} WHERE id = ?",
                 (stem_text(title, language), stem_text(body, language), item_id))


def keyword_ranking(database: Any, match: str, where_sql: str, params: list, limit: int) -> list[tuple[int, float]]:
    """As store.items.fts.keyword_ranking: items matching, best BM25 first (scored as FTS5 scores them), as
    (id, score)."""
    query = from_fts5(match)
    if not query:
        return []
    try:
        return bm25_ranking(database, database.bm25_stats, match, query, where_sql, params, limit, TITLE_WEIGHT)
    except sqlite3.OperationalError:  # not expected (the parser makes well-formed queries): never crash a search
        return []


def document_frequency(database: Any, match: str, cap: int) -> int:
    """How many items match the FTS5 expression (at most `cap`; estimated in a large collection)."""
    query = from_fts5(match)
    return min(cap, database.bm25_stats.document_frequency(database, query)) if query else 0


def match_ids(database: Any, match: str, sql_tail: str, params: tuple) -> list[int]:
    """Ids of items matching the FTS5 expression; `sql_tail` may say `AND rowid IN (…)` and `LIMIT ?`."""
    query = from_fts5(match)
    if not query:
        return []
    tail = re.sub(r"\browid\b", "id", sql_tail)
    try:
        return [int(r[0]) for r in database.query(
            f"SELECT id FROM public.items WHERE search @@ to_tsquery('simple', ?) {tail}", (query, *params))]
    except sqlite3.OperationalError:  # as keyword_ranking
        return []


def rebuild(database: Any, rows: list[tuple[int, str, str, str | None]]) -> None:
    """Set the search column of the given (id, title, body, language) rows."""
    with database.write("items") as conn:
        conn.executemany(f"UPDATE public.items SET search = {SEARCH_VECTOR} WHERE id = ?",
                         [(stem_text(t, lang), stem_text(b, lang), i) for i, t, b, lang in rows])
