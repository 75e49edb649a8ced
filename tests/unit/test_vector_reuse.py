"""Ingest never embeds a text whose vector is stored: reposts, unchanged leads and unchanged passages
take the stored vectors; only what is new reaches the model."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from store.core.models import NewItem
from store.knowledge_base import KnowledgeBase
from tests.conftest import BASE_DATE

PARAGRAPHS = [
    "Het nieuwe distributiecentrum van Noordhaven in Tilburg opent in maart en biedt werk aan vierhonderd mensen. "
    "De gemeente is blij met de investering.",
    "Het gebouw krijgt zonnepanelen op het dak en een eigen aansluiting op het spoor. De bouw loopt volgens plan, "
    "zegt de projectleider, en de eerste vrachtwagens rijden in het voorjaar af en aan. " * 3,
    "Voor het vervoer van de werknemers zet Noordhaven pendelbussen in die drie keer per dag tussen de logieslocatie "
    "in Waalwijk en het terrein rijden. De bussen zijn gratis voor de werknemers. " * 3,
    "Omwonenden maken zich zorgen over het verkeer op de Ringbaan-West en vragen de gemeente om een extra "
    "rotonde bij de ingang van het terrein. De wethouder belooft een onderzoek. " * 3,
]


class CountingEmbedder:
    """The test embedder, counting the texts that reach it."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def embed(self, texts, kind="passage") -> np.ndarray:
        self.texts += list(texts)
        return self.inner.embed(texts, kind=kind)


@pytest.fixture
def counting(kb: KnowledgeBase) -> CountingEmbedder:
    counter = CountingEmbedder(kb.vectors.embedder)
    kb.vectors.embedder = counter  # type: ignore[assignment]
    kb.add_items([_item("https://warm.example/0", "Opwarmen", "Een bericht dat de themateksten laat inbedden.")])
    counter.texts.clear()  # what the themes' own texts cost is not ingest's to count
    return counter


def _item(url: str, title: str, text: str, hours: int = 0) -> NewItem:
    return NewItem(url=url, title=title, text=text, source="Krant", language="nl",
                   published=BASE_DATE + timedelta(hours=hours))


def test_a_repost_under_another_address_is_not_embedded_again(kb: KnowledgeBase, counting) -> None:
    short = "Noordhaven zoekt 400 orderpickers in Tilburg."  # too short to be taken for the same item by its text
    kb.add_items([_item("https://a.example/1", "Noordhaven zoekt orderpickers", short)])
    assert len(counting.texts) == 1
    result = kb.add_items([_item("https://b.example/nieuws/77", "Noordhaven zoekt orderpickers", short, 2)])
    assert result.added == 1 and len(counting.texts) == 1  # a second item, with the first one's vector
    ids, vectors = kb.vectors.vectors_for([kb.resolve_item("https://a.example/1"),
                                           kb.resolve_item("https://b.example/nieuws/77")])
    assert len(ids) == 2 and np.allclose(vectors[0], vectors[1])
    hits = kb.search("orderpickers Noordhaven", mode="semantic").hits
    assert {h.item.url for h in hits} >= {"https://a.example/1", "https://b.example/nieuws/77"}


def test_identical_texts_in_one_batch_reach_the_model_once(kb: KnowledgeBase, counting) -> None:
    short = "Agrostaff opent een kantoor in Zundert."
    kb.add_items([_item(f"https://feed.example/{n}", "Agrostaff opent kantoor", short, n) for n in range(5)])
    assert kb.database.scalar("SELECT COUNT(*) FROM items") == 6 and len(counting.texts) == 1  # 5 + the warm-up
    assert kb.vectors.stored_count() == 6


def test_an_update_deep_in_an_article_embeds_only_the_passage_that_changed(kb: KnowledgeBase, counting) -> None:
    kb.add_items([_item("https://long.example/1", "Distributiecentrum Noordhaven", "\n\n".join(PARAGRAPHS))])
    first = len(counting.texts)
    assert first == 1 + kb.database.scalar("SELECT COUNT(*) FROM passage_vectors") > 2
    counting.texts.clear()
    changed = [*PARAGRAPHS[:3], PARAGRAPHS[3].replace("een onderzoek", "een verkeersonderzoek voor de zomer")]
    result = kb.add_items([_item("https://long.example/1", "Distributiecentrum Noordhaven", "\n\n".join(changed))])
    assert result.updated == 1
    assert counting.texts == [p for p in counting.texts if "verkeersonderzoek" in p] and len(counting.texts) == 1
    assert kb.vectors.stale_ids() == []
    hits = kb.search("verkeersonderzoek rotonde Ringbaan", mode="semantic").hits
    assert hits and hits[0].item.url == "https://long.example/1"


def test_a_changed_lead_is_embedded_again(kb: KnowledgeBase, counting) -> None:
    kb.add_items([_item("https://long.example/2", "Distributiecentrum Noordhaven", "\n\n".join(PARAGRAPHS))])
    counting.texts.clear()
    lead = PARAGRAPHS[0].replace("in maart", "in juni")
    kb.add_items([_item("https://long.example/2", "Distributiecentrum Noordhaven",
                        "\n\n".join([lead, *PARAGRAPHS[1:]]))])
    assert len(counting.texts) == 1 and "in juni" in counting.texts[0]  # the lead; the passages were kept
    assert kb.vectors.stale_ids() == []


def test_looking_up_by_hash_leaves_item_lookups_on_the_item_index() -> None:
    """The hash indexes must not tempt SQLite's planner away from the item id (a scan of every passage)."""
    from store.db.connection import Database
    from store.db.migrations import migrate

    database = Database(":memory:")
    migrate(database)
    for table in ("passage_vectors", "embeddings"):
        plan = " ".join(str(r) for r in database.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT item_id, vector FROM {table} WHERE model = 'm' AND item_id IN (1, 2, 3)"))
        assert "text_hash" not in plan and ("item_id=?" in plan or "rowid=?" in plan), plan
        plan = " ".join(str(r) for r in database.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT text_hash, vector FROM {table} WHERE model = 'm' AND text_hash IN ('a')"))
        assert "text_hash=?" in plan, plan
    database.close()
