"""Keyword, semantic and hybrid search, with filters, snippets and similar items."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from store.core.errors import QueryError
from store.core.models import SearchFilters
from store.knowledge_base import KnowledgeBase
from store.search.hybrid import _Ranked, fuse
from tests.conftest import ODD_QUERIES_FOR_KB


def titles(results) -> list[str]:
    return [h.item.title for h in results.hits]


def test_fusion_rewards_agreement_and_weighs_loose_hits_by_coverage() -> None:
    ranked = _Ranked(keyword=[(1, 9.0), (2, 8.0), (3, 4.0), (4, 4.0)], semantic=[(3, 0.6), (1, 0.5), (5, 0.55)],
                     strict_count=2, coverage={3: 0.9, 4: 0.3})
    fused = [i for i, _ in fuse(ranked)]
    assert fused[0] == 1 and set(fused) == {1, 2, 3, 4, 5}  # found by both lists: first
    assert fused.index(3) < fused.index(4)  # same keyword score, more of the query matched


def test_keyword_search_finds_inflections(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.search("huisvesting", mode="keyword")
    assert "Huisvestingen voor arbeidsmigranten in Helmond uitgebreid" in titles(results)


def test_keyword_search_strict_matches_rank_first(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.search("arbeidsmigranten Helmond", mode="keyword")
    assert titles(results)[0].startswith("Huisvestingen voor arbeidsmigranten in Helmond")
    assert len(results.hits) > 1  # loose matches fill the list


def test_semantic_search_returns_ranked_items(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.search("uitzendbureaus boetes", mode="semantic")
    assert results.hits[0].item.title.startswith("Arbeidsinspectie")
    assert results.hits[0].similarity is not None


def test_hybrid_combines_both_lists(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.search("inspectie uitzendbureaus")
    hit = results.hits[0]
    assert hit.item.title.startswith("Arbeidsinspectie")
    assert hit.keyword_rank == 1 and hit.semantic_rank is not None


def test_snippet_marks_matched_words(filled_kb: KnowledgeBase) -> None:
    hit = filled_kb.search("boetes", mode="keyword").hits[0]
    assert "**boetes**" in hit.snippet.marked()


def test_filters(filled_kb: KnowledgeBase) -> None:
    kb = filled_kb
    assert {h.item.language for h in kb.search("workers", filters=SearchFilters(languages=["en"])).hits} == {"en"}
    sources = {h.item.source for h in kb.search("uitzendbureaus", filters=SearchFilters(sources=["Flexnieuws"])).hits}
    assert sources == {"Flexnieuws"}
    since = datetime(2026, 11, 6, tzinfo=UTC)
    hits = kb.search("arbeidsmigranten", filters=SearchFilters(since=since)).hits
    assert hits and all(h.item.published >= since for h in hits)
    kb.tag("https://news.example/item/0", ["huisvesting"])
    hits = kb.search("arbeidsmigranten", filters=SearchFilters(themes=["huisvesting"])).hits
    assert [h.item.url for h in hits] == ["https://news.example/item/0"]


def test_state_filter(filled_kb: KnowledgeBase) -> None:
    with filled_kb.database.write() as conn:
        conn.execute("UPDATE items SET starred = 1, state = 'read' WHERE id = 2")
    assert [h.item.id for h in filled_kb.search("", filters=SearchFilters(states=["starred"])).hits] == [2]
    assert 2 not in [h.item.id for h in filled_kb.search("", filters=SearchFilters(states=["new"])).hits]


def test_empty_query_lists_newest_first(filled_kb: KnowledgeBase) -> None:
    hits = filled_kb.search("").hits
    dates = [h.item.published for h in hits]
    assert len(hits) == 6 and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", ODD_QUERIES_FOR_KB)
@pytest.mark.parametrize("mode", ["hybrid", "keyword", "semantic"])
def test_odd_queries_never_crash(filled_kb: KnowledgeBase, query: str, mode: str) -> None:
    try:
        filled_kb.search(query, mode=mode)
    except QueryError as exc:
        assert "word" in str(exc)


def test_operator_only_query_is_a_clear_error(filled_kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match="no words"):
        filled_kb.search("AND OR NOT")


def test_unknown_mode_is_a_clear_error(filled_kb: KnowledgeBase) -> None:
    with pytest.raises(QueryError, match="mode"):
        filled_kb.search("x", mode="fuzzy")


def test_similar_items_exclude_the_item_itself(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.similar("https://news.example/item/0", limit=3)
    assert len(results.hits) == 3
    assert all(h.item.url != "https://news.example/item/0" for h in results.hits)


def test_similar_with_filter(filled_kb: KnowledgeBase) -> None:
    results = filled_kb.similar(1, limit=5, filters=SearchFilters(languages=["en"]))
    assert [h.item.language for h in results.hits] == ["en"]
