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
    enough = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 20, enough=8)
    assert {i for i, _ in enough} == set(ids[-10:])  # 8 among the newest are enough: the older are left
    loose = fts.keyword_ranking(kb.database, hybrid.parse_query("huisvesting Oss").loose, "1 = 1", [], 30,
                                recent_only=True)
    assert {i for i, _ in loose} == set(ids[-10:])  # words that match some of a query: the newest only
    where, params = hybrid.filter_sql(SearchFilters(sources=["Krant 1"]))
    filtered = fts.keyword_ranking(kb.database, parsed.strict, where, params, 100)
    assert len(filtered) == 10 and all(kb.get_item(i).source == "Krant 1" for i, _ in filtered)


def test_a_wide_filter_over_fetches_from_the_index_and_agrees_with_exact_ranking(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    filters = SearchFilters(sources=["Krant 1", "Krant 2"])
    exact = [h.item.id for h in kb.search("woonruimte voor werknemers in Helmond", "semantic", filters).hits]
    # the index is asked when ranking exactly would cost more: as if the filter left thousands of items
    monkeypatch.setattr(hybrid, "EXACT_FILTER_SMALL", 0)
    monkeypatch.setattr(hybrid, "OVERFETCH_COST", 0.0)
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


COMPOUNDS = ["huisvesting", "huisvestingsbeleid", "huisvestingsplan", "huisvestingslocatie", "huiseigenaar",
             "arbeidsmigranten", "arbeidsmigrantenhuisvesting", "arbeidsmarkt"]


def _matches(kb: KnowledgeBase, expression: str) -> set[int]:
    return {r[0] for r in kb.database.conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ?",
                                                   (expression,))}


def test_a_prefix_is_searched_as_the_words_it_stands_for_with_the_same_matches(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    kb.add_items([NewItem(url=f"https://woorden.example/{k}", title=f"Bericht {k}", text=f"Over {word} in Brabant.",
                          source="Krant", language="nl", published=BASE_DATE + timedelta(hours=k))
                  for k, word in enumerate(COMPOUNDS)])
    for query in ("huisvesting", "arbeidsmigranten", "huisv*", "arbeid*", "nergensvoorkomend", "hu*"):
        native = hybrid.parse_query(query).strict
        expanded = fts.expand_prefixes(kb.database.conn, native)
        assert _matches(kb, expanded) == _matches(kb, native), (query, expanded)
        assert "*" not in expanded  # every prefix written out: each stands for a few words here
    monkeypatch.setattr(fts, "MAX_PREFIX_TERMS", 2)
    many = fts.expand_prefixes(kb.database.conn, hybrid.parse_query("huisv*").strict)
    assert many.endswith("*")  # a prefix of more words than that stays a prefix
    # an update brings its new words into the terms, and a rebuild keeps them in step
    item = kb.database.query("SELECT id FROM items ORDER BY id LIMIT 1")[0][0]
    kb.add_items([NewItem(url="https://woorden.example/0", title="Bericht 0", text="Over huisvestingsnood nu.",
                          source="Krant", language="nl", published=BASE_DATE)])
    assert _matches(kb, fts.expand_prefixes(kb.database.conn, '"huisvestingsn"*')) == {item}
    vocabulary = kb.database.conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'items_fts', 'row')")
    vocabulary = {r[0] for r in kb.database.conn.execute("SELECT term FROM temp.v")}
    assert vocabulary <= {r[0] for r in kb.database.conn.execute("SELECT term FROM items_fts_terms")}


def test_an_older_database_gets_the_terms_of_its_keyword_index(tmp_path) -> None:
    from store.db.connection import Database
    from store.db.migrations import migrate
    from store.db.schema import MIGRATIONS

    database = Database(tmp_path / "old.db")
    for migration in MIGRATIONS[:10]:  # the schema as version 10 left it, with an index of two items
        with database.write("schema") as conn:
            migration.apply(database.db)
            conn.execute(f"PRAGMA user_version = {migration.number}")
    with database.write("items") as conn:
        conn.execute("INSERT INTO items_fts (rowid, title, body) VALUES (1, 'huisvest', 'arbeidsmigrant tilburg')")
        conn.execute("INSERT INTO items_fts (rowid, title, body) VALUES (2, 'huisvestingsplan', 'helmond')")
    assert migrate(database) == [11]
    assert {r[0] for r in database.conn.execute("SELECT term FROM items_fts_terms")} == {
        "huisvest", "arbeidsmigrant", "tilburg", "huisvestingsplan", "helmond"}
    assert [r[0] for r in database.conn.execute("SELECT rowid FROM items_fts_recent")] == [1, 2]
    database.close()


