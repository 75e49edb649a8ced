"""The relevance floor: a query with nothing to find finds nothing; an on-topic query keeps its items."""

from __future__ import annotations

import pytest

from store.knowledge_base import KnowledgeBase
from store.search import relevance
from store.search.query_parser import parse_query


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
@pytest.mark.parametrize("query", ["kernenergie", "xyzzy onbekend", "recept voor appeltaart"])
def test_a_query_about_nothing_in_the_data_finds_nothing(filled_kb: KnowledgeBase, query: str, mode: str) -> None:
    assert filled_kb.search(query, mode=mode).hits == []


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_an_on_topic_query_keeps_its_items(filled_kb: KnowledgeBase, mode: str) -> None:
    titles = [h.item.title for h in filled_kb.search("malafide uitzendbureaus", mode=mode).hits]
    assert "Arbeidsinspectie pakt malafide uitzendbureaus aan" in titles


def test_a_stray_word_is_no_keyword_evidence(filled_kb: KnowledgeBase) -> None:
    # "Tilburg" occurs, "zonnepanelen" nowhere: matching the town alone is not a result
    assert filled_kb.search("zonnepanelen subsidie Tilburg", mode="keyword").hits == []
    assert filled_kb.search("short-stay Tilburg", mode="keyword").hits  # all words: a result


def test_coverage_weighs_rare_words_more(filled_kb: KnowledgeBase) -> None:
    parsed = parse_query("uitzendbureaus Moerdijk arbeidsmigranten")
    assert len(parsed.terms) == 3
    ids = [r[0] for r in filled_kb.database.query("SELECT id FROM items ORDER BY id")]
    shares = relevance.coverage(filled_kb.database, parsed.terms, ids)
    assert shares[ids[1]] > 0.5  # uitzendbureaus and Moerdijk: the rare words
    assert 0 < shares[ids[0]] < 0.3  # only the frequent "arbeidsmigranten"
    assert all(0.0 <= s <= 1.0 for s in shares.values())


def test_an_exclusion_stays_in_every_term() -> None:
    parsed = parse_query("short stay Tilburg -Breda")
    assert parsed.terms and all("breda" in t for t in parsed.terms)
