"""The store's SQL in PostgreSQL's dialect: the few SQLite spellings the store uses, rewritten once per
statement (and cached), so both backends run the same queries (FreshRSS's approach: one DAO, a dialect
layer for the differences).

Rewritten: `?` placeholders, `INSERT OR IGNORE`, `name = ? COLLATE NOCASE`, `LIKE` (case-insensitive in
SQLite), `group_concat`, `IFNULL`, `CAST(… AS REAL)`, and `RETURNING id` on inserts into tables with
an id, so a cursor still has a `lastrowid`. Literal `%` is doubled for psycopg.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

_STRINGS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_INSERT_INTO = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?", re.IGNORECASE)
_NOCASE_EQUALS = re.compile(r"([\w.]+)\s*=\s*\?\s+COLLATE\s+NOCASE", re.IGNORECASE)
_GROUP_CONCAT = re.compile(r"\bgroup_concat\(([^(),]+)\)", re.IGNORECASE)
_REPLACEMENTS = (
    (re.compile(r"\bNOT\s+LIKE\b", re.IGNORECASE), "NOT ILIKE"),
    (re.compile(r"(?<!NOT )\bLIKE\b", re.IGNORECASE), "ILIKE"),
    (re.compile(r"\bIFNULL\(", re.IGNORECASE), "COALESCE("),
    (re.compile(r"\bAS\s+REAL\)", re.IGNORECASE), "AS double precision)"),
    (re.compile(r"\bCOLLATE\s+NOCASE\b", re.IGNORECASE), ""),
)


def _outside_strings(sql: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the parts of `sql` that are not quoted strings or identifiers."""
    out, last = [], 0
    for m in _STRINGS.finditer(sql):
        out.append(change(sql[last:m.start()]))
        out.append(m.group(0).replace("%", "%%") if m.group(0).startswith("'") else m.group(0))
        last = m.end()
    out.append(change(sql[last:]))
    return "".join(out)


_IS_NOT_VALUE = re.compile(r"\bIS\s+NOT\s*(?=\?|$)", re.IGNORECASE)  # SQLite's `a IS NOT 'x'` / `IS NOT ?`
_IS_VALUE = re.compile(r"\bIS\s*(?=\?|$)", re.IGNORECASE)


def _code(part: str) -> str:
    part = part.replace("%", "%%")
    part = _IS_NOT_VALUE.sub("IS DISTINCT FROM ", part)
    part = _IS_VALUE.sub("IS NOT DISTINCT FROM ", part)
    part = _NOCASE_EQUALS.sub(r"lower(\1) = lower(?)", part)
    part = _GROUP_CONCAT.sub(r"string_agg(CAST(\1 AS text), ',')", part)
    for pattern, replacement in _REPLACEMENTS:
        part = pattern.sub(replacement, part)
    return part.replace("?", "%s")


@lru_cache(maxsize=2048)
def to_postgres(sql: str, id_tables: frozenset[str]) -> tuple[str, bool]:
    """The statement in PostgreSQL's dialect, and whether it returns the new row's id (for lastrowid).

    `id_tables` are the tables whose key is an integer `id` (an identity column)."""
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    if ignore:
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
    translated = _outside_strings(sql, _code).strip().rstrip(";")
    returning = False
    if ignore:
        translated += " ON CONFLICT DO NOTHING"
    insert = _INSERT_INTO.match(translated)
    if insert and insert.group(1) in id_tables and not re.search(r"\bRETURNING\b", translated, re.IGNORECASE):
        translated += " RETURNING id"
        returning = True
    return translated, returning