def test_ranking_weighs_only_the_newest_matches_of_a_common_query(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    # the oldest item is the best match by far (its words over and over); with every match ranked it leads
    kb.add_items([NewItem(url="https://archief.example/oud", title="Huisvesting arbeidsmigranten, huisvesting",
                          text="Huisvesting arbeidsmigranten. " * 5, source="Krant 0", language="nl",
                          published=BASE_DATE - timedelta(days=1))])
    oldest = kb.database.scalar("SELECT MIN(id) FROM items")
    ids = _archive(kb)[1:]
    parsed = hybrid.parse_query("huisvesting arbeidsmigranten")
    assert fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 5)[0][0] == oldest
    monkeypatch.setattr(fts, "MAX_RANKED", 10)
    newest = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 5)
    assert len(newest) == 5 and {i for i, _ in newest} <= set(ids[-10:])  # only the newest 10 matches ranked
    monkeypatch.setattr(fts, "MAX_RANKED", 4)
    where, params = hybrid.filter_sql(SearchFilters(sources=["Krant 1"]))
    filtered = fts.keyword_ranking(kb.database, parsed.strict, where, params, 3)
    krant_1 = [i for i in ids if kb.get_item(i).source == "Krant 1"]
    assert len(filtered) == 3 and {i for i, _ in filtered} <= set(krant_1[-4:])  # among the filter's newest 4


def test_a_long_result_list_reads_the_passages_of_its_first_candidates_only(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    read: list[list[int]] = []
    passages = kb.vectors.passage_vectors_for
    monkeypatch.setattr(kb.vectors, "passage_vectors_for", lambda ids: read.append(list(ids)) or passages(ids))
    everything = kb.search("huisvesting arbeidsmigranten Tilburg", limit=40)
    candidates = sum(len(ids) for ids in read)  # a short list: every candidate scored by its passages too
    assert candidates > 6 and candidates == len({i for ids in read for i in ids})
    read.clear()
    monkeypatch.setattr(hybrid, "PASSAGE_CANDIDATES", 6)
    capped = kb.search("huisvesting arbeidsmigranten Tilburg", limit=40)
    assert sum(len(ids) for ids in read) == 6  # the first candidates of the two lists, by turns
    assert {h.item.id for h in capped.hits} == {h.item.id for h in everything.hits}  # the same items found


def test_ranking_happens_in_the_index_of_the_newest_items_which_keeps_their_number(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fts, "RECENT_KEEP", 12)
    monkeypatch.setattr(fts, "RECENT_WINDOW", 10)
    ids = _archive(kb)
    recent = [r[0] for r in kb.database.conn.execute("SELECT rowid FROM items_fts_recent ORDER BY rowid")]
    assert recent == ids[-12:]  # trimmed write by write to the newest 12
    statements: list[str] = []
    with kb.database.reading() as reader:  # the connection searches read on (one thread: the same each time)
        reader.set_trace_callback(statements.append)
    parsed = hybrid.parse_query("huisvesting arbeidsmigranten")
    newest = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 5)
    assert {i for i, _ in newest} <= set(ids[-10:])
    ranked_in = [s for s in statements if "bm25(" in s]
    assert ranked_in and all("bm25(items_fts_recent" in s for s in ranked_in)
    statements.clear()
    wide = fts.keyword_ranking(kb.database, parsed.strict, "1 = 1", [], 20)  # too few there: the whole index
    reader.set_trace_callback(None)
    assert len(wide) == 20 and any("bm25(items_fts," in s for s in statements)
    rows = [(r[0], r[1], r[2], "nl") for r in kb.database.query("SELECT id, title, full_text FROM items")]
    fts.rebuild(kb.database, rows)  # the keyword index rebuilt: the newest again, no more
    assert [r[0] for r in kb.database.conn.execute("SELECT rowid FROM items_fts_recent ORDER BY rowid")] == ids[-12:]


