"""Any text a user types parses into a safe FTS5 expression."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.search.query_parser import parse_query

ODD_QUERIES = [
    '"', '""', '"unclosed phrase', "(", ")", "((a)", "a)", "AND", "OR", "NOT", "NEAR", "AND OR NOT NEAR",
    "*", "**", "a*", "-", "--x", "NEAR(a b, 5)", "a NEAR", "x NEAR y", "col:value", "title:huisvesting",
    "^start", "a + b", "🙂", "🙂 huisvesting 🏠", "x" * 10_000, "huisvesting " * 2_000, "'s-Hertogenbosch",
    "C++", "e-mail", "' OR 1=1 --", "\x00", "\\", "{}[]", "a:b:c", "SELECT * FROM items", "ü ö é",
]


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('huisvest arbeidsmigrant', 'tilburg short stay')")
    return conn


def assert_valid_fts(fts: sqlite3.Connection, query: str) -> None:
    """Both renderings of the query run in FTS5 without a syntax error."""
    parsed = parse_query(query)
    for expr in (parsed.strict, parsed.loose):
        if expr:
            fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_render_valid_fts(fts: sqlite3.Connection, query: str) -> None:
    assert_valid_fts(fts, query)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_renders_valid_fts(fts: sqlite3.Connection, query: str) -> None:
    assert_valid_fts(fts, query)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "NEAR", "*", "-", "a", "b*", "huis"]),
                max_size=12))
def test_operator_soup_renders_valid_fts(fts: sqlite3.Connection, parts: list[str]) -> None:
    assert_valid_fts(fts, " ".join(parts))


def test_words_are_stemmed_in_dutch_and_english() -> None:
    parsed = parse_query("huisvestingen")
    assert '"huisvest"' in parsed.strict
    assert "hous" in parse_query("housing").strict


def test_stop_words_do_not_make_a_question_unmatchable() -> None:
    parsed = parse_query("hoeveel arbeidsmigranten werken er in de logistiek?")
    assert '"de"' not in parsed.strict and '"er"' not in parsed.strict
    assert "logistiek" in parsed.strict


def test_juxtaposition_is_strict_and_loose() -> None:
    parsed = parse_query("short Tilburg")
    assert " AND " in parsed.strict and " OR " in parsed.loose


def test_explicit_operators_are_kept() -> None:
    assert " OR " in parse_query("Tilburg OR Breda").strict
    assert "NOT" in parse_query("huisvesting -studenten").strict
    assert parse_query('"short stay"').strict == '"short stay"'
    assert parse_query("huisvest*").strict.endswith("*")


def test_operators_only_have_no_terms() -> None:
    for query in ("AND OR", "NOT foo", "()", '""', "*", "🙂"):
        assert not parse_query(query).has_terms, query


def test_semantic_text_drops_operators_and_exclusions() -> None:
    parsed = parse_query('"short stay" AND Tilburg -studenten NOT Breda')
    assert parsed.semantic_text == "short stay Tilburg"


def test_highlight_stems_exclude_negated_words() -> None:
    parsed = parse_query("huisvesting -studenten")
    assert "huisvest" in parsed.highlight_stems
    assert "student" not in parsed.highlight_stems
