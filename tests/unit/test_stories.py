"""Near-duplicates from different sources become one story; nothing is deleted."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

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
