"""Near-duplicates from different sources become one story; nothing is deleted."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from store.core.models import NewItem
from store.items.queries import sightings
from store.knowledge_base import KnowledgeBase
from store.signals.stories import DEFAULT_PAIR_MODEL, group_stories
from tests.conftest import BASE_DATE

STORY = ("Tilburg weigert vergunning voor short-stay locatie Vossenberg met vierhonderd bedden voor "
         "arbeidsmigranten; huisvester gaat in bezwaar tegen het besluit van het college")


def item(n: int, source: str, text: str = STORY, days: float = 0) -> NewItem:
    return NewItem(url=f"https://{source.lower()}.example/{n}", title=text[:60], text=text + f" ({source})",
                   source=source, published=BASE_DATE + timedelta(days=days), language="nl")


def test_same_story_from_two_sources_is_grouped_on_ingest(kb: KnowledgeBase) -> None:
    result = kb.add_items([item(1, "Omroep"), item(2, "Dagblad", days=1),
                           item(3, "Dagblad", "Iets heel anders over voetbal en het weer in Zeeland", days=1)])
    assert result.stories_new == 1
    rows = kb.database.query("SELECT id, story_id FROM items ORDER BY id")
    assert rows[0]["story_id"] == rows[1]["story_id"] is not None and rows[2]["story_id"] is None
    members = sightings(kb.database, rows[0]["id"], rows[0]["story_id"])
    assert {m[1] for m in members} == {"Omroep", "Dagblad"}
    assert kb.database.scalar("SELECT COUNT(*) FROM items") == 3  # grouped, not deleted
    summary = kb.search("").hits
    assert len(summary) == 2  # shown as one
    story_hit = next(h for h in summary if h.item.story_id)
    assert story_hit.item.story_size == 2 and story_hit.item.source_count == 2


def test_same_source_and_far_apart_are_not_grouped(kb: KnowledgeBase) -> None:
    result = kb.add_items([item(1, "Omroep"), item(2, "Omroep", days=1), item(3, "Dagblad", days=6)])
    assert result.stories_new == 0
    lenient = dataclasses.replace(DEFAULT_PAIR_MODEL, bias=-6.0, min_cosine=0.0)
    assert group_stories(kb.database, kb.vectors, result.added_ids, model=lenient) == 0


def test_a_third_source_joins_the_existing_story(kb: KnowledgeBase) -> None:
    kb.add_items([item(1, "Omroep"), item(2, "Dagblad", days=1)])
    later = kb.add_items([item(3, "Weekblad", days=2)])
    assert later.stories_new == 0
    assert kb.database.scalar("SELECT COUNT(DISTINCT story_id) FROM items") == 1
    assert kb.database.scalar("SELECT COUNT(*) FROM items WHERE story_id IS NOT NULL") == 3


def test_exact_copy_under_another_url_is_one_item_with_two_sightings(kb: KnowledgeBase) -> None:
    long_text = STORY * 3
    a = NewItem(url="https://a.example/1", title="Titel", text=long_text, source="A", published=BASE_DATE)
    b = NewItem(url="https://b.example/9", title="Titel", text=long_text, source="B", published=BASE_DATE)
    kb.add_items([a])
    result = kb.add_items([b])
    assert result.duplicates == 1 and result.added == 0
    assert kb.database.scalar("SELECT COUNT(*) FROM item_sources") == 2


def test_two_stories_that_turn_out_to_be_one_are_merged(kb: KnowledgeBase) -> None:
    first = kb.add_items([item(1, "Omroep"), item(2, "Dagblad", days=0.5)]).added_ids
    second = kb.add_items([item(3, "Weekblad", days=1), item(4, "Krant", days=1.2)]).added_ids
    with kb.database.write("stories", "items") as conn:  # as the old clustering left them: split in two
        conn.execute("INSERT INTO stories (id, created) VALUES (901, 'x'), (902, 'x')")
        conn.execute(f"UPDATE items SET story_id = 901 WHERE id IN ({first[0]}, {first[1]})")
        conn.execute(f"UPDATE items SET story_id = 902 WHERE id IN ({second[0]}, {second[1]})")
        conn.execute("DELETE FROM stories WHERE id NOT IN (901, 902)")
    late = kb.add_items([item(5, "Nieuwssite", days=1.5)])
    assert late.stories_new == 0
    assert {r[0] for r in kb.database.query("SELECT story_id FROM items")} == {901}
    assert [r[0] for r in kb.database.query("SELECT id FROM stories")] == [901]  # the emptied one is gone


def test_the_pair_model_tells_two_events_on_one_topic_apart() -> None:
    from store.signals.event_details import EventDetails
    from store.signals.stories import pair_features, pair_model, pair_probability

    model = pair_model("use-multilingual-v3")
    fine_a = EventDetails(frozenset({"flexaw", "tilbur"}), frozenset({45000, 24}))
    fine_a_polish = EventDetails(frozenset({"flexaw", "tilbur"}), frozenset({45000}))
    fine_b = EventDetails(frozenset({"karpat", "tilbur"}), frozenset({12500}))
    distinctive = {"flexaw", "karpat"}  # the town is in many reports of the window: not distinctive
    same = pair_probability(model, pair_features(fine_a, fine_a_polish, distinctive, 0.62, short=False))
    other = pair_probability(model, pair_features(fine_a, fine_b, distinctive, 0.80, short=False))
    assert same > model.link > other


def test_a_chain_of_loose_likenesses_does_not_make_one_story() -> None:
    from store.signals.event_details import EventDetails
    from store.signals.stories import _Report, cluster, pair_model

    model = pair_model("use-multilingual-v3")
    reports = [_Report(n, BASE_DATE, frozenset({n}), None, EventDetails(frozenset(), frozenset()), False)
               for n in range(3)]
    # a~b and b~c are likely, a~c is not: average linkage keeps c out of a's story
    groups = cluster(reports, {(0, 1): 0.9, (1, 2): 0.55, (0, 2): 0.05}, model)
    assert sorted(map(sorted, groups)) == [[0, 1], [2]]


def test_the_fast_pair_probabilities_equal_the_pair_model_term_for_term() -> None:
    """link_probabilities computes the pair model for blocks of pairs at once (for speed); it must give
    what pair_features and pair_probability give, pair for pair."""
    import random
    from datetime import UTC, datetime

    import numpy as np

    from store.signals import stories
    from store.signals.event_details import EventDetails

    rng = random.Random(1)
    names = [f"naam{k}" for k in range(30)]
    reports = [stories._Report(  # noqa: SLF001 - the reports the window holds
        n, datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randint(0, 100)), frozenset({rng.randint(0, 5)}),
        None, EventDetails(frozenset(rng.sample(names, rng.randint(0, 4))),
                           frozenset(rng.sample(range(100, 120), rng.randint(0, 3)))), rng.random() < 0.3)
        for n in range(150)]
    matrix = np.random.default_rng(0).normal(size=(150, 16)).astype(np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    model, distinctive = stories.PAIR_MODELS["use-multilingual-v3"], set(names[:20])
    fast = stories.link_probabilities(reports, matrix, model, distinctive)
    sims = matrix @ matrix.T
    expected = {}
    for i in range(150):
        for j in range(i + 1, 150):
            a, b = reports[i], reports[j]
            if sims[i, j] < model.min_cosine or a.sources & b.sources or abs(a.published - b.published) > \
                    stories.STORY_WINDOW:
                continue
            expected[(i, j)] = stories.pair_probability(model, stories.pair_features(
                a.details, b.details, distinctive, float(sims[i, j]), a.short or b.short))
    assert len(expected) > 500 and fast.keys() == expected.keys()
    assert max(abs(fast[pair] - expected[pair]) for pair in expected) < 1e-6
    focused = stories._PairLinks(reports, matrix, model, distinctive).candidates([3, 40], 0.5)  # noqa: SLF001
    assert focused == pytest.approx({pair: p for pair, p in expected.items() if (3 in pair or 40 in pair)
                                     and p >= 0.5})


def test_the_names_of_a_window_are_remembered_until_an_item_changes(kb: KnowledgeBase) -> None:
    from store.signals import stories

    kb.add_items([NewItem(url="https://krant.example/a", title="Werkgevers in Oss zoeken personeel",
                          text="Werkgevers in Oss zoeken personeel via Kempenflex.", source="Krant",
                          published=BASE_DATE)])
    item_id = kb.resolve_item("https://krant.example/a")
    window = ("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")
    before = stories._window_reports(kb.database, *window)[item_id].details.names  # noqa: SLF001
    kb.add_items([NewItem(url="https://krant.example/a", title="Werkgevers in Oss zoeken personeel",
                          text="Werkgevers in Oss zoeken personeel via Kempenflex en Agrostaff.", source="Krant",
                          published=BASE_DATE)])
    after = stories._window_reports(kb.database, *window)[item_id].details.names  # noqa: SLF001
    from store.signals.event_details import name_key

    assert after - before == {name_key("Agrostaff")}
