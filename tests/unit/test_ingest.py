"""The ingestion API: idempotent, updates in place, cancellable, embeds in batches."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np

from store.core.models import NewItem
from store.core.progress import ProgressEvent
from store.knowledge_base import KnowledgeBase
from tests.conftest import sample_items


def count(kb: KnowledgeBase, table: str) -> int:
    return int(kb.database.scalar(f"SELECT COUNT(*) FROM {table}"))


def test_adding_twice_adds_nothing_twice(kb: KnowledgeBase) -> None:
    first = kb.add_items(sample_items())
    second = kb.add_items(sample_items())
    assert first.added == 6 and second.added == 0 and second.unchanged == 6
    assert count(kb, "items") == 6
    assert count(kb, "items_fts" if not kb.is_team else "items WHERE search IS NOT NULL") == 6
    assert count(kb, "embeddings") == 6
    assert kb.vectors.index.count() == 6


def test_same_canonical_url_is_the_same_item(kb: KnowledgeBase) -> None:
    item = sample_items()[0]
    kb.add_items([item])
    tracked = replace(item, url=item.url + "?utm_source=nieuwsbrief&utm_medium=email#reacties")
    result = kb.add_items([tracked])
    assert result.added == 0 and count(kb, "items") == 1


def test_same_guid_is_the_same_item(kb: KnowledgeBase) -> None:
    kb.add_items([NewItem(url="https://a.example/1", title="Titel", text="Tekst", guid="tag:a,1")])
    result = kb.add_items([NewItem(url="https://a.example/moved", title="Titel", text="Tekst", guid="tag:a,1")])
    assert result.added == 0 and count(kb, "items") == 1


def test_changed_text_updates_and_reembeds(kb: KnowledgeBase) -> None:
    item = sample_items()[0]
    kb.add_items([item])
    _, before = kb.stored_vectors().vectors_for([1])
    result = kb.add_items([replace(item, text="Volledig nieuwe tekst over woonunits en vergunningen.")])
    assert result.updated == 1
    _, after = kb.stored_vectors().vectors_for([1])
    assert not np.array_equal(after, before)
    assert kb.search("woonunits", mode="keyword").hits[0].item.id == result.updated_ids[0]


def test_update_keeps_user_state(kb: KnowledgeBase) -> None:
    item = sample_items()[0]
    kb.add_items([item])
    kb.tag(item.url, ["huisvesting"])
    kb.add_items([replace(item, text="Aangepaste tekst")])
    assert [t.key for t in kb.get_item(item.url).themes if t.active] == ["huisvesting"]


def test_missing_date_uses_fetch_time_and_is_flagged(kb: KnowledgeBase) -> None:
    kb.add_items([NewItem(url="https://a.example/nodate", title="Zonder datum", text="Tekst")])
    item = kb.get_item("https://a.example/nodate")
    assert item.published is not None and item.published_estimated


def test_language_is_detected_when_missing(kb: KnowledgeBase) -> None:
    kb.add_items([
        NewItem(url="https://a.example/nl", title="Gemeente bouwt woningen voor arbeidsmigranten",
                text="De gemeente wil meer huisvesting realiseren voor werknemers uit het buitenland."),
        NewItem(url="https://a.example/en", title="Council builds homes for migrant workers",
                text="The council wants to provide more housing for workers from abroad this year."),
    ])
    assert kb.get_item("https://a.example/nl").language == "nl"
    assert kb.get_item("https://a.example/en").language == "en"


def test_cancel_keeps_committed_batches(kb: KnowledgeBase) -> None:
    cancel = threading.Event()
    events: list[ProgressEvent] = []

    def progress(event: ProgressEvent) -> None:
        events.append(event)
        cancel.set()  # cancel after the first batch

    items = [NewItem(url=f"https://a.example/{n}", title=f"Bericht {n}", text="tekst") for n in range(200)]
    result = kb.add_items(items, progress=progress, cancel=cancel, total=200)
    assert result.cancelled and result.added == 64
    assert count(kb, "items") == 64 and count(kb, "embeddings") == 64
    rest = kb.add_items(items)
    assert rest.added == 136 and rest.unchanged == 64


def test_progress_reports_batches(kb: KnowledgeBase) -> None:
    events: list[ProgressEvent] = []
    items = [NewItem(url=f"https://a.example/{n}", title=f"Bericht {n}", text="tekst") for n in range(130)]
    kb.add_items(items, progress=events.append, total=130)
    assert [e.done for e in events] == [64, 128, 130]
    assert events[-1].total == 130