def test_a_large_vector_index_is_counted_once_not_for_every_query(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.vectors import index as index_module

    _archive(kb)
    index = kb.vectors.index
    monkeypatch.setattr(index_module, "LARGE_INDEX", 10)  # as if it held a million (counting takes 50 ms then)
    vector = kb.embedder.embed(["huisvesting"], kind="query")[0]
    counted: list[int] = []
    collection_type = type(index.collection)
    count = collection_type.count
    monkeypatch.setattr(collection_type, "count", lambda self: counted.append(1) or count(self))
    first = index.query(vector, 5)
    for _ in range(3):
        assert index.query(vector, 5) == first
    assert len(counted) == 1
    kb.add_items([NewItem(url="https://archief.example/nieuw", title="Huisvesting nieuw", text="Nieuw bericht.",
                          source="Krant 9", language="nl", published=BASE_DATE)])
    assert len(index.query(vector, 100)) == 41 and len(counted) == 2  # a write: counted again


def test_a_filter_ranks_its_items_exactly_when_that_costs_less_than_over_fetching(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    monkeypatch.setattr(hybrid, "EXACT_FILTER_SMALL", 0)
    calls: list[int] = []
    nearest = kb.vectors.nearest
    monkeypatch.setattr(kb.vectors, "nearest", lambda vector, k: calls.append(k) or nearest(vector, k))
    hits = kb.search("woonruimte voor werknemers in Helmond", "semantic", SearchFilters(sources=["Krant 1"])).hits
    # ten items pass, the index would be asked for a thousand neighbours: their ten vectors are read instead
    assert hits and calls == [] and all(h.item.source == "Krant 1" for h in hits)


def test_a_filter_that_leaves_no_older_items_is_not_ranked_again_in_the_whole_index(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _archive(kb)
    monkeypatch.setattr(fts, "RECENT_WINDOW", 10)
    ranges: list[int] = []
    ranked = fts._ranked
    monkeypatch.setattr(fts, "_ranked", lambda database, match, where, params, limit, after, upto, recent_from: (
        ranges.append(after) or ranked(database, match, where, params, limit, after, upto, recent_from)))
    parsed = hybrid.parse_query("huisvesting arbeidsmigranten")
    where, params = hybrid.filter_sql(SearchFilters(since=BASE_DATE + timedelta(hours=35)))
    found = fts.keyword_ranking(kb.database, parsed.strict, where, params, 20)
    assert {i for i, _ in found} == set(ids[-5:]) and ranges == [ids[-1] - 10]  # the newest were all there was
    ranges.clear()
    where, params = hybrid.filter_sql(SearchFilters(sources=["Krant 3"]))
    found = fts.keyword_ranking(kb.database, parsed.strict, where, params, 20)
    first = min(i for i in ids if kb.get_item(i).source == "Krant 3")
    assert len(found) == 10 and ranges == [ids[-1] - 10, first - 1]  # older ones: from the filter's first item


def test_what_lives_as_long_as_the_process_is_left_out_of_full_collections_once(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    from store.core import heap

    frozen: list[int] = []
    monkeypatch.setattr(heap.gc, "freeze", lambda: frozen.append(1))
    monkeypatch.setattr(heap, "_settled", set())
    heap.settle("embedding model")
    heap.settle("embedding model")
    assert frozen == [1]  # once per process
    _archive(kb, 5)
    kb.vectors.index.close()
    kb.search("huisvesting", "semantic")  # opens the vector index again
    assert heap._settled == {"embedding model", "vector index"} and frozen == [1, 1]


def test_a_filters_items_are_ranked_exactly_from_one_query_with_the_same_result(kb: KnowledgeBase) -> None:
    ids = _archive(kb)
    where, params = hybrid.filter_sql(SearchFilters(sources=["Krant 2"]))
    allowed = [r[0] for r in kb.database.query(f"SELECT i.id FROM items i WHERE {where}", tuple(params))]
    vector = kb.vectors.embed_query("huisvesting in Oss")
    assert kb.vectors.exact_nearest_where(vector, where, params, 5) == kb.vectors.exact_nearest(vector, allowed, 5)
    best = kb.vectors.exact_nearest_where(vector, where, params, 5)[0][0]
    without = kb.vectors.exact_nearest_where(vector, where, params, 50, exclude=best)
    assert len(without) == len(allowed) - 1 and best not in {i for i, _ in without}
    assert kb.vectors.exact_nearest_where(vector, "i.id < ?", [ids[0]], 5) == []  # nothing passes


def test_semantic_mode_looks_for_the_words_among_older_items_only_when_the_newest_have_none(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    _archive(kb)
    monkeypatch.setattr(fts, "RECENT_WINDOW", 10)
    starts: list[int] = []
    ranked = fts._ranked
    monkeypatch.setattr(fts, "_ranked", lambda database, match, where, params, limit, after, upto, recent_from: (
        starts.append(after) or ranked(database, match, where, params, limit, after, upto, recent_from)))
    assert kb.search("huisvesting Oss", "hybrid").hits and 0 in starts  # 2 of the newest 10: too few to show
    starts.clear()
    # semantic mode shows no keyword hits: the 2 are evidence enough for the floor, the archive is not ranked
    assert kb.search("huisvesting Oss", "semantic").hits and 0 not in starts
    starts.clear()
    kb.search("huisvesting Tilburg arbeidsmigranten 3", "semantic")  # none among the newest: all are searched
    assert 0 in starts
