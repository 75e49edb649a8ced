"""What keeps search fast in a large archive, checked on a small one with the limits turned down: keyword
ranking looks at the newest items first, a wide filter over-fetches from the vector index, and keyword mode
embeds the query only when the relevance floor needs it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.core.models import NewItem, SearchFilters
from store.items import fts
from store.knowledge_base import KnowledgeBase
from store.search import hybrid
from tests.conftest import BASE_DATE

TOWNS = ["Tilburg", "Helmond", "Oss", "Breda", "Venlo"]


def _archive(kb: KnowledgeBase, n: int = 40) -> list[int]:
    kb.add_items([NewItem(url=f"https://archief.example/{k}", title=f"Huisvesting arbeidsmigranten {TOWNS[k % 5]} {k}",
                          text=f"De gemeente {TOWNS[k % 5]} zoekt plekken voor de huisvesting van arbeidsmigranten. "
                               f"Bericht nummer {k}.", source=f"Krant {k % 4}", language="nl",
                          published=BASE_DATE + timedelta(hours=k)) for k in range(n)])
    return [r[0] for r in kb.database.query("SELECT id FROM items ORDER BY id")]


def test_keyword_ranking_takes_the_newest_first_and_older_items_when_they_are_too_few(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _archive(kb)
    parsed = hybrid.parse_query("huisvesting arbeidsmigranten")
    everything = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 100)
    assert len(everything) == 40
    monkeypatch.setattr(fts, "RECENT_WINDOW", 10)
    newest = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 5)
    assert len(newest) == 5 and {i for i, _ in newest} <= set(ids[-10:])  # enough among the newest 10
    wide = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 20)
    assert len(wide) == 20 and {i for i, _ in wide} - set(ids[-10:])  # too few there: all items ranked
    where, params = hybrid.filter_sql(SearchFilters(sources=["Krant 1"]))
    filtered = fts.keyword_ranking(kb.database, parsed.strict, where, params, 100)
    assert len(filtered) == 10 and all(kb.get_item(i).source == "Krant 1" for i, _ in filtered)


def test_a_wide_filter_over_fetches_from_the_index_and_agrees_with_exact_ranking(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    filters = SearchFilters(sources=["Krant 1", "Krant 2"])
    exact = [h.item.id for h in kb.search("woonruimte voor werknemers in Helmond", "semantic", filters).hits]
    monkeypatch.setattr(hybrid, "EXACT_FILTER_SMALL", 0)  # as if the filter left thousands of items
    calls: list[int] = []
    nearest = kb.vectors.nearest
    monkeypatch.setattr(kb.vectors, "nearest", lambda vector, k: calls.append(k) or nearest(vector, k))
    over = [h.item.id for h in kb.search("woonruimte voor werknemers in Helmond", "semantic", filters).hits]
    assert calls and calls[0] >= 2 * hybrid.DEPTH  # half the items pass: at least twice as many fetched
    assert over == exact and all(kb.get_item(i).source in ("Krant 1", "Krant 2") for i in over)


def test_keyword_mode_embeds_the_query_only_when_the_floor_needs_it(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    embedded: list[str] = []
    embed = kb.vectors.embed_query
    monkeypatch.setattr(kb.vectors, "embed_query", lambda text: embedded.append(text) or embed(text))
    assert kb.search("huisvesting", "keyword").hits and embedded == []  # every hit has every word of the query
    kb.search("huisvesting Tilburg", "keyword")  # some hits have only some words: the floor weighs their meaning
    assert embedded == ["huisvesting Tilburg"]
    kb.search("huisvesting", "hybrid")
    assert embedded[-1] == "huisvesting"
